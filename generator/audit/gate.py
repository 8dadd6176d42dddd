"""The audit gate: every file of a built site read as text (``read``) and scanned with the
screening detectors, the same detectors on the same normalised view as screening.

A finding names its file, rule and count; it also keeps, in memory only, the text it matched,
so that the pipeline can tell which case it belongs to (``attribute``). That text is never
written anywhere.

Search shards' tokens are read without context (one part each, and only the detectors that
need no context), because a word list out of its sentence ("confidential" from
"non-confidential") says nothing. Source maps are never shipped (the build drops them); one in
the site is a finding.
"""

from __future__ import annotations

import atexit
import hashlib
import multiprocessing
import multiprocessing.forkserver
import os
from collections import defaultdict
from collections.abc import Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from generator.audit.known import KnownParts, PartDigests, digests
from generator.audit.memo import CleanParts
from generator.audit.read import Parts, read_parts
from generator.audit.theme import is_theme_asset, is_theme_file
from generator.screening.detectors import DETECTORS, REDACTION, Finding, Text, find_in_view
from generator.screening.detectors.personal import national_ids
from generator.screening.detectors.tokens import random_tokens
from generator.screening.normalise import PART_BREAK, View


def lettered_national_ids(t: Text) -> Iterator[Finding]:
    """The national ids with a letter in them (a Spanish DNI, an Italian codice fiscale, a British
    NI number): a bare number's check digits pass for one number in ten or eleven, so a job's or a
    run's number out of its sentence would read as a person's; the pages and exports it comes from
    are read with its sentence, as the screening read it."""
    upper = t.text.translate(_ASCII_UPPER)  # (a token is lower-cased; an id's letters are capitals)
    return (f for f in national_ids(Text(View(upper, upper, t.low))) if not upper[f.start:f.end].isdigit())


_ASCII_UPPER = str.maketrans("abcdefghijklmnopqrstuvwxyz", "ABCDEFGHIJKLMNOPQRSTUVWXYZ")


#: what a search token can be judged for on its own, without its sentence and lower-cased: an id
#: with letters and check digits (a token's randomness, a marker word or a bare number need their context)
TOKEN_DETECTORS = (lettered_national_ids,)
#: what a binary file's printable runs are judged by: every detector but the keyword-free one
#: for random-looking strings (compressed image data is random by nature, and so are its runs)
BINARY_DETECTORS = tuple(d for family in DETECTORS.values() for d in family if d is not random_tokens)
#: below this many files a second process costs more than it saves
PARALLEL_FROM = 400
#: runs of files per process in a large site (``_runs``): enough for the processes to end together
RUNS_PER_WORKER = 8
#: from this size on, a file whose earlier version was proven clean has only its new parts read
#: by the detectors (below it, reading the earlier version costs more than it saves)
KNOWN_PARTS_FROM = 64 * 1024
#: the parts of a file not known clean are read in batches of about this many characters: the
#: token detectors look for each odd word of a text all over that text, so one reading of a large
#: export costs about the square of its size, a reading batch by batch only its size
READ_BATCH = 16 * 1024


@dataclass(frozen=True)
class AuditFinding:
    path: str  # relative to the site folder
    rule: str
    count: int
    #: the normalised text each match covered: in memory only, to find the case it belongs to
    matched: tuple[str, ...] = field(default=(), compare=False, repr=False)

    def line(self) -> str:
        return f"{self.path}: {self.rule} ({self.count}x)"


def _scan(text: str) -> list[Finding]:
    return [g for f in find_in_view(View(text, text, text.lower())) if (g := _within_its_part(text, f))]


def _within_its_part(text: str, f: Finding) -> Finding | None:
    """The finding within the part it starts in: parts are read apart, and a match that ran on
    into the next part (another case's title, a page's address) would belong to no one text, and
    its verdict would hang on which parts stood together. None when what is left of it in its part
    is no text (a redaction's own words, punctuation)."""
    cut = text.find(PART_BREAK, f.start, f.end)
    if cut < 0:
        return f
    end = len(text[:cut].rstrip())
    left = REDACTION.sub("", text[f.start:end]) if end > f.start else ""
    return Finding(f.rule, f.category, f.start, end) if any(c.isalnum() for c in left) else None



def _scan_with(detectors, text: str) -> list[Finding]:
    t = Text(View(text, text, text.lower()))
    return [f for detector in detectors for f in detector(t)]


def audit_file(path: Path, rel: str, clean: Path | None = None, memo: CleanParts | None = None,
               known: KnownParts | None = None) -> list[AuditFinding]:
    """The findings in one file; ``clean``: a folder whose file at ``rel``, if any, is an earlier
    version of this one that the audit found clean (``known_parts``); ``memo``: the parts found
    clean so far in this run, which the detectors need not read again (``memo``); ``known``: the
    parts of large files found clean, kept between builds (``known.KnownParts``)."""
    return audit_bytes(path.read_bytes(), rel, clean, memo, known)


def audit_bytes(data: bytes, rel: str, clean: Path | None = None, memo: CleanParts | None = None,
                known: KnownParts | None = None) -> list[AuditFinding]:
    """``audit_file`` of a file at ``rel`` holding ``data``."""
    if rel.endswith(".map"):
        return [AuditFinding(rel, "policy.source-map-shipped", 1)]
    if is_theme_asset(rel) and is_theme_file(data, rel):
        return []
    parts = read_parts(rel, data)
    large = len(data) >= KNOWN_PARTS_FROM and not parts.binary
    # each part's digest, made once: to look the earlier version's parts up, and to keep this one's
    keys = PartDigests.of(parts) if large and (clean is not None or known is not None) else None
    if clean is not None and large:
        parts = without_known_parts(parts, clean / rel, rel, known, keys)

    def found_clean() -> list[AuditFinding]:
        if known is not None and keys is not None:
            known.keep(hashlib.sha256(data).hexdigest(), keys)
        return []

    if memo is None or parts.binary:
        matched = _matched(parts)
    else:
        _, text_once, text_keys = memo.unknown(parts.text)
        _, tokens_once, token_keys = memo.unknown(parts.tokens, tokens=True)
        matched = _matched_by_batches(Parts(text_once, tokens_once, parts.script_urls))
        if not matched:
            memo.add(text_keys)
            memo.add(token_keys, tokens=True)
            return found_clean()
        # a finding: the whole file is read again, every part in its place, and that reading is the
        # verdict (the same as without a memo: a part's neighbours are context some detectors
        # weigh, so the new parts read alone may find what the file does not hold; and the run
        # order of the processes must not change a verdict)
        matched = _matched(parts)
    if matched and is_theme_file(data, rel):
        return []
    if not matched:
        return found_clean()
    return [AuditFinding(rel, rule, len(found), tuple(found)) for rule, found in sorted(matched.items())]


def _matched(parts: Parts) -> dict[str, list[str]]:
    """Rule -> the text of each of its matches in these parts."""
    text, tokens = parts.joined()
    matched: dict[str, list[str]] = defaultdict(list)
    for f in _scan_with(BINARY_DETECTORS, text) if parts.binary else _scan(text):
        matched[f.rule].append(text[f.start:f.end])
    if tokens:
        for f in _scan_with(TOKEN_DETECTORS, tokens):
            matched[f.rule].append(tokens[f.start:f.end])
    if parts.script_urls:
        matched["markup.script-url"] += [""] * parts.script_urls
    return matched


def _matched_by_batches(parts: Parts) -> dict[str, list[str]]:
    """``_matched`` of the parts read batch by batch (``READ_BATCH``), up to the first batch with
    a match. Parts are read apart (no finding spans two: ``read``), so a part clean in a batch is
    clean in any other, as the memo holds; a batch with a match has its file read whole."""
    if parts.script_urls:
        return _matched(Parts([], [], parts.script_urls))
    batches = [Parts(batch, []) for batch in _batches(parts.text)] + [Parts([], b) for b in _batches(parts.tokens)]
    for batch in batches:
        matched = _matched(batch)
        if matched:
            return matched
    return {}


def _batches(parts: list[str]) -> Iterator[list[str]]:
    batch: list[str] = []
    size = 0
    for part in parts:
        if batch and size + len(part) > READ_BATCH:
            yield batch
            batch, size = [], 0
        batch.append(part)
        size += len(part)
    if batch:
        yield batch


def without_known_parts(parts: Parts, earlier: Path, rel: str, known: KnownParts | None = None,
                        keys: PartDigests | None = None) -> Parts:
    """``parts`` less those that the earlier version of the file, found clean, holds as they are.
    The parts are read apart (no finding spans two: ``read``), so a part found clean once is
    clean wherever it is: a night that changes a few cases of the data export has the detectors
    read those cases' parts, not all of them again. A binary file is read whole. The earlier
    version's parts are those ``known`` keeps for its bytes, else read from it; ``keys``: the
    digests of ``parts`` (``PartDigests.of``), when made already."""
    if parts.binary or not earlier.is_file():
        return parts
    data = earlier.read_bytes()
    kept = known.of(hashlib.sha256(data).hexdigest()) if known is not None else None
    if kept is None:
        read = read_parts(rel, data)
        if read.binary:
            return parts
        kept = digests(read.text), digests(read.tokens)
    text, tokens = kept
    keys = keys or PartDigests.of(parts)
    return Parts([p for p, key in zip(parts.text, keys.text) if key not in text],
                 [t for t, key in zip(parts.tokens, keys.tokens) if key not in tokens], parts.script_urls)


def _audit_files(files: list[tuple[str, str]], clean: Path | None = None,
                 known: KnownParts | None = None) -> list[list[AuditFinding]]:
    memo = CleanParts()
    return [audit_file(Path(path), rel, clean, memo, known) for path, rel in files]


def _runs(files: list[tuple[str, str]], count: int) -> list[list[tuple[str, str]]]:
    """The files (sorted by path) in about ``count`` runs of about equal bytes, the largest run
    first. A run keeps together what says the same things (a case's files, the index pages of one
    kind), so that the memo of clean parts (``memo``) of the process that reads it pays; a run
    holding one large file (an export) is taken first, so that it never ends the audit late."""
    sizes = [os.stat(path).st_size for path, _ in files]
    total = sum(sizes) or 1
    runs: list[list[tuple[str, str]]] = [[] for _ in range(count)]
    sums = [0] * count
    done = 0
    for file, size in zip(files, sizes):
        n = min(count - 1, done * count // total)
        runs[n].append(file)
        sums[n] += size
        done += size
    return [runs[n] for n in sorted(range(count), key=lambda n: -sums[n]) if runs[n]]


#: in a helper process: the parts found clean so far, over every run it is given (``memo``)
_memo: CleanParts | None = None


def _helper_memo() -> CleanParts:
    global _memo
    if _memo is None:
        _memo = CleanParts()
    return _memo


def _audit_run(files: list[tuple[str, str]], clean: Path | None,
               known: KnownParts | None = None) -> list[list[AuditFinding]]:
    """(In a helper process) the findings in each file of a run."""
    memo = _helper_memo()
    return [audit_file(Path(path), rel, clean, memo, known) for path, rel in files]


#: files audited ahead: their path in the site -> (the sha256 of the bytes read, the findings)
Known = dict[str, tuple[str, list[AuditFinding]]]


def _audit_hashed(files: list[tuple[str, str]], parts: KnownParts | None = None) -> Known:
    """(In a helper process) the findings in each file, with the digest of the bytes read; the
    parts of a large file found clean are kept in ``parts`` (the next night's audit of that
    file's new version looks them up instead of reading this one again)."""
    memo = _helper_memo()
    known: Known = {}
    for path, rel in files:
        try:
            data = Path(path).read_bytes()
        except FileNotFoundError:  # moved meanwhile (into the site): the audit of the site reads it
            continue
        known[rel] = (hashlib.sha256(data).hexdigest(), audit_bytes(data, rel, None, memo, parts))
    return known


def helper_context() -> multiprocessing.context.BaseContext:
    """How helper processes start: fresh, never forked from the build (a fork's memory counts all
    of the caller's snapshot and pages again); where the system has it, forked from a server
    process that imported the audit and made the detectors' tables once (``detectors.ready``: their
    word lists and patterns cost a good part of a second of CPU to build, which each spawned helper
    would pay again) and listed the theme's files (``generator.audit.server``), else spawned."""
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["generator.audit.server", "generator.screening.detectors.ready"])
    if not _server_reaped:
        _server_reaped.append(atexit.register(_reap_server))
    return context


_server_reaped: list = []


def start_helpers_server() -> None:
    """Starts the server the helpers are forked from now, without waiting for it: it imports the
    audit (a second or more of CPU) on a core this process leaves free, instead of holding up the
    first helper's start, which waits for that import (and the engine's start behind it)."""
    context = helper_context()
    if context.get_start_method() == "forkserver":
        multiprocessing.forkserver.ensure_running()


def _reap_server() -> None:
    """The server ends with this process (it reads that from a pipe); waiting for it here keeps
    it and the helpers it forked among this process's children, as spawned helpers were (what
    measures a build's processes, its peak of memory say, sees them)."""
    server = getattr(multiprocessing.forkserver, "_forkserver", None)
    stop = getattr(server, "_stop", None)  # the standard library's own way to end its server
    if stop is not None:
        stop()


class Auditor:
    """The helper processes of one audit: fresh ones (one per core, at most 2: ``helper_context``),
    each taking the next run of files (``_runs``, the largest first) when it is free, with a memo
    of the parts it found clean that lasts as long as it does.

    A full build starts them with the engine: they audit ``ahead`` the files it copies as they
    are (exports, forward pages, the feed exist once the pages are rendered), and then the site
    (``audit_site``), which takes the verdict given ahead on each file holding the very bytes
    read then. ``files``: (path, path in the site); ``parts``: where the parts of the large files
    found clean ahead are kept (``known.KnownParts``)."""

    def __init__(self, workers: int | None = None, parts: KnownParts | None = None) -> None:
        self.workers = workers or min(2, os.cpu_count() or 1)
        self.parts = parts
        self._pool = ProcessPoolExecutor(max_workers=self.workers, mp_context=helper_context())
        self._ahead: list[Future] = []

    def ahead(self, files: list[tuple[str, str]]) -> None:
        self._ahead += [self._pool.submit(_audit_hashed, run, self.parts)
                        for run in _runs(files, self.workers * RUNS_PER_WORKER)]

    def ahead_folder(self, folder: Path) -> None:
        """``ahead``, every file of ``folder`` (as it will be in the site: a folder of built
        pages, moved into the site later)."""
        self.ahead([(str(p), p.relative_to(folder).as_posix()) for p in sorted(folder.rglob("*")) if p.is_file()])

    def submit(self, job, *args) -> Future:
        """Another job for the helpers (a module-level function and its arguments, pickled), taken
        in turn with the runs of files."""
        return self._pool.submit(job, *args)

    def known(self) -> Known:
        """The verdicts given ahead (waiting for those still being read)."""
        return {rel: found for run in self._ahead for rel, found in run.result().items()}

    def audit(self, files: list[tuple[str, str]], clean: Path | None,
              known: KnownParts | None = None) -> dict[str, list[AuditFinding]]:
        runs = _runs(files, self.workers * RUNS_PER_WORKER)
        done = [self._pool.submit(_audit_run, run, clean, known) for run in runs]
        return {rel: found for run, result in zip(runs, done) for (_, rel), found in zip(run, result.result())}

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)

    def __enter__(self) -> Auditor:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def audit_site(site_dir: Path, workers: int | None = None, clean: Path | None = None,
               auditor: Auditor | None = None, parts: KnownParts | None = None) -> list[AuditFinding]:
    """Every finding in every file under site_dir, sorted by path; ``clean``: a site every file
    of which the audit found clean, earlier versions of these files (``audit_file``); ``parts``:
    the parts of large files found clean, kept between builds (kept here for the files read now).

    A large site is read by the helper processes of an ``Auditor`` (``auditor``'s, which may have
    audited some of its files ahead, or ones started here). The findings are the same, in the
    same order."""
    if not site_dir.is_dir():
        raise FileNotFoundError(f"{site_dir}: no such site folder")
    every = [(str(path), path.relative_to(site_dir).as_posix())
             for path in sorted(p for p in site_dir.rglob("*") if p.is_file())]
    known = auditor.known() if auditor is not None else {}
    ahead = {rel: known[rel][1] for path, rel in every if rel in known and known[rel][0] == _sha256(path)}
    files = [(path, rel) for path, rel in every if rel not in ahead]
    workers = workers or min(2, os.cpu_count() or 1)
    if auditor is not None:
        by_file = auditor.audit(files, clean, parts)
    elif workers < 2 or len(files) < PARALLEL_FROM:
        by_file = {rel: found for (_, rel), found in zip(files, _audit_files(files, clean, parts))}
    else:
        # only fresh processes read: this one holds the whole build, and what a large export or a
        # memo of parts leaves of its heap would add to the build's peak of memory
        with Auditor(workers) as helpers:
            by_file = helpers.audit(files, clean, parts)
    by_file |= ahead
    return [f for _, rel in every for f in by_file[rel]]


def _sha256(path: str) -> str:
    with open(path, "rb") as f:
        return hashlib.file_digest(f, "sha256").hexdigest()
