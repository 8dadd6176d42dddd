"""Classes of the h74 corpus: a delivery address without a street word and a flat or a home said
after it (in its sentence or on the next quoted line), a named person's home before an address (a
subject's "to Ellie's flat - ..."), and a birth date a person tells in the sentences after a form's
birth field. The examples are new, in other words than the corpus's."""

from __future__ import annotations

import pytest
from support.findings import found, kept_text


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("Kuriér to môže doručiť na Hlavnú 1203/5, 040 01 Košice-Staré Mesto, je to byt mojej sestry.",
         "Hlavnú 1203/5"),
        ("Kurier może dostarczyć na Polną 12, 80-123 Gdańsk-Wrzeszcz,\n> to mieszkanie koleżanki, będzie w domu od 15.",
         "Polną 12"),
    ],
)
def test_an_address_without_a_street_word_before_a_flat_or_home_is_personal(text, secret):
    assert found(text, "personal") and secret not in kept_text(text)


def test_an_institutes_address_in_that_shape_stays():
    text = "Doručte to na Zikova 1903/4, 160 00 Praha 6, je to sídlo sdružení CESNET."
    assert found(text, "personal") == [] and "Zikova 1903/4" in kept_text(text)


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("Courier for the token: Tom’s house, 12 Rosebery Crescent, Glasgow G12 8QT", "12 Rosebery Crescent"),
        ("Send the YubiKey to Marta's place, 7 Carlton Mews, Leeds LS6 2AB, she works from there.", "7 Carlton Mews"),
        ("Bitte an Lukas’ Wohnung schicken: 9 Belford Gardens, Edinburgh EH4 3EJ", "9 Belford Gardens"),
        ("Le lecteur part chez Siobhan : 3 Rowan Close, Cardiff CF10 3AT", "3 Rowan Close"),
    ],
)
def test_an_address_after_a_named_persons_home_is_personal(text, secret):
    assert secret not in kept_text(text)


@pytest.mark.parametrize(
    "text",
    ["the workshop is at 4 Montague Terrace, Edinburgh EH3 5QX",
     "Registration desk at King's Place - 90 York Way, London N1 9AG"],
)
def test_a_venues_address_in_that_shape_stays(text):
    assert found(text, "personal") == []


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("Das Formular will ein Geburtsdatum, bei uns stand 01.01.1900 drin. Sie sagt, es ist der 14. März 1991.",
         "14. März 1991"),
        ("Formularz wymaga daty urodzenia, system wpisał 01.01.1900. Mówi, że to 7 maja 1989.", "7 maja 1989"),
        ("Le formulaire demande la date de naissance. Il a rempli 1/1/1900 par erreur. Il écrit que c'est le 3 mars 1984.",
         "3 mars 1984"),
    ],
)
def test_a_birth_date_a_person_tells_after_the_form_asked_is_personal(text, secret):
    assert secret not in kept_text(text)


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("the form has a date of birth field; the deadline is 2 June 2026, he says.", "2 June 2026"),
        ("Das Formular hat ein Feld für das Geburtsdatum. Sie sagt, die Frist ist der 2. Juni 2026.", "2. Juni 2026"),
    ],
)
def test_an_events_date_after_a_birth_field_stays(text, kept):
    assert kept in kept_text(text)
