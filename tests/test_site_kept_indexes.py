"""Index addresses are kept once published: a centre, VO, discipline or year whose last case
leaves still answers at its address, with a forward or a short "no current cases" page."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from support.site_factory import S, case, snapshot

from generator import publish
from generator.site import pages
from generator.site.pages import KEPT_INDEX_KINDS, plan_pages, render_pages, template_env
from generator.site.render import Page

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def env():
    return template_env(ROOT / "templates" / "pages")


def before():
    return snapshot(
        case(1, sites=("CENTRE-A", "CENTRE-B"), vos=("vo.alpha.example",), disciplines=("Humanities / Arts",)),
        case(2, sites=("CENTRE-A",), disciplines=("Humanities / Arts",), created=-400),
        case(3, vos=("vo.beta.example", "vo.alpha.example")),
    )


def after():
    """The next night: centre A and the arts are gone from every case, case 1 no longer names
    centre B nor either VO (it stays public), case 3 (VO beta's only case) is withdrawn, and
    nothing is opened in 2022 any more."""
    return snapshot(
        case(1, sites=(), vos=(), disciplines=("Natural Sciences / Mathematics",)),
        case(2, sites=(), disciplines=("Natural Sciences / Mathematics",)),
        withdrawn_ids=(3,),
    )


def test_the_plan_names_every_index_address_it_makes():
    plan = plan_pages(before())
    assert plan.indexes["centre/centre-a/"] is None  # a list of two
    assert plan.indexes["centre/centre-b/"] == 1  # forwards to its one case
    assert plan.indexes["vo/vo-beta-example/"] == 3
    assert plan.indexes["vo/vo-alpha-example/"] is None
    assert plan.indexes["discipline/humanities-arts/"] is None and plan.indexes["year/2022/"] is None
    assert all(publish.KEPT_INDEX_ADDRESS.fullmatch(url) for url in plan.indexes)
    assert {url.split("/")[0] for url in plan.indexes} == set(KEPT_INDEX_KINDS)


def test_an_address_whose_cases_all_left_says_so_and_links_its_index(env):
    published = plan_pages(before()).indexes
    rendered = render_pages(after(), env, published_indexes=published)
    page = rendered["centre/centre-a.md"]
    meta = yaml.safe_load(page.split("---\n")[1])
    assert meta["title"] == "No current cases" and meta["robots"] == "noindex" and meta["search"] == {"exclude": True}
    assert "There are no current cases for this resource centre." in page
    assert '<a href="../../centre/">All cases by resource centre</a>' in page
    for path, index, noun in (("discipline/humanities-arts.md", "discipline", "scientific discipline"),
                              ("discipline/humanities.md", "discipline", "scientific discipline"),
                              ("year/2022.md", "year", "year"), ("vo/vo-alpha-example.md", "vo",
                                                                 "virtual organisation")):
        assert f'<a href="../../{index}/">All cases by {noun}</a>' in rendered[path], path
    # without the registry, those addresses are gone: what the registry is for
    bare = render_pages(after(), env)
    assert not {"centre/centre-a.md", "year/2022.md", "discipline/humanities-arts.md"} & set(bare)


def test_a_forward_to_one_case_keeps_forwarding_while_that_case_is_public(env):
    published = plan_pages(before()).indexes
    rendered = render_pages(after(), env, published_indexes=published)
    forward = rendered["centre/centre-b/index.html"]  # case 1 no longer names it, but is public
    assert '<meta http-equiv="refresh" content="0; url=../../cases/1/">' in forward and "noindex" in forward
    assert "centre/centre-b.md" not in rendered
    # VO beta's one case was withdrawn: its address says there are no current cases
    assert "vo/vo-beta-example/index.html" not in rendered
    assert "There are no current cases for this virtual organisation." in rendered["vo/vo-beta-example.md"]


def test_a_later_page_of_a_list_that_shrank_forwards_to_its_first_page(env, monkeypatch):
    monkeypatch.setattr(pages, "PAGE_SIZE", 2)
    many = snapshot(*[case(i, history=((0, S.PRODUCTION),)) for i in range(1, 6)])
    published = plan_pages(many).indexes
    assert "status/production/page/3/" in published
    few = snapshot(*[case(i, history=((0, S.PRODUCTION),)) for i in range(1, 3)])
    rendered = render_pages(few, env, published_indexes=published)
    for n in (2, 3):
        forward = rendered[f"status/production/page/{n}/index.html"]
        assert '<meta http-equiv="refresh" content="0; url=../../../../status/production/">' in forward
    assert "status/production/page/2.md" not in rendered


def test_an_address_still_made_is_never_replaced():
    published = plan_pages(before()).indexes
    plan = plan_pages(before(), published_indexes=published)
    assert [p.path for p in plan.pages] == [p.path for p in plan_pages(before()).pages]


def test_kept_pages_are_out_of_the_sitemap():
    plan = plan_pages(after(), published_indexes=plan_pages(before()).indexes)
    kept = [p for p in plan.pages if p.template == "no_cases.md.j2"]
    assert len(kept) >= 5 and not any(p.indexed for p in kept)
    assert all(isinstance(p, Page) for p in kept)


def test_the_registry_keeps_every_address_across_builds(tmp_path):
    history = publish.load_history(tmp_path, "sample")
    assert history.indexes == {}
    verdict = publish.Verdict("s", "i", "p", None, True)
    first = plan_pages(before()).indexes
    pending = publish.Pending()
    publish.stage_history(pending, tmp_path, history, frozenset({1, 2, 3}), verdict, first)
    pending.commit()
    history = publish.load_history(tmp_path, "sample")
    assert history.indexes == first
    second = plan_pages(after(), published_indexes=history.indexes).indexes
    pending = publish.Pending()
    publish.stage_history(pending, tmp_path, history, frozenset({1, 2}), verdict, second)
    pending.commit()
    kept = publish.load_history(tmp_path, "sample").indexes
    assert set(kept) == set(first) | set(second)
    assert kept["centre/centre-b/"] == 1  # the case it forwarded to, remembered


@pytest.mark.parametrize("bad", ['{"sample@indexes": ["centre/a/"]}', '{"sample@indexes": {"../etc/": null}}',
                                 '{"sample@indexes": {"centre/a/": "x"}}', '{"sample@indexes": {"site/a/": null}}'])
def test_an_unreadable_registry_of_addresses_is_one_clear_error(tmp_path, bad):
    (tmp_path / publish.REGISTRY_NAME).write_text(bad)
    with pytest.raises(publish.PublishError, match=r"^.*published.json: unreadable list of published index addresses"):
        publish.load_history(tmp_path, "sample")


def test_the_address_pattern_accepts_exactly_the_kept_kinds():
    for kind in KEPT_INDEX_KINDS:
        assert publish.KEPT_INDEX_ADDRESS.fullmatch(f"{kind}/a-1/page/2/"), kind
    for other in ("cases/1/", "site/a/", "centre/a", "centre/A/", "centre/a/page/0/", "centre/../a/"):
        assert not publish.KEPT_INDEX_ADDRESS.fullmatch(other), other
