"""Classes of holdout 55 (an outsider's corpus): a private delivery address as a letter's block
under a line naming an organisation as a reason; a home told by a verb of living; a date of birth
corrected further on in its sentence, its month abbreviated; a short note of an absence for a
surgery; a Latvian personal code; a booking's reference with the traveller's surname. The examples
are new, in other words than the corpus's."""

from __future__ import annotations

import pytest
from support.findings import found, kept_text


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("Bitte schickt die Poster an diese Lieferadresse, weil unser Institut wegen Umbau zu ist:\n"
         "Jonas Pfeiffer\nIm Winkel 12\n35037 Marburg\n\nDanke", "Im Winkel 12"),
        ("Merci d'utiliser cette adresse de livraison, le laboratoire est fermé en août :\n"
         "Camille Roux\nLe Clos des Vignes 4\n69005 Lyon", "Le Clos des Vignes 4"),
        ("Proszę o wysyłkę na adres dostawy poniżej, bo uczelnia jest zamknięta w sierpniu:\n"
         "Anna Nowak\nZa Bramą 7\n30-001 Kraków", "Za Bramą 7"),
    ],
)
def test_a_delivery_block_with_a_persons_name_under_an_organisations_reason_is_personal(text, secret):
    assert secret not in kept_text(text)


def test_an_organisations_delivery_block_stays():
    text = ("Please use this delivery address, the institute's store is closed in August:\n"
            "Forschungszentrum Jülich\nWilhelm-Johnen-Straße\n52428 Jülich")
    assert found(text, "personal") == [] and "Wilhelm-Johnen-Straße" in kept_text(text)


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("jestem z dziećmi w domu, mieszkamy na Polnej 12 w Gdańsku, więc w razie czego można wrzucić do skrzynki.",
         "Polnej 12 w Gdańsku"),
        ("Seit dem Umzug wohnen wir in der Gartenstraße 17 in Leipzig, Post also bitte dorthin.", "Gartenstraße 17"),
        ("Since March we live at Elm Grove 4 in Leeds, so the paper copy can go there.", "Elm Grove 4 in Leeds"),
    ],
)
def test_a_home_told_by_a_verb_of_living_is_personal(text, secret):
    assert secret not in kept_text(text)


def test_people_living_in_a_town_with_a_count_stay():
    text = "Most of our users live in Brno, about 40 of them in Praha, and 27 countries in all."
    assert found(text, "personal") == [] and "about 40 of them" in kept_text(text)


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("la date de naissance sur le badge est fausse — ce devrait être le 4 févr. 1979, pas 1978.", "4 févr. 1979"),
        ("la data di nascita sull'invito era sbagliata – dovrebbe essere 12 giu 1990, non 1991.", "12 giu 1990"),
        ("Das Geburtsdatum im Einladungsschreiben war falsch – korrekt ist der 3. Okt. 1984.", "3. Okt. 1984"),
    ],
)
def test_a_birth_date_corrected_further_on_in_its_sentence_is_personal(text, secret):
    assert secret not in kept_text(text)


def test_a_recent_date_in_a_sentence_about_the_birth_date_field_stays():
    text = "The date of birth field was added to the registration form in the release of 3 May 2024."
    assert "3 May 2024" in kept_text(text)


@pytest.mark.parametrize(
    "text",
    ["Re: quota – Oriol is off for hip surgery until 3 June",
     "je suis absent pour une opération du genou jusqu'au 3 juin",
     "Re: Zugang – bin ab Dienstag wegen einer OP zwei Wochen weg"],
)
def test_a_short_note_of_an_absence_for_a_surgery_is_health(text):
    assert found(text, "personal")


@pytest.mark.parametrize(
    "text",
    ["Re: quota for surgery robotics group – Oriol is off today",
     "Re: Tutorial on surgery simulation - I'm away next week",
     "Re: OP-Plan – bin weg, Plan im Wiki"],
)
def test_a_surgery_topic_beside_an_absence_stays(text):
    assert found(text, "personal") == []


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("Labdien, līgumam vajag manu kodu, tas ir 161175-19997, paldies.", "161175-19997"),
        ("Pour le contrat letton, mon code est 328673-00679, merci.", "328673-00679"),
    ],
)
def test_a_latvian_personal_code_is_personal(text, secret):
    assert secret not in kept_text(text)


def test_a_latvian_companys_vat_number_and_a_mistyped_code_stay():
    text = "RTU PVN reģ. Nr. LV40003521600; ticket 161175-19998 closed."
    assert "40003521600" in kept_text(text) and "161175-19998" in kept_text(text)


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("Buchungscode QWKTZA, Nachname Brandstätter – falls ihr umbuchen müsst.", "Brandstätter"),
        ("Le code de réservation est K7XQ2P ; nom de famille : Lefèvre.", "Lefèvre"),
        ("PNR 7HJ2KQ, passenger name NOVAK/JANA MS, in case the agency asks.", "NOVAK/JANA"),
    ],
)
def test_a_travellers_surname_beside_a_booking_reference_is_found(text, secret):
    assert secret not in kept_text(text)


def test_a_surname_field_with_no_booking_reference_stays():
    text = "The booking reference format is six characters; the surname field is mandatory."
    assert found(text) == []


def test_a_booking_reference_with_its_travellers_surname_goes_as_one_phrase():
    text = "Buchungscode: 7QKX2M, Nachname WEBER, falls ihr umbuchen müsst."
    assert found(text, "credential")[0] == "Buchungscode: 7QKX2M, Nachname WEBER"
