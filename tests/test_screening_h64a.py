"""Classes of the h63 and h64 outside corpora: a person's employment troubles (a dismissal or a
suspension after a breach of work discipline, an HR inquiry or for cause, a project leader by their
role), a person's appraisal with an outcome said as "not adequate" or "unsatisfactory" in more
forms, one's own or a named person's trade-union membership or office and one's own strike (a
special category of the GDPR), and a discipline qualified in brackets before a colon
("interdisciplinary: ..."). The examples are new, in other words than the corpora's."""

from __future__ import annotations

import pytest
from support.findings import found, kept_text

from generator.screening.fields import discipline


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("Kolega Dvořák dostal výpověď pro hrubé porušení pracovní kázně, zrušte mu prosím účet.", "porušení pracovní"),
        ("Herr Becker wurde wegen grober Pflichtverletzung entlassen, bitte Konto sperren.", "Pflichtverletzung"),
        ("Il collega Rossi è stato licenziato per giusta causa il mese scorso.", "giusta causa"),
        ("Paní Malá byla propuštěna pro opakovanou neomluvenou absenci.", "neomluvenou absenci"),
        ("Revoke the certificate of Dana Whitfield, dismissed after an HR inquiry last week.", "dismissed after an HR inquiry"),
        ("on hold - coordinator suspended pending misconduct review", "suspended pending misconduct"),
    ],
)
def test_a_persons_dismissal_or_suspension_for_cause_is_personal(text, secret):
    assert found(text, "personal") and secret not in kept_text(text)


@pytest.mark.parametrize(
    "text",
    ["The service was suspended pending an internal investigation of the outage.",
     "The postdoc leads a cross-disciplinary team, and the project was suspended in May.",
     "The disciplinary procedure of the university is described in its policy."],
)
def test_a_suspended_service_or_a_rule_stays(text):
    assert found(text, "personal") == []


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("Her appraisal rating was \"not adequate\" according to the director.", "not adequate"),
        ("Мария имаше атестация с оценка „неудовлетворително“ и остана без бонус.", "неудовлетворително"),
        ("Po ocenie okresowej (wynik: niezadowalająca) Piotr odszedł z zespołu.", "niezadowalająca"),
    ],
)
def test_an_appraisal_said_inadequate_or_unsatisfactory_is_personal(text, secret):
    assert secret not in kept_text(text)


def test_a_systems_annual_review_said_inadequate_stays():
    text = "La valutazione annuale del sistema di storage: non adeguato."
    assert found(text, "personal") == []


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("I'm the union rep for our department, so I can't join the Thursday call.", "union rep"),
        ("Ich bin Mitglied im Betriebsrat und am Mittwoch in einer Sitzung.", "Betriebsrat"),
        ("Sono iscritta alla FLC CGIL e venerdì partecipo all'assemblea.", "CGIL"),
        ("Jan Novák je předsedou odborové organizace na fakultě.", "odborové organizace"),
        ("Soy delegada sindical de CCOO en el centro.", "delegada sindical"),
        ("A szakszervezet tagja vagyok, ezért csütörtökön nem leszek itt.", "szakszervezet"),
        ("Jutro strajkujemy, więc migrację zrobi Tomek.", "strajkujemy"),
        ("Je serai en grève jeudi, le redémarrage du CE attendra.", "en grève"),
    ],
)
def test_ones_own_or_a_named_persons_union_membership_or_strike_is_personal(text, secret):
    assert found(text, "personal") and secret not in kept_text(text)


@pytest.mark.parametrize(
    "text",
    ["The rail strike delayed the workshop by a day.",
     "The union of European universities met in Brussels.",
     "We met the works council about the new policy.",
     "Ich bin mit dem Betriebsrat im Gespräch über die Arbeitszeit.",
     "I sindacati sono contrari alla riforma.",
     "Facket, som har många medlemmar, protesterade.",
     "Due to the strike, I will be late: the train drivers are on strike."],
)
def test_a_union_or_a_strike_as_news_stays(text):
    assert found(text, "personal") == []


@pytest.mark.parametrize(
    "value",
    ["Earth sciences (multidisciplinary: seismology, geodesy)",
     "Physik (Schwerpunkte: Optik, Akustik)",
     "Chimie (interdisciplinaire : catalyse, matériaux)"],
)
def test_a_discipline_with_a_qualifying_label_in_brackets_is_published(value):
    assert discipline(value) == value


@pytest.mark.parametrize(
    "value",
    ["Physics (contact: call me on my mobile)", "Physics (interdisciplinary: Jan Novak)"],
)
def test_a_discipline_with_another_colon_is_dropped(value):
    assert discipline(value) is None
