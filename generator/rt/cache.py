"""The private cache of what RT said, and every file of it written or read: ``raw.json``
(casecat-raw/1), ``state.json`` and, while a full read is under way, ``partial/``.

``state.json`` says where the last fetch came from, from which moment the next one must ask
RT again (``window_from``, taken from the data read, never from a clock), and how many runs
have passed since the last full read. ``partial/`` holds what a full read has read so far, so
that a run killed or timed out resumes it instead of starting over: batches of rows, each in
its own file, and ``progress.json`` naming them and where to go on.

Every file is written atomically: a temporary file ``.<name>.<pid>.tmp`` in the same folder,
flushed to disk, then renamed over the old one, raw before state; a fetch that fails or dies
leaves the previous cache as it was, and a state older than its raw file only makes the next
fetch read a little more. Temporary files of runs that were killed are removed at the next
start (a temporary file is its writer's until that process has gone). Files are private (0600),
folders too (0700). All cache I/O is here, so that it can be sealed and unsealed as a whole.
"""

from __future__ import annotations

import json
import logging
import os
import re
import shutil
from dataclasses import asdict, dataclass, fields
from pathlib import Path
from typing import Any

from generator.rt.records import RAW_FORMAT, RawDataError, read_raw_file

STATE_FORMAT = "casecat-state/2"
PARTIAL_FORMAT = "casecat-partial/1"
RAW_NAME = "raw.json"
STATE_NAME = "state.json"
PARTIAL_DIR = "partial"
PROGRESS_NAME = "progress.json"

_TEMPORARY = re.compile(r"^\..+\.(\d+)\.tmp$")

log = logging.getLogger("casecat.rt")


@dataclass
class State:
    url: str
    queue: str
    api: str
    fetched_at: str = ""
    #: the next incremental read asks RT for what changed from this moment on (UTC ISO)
    window_from: str = ""
    #: incremental runs since the last full read (a full read every N runs reconciles)
    runs_since_full: int = 0
    #: RT checks ticket rights in SQL and counts tickets (``$UseSQLForACLChecks``)
    counts_in_sql: bool = True

    def same_source(self, other: State) -> bool:
        return (self.url, self.queue, self.api) == (other.url, other.queue, other.api)


@dataclass
class Cache:
    raw: dict[str, Any] | None
    state: State | None

    def entries(self) -> dict[int, dict[str, Any]]:
        return {int(e["ticket"]["id"]): e for e in (self.raw or {}).get("tickets", [])}

    def merged(self) -> dict[int, int]:
        return {int(k): int(v) for k, v in ((self.raw or {}).get("merged") or {}).items()}


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
            state = State(**_fields_of(State, read_json(state_path, STATE_FORMAT)))
        except (OSError, ValueError, TypeError) as exc:
            log.warning("ignoring the cached fetch state %s: %s", state_path, exc)
    return Cache(raw, state)


def save(cache_dir: Path, raw: dict[str, Any], state: State) -> None:
    assert raw.get("format") == RAW_FORMAT
    make_private_dir(cache_dir)
    write_json_atomic(cache_dir / RAW_NAME, raw)
    write_json_atomic(cache_dir / STATE_NAME, {"format": STATE_FORMAT, **asdict(state)})


# --- a full read under way --------------------------------------------------------------------


class Checkpoint:
    """What a full read has read so far, kept in ``partial/`` in batches.

    ``progress`` is the reader's own bookkeeping (its phase, where to go on, what it learnt
    at the start); ``add`` keeps a batch of rows of one kind and then the progress, both
    atomically, so a batch is either wholly there or not named at all."""

    def __init__(self, cache_dir: Path, source: dict[str, str]) -> None:
        self.folder = cache_dir / PARTIAL_DIR
        self.source = source
        self.progress: dict[str, Any] = {}
        self.batches: list[str] = []

    def resume(self) -> dict[str, list[Any]] | None:
        """The rows kept by an earlier run of the same read, by kind; None when there is none."""
        path = self.folder / PROGRESS_NAME
        if not path.exists():
            return None
        try:
            saved = read_json(path, PARTIAL_FORMAT)
            if saved.get("source") != self.source:
                raise ValueError("it was read from another RT, queue or API")
            rows: dict[str, list[Any]] = {}
            for name in saved["batches"]:
                batch = read_json(self.folder / name, PARTIAL_FORMAT)
                rows.setdefault(batch["kind"], []).extend(batch["rows"])
        except (OSError, ValueError, TypeError, KeyError) as exc:
            log.warning("starting the full read again: the partial one in %s is unusable (%s)", self.folder, exc)
            self.discard()
            return None
        self.progress, self.batches = dict(saved["progress"]), list(saved["batches"])
        return rows

    def add(self, kind: str, rows: list[Any], progress: dict[str, Any]) -> None:
        make_private_dir(self.folder)
        if rows:
            name = f"{len(self.batches):05d}-{kind}.json"
            write_json_atomic(self.folder / name, {"format": PARTIAL_FORMAT, "kind": kind, "rows": rows}, indent=None)
            self.batches.append(name)
        self.progress = dict(progress)
        write_json_atomic(self.folder / PROGRESS_NAME, {"format": PARTIAL_FORMAT, "source": self.source,
                                                        "progress": self.progress, "batches": self.batches})

    def discard(self) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)
        self.progress, self.batches = {}, []


# --- files ------------------------------------------------------------------------------------


def make_private_dir(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)


def read_json(path: Path, expected_format: str) -> dict[str, Any]:
    data = json.loads(path.read_text(encoding="utf-8"))
    if not isinstance(data, dict) or data.pop("format", None) != expected_format:
        raise ValueError(f"{path.name} is not a {expected_format} file")
    return data


def write_json_atomic(path: Path, data: Any, *, indent: int | None = 1) -> None:
    text = json.dumps(data, ensure_ascii=False, indent=indent, sort_keys=True) + "\n"
    write_bytes_atomic(path, text.encode("utf-8"))


def write_bytes_atomic(path: Path, content: bytes) -> None:
    """Replaces ``path`` with ``content`` all at once, or leaves it as it was (0600)."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "wb") as out:
            out.write(content)
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


def remove_stale_temporaries(cache_dir: Path) -> list[Path]:
    """Deletes the temporary files (``.<name>.<pid>.tmp``) that killed runs left in the cache
    and its partial read; a file whose writer is still running is left alone."""
    removed = []
    for folder in (cache_dir, cache_dir / PARTIAL_DIR):
        if not folder.is_dir():
            continue
        for path in folder.iterdir():
            match = _TEMPORARY.match(path.name)
            if match and path.is_file() and not _running(int(match.group(1))):
                path.unlink(missing_ok=True)
                removed.append(path)
    return removed


def _running(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _fields_of(kind: type, data: dict[str, Any]) -> dict[str, Any]:
    known = {f.name for f in fields(kind)}
    unknown = set(data) - known
    if unknown:
        raise ValueError(f"unknown field(s) {', '.join(sorted(unknown))}")
    return data
