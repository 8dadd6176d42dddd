"""The audit ledger: the files of the kept site were all audited and found clean, by their bytes,
so a build that keeps most of that site audits only the files whose bytes are new.

A thin layer over ``generator.audit``: the ledger is the kept site's manifest (``{path in the
site: sha256}``, ``incremental.SiteState``), every file of which passed the audit then; it holds
only while the audit is the same (``audit_version``: its code, the screening detectors it runs,
their libraries), and a kept site whose ledger is of another version is built again from scratch.
An incremental build stages exactly the files whose bytes the kept site does not have
(``incremental.assemble``), so the audit of its staging folder (``audit_site``) is the audit of
every file the ledger does not prove clean; a full build stages, and audits, every file.
"""

from __future__ import annotations

import hashlib
from concurrent.futures import Future
from pathlib import Path

from generator import publish
from generator.audit import AuditFinding, Auditor, audit_site, gate, start_helpers_server
from generator.audit.known import KnownParts

PACKAGE_DIR = Path(__file__).resolve().parent
#: what decides the audit's verdict on a file: its code and the detectors it runs
AUDIT_CODE = ("audit", "screening")
AUDIT_PACKAGES = ("casecat", "detect-secrets", "phonenumbers", "nh3", "python-stdnum", "lxml",
                  "confusable-homoglyphs", "mkdocs-material")  # the theme's own files are accepted as they are
#: from this many files in the docs folder on, a full build audits the copied ones ahead
AHEAD_FROM = gate.PARALLEL_FROM


def audit_version(accepted: frozenset[str] = frozenset()) -> str:
    """sha256 of the audit's code and libraries, and of the findings reviewed and ``accepted``
    (the overrides file: a file kept because one of them was accepted must be read again once it
    no longer is): a ledger of another version proves nothing."""
    code = publish.code_hash("casecat audit", PACKAGE_DIR, AUDIT_CODE, AUDIT_PACKAGES)
    return hashlib.sha256("\n".join([code, *sorted(accepted)]).encode()).hexdigest()


def audit_ahead(docs_dir: Path, files: list[str], first=None,
                parts: KnownParts | None = None) -> tuple[Auditor | None, Future | None]:
    """The audit's helper processes, started while the engine builds the pages, auditing ahead
    the files of the docs folder (``files``) that a full build copies into the site as they are
    (all but the Markdown pages: exports, forward pages, the feed); None for a small site
    (helper processes cost more than they save there: ``AHEAD_FROM``). ``first``: a job (a
    function and its arguments) for the helpers to take before those files, and its future.
    ``parts``: where the parts of the large files found clean are kept for the next build."""
    if len(files) < AHEAD_FROM:
        return None, None
    auditor = Auditor(parts=parts)
    job = auditor.submit(*first) if first is not None else None
    auditor.ahead([(str(docs_dir / rel), rel) for rel in sorted(files) if not rel.endswith(".md")])
    return auditor, job


def prepare_ahead(cases: int, kept: tuple[str, str] | None, inputs: str, audit: str) -> None:
    """Before the render of ``cases`` cases (the docs folder will hold at least as many files):
    when the build will be a full one (no kept site, or one made from other site inputs or
    audited by another audit: ``kept`` is its (inputs, audit)) that audits ahead
    (``audit_ahead``), the helpers' server is started now, to be ready by the build."""
    if cases >= AHEAD_FROM and kept != (inputs, audit):
        start_helpers_server()


def audit_staged(staging: Path, clean: Path | None = None, auditor: Auditor | None = None,
                 known: KnownParts | None = None) -> tuple[list[AuditFinding], int]:
    """The findings in the staged files (those the ledger does not prove clean), and how many
    files were read; ``clean``: the kept site when every file of it is proven clean (then a large
    staged file has only the parts its kept version lacks read: ``audit.audit_file``, the kept
    version's parts looked up in ``known`` when it has them, and the staged ones kept there);
    ``auditor``: the helper processes started with the build (``audit_ahead``), which end here."""
    try:
        findings = audit_site(staging, clean=clean, auditor=auditor, parts=known)
    finally:
        if auditor is not None:
            auditor.close()
    return findings, sum(1 for p in staging.rglob("*") if p.is_file())

