"""Health told in passing, in the third person and in short fields (held-out corpora h71 and h72):
a clinic or an appointment named by its condition, a relative who lives with a condition, a role
in hospital after a condition in a status field, the writer some time after a condition, and
Hebrew's words of health. The examples are new, in other words than the corpora's."""

from __future__ import annotations

import pytest
from support.findings import found, kept_text


@pytest.mark.parametrize(
    "text",
    ["Can we skip Tuesdays? I have my oncology appointments then, so I'm offline until noon.",
     "Dienstags bin ich schwer erreichbar, meine HIV-Ambulanz hat nur dann Sprechstunde und ich muss hin.",
     "Il giovedì non ci sono, ho le visite in psichiatria tutta la mattina."],
)
def test_a_clinic_or_appointment_named_by_a_condition_is_health(text):
    assert found(text, "personal")


def test_a_study_or_a_clinic_as_a_data_source_stays():
    for text in ("Our HIV cohort study needs 20 TB of scratch space.",
                 "We ingest images from the oncology clinic's PACS every night.",
                 "My Hive queries fail on the rehab cluster."):
        assert found(text, "personal") == [], text


@pytest.mark.parametrize(
    "text",
    ["Odpowiadam wolniej, bo mój ojciec ma demencję i opiekuję się nim.",
     "Η μητέρα μου έχει άνοια και τη φροντίζω, γι' αυτό απαντώ αργά.",
     "Ich antworte langsamer, mein Vater hat Alzheimer und ich pflege ihn."],
)
def test_a_relative_with_a_condition_is_health(text):
    assert found(text, "personal")


def test_a_dementia_project_stays():
    text = "The dementia imaging project needs 40 TB more on the storage element."
    assert "dementia imaging project" in kept_text(text)


@pytest.mark.parametrize(
    "text",
    ["afventer – ansøgeren på sygehus efter blodprop",
     "stalled – aanvraagster in het ziekenhuis na een beroerte"],
)
def test_a_role_in_hospital_after_a_condition_in_a_status_is_health(text):
    assert found(text, "personal")


def test_a_node_after_a_crash_in_a_status_stays():
    for text in ("stalled – node in maintenance after a crash", "waiting – data from the hospital's PACS pending"):
        assert found(text, "personal") == [], text


@pytest.mark.parametrize(
    "text",
    ["Prepáčte, som mesiac po infarkte, takže odpovedám pomaly.",
     "> Díky za trpělivost, jsem týden po operaci a pracuji jen dopoledne.\n> Úlohy doběhly v pořádku."],
)
def test_the_writer_some_time_after_a_condition_is_health(text):
    assert found(text, "personal")


def test_a_task_after_an_operation_or_a_heartbeat_stays():
    for text in ("I am busy today; after the operation of the storage migration we can talk.",
                 "The worker node restarted after a heart-beat timeout."):
        assert found(text, "personal") == [], text


@pytest.mark.parametrize(
    "text",
    ["אבא שלי חולה בדמנציה ואני מטפל בו בערבים.",
     "עברתי ניתוח בשבוע שעבר ואני חוזר לעבודה ביום שני."],
)
def test_hebrew_health_of_somebody_is_health(text):
    assert found(text, "personal")


def test_hebrew_hospital_data_or_analysis_stays():
    for text in ("אנחנו משתמשים בנתונים מבית החולים עבור המחקר.", "אני עובד על ניתוח הנתונים של הניסוי."):
        assert found(text, "personal") == [], text
