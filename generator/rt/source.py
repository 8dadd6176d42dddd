"""Where raw tickets come from: the bundled sample, the fetch cache, or a raw queue file."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from generator.config import http_url_problem
from generator.model import RawQueue, TicketProblem
from generator.rt.records import (
    LINE_LIMIT,
    RawDataError,
    clean_text,
    read_date,
    read_entries,
    read_merged,
    read_raw_file,
)

SAMPLE = "sample"
_FILE = "the raw file"


def sample_path() -> Path:
    return Path(str(resources.files("generator") / "data" / "sample-queue.json"))


def load_raw_queue(path: Path, *, is_sample: bool = False) -> RawQueue:
    """Reads a raw queue file (the sample, a cache's raw.json, or any file in that format).

    A file that is not a raw queue at all is a RawDataError; inside it, each ticket is read on
    its own (see ``records.read_entries``), and a queue-wide value that is wrong is dropped
    with a warning.
    """
    data = read_raw_file(path)
    try:
        tickets = read_entries(data)
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
