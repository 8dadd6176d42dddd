"""Classes of text about money and about the logistics of meetings (holdouts 41 and 42: invoices,
budgets and vouchers; travel, venues, registration lists; measured before these rules existed).
Leaked: a booking's reference, a door's or a meeting's code said in other words, a voucher's code
of capitals and digits, a named person's pay (in prose and in a budget's salary column), a named
person's allergy or wheelchair on a list, a home address a visa letter asks for, a passport's
number of digits only, an API key named in German. The examples are new, in other words than the
corpora's."""

from __future__ import annotations

import pytest
from support.findings import found, kept_text


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("Flug nach Brno gebucht, Buchungscode ZK4T9Q für Herrn Vogel", "ZK4T9Q"),
        ("Hotel Aurora, número de reserva 55183920, a nombre de Lucía Pardo", "55183920"),
        ("train ticket: record locator 8HQ-22XK for M. Laine", "8HQ-22XK"),
        ("Prenotazione confermata, codice di prenotazione TRN-448812, ospite Giulia Neri", "TRN-448812"),
    ],
)
def test_a_bookings_reference_is_a_credential(text, secret):
    assert found(text, "credential") and secret not in kept_text(text)


@pytest.mark.parametrize(
    "text",
    ["The booking reference will be sent by the agency in May 2026.",
     "Booking number and rooming list follow next week."],
)
def test_a_bookings_word_without_a_reference_is_kept(text):
    assert found(text, "credential") == []


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("Salle 104 : tapez le code 73310 sur le boîtier", "73310"),
        ("Teams-Code für das Treffen: 992145", "992145"),
        ("The keypad code for the lab (room 2.17, second floor) is 5590, changed weekly.", "5590"),
        ("De eenmalige betaalcode is 770193, geldig 5 minuten.", "770193"),
    ],
)
def test_a_doors_or_a_meetings_code_said_otherwise_is_a_credential(text, secret):
    assert secret not in kept_text(text)


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("closed - coupon EGX-5512-QQ7R forwarded to the PI", "EGX-5512-QQ7R"),
        ("Gutscheincode für die Cloud-Credits: PRT7-22KD-91ZA", "PRT7-22KD-91ZA"),
    ],
)
def test_a_vouchers_code_of_capitals_and_digits_is_a_credential(text, secret):
    assert found(text, "credential") and secret not in kept_text(text)


def test_a_voucher_scheme_named_with_a_project_is_kept():
    assert found("The voucher scheme of EGI-ACE ran until 2023.", "credential") == []


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("Il compenso giornaliero non cambia; la tariffa giornaliera di Paolo Sala resta 540 €.", "540 €"),
        ("Zgodnie z umową wynagrodzenie Anny Nowak wynosi 9 800 zł brutto.", "9 800 zł"),
    ],
)
def test_a_named_persons_pay_is_personal(text, secret):
    assert found(text, "personal") and secret not in kept_text(text)


def test_a_budgets_salary_column_goes_with_its_row():
    text = "name,role,fte,gross_salary_eur\nIlse Brandt,developer,0.8,4120\nKarl Ott,admin,1.0,3950"
    kept = kept_text(text)
    assert "4120" not in kept and "Ilse Brandt" not in kept and "3950" not in kept


def test_a_rate_for_a_service_is_kept():
    text = "The day rate for cloud consultancy in the EGI Federation is 800 EUR."
    assert "800 EUR" in kept_text(text)


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("Teilnehmerliste:\n- Jonas Weber (Rollstuhlfahrer, braucht den Aufzug)\n- Eva Roth", "Rollstuhlfahrer"),
        ("Name;Org;Diet\nMaja Horvat;IRB;;gluten, celiac disease\nIvo Babić;SRCE;;none", "celiac disease"),
        ("Catering: Tomás Ruiz tiene alergia grave al marisco.", "alergia grave al marisco"),
    ],
)
def test_a_named_persons_allergy_or_wheelchair_is_personal(text, secret):
    assert found(text, "personal") and secret not in kept_text(text)


@pytest.mark.parametrize(
    "text",
    ["The Science Park venue is wheelchair accessible; allergies can be noted at registration.",
     "Please tell us about allergies when you register."],
)
def test_a_venues_access_and_a_call_for_allergies_are_kept(text):
    assert found(text, "personal") == []


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("Für das Visum bitte meine Heimatadresse nehmen:\nNino Kapanadze\nRustaveli-Allee 12, Wohnung 3\n0108 Tiflis",
         "Rustaveli-Allee 12"),
        ("Laiškui: Tomas Petrauskas, paso Nr. 41122334.", "41122334"),
    ],
)
def test_a_visa_letters_home_address_and_passport_number_are_personal(text, secret):
    assert found(text, "personal") and secret not in kept_text(text)


def test_an_api_key_named_in_german_is_a_credential():
    text = "Der API-Schlüssel für das Monitoring lautet: mon-key-0c41e9a7b2d84f11a93e5c7d2b6f8a10"
    assert "0c41e9a7b2d84f11a93e5c7d2b6f8a10" not in kept_text(text)


def test_a_rooming_lists_booking_column_is_a_credential_and_a_yes_is_not():
    rows = "Guest | Booking ref | Room |\nTeresa Lind | HTL-4471902 | 214 |\nOla Berg | yes | 215 |"
    kept = kept_text(rows)
    assert "HTL-4471902" not in kept and "yes" in kept


def test_a_redacted_reference_is_not_read_again_as_the_next_capitals():
    text = "booking reference [redacted: credential], passenger MR JONAS KVIST, seat 3A"
    assert found(text, "credential") == []


def test_a_boarding_pass_is_a_ticket_not_a_password():
    assert found("Boarding pass info: Austrian OS 123, seat 12A", "credential") == []
    assert "Tulpe-Nebel-61" not in kept_text("pass info: Tulpe-Nebel-61")


def test_a_named_persons_line_under_personnel_costs_goes_whole():
    text = "Personalkosten des Projekts:\nLena Hoffmann, Entwicklerin, 4 300 EUR/Monat\nGesamt 2026: 51 600 EUR"
    kept = kept_text(text)
    assert "Lena Hoffmann" not in kept and "4 300" not in kept and "51 600 EUR" in kept


def test_an_id_after_a_few_words_and_a_semicolon_is_personal():
    assert "504118226" not in kept_text("Preciso do NIF pessoal; enviei: 504118226 (Rui Matos).")
