"""Classes of two outside corpora (h53, h54) about codes, ids and account numbers: a one-time code
told a sentence or two after its second factor, a private account in a domestic format written
in Cyrillic or abbreviated, a key box's or a door's code in dashes or with a keypad's letter, an
identity document's number after a dash and a verb, a Finnish identity code from the temporary
range, a wireless network's key said as "the key". The examples are new, in other words than the
corpora's; each class has its harmless look-alike that stays."""

from __future__ import annotations

import pytest
from support.findings import found, kept_text


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("Die Anmeldung verlangt den zweiten Faktor, und der Code kam auf das alte Handy meiner Frau. "
         "Sie hat ihn mir gerade vorgelesen: 731-204. Kannst du dich damit einloggen?", "731-204"),
        ("Logowanie prosi o drugi składnik, a kod przyszedł na stary telefon. Kolega podyktował mi go "
         "przed chwilą: 905 118. Zalogujesz się za mnie?", "905 118"),
    ],
)
def test_a_one_time_code_told_after_its_second_factor_is_a_credential(text, secret):
    assert secret not in kept_text(text)


def test_a_ticket_number_after_a_second_factor_word_is_kept():
    text = "After enabling 2FA the code of the portal changed; the related ticket: 482913 is closed."
    assert found(text, "credential") == [] and "482913" in kept_text(text)


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("Платите путне трошкове на мој жиро-рачун 205-0000000123456-89, молим.", "205-0000000123456-89"),
        ("Povračilo stroškov prosim nakažite na moj TRR 0201-0001234567.", "0201-0001234567"),
    ],
)
def test_a_private_account_in_a_domestic_format_is_personal(text, secret):
    assert secret not in kept_text(text)


def test_an_invoice_said_with_the_same_word_but_no_account_number_is_kept():
    text = "Рачун број 2024-117 за услуге хостинга је плаћен."
    assert found(text, "personal") == [] and "2024-117" in kept_text(text)


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("Nyckelboxen sitter vid porten, koden är 7-3-1-5.", "7-3-1-5"),
        ("Schlüsselbox am Eingang, der Code lautet 4-0-8-2.", "4-0-8-2"),
        ("Klíče jsou ve schránce, kód od dveří je 5-5-1-9.", "5-5-1-9"),
        ("The code for the front door is 9-1-4-6.", "9-1-4-6"),
        ("Der Türcode ist B2609.", "B2609"),
        ("Pour entrer par la porte de la cour, le code est B7720.", "B7720"),
    ],
)
def test_a_key_box_or_door_code_with_dashes_or_a_letter_is_a_credential(text, secret):
    assert secret not in kept_text(text)


@pytest.mark.parametrize(
    "text",
    ["Ticket 4711: the door access system logs show error code 5021 after the update.",
     "The code for the door controller is in release 2.4.1 since 2024."],
)
def test_a_door_system_s_error_code_or_version_is_kept(text):
    assert found(text, "credential") == []


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("Für die Anmeldung brauchten wir das Reisedokument der Gastforscherin – eingetragen haben wir "
         "PA8812734.", "PA8812734"),
        ("Pour le badge, la pièce d'identité du stagiaire : nous avons saisi XK5521908 dans le formulaire.",
         "XK5521908"),
    ],
)
def test_an_identity_document_s_number_after_a_dash_and_a_verb_is_personal(text, secret):
    assert secret not in kept_text(text)


def test_a_travel_document_s_rules_are_kept():
    text = "Travel document requirements: see section 4 of the visa guide, updated in 2024."
    assert found(text, "personal") == [] and "section 4" in kept_text(text)


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("Tilapäinen tunnus oli 150588-912U, nyt korjattu HR:n järjestelmässä.", "150588-912U"),
        ("The visiting researcher's temporary Finnish code is 010101B955H until the register updates.",
         "010101B955H"),
    ],
)
def test_a_finnish_identity_code_from_the_temporary_range_is_personal(text, secret):
    assert secret not in kept_text(text)


def test_a_temporary_looking_code_with_a_wrong_check_character_is_kept():
    assert "070393-924S" in kept_text("Sample record 070393-924S in the test fixture.")


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("<p>The visitors' wireless network is <b>EGI-Visit</b>; the key is <tt>harbour-Kite-2207</tt>.</p>",
         "harbour-Kite-2207"),
        ("Gjestenettverket heter Lab-Gjest, og nøkkelen er <kbd>fjord-Ulv-2931</kbd>.", "fjord-Ulv-2931"),
    ],
)
def test_a_wireless_network_s_key_is_a_credential(text, secret):
    assert secret not in kept_text(text)


def test_where_a_wireless_key_is_written_is_kept():
    text = "The Wi-Fi key is printed on the sticker under the router."
    assert found(text, "credential") == [] and "printed on the sticker" in kept_text(text)


# --- what the audit of h54's build found that the screening had published ------------------------


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("Prosím vraťte mi to na účet:\nNL02 ABNA 0592\n8374 61\nDěkuji", "8374 61"),
        ("Rückerstattung bitte an\nFR76 3000 6000 0112\n3456 7890 189\nDanke", "3456 7890 189"),
    ],
)
def test_an_iban_broken_over_two_lines_goes_whole(text, secret):
    assert secret not in kept_text(text)


def test_every_code_word_of_an_entry_sentence_gives_its_code():
    text = "Bejárat: az ajtó kódja 5521, a kulcs a dobozban van, a doboz kódja 7734."
    assert "5521" not in kept_text(text) and "7734" not in kept_text(text)
