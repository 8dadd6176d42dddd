"""One casecat run at a time per folder: a manual build during the nightly, a cron job and a
second terminal all share the same cache, build folder and site.

Each folder a run writes gets an advisory lock (``flock``) on a file beside it, ``.NAME.lock``
(beside, not inside, so that the folder itself can be swapped). The kernel drops the lock when
the process ends, however it ends, so a killed run never leaves a stale lock. Folders are
locked in one order (sorted paths), so two runs never wait for each other in a circle. Locks
are re-entrant within a process: ``casecat build --source rt`` holds the cache lock for its
fetch and its build. Imports nothing of ours.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import threading
import time
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime
from pathlib import Path

#: how often a waiting run tries again
POLL_SECONDS = 0.2

_held: dict[Path, list[int]] = {}  # lock file -> [file descriptor, depth]
_guard = threading.Lock()


class Busy(RuntimeError):
    """Another run holds the lock of a folder; the message is one line naming it."""

    def __init__(self, folder: Path, holder: str):
        self.folder = folder
        super().__init__(f"{folder}/ is in use by another casecat run ({holder})")


def lock_path(folder: Path) -> Path:
    return folder.parent / f".{folder.name}.lock"


@contextlib.contextmanager
def hold(folders: Iterable[Path], wait: float = 0.0) -> Iterator[None]:
    """Holds the lock of every folder for the duration of the block.

    A folder locked by another run: wait up to ``wait`` seconds for it, then raise ``Busy``.
    OSError (a read-only or full disk where the lock file goes) is the caller's to report.
    """
    paths = sorted({lock_path(Path(os.path.abspath(f))): Path(f) for f in folders}.items())
    deadline = time.monotonic() + max(0.0, wait)
    taken: list[Path] = []
    try:
        for path, folder in paths:
            _acquire(path, folder, deadline)
            taken.append(path)
        yield
    finally:
        for path in reversed(taken):
            _release(path)


def _acquire(path: Path, folder: Path, deadline: float) -> None:
    with _guard:
        if path in _held:
            _held[path][1] += 1
            return
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as exc:
        raise OSError(exc.errno, exc.strerror, str(path)) from None
    try:
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise Busy(folder, _holder(path)) from None
                time.sleep(POLL_SECONDS)
        _note_holder(fd)
    except BaseException:
        os.close(fd)
        raise
    with _guard:
        _held[path] = [fd, 1]


def _note_holder(fd: int) -> None:
    """Who holds the lock, for the message of a run that finds it busy. A full disk may refuse
    the line; the lock holds without it."""
    try:
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"pid {os.getpid()}, started {datetime.now(UTC):%Y-%m-%d %H:%M:%S} UTC\n".encode(), 0)
    except OSError:
        pass


def _release(path: Path) -> None:
    with _guard:
        entry = _held[path]
        entry[1] -= 1
        if entry[1]:
            return
        del _held[path]
    os.close(entry[0])  # closing the last descriptor drops the flock


def _holder(path: Path) -> str:
    """Who holds the lock, as the holder wrote it (it may not have written it yet)."""
    try:
        text = path.read_text(encoding="utf-8", errors="replace").strip()
    except OSError:
        text = ""
    return text.splitlines()[0][:100] if text else "its process id is not written yet"
