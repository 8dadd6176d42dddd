"""Page addresses made from names a ticket gives: bounded, distinct, never a reserved name,
never a path of their own (issue 14: a 300-character VO name once stopped the whole build)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.site import urls

SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
#: the longest slug unique_slugs can give: a capped slug, a hash for a shared slug, and the
#: rare 'x' that separates two hashes that collide
LONGEST = urls.SLUG_LIMIT + 9 + 2


def test_a_long_name_gets_a_capped_slug_that_keeps_names_apart():
    long_a, long_b = "v" * 300, "v" * 299 + "w"
    a, b = urls.slugify(long_a), urls.slugify(long_b)
    assert len(a) <= urls.SLUG_LIMIT and len(b) <= urls.SLUG_LIMIT
    assert a != b and a.startswith("v" * 100)
    assert urls.slugify(long_a) == a  # stable: the same name keeps its address
    deep = " / ".join(f"L{i}" for i in range(120))
    assert len(urls.slugify(deep)) <= urls.SLUG_LIMIT


def test_short_real_names_keep_their_slugs():
    name = "Natural Sciences / Earth and related environmental sciences / Oceanography"
    assert urls.slugify(name) == "natural-sciences-earth-and-related-environmental-sciences-oceanography"


@pytest.mark.parametrize("name, plain", [
    ("index", "index"), ("Index", "index"), ("INDEX!", "index"), ("assets", "assets"), ("search", "search"),
    ("404", "404"), ("Data", "data"),
])
def test_reserved_names_never_become_slugs(name, plain):
    slug = urls.slugify(name)
    assert re.fullmatch(rf"{plain}-[0-9a-f]{{8}}", slug)
    assert urls.vo_path(slug) != urls.VO_INDEX and urls.discipline_page(slug) != urls.DISCIPLINE_INDEX


def test_unique_slugs_never_hand_out_a_reserved_or_shared_slug():
    names = ["index", "Index", "index-", "vo.alpha", "VO Alpha", "v" * 300, "v" * 299 + "w", "", "-", "P"]
    slugs = urls.unique_slugs(names)
    assert len(set(slugs.values())) == len(set(names))
    assert not set(slugs.values()) & urls.RESERVED_SLUGS


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(max_size=400), max_size=12))
def test_any_names_give_distinct_bounded_plain_slugs(names):
    slugs = urls.unique_slugs(names)
    assert set(slugs) == set(names)
    assert len(set(slugs.values())) == len(slugs)
    for slug in slugs.values():
        assert SLUG.fullmatch(slug) and len(slug) <= LONGEST
        assert slug not in urls.RESERVED_SLUGS
        assert urls.inside(Path("/site/docs"), urls.vo_path(slug)).parent == Path("/site/docs/vo")


@pytest.mark.parametrize("relative", ["../x.md", "cases/../../x.md", "/etc/passwd", "a\\..\\..\\x", "a\x00b", ""])
def test_nothing_is_written_outside_the_docs_folder(relative):
    with pytest.raises(ValueError, match="refusing to write outside"):
        urls.inside(Path("/site/docs"), relative)


def test_inside_accepts_every_address_the_site_uses():
    root = Path("/site/docs")
    for relative in ("index.md", "cases/12.md", "discipline/natural-sciences.md", urls.FEED, urls.CASES_CSV):
        assert urls.inside(root, relative) == root / relative
