"""Classes of an outsider's corpus (h62): a person's pay told with the possessives and pay words of
Central and Eastern Europe, a person's performance review with its outcome or a pay cut, a
patient's record number (and the file named after it), and a site or a project "born" on a day,
which is no birth date. The examples are new, in other words than the corpus's."""

from __future__ import annotations

import pytest
from support.findings import found, kept_text


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("Pro rozpočet: můj plat činí 52 300 Kč hrubého měsíčně.", "52 300 Kč"),
        ("Do wniosku: moje zarobki to 8 400 zł brutto miesięcznie.", "8 400 zł"),
        ("Môj plat je 2 150 EUR mesačne, ak to potrebujete.", "2 150 EUR"),
        ("Mana alga ir 1 950 EUR mēnesī pirms nodokļiem.", "1 950 EUR"),
        ("La mia retribuzione è di 2.350 euro netti al mese.", "2.350 euro"),
    ],
)
def test_a_persons_pay_with_a_central_or_eastern_european_possessive_is_personal(text, secret):
    assert found(text, "personal") and secret not in kept_text(text)


def test_a_price_of_a_thing_in_czech_stays():
    text = "Licence pro cluster stojí 3 450 EUR ročně, platba předem."
    assert "3 450 EUR" in kept_text(text)


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("Hodnocení: nesplnila očekávání, snížená odměna o 20 %, proto službu přebírá Petr.",
         "snížená odměna o 20 %"),
        ("Her annual appraisal came back unsatisfactory, so she hands over the VO admin role.",
         "unsatisfactory"),
        ("Mitarbeiterbeurteilung von Jonas: mangelhaft, Bonus gekürzt.", "mangelhaft"),
        ("Ocena okresowa Marka: niedostateczna, obniżona premia o 10 %.", "niedostateczna"),
    ],
)
def test_a_persons_performance_review_with_its_outcome_is_personal(text, secret):
    assert found(text, "personal") and secret not in kept_text(text)


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("The performance evaluation of the new CephFS pool was poor: 180 MB/s.", "poor"),
        ("Hodnocení návrhu: nedostatečné, projekt nebyl přijat.", "nedostatečné"),
    ],
)
def test_a_review_of_a_system_or_a_proposal_stays(text, kept):
    assert kept in kept_text(text)


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("Bitte löschen: Patientennummer 7731 0294 steht im Dateinamen scan_77310294.dcm.", "77310294"),
        ("Dans le jeu de test, le numéro de dossier patient 2016-88314 figure dans /in/2016-88314_t1.nii.",
         "2016-88314_t1"),
        ("numero di cartella clinica: 5519023, file 5519023_flair.nii.gz", "5519023_flair"),
        ("W nazwie pliku jest numer pacjenta 40 112 873, proszę usunąć 40112873.zip", "40112873.zip"),
    ],
)
def test_a_patient_record_number_and_the_file_named_after_it_are_personal(text, secret):
    assert found(text, "personal") and secret not in kept_text(text)


def test_a_year_after_a_patient_record_word_stays():
    text = "The patient record schema of 2023 is described in the wiki, see ticket 004-88-1923."
    assert "004-88-1923" in kept_text(text) and "2023" in kept_text(text)


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Il centro di calcolo è nato il 03/04/2006 come Tier-3 di CMS.", "03/04/2006"),
        ("El proyecto nació el 14/11/2008 en Valencia con tres sitios.", "14/11/2008"),
        ("Le site est né le 21/05/2004 avec 40 cœurs.", "21/05/2004"),
    ],
)
def test_a_site_or_project_born_on_a_day_stays(text, kept):
    assert kept in kept_text(text)


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("Per il modulo: sono nata il 22/08/1987 a Bari.", "22/08/1987"),
        ("Mio figlio è nato il 05/06/2016, quindi sono in congedo.", "05/06/2016"),
        ("Il figlio del responsabile del sito è nato il 09/10/1998.", "09/10/1998"),
    ],
)
def test_a_person_born_on_a_day_is_still_personal(text, secret):
    assert secret not in kept_text(text)
