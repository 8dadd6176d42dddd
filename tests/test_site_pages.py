"""Rendering on hand-made snapshots: what each page kind says, redirects, tombstones, escaping,
and that a case page's cost does not grow with the catalogue."""

from __future__ import annotations

import json
import os
import re
from dataclasses import replace
from pathlib import Path

import pytest
import yaml
from support.site_factory import S, at, case, snapshot

from support.hostile import hostile_strings
from generator.model import STALE_AFTER_DAYS, PublicMessage
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
                 "centre/index.md", "year/index.md", "dashboard/index.md", "cases/1.md", "status/production.md",
                 "vo/vo-alpha-example/index.html", "year/2024.md", "year/2022.md",
                 "discipline/natural-sciences.md", "discipline/natural-sciences-physical-sciences.md",
                 "discipline/natural-sciences-physical-sciences-astronomy.md", "discipline/humanities-arts.md"):
        assert path in rendered, path
    assert not [p for p in rendered if p.startswith("year/") and p not in ("year/index.md", "year/2024.md",
                                                                            "year/2022.md")]


def test_every_page_of_a_long_discipline_list_links_the_whole_subtree(env):
    """A later page of a discipline's list holds none of the cases below it, yet lists the
    subtree: its links come with the tree, not from the page's own rows."""
    many = [case(i, disciplines=("Natural Sciences",)) for i in range(1, pages.PAGE_SIZE + 2)]
    deep = case(pages.PAGE_SIZE + 2, disciplines=("Natural Sciences / Earth sciences",))
    rendered = render_pages(snapshot(deep, *many), env)
    later = [p for p in rendered if p.startswith("discipline/natural-sciences") and "earth" not in p
             and p != "discipline/natural-sciences.md"]
    assert later, sorted(p for p in rendered if p.startswith("discipline/"))
    for path in later:
        assert "natural-sciences-earth-sciences" in rendered[path], path


def test_case_page(env):
    page = render_pages(catalogue(), env)["cases/1.md"]
    body = body_of(page)
    assert '<dt>Community</dt><dd dir="auto">Alpha</dd>' in body
    assert "A plan exists" in body  # the status' meaning next to its badge
    assert 'href="../../discipline/natural-sciences-physical-sciences-astronomy/"' in body
    assert 'href="../../year/2024/"' in body
    assert "<dd>vo.alpha.example</dd>" in body  # this case is the VO's only one: no link to itself
    assert "https://rt.example.org/Ticket/Display.html?id=1" in body
    # time in each phase: 10 days, 30 days, then the current one, counted in the reader's browser
    assert re.findall(r"<td>(\d+ days?)[^<]*</td></tr>", body) == ["10 days", "30 days"]
    assert ('since <time datetime="2024-02-10">2024-02-10</time><span data-cc-since="2024-02-10"></span>'
            in body)
    # Preparatory, no progress for 60 days at the snapshot: the note says since when, not for how long
    assert 'Stale:</strong> no visible progress since <time datetime="2024-02-10">2024-02-10</time>' in body
    assert '<code data-cc-copy="../../cases/1/">cases/1/</code>' in body
    assert body.index('class="cc-summary"') < body.index('class="cc-permalink"') < body.index('id="timeline"')
    meta = meta_of(page)
    assert meta["title"] == "Alpha – one (case 1)" and meta["og_type"] == "article"
    assert meta["description"] == "Preparatory · Natural Sciences / Physical sciences / Astronomy · We need help."
    assert "Cite this case: <span class=\"cc-citation\" data-cc-citation>EGI Case Catalogue. “Alpha – one”, case 1 " \
           "(Preparatory as of 2024-02-10). cases/1/</span>" in body  # the case's last update


def test_permalink_is_absolute_with_a_site_url(env):
    body = render_pages(catalogue(), env, site_url="https://cases.example.org/")["cases/2.md"]
    assert ">https://cases.example.org/cases/2/</code>" in body
    assert "(Production as of 2024-04-10). https://cases.example.org/cases/2/</span>" in body  # day 100
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
    # a top-level discipline lists its subdisciplines and every case below it, linked by name
    assert parent.index("Subdisciplines") < parent.index("<table")
    assert ">Alpha – one</a>" in parent and ">Beta – two</a>" in parent and "?filter=" not in parent
    leaf = rendered["discipline/natural-sciences-physical-sciences-astronomy.md"]
    assert "1 case in this discipline." in leaf and 'href="../../cases/1/"' in leaf
    vo_index = rendered["vo/index.md"]
    assert "1 virtual organisation named by 1 case; 2 cases have no virtual organisation" in vo_index
    assert '<a href="../cases/1/">vo.alpha.example</a></td><td>1 (case 1)</td>' in vo_index  # straight to it
    assert "3 cases opened over 2 years" in rendered["year/index.md"]
    assert "1 case opened in 2022" in rendered["year/2022.md"]
    production = rendered["status/production.md"]
    assert "1 case in this status" in production
    assert 'Status</th>' not in production and "cc-badge" not in production.split("<table")[1]  # not repeated
    assert '<a href="../../cases/2/">Beta – two</a>' in production  # the community names link
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
    snap = snapshot(*(case(i, subject=evil, disciplines=(evil, "A / " + evil), vos=(evil,), sites=(evil,),
                           owner=evil, description=evil, history=((0, S.ASSESSED),)) for i in (1, 2)))
    rendered = render_pages(snap, env, site_url="https://cases.example.org/")
    for path, page in rendered.items():
        assert "<script>" not in page and "<img" not in page, path
        assert not re.search(r"(?i)href=\"\s*javascript:", page), path
        words = re.sub(r"<svg.*?</svg>", "", page, flags=re.S)  # chart geometry is numbers
        assert "49" not in words.replace("2024", ""), path  # {{ 7*7 }} never evaluated
        if path.endswith(".md"):
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


def test_a_case_page_does_not_change_with_the_day_it_is_built(env):
    """Built again only when its case changes: nothing on it counts to the snapshot's time, except
    whether the case is stale, which changes once."""
    body = render_pages(catalogue(), env)["cases/3.md"]
    assert ('2024-01-01</time> – now</td><td data-cc-since="2024-01-01" data-cc-short>still in this status</td>'
            in body)
    for later in (101, 104, 108):
        assert render_pages(replace(catalogue(), fetched_at=at(later)), env)["cases/3.md"] == body, later
    assert at(100).strftime("%Y-%m-%d") not in body
    # case 3 (a reply on day 95, nothing since) turns stale once STALE_AFTER_DAYS have passed
    assert "Stale:" not in body
    assert "Stale:" in render_pages(replace(catalogue(), fetched_at=at(95 + STALE_AFTER_DAYS + 1)), env)["cases/3.md"]


def test_the_case_summary_says_what_is_needed_and_the_last_progress(env):
    long = ("Dear colleagues,\n\nThe Delta network studies reefs. It needs 300 cores and 40 TB for three years. "
            "A third sentence that the summary leaves out.\n\nMore detail.")
    body = render_pages(snapshot(case(4, subject="Delta – reefs", description=long, replies=(5,))), env)["cases/4.md"]
    assert ("<strong>What Delta needs:</strong> <span dir=\"auto\">The Delta network studies reefs. It needs 300 cores "
            "and 40 TB for three years.</span>") in body
    assert "<strong>Last progress:</strong> <time datetime=\"2024-01-06\">2024-01-06</time>, a reply." in body


def test_replies_are_labelled_by_side_and_the_older_ones_folded(env):
    sides = ("EGI", "community", "", "EGI", "community")
    c = case(5, replies=(1, 2, 3, 4, 5))
    c = replace(c, messages=tuple(replace(m, side=s, text=f"Message {i}.") for i, (m, s) in enumerate(zip(c.messages, sides))))
    body = render_pages(snapshot(c), env)["cases/5.md"]
    folded, shown = body.split("</details>")
    assert [h for h in re.findall(r'<h3 id="reply-\d">([^,]*),', body)] == [
        "Reply from EGI", "Reply from the community", "Reply", "Reply from EGI", "Reply from the community"]
    assert "Message 0." in folded and "Message 1." in folded and "Message 2." in shown
    assert "Earlier correspondence: 2 replies, from 2024-01-02 to 2024-01-03" in folded
    assert "5 replies, oldest first; the 2 earlier ones folded." in body
    assert "<strong>Last progress:</strong> <time datetime=\"2024-01-06\">2024-01-06</time>, a reply from the community." in body


def test_long_lists_are_paginated_and_every_page_links_the_others(env, monkeypatch):
    monkeypatch.setattr(pages, "PAGE_SIZE", 4)
    cases = [case(i, subject=f"Community {i:02}", history=((0, S.PRODUCTION),)) for i in range(1, 11)]
    rendered = render_pages(snapshot(*cases), env)
    first, second, third = (rendered[p] for p in ("status/production.md", "status/production/page/2.md",
                                                   "status/production/page/3.md"))
    assert "status/production/page/4.md" not in rendered
    assert re.findall(r'href="\.\./\.\./cases/(\d+)/"', first) == ["1", "2", "3", "4"]
    assert re.findall(r'href="\.\./\.\./\.\./\.\./cases/(\d+)/"', third) == ["9", "10"]
    assert "10 cases in this status" in third and "Cases in status Production: 9–10 of 10" in third
    assert meta_of(second)["title"] == "Status: Production (page 2 of 3)"
    assert '<a href="../../status/production/page/2/" rel="next">Next</a>' in first
    assert '<a href="../../../../status/production/" rel="prev">Previous</a>' in second
    # the top-level discipline lists all ten, over three pages too
    assert "discipline/natural-sciences/page/3.md" in rendered


def test_resource_centres_have_an_index_and_pages_and_a_single_case_centre_forwards(env):
    snap = snapshot(case(1, sites=("CENTRE-A", "CENTRE-B")), case(2, sites=("CENTRE-A",)), case(3))
    rendered = render_pages(snap, env)
    index = rendered["centre/index.md"]
    assert "2 resource centres named among the sites involved in 2 cases; 1 case names no site yet" in index
    assert '<a href="../centre/centre-a/">CENTRE-A</a></td><td>2</td>' in index
    assert '<a href="../cases/1/">CENTRE-B</a></td><td>1 (case 1)</td>' in index
    assert "2 cases naming this centre" in rendered["centre/centre-a.md"]
    forward = rendered["centre/centre-b/index.html"]
    assert '<meta http-equiv="refresh" content="0; url=../../cases/1/">' in forward and "noindex" in forward
    assert "Content-Security-Policy" in forward and len(forward) < 1000
    assert "centre/centre-b.md" not in rendered
    case_1 = rendered["cases/1.md"]
    assert '<a href="../../centre/centre-a/">CENTRE-A</a>, CENTRE-B</dd>' in case_1


def test_the_all_cases_table_carries_its_facets_with_counts(env):
    rendered = render_pages(catalogue(), env)
    page = rendered["cases/index.md"]
    assert '<option value="production" data-label="Production">Production (1)</option>' in page
    assert '<option value="Natural Sciences" data-label="Natural Sciences">Natural Sciences (2)</option>' in page
    assert '<option value="2022" data-label="2022">2022 (1)</option>' in page
    row = re.search(r"<tr data-status=\"preparatory\"[^>]*>", page).group(0)
    assert 'data-year="2024"' in row and 'data-vo="vo.alpha.example"' in row
    assert 'data-discipline="Natural Sciences / Physical sciences / Astronomy"' in row
    two = re.search(r"<tr data-status=\"production\"[^>]*>", page).group(0)
    assert 'data-discipline="Natural Sciences / Mathematics\nHumanities / Arts"' in two  # one a line
    assert "<noscript>" in page and "any filter in this page's address is not applied" in page


def test_bidi_controls_never_reach_displayed_text(env):
    subject = "Evil \u202ecod.exe\u202c – \u2066x\u2069"
    rendered = render_pages(snapshot(case(1, subject=subject, description="a\u202eb"), case(2)), env)
    for path, page in rendered.items():
        assert not re.search("[\u202a-\u202e\u2066-\u2069]", page), path
    assert "Evil cod.exe – x" in rendered["cases/1.md"]


@pytest.mark.parametrize("count, text", [(0, "0 cases"), (1, "1 case"), (2, "2 cases")])
def test_singular_and_plural(count, text):
    assert pages.plural(count, "case") == text and pages.plural(1, "reply", "replies") == "1 reply"
    assert pages.plural(3, "reply", "replies") == "3 replies"


def structured_of(page: str) -> dict:
    found = re.findall(r'<script type="application/ld\+json">(.*?)</script>', page, re.S)
    assert len(found) == 1, found
    return json.loads(found[0])


def test_a_case_page_describes_its_case_as_json_ld(env):
    text = "Dear EGI,\n\nWe need GPUs for our models. Later we will need storage too, and more."
    snap = snapshot(case(7, subject="Alpha – one", description=text,
                         disciplines=("Natural Sciences / Mathematics", "Humanities / Arts")))
    page = render_pages(snap, env, "https://cases.example.org/cat")["cases/7.md"]
    data = structured_of(page)
    assert data == {
        "@context": "https://schema.org", "@type": "Article", "identifier": "7",
        "headline": "Alpha – one", "name": "Alpha – one",
        "description": "We need GPUs for our models. Later we will need storage too, and more.",
        "dateCreated": "2024-01-01T12:00:00Z", "dateModified": "2024-01-01T12:00:00Z",
        "about": [{"@type": "Thing", "name": "Humanities / Arts"}, {"@type": "Thing", "name": "Natural Sciences / Mathematics"}],
        "url": "https://cases.example.org/cat/cases/7/",
        "isPartOf": {"@type": "WebSite", "name": "EGI Case Catalogue", "url": "https://cases.example.org/cat/"},
    }
    assert data["description"] in meta_of(page)["description"]  # what og:description says of it
    # without a site URL there is no absolute address to give, and a relative one would mislead
    bare = structured_of(render_pages(snap, env)["cases/7.md"])
    assert "url" not in bare and "url" not in bare["isPartOf"]


@pytest.mark.parametrize("subject", ["</script><script>alert(1)</script>", "a </SCRIPT > b <!-- c",
                                     "x\u2028y ' \" & <b>", "مرحبا \u202eevil"])
def test_no_subject_can_end_the_json_ld_script(env, subject):
    page = render_pages(snapshot(case(7, subject=subject, description=subject)), env)["cases/7.md"]
    script = re.search(r'<script type="application/ld\+json">(.*?)</script>', page, re.S).group(1)
    assert not re.search(r"[<>&']", script)
    data = json.loads(script)
    assert data["name"] == data["headline"] == subject.replace("\u202e", "")  # bidi controls go, as everywhere
    assert page.count("<script") == 1  # the subject made no element of its own


def _rendered_tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_two_processes_render_the_very_files_one_renders(env, tmp_path, monkeypatch):
    """Many pages are rendered on two cores (a forked helper renders every other page): the
    files and their digests are those of a render in one process."""
    from generator.site import render

    many = snapshot(*(case(i, subject=f"Community {i} – pipelines", vos=(f"vo{i % 5}.example",),
                           disciplines=(f"Natural Sciences / Field {i % 4}",)) for i in range(1, 41)))
    plan = pages.plan_pages(many)
    pids = tmp_path / "pids"
    pids.mkdir()
    real = render._render_into

    def render_into(*args):
        (pids / str(os.getpid())).touch()
        return real(*args)

    monkeypatch.setattr(render, "_render_into", render_into)
    results = {}
    for name, parallel_from in (("one", 10**9), ("two", 1)):
        monkeypatch.setattr(render, "PARALLEL_FROM", parallel_from)
        renderer = plan.renderer(env)
        for page in plan.pages:
            renderer.digest(page)
        results[name] = (render.render_files(renderer, plan.pages, tmp_path / name), _rendered_tree(tmp_path / name))
    assert len(list(pids.iterdir())) == 2  # this process, and the helper of the second render
    assert results["two"] == results["one"] and len(results["one"][1]) == len(plan.pages) > 60


def test_a_page_failing_in_the_render_helper_fails_the_render(env, tmp_path, monkeypatch):
    from generator.site import render

    plan = pages.plan_pages(catalogue())
    odd = plan.pages[1].path  # rendered by the helper
    real = render.Renderer.render

    def failing(self, page):
        if page.path == odd:
            raise ValueError("a template that fails on this page")
        return real(self, page)

    monkeypatch.setattr(render.Renderer, "render", failing)
    monkeypatch.setattr(render, "PARALLEL_FROM", 1)
    with pytest.raises(ValueError, match="fails on this page"):
        render.render_files(plan.renderer(env), plan.pages, tmp_path / "docs")


def test_a_summary_is_the_first_sentences_of_the_first_paragraph_that_says_something():
    from generator.site.text import lead

    thread = "Dear support team,\n\n\nOur  jobs\nfail at the CE. Since Monday!  And more. Even more.\n\nSecond paragraph."
    assert lead(thread) == "Our jobs fail at the CE. Since Monday!"
    assert lead("Hello\r\n\r\nOne. Two. Three.") == "One. Two."
    assert lead("Hi all,\n\n \n\nGood morning:") == ""
    assert lead("A sentence that goes on and on past the limit", 20) == "A sentence that…"
    assert lead("First one is long enough here. Second.", 40) == "First one is long enough here."


def test_the_templates_compiled_and_kept_render_the_same_pages(tmp_path):
    """The page templates' compiled code kept between builds (``template_env``'s cache) renders
    every page as a fresh compilation does; a damaged cache file is compiled again."""
    plain = render_pages(catalogue(), template_env(ROOT / "templates" / "pages"))
    cache = tmp_path / "pages"
    assert render_pages(catalogue(), template_env(ROOT / "templates" / "pages", cache)) == plain
    kept = sorted(cache.rglob("*.cache"))
    assert len(kept) >= 10  # every template the pages use, and the macros they import
    for path in kept[::2]:
        path.write_bytes(path.read_bytes()[:30])
    assert render_pages(catalogue(), template_env(ROOT / "templates" / "pages", cache)) == plain
    assert render_pages(catalogue(), template_env(ROOT / "templates" / "pages", cache)) == plain


def test_a_contact_is_written_as_affiliation_comma_role(env):
    from generator.model import ExternalContact

    contacts = (ExternalContact("University of Example", "PI"), ExternalContact("", "site manager"))
    body = body_of(render_pages(snapshot(case(1, external_contacts=contacts)), env)["cases/1.md"])
    assert "<li>University of Example, PI</li><li>site manager</li>" in body


def page_digests(snap, env) -> dict[str, str]:
    plan = pages.plan_pages(snap)
    renderer = plan.renderer(env)
    return {page.path: renderer.digest(page) for page in plan.pages}


COUNTING_INDEXES = ("status/index.md", "discipline/index.md", "vo/index.md", "centre/index.md", "year/index.md")


def test_a_new_reply_leaves_the_indexes_that_count_cases_unrendered_and_a_new_name_does_not(env):
    """The indexes by status, discipline, VO, centre and year read of each case its number and names only,
    so a reply leaves their digest (and they are not rendered again), while the list of all
    cases and the case itself change; a case naming another VO changes the VO index."""
    before = catalogue()
    one = next(c for c in before.cases if c.id == 1)
    replied = replace(one, messages=one.messages + (PublicMessage(at(99), "reply", "Jobs ran."),), last_updated=at(99))
    renamed = replace(one, virtual_organisations=("vo.other.example",))
    digests = page_digests(before, env)
    after_reply = page_digests(replace(before, cases=tuple(replied if c.id == 1 else c for c in before.cases)), env)
    after_rename = page_digests(replace(before, cases=tuple(renamed if c.id == 1 else c for c in before.cases)), env)
    assert {p: after_reply[p] == digests[p] for p in (*COUNTING_INDEXES, "cases/1.md", "cases/index.md")} == {
        **dict.fromkeys(COUNTING_INDEXES, True), "cases/1.md": False, "cases/index.md": False}
    assert after_rename["vo/index.md"] != digests["vo/index.md"]


def test_a_case_is_digested_by_its_snapshot_text_when_the_build_made_one():
    """A case the snapshot serialised is digested by that text: a copy read back from it has the
    digest of the case, a changed case another; a case never serialised by its repr."""
    from generator.screening.snapshot import case_read_back, case_text, snapshot_text
    from generator.site.digest import Digester

    snap = catalogue()
    snapshot_text(snap)
    one = next(c for c in snap.cases if c.id == 1)
    text = case_text(one)
    assert text is not None and json.loads(text)["id"] == 1
    copy = case_read_back(json.loads(text))
    snapshot_text(replace(snap, cases=(copy,)))
    digester = Digester(case_text=case_text)
    changed = replace(one, subject="Alpha – renamed")
    assert case_text(changed) is None
    assert digester.case(copy) == Digester(case_text=lambda case: text).case(one)
    assert digester.case(changed) != digester.case(copy)
    assert digester.case(changed) == Digester().case(changed)
