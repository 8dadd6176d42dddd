"""Health told in passing (h58a, from the held-out corpora h58 and h59): an illness by its common
word, a treatment, an aid, a pregnancy, a sick note or a stay in hospital, said of the writer or of
a relative in a subject, an auto-reply or a message, in EGI's languages. The sentence (a short
field's part) goes; the same words in research or service context stay. The examples are new, in
other words than the corpora's."""

from __future__ import annotations

import pytest
from support.findings import found, kept_text


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("Sorry for the slow answers, my daughter has leukaemia and we spend most days at the clinic.",
         "my daughter has leukaemia"),
        ("Ma fille a une leucémie, je serai moins disponible ce mois-ci.", "Ma fille a une leucémie"),
        ("Mein Mann hat Krebs, ich bin deshalb nur vormittags im Büro.", "Mein Mann hat Krebs"),
        ("Meu filho tem leucemia e estou quase sempre com ele.", "Meu filho tem leucemia"),
    ],
)
def test_a_relatives_illness_told_in_passing_is_health(text, secret):
    assert found(text, "personal") and secret not in kept_text(text)


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("Ich habe seit Montag Gürtelrose und bin nicht erreichbar.", "Gürtelrose"),
        ("Sono celiaco, per il pranzo mi serve un menu senza glutine.", "Sono celiaco"),
        ("Jag har bältros och är hemma resten av veckan.", "Jag har bältros"),
        ("Benim kanserim var, bu yüzden geç cevap veriyorum.", "kanserim"),
    ],
)
def test_ones_own_illness_told_in_passing_is_health(text, secret):
    assert found(text, "personal") and secret not in kept_text(text)


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("Olen raskaana, joten en pääse koulutukseen Espooseen.", "Olen raskaana"),
        ("Jeg er gravid og kan ikke rejse til workshoppen i Lund.", "Jeg er gravid"),
    ],
)
def test_a_pregnancy_told_in_passing_is_health(text, secret):
    assert secret not in kept_text(text)


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("RE: ticket 4411 – mama este la dializă de trei ori pe săptămână, răspund mai târziu", "dializă"),
        ("Genomik / Nephrologie – Betreuer selbst in Dialysebehandlung, antwortet verzögert", "Dialysebehandlung"),
        ("Mijn vader ligt in een rolstoel sinds vorige maand, ik kom dus later.", "rolstoel"),
        ("Uso un audífono, así que necesito sentarme cerca del ponente.", "audífono"),
    ],
)
def test_a_treatment_or_an_aid_told_in_passing_is_health(text, secret):
    assert secret not in kept_text(text)


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("Automatische Antwort: Krankenhausaufenthalt bis 12.4.", "Krankenhausaufenthalt"),
        ("Automatic reply: away (hospitalization) until 3 June", "hospitalization"),
        ("Arbetsoförmögen – sjukintyg till fredag (bältros), hör av dig till Anna", "bältros"),
    ],
)
def test_a_stay_in_hospital_or_a_sick_note_in_a_subject_is_health(text, secret):
    assert secret not in kept_text(text)


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Our group does leukaemia research on the cloud and I need more storage.", "leukaemia research"),
        ("Could you book a wheelchair-accessible room for the workshop? I will send the list.", "wheelchair-accessible"),
        ("The site is in the hospital campus, I will give you directions.", "hospital campus"),
        ("Please let me know if anyone is pregnant or needs a special meal.", "pregnant"),
        ("Je travaille sur le cancer du sein avec l'Institut Curie.", "cancer du sein"),
        ("Ich arbeite an Leukämie-Daten und brauche mehr Speicher.", "Leukämie-Daten"),
        ("I maintain the flu forecasting model for the ECDC.", "flu forecasting"),
        ("My colleague has Covid dashboards running on the cloud.", "Covid dashboards"),
        ("Syn má přístup k datům, leukémie je téma jeho disertace.", "leukémie je téma"),
        ("We run a pregnancy cohort study; my colleague will send the DMP.", "pregnancy cohort"),
    ],
)
def test_the_words_in_research_or_service_context_stay(text, kept):
    assert kept in kept_text(text)
