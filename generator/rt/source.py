"""Where raw tickets come from: the bundled sample, the fetch cache, or a raw queue file."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from generator import kept
from generator.config import http_url_problem
from generator.model import RawQueue, TicketProblem
from generator.rt.records import (
    LINE_LIMIT,
    RawDataError,
    Tickets,
    clean_text,
    read_date,
    read_entries,
    read_merged,
    read_raw_file,
    reading_version,
)

SAMPLE = "sample"
_FILE = "the raw file"


def sample_path() -> Path:
    return Path(str(resources.files("generator") / "data" / "sample-queue.json"))


#: in the private cache: what reading each ticket's entry gave last time (``records.Known``)
READING_MEMO_NAME = "reading-memo.marshal"
READING_MEMO_FORMAT = "casecat-reading-memo/1"


def load_raw_queue(path: Path, *, is_sample: bool = False, memo: Path | None = None) -> RawQueue:
    """Reads a raw queue file (the sample, a cache's raw.json, or any file in that format).

    A file that is not a raw queue at all is a RawDataError; inside it, each ticket is read on
    its own (see ``records.read_entries``), and a queue-wide value that is wrong is dropped
    with a warning. With a ``memo`` file (``remember_reading`` writes it), the entries read last
    time as they are now are parsed only when their record is needed; their warnings are the
    ones their reading gave.
    """
    data = read_raw_file(path)
    known = read_reading_memo(memo) if memo is not None else {}
    try:
        tickets = read_entries(data, known)
    except RecursionError:
        raise RawDataError(f"{path}: not a readable raw queue file: nested too deeply") from None
    merged, merge_problems = read_merged(data)
    warnings = list(tickets.warnings) + merge_problems

    def value(key: str) -> str:
        item = data.get(key)
        if item is not None and not isinstance(item, str):
            warnings.append(TicketProblem(_FILE, key, "not a text; ignored"))
            return ""
        return clean_text(item or "", LINE_LIMIT, one_line=True)

    try:
        fetched_at = read_date(data.get("fetched_at"))
    except ValueError as exc:
        warnings.append(TicketProblem(_FILE, "fetched_at", f"{exc}; ignored"))
        fetched_at = None
    rt_web_url = data.get("rt_web_url") or ""
    problem = http_url_problem(rt_web_url) if rt_web_url else None
    if problem:  # checked as written: a control character must not vanish into a valid-looking URL
        warnings.append(TicketProblem(_FILE, "rt_web_url", f"{problem}; no links to RT"))
        rt_web_url = ""
    return RawQueue(
        tickets=tickets.records,
        queue=value("queue"),
        fetched_at=fetched_at,
        is_sample=is_sample or data.get("source") == SAMPLE,
        rt_web_url=rt_web_url.rstrip("/"),
        origin=str(path),
        rejected=tickets.rejected,
        warnings=tuple(warnings),
        merged=merged,
    )


def load_sample() -> RawQueue:
    return load_raw_queue(sample_path(), is_sample=True)


def read_reading_memo(path: Path) -> dict[bytes, tuple[int, tuple[TicketProblem, ...]]]:
    """The reading memo, or an empty one when it is missing, damaged, or of another reading code."""
    table = kept.read(path, READING_MEMO_FORMAT, version=reading_version().hex())
    try:
        return {key: (int(ticket), tuple(TicketProblem(*problem) for problem in problems))
                for key, (ticket, problems) in table.items() if isinstance(key, bytes)}
    except (ValueError, TypeError):
        return {}


def remember_reading(raw: RawQueue, memo: Path) -> None:
    """The reading memo for the next reading of a queue read by ``load_raw_queue``, written when
    it differs from the one that reading was given. In the private cache only (it is keyed by
    digests of raw entries); a build writes it once it has succeeded, so that a failed one leaves
    the cache as it was."""
    tickets = raw.tickets
    if not isinstance(tickets, Tickets) or not tickets.news:
        return
    table = {key: (ticket, tuple((p.where, p.field, p.what, p.ticket, p.count) for p in problems))
             for key, (ticket, problems) in tickets.learned.items()}
    kept.write(memo, READING_MEMO_FORMAT, table, version=reading_version().hex())
