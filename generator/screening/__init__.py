"""Screening: the publishing gate between the private raw records and the public snapshot."""

from __future__ import annotations

import dataclasses
import traceback
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from generator import forked
from generator.config import Config
from generator.model import DigestedTickets, PublicSnapshot, RawQueue, TicketProblem, TicketRecord
from generator.screening import detectors, lazy_re
from generator.screening.cases import CaseOutcome, screen_record
from generator.screening.detectors import make_tables
from generator.screening.memo import Memo
from generator.screening.policy import Policy
from generator.screening.report import Quarantined, ScreeningReport

_PACKAGE = str(Path(__file__).parent)

#: the screening's compiled patterns, kept between runs (``lazy_re.save_codes``): a night that
#: screens a few texts does not compile the few hundred patterns they reach
PATTERN_CODES_NAME = "screening-patterns.marshal"
#: ... and the lexicons' tables (which phrase each word anchors): made once, read on later nights
LEXICON_TABLES_NAME = "screening-lexicons.marshal"
#: where the installation keeps them, made by ``python -m generator.screening`` beside the bytecode
#: ``compileall`` writes (``make venv``): a first night, or one whose cache is gone, then does not
#: spend a second and a half making them (they are the code's, like its bytecode, never a ticket's)
PREPARED_DIR = Path(__file__).parent / "__pycache__"


def load_prepared(cache_dir: Path) -> None:
    """Reads the patterns and tables a run kept in ``cache_dir``, then those the installation made
    (each read only if this code made it: a stale file is ignored)."""
    for folder in (cache_dir, PREPARED_DIR):
        lazy_re.load_codes(folder / PATTERN_CODES_NAME)
        detectors.load_tables(folder / LEXICON_TABLES_NAME)


def keep_prepared(folder: Path) -> None:
    """Writes the patterns and tables this process made that ``folder`` does not hold yet."""
    lazy_re.save_codes(folder / PATTERN_CODES_NAME)
    detectors.save_tables(folder / LEXICON_TABLES_NAME)


def prepare(folder: Path = PREPARED_DIR) -> None:
    """Makes every table and compiles every pattern, and writes them to ``folder``."""
    make_tables()
    keep_prepared(folder)
_GENERATOR = str(Path(__file__).parent.parent)


@dataclass(frozen=True)
class ScreeningResult:
    snapshot: PublicSnapshot
    report: ScreeningReport
    warnings: tuple[str, ...]
    #: tickets withheld because screening (or a later stage) failed on them, not by policy
    failures: tuple[TicketProblem, ...] = ()


def screen_queue(
    raw: RawQueue,
    config: Config,
    policy: Policy,
    *,
    previously_published: frozenset[int] = frozenset(),
    memo: Memo | None = None,
) -> ScreeningResult:
    """Screens every ticket; cases once published but no longer public become tombstones.

    A ticket whose screening fails is withheld (fail closed) and named in the report; the
    others are published. Whether too many failed is the pipeline's call. With a ``memo``, a
    ticket it holds the outcome of (the same ticket, settings and code) is not screened again.
    """
    tickets = raw.tickets
    ids = tickets.ids() if isinstance(tickets, DigestedTickets) else [t.id for t in tickets]
    order = sorted(range(len(ids)), key=ids.__getitem__)
    # a ticket the memo holds is not parsed (a raw reading's ticket is, when first asked for)
    kept = [memo.outcome_at(tickets, i, ids[i]) if memo is not None else None for i in order]
    fresh = [tickets[i] for i, outcome in zip(order, kept) if outcome is None]
    screened = iter(screen_records(fresh, config, policy))
    outcomes, failures = [], []
    for i, outcome in zip(order, kept):
        if outcome is None:
            outcome, problem = next(screened)
            if problem is not None:
                failures.append(problem)
            elif memo is not None:
                memo.keep(tickets[i], outcome)
        outcomes.append(outcome)
    cases = tuple(o.case for o in outcomes if o.case is not None)
    public_ids = {c.id for c in cases}
    snapshot = PublicSnapshot(
        cases=cases,
        withdrawn_ids=tuple(sorted(previously_published - public_ids)),
        redirects={old: new for old, new in raw.merged.items() if old not in policy.withheld_cases},
        fetched_at=raw.fetched_at,
        queue=raw.queue or config.queue,
        is_sample=raw.is_sample,
        rt_web_url=config.rt_web_url or raw.rt_web_url,
    )
    warnings = tuple(w for o in outcomes for w in o.warnings)
    return ScreeningResult(snapshot, ScreeningReport(tuple(outcomes)), warnings, tuple(failures))


#: from this many tickets to screen on, a second process screens half of them
PARALLEL_FROM = 200

Screened = tuple[CaseOutcome, TicketProblem | None]


def screen_records(records: list[TicketRecord], config: Config, policy: Policy) -> list[Screened]:
    """Each ticket's outcome, in order, with the problem when its screening failed (the ticket
    withheld). Many tickets are screened on two cores (``forked``): each ticket's screening
    depends on the ticket, the settings and the policy only, so the outcomes, failures and
    warnings are those of one process."""
    if len(records) < PARALLEL_FROM or not forked.can_fork():
        return _screen_each(records, config, policy)
    make_tables()  # (before the fork: the helper starts with the detectors' tables made)
    mine, theirs = forked.in_two(lambda part: _screen_each(part, config, policy), records,
                                 name="screening helper")
    return forked.interleave(mine, theirs)


def _screen_each(records: Sequence[TicketRecord], config: Config, policy: Policy) -> list[Screened]:
    screened: list[Screened] = []
    for record in records:
        try:
            screened.append((screen_record(record, config, policy), None))
        except Exception as exc:  # noqa: BLE001 (one ticket never stops the others)
            problem = failure(record.id, "screening", exc)
            screened.append((CaseOutcome(record.id, None, (), f"screening failed: {problem.what}"), problem))
    return screened


def failure(case_id: int, stage: str, exc: BaseException) -> TicketProblem:
    """A stage that failed on one ticket, as a problem line: the error's kind and, when the
    failing code was handling a named field (the ``field`` argument every screening function
    has) or a template, that name. Never the error's text, which may quote the ticket."""
    where = stage
    for frame, _ in reversed(list(traceback.walk_tb(exc.__traceback__))):
        name = frame.f_locals.get("field")
        if isinstance(name, str) and name and frame.f_code.co_filename.startswith(_PACKAGE):
            where = f"{stage} of {name[:60]!r}"
            break
        if frame.f_code.co_filename.endswith(".j2"):
            where = f"{stage} of {frame.f_code.co_filename.rsplit('/', 1)[-1]}"
            break
    else:  # no field in sight: the innermost function of ours says where
        ours = [f.f_code.co_name for f, _ in traceback.walk_tb(exc.__traceback__)
                if f.f_code.co_filename.startswith(_GENERATOR)]
        if ours:
            where = f"{stage} (in {ours[-1]})"
    return TicketProblem(f"ticket {case_id}", where, f"failed ({type(exc).__name__}); the case is withheld", case_id)


def withhold(result: ScreeningResult, problems: Mapping[int, TicketProblem],
             previously_published: frozenset[int] = frozenset()) -> ScreeningResult:
    """The same result with these cases withheld, for a later stage that could not use them
    (their outcome in the report says why)."""
    if not problems:
        return result
    outcomes = tuple(
        CaseOutcome(o.case_id, None, o.hits, f"{problems[o.case_id].field} failed", o.warnings)
        if o.case_id in problems else o
        for o in result.report.outcomes
    )
    cases = tuple(c for c in result.snapshot.cases if c.id not in problems)
    public_ids = {c.id for c in cases}
    withdrawn = (set(result.snapshot.withdrawn_ids) | (previously_published & set(problems))) - public_ids
    snapshot = dataclasses.replace(result.snapshot, cases=cases, withdrawn_ids=tuple(sorted(withdrawn)))
    return ScreeningResult(snapshot, dataclasses.replace(result.report, outcomes=outcomes), result.warnings,
                           result.failures + tuple(problems.values()))


def quarantine(result: ScreeningResult, found: tuple[Quarantined, ...],
               previously_published: frozenset[int] = frozenset()) -> ScreeningResult:
    """The result without the cases the audit found something in: their pages are not built (a
    tombstone if they were published before), and the report names case, rule and fingerprint."""
    ids = {q.case_id for q in found}
    snapshot = result.snapshot
    withdrawn = set(snapshot.withdrawn_ids) | (ids & previously_published)
    snapshot = dataclasses.replace(snapshot, cases=tuple(c for c in snapshot.cases if c.id not in ids),
                                   withdrawn_ids=tuple(sorted(withdrawn)))
    report = dataclasses.replace(result.report, quarantined=result.report.quarantined + found)
    return ScreeningResult(snapshot, report, result.warnings, result.failures)
