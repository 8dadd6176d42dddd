"""Classes of text an auditor's acceptance corpus (holdout 34: every class in every slot and
disguise; measured before these rules existed) showed. Leaked: somebody's illness said with a
condition and a hospital or a sick leave ("the user is in hospital (heart attack)"); a heading
word and a negated publishing after a dash ("Sisäinen – ei julkaista:"). Lost: a site with its
service's address in brackets; a page title's escaped spaces in a link; a status with a release;
a Kubernetes Secret's name; "no confidential information" and "confidential is nothing here"; a
data set's or a request's labelled identifier; a job id after "Job-ID:" in groups. The examples
are new, in other words than the corpus's."""

from __future__ import annotations

import pytest
from support.findings import found

from generator.screening import fields


@pytest.mark.parametrize(
    "text",
    [
        "status: waiting — the user is in hospital after a stroke",
        "Nejsem k zastižení, protože jsem kvůli své cukrovce v nemocnici. Můj diabetes se zhoršil v nemocnici.",
        "Kolega je v bolnišnici po operaciji kolena.",
        "Je suis absent : mon opération du genou, puis arrêt maladie jusqu'au 12.",
        "Odsotna bom do srede, operacija rame in bolniška.",
    ],
)
def test_somebodys_condition_with_a_hospital_or_sick_leave_is_personal(text):
    assert found(text, "personal")


@pytest.mark.parametrize(
    "text",
    [
        "The biomed VO processes diabetes cohorts from three hospitals.",
        "My analysis of stroke outcomes uses hospital registry data.",
        "We simulate surgery planning for the hospital partners of the project.",
    ],
)
def test_research_on_conditions_and_hospitals_is_kept(text):
    assert found(text, "personal") == []


@pytest.mark.parametrize(
    "text",
    [
        "Kiitos. Sisäinen – ei julkaista: sopimus päättyy.",
        "Intern – nicht veröffentlichen: das Budget ist weg.",
    ],
)
def test_a_heading_and_a_negated_publishing_after_a_dash_mark_the_rest(text):
    assert found(text, "marker")


def test_a_heading_and_a_negated_word_of_a_topic_after_a_dash_is_kept():
    assert found("Internal network – not routed: see the diagram.", "marker") == []


@pytest.mark.parametrize(
    "text",
    [
        "Tato zpráva neobsahuje žádné důvěrné údaje.",
        "W tym zgłoszeniu nie ma żadnych poufnych danych.",
        "Vertraulich ist daran nichts, bitte veröffentlichen.",
        "Confidential is nothing here; publish it.",
    ],
)
def test_saying_nothing_is_confidential_is_no_marker(text):
    assert found(text, "marker") == []


@pytest.mark.parametrize(
    "text",
    [
        "The Kubernetes Secret \"db-creds\" is missing from the namespace.",
        "Run kubectl describe secret grid-proxy to see its keys.",
        "Our dataset identifier is ds_Q2w8ZrT5yLm3Kp9X, listed in the catalogue.",
        "Correlation ID of the failed upload: cid_9Rt4wQ8zLm2Xp7Vn",
        "https://wiki.example.org/Richtlinien%20zur%20Vertraulichkeit",
        "Job-ID: 8812 553 019",
    ],
)
def test_names_titles_and_labelled_identifiers_are_kept(text):
    assert found(text) == []


def test_a_secret_in_quotes_after_secret_is_still_one():
    assert found('The secret is "Fluss-Brücke-73".', "credential")


@pytest.mark.parametrize(
    ("check", "value"),
    [
        (fields.site_names, "UKI-LT2-QMUL (davs://se01.example.ac.uk:1094)"),
        (fields.rt_status, "risolto in v3.1.4"),
    ],
)
def test_a_site_with_its_service_and_a_status_with_a_release_are_kept(check, value):
    assert check(value) == value


def test_a_site_with_a_login_in_its_service_is_dropped():
    assert fields.site_names("UKI-LT2-QMUL (davs://alice:pw@se01.example.ac.uk:1094)") is None


@pytest.mark.parametrize("value", ["open 06.12.34.56.78", "waiting 0612.345.678"])
def test_a_phone_with_dots_is_no_release_in_a_status(value):
    assert fields.rt_status(value) is None
