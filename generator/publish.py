"""Publish bookkeeping: what the last publish was, whether this build changes it, and the report.

The cache remembers, per source (the sample, or an RT queue), the ids of every case ever
published (a case that goes away leaves a withdrawal notice), the ids of the last publish (the
shrink guard's base) and the publish hash of the last published site. A build compares its own
publish hash (the public snapshot's content plus everything that renders it) with the last one:
equal means nothing a reader could see changed.

Writes are staged: ``Pending`` writes every file to a temporary name first and renames them
all only in ``commit``, which the pipeline calls right after the new site is swapped in, so a
disk that fills up or a run that is killed leaves either the old bookkeeping or the new one.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

from generator.model import PublicSnapshot, utc_iso
from generator.screening.snapshot import snapshot_to_dict

REGISTRY_NAME = "published.json"
PUBLISHED_HASH_NAME = "published-snapshot.sha256"
REPORT_NAME = "publish.json"
REPORT_FORMAT = "casecat-publish/1"
#: what the site is made with besides the snapshot: a change here is a change to publish
SITE_INPUTS = ("mkdocs.yml", "templates", "docs", "generator/site")
SITE_PACKAGES = ("casecat", "mkdocs", "mkdocs-material")
#: the registry key holding the ids published by the last build (the shrink guard's base)
LAST_SUFFIX = "@last"
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


def registry_key(is_sample: bool, queue: str) -> str:
    return "sample" if is_sample else f"rt:{queue}"


def load_history(cache_dir: Path, key: str) -> History:
    registry = _read_registry(cache_dir / REGISTRY_NAME)
    ever = _ids(registry, key, cache_dir / REGISTRY_NAME) or frozenset()
    last = _ids(registry, key + LAST_SUFFIX, cache_dir / REGISTRY_NAME)
    return History(key, ever, ever if last is None else last, read_published_hash(cache_dir / PUBLISHED_HASH_NAME))


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
    reader can see changed, however often RT was read."""
    data = snapshot_to_dict(snapshot)
    data.pop("fetched_at", None)
    return hashlib.sha256(json.dumps(data, ensure_ascii=False, sort_keys=True).encode()).hexdigest()


def site_inputs_hash(project_root: Path) -> str:
    """sha256 of what turns a snapshot into a site: mkdocs.yml, templates, docs, the renderer's
    code, the versions of casecat, MkDocs and Material, and SITE_URL (permalinks, feed, sitemap)."""
    digest = hashlib.sha256()
    for name in SITE_INPUTS:
        root = project_root / name
        paths = [root] if root.is_file() else sorted(p for p in root.rglob("*") if p.is_file())
        for path in paths:
            if "__pycache__" in path.parts or path.suffix == ".pyc":
                continue
            digest.update(path.relative_to(project_root).as_posix().encode() + b"\0")
            digest.update(hashlib.sha256(path.read_bytes()).digest())
    for package in SITE_PACKAGES:
        try:
            version = metadata.version(package)
        except metadata.PackageNotFoundError:
            version = "-"
        digest.update(f"{package}=={version}\0".encode())
    digest.update(f"SITE_URL={os.environ.get('SITE_URL', '').strip()}\0".encode())
    return digest.hexdigest()


@dataclass(frozen=True)
class Verdict:
    """This build against the last publish."""

    snapshot_hash: str
    inputs_hash: str
    publish_hash: str  # of both: what a reader would see
    previous_hash: str | None
    changed: bool  # the public content differs from the last publish (or forced)


def compare(snapshot: PublicSnapshot, project_root: Path, history: History, *, force: bool) -> Verdict:
    snapshot_hash, inputs_hash = public_content_hash(snapshot), site_inputs_hash(project_root)
    publish_hash = hashlib.sha256(f"{snapshot_hash}\n{inputs_hash}\n".encode()).hexdigest()
    changed = force or history.publish_hash != publish_hash
    return Verdict(snapshot_hash, inputs_hash, publish_hash, history.publish_hash, changed)


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
                  verdict: Verdict) -> None:
    """The registry and the hash as they will be once this build's site is in place."""
    path = cache_dir / REGISTRY_NAME
    registry = _read_registry(path)
    registry[history.key] = sorted(history.ever | current)
    registry[history.key + LAST_SUFFIX] = sorted(current)
    pending.write(path, json.dumps(registry, indent=1, sort_keys=True) + "\n")
    pending.write(cache_dir / PUBLISHED_HASH_NAME, verdict.publish_hash + "\n")


def report(snapshot: PublicSnapshot, verdict: Verdict, *, rebuilt: bool, quarantined: int = 0) -> dict[str, object]:
    """``reports/publish.json``: what this build did, for people and for the workflow
    (``quarantined``: cases the audit withheld from this build; the screening report names them)."""
    return {
        "format": REPORT_FORMAT,
        "changed": verdict.changed,
        "rebuilt": rebuilt,
        "publish_hash": verdict.publish_hash,
        "previous_publish_hash": verdict.previous_hash,
        "snapshot_hash": verdict.snapshot_hash,
        "site_inputs_hash": verdict.inputs_hash,
        "queue": snapshot.queue,
        "is_sample": snapshot.is_sample,
        "cases": len(snapshot.cases),
        "quarantined": quarantined,
        "withdrawn": len(snapshot.withdrawn_ids),
        "snapshot_time": utc_iso(snapshot.fetched_at),
        "newest_update": utc_iso(snapshot.newest_update),
    }


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
