"""Classes of text that went through machines or through an incident's handling (holdouts 39 and
40: OCR, PDF and mail forwarding; incident reports, logs and breach notices; measured before these
rules existed). Leaked: a birth date or an identity number read by OCR with letters for some
digits, an address after "residing at", a recovery code after words with a digit in them ("to
re-enable 2FA:"). Lost: a password rule's length, a placeholder's name in angle brackets, a
domain named in a sentence about passwords, a Finnish case ending after a colon read as a
password, and names of markings ("information marked TLP:AMBER", 'we do not use "do not
publish" markers'). The examples are new, in other words than the corpora's."""

from __future__ import annotations

import pytest
from support.findings import found, kept_text


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("Scan (OCR) des Antrags:\nGeburtsdatum: O3.l1.l979\nInstitut: DESY", "O3.l1.l979"),
        ("OCR output, registration form\nDate of birth: 2l/O4/l99O\nVO: biomed", "2l/O4/l99O"),
        ("Data di nascita: l7-O9-l985 (dal modulo scansionato)", "l7-O9-l985"),
    ],
)
def test_a_birth_date_with_letters_read_for_digits_is_personal(text, secret):
    assert secret not in kept_text(text)


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("skan dowodu osobistego: ABX 3O5l28 do weryfikacji", "3O5l28"),
        ("PESEL z formularza (OCR): 8O0l2O45678", "8O0l2O45678"),
    ],
)
def test_an_identity_number_with_letters_read_for_digits_is_personal(text, secret):
    assert found(text, "personal") and secret not in kept_text(text)


def test_words_of_letters_and_digits_that_are_no_number_are_left_alone():
    text = "OCR of the minutes: Q3 2O25 milestone, Il giorno dopo, l2 cache misses at 4O%."
    assert found(text, "personal") == []


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("Breach notice: the affected user, residing at 7 Odos Ermou, 10563 Athens, was informed.",
         "7 Odos Ermou, 10563 Athens"),
        ("De betrokkene, woonachtig te Dorpsweg 4, 7411 AB Deventer, is op de hoogte gebracht.",
         "Dorpsweg 4, 7411 AB Deventer"),
    ],
)
def test_an_address_after_residing_at_is_personal(text, secret):
    assert found(text, "personal") and secret not in kept_text(text)


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("She read me the recovery code to re-enable 2FA: 77120-40913", "77120"),
        ("the reset code for her 2nd account is 558213", "558213"),
    ],
)
def test_a_code_after_words_with_a_digit_in_them_is_a_credential(text, secret):
    assert secret not in kept_text(text)


@pytest.mark.parametrize(
    ("text", "keep"),
    [
        ("Password rules: 14 characters minimum and a second factor for admins.", "14 characters minimum"),
        ("Passwort: mindestens 10 Zeichen, Sonderzeichen empfohlen.", "10 Zeichen"),
        ("Regole per la password: 12 caratteri, rinnovo ogni anno.", "12 caratteri"),
    ],
)
def test_a_password_rules_length_is_kept(text, keep):
    assert keep in kept_text(text)


def test_a_placeholders_name_in_angle_brackets_is_kept():
    text = "Beispiel: client_secret: <euer-Client-Geheimnis> – den echten Wert bitte nie hier."
    assert "euer-Client-Geheimnis" in kept_text(text)


def test_a_domain_in_a_sentence_about_passwords_is_kept():
    text = "Salasanan voi vaihtaa palvelussa MyAccessID.eu, ja token uusiutuu itsestään."
    assert "MyAccessID.eu" in kept_text(text)


@pytest.mark.parametrize("text", ["Tunnukset Allas:lle ja Puhti:lle on luotu.", "Uudet tunnukset LUMI:ssa toimivat."])
def test_a_finnish_case_ending_after_a_colon_is_no_password(text):
    assert found(text, "credential") == []


def test_a_users_password_after_a_colon_is_still_a_credential():
    assert "Sateen.Kaari.77" not in kept_text("Tunnukset: mvirtanen:Sateen.Kaari.77")


@pytest.mark.parametrize(
    ("text", "keep"),
    [
        ("Reports marked TLP:RED stay in the CSIRT tracker. This ticket gets the public summary.",
         "This ticket gets the public summary."),
        ("Unterlagen, die als vertraulich gekennzeichnet sind, gehören nicht hierher. Hier steht nur die Lage.",
         "Hier steht nur die Lage."),
        ('We never put "do not publish" labels on this ticket, because all of it is public.', "all of it is public"),
    ],
)
def test_the_name_of_a_marking_is_no_marking(text, keep):
    assert keep in kept_text(text)


@pytest.mark.parametrize(
    "text",
    ["This report is marked confidential and lists the root password Fjord-Wind-88.",
     "Marked confidential: the VPN account is on the sticky note.",
     "We marked as confidential what follows. The admin phone is on the wiki.",
     # a passive's auxiliary written with accents or other letters than ASCII (compared as the
     # view folds it: "été" is "ete" there)
     "Le paragraphe suivant a été marqué confidentiel par le PI et le reste du fil aussi.",
     "Ta sekcja została oznaczona poufne przez kierownika projektu i reszta też."],
)
def test_a_marking_made_is_still_a_marking(text):
    assert found(text, "marker")


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("Zugangsdaten für die Test-VM: tester / wolkenlos", "wolkenlos"),
        ("identifiants : invite / soleil", "soleil"),
    ],
)
def test_an_accounts_password_after_a_slash_is_a_credential(text, secret):
    assert secret not in kept_text(text)


@pytest.mark.parametrize(
    ("text", "secret"),
    [("login: centos:centos", "centos:centos"), ("Přihlášení: student:jaro2024", "jaro2024")],
)
def test_a_password_joined_to_its_account_after_a_login_word_is_a_credential(text, secret):
    assert found(text, "credential") and secret not in kept_text(text)


@pytest.mark.parametrize("text", ["login: ui.grid.example.org:2222", "login: user:<password>", "credentials: see the wiki / ask Jan"])
def test_a_login_words_host_port_or_placeholder_is_kept(text):
    assert found(text, "credential") == []
