"""The numbers the catalogue shows: pure functions of public cases, tested on their own.

Nothing here reads the clock: "now" is always the snapshot time, passed in. Every function is
linear (or n log n) in the number of cases, so the indexes and the dashboard stay cheap for a
queue of 10,000 cases.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime

from generator.model import STALE_AFTER_DAYS, ImplementationStatus, PublicCase, StatusChange

S = ImplementationStatus
#: the statuses a case passes on its way to production (Closed and Cancelled end it)
WORKFLOW: tuple[ImplementationStatus, ...] = tuple(s for s in S if not s.is_ended)
#: the separator of levels in a discipline name ("Natural Sciences / Physical sciences")
DISCIPLINE_SEPARATOR = " / "
_LEVEL_SPLIT = re.compile(r"\s+/\s+|\s*(?:>|»|›|::)\s*|\s+(?:\||—|–)\s+")
_COMMUNITY_SEPARATORS = (" – ", " — ", " - ", ": ")


def days_between(start: datetime, end: datetime) -> float:
    return (end - start).total_seconds() / 86400


def community_name(subject: str) -> str:
    """The community a case is about: the subject up to its first dash or colon.

    The queue asks for the community's name at the start of the subject
    ("SKA – pulsar search"); a subject without a separator is all name.
    """
    cut = min((i for i in (subject.find(sep) for sep in _COMMUNITY_SEPARATORS) if i > 0), default=-1)
    return subject[:cut].strip() if cut > 0 else subject.strip()


# --- time in each phase -----------------------------------------------------------------------


@dataclass(frozen=True)
class Phase:
    """One stay in a status: from ``start`` until ``end`` (None: the status still holds)."""

    status: ImplementationStatus
    start: datetime
    end: datetime | None
    days: float

    @property
    def current(self) -> bool:
        return self.end is None


def phases(history: tuple[StatusChange, ...], until: datetime | None) -> list[Phase]:
    """The status history as stays with their durations.

    A stay ends when the next change happens; the last one lasts until ``until`` (the snapshot
    time) and is marked current. Changes out of order are taken in date order; a change dated
    after ``until`` counts as lasting zero days.
    """
    ordered = sorted(history, key=lambda c: c.date)
    result = []
    for i, change in enumerate(ordered):
        end = ordered[i + 1].date if i + 1 < len(ordered) else None
        stop = end if end is not None else until
        days = max(0.0, days_between(change.date, stop)) if stop is not None else 0.0
        result.append(Phase(change.to, change.date, end, days))
    return result


def time_to_production(case: PublicCase) -> float | None:
    """Days from the case's first Pre-assessment to its first Production; None if it lacks either."""
    start = next((c.date for c in case.status_history if c.to is S.PRE_ASSESSMENT), None)
    if start is None:
        return None
    done = next((c.date for c in case.status_history if c.to is S.PRODUCTION and c.date >= start), None)
    return None if done is None else days_between(start, done)


def median(values: list[float]) -> float | None:
    if not values:
        return None
    ordered = sorted(values)
    mid = len(ordered) // 2
    return ordered[mid] if len(ordered) % 2 else (ordered[mid - 1] + ordered[mid]) / 2


@dataclass(frozen=True)
class Median:
    days: float | None
    count: int  # how many cases the median is taken over


def median_time_to_production(cases: tuple[PublicCase, ...] | list[PublicCase]) -> Median:
    values = [d for d in (time_to_production(c) for c in cases) if d is not None]
    return Median(median(values), len(values))


# --- stale cases ------------------------------------------------------------------------------


def days_without_progress(case: PublicCase, now: datetime) -> float:
    return days_between(case.last_progress, now)


def is_stale(case: PublicCase, now: datetime | None, after_days: int = STALE_AFTER_DAYS) -> bool:
    """Active (work still going on) and no progress for more than ``after_days`` before ``now``.

    ``now`` is the snapshot time; without one nothing is stale (the clock is never read).
    """
    status = case.implementation_status
    if now is None or status is None or not status.is_active:
        return False
    return days_without_progress(case, now) > after_days


def stale_cases(cases, now: datetime | None) -> list[PublicCase]:
    """Stale cases, longest without progress first."""
    return sorted((c for c in cases if is_stale(c, now)), key=lambda c: (c.last_progress, c.id))


# --- the funnel -------------------------------------------------------------------------------


@dataclass(frozen=True)
class FunnelRow:
    status: ImplementationStatus
    current: int  # cases in this status now
    reached: int | None  # cases that got this far at some point (None for the ending statuses)


def furthest_stage(case: PublicCase) -> ImplementationStatus | None:
    """The furthest workflow status the case ever had (Closed/Cancelled do not count)."""
    seen = [c.to for c in case.status_history]
    if case.implementation_status is not None:
        seen.append(case.implementation_status)
    stages = [s for s in seen if not s.is_ended]
    return max(stages, key=lambda s: s.order, default=None)


def funnel(cases) -> list[FunnelRow]:
    """Every status in workflow order: how many cases are in it, and how many ever reached it.

    A case reached a workflow status when it ever held it or a later one, so the "reached"
    column never grows down the funnel.
    """
    current: dict[ImplementationStatus, int] = defaultdict(int)
    furthest: dict[ImplementationStatus, int] = defaultdict(int)
    for case in cases:
        if case.implementation_status is not None:
            current[case.implementation_status] += 1
        stage = furthest_stage(case)
        if stage is not None:
            furthest[stage] += 1
    rows, reached = [], 0
    for status in reversed(WORKFLOW):
        reached += furthest[status]
        rows.append(FunnelRow(status, current[status], reached))
    rows.reverse()
    rows += [FunnelRow(s, current[s], None) for s in S if s.is_ended]
    return rows


# --- groupings --------------------------------------------------------------------------------


def group_by_status(cases) -> dict[ImplementationStatus | None, list[PublicCase]]:
    """Every status in workflow order (empty ones too), then None for cases without one."""
    groups: dict[ImplementationStatus | None, list[PublicCase]] = {s: [] for s in [*S, None]}
    for case in cases:
        groups[case.implementation_status].append(case)
    return groups


def group_by_year(cases) -> dict[int, list[PublicCase]]:
    """Cases by the year they were opened, oldest year first."""
    groups: dict[int, list[PublicCase]] = defaultdict(list)
    for case in cases:
        groups[case.created.year].append(case)
    return dict(sorted(groups.items()))


def group_by_value(cases, attribute: str) -> dict[str, list[PublicCase]]:
    """Cases by each value of a tuple attribute (a case can be in several groups), by name."""
    groups: dict[str, list[PublicCase]] = defaultdict(list)
    for case in cases:
        for value in dict.fromkeys(getattr(case, attribute)):
            groups[value].append(case)
    return dict(sorted(groups.items(), key=lambda kv: (kv[0].casefold(), kv[0])))


# --- the discipline hierarchy -----------------------------------------------------------------


@dataclass
class DisciplineNode:
    """One level of the discipline classification; ``cases`` are those in it or below it."""

    name: str  # the full name, e.g. "Natural Sciences / Physical sciences"
    label: str  # the last level, e.g. "Physical sciences"
    depth: int  # 0 for a top-level discipline
    parent: str | None
    children: list[DisciplineNode] = field(default_factory=list)
    cases: list[PublicCase] = field(default_factory=list)
    direct: set[int] = field(default_factory=set)  # ids of the cases naming exactly this one

    @property
    def count(self) -> int:
        return len(self.cases)


def discipline_levels(name: str) -> list[str]:
    """The levels of a discipline name: separated by a slash with spaces around it (EGI's way), or by
    '>', '»', '›', '::', or a spaced '|' or dash ("Natural Sciences > Physics")."""
    return [p for p in (" ".join(part.split()) for part in _LEVEL_SPLIT.split(name)) if p]


def discipline_tree(cases) -> list[DisciplineNode]:
    """The discipline hierarchy with counts; returns the top-level nodes, sorted by label.

    Every prefix of a discipline name is a node. A node's cases are the distinct cases that
    name it or any discipline below it, in case order, so a parent counts its descendants'
    cases once each even when a case names several of them.
    """
    nodes: dict[str, DisciplineNode] = {}
    members: dict[str, dict[int, PublicCase]] = defaultdict(dict)
    for case in cases:
        for discipline in case.disciplines:
            levels = discipline_levels(discipline)
            for depth in range(len(levels)):
                name = DISCIPLINE_SEPARATOR.join(levels[: depth + 1])
                if name not in nodes:
                    parent = DISCIPLINE_SEPARATOR.join(levels[:depth]) if depth else None
                    nodes[name] = DisciplineNode(name, levels[depth], depth, parent)
                members[name][case.id] = case
            if levels:
                nodes[DISCIPLINE_SEPARATOR.join(levels)].direct.add(case.id)
    for name, node in nodes.items():
        node.cases = sorted(members[name].values(), key=lambda c: c.id)
        if node.parent is not None:
            nodes[node.parent].children.append(node)
    key = lambda n: (n.label.casefold(), n.label)  # noqa: E731
    for node in nodes.values():
        node.children.sort(key=key)
    return sorted((n for n in nodes.values() if n.parent is None), key=key)


def walk(nodes: list[DisciplineNode]):
    """Every node of a tree, parents before children (pre-order)."""
    stack = list(reversed(nodes))
    while stack:
        node = stack.pop()
        yield node
        stack.extend(reversed(node.children))


def canonical_discipline(name: str) -> str:
    """A discipline name with its levels joined by exactly one " / " (how the tree names it)."""
    return DISCIPLINE_SEPARATOR.join(discipline_levels(name))


def median_phase_days(cases) -> list[tuple[ImplementationStatus, Median]]:
    """For each workflow status, the median length of the stays in it that have ended."""
    stays: dict[ImplementationStatus, list[float]] = defaultdict(list)
    for case in cases:
        for phase in phases(case.status_history, None):
            if phase.end is not None:
                stays[phase.status].append(phase.days)
    return [(s, Median(median(stays[s]), len(stays[s]))) for s in WORKFLOW if s is not S.PRODUCTION]
