"""Classes of a fresh outside corpus (h74): other people's health, studies, pay and convictions
told in one sentence. A patient named by initials and age with a diagnosis; somebody who had a
stroke (by its name or abbreviation); a student's grade average, failed exams and lost
scholarship; a person's stipend with its amount, gross or net or period; a person's conviction.
The examples are new, in other words and languages than the corpus's; each class has a
harmless look-alike that must stay."""

from __future__ import annotations

import pytest
from support.findings import found, kept_text


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("In the export there was the row of paciente J.P.S., 67 años, con diagnóstico de linfoma.", "linfoma"),
        ("Im Anhang steht noch M.K., 45 Jahre, aus Graz, Diagnose Multiple Sklerose seit 2019.", "Sklerose"),
        ("Le fichier contient la patiente C.D., 38 ans, traitement pour leucémie en cours.", "leucémie"),
        ("Nella riga 12 c'è la paziente, 61 anni, con diagnosi di SLA, da togliere.", "SLA"),
    ],
)
def test_a_patient_by_initials_and_age_with_a_diagnosis_is_personal(text, secret):
    assert found(text, "personal") and secret not in kept_text(text)


@pytest.mark.parametrize(
    "text",
    ["In total 54 patients with multiple sclerosis were included (mean age 45 years).",
     "The patients, 54 years on average, had a diagnosis of asthma."],
)
def test_a_study_cohort_with_a_diagnosis_and_mean_age_stays(text):
    assert found(text, "personal") == [] and "54" in kept_text(text)


@pytest.mark.parametrize(
    "text",
    ["Marco, il borsista, ha avuto un ictus a marzo e non risponde alle email.",
     "Tomasz miał udar w zeszłym tygodniu, proszę zawiesić jego konto.",
     "Notre collègue Julien a eu un AVC la semaine dernière.",
     "Unsere Kollegin Petra hat einen Schlaganfall erlitten, bitte das Konto ruhen lassen.",
     "Onze beheerder Kees is sinds mei in revalidatie, zijn taken liggen stil.",
     "Ingrid har MS og arbeider bare halv tid nå."],
)
def test_somebody_who_had_a_stroke_is_personal_health(text):
    assert found(text, "personal")


def test_a_product_named_ms_stays():
    assert found("She has MS Teams installed on the laptop of the lab.", "personal") == []


def test_a_cohort_that_had_a_stroke_stays():
    text = "Patients who had a stroke were excluded from the training set."
    assert found(text, "personal") == [] and "excluded" in kept_text(text)


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("Sein Notendurchschnitt ist 3,7 und er ist zweimal durchgefallen.", "3,7"),
        ("Her scholarship was withdrawn after she failed three exams, so please close the account.", "failed three exams"),
        ("Studentka ma średnia ocen 2,9 i straciła stypendium w tym semestrze.", "2,9"),
        ("El alumno tiene una nota media de 5,2 y suspendió dos asignaturas.", "5,2"),
    ],
)
def test_a_students_grades_and_lost_scholarship_are_personal(text, secret):
    assert secret not in kept_text(text)


@pytest.mark.parametrize(
    "text",
    ["The average grade in the course was 2.1 this year.",
     "Der Notendurchschnitt des Kurses lag bei 2,1.",
     "La nota media del curso fue 6,4 este semestre.",
     "A student with a GPA below 2.0 cannot apply for the grant."],
)
def test_a_courses_grade_average_stays(text):
    assert found(text, "personal") == []


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("She lives on a stipend of 1,500 EUR per month and cannot advance the fee.", "1,500"),
        ("Doktorant otrzymuje stypendium 3 100 zł brutto miesięcznie, więc prosi o fakturę.", "3 100"),
    ],
)
def test_a_persons_stipend_amount_is_personal(text, secret):
    assert secret not in kept_text(text)


@pytest.mark.parametrize(
    "text",
    ["The scholarship is 1,500 EUR per month for all fellows.",
     "Each fellowship is EUR 2,000 a month, because the call says so."],
)
def test_a_public_scholarship_amount_stays(text):
    assert found(text, "personal") == []


@pytest.mark.parametrize(
    "text",
    ["He was sentenced to two years for fraud, so his access must go.",
     "Il collega è stato condannato per truffa l'anno scorso.",
     "Kolega został skazany za oszustwo w zeszłym roku.",
     "Der Kollege wurde 2023 wegen Untreue verurteilt und hat keinen Zugang mehr."],
)
def test_a_persons_conviction_is_personal(text):
    assert found(text, "personal")


@pytest.mark.parametrize(
    "text",
    ["The company was convicted of fraud in 2019, as the news reported.",
     "Die Universität wurde verurteilt wegen Verstoßes gegen das Vergaberecht.",
     "Das Gericht hat die Firma zu einer Geldstrafe verurteilt."],
)
def test_an_institutions_conviction_stays(text):
    assert found(text, "personal") == []
