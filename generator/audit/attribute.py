"""Which case a finding belongs to: the case whose page it is in, or the one case whose public
text holds what it matched (an index page, an export, a feed, the search files all repeat a
case's own text). A finding that belongs to no case, or to text of the site itself (a theme, a
hand-written page, markup), belongs to none and fails the build."""

from __future__ import annotations

import re
from collections.abc import Iterable

from generator.audit.gate import AuditFinding
from generator.model import PublicCase, PublicSnapshot
from generator.screening.normalise import normalised_text

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
    ids = {c.id for c in snapshot.cases}
    haystacks: dict[int, tuple[str, str]] | None = None
    by_case: dict[int, list[AuditFinding]] = {}
    orphans: list[AuditFinding] = []
    for f in findings:
        if f.rule.startswith(("markup.", "policy.")):
            orphans.append(f)  # ticket text cannot make markup or ship files
            continue
        page = _CASE_PAGE.match(f.path)
        if page and int(page.group(1)) in ids:
            by_case.setdefault(int(page.group(1)), []).append(f)
            continue
        if haystacks is None:
            haystacks = {}
            for case in snapshot.cases:
                text = "\n".join(normalised_text(t) for t in _case_texts(case) if t)
                haystacks[case.id] = (text.lower(), _NOT_ALNUM.sub("", text.lower()))
        owners = _owners(f, haystacks)
        if owners:
            for case_id in owners:
                by_case.setdefault(case_id, []).append(f)
        else:
            orphans.append(f)
    return by_case, orphans


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
