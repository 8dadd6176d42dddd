"""Rendering on hand-made snapshots: what each page kind says, redirects, tombstones, escaping,
and that a case page's cost does not grow with the catalogue."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from support.site_factory import S, at, case, snapshot

from devtools.synthetic import hostile_strings
from generator.site import pages
from generator.site.pages import render_pages, template_env

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def env():
    return template_env(ROOT / "templates" / "pages")


def meta_of(page: str) -> dict:
    return yaml.safe_load(page.split("---\n")[1])


def body_of(page: str) -> str:
    return page.split("---\n", 2)[2]


def catalogue():
    return snapshot(
        case(1, subject="Alpha – one", history=((0, S.PRE_ASSESSMENT), (10, S.ASSESSED), (40, S.PREPARATORY)),
             vos=("vo.alpha.example",), disciplines=("Natural Sciences / Physical sciences / Astronomy",)),
        case(2, subject="Beta – two", history=((0, S.PRE_ASSESSMENT), (100, S.PRODUCTION)), created=0,
             disciplines=("Natural Sciences / Mathematics", "Humanities / Arts")),
        case(3, subject="Gamma", history=((0, S.ASSESSED),), created=-400, replies=(95,), disciplines=()),
        fetched=100,
    )


def test_the_page_kinds(env):
    rendered = render_pages(catalogue(), env)
    for path in ("index.md", "cases/index.md", "status/index.md", "discipline/index.md", "vo/index.md",
                 "year/index.md", "dashboard/index.md", "cases/1.md", "status/production.md",
                 "vo/vo-alpha-example.md", "year/2024.md", "year/2022.md",
                 "discipline/natural-sciences.md", "discipline/natural-sciences-physical-sciences.md",
                 "discipline/natural-sciences-physical-sciences-astronomy.md", "discipline/humanities-arts.md"):
        assert path in rendered, path
    assert not [p for p in rendered if p.startswith("year/") and p not in ("year/index.md", "year/2024.md",
                                                                            "year/2022.md")]


def test_case_page(env):
    page = render_pages(catalogue(), env)["cases/1.md"]
    body = body_of(page)
    assert "<dt>Community</dt><dd>Alpha</dd>" in body
    assert "A plan exists" in body  # the status' meaning next to its badge
    assert 'href="../../discipline/natural-sciences-physical-sciences-astronomy/"' in body
    assert 'href="../../vo/vo-alpha-example/"' in body and 'href="../../year/2024/"' in body
    assert "https://rt.example.org/Ticket/Display.html?id=1" in body
    # time in each phase: 10 days, 30 days, then 60 days so far until the snapshot
    assert re.findall(r"<td>(\d+ days?)[^<]*</td></tr>", body) == ["10 days", "30 days", "60 days"]
    assert "60 days (about 2 months) so far" in body
    assert "Stale:" in body  # Preparatory, no progress for 60 days
    assert '<code data-cc-copy="../../cases/1/">cases/1/</code>' in body
    assert meta_of(page)["title"] == "Alpha – one (case 1)"


def test_permalink_is_absolute_with_a_site_url(env):
    body = render_pages(catalogue(), env, site_url="https://cases.example.org/")["cases/2.md"]
    assert ">https://cases.example.org/cases/2/</code>" in body
    assert "Stale:" not in body  # in production


def test_redirect_page_for_a_merged_ticket(env):
    snap = snapshot(*catalogue().cases, redirects={7: 2, 8: 7, 1: 2, 9: 99}, withdrawn_ids=(7, 9))
    rendered = render_pages(snap, env)
    for old in (7, 8):
        page = rendered[f"cases/{old}.md"]
        meta = meta_of(page)
        assert meta["redirect_to"] == "../../cases/2/"
        assert meta["robots"] == "noindex" and meta["search"] == {"exclude": True}
        assert '<a href="../../cases/2/">Go to case 2</a>' in page
    assert "redirect_to" not in meta_of(rendered["cases/1.md"])  # a live case is never redirected
    assert "no longer public" in rendered["cases/9.md"]  # redirect to nowhere: the tombstone stays


def test_tombstone_for_a_withdrawn_case(env):
    page = render_pages(snapshot(*catalogue().cases, withdrawn_ids=(5,)), env)["cases/5.md"]
    assert "no longer public" in page and meta_of(page)["robots"] == "noindex"


def test_indexes_state_their_counts(env):
    rendered = render_pages(catalogue(), env)
    assert "3 public cases" in rendered["cases/index.md"]
    assert "2 of 3 cases name a discipline, in 2 top-level disciplines (6 disciplines at all levels)" in rendered["discipline/index.md"]
    assert "1 case names no discipline" in rendered["discipline/index.md"]
    tree = rendered["discipline/index.md"]
    assert re.search(r">Natural Sciences</a> <span class=\"cc-n\">\(2 cases\)</span>", tree)
    parent = rendered["discipline/natural-sciences.md"]
    assert "2 cases in this discipline or below it." in parent
    assert "<table" not in parent  # a parent lists its subdisciplines, not their cases again
    assert 'href="../../cases/?filter=Natural%20Sciences"' in parent
    leaf = rendered["discipline/natural-sciences-physical-sciences-astronomy.md"]
    assert "1 case in this discipline." in leaf and 'href="../../cases/1/"' in leaf
    assert "1 virtual organisation named by 1 case; 2 cases have no virtual organisation" in rendered["vo/index.md"]
    assert "3 cases opened over 2 years" in rendered["year/index.md"]
    assert "1 case opened in 2022" in rendered["year/2022.md"]
    assert "1 case in this status" in rendered["status/production.md"]
    funnel = rendered["status/index.md"]
    assert "3 cases, by where they stand" in funnel and "Cases that reached each workflow stage" in funnel


def test_dashboard(env):
    rendered = render_pages(catalogue(), env)
    body = rendered["dashboard/index.md"]
    assert "Median time from <strong>Pre-assessment</strong> to <strong>Production</strong>: " \
           "<strong>100 days (about 3 months)</strong>, over the 1 case" in body
    stale = body[body.index('id="stale"'):]
    assert 'href="../cases/1/"' in stale and 'href="../cases/3/"' not in stale  # 3 replied 5 days ago
    assert body.count('<svg class="cc-chart"') == 3
    assert "Cases per top-level scientific discipline" in body
    stale_page = rendered["stale/index.md"]
    assert "1 case of 2 cases in progress is stale at the snapshot of 2024-04-10" in stale_page
    assert 'href="../cases/1/"' in stale_page


def test_dashboard_shows_the_longest_stale_and_links_all_of_them(env):
    cases = [case(i, history=((i, S.ASSESSED),)) for i in range(1, 31)]
    rendered = render_pages(snapshot(*cases, fetched=200), env)
    stale = rendered["dashboard/index.md"].split('id="stale"')[1]
    assert re.findall(r'href="\.\./cases/(\d+)/"', stale) == [str(i) for i in range(1, pages.STALE_PREVIEW + 1)]
    assert "30 stale cases, the 20 longest without progress" in stale and 'href="../stale/">All 30 stale cases' in stale
    assert len(re.findall(r'href="\.\./cases/\d+/"', rendered["stale/index.md"])) == 30


def test_stale_is_measured_against_the_snapshot_not_the_clock(env):
    early = snapshot(*catalogue().cases, fetched=45)  # day 45: case 1 moved 5 days earlier
    body = render_pages(early, env)["dashboard/index.md"]
    assert "No stale cases." in body


def test_hostile_text_never_becomes_markup(env):
    hostile = hostile_strings()
    evil = " ".join(hostile)
    snap = snapshot(case(1, subject=evil, disciplines=(evil, "A / " + evil), vos=(evil,), sites=(evil,),
                         owner=evil, description=evil, history=((0, S.ASSESSED),)))
    rendered = render_pages(snap, env, site_url="https://cases.example.org/")
    for path, page in rendered.items():
        assert "<script>" not in page and "<img" not in page, path
        assert not re.search(r"(?i)href=\"\s*javascript:", page), path
        assert "49" not in page.replace("2024", ""), path  # {{ 7*7 }} never evaluated
        meta = meta_of(page)
        assert all("<" not in str(v) for v in meta.values()), path
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in rendered["cases/1.md"]


def test_case_page_does_not_grow_with_the_catalogue(env):
    """Rendering stays linear: a case page holds nothing about the other cases."""
    def page_for_case_1(n):
        cases = [case(i, subject=f"Community {i}", history=((i % 50, S.ASSESSED),)) for i in range(1, n + 1)]
        return render_pages(snapshot(*cases), env)["cases/1.md"]
    assert page_for_case_1(5) == page_for_case_1(400)


@pytest.mark.parametrize("days, text", [(0.2, "less than a day"), (1, "1 day"), (59.9, "59 days"),
                                        (95, "95 days (about 3 months)"), (1000, "1000 days (about 2.7 years)")])
def test_duration(days, text):
    assert pages.duration(days) == text


def test_the_timeline_uses_snapshot_time_for_the_current_status(env):
    body = render_pages(catalogue(), env)["cases/3.md"]
    assert "now (snapshot of 2024-04-10)" in body and at(100).strftime("%Y-%m-%d") == "2024-04-10"
