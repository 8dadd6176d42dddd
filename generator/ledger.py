"""The audit ledger: which files of the site were audited and found clean, by their bytes, so a
build that kept most of the last site audits only the files whose bytes changed.

A thin layer over ``generator.audit``: the ledger is ``{path in the site: sha256}`` of the files
the last build published, every one of which passed the audit then; it holds only while the
audit is the same (``audit_version``: its code, the screening detectors it runs, their
libraries). A file the ledger does not name with these very bytes is audited
(``audit_file``), by two processes when there are many; with no ledger, every file is
(``audit_site``).
"""

from __future__ import annotations

import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from generator import publish
from generator.audit import AuditFinding, audit_file, audit_site

PACKAGE_DIR = Path(__file__).resolve().parent
#: what decides the audit's verdict on a file: its code and the detectors it runs
AUDIT_CODE = ("audit", "audit.py", "screening")
AUDIT_PACKAGES = ("casecat", "detect-secrets", "phonenumbers", "nh3", "python-stdnum", "lxml")
#: below this many files a second process costs more than it saves
PARALLEL_FROM = 400


def audit_version() -> str:
    """sha256 of the audit's code and libraries: a ledger of another version proves nothing."""
    return publish.code_hash("casecat audit", PACKAGE_DIR, AUDIT_CODE, AUDIT_PACKAGES)


def unaudited(files: dict[str, str], ledger: dict[str, str]) -> list[str]:
    """The files (``{path: sha256}``) that the ledger does not name with these bytes."""
    return sorted(rel for rel, digest in files.items() if ledger.get(rel) != digest)


def _audit_some(located: list[tuple[str, str]]) -> list[AuditFinding]:
    return [f for path, rel in located for f in audit_file(Path(path), rel)]


def audit_files(located: list[tuple[Path, str]], workers: int | None = None) -> list[AuditFinding]:
    """The findings of ``audit_file`` on these files (``(where it is, its path in the site)``),
    sorted by path; many files are shared with a second process (spawned, not forked: a fork
    counts all of the caller's memory again)."""
    located = [(str(path), rel) for path, rel in located]
    workers = workers or min(2, os.cpu_count() or 1)
    if workers < 2 or len(located) < PARALLEL_FROM:
        return _audit_some(located)
    shares = [located[i::workers] for i in range(workers)]
    with ProcessPoolExecutor(max_workers=workers - 1, mp_context=multiprocessing.get_context("spawn")) as pool:
        helpers = [pool.submit(_audit_some, share) for share in shares[1:]]
        found = _audit_some(shares[0]) + [f for h in helpers for f in h.result()]
    return sorted(found, key=lambda f: f.path)


def audit_changed(files: dict[str, str], ledger: dict[str, str] | None, locate, whole: Path | None = None
                  ) -> tuple[list[AuditFinding], int]:
    """Audits the files of a site (``{path: sha256}``) that the ledger does not prove clean, each
    read where ``locate(path)`` says; with no ledger, every file (``audit_site`` on ``whole``
    when the site is all in one folder). Returns the findings and how many files were read."""
    if not ledger and whole is not None:
        return audit_site(whole), len(files)
    todo = unaudited(files, ledger or {})
    return audit_files([(locate(rel), rel) for rel in todo]), len(todo)
