"""Classes of the h63 and h64 corpora: a person's pay told by a contract of work, a fee or a
stipend ("dohoda o provedení práce ..., celkem 9 600 Kč hrubého", "ma bourse de thèse"); a pay
under a table's column whose header names it with its qualifiers ("Gross monthly salary",
"Bruttogehalt"); the writer going to a treatment, said by the verb alone ("kemoterápiára járok");
a sick note in a short field's bracket in the Baltic languages and Czech; psychiatric treatment
in a status field. The examples are new, in other words than the corpora's."""

from __future__ import annotations

import pytest
from support.findings import found, kept_text


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("Für Frau Jana Richter läuft ein Honorarvertrag über 40 Stunden, insgesamt 2.400 € brutto, "
         "die Unterlagen gehen morgen raus.", "2.400 €"),
        ("Pani Kowalska dostanie umowę zlecenie na 30 godzin, razem 3 600 zł brutto, papiery wyślę do kadr.",
         "3 600 zł"),
        ("Ma bourse doctorale s'élève à 1 650 € net par mois jusqu'en septembre.", "1 650 €"),
    ],
)
def test_pay_told_by_a_contract_of_work_or_a_stipend_is_personal(text, secret):
    assert secret not in kept_text(text)


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("TV-L E13 starts at 4.400 € per month for new postdocs.", "4.400 €"),
        ("The project's budget is 250.000 € gross over three years.", "250.000 €"),
        ("Ma la borsa di studio del bando prevede 1.200 € al mese per tutti i vincitori.", "1.200 €"),
        ("The service contract with the vendor is EUR 12,000 per year.", "EUR 12,000"),
    ],
)
def test_a_salary_scale_a_budget_or_a_vendors_contract_is_kept(text, kept):
    assert kept in kept_text(text)


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("Name | Position | Annual gross salary | FTE\nMarta Silva | data steward | EUR 41,200 | 0.8", "EUR 41,200"),
        ("Namn | Roll | Brutto månadslön | Andel\nErik Lund | systemadministratör | 38 500 SEK | 50 %", "38 500 SEK"),
    ],
)
def test_a_pay_under_a_column_naming_it_with_its_qualifiers_is_personal(text, secret):
    assert secret not in kept_text(text)


def test_a_cost_per_core_hour_column_is_kept():
    text = "Resource | Unit | Cost per core-hour | Total\nHTC | core-hour | 0.012 EUR | 1200 EUR"
    assert "0.012 EUR" in kept_text(text) and found(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Hei, voisimmeko siirtää koulutuksen maanantaille? Käyn sädehoidossa torstaisin Meilahdessa, joten "
        "silloin en pääse.\nVirtuaalikoneiden kuvat lataan AppDB:hen perjantaina.",
        "Merhaba, eğitimi salıya alabilir miyiz? Perşembeleri kemoterapiye gidiyorum, o gün gelemem.\n"
        "VM şablonlarını cuma günü AppDB'ye yüklerim.",
        "Sziasztok, a keddi megbeszélést át lehetne tenni? Hetente kétszer dialízisre járok, akkor nem érek rá.\n"
        "A VM-sablonokat pénteken töltöm fel.",
    ],
)
def test_the_writer_going_to_a_treatment_said_by_the_verb_is_health(text):
    assert found(text, "personal")


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("Jonas Kazlauskas (nedarbingumo pažymėjimas iki 04-15)", "nedarbingumo"),
        ("Petra Nováková (neschopenka do 20. 3.)", "neschopenka"),
        ("Mari Tamm (haigusleht kuni 12.04)", "haigusleht"),
    ],
)
def test_a_sick_note_in_a_short_fields_bracket_is_health(text, secret):
    assert secret not in kept_text(text)


@pytest.mark.parametrize(
    "text",
    [
        "on hold – utente in cura psichiatrica, riprende a giugno",
        "bloqué – l'utilisateur est sous traitement psychiatrique jusqu'en mai",
        "wstrzymane – użytkownik w leczeniu psychiatrycznym, odezwie się w czerwcu",
    ],
)
def test_psychiatric_treatment_in_a_status_field_is_health(text):
    assert "psych" not in kept_text(text)


def test_a_psychiatric_hospitals_research_cluster_is_kept():
    text = "We will host the psychiatric hospital's research cluster on our cloud."
    assert found(text) == []
