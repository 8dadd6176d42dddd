"""The catalogue's numbers: time in each phase, medians, stale cases, the funnel, the discipline
hierarchy, groupings, slugs and redirects. Pure functions, checked on hand-made cases."""

from __future__ import annotations

import pytest
from support.site_factory import S, at, case

from generator.model import STALE_AFTER_DAYS
from generator.site import metrics, urls


# --- community name ---------------------------------------------------------------------------


@pytest.mark.parametrize("subject, name", [
    ("SKA – pulsar search", "SKA"),
    ("EconPanel — secure microdata", "EconPanel"),
    ("LUMEN-Sky - optical transients", "LUMEN-Sky"),  # a hyphen inside the name is not a separator
    ("CLARIN: corpora", "CLARIN"),
    ("Just a community", "Just a community"),
    (" – starts with a dash", "– starts with a dash"),
])
def test_community_name_is_the_subject_up_to_the_first_separator(subject, name):
    assert metrics.community_name(subject) == name


# --- time in each phase -------------------------------------------------------------------------


def test_phases_last_until_the_next_change_and_the_current_one_until_the_snapshot():
    c = case(history=((0, S.PRE_ASSESSMENT), (10, S.ASSESSED), (40, S.PREPARATORY)))
    result = metrics.phases(c.status_history, at(100))
    assert [(p.status, p.days, p.current) for p in result] == [
        (S.PRE_ASSESSMENT, 10, False), (S.ASSESSED, 30, False), (S.PREPARATORY, 60, True)]
    assert result[0].end == at(10) and result[-1].end is None


def test_phases_are_taken_in_date_order_and_never_negative():
    c = case(history=((0, S.PRE_ASSESSMENT), (10, S.ASSESSED)))
    swapped = tuple(reversed(c.status_history))
    assert [p.status for p in metrics.phases(swapped, at(20))] == [S.PRE_ASSESSMENT, S.ASSESSED]
    assert metrics.phases(c.status_history, at(5))[-1].days == 0  # snapshot before the last change
    assert metrics.phases(c.status_history, None)[-1].days == 0  # no snapshot time: unknown, not the clock
    assert metrics.phases((), at(5)) == []


def test_time_to_production_and_its_median():
    fast = case(1, history=((0, S.PRE_ASSESSMENT), (30, S.ASSESSED), (100, S.PRODUCTION)))
    slow = case(2, history=((0, S.PRE_ASSESSMENT), (300, S.PRODUCTION)))
    skipped = case(3, history=((0, S.ASSESSED), (50, S.PRODUCTION)))  # never in Pre-assessment
    waiting = case(4, history=((0, S.PRE_ASSESSMENT), (20, S.TEST_INTEGRATION)))
    late_start = case(5, history=((0, S.PRE_ASSESSMENT), (10, S.ASSESSED), (15, S.PRE_ASSESSMENT),
                                  (215, S.PRODUCTION)))
    assert metrics.time_to_production(fast) == 100
    assert metrics.time_to_production(skipped) is None
    assert metrics.time_to_production(waiting) is None
    assert metrics.time_to_production(late_start) == 215  # from the first Pre-assessment
    result = metrics.median_time_to_production([fast, slow, skipped, waiting])
    assert (result.days, result.count) == (200, 2)
    assert metrics.median_time_to_production([skipped]).days is None


@pytest.mark.parametrize("values, expected", [([], None), ([5], 5), ([3, 1, 2], 2), ([4, 1, 3, 2], 2.5)])
def test_median(values, expected):
    assert metrics.median(values) == expected


def test_median_phase_days_counts_only_ended_stays():
    a = case(1, history=((0, S.PRE_ASSESSMENT), (10, S.ASSESSED), (40, S.PREPARATORY)))
    b = case(2, history=((0, S.PRE_ASSESSMENT), (30, S.ASSESSED)))
    medians = dict(metrics.median_phase_days([a, b]))
    assert (medians[S.PRE_ASSESSMENT].days, medians[S.PRE_ASSESSMENT].count) == (20, 2)
    assert (medians[S.ASSESSED].days, medians[S.ASSESSED].count) == (30, 1)  # b is still in it
    assert medians[S.PREPARATORY].count == 0 and medians[S.PREPARATORY].days is None


# --- stale ------------------------------------------------------------------------------------------


def test_stale_means_active_and_no_progress_for_more_than_fourteen_days_before_the_snapshot():
    assert STALE_AFTER_DAYS == 14
    c = case(history=((0, S.PREPARATORY),))
    assert not metrics.is_stale(c, at(14))  # exactly two weeks: not yet
    assert metrics.is_stale(c, at(14.01))
    assert not metrics.is_stale(c, None)  # no snapshot time: nothing is stale (never the clock)


def test_a_reply_or_a_status_change_is_progress():
    replied = case(history=((0, S.ASSESSED),), replies=(30,))
    assert replied.last_progress == at(30)
    assert not metrics.is_stale(replied, at(40))
    assert metrics.is_stale(replied, at(45))
    moved = case(history=((0, S.ASSESSED), (30, S.PREPARATORY)))
    assert not metrics.is_stale(moved, at(40))


@pytest.mark.parametrize("status", [S.PRODUCTION, S.CLOSED, S.CANCELLED, None])
def test_cases_not_in_progress_are_never_stale(status):
    c = case(history=((0, S.PRE_ASSESSMENT),), status=status)
    assert not metrics.is_stale(c, at(1000))


def test_stale_cases_longest_without_progress_first():
    cases = [case(1, history=((50, S.ASSESSED),)), case(2, history=((10, S.PREPARATORY),)),
             case(3, history=((95, S.ASSESSED),)), case(4, history=((0, S.PRODUCTION),))]
    assert [c.id for c in metrics.stale_cases(cases, at(100))] == [2, 1]
    assert metrics.days_without_progress(cases[0], at(100)) == 50


# --- the funnel ----------------------------------------------------------------------------------


def test_funnel_counts_current_and_reached_in_workflow_order():
    cases = [
        case(1, history=((0, S.PRE_ASSESSMENT),)),
        case(2, history=((0, S.PRE_ASSESSMENT), (5, S.ASSESSED), (9, S.PREPARATORY))),
        case(3, history=((0, S.ASSESSED), (5, S.PRODUCTION))),
        case(4, history=((0, S.PRE_ASSESSMENT), (5, S.ASSESSED), (6, S.CANCELLED))),  # ended after Assessed
        case(5, history=(), status=None),
    ]
    rows = metrics.funnel(cases)
    assert [r.status for r in rows] == list(S)
    table = {r.status: (r.current, r.reached) for r in rows}
    assert table[S.PRE_ASSESSMENT] == (1, 4)
    assert table[S.ASSESSED] == (0, 3)
    assert table[S.PREPARATORY] == (1, 2)
    assert table[S.TEST_INTEGRATION] == (0, 1)
    assert table[S.PRODUCTION] == (1, 1)
    assert table[S.CANCELLED] == (1, None) and table[S.CLOSED] == (0, None)
    reached = [r.reached for r in rows if r.reached is not None]
    assert reached == sorted(reached, reverse=True)


# --- the discipline hierarchy -------------------------------------------------------------------


def test_discipline_tree_counts_each_case_once_in_every_ancestor():
    astro = "Natural Sciences / Physical sciences / Astronomy"
    hep = "Natural Sciences / Physical sciences / High energy physics"
    bio = "Natural Sciences / Biological sciences"
    cases = [
        case(1, disciplines=(astro,)),
        case(2, disciplines=(astro, hep)),  # two leaves under one parent: counted once there
        case(3, disciplines=(bio,)),
        case(4, disciplines=("Natural Sciences / Physical sciences",)),  # names a parent directly
        case(5, disciplines=("Humanities / Arts",)),
        case(6, disciplines=()),
    ]
    tree = metrics.discipline_tree(cases)
    nodes = {n.name: n for n in metrics.walk(tree)}
    assert [n.label for n in tree] == ["Humanities", "Natural Sciences"]
    assert nodes["Natural Sciences"].count == 4
    assert nodes["Natural Sciences / Physical sciences"].count == 3
    assert nodes["Natural Sciences / Physical sciences"].direct == {4}
    assert nodes[astro].count == 2 and nodes[hep].count == 1
    assert [c.id for c in nodes["Natural Sciences"].cases] == [1, 2, 3, 4]
    assert [n.label for n in nodes["Natural Sciences"].children] == ["Biological sciences", "Physical sciences"]
    assert nodes[astro].depth == 2 and nodes[astro].parent == "Natural Sciences / Physical sciences"
    order = [n.name for n in metrics.walk(tree)]
    assert order.index("Natural Sciences") < order.index("Natural Sciences / Biological sciences") < order.index(astro)


def test_only_a_slash_with_spaces_separates_levels():
    assert metrics.discipline_levels("Earth/Space sciences") == ["Earth/Space sciences"]
    assert metrics.discipline_levels("A  /  B /C") == ["A", "B /C"]
    assert metrics.canonical_discipline("Natural  Sciences /  Mathematics") == "Natural Sciences / Mathematics"


# --- groupings ------------------------------------------------------------------------------------


def test_groupings():
    cases = [case(1, created=0, vos=("vo.b", "vo.a", "vo.a")), case(2, created=400, vos=("vo.a",)),
             case(3, created=-10, vos=())]
    years = metrics.group_by_year(cases)
    assert list(years) == [2023, 2024, 2025] and [c.id for c in years[2024]] == [1]
    vos = metrics.group_by_value(cases, "virtual_organisations")
    assert list(vos) == ["vo.a", "vo.b"]
    assert [c.id for c in vos["vo.a"]] == [1, 2]  # a repeated value counts the case once
    groups = metrics.group_by_status([*cases, case(4, history=(), status=None)])
    assert list(groups) == [*S, None] and [c.id for c in groups[None]] == [4]


# --- URLs ------------------------------------------------------------------------------------------


def test_unique_slugs_keep_plain_slugs_and_separate_collisions():
    slugs = urls.unique_slugs(["vo.alpha", "VO Alpha", "vo-alpha", "beta", "Ψηφιακά"])
    assert slugs["beta"] == "beta"
    assert len(set(slugs.values())) == len(slugs)
    alphas = [slugs[n] for n in ("vo.alpha", "VO Alpha", "vo-alpha")]
    assert "vo-alpha" in alphas and all(s.startswith("vo-alpha") for s in alphas)
    assert slugs["Ψηφιακά"].startswith("d-")
    assert urls.unique_slugs(["beta"]) == {"beta": urls.slugify("beta")}


def test_resolve_redirects_follows_chains_and_never_hides_a_live_case():
    live = {10, 20}
    assert urls.resolve_redirects({1: 10, 2: 1, 3: 99, 20: 10, 4: 5, 5: 4}, live) == {1: 10, 2: 10}


def test_absolute_url():
    assert urls.absolute_url("https://cases.example.org/cat/", "cases/7/") == "https://cases.example.org/cat/cases/7/"
    assert urls.absolute_url("https://cases.example.org", "cases/7/") == "https://cases.example.org/cases/7/"
    assert urls.absolute_url("", "cases/7/") == "cases/7/"
    assert urls.vo_path("vo-a") == "vo/vo-a.md" and urls.year_path(2015) == "year/2015.md"
    assert urls.page_url(urls.year_path(2015)) == "year/2015/"
