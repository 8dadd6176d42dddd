"""Where raw tickets come from: the bundled sample, the fetch cache, or a raw queue file."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from generator.model import RawQueue
from generator.rt.records import parse_entries, parse_merged, parse_rt_datetime, read_raw_file

SAMPLE = "sample"


def sample_path() -> Path:
    return Path(str(resources.files("generator") / "data" / "sample-queue.json"))


def load_raw_queue(path: Path, *, is_sample: bool = False) -> RawQueue:
    """Reads a raw queue file (the sample, a cache's raw.json, or any file in that format)."""
    data = read_raw_file(path)
    return RawQueue(
        tickets=tuple(parse_entries(data, origin=str(path))),
        queue=str(data.get("queue") or ""),
        fetched_at=parse_rt_datetime(data.get("fetched_at")),
        is_sample=is_sample or data.get("source") == SAMPLE,
        rt_web_url=str(data.get("rt_web_url") or ""),
        origin=str(path),
        merged=parse_merged(data, origin=str(path)),
    )


def load_sample() -> RawQueue:
    return load_raw_queue(sample_path(), is_sample=True)
