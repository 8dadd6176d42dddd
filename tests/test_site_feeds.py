"""The Atom feed: new cases and status changes, dated from RT, escaped, deterministic."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from support.site_factory import S, at, case, snapshot

from support.hostile import hostile_strings
from generator.site import feeds

A = "{http://www.w3.org/2005/Atom}"


def entries(data: bytes):
    root = ET.fromstring(data)
    return root, root.findall(A + "entry")


def sample():
    return snapshot(
        case(1, subject="Alpha – one", history=((0, S.PRE_ASSESSMENT), (10, S.ASSESSED)), created=0),
        case(2, subject="Beta – two", history=((5, S.ASSESSED), (30, S.PREPARATORY)), created=5),
        fetched=400,
    )


def test_events_are_openings_and_status_changes_newest_first():
    found = feeds.events(sample().cases)
    assert [(e.case.id, e.kind, e.date) for e in found] == [
        (2, "status", at(30)), (1, "status", at(10)), (2, "new", at(5)), (1, "new", at(0))]
    assert found[0].title == "Beta – two: Assessed → Preparatory"
    assert found[2].title == "New case: Beta – two"
    assert "starting in Assessed" in found[2].summary


def test_feed_is_valid_atom_dated_from_rt_not_from_the_clock():
    root, items = entries(feeds.atom_feed(sample()))
    assert root.tag == A + "feed"
    assert root.find(A + "updated").text == "2024-01-31T12:00:00Z"  # the newest event, not the snapshot or now
    assert [e.find(A + "updated").text for e in items] == [
        "2024-01-31T12:00:00Z", "2024-01-11T12:00:00Z", "2024-01-06T12:00:00Z", "2024-01-01T12:00:00Z"]
    for item in items:
        assert item.find(A + "id").text.startswith("urn:uuid:")
        assert item.find(A + "title").text and item.find(A + "summary").text
    assert len({e.find(A + "id").text for e in items}) == len(items)
    assert items[0].find(A + "link").get("href") == "cases/2/"


def test_feed_is_deterministic_and_ids_are_stable():
    assert feeds.atom_feed(sample()) == feeds.atom_feed(sample())
    _, before = entries(feeds.atom_feed(sample()))
    more = snapshot(*sample().cases, case(3, history=((50, S.ASSESSED),), created=50), fetched=400)
    _, after = entries(feeds.atom_feed(more))
    assert {e.find(A + "id").text for e in before} <= {e.find(A + "id").text for e in after}


def test_absolute_links_with_a_site_url_and_a_limit():
    data = feeds.atom_feed(sample(), "https://cases.example.org/", limit=2)
    root, items = entries(data)
    assert len(items) == 2
    assert items[0].find(A + "link").get("href") == "https://cases.example.org/cases/2/"
    self_link = [l for l in root.findall(A + "link") if l.get("rel") == "self"]
    assert self_link[0].get("href") == "https://cases.example.org/feed.xml"


def test_hostile_subjects_are_escaped_text():
    hostile = hostile_strings()
    subject = " ".join(hostile) + " \x00\x07 & ]]>"
    data = feeds.atom_feed(snapshot(case(7, subject=subject, history=((0, S.ASSESSED), (3, S.PREPARATORY)))))
    text = data.decode()
    assert "<script>" not in text and "<img" not in text and "]]>" not in text
    _, items = entries(data)  # parses: the control characters are gone
    titles = [e.find(A + "title").text for e in items]
    assert titles[1] == "New case: " + " ".join(hostile) + "  & ]]>"


def test_empty_catalogue_gives_a_valid_feed():
    root, items = entries(feeds.atom_feed(snapshot(fetched=10)))
    assert items == [] and root.find(A + "updated").text == "2024-01-11T12:00:00Z"


def test_the_newest_events_are_the_first_of_all_of_them_ties_included():
    """``events(cases, limit)`` picks the newest without sorting all: the same list as the first
    ``limit`` of every event, in the same order, where a cut falls among events of one date."""
    cases = [case(n, history=((0, S.PRE_ASSESSMENT), (10, S.ASSESSED), (10, S.PREPARATORY)), created=n % 3)
             for n in range(1, 12)]
    every = feeds.events(cases)
    assert len(every) > 20 and len({e.date for e in every}) < len(every)  # ties on the date
    for limit in (1, 5, 11, 12, 21, len(every), len(every) + 3):
        assert feeds.events(cases, limit) == every[:limit]
