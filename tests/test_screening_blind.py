"""The blind dev set (tests/screening_blind, written by someone who had not read the detectors),
measured end to end by ``devtools.corpus``: one ticket per item in its field, the real build with
its audit gate, every output byte searched (as written, escaped, percent-encoded, normalised, in
part, search tokens decoded). Every planted item must stay out; 95% of the benign text must stay
on its case page; nothing may be quarantined or stop the build.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from devtools.corpus import Item, Output, kept, measure

#: slow (481 tickets through the real build and its audit, every output searched): in make test, out of the fast loop
pytestmark = pytest.mark.slow

CORPUS = Path(__file__).parent / "screening_blind"


@pytest.fixture(scope="module")
def result(tmp_path_factory):
    return measure(CORPUS, tmp_path_factory.mktemp("blind"))


def test_every_planted_item_stays_out_of_every_output(result, record_property):
    record_property("figure", f"blind dev set, screened: {result['screened']['line']}")
    record_property("figure", f"blind dev set, published ({result['published']['build']}): {result['published']['line']}")
    assert result["screened"]["leaked"] == [], result["leaks"]
    assert result["published"]["leaked"] == [], result["published_leaks"]


def test_benign_text_stays_and_the_catalogue_is_published(result):
    assert result["published"]["build"].startswith("published "), result["published"]["build"]
    kept = 1 - len(result["published"]["lost"]) / result["benign"]
    assert kept >= 0.95, result["published"]["lost"]


def test_the_audit_agrees_with_screening(result):
    """What screening lets through, the audit finds nothing in: the two read the same view."""
    assert result["screened"]["audit_findings"] == 0


def _html_item(target: str) -> Item:
    return Item("b-1", "html", "reply-html", target, target, "", planted=False)


def test_an_html_reply_counts_as_kept_whatever_spaces_its_paragraphs_get():
    item = _html_item("<p>Hi,</p><p>the endpoint is <a href='https://x.example.eu/'>x.example.eu</a>.</p>")
    page = "<div><p>Hi,</p>\n<p>the endpoint is <a href='https://x.example.eu/'>x.example.eu</a>.</p></div>"
    assert kept(item, 7, Output(raw={"site/cases/7/index.html": page}))


def test_an_html_reply_with_a_word_gone_counts_as_lost():
    item = _html_item("<p>Hi,</p><p>the endpoint is <code>x.example.eu</code>.</p>")
    page = "<p>Hi,</p>\n<p>the endpoint is <code>[redacted]</code>.</p>"
    assert not kept(item, 7, Output(raw={"site/cases/7/index.html": page}))


def test_a_link_address_asked_of_an_html_reply_is_looked_for_too():
    item = Item("b-2", "html", "reply-html", "<p><a href='https://docs.example.eu/x/'>docs</a></p>",
                "https://docs.example.eu/x/", "", planted=False)
    page = "<p>docs (https://docs.example.eu/x/)</p>"
    assert kept(item, 7, Output(raw={"site/cases/7/index.html": page}))
