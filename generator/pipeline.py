"""The whole build, stage after stage: load -> screen -> render -> mkdocs -> audit -> swap.

Each stage leaves its output on disk (build/public/snapshot.json, reports/, build/docs/);
the new site replaces the old one only when every stage, the audit included, succeeded.
"""

from __future__ import annotations

import json
import os
import shutil
import time
from dataclasses import dataclass, field
from pathlib import Path

from generator.audit import AuditFinding, audit_site, drop_source_maps
from generator.config import Config
from generator.model import RawQueue
from generator.screening import ScreeningResult, screen_queue
from generator.screening.policy import Policy
from generator.screening.snapshot import write_snapshot
from generator.site.build import run_mkdocs, write_build_config
from generator.site.pages import write_pages

PROJECT_ROOT = Path(__file__).resolve().parent.parent


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


def published_ids_path(config: Config) -> Path:
    return config.cache_dir / "published.json"


def read_published_ids(path: Path, key: str) -> frozenset[int]:
    if not path.exists():
        return frozenset()
    try:
        return frozenset(int(i) for i in json.loads(path.read_text(encoding="utf-8")).get(key, []))
    except (ValueError, AttributeError, TypeError) as exc:
        raise PipelineError(f"{path}: unreadable list of published cases: {exc}") from None


def write_published_ids(path: Path, key: str, ids: frozenset[int]) -> None:
    data = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    data[key] = sorted(ids)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(data, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    tmp.replace(path)


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
    log=lambda msg: None,
) -> BuildResult:
    site_dir = site_dir or config.site_dir
    registry_key = "sample" if raw.is_sample else f"rt:{raw.queue}"
    seconds: dict[str, float] = {}
    clock = time.perf_counter()

    def lap(stage: str) -> None:
        nonlocal clock
        now = time.perf_counter()
        seconds[stage] = round(now - clock, 3)
        clock = now

    previously = read_published_ids(published_ids_path(config), registry_key)
    result = screen_queue(raw, config, policy, previously_published=previously)
    check_shrink(previously, {c.id for c in result.snapshot.cases}, allow_shrink)
    write_snapshot(result.snapshot, config.build_dir / "public" / "snapshot.json")
    result.report.write(config.reports_dir)
    log(result.report.summary())
    for warning in result.warnings:
        log(f"warning: {warning}")
    lap("screen")

    docs_dir = config.build_dir / "docs"
    pages = write_pages(result.snapshot, project_root / "templates", project_root / "docs", docs_dir)
    mkdocs_config = write_build_config(result.snapshot, project_root / "mkdocs.yml", config.build_dir, docs_dir)
    lap("render")

    site_dir = Path(site_dir)
    staging = site_dir.with_name(f".{site_dir.name}.building-{os.getpid()}")
    shutil.rmtree(staging, ignore_errors=True)
    try:
        try:
            run_mkdocs(mkdocs_config, staging, result.snapshot)
        except RuntimeError as exc:
            raise PipelineError(f"build: {exc}") from None
        drop_source_maps(staging)
        lap("mkdocs")
        findings = audit_site(staging)
        lap("audit")
        if findings:
            raise AuditFailed(findings)
        _swap_in(staging, site_dir)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    write_published_ids(published_ids_path(config), registry_key,
                        previously | {c.id for c in result.snapshot.cases})
    return BuildResult(site_dir, len(result.snapshot.cases), len(result.snapshot.withdrawn_ids),
                       pages, seconds, result)


def _swap_in(staging: Path, site_dir: Path) -> None:
    """Replaces site_dir by staging with two renames, so no half-written site is ever seen."""
    old = site_dir.with_name(f".{site_dir.name}.old-{os.getpid()}")
    if site_dir.exists():
        site_dir.rename(old)
    staging.rename(site_dir)
    shutil.rmtree(old, ignore_errors=True)
