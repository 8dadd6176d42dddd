"""Which case a finding belongs to: the case whose page it is in, or the one case whose public
text holds what it matched (an index page, an export, a feed, the search files all repeat a
case's own text). A finding that belongs to no case, or to text of the site itself (a theme, a
hand-written page, markup), belongs to none and fails the build."""

from __future__ import annotations

import re
from collections.abc import Iterable

from generator.audit.gate import AuditFinding
from generator.model import PublicCase, PublicSnapshot
from generator.screening.detectors import find_in_view
from generator.screening.normalise import normalise, normalised_text
from generator.site.metrics import DISCIPLINE_SEPARATOR, discipline_levels
from generator.site.urls import slugify

_CASE_PAGE = re.compile(r"cases/(\d+)/")
_NOT_ALNUM = re.compile(r"[\W_]+")


def _case_texts(case: PublicCase) -> Iterable[str]:
    yield case.subject
    yield case.description
    yield case.owner
    yield case.rt_status
    yield from case.disciplines
    yield from case.virtual_organisations
    yield from case.sites
    yield from case.links
    for m in case.messages:
        yield m.text
    for c in case.external_contacts:
        yield c.affiliation
        yield c.role


def attribute(findings: list[AuditFinding], snapshot: PublicSnapshot) -> tuple[dict[int, list[AuditFinding]], list[AuditFinding]]:
    """(case id -> its findings, findings that belong to no case)."""
    by_id = {c.id: c for c in snapshot.cases}
    ids = set(by_id)
    haystacks: dict[int, tuple[str, str]] | None = None
    by_case: dict[int, list[AuditFinding]] = {}
    orphans: list[AuditFinding] = []
    for f in findings:
        if f.rule.startswith(("markup.", "policy.")):
            orphans.append(f)  # ticket text cannot make markup or ship files
            continue
        page = _CASE_PAGE.match(f.path)
        if page and int(page.group(1)) in ids:
            if not _addresses_of_its_values(f, by_id[int(page.group(1))]):
                by_case.setdefault(int(page.group(1)), []).append(f)
            continue
        if haystacks is None:
            haystacks = {}
            for case in snapshot.cases:
                text = "\n".join(normalised_text(t) for t in _case_texts(case) if t)
                haystacks[case.id] = (text.lower(), _NOT_ALNUM.sub("", text.lower()))
        owners = _owners(f, haystacks) or _owners_of_the_longest_run(f, haystacks)
        if any(_addresses_of_its_values(f, by_id[i]) for i in owners):
            continue  # (a case whose own text holds the string still has it on its own page)
        if len(owners) > 1:
            owners = _found_in_own_text(f, owners, snapshot) or owners
        if owners:
            for case_id in owners:
                by_case.setdefault(case_id, []).append(f)
        else:
            orphans.append(f)
    return by_case, orphans


def _addresses_of_its_values(finding: AuditFinding, case: PublicCase) -> bool:
    """Is every match of the finding the address part (``urls.slugify``) of a site, a VO or a
    discipline that the case names? (Of a page listing cases: of one of the cases holding it; a
    case whose own text holds that string has it on its own page too.) A page about a resource centre lives at
    ``centre/in2p3-cc/``: the name screening passed, lower-cased, which a detector may read
    otherwise ("in2p3-cc" as a random token, "IN2P3-CC" as a name). The name itself stands on
    the same pages as the links' text, and the audit reads it there: the address says nothing
    more, and no case is withheld for it."""
    wanted = {m.strip().lower() for m in finding.matched}
    return bool(wanted) and wanted <= _slugs_of(case)


def _slugs_of(case: PublicCase) -> set[str]:
    slugs = {slugify(v) for v in (*case.sites, *case.virtual_organisations)}
    for discipline in case.disciplines:
        levels = discipline_levels(discipline)
        slugs.update(slugify(DISCIPLINE_SEPARATOR.join(levels[:depth + 1])) for depth in range(len(levels)))
    return slugs


def _owners(finding: AuditFinding, haystacks: dict[int, tuple[str, str]]) -> set[int]:
    """The cases whose text holds every match of the finding (exactly, or letters and digits
    only: titles replace a few characters by look-alikes); empty if any match is in none."""
    owners: set[int] = set()
    for matched in finding.matched:
        low = matched.lower().strip()
        loose = _NOT_ALNUM.sub("", low)
        if not loose:
            return set()
        holders = {cid for cid, (text, compact) in haystacks.items() if low in text} or \
                  {cid for cid, (text, compact) in haystacks.items() if loose in compact}
        if not holders:
            return set()
        owners |= holders
    return owners


#: the shortest run of a match's letters and digits that says which case it came from
_RUN_AT_LEAST = 6


def _owners_of_the_longest_run(finding: AuditFinding, haystacks: dict[int, tuple[str, str]]) -> set[int]:
    """When no case's text holds a match whole: the cases holding its longest run of letters and
    digits (at least ``_RUN_AT_LEAST``, held by at most ``_CONFIRM_AT_MOST`` cases). A page that lists cases glues a case's text to the site's
    own words (a chart's count after its label: "... post-quantum)" and "1"), and the finding is
    then the case's: it is quarantined and the site built and audited again, so a finding the
    site's own words make by themselves still fails the build. Empty if any match has no such run."""
    joined = "\0".join(compact for _, compact in haystacks.values())
    owners: set[int] = set()
    for matched in finding.matched:
        run = _longest_run_in(_NOT_ALNUM.sub("", matched.lower())[:200], joined)
        holders = {cid for cid, (_, compact) in haystacks.items() if run in compact} if len(run) >= _RUN_AT_LEAST else set()
        if not holders or len(holders) > _CONFIRM_AT_MOST:  # (a run that common says nothing of where it came from)
            return set()
        owners |= holders
    return owners


def _longest_run_in(loose: str, joined: str) -> str:
    """The longest run of ``loose`` that ``joined`` holds (a run of n held means one of n - 1 is:
    the length is searched by halves)."""
    low, high, best = 1, len(loose), ""
    while low <= high:
        size = (low + high) // 2
        run = next((loose[i:i + size] for i in range(len(loose) - size + 1) if loose[i:i + size] in joined), "")
        if run:
            low, best = size + 1, run
        else:
            high = size - 1
    return best


#: above this many cases holding a match, each is not screened again to tell which one the finding is in
_CONFIRM_AT_MOST = 200


def _found_in_own_text(finding: AuditFinding, owners: set[int], snapshot: PublicSnapshot) -> set[int]:
    """Of the cases whose text holds a finding's every match, those in whose own texts the
    detectors find each match by the same rule. A short match ("lle", read as a password in
    "puhti-ui:lle") stands in many cases' words; the one whose text makes the finding is the
    one to withhold. Empty when none is (the finding needs text of two fields, say): then every
    holder is withheld, as before."""
    if len(owners) > _CONFIRM_AT_MOST:
        return set()
    wanted = {m.lower().strip() for m in finding.matched}
    confirmed = set()
    for case in snapshot.cases:
        if case.id not in owners:
            continue
        found: set[str] = set()
        for text in _case_texts(case):
            if text:
                view = normalise(text)
                found.update(view.text[f.start:f.end].lower().strip() for f in find_in_view(view) if f.rule == finding.rule)
        if wanted <= found:
            confirmed.add(case.id)
    return confirmed
