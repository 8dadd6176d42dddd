"""What a build keeps for the next one (the case tables' rows, the exports' records, the search
token weights, each ticket's screened outcome; in the private cache, what reading each raw entry
gave): one marshal file each, stamped with its format and with what made it (the site's inputs,
the tokeniser's version, the reading code). A file that is missing, damaged, or stamped
otherwise reads as nothing kept, so a change of the code or the templates never reuses it.
Marshal because the files reach tens of MB at 10,000 cases and are read and written each night
(ten times faster than JSON), and they hold texts, numbers and bytes only.
Which folder a file goes to is its caller's call: raw data only ever to the private cache."""

from __future__ import annotations

import marshal
import os
from pathlib import Path


def read(path: Path, fmt: str, **stamp: str) -> dict:
    """The ``cases`` mapping of the file at ``path`` if it has this format and stamp, else {}."""
    try:
        data = marshal.loads(path.read_bytes())
    except (OSError, ValueError, EOFError, TypeError):
        return {}
    if not isinstance(data, dict) or data.get("format") != fmt or any(data.get(k) != v for k, v in stamp.items()):
        return {}
    cases = data.get("cases")
    return cases if isinstance(cases, dict) else {}


def write(path: Path, fmt: str, cases: dict, *, exact: bool = False, **stamp: str) -> None:
    """Writes ``cases`` with this format and stamp, whole or not at all (a temporary file renamed);
    ``exact``: equal values give equal bytes (marshal's version 2, without the references to
    objects met before that later versions write, which follow how the values share objects)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        tmp.write_bytes(marshal.dumps({"format": fmt, **stamp, "cases": cases}, 2 if exact else marshal.version))
        tmp.replace(path)
    finally:
        tmp.unlink(missing_ok=True)  # (a full disk leaves no half-written file behind)
