"""Classes of held-out corpora 50 and 51: a person's illness told in passing (an inflected
diagnosis, a chronic disease and an emergency department, a status field's hospital stay, a form's
needs field answered with a condition), a named person's employment troubles (a suspension or a
resignation with the misconduct or the conflict it followed) and a person's pay given as a stipend
or in a form's pay field. The examples are new, in other words than the corpora's."""

from __future__ import annotations

import pytest
from support.findings import found, kept_text


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("Omlouvám se za zpoždění, mám cukrovku a minulý týden jsem skončil na urgentním příjmu s hypoglykémií.",
         "mám cukrovku"),
        ("Perdona la tardanza: tengo diabetes y el jueves acabé en urgencias por una hipoglucemia.",
         "tengo diabetes"),
        ("Sorry for the silence: I spent Tuesday night in the emergency room with a hypoglycaemia.",
         "in the emergency room with a hypoglycaemia"),
    ],
)
def test_a_chronic_disease_and_an_emergency_department_are_health(text, secret):
    assert secret not in kept_text(text)


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("Από τον Μάρτιο του διαγνώστηκε διαβήτης, οπότε θα λείπει συχνά.", "του διαγνώστηκε διαβήτης"),
        ("Zdiagnozowano u mnie boreliozę, więc przez miesiąc pracuję zdalnie.", "Zdiagnozowano u mnie boreliozę"),
        ("Estuve de baja dos semanas por una neumonía, ya estoy de vuelta.", "Estuve de baja dos semanas"),
    ],
)
def test_a_diagnosis_or_a_sick_leave_said_in_other_persons_and_tenses_is_health(text, secret):
    assert secret not in kept_text(text)


@pytest.mark.parametrize(
    "text",
    ["open - contact person in hospital (stroke), back in May",
     "čeká - správce v nemocnici (operace páteře)"],
)
def test_a_hospital_stay_in_a_short_status_is_health(text):
    assert found(text, "personal")


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("Registration form\nName: Ana Ribeiro\nInstitution: LIP Lisboa\n"
         "Dietary requirements: lactose intolerant, no dairy please", "lactose intolerant"),
        ("Formulaire\nNom : Paul Girard\nBesoins particuliers : je suis sourd, un interprète en langue des signes "
         "serait utile", "je suis sourd"),
        ("Zgłoszenie\nImię i nazwisko: Ewa Sowa\nSpecjalne potrzeby:\n\nchodzę o kulach po endoprotezie biodra\n",
         "po endoprotezie biodra"),
        ("Aanmelding 3/11 – J. van Loon (epilepsie, geen stroboscoop graag)", "epilepsie"),
    ],
)
def test_a_needs_field_answered_with_a_condition_is_health(text, secret):
    assert secret not in kept_text(text)


@pytest.mark.parametrize(
    ("text", "keep"),
    [
        ("Registration form\nName: Ana Ribeiro\nDietary requirements: vegetarian\nAccessibility: none", "vegetarian"),
        ("Accessibility: the venue is wheelchair accessible and has a hearing loop.", "wheelchair accessible"),
        ("Accessibility of the portal: the new web interface meets WCAG 2.1 AA for blind users.", "blind users"),
        ("Our VO studies multiple sclerosis; the hospital's imaging service sends 20 TB a month.",
         "imaging service sends 20 TB"),
        ("Η ομάδα μας μελετά την σκλήρυνση κατά πλάκας με δεδομένα MRI από το νοσοκομείο.", "δεδομένα MRI"),
    ],
)
def test_research_about_diseases_and_a_places_accessibility_stay(text, keep):
    assert keep in kept_text(text)


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("Der Doktorand wurde nach einem Plagiatsvorwurf für drei Monate suspendiert, bitte das Konto sperren.",
         "für drei Monate suspendiert"),
        ("La doctorante a été suspendue pour plagiat ; son accès doit être retiré.", "suspendue pour plagiat"),
        ("Mi colega Jan dimitió tras un conflicto con su jefe, así que su cuenta puede cerrarse.",
         "dimitió tras un conflicto con su jefe"),
        ("Kolega dostal výpověď kvůli šikaně kolegyně, jeho účet prosím zrušte.", "dostal výpověď kvůli šikaně"),
    ],
)
def test_a_persons_suspension_or_resignation_after_misconduct_or_a_conflict_is_personal(text, secret):
    assert secret not in kept_text(text)


@pytest.mark.parametrize(
    "text",
    ["The project was suspended after the funding ended; the job was killed by the batch system.",
     "Please read our conflict of interest policy before you submit.",
     "Participants who engage in harassment may be expelled from the conference.",
     "The job was suspended due to a conflict with the existing reservation.",
     "Il servizio è stato sospeso per manutenzione."],
)
def test_a_suspended_service_and_a_code_of_conduct_stay(text):
    assert found(text, "personal") == []


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("Expression of interest\nName: Jonas Berg\nCurrent salary: 52 000 SEK per month", "52 000 SEK"),
        ("Aktuelles Bruttogehalt: 4.200 EUR pro Monat", "4.200 EUR"),
        ("Hallo, seine Stipendium beträgt 1.600 EUR im Monat.", "1.600 EUR"),
        ("La borsa di studio di Giulia Neri è di 1.250 € al mese.", "1.250 €"),
    ],
)
def test_a_persons_stipend_or_current_salary_is_personal(text, secret):
    assert secret not in kept_text(text)


@pytest.mark.parametrize(
    ("text", "keep"),
    [
        ("Vacancy: postdoc in grid computing\nSalary: EUR 3,500 gross per month\nDeadline: 30 June", "EUR 3,500"),
        ("The grant's budget is EUR 250,000 per year, of which personnel EUR 180,000.", "EUR 250,000 per year"),
    ],
)
def test_a_vacancys_salary_and_a_grants_budget_stay(text, keep):
    assert keep in kept_text(text)


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("La responsable du projet sera absente : elle a été opérée de la hanche lundi.", "opérée de la hanche"),
        ("Unser Admin wurde gestern an der Schulter operiert, die Migration verschiebt sich.", "an der Schulter operiert"),
        ("The site contact had hip surgery on Monday, so the downtime moves to March.", "had hip surgery"),
        ("Mi compañero ha sido operado de la rodilla y vuelve en febrero.", "ha sido operado"),
        ("Kolega jest po operacji kręgosłupa, odpisze w przyszłym tygodniu.", "jest po operacji"),
    ],
)
def test_an_operation_told_in_the_past_or_the_passive_is_health(text, secret):
    assert secret not in kept_text(text)


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("I'm asthmatic, so a room without the dust of the old racks would help.", "asthmatic"),
        ("Sono asmatica e la sala macchine mi dà problemi.", "asmatica"),
        ("Mijn dochter heeft astma, daarom werk ik woensdag thuis.", "astma"),
    ],
)
def test_asthma_said_of_somebody_is_health(text, secret):
    assert secret not in kept_text(text)


@pytest.mark.parametrize(
    "text",
    ["The asthma cohort study runs its imputation pipeline on the HPC cluster.",
     "The operation of the storage was handed over to the site team last year.",
     "The make target builds 12 images; I receive 3 mails a day from the CI."],
)
def test_a_disease_as_research_and_ordinary_operations_and_making_stay(text):
    assert kept_text(text) == text


def test_ones_own_pay_after_i_make_is_personal():
    assert "2,900" not in kept_text("Honestly, I make EUR 2,900 a month on this grant.")
