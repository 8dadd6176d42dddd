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


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("Dane do ubezpieczenia: Anna Nowak, data urodzenia 7.XI.1979, paszport ważny.", "7.XI.1979"),
        ("Údaje pro pojištění: datum narození 3. V. 1982, adresa viz výše.", "3. V. 1982"),
    ],
)
def test_a_birth_date_with_a_roman_month_is_personal(text, secret):
    assert secret not in kept_text(text)


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("Apologies for the delay: it was my 35th, I was born on the 21st of May '90 and we went hiking.", "May '90"),
        ("Für die Versicherung: geboren am 4. Mai '79 in Linz, alles andere wie gehabt.", "4. Mai '79"),
        ("Lei è nata il 3 giugno '81, quindi l'assicurazione va bene.", "3 giugno '81"),
    ],
)
def test_a_birth_date_with_an_apostrophed_year_is_personal(text, secret):
    assert secret not in kept_text(text)


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("Születési hely, idő: Debrecen, 1988. március 14.", "1988. március 14"),
        ("Dane gościa, data i miejsce urodzenia: 14.03.1988, Kraków.", "14.03.1988"),
    ],
)
def test_a_birth_date_after_a_form_s_place_and_date_label_is_personal(text, secret):
    assert secret not in kept_text(text)


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("Im System steht das Geburtsdatum 12.03.1958 statt 12.03.1985, bitte korrigieren.", "12.03.1985"),
        ("A data de nascimento ficou 1985-07-02 em vez de 1958-07-02 no formulário.", "1958-07-02"),
    ],
)
def test_the_date_a_birth_date_is_corrected_to_is_personal_too(text, secret):
    assert secret not in kept_text(text)


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("The VO was born on 3 June 2004 as a spin-off of the regional grid.", "3 June 2004"),
        ("The portal was born on the 5th of May '21 at a hackathon.", "May '21"),
        ("The project was born on 12.IV.2019 in Kraków.", "12.IV.2019"),
        ("The form shows her date of birth 1984-02-11, not the arrival date 2024-02-11.", "2024-02-11"),
        ("DOB 1985-03-22, contract from 2019-09-01 to 2023-08-31.", "2019-09-01 to 2023-08-31"),
    ],
)
def test_a_things_birth_and_a_date_that_is_no_birth_stay(text, kept):
    assert kept in kept_text(text)


def test_a_persons_birth_on_the_same_day_is_personal():
    assert "3 June 2004" not in kept_text("Our daughter was born on 3 June 2004 in Lyon.")
