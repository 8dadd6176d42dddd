"""The private cache of what RT said: ``raw.json`` (casecat-raw/1) and ``state.json``.

``state.json`` remembers where the last fetch came from and when it started reading, so the
next fetch only asks for what changed since, and every ticket id ever seen (for tombstones).
Both files are written atomically (a temporary file in the same folder, then ``os.replace``),
raw first: a fetch that fails or dies leaves the previous cache as it was, and a state older
than its raw file only makes the next fetch read a little more. Files are private (0600).
"""

from __future__ import annotations

import json
import logging
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.rt.records import RAW_FORMAT, RawDataError, read_raw_file

STATE_FORMAT = "casecat-state/1"
RAW_NAME = "raw.json"
STATE_NAME = "state.json"

log = logging.getLogger("casecat.rt")


@dataclass
class State:
    url: str
    queue: str
    api: str
    fetched_at: str = ""
    #: RT's clock when the last fetch began reading (UTC ISO); the next one asks from here
    read_from: str = ""
    ids_seen: list[int] = field(default_factory=list)

    def same_source(self, other: State) -> bool:
        return (self.url, self.queue, self.api) == (other.url, other.queue, other.api)


@dataclass
class Cache:
    raw: dict[str, Any] | None
    state: State | None

    def entries(self) -> dict[int, dict[str, Any]]:
        return {int(e["ticket"]["id"]): e for e in (self.raw or {}).get("tickets", [])}


def load(cache_dir: Path) -> Cache:
    """The previous fetch's files; what is missing or unreadable counts as absent."""
    raw_path, state_path = cache_dir / RAW_NAME, cache_dir / STATE_NAME
    raw = state = None
    if raw_path.exists():
        try:
            raw = read_raw_file(raw_path)
        except RawDataError as exc:
            log.warning("ignoring the cached raw file: %s", exc)
    if state_path.exists():
        try:
            data = json.loads(state_path.read_text(encoding="utf-8"))
            if data.pop("format", None) != STATE_FORMAT:
                raise ValueError("not a casecat state file")
            state = State(**data)
        except (OSError, ValueError, TypeError) as exc:
            log.warning("ignoring the cached fetch state %s: %s", state_path, exc)
    return Cache(raw, state)


def save(cache_dir: Path, raw: dict[str, Any], state: State) -> None:
    assert raw.get("format") == RAW_FORMAT
    cache_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
    write_json_atomic(cache_dir / RAW_NAME, raw)
    write_json_atomic(cache_dir / STATE_NAME, {"format": STATE_FORMAT, **state.__dict__})


def write_json_atomic(path: Path, data: Any) -> None:
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    text = json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
    dir_fd = os.open(path.parent, os.O_RDONLY)
    try:
        os.fsync(dir_fd)
    finally:
        os.close(dir_fd)
