"""Classes of a person's matters told in passing (held-out corpora h53 and h54), added with their
rules: a condition told as a cause in a short field with a name and an absence, a person's
religion or its practice, a pregnancy told by its week, a refugee's or an asylum seeker's status,
a stay in a place of care named by its abbreviation, a mobility aid used since a condition, one's
pay named by a possessive and a compound. The examples are new, in other words than the corpora's;
each class has its harmless look-alike."""

from __future__ import annotations

import pytest
from support.findings import found, kept_text


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("Handover: Marta out of office after knee surgery until 12 May", "after knee surgery"),
        ("Overdracht: Pieter na zijn knieoperatie drie weken afwezig – VO-verlenging", "na zijn knieoperatie"),
        ("Passagem: Inês ausente após a cirurgia ao joelho – renovação da VO", "após a cirurgia"),
    ],
)
def test_a_condition_as_a_cause_with_a_name_and_an_absence_in_a_short_field_is_personal(text, secret):
    assert secret not in kept_text(text)


def test_an_absence_after_a_services_operations_review_is_kept():
    text = "Handover: Marta unavailable after the operations review – VO renewal"
    assert found(text, "personal") == []


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("Could we move the dinner earlier? I am a practising Catholic and Sunday mass is at seven.", "practising Catholic"),
        ("Moszlim vagyok, ezért a közös vacsorán nem iszom alkoholt.", "Moszlim vagyok"),
        ("Pour le planning : elle est musulmane et fait le ramadan cette année.", "elle est musulmane"),
        ("Durante la Cuaresma ayuno los viernes, así que prefiero la reunión por la mañana.", "ayuno los viernes"),
        ("Jestem katoliczką, więc w niedzielę rano mnie nie będzie.", "Jestem katoliczką"),
    ],
)
def test_a_persons_religion_or_its_practice_is_personal(text, secret):
    assert secret not in kept_text(text)


@pytest.mark.parametrize(
    "text",
    [
        "The office closes early during the Ramadan holidays, so please plan the release for the week after.",
        "We will hold a workshop on religion and science at the Catholic University of Leuven.",
        "Hi, I'm Christian from the EGI operations team; the new storage quota is live.",
        "I lent him my laptop so he can work faster on the pipeline.",
    ],
)
def test_a_faith_as_a_topic_a_date_or_a_name_is_kept(text):
    assert found(text, "personal") == []


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("Pour la mission à Lyon : elle est à 28 semaines de grossesse et ne peut plus voyager.", "28 semaines de grossesse"),
        ("Mevrouw De Vries is in week 32 van haar zwangerschap en werkt voorlopig thuis.", "week 32 van haar zwangerschap"),
        ("Die Kollegin ist in der 31. SSW, bitte den Zugang für ihre Vertretung freischalten.", "31. SSW"),
    ],
)
def test_a_pregnancy_told_by_its_week_is_personal(text, secret):
    assert secret not in kept_text(text)


def test_the_laws_week_of_a_pregnancy_is_kept():
    text = "Ab der 12. Schwangerschaftswoche gilt das Beschäftigungsverbot für Nachtarbeit."
    assert found(text, "personal") == []


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("Amira has refugee status in Austria, so the visa letter must go to her new address.", "refugee status"),
        ("Seine Frau hat den Flüchtlingsstatus in Schweden und darf vorerst nicht ausreisen.", "Flüchtlingsstatus"),
        ("Il marito è richiedente asilo in Italia e non può ancora viaggiare.", "richiedente asilo"),
    ],
)
def test_somebodys_refugee_or_asylum_status_is_personal(text, secret):
    assert secret not in kept_text(text)


def test_a_universitys_asylum_seekers_office_is_kept():
    text = "The asylum seeker support office of the university offers free advice every Tuesday."
    assert found(text, "personal") == []


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("Diese Woche bin ich kaum da, mein Sohn liegt seit Montag im UKE mit einer schweren Lungenentzündung.",
         "Lungenentzündung"),
        ("Je serai peu joignable : mon père est au CHUV avec une pneumonie.", "CHUV avec une pneumonie"),
        ("Sorry for the delay, my wife is in the UMCG with pneumonia since Sunday.", "UMCG with pneumonia"),
    ],
)
def test_a_relative_in_a_hospital_named_by_its_abbreviation_with_a_condition_is_personal(text, secret):
    assert secret not in kept_text(text)


def test_a_job_in_an_experiments_queue_with_a_condition_in_its_name_is_kept():
    text = "The job is in the ATLAS queue with a cancer imaging workload."
    assert found(text, "personal") == []


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("Bitte ein Zimmer im Erdgeschoss: Prof. Weber sitzt seit seinem Schlaganfall im Rollstuhl.",
         "Prof. Weber sitzt seit seinem Schlaganfall im Rollstuhl"),
        ("Per la cena: Ugo usa le stampelle dopo l'operazione al ginocchio.", "stampelle dopo l'operazione"),
        ("Camina con muletas tras la operación de cadera, necesita un asiento en el pasillo.", "muletas"),
    ],
)
def test_a_mobility_aid_used_since_a_condition_is_personal(text, secret):
    assert secret not in kept_text(text)


def test_a_venue_wheelchair_accessible_since_a_wings_operation_is_kept():
    text = "The venue is wheelchair accessible since the renovation after the operation of the new wing."
    assert found(text, "personal") == []


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("Mijn brutosalaris als onderzoeker (schaal 11, trede 4) komt neer op € 4.870 per maand.", "€ 4.870"),
        ("Her salary, after the last step on the scale (grade 7), is EUR 3,900 a month.", "EUR 3,900"),
        ("Für den Antrag: mein Jahresbruttogehalt (E14, Stufe 2) beträgt 68.400 €.", "68.400 €"),
    ],
)
def test_ones_pay_named_by_a_possessive_then_an_amount_after_brackets_is_personal(text, secret):
    assert secret not in kept_text(text)


def test_a_pay_scales_amount_with_no_owner_is_kept():
    text = "Das Bruttogehalt für E13 Stufe 3 liegt laut Tabelle bei 4.312,50 € im Monat."
    assert "4.312,50 €" in kept_text(text)
