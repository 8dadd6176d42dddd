"""Screening: the publishing gate between the private raw records and the public snapshot."""

from __future__ import annotations

from dataclasses import dataclass, replace

from generator.config import Config
from generator.model import PublicSnapshot, RawQueue
from generator.screening.cases import screen_record
from generator.screening.policy import Policy
from generator.screening.report import Quarantined, ScreeningReport


@dataclass(frozen=True)
class ScreeningResult:
    snapshot: PublicSnapshot
    report: ScreeningReport
    warnings: tuple[str, ...]


def screen_queue(
    raw: RawQueue,
    config: Config,
    policy: Policy,
    *,
    previously_published: frozenset[int] = frozenset(),
) -> ScreeningResult:
    """Screens every ticket; cases once published but no longer public become tombstones."""
    outcomes = tuple(screen_record(t, config, policy) for t in sorted(raw.tickets, key=lambda t: t.id))
    cases = tuple(o.case for o in outcomes if o.case is not None)
    public_ids = {c.id for c in cases}
    snapshot = PublicSnapshot(
        cases=cases,
        withdrawn_ids=tuple(sorted(previously_published - public_ids)),
        fetched_at=raw.fetched_at,
        queue=raw.queue or config.queue,
        is_sample=raw.is_sample,
        rt_web_url=config.rt_web_url or raw.rt_web_url,
    )
    warnings = tuple(w for o in outcomes for w in o.warnings)
    return ScreeningResult(snapshot, ScreeningReport(outcomes), warnings)


def quarantine(result: ScreeningResult, found: tuple[Quarantined, ...],
               previously_published: frozenset[int] = frozenset()) -> ScreeningResult:
    """The result without the cases the audit found something in: their pages are not built (a
    tombstone if they were published before), and the report names case, rule and fingerprint."""
    ids = {q.case_id for q in found}
    snapshot = result.snapshot
    withdrawn = set(snapshot.withdrawn_ids) | (ids & previously_published)
    snapshot = replace(snapshot, cases=tuple(c for c in snapshot.cases if c.id not in ids),
                       withdrawn_ids=tuple(sorted(withdrawn)))
    report = replace(result.report, quarantined=result.report.quarantined + found)
    return ScreeningResult(snapshot, report, result.warnings)
