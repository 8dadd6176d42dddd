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


def _audit_some(site_dir: str, rels: list[str]) -> list[AuditFinding]:
    return [f for rel in rels for f in audit_file(Path(site_dir) / rel, rel)]


def audit_files(site_dir: Path, rels: list[str], workers: int | None = None) -> list[AuditFinding]:
    """The findings of ``audit_file`` on these files of the site, sorted by path; many files are
    shared with a second process (spawned, not forked: a fork counts all of the caller's memory
    again)."""
    workers = workers or min(2, os.cpu_count() or 1)
    if workers < 2 or len(rels) < PARALLEL_FROM:
        return _audit_some(str(site_dir), rels)
    shares = [rels[i::workers] for i in range(workers)]
    with ProcessPoolExecutor(max_workers=workers - 1, mp_context=multiprocessing.get_context("spawn")) as pool:
        helpers = [pool.submit(_audit_some, str(site_dir), share) for share in shares[1:]]
        found = _audit_some(str(site_dir), shares[0]) + [f for h in helpers for f in h.result()]
    return sorted(found, key=lambda f: f.path)


def audit_changed(site_dir: Path, files: dict[str, str], ledger: dict[str, str] | None) -> tuple[list[AuditFinding], int]:
    """Audits what the ledger does not prove clean (everything, without a ledger); returns the
    findings and how many files were audited."""
    if not ledger:
        return audit_site(site_dir), len(files)
    todo = unaudited(files, ledger)
    return audit_files(site_dir, todo), len(todo)
