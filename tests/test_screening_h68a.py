"""Classes of the h67/h68 corpora: a person's pay or birth date in an HTML table whose header row
names the column in a payroll's or a form's abbreviated words ("Bruto plaća / mj.", "Data de
nasc."), and a birth date written with the genealogical star after a name ("Weber, Lukas
(*14.02.1996)"). The examples are new, in other words than the corpora's; an HTML table is given
as screening writes it (``html_table_rows``: one line a row, cells between bars)."""

from __future__ import annotations

import pytest
from support.findings import found, kept_text


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("Zaposlenik | Bruto plata / mj. | Udio | \nAna Kovač | 1.890 EUR | 0,5 | \n", "1.890 EUR"),
        ("Mitarbeiterin | Bruttogehalt (EUR) | Anteil | \nJana Vogel | 4.310,00 | 0,3 | \n", "4.310,00"),
        ("Nombre | Centro | Fecha de nac. | \nLucía Gómez | BSC | 21/09/1993 | \n", "21/09/1993"),
        ("Nom | Labo | Date de naiss. | \nClaire Martin | IN2P3 | 02/12/1985 | \n", "02/12/1985"),
    ],
)
def test_pay_or_birth_date_under_an_abbreviated_or_accented_header_is_personal(text, secret):
    assert secret not in kept_text(text)


def test_a_table_of_events_or_costs_with_dates_stays():
    text = ("Evento | Local | Data de início | Custo (EUR) | \n"
            "EGI Conference | Lisboa | 07/10/2025 | 1.200 EUR | \n")
    assert found(text, "personal") == []


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("Uczestnicy: Anna Nowak * 03/05/1990, Cyfronet; Piotr Zieliński, PCSS", "03/05/1990"),
        ("Iscritti al corso:\nMario Rossi (* 1988-07-21), INFN Bari\nGiulia Neri, CNR", "1988-07-21"),
        ("Deelnemers:\nJansen, Pieter (*30.06.1979), SURF\nDe Vries, Eva, Nikhef", "30.06.1979"),
    ],
)
def test_a_birth_date_after_the_genealogical_star_is_personal(text, secret):
    assert secret not in kept_text(text)


@pytest.mark.parametrize(
    "text",
    ["KIT (*01.10.2009) is the merger of two institutes.",
     "Release notes:\n* 14.02.1996 first tag\n* fixed the 2 * 3.5.1990 bug",
     "The release date is **14.02.1996** in the old changelog."],
)
def test_a_star_before_a_founding_date_or_a_list_bullet_stays(text):
    assert found(text, "personal") == []


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("Sorry, we just moved to 14 Larkspur Close, Cambridge CB1 3QT and the broadband is not up yet.",
         "14 Larkspur Close"),
        ("Förlåt, vi flyttade till Storgatan 12 B i Göteborg (413 19) och fibern är inte inkopplad än.",
         "Storgatan 12 B"),
        ("Omlouvám se, přestěhovali jsme se na Údolní 48, 602 00 Brno a internet ještě nejde.", "Údolní 48"),
    ],
)
def test_a_home_address_told_as_where_one_has_just_moved_is_personal(text, secret):
    assert secret not in kept_text(text)


@pytest.mark.parametrize(
    "text",
    ["Das Rechenzentrum ist umgezogen in die Zeppelinstraße 12, 76131 Karlsruhe.",
     "We moved to Rocky 9.3 and the jobs run on 12 nodes now."],
)
def test_an_organisation_s_move_or_a_move_to_a_release_stays(text):
    assert found(text, "personal") == []


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("Kortelę siųskite man į namus: Gedimino pr. 9-4, Vilnius", "Gedimino pr. 9-4"),
        ("Dėl kortelės: prašau siųsti į namus, Žirmūnų g. 56-21, Vilnius", "Žirmūnų g. 56-21"),
    ],
)
def test_a_lithuanian_home_address_with_an_abbreviated_street_word_is_personal(text, secret):
    assert secret not in kept_text(text)


def test_an_institute_s_lithuanian_address_stays():
    assert found("Kortelę siųskite į institutą: Saulėtekio al. 3, Vilnius", "personal") == []


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("Cheers,\nAoife Byrne\n14 Ashgrove Terrace\nLeeds LS6 3BN", "14 Ashgrove Terrace"),
        ("Kind regards,\nSam Patel\nFlat 7, 22 Mill Road\nHeadingley\nLeeds LS6 2AB", "LS6 2AB"),
    ],
)
def test_a_uk_home_address_under_the_writer_s_name_is_personal(text, secret):
    assert secret not in kept_text(text)


@pytest.mark.parametrize(
    "text",
    ["Jane Smith\nDepartment of Physics\n12 Parks Road\nOxford OX1 3PU",
     "Regards,\nJane Smith\nDaresbury Laboratory\nKeckwick Lane\nWarrington WA4 4AD"],
)
def test_an_institute_s_uk_address_in_a_signature_stays(text):
    assert "Road" in kept_text(text) or "Lane" in kept_text(text)
