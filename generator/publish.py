"""Publish bookkeeping: what the last publish was, whether this build changes it, and the report.

The cache remembers, per source (the sample, or an RT queue), the ids of every case ever
published (a case that goes away leaves a withdrawal notice), the ids of the last publish (the
shrink guard's base), every index address ever published (one whose cases all went still
answers) and the publish hash of the last published site. A build compares its own
publish hash (the public snapshot's content plus everything that renders it) with the last one:
equal means nothing a reader could see changed.

Writes are staged: ``Pending`` writes every file to a temporary name first and renames them
all only in ``commit``, which the pipeline calls right after the new site is swapped in, so a
disk that fills up or a run that is killed leaves either the old bookkeeping or the new one.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import json
import os
import pickle
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from importlib import metadata
from pathlib import Path

from generator.config import Config
from generator.hashes import file_hashes
from generator.model import PublicSnapshot, RawQueue, TicketProblem, utc_iso
from generator.screening.memo import TicketDigests
from generator.screening.policy import Policy
from generator.screening.snapshot import snapshot_text

REGISTRY_NAME = "published.json"
MANIFEST_FORMAT = "casecat-site-manifest/1"
PUBLISHED_HASH_NAME = "published-snapshot.sha256"
#: private (it names a digest of the raw tickets): what the last screening of which inputs gave
SCREENED_NAME = "screened.json"
REPORT_NAME = "publish.json"
REPORT_FORMAT = "casecat-publish/1"
#: what the site is made with besides the snapshot: a change here is a change to publish (the
#: model holds the published-field table, which says what the exports and the data page list)
#: (the render digests a case by its snapshot text: how a case is serialised and read back shapes it)
SITE_INPUTS = ("mkdocs.yml", "templates", "docs", "generator/site", "generator/model.py", "generator/screening/snapshot.py")
SITE_PACKAGES = ("casecat", "mkdocs", "mkdocs-material")
#: what turns raw tickets into the public snapshot besides them: screening's code and libraries
PACKAGE_DIR = Path(__file__).resolve().parent
SCREENING_CODE = ("screening", "model.py", "config.py", "rt/records.py", "rt/source.py")
SCREENING_PACKAGES = ("casecat", "detect-secrets", "phonenumbers", "nh3", "confusable-homoglyphs", "python-stdnum")
#: the registry key holding the ids published by the last build (the shrink guard's base)
LAST_SUFFIX = "@last"
#: the registry key holding every index address published (VO, centre, discipline, year and
#: status lists), each with the one case it forwarded to when it last did, else null
INDEXES_SUFFIX = "@indexes"
#: what such an address may be: a site-relative directory URL of one of the kept kinds
#: (``site.pages.KEPT_INDEX_KINDS``), page 2 and later of a list included
KEPT_INDEX_ADDRESS = re.compile(r"(?:vo|centre|discipline|year|status)/[a-z0-9-]+/(?:page/[1-9][0-9]*/)?")
#: the shrink guard refuses a build that loses more than this share of last time's cases
SHRINK_LIMIT = 0.10


class PublishError(RuntimeError):
    """The bookkeeping is unreadable, or a guard refuses the build; one line."""


@dataclass(frozen=True)
class History:
    """What the cache remembers of earlier publishes from one source."""

    key: str
    ever: frozenset[int]  # every case id once published
    last: frozenset[int]  # the ids of the last publish
    publish_hash: str | None  # the publish hash of the last published site
    #: every index address once published -> the case it last forwarded to, or None
    indexes: Mapping[str, int | None] = field(default_factory=dict)


def registry_key(is_sample: bool, queue: str) -> str:
    return "sample" if is_sample else f"rt:{queue}"


def load_history(cache_dir: Path, key: str) -> History:
    registry = _read_registry(cache_dir / REGISTRY_NAME)
    ever = _ids(registry, key, cache_dir / REGISTRY_NAME) or frozenset()
    last = _ids(registry, key + LAST_SUFFIX, cache_dir / REGISTRY_NAME)
    indexes = _indexes(registry, key + INDEXES_SUFFIX, cache_dir / REGISTRY_NAME)
    return History(key, ever, ever if last is None else last, read_published_hash(cache_dir / PUBLISHED_HASH_NAME),
                   indexes)


def _read_registry(path: Path) -> dict:
    if not path.exists():
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise PublishError(f"{path}: unreadable list of published cases: {exc}") from None
    if not isinstance(data, dict):
        raise PublishError(f"{path}: unreadable list of published cases: not a mapping")
    return data


def _ids(registry: dict, key: str, path: Path) -> frozenset[int] | None:
    ids = registry.get(key)
    if ids is None:
        return None
    try:
        return frozenset(int(i) for i in ids)
    except (TypeError, ValueError) as exc:
        raise PublishError(f"{path}: unreadable list of published cases: {exc}") from None


def _indexes(registry: dict, key: str, path: Path) -> dict[str, int | None]:
    addresses = registry.get(key) or {}
    if not isinstance(addresses, dict):
        raise PublishError(f"{path}: unreadable list of published index addresses: not a mapping")
    result = {}
    for url, only in addresses.items():
        if not isinstance(url, str) or not KEPT_INDEX_ADDRESS.fullmatch(url):
            raise PublishError(f"{path}: unreadable list of published index addresses: {str(url)[:80]!r}")
        if only is not None and (isinstance(only, bool) or not isinstance(only, int)):
            raise PublishError(f"{path}: unreadable list of published index addresses: {url}: not a case id")
        result[url] = only
    return result


def read_published_hash(path: Path) -> str | None:
    """The publish hash of the last published site (first word of the file), if any."""
    try:
        words = path.read_text(encoding="utf-8").split()
    except FileNotFoundError:
        return None
    except (OSError, UnicodeDecodeError) as exc:
        raise PublishError(f"{path}: unreadable hash of the last published snapshot: {exc}") from None
    return words[0] if words else None


def check_shrink(previous: frozenset[int], current: set[int], allow: bool) -> None:
    """Refuses a build that would drop more than 10% of the cases published last time."""
    if not previous or allow:
        return
    lost = previous - current
    if len(lost) > SHRINK_LIMIT * len(previous):
        raise PublishError(
            f"shrink guard: {len(lost)} of {len(previous)} cases published last time would disappear "
            f"(more than 10%); check the source, or pass --allow-shrink if this is intended"
        )


# --- hashes -----------------------------------------------------------------------------------


def public_content_hash(snapshot: PublicSnapshot) -> str:
    """sha256 of the public snapshot without the time of the fetch: equal when nothing a
    reader can see changed, however often RT was read. The snapshot file's text without that
    time (``snapshot_text``: each case encoded once a build, for both). (A build asks it of one
    snapshot several times: the last answer is kept for the same, frozen, object.)"""
    if _LAST_HASH and _LAST_HASH[0] is snapshot:
        return _LAST_HASH[1]
    digest = hashlib.sha256(snapshot_text(snapshot, fetched_at=False).encode()).hexdigest()
    _LAST_HASH[:] = [snapshot, digest]
    return digest


_LAST_HASH: list = []


def _add_files(digest, root: Path, names: tuple[str, ...]) -> None:
    """Each file's path under ``root`` and content, in a stable order."""
    for name in names:
        top = root / name
        paths = [top] if top.is_file() else sorted(p for p in top.rglob("*") if p.is_file())
        for path in paths:
            if "__pycache__" in path.parts or path.suffix == ".pyc":
                continue
            digest.update(path.relative_to(root).as_posix().encode() + b"\0")
            digest.update(hashlib.sha256(path.read_bytes()).digest())


def _add_versions(digest, packages: tuple[str, ...]) -> None:
    for package in packages:
        digest.update(f"{package}=={installed_version(package)}\0".encode())


@functools.cache
def installed_version(package: str) -> str:
    """The installed version of a package ("-" if it is not installed), looked up once a process:
    each look-up reads the installed packages' metadata folders, and a build hashes the versions
    eight times (site inputs, screening inputs, audit and search versions: ~40 ms of a
    1%-changed night at 1,000 cases); the packages do not change while it runs."""
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "-"


def code_hash(label: str, root: Path, names: tuple[str, ...], packages: tuple[str, ...]) -> str:
    """sha256 of some of our code (``names`` under ``root``) and the versions of ``packages``."""
    digest = hashlib.sha256(label.encode() + b"\0")
    _add_files(digest, root, names)
    _add_versions(digest, packages)
    return digest.hexdigest()


def site_inputs_hash(project_root: Path) -> str:
    """sha256 of what turns a snapshot into a site: mkdocs.yml, templates, docs, the renderer's
    code, the versions of casecat, MkDocs and Material, and SITE_URL (permalinks, feed, sitemap)."""
    digest = hashlib.sha256()
    _add_files(digest, project_root, SITE_INPUTS)
    _add_versions(digest, SITE_PACKAGES)
    digest.update(f"SITE_URL={os.environ.get('SITE_URL', '').strip()}\0".encode())
    return digest.hexdigest()


def raw_content_hash(raw: RawQueue, tickets: TicketDigests | None = None) -> str:
    """sha256 of the tickets as read, without the time of the fetch: the queue's other values,
    and each ticket's digest (``tickets``, made once per build and shared with the screening
    memo, else made here). (Pickle bytes can differ for equal objects only in ways that make this
    differ: a needless screening, never a skipped one.)"""
    tickets = tickets or TicketDigests(raw.tickets)
    digest = hashlib.sha256(pickle.dumps(dataclasses.replace(raw, fetched_at=None, tickets=()), protocol=5))
    for index in range(len(raw.tickets)):
        digest.update(tickets.at(raw.tickets, index))
    return digest.hexdigest()


def screening_inputs_hash(raw_hash: str, config: Config, policy: Policy, ever: frozenset[int]) -> str:
    """sha256 of everything the public snapshot is made from: the tickets (``raw_content_hash``),
    the settings, the policy (overrides, salt), the ids published before (withdrawal notices),
    screening's code and libraries. Equal means a screening would give the same snapshot again."""
    digest = hashlib.sha256(raw_hash.encode())
    digest.update(config.published_settings().encode())
    digest.update(policy.action_table().encode())
    digest.update(repr((sorted(policy.withheld_cases), sorted(policy.accepted), sorted(ever))).encode())
    digest.update(_salt_digest(policy.salt))
    _add_files(digest, PACKAGE_DIR, SCREENING_CODE)
    _add_versions(digest, SCREENING_PACKAGES)
    return digest.hexdigest()


def _salt_digest(salt: bytes) -> bytes:
    """The salt enters the digest only as its own hash, so the memo file holds nothing of it."""
    return hashlib.sha256(b"casecat salt\0" + salt).digest()


@dataclass(frozen=True)
class Verdict:
    """This build against the last publish."""

    snapshot_hash: str
    inputs_hash: str
    publish_hash: str  # of both: what a reader would see
    previous_hash: str | None
    changed: bool  # the public content differs from the last publish (or forced)


def compare(snapshot: PublicSnapshot, project_root: Path, history: History, *, force: bool) -> Verdict:
    return compare_hash(public_content_hash(snapshot), project_root, history, force=force)


def compare_hash(snapshot_hash: str, project_root: Path, history: History, *, force: bool) -> Verdict:
    inputs_hash = site_inputs_hash(project_root)
    publish_hash = hashlib.sha256(f"{snapshot_hash}\n{inputs_hash}\n".encode()).hexdigest()
    changed = force or history.publish_hash != publish_hash
    return Verdict(snapshot_hash, inputs_hash, publish_hash, history.publish_hash, changed)


# --- the site on disk -------------------------------------------------------------------------


def manifest_path(site_dir: Path) -> Path:
    """Beside the site, not in it: it is bookkeeping, never published."""
    return site_dir.parent / f".{site_dir.name}.manifest.json"


def manifest_text(publish_hash: str, hashes: dict[str, str], extra: dict | None = None) -> str:
    """``extra``: what else the build keeps of the site (``incremental.SiteState``)."""
    return json.dumps({**(extra or {}), "format": MANIFEST_FORMAT, "publish_hash": publish_hash, "files": hashes},
                      indent=0, sort_keys=True) + "\n"


def site_difference(site_dir: Path, publish_hash: str) -> str | None:
    """None when ``site_dir`` is, file for file and byte for byte, the site published with
    ``publish_hash`` (its manifest says so and every file matches); else what differs."""
    if not (site_dir / "index.html").is_file():
        return "there is no site"
    try:
        manifest = json.loads(manifest_path(site_dir).read_text(encoding="utf-8"))
        files = manifest["files"] if manifest.get("format") == MANIFEST_FORMAT else None
        if not isinstance(files, dict):
            raise ValueError
    except FileNotFoundError:
        return "it has no manifest of its files"
    except (OSError, ValueError, TypeError, AttributeError):
        return "its manifest is unreadable"
    if manifest.get("publish_hash") != publish_hash:
        return "its manifest is of another publish"
    on_disk = file_hashes(site_dir)
    missing = len(files.keys() - on_disk.keys())
    extra = len(on_disk.keys() - files.keys())
    changed = sum(1 for name, digest in on_disk.items() if name in files and files[name] != digest)
    if missing or extra or changed:
        return f"{missing} file(s) missing, {changed} changed, {extra} not published"
    return None


# --- the memo of the last screening: a quiet night need not screen again ----------------------


@dataclass(frozen=True)
class Summary:
    """The public facts of a snapshot that the report gives."""

    queue: str
    is_sample: bool
    cases: int
    withdrawn: int
    newest_update: str | None
    #: cases the audit withheld from the build (the screening report names them)
    quarantined: int = 0

    @classmethod
    def of(cls, snapshot: PublicSnapshot, quarantined: int = 0) -> Summary:
        return cls(snapshot.queue, snapshot.is_sample, len(snapshot.cases), len(snapshot.withdrawn_ids),
                   utc_iso(snapshot.newest_update), quarantined)


@dataclass(frozen=True)
class Screened:
    """What screening these inputs gave last time."""

    inputs: str
    snapshot_hash: str
    summary: Summary


def read_screened(cache_dir: Path) -> Screened | None:
    """The memo, or None when it is missing or unreadable (then screening simply runs)."""
    try:
        data = json.loads((cache_dir / SCREENED_NAME).read_text(encoding="utf-8"))
        return Screened(str(data["inputs"]), str(data["snapshot_hash"]), Summary(**data["summary"]))
    except (OSError, ValueError, TypeError, KeyError):
        return None


def write_screened(cache_dir: Path, screened: Screened) -> None:
    pending = Pending()
    try:
        stage_screened(pending, cache_dir, screened)
        pending.commit()
    finally:
        pending.discard()


def stage_screened(pending: Pending, cache_dir: Path, screened: Screened) -> None:
    """The memo, written with the rest of a build's bookkeeping (a build that fails leaves none)."""
    pending.write(cache_dir / SCREENED_NAME, json.dumps(dataclasses.asdict(screened), sort_keys=True) + "\n")


# --- writing ----------------------------------------------------------------------------------


@dataclass
class Pending:
    """Files written to temporary names now and renamed together by ``commit``."""

    files: dict[Path, Path] = field(default_factory=dict)  # final path -> temporary file

    def write(self, path: Path, text: str) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        with tmp.open("w", encoding="utf-8") as out:
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
        self.files[path] = tmp

    def commit(self) -> None:
        for path, tmp in self.files.items():
            os.replace(tmp, path)
        self.files.clear()

    def discard(self) -> None:
        for tmp in self.files.values():
            tmp.unlink(missing_ok=True)
        self.files.clear()


def stage_history(pending: Pending, cache_dir: Path, history: History, current: frozenset[int],
                  verdict: Verdict, indexes: Mapping[str, int | None] | None = None) -> None:
    """The registry and the hash as they will be once this build's site is in place
    (``indexes``: the index addresses this build made, ``site.pages.Plan.indexes``)."""
    path = cache_dir / REGISTRY_NAME
    registry = _read_registry(path)
    registry[history.key] = sorted(history.ever | current)
    registry[history.key + LAST_SUFFIX] = sorted(current)
    registry[history.key + INDEXES_SUFFIX] = dict(sorted({**history.indexes, **(indexes or {})}.items()))
    pending.write(path, json.dumps(registry, indent=1, sort_keys=True) + "\n")
    pending.write(cache_dir / PUBLISHED_HASH_NAME, verdict.publish_hash + "\n")


#: problems listed in the report (the count is always complete)
REPORT_PROBLEMS = 500


def report(summary: Summary, fetched_at: datetime | None, verdict: Verdict, *, rebuilt: bool,
           screened: bool = True, repaired: str | None = None, failed: tuple[TicketProblem, ...] = (),
           warnings: tuple[TicketProblem, ...] = ()) -> dict[str, object]:
    """``reports/publish.json``: what this build did, for people and for the workflow.

    ``failed`` are the tickets withheld because they could not be read, screened or rendered,
    ``warnings`` the values coerced, cut or dropped: both name ticket and field, never a value.
    """
    return {
        "repaired": repaired,
        "failed": [_problem(p) for p in failed[:REPORT_PROBLEMS]],
        "failed_count": len(failed),
        "warnings": [p.line() for p in warnings[:REPORT_PROBLEMS]],
        "warning_count": len(warnings),
        "format": REPORT_FORMAT,
        "changed": verdict.changed,
        "rebuilt": rebuilt,
        "publish_hash": verdict.publish_hash,
        "previous_publish_hash": verdict.previous_hash,
        "snapshot_hash": verdict.snapshot_hash,
        "site_inputs_hash": verdict.inputs_hash,
        "screened": screened,  # False: the inputs were those of the last screening, which was reused
        "queue": summary.queue,
        "is_sample": summary.is_sample,
        "cases": summary.cases,
        "quarantined": summary.quarantined,
        "withdrawn": summary.withdrawn,
        "snapshot_time": utc_iso(fetched_at),
        "newest_update": summary.newest_update,
    }


def _problem(problem: TicketProblem) -> dict[str, object]:
    return {"ticket": problem.ticket, "where": problem.where, "field": problem.field, "problem": problem.what}


def report_text(data: dict[str, object]) -> str:
    return json.dumps(data, indent=1, sort_keys=True) + "\n"


def write_github_output(path: Path, values: dict[str, object]) -> None:
    """Appends ``key=value`` lines for a GitHub Actions step ($GITHUB_OUTPUT)."""
    with path.open("a", encoding="utf-8") as out:
        for key, value in values.items():
            text = str(value).lower() if isinstance(value, bool) else str(value)
            if "\n" in text:
                raise ValueError(f"{key}: multi-line value")
            out.write(f"{key}={text}\n")
