"""Fingerprints of the queue guide's six-word runs, for the own-words test.

The catalogue describes the queue in its own words: no run of six words of a page may be
copied from the guide that defines the queue. The guide itself is not part of the repository,
so the test reads these fingerprints instead: a salted hash of each run, which tells whether
a run is the guide's without holding its text.

    python -m devtools.guide_runs GUIDE.txt [...] > tests/data/guide-runs.txt
"""

from __future__ import annotations

import hashlib
import re
import sys
from pathlib import Path

RUN = 6
SALT = b"casecat-own-words/1\0"


def words(text: str) -> list[str]:
    return re.findall(r"[a-z]+", text.lower())


def run_hashes(text: str) -> set[str]:
    """The fingerprint of every run of six words in ``text``."""
    w = words(text)
    return {fingerprint(" ".join(w[i:i + RUN])) for i in range(len(w) - RUN + 1)}


def fingerprint(run: str) -> str:
    return hashlib.sha256(SALT + run.encode()).hexdigest()[:16]


def main(argv: list[str] | None = None) -> int:
    paths = [Path(p) for p in (sys.argv[1:] if argv is None else argv)]
    if not paths:
        print(__doc__, file=sys.stderr)
        return 2
    text = " ".join(p.read_text(errors="replace") for p in paths)
    sys.stdout.write("".join(h + "\n" for h in sorted(run_hashes(text))))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
