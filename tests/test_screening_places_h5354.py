"""Classes of the held-out corpora h53 and h54, added with their rules: home addresses in their
countries' own formats with a floor and a door, a domestic mobile with its trunk prefix, and birth
dates written with a Roman month, an apostrophed year, the year first or beside another date. The
examples are new, in other words than the corpora's."""

from __future__ import annotations

import pytest
from support.findings import found, kept_text


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("Ha késik a vonat, az apja elérhető: 06 70 321 6655.", "06 70 321 6655"),
        ("Ha nem érsz el, a mobilom 20/512-7734, este is felveszem.", "20/512-7734"),
        ("Nu am email acum, mobilul meu: 744 218 935.", "744 218 935"),
    ],
)
def test_a_domestic_mobile_beside_an_article_or_after_an_inflected_mobile_is_a_phone(text, secret):
    assert secret not in kept_text(text)


def test_a_court_file_reference_after_az_stays():
    text = "Schreiben des Gerichts, Az.: 0612 3456 789, bitte ablegen."
    assert found(text, "phone") == []


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("Envieu-me la targeta al carrer de Blai 7, 1r 2a, 08004 Barcelona.", "carrer de Blai 7, 1r 2a"),
        ("A vendég szállása: 6722 Szeged, Kossuth Lajos sgt. 40. III. em. 12.", "Kossuth Lajos sgt. 40. III. em. 12"),
        ("Klíč si vyzvedne na Vinohradská 12, byt č. 5, 120 00 Praha 2.", "Vinohradská 12, byt č. 5"),
        ("Ospite della fondazione: Via Roma 12, int. 7, 40126 Bologna", "Via Roma 12, int. 7"),
        ("Gæsteforskeren bor via Carlsberg Foundation: Jagtvej 69, 2. tv., 2200 København N", "Jagtvej 69, 2. tv."),
    ],
)
def test_a_home_address_with_its_floor_and_door_is_personal(text, secret):
    assert secret not in kept_text(text)


@pytest.mark.parametrize(
    "text",
    ["Our institute: Niels Bohr Institute, Blegdamsvej 17, 2100 København Ø",
     "BSC-CNS, c/ Jordi Girona 31, 2º, 08034 Barcelona",
     "Oficina de la Fundación: C/ Alcalá 45, 3º dcha., 28014 Madrid",
     "Der Workshop findet im Büro statt: Wiedner Hauptstraße 76, 3. Stock, 1040 Wien."],
)
def test_an_organisations_address_with_a_floor_stays(text):
    assert found(text, "personal") == []
