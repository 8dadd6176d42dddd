"""The browsing pages of the sample catalogue, built once per session (``sample_site``)."""

from __future__ import annotations

import csv
import io
import re
import xml.etree.ElementTree as ET

import pytest

from generator.model import ImplementationStatus
from generator.site import metrics
from generator.site.urls import slugify

ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture(scope="module")
def snap(sample_site):
    return sample_site[0].screening.snapshot


def page(site, url: str) -> str:
    return (site / url / "index.html").read_text(encoding="utf-8")


def test_every_kind_of_page_exists(sample_site_dir, snap):
    site = sample_site_dir
    nodes = list(metrics.walk(metrics.discipline_tree(snap.cases)))
    vos = {v for c in snap.cases for v in c.virtual_organisations}
    years = {c.created.year for c in snap.cases}
    counts = {kind: len(list((site / kind).glob("*/index.html"))) for kind in ("cases", "discipline", "vo", "year")}
    assert counts == {"cases": len(snap.cases), "discipline": len(nodes), "vo": len(vos), "year": len(years)}
    for url in ("dashboard", "stale", "cases", "status", "discipline", "vo", "year", "about", "data"):
        assert (site / url / "index.html").exists(), url
    for kind in ("feed.xml", "sitemap.xml", "data/cases.json", "data/cases.csv"):
        assert (site / kind).exists(), kind
    # parents exist as pages even when no case names them directly
    assert (site / "discipline" / "natural-sciences" / "index.html").exists()


def test_discipline_index_is_a_hierarchy_with_counts(sample_site_dir, snap):
    text = page(sample_site_dir, "discipline")
    astronomy = [c for c in snap.cases if "Natural Sciences / Physical sciences / Astronomy" in c.disciplines]
    natural = [c for c in snap.cases if any(d.startswith("Natural Sciences / ") for d in c.disciplines)]
    assert re.search(rf'>Astronomy</a> <span class="cc-n">\({len(astronomy)} cases?\)', text)
    assert re.search(rf'>Natural Sciences</a> <span class="cc-n">\({len(natural)} cases\)', text)
    # nested lists: Astronomy sits inside Physical sciences inside Natural Sciences
    start = text.index(">Natural Sciences</a>")
    assert start < text.index(">Physical sciences</a>", start) < text.index(">Astronomy</a>", start)
    parent = page(sample_site_dir, "discipline/natural-sciences")
    assert f"{len(natural)} cases in this discipline or below it." in parent
    assert 'href="../../discipline/natural-sciences-physical-sciences-astronomy/"' in parent


def test_every_index_states_its_counts(sample_site_dir, snap):
    n = len(snap.cases)
    site = sample_site_dir
    assert f"{n} public cases" in page(site, "cases")
    assert f"{n} cases, by where they stand" in page(site, "status")
    assert re.search(r"\d+ of 62 cases name a discipline", page(site, "discipline"))
    assert re.search(r"\d+ virtual organisations named by \d+ cases", page(site, "vo"))
    assert f"{n} cases opened over" in page(site, "year")
    assert f"{n} public cases, as of the snapshot" in page(site, "dashboard")
    for status in ImplementationStatus:
        assert re.search(r'class="cc-count">\d+ cases? in this status', page(site, f"status/{status.slug}"))
    for year in {c.created.year for c in snap.cases}:
        assert re.search(rf'class="cc-count">\d+ cases? opened in {year}', page(site, f"year/{year}"))


def test_funnel_is_in_workflow_order_with_meanings(sample_site_dir):
    text = page(sample_site_dir, "status")
    positions = [text.index(f'cc-badge cc-status-{s.slug}"') for s in ImplementationStatus]
    assert positions == sorted(positions)
    for status in ImplementationStatus:
        assert status.meaning.split(",")[0].replace("'", "&#39;") in text


def test_all_cases_table_is_complete_without_javascript(sample_site_dir, snap):
    text = page(sample_site_dir, "cases")
    table = text[text.index("<table data-cc-table>"):text.index("</table>")]
    assert sorted(map(int, re.findall(r'href="\.\./cases/(\d+)/"', table))) == sorted(c.id for c in snap.cases)
    assert "javascripts/casecat.js" in text


def test_dashboard_lists_exactly_the_stale_cases(sample_site_dir, snap):
    text = page(sample_site_dir, "dashboard")
    stale = page(sample_site_dir, "stale")
    listed = list(map(int, re.findall(r'href="\.\./cases/(\d+)/"', stale)))
    expected = [c.id for c in metrics.stale_cases(snap.cases, snap.fetched_at)]
    assert listed == expected and len(expected) >= 3
    shown = list(map(int, re.findall(r'href="\.\./cases/(\d+)/"', text[text.index('id="stale"'):])))
    assert shown == expected[:20]
    assert all(c.implementation_status.is_active for c in snap.cases if c.id in expected)
    assert text.count('<svg class="cc-chart"') == 3
    median = metrics.median_time_to_production(snap.cases)
    assert f"over the {median.count} cases whose history shows both" in text


def test_feed_and_csv_match_the_catalogue(sample_site_dir, snap):
    root = ET.parse(sample_site_dir / "feed.xml").getroot()
    entries = root.findall(ATOM + "entry")
    assert len(entries) == 100
    dates = [e.find(ATOM + "updated").text for e in entries]
    assert dates == sorted(dates, reverse=True)
    assert root.find(ATOM + "updated").text == dates[0]
    rows = list(csv.DictReader(io.StringIO((sample_site_dir / "data" / "cases.csv").read_text(), newline="")))
    assert [int(r["id"]) for r in rows] == sorted(c.id for c in snap.cases)


def test_case_page_shows_everything_asked_for(sample_site_dir, snap):
    c = next(c for c in snap.cases if c.virtual_organisations and c.links and len(c.status_history) >= 4)
    text = page(sample_site_dir, f"cases/{c.id}")
    assert f'<dt>Community</dt><dd dir="auto">{metrics.community_name(c.subject)}</dd>' in text
    assert c.implementation_status.meaning.split(",")[0] in text
    for d in c.disciplines:
        assert f'href="../../discipline/{slugify(d)}/"' in text
    assert c.virtual_organisations[0] in text
    assert f"Ticket/Display.html?id={c.id}" in text
    assert text.count("<tr") == len(c.status_history) + 1  # the timeline is the page's only table
    assert "still in this status</td>" in text and f'data-cc-copy="../../cases/{c.id}/"' in text
    assert c.links[0] in text
    assert "Last progress" in text and c.last_progress.strftime("%Y-%m-%d") in text
    # replies say who wrote them: the sample's staff and requestors both write
    assert "Reply from EGI," in text and "Reply from the community," in text


def test_the_sample_replies_are_labelled_by_side(snap):
    sides = [m.side for c in snap.cases for m in c.messages]
    assert sides.count("EGI") > 100 and sides.count("community") > 10 and set(sides) <= {"EGI", "community"}


def test_no_case_page_in_the_navigation_and_the_new_pages_are(sample_site_dir):
    home = page(sample_site_dir, ".")
    start, end = home.find('class="md-nav md-nav--primary'), home.find('class="md-content"')
    assert 0 < start < end
    nav = home[start:end]
    for url in ("dashboard/", "vo/", "year/", "data/"):
        assert f'href="{url}"' in nav, url
    assert not re.search(r'href="cases/\d+/"', nav)
