import re

import pytest

from generator.model import ImplementationStatus as S


def test_eight_statuses_in_workflow_order():
    assert [s.value for s in S] == [
        "Pre-assessment", "Assessed", "Preparatory", "Test & Integration",
        "Pre-production", "Production", "Closed", "Cancelled",
    ]
    assert [s.order for s in S] == list(range(8))


@pytest.mark.parametrize("text, status", [
    ("Pre-assessment", S.PRE_ASSESSMENT), ("PRE-ASSESSMENT", S.PRE_ASSESSMENT),
    ("Test and Integration", S.TEST_INTEGRATION), ("test & integration", S.TEST_INTEGRATION),
    (" Production ", S.PRODUCTION), ("pre production", S.PRE_PRODUCTION),
])
def test_parse_is_tolerant_of_spelling(text, status):
    assert S.parse(text) is status


def test_parse_rejects_unknown_status():
    with pytest.raises(ValueError, match="unknown implementation status"):
        S.parse("Finished")


def test_slugs_are_unique_url_safe():
    slugs = [s.slug for s in S]
    assert len(set(slugs)) == 8
    assert all(re.fullmatch(r"[a-z-]+", s) for s in slugs)


def test_active_and_ended():
    assert [s for s in S if s.is_active] == [S.PRE_ASSESSMENT, S.ASSESSED, S.PREPARATORY,
                                             S.TEST_INTEGRATION, S.PRE_PRODUCTION]
    assert {s for s in S if s.is_ended} == {S.CLOSED, S.CANCELLED}


def test_every_status_has_a_meaning_of_its_own():
    assert all(len(s.meaning.split()) >= 8 for s in S)
    assert len({s.meaning for s in S}) == 8
