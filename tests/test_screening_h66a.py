"""Classes of the h66 corpus ('secrets as tools and people leave them'): a surgery or a hospital stay
told in Turkish, a voicemail's PIN, a plate told in the sentence after its word, a door code told
after the entrance's address, a one-time code in an account recovery's subject, and a portal's log
line naming the user's id after "password". The examples are new, in other words than the corpus's."""

from __future__ import annotations

import pytest
from support.findings import found, kept_text


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("Toplantıya gelemiyorum, dün diz ameliyatı oldum ve yürüyemiyorum.", "ameliyatı oldum"),
        ("Annem geçen ay kalp ameliyatı geçirdi, bu yüzden izindeyim.", "ameliyatı geçirdi"),
        ("Bir hafta hastanede yattım, raporları sonra göndereceğim.", "hastanede yattım"),
    ],
)
def test_a_surgery_or_a_stay_told_in_turkish_is_personal(text, secret):
    assert secret not in kept_text(text)


def test_a_turkish_hospital_network_ticket_is_kept():
    text = "Hastane ağına VPN erişimi gerekiyor; ameliyathane yazılımı için yeni sürüm hazır."
    assert found(text, "personal") == []


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("Se vuoi ascoltare i messaggi, il PIN della casella vocale è 3817.", "3817"),
        ("Ma boîte: le PIN de la messagerie vocale est 5093, merci.", "5093"),
        ("Meine Mobilbox-PIN lautet 7260.", "7260"),
        ("El PIN del buzón de voz es 4418.", "4418"),
    ],
)
def test_a_voicemail_pin_is_a_credential(text, secret):
    assert secret not in kept_text(text)


def test_a_voicemail_pin_changed_in_a_year_is_kept():
    text = "Il PIN della segreteria è stato cambiato nel 2019 dal servizio telefonico."
    assert "2019" in kept_text(text)


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("Kun je mijn kenteken aan de parkeergarage geven? Het is 7-TKX-39 (zwarte Opel).", "7-TKX-39"),
        ("Could you register my number plate for the car park? It is KR 5512T.", "KR 5512T"),
    ],
)
def test_a_plate_told_in_the_sentence_after_its_word_is_personal(text, secret):
    assert secret not in kept_text(text)


def test_a_plate_reader_and_a_rack_name_are_kept():
    text = "The licence plate reader failed again. It is VM-04 in rack B2."
    assert "VM-04" in kept_text(text)


@pytest.mark.parametrize(
    ("text", "secret", "kept"),
    [
        ("Koden til inngangen i Thormøhlens gate 55 er 8140, så heis til 3. etasje.", "8140", "55"),
        ("The code for the main entrance at 12 Kruislaan is 6093, then the lift.", "6093", "12 Kruislaan"),
    ],
)
def test_a_door_code_told_after_the_entrances_address_is_a_credential(text, secret, kept):
    left = kept_text(text)
    assert secret not in left and kept in left


def test_a_door_with_a_size_and_a_qr_code_is_kept():
    text = "The door at Kungsgatan 12 is 1850 mm wide; the QR code by the entrance links to 2024 plans."
    assert "1850" in kept_text(text)


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("AW: Kontowiederherstellung – Code 482 913 wird nicht akzeptiert", "482 913"),
        ("Re: récupération du compte - code 660 127 refusé", "660 127"),
    ],
)
def test_a_one_time_code_in_an_account_recoverys_subject_is_a_credential(text, secret):
    assert secret not in kept_text(text)


def test_an_error_code_on_the_login_page_is_kept():
    text = "Re: error code 500 302 on the login page"
    assert "500 302" in kept_text(text)


@pytest.mark.parametrize(
    "text",
    ["2024-05-02 09:14:03 INFO password-reset: password updated for uid=90211",
     "audit: Passwort geändert für uid=7731 (self-service)"],
)
def test_a_log_line_naming_a_users_id_after_password_is_kept(text):
    assert found(text, "credential") == []
