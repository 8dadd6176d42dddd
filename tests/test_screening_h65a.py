"""Numbers that belong to a person, after their labels in EGI's languages or in their printed
groups (an outside corpus, h65): a German pension insurance number with its check digit, a health
insurance or employee number after an abbreviated label, a European health insurance card's number,
a dotted Greek tax label, a JMBG in its groups, a Slovenian tax number with 'SI', a Bulgarian card's
abbreviation; and the institutions' tax numbers and helpdesk ticket numbers that stay. The
examples are new, in other words than the corpus's."""

from __future__ import annotations

import pytest
from support.findings import kept_text


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("Die Rentenversicherungsnummer von Frau Lang: sie steht auf dem Brief, 65 170839 L 016.", "65 170839 L 016"),
        ("Anbei die Unterlagen; auf dem Sozialversicherungsausweis von Tim steht 12 240785 K 514.", "12 240785 K 514"),
    ],
)
def test_a_german_pension_insurance_number_in_its_groups_is_personal(text, secret):
    assert secret not in kept_text(text)


def test_a_pension_number_shape_with_a_wrong_check_digit_stays():
    assert "12 240785 K 513" in kept_text("Lieferschein Projekt 12 240785 K 513, Kostenstelle 4711-300")


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("Teilnehmerin: Eva Huber\nVersichertennr.\nK731904562\nKasse: AOK", "K731904562"),
        ("Mitarbeiterdaten: Personalnr. ist bei mir 00719355, Kostenstelle 5120-100", "00719355"),
        ("Dane: numer pracowniczy 0048172, dział IT.", "0048172"),
        ("Formulaire RH : le numéro de matricule est chez moi 7781245.", "7781245"),
        ("Neue Kollegin: Mitarbeiternummer ist bei uns 3381920.", "3381920"),
    ],
)
def test_an_employee_or_insurance_number_after_an_abbreviated_label_is_personal(text, secret):
    assert secret not in kept_text(text)


def test_a_cost_centre_beside_an_employee_number_stays():
    assert "4711-300" in kept_text("Personalnummer ist bei mir 00481723, Kostenstelle 4711-300 (Lehrstuhl).")


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("Europäische Krankenversicherungskarte (EKVK), Kartennummer 80276 00050 14827 39162", "80276 00050 14827 39162"),
        ("Karta EKUZ: numer 80616000501482739169, ważna do 2027.", "80616000501482739169"),
    ],
)
def test_a_european_health_insurance_card_number_is_personal(text, secret):
    assert secret not in kept_text(text)


def test_twenty_digits_in_groups_that_fail_the_card_check_stay():
    assert "80380 00050 14827 39163" in kept_text("Order reference 80380 00050 14827 39163 for the team of 12.")


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("Ονοματεπώνυμο: Ελένη Παππά\nΑ.Φ.Μ. 137829462\nΔ.Ο.Υ. Καλαμαριάς", "137829462"),
        ("Za ugovor: JMBG koleginice, matični broj 2907990 71 503 6, i adresa u prilogu.", "2907990 71 503 6"),
        ("Podatki za račun: Ana Kranjc, davčna št. SI 54103878.", "54103878"),
        ("Пътуване до Виена – л. к. № 648213570", "648213570"),
    ],
)
def test_a_persons_number_after_a_dotted_or_abbreviated_label_is_personal(text, secret):
    assert secret not in kept_text(text)


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Στοιχεία τιμολόγησης:\nΕθνικό Ινστιτούτο Ερευνών\nΑ.Φ.Μ. 090198290, ΔΟΥ ΦΑΕ Αθηνών", "090198290"),
        ("Faktura dla płatnika:\nPolitechnika Gdańska, Centrum Informatyczne\nNIP 675-000-48-21, REGON 000001270",
         "675-000-48-21"),
        ("Your earlier request (Ticket#2023112810000457 in the NGI helpdesk) was merged.", "Ticket#2023112810000457"),
    ],
)
def test_an_institutions_tax_number_and_a_ticket_number_stay(text, kept):
    assert kept in kept_text(text)
