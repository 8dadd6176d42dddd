"""The whole build, stage after stage: load -> screen -> render -> mkdocs -> audit -> swap.

Each stage leaves its output on disk (build/public/snapshot.json, reports/, build/docs/);
the new site replaces the old one only when every stage, the audit included, succeeded.

Publish guards (they hold wherever the build runs, a laptop or the nightly workflow):
- nothing is published unless every stage succeeded (staging folder, audit, then a swap);
- the shrink guard refuses a snapshot that loses more than 10% of last time's cases;
- ``reports/publish.json`` says whether the public content changed since the last publish
  (``publish_hash`` against ``<cache>/published-snapshot.sha256``); when it did not and the
  site folder is there, the site is left as it is (no render, no mkdocs) unless ``force``.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import time
from concurrent.futures import ThreadPoolExecutor
from importlib import metadata
from dataclasses import dataclass, field
from pathlib import Path

from generator.audit import AuditFinding, audit_site, drop_source_maps
from generator.config import Config
from generator.model import RawQueue, utc_iso
from generator.screening import ScreeningResult, screen_queue
from generator.screening.policy import Policy
from generator.screening.snapshot import snapshot_to_dict, write_snapshot
from generator.site.build import BuildError, resolve_site_url, run_mkdocs, write_build_config
from generator.site.pages import write_pages
from generator.site.search import build_index, write_index

PROJECT_ROOT = Path(__file__).resolve().parent.parent
PUBLISHED_HASH_NAME = "published-snapshot.sha256"
PUBLISH_REPORT_NAME = "publish.json"
PUBLISH_FORMAT = "casecat-publish/1"
#: what the site is made with besides the snapshot: a change here is a change to publish
SITE_INPUTS = ("mkdocs.yml", "templates", "docs", "generator/site")
SITE_PACKAGES = ("casecat", "mkdocs", "mkdocs-material")
#: the registry key holding the ids published by the last build (the shrink guard's base)
LAST_SUFFIX = "@last"


class PipelineError(RuntimeError):
    """A stage failed; the message is one line naming the stage and the cause."""


class AuditFailed(PipelineError):
    def __init__(self, findings: list[AuditFinding]):
        self.findings = findings
        super().__init__(f"audit: {len(findings)} finding(s) in the built site; nothing was published")


@dataclass
class BuildResult:
    site_dir: Path
    cases: int
    withdrawn: int
    pages: int
    seconds: dict[str, float] = field(default_factory=dict)
    screening: ScreeningResult | None = None
    #: the public content differs from the last published one (or force)
    changed: bool = True
    #: the site folder was built anew (False: unchanged and left as it was)
    rebuilt: bool = True
    publish: dict = field(default_factory=dict)


def published_ids_path(config: Config) -> Path:
    return config.cache_dir / "published.json"


def read_published_ids(path: Path, key: str, default: frozenset[int] | None = frozenset()) -> frozenset[int] | None:
    if not path.exists():
        return default
    try:
        ids = json.loads(path.read_text(encoding="utf-8")).get(key)
        return default if ids is None else frozenset(int(i) for i in ids)
    except (ValueError, AttributeError, TypeError) as exc:
        raise PipelineError(f"{path}: unreadable list of published cases: {exc}") from None


def write_published_ids(path: Path, key: str, ids: frozenset[int]) -> None:
    data = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    data[key] = sorted(ids)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(data, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    tmp.replace(path)


def public_content_hash(snapshot) -> str:
    """sha256 of the public snapshot without the time of the fetch: equal when nothing a
    reader can see changed, however often RT was read."""
    data = snapshot_to_dict(snapshot)
    data.pop("fetched_at", None)
    return hashlib.sha256(json.dumps(data, ensure_ascii=False, sort_keys=True).encode()).hexdigest()


def site_inputs_hash(project_root: Path = PROJECT_ROOT) -> str:
    """sha256 of what turns a snapshot into a site: mkdocs.yml, templates, docs, the renderer's
    code, and the versions of casecat, MkDocs and Material."""
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
    # SITE_URL changes permalinks, the feed and the sitemap (generator/site/build.py)
    digest.update(f"SITE_URL={os.environ.get('SITE_URL', '').strip()}\0".encode())
    return digest.hexdigest()


def read_published_hash(path: Path) -> str | None:
    """The publish hash of the last published site (first word of the file), if any."""
    try:
        words = path.read_text(encoding="utf-8").split()
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise PipelineError(f"{path}: unreadable hash of the last published snapshot: {exc}") from None
    return words[0] if words else None


def write_published_hash(path: Path, value: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(value + "\n", encoding="utf-8")
    tmp.replace(path)


def write_github_output(path: Path, values: dict[str, object]) -> None:
    """Appends ``key=value`` lines for a GitHub Actions step ($GITHUB_OUTPUT)."""
    with path.open("a", encoding="utf-8") as out:
        for key, value in values.items():
            text = str(value).lower() if isinstance(value, bool) else str(value)
            if "\n" in text:
                raise ValueError(f"{key}: multi-line value")
            out.write(f"{key}={text}\n")


def check_shrink(previous: frozenset[int], current: set[int], allow: bool) -> None:
    """Refuses a build that would drop more than 10% of the cases published last time."""
    if not previous or allow:
        return
    lost = previous - current
    if len(lost) > 0.10 * len(previous):
        raise PipelineError(
            f"shrink guard: {len(lost)} of {len(previous)} cases published last time would disappear "
            f"(more than 10%); check the source, or pass --allow-shrink if this is intended"
        )


def build_site(
    raw: RawQueue,
    config: Config,
    policy: Policy,
    *,
    site_dir: Path | None = None,
    project_root: Path = PROJECT_ROOT,
    allow_shrink: bool = False,
    force: bool = False,
    log=lambda msg: None,
) -> BuildResult:
    site_dir = Path(site_dir or config.site_dir)
    registry_key = "sample" if raw.is_sample else f"rt:{raw.queue}"
    seconds: dict[str, float] = {}
    clock = time.perf_counter()

    def lap(stage: str) -> None:
        nonlocal clock
        now = time.perf_counter()
        seconds[stage] = round(now - clock, 3)
        clock = now

    publish_report = config.reports_dir / PUBLISH_REPORT_NAME
    publish_report.unlink(missing_ok=True)  # a failed build leaves no report saying "publish"
    registry = published_ids_path(config)
    previously = read_published_ids(registry, registry_key)
    last_time = read_published_ids(registry, registry_key + LAST_SUFFIX, default=None)
    if last_time is None:  # a registry from before the last-publish record: every id once published
        last_time = previously
    result = screen_queue(raw, config, policy, previously_published=previously)
    current = {c.id for c in result.snapshot.cases}
    check_shrink(last_time, current, allow_shrink)
    write_snapshot(result.snapshot, config.build_dir / "public" / "snapshot.json")
    result.report.write(config.reports_dir)
    log(result.report.summary())
    for warning in result.warnings:
        log(f"warning: {warning}")

    snapshot = result.snapshot
    snapshot_hash = public_content_hash(snapshot)
    inputs_hash = site_inputs_hash(project_root)
    publish_hash = hashlib.sha256(f"{snapshot_hash}\n{inputs_hash}\n".encode()).hexdigest()
    marker = config.cache_dir / PUBLISHED_HASH_NAME
    previous_hash = read_published_hash(marker)
    changed = force or previous_hash != publish_hash
    rebuild = changed or not (site_dir / "index.html").is_file()
    lap("screen")

    pages = 0
    if rebuild:
        docs_dir = config.build_dir / "docs"
        try:
            site_url = resolve_site_url(project_root / "mkdocs.yml")
        except BuildError as exc:
            raise PipelineError(f"render: {exc}") from None
        pages = write_pages(snapshot, project_root / "templates", project_root / "docs", docs_dir, site_url)
        mkdocs_config = write_build_config(snapshot, project_root / "mkdocs.yml", config.build_dir, docs_dir,
                                           site_url)
        lap("render")

        staging = site_dir.with_name(f".{site_dir.name}.building-{os.getpid()}")
        shutil.rmtree(staging, ignore_errors=True)
        try:
            # the search index needs only the snapshot: made in a thread while mkdocs runs (issue 7)
            with ThreadPoolExecutor(max_workers=1) as pool:
                search_index = pool.submit(build_index, snapshot)
                try:
                    run_mkdocs(mkdocs_config, staging, snapshot)
                except RuntimeError as exc:
                    raise PipelineError(f"build: {exc}") from None
                drop_source_maps(staging)
                lap("mkdocs")
                write_index(search_index.result(), staging)  # chunked search, audited with the rest
            lap("search")
            findings = audit_site(staging)
            lap("audit")
            if findings:
                raise AuditFailed(findings)
            _swap_in(staging, site_dir)
        finally:
            shutil.rmtree(staging, ignore_errors=True)
        write_published_ids(registry, registry_key, previously | current)
        write_published_ids(registry, registry_key + LAST_SUFFIX, frozenset(current))
        write_published_hash(marker, publish_hash)
    else:
        log(f"unchanged: the public snapshot is the one published last ({publish_hash[:12]}); "
            f"{site_dir}/ left as it is (--force rebuilds)")

    publish = {
        "format": PUBLISH_FORMAT,
        "changed": changed,
        "rebuilt": rebuild,
        "publish_hash": publish_hash,
        "previous_publish_hash": previous_hash,
        "snapshot_hash": snapshot_hash,
        "site_inputs_hash": inputs_hash,
        "queue": snapshot.queue,
        "is_sample": snapshot.is_sample,
        "cases": len(snapshot.cases),
        "withdrawn": len(snapshot.withdrawn_ids),
        "snapshot_time": utc_iso(snapshot.fetched_at),
        "newest_update": utc_iso(snapshot.newest_update),
    }
    config.reports_dir.mkdir(parents=True, exist_ok=True)
    publish_report.write_text(json.dumps(publish, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    return BuildResult(site_dir, len(snapshot.cases), len(snapshot.withdrawn_ids), pages, seconds, result,
                       changed=changed, rebuilt=rebuild, publish=publish)


def _swap_in(staging: Path, site_dir: Path) -> None:
    """Replaces site_dir by staging with two renames, so no half-written site is ever seen."""
    old = site_dir.with_name(f".{site_dir.name}.old-{os.getpid()}")
    if site_dir.exists():
        site_dir.rename(old)
    staging.rename(site_dir)
    shutil.rmtree(old, ignore_errors=True)
