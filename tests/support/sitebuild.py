"""The render, build and audit stages on a public snapshot, as ``pipeline.build_site`` runs them
after screening (no publish bookkeeping): for tests that start from hand-made snapshots."""

from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path

from generator import pipeline, publish
from generator.config import Config
from generator.model import PublicSnapshot
from generator.site import shards

ROOT = Path(__file__).resolve().parent.parent.parent


def folders(base: Path) -> Config:
    return replace(Config(), cache_dir=base / "cache", build_dir=base / "build", site_dir=base / "site",
                   reports_dir=base / "reports")


def build_snapshot(snapshot: PublicSnapshot, config: Config, *, fresh: bool = False, audit: bool = True,
                   workers: int | None = None, project_root: Path = ROOT,
                   published_indexes: dict[str, int | None] | None = None, engines: int = 0) -> pipeline.Built:
    """Builds ``snapshot`` into ``config.site_dir`` (incrementally over what is there, unless
    ``fresh``; in ``workers`` engine processes) and keeps the state for the next build, as a
    published build does (``published_indexes``: the index addresses of earlier publishes; the
    built's ``indexes`` are those this build made; ``engines``: engine processes started before
    the render, as ``build_site`` starts them)."""
    laps = pipeline._Laps()
    site = config.site_dir
    staging = site.with_name(f".{site.name}.building")
    with shards.Engines(engines) as ahead:
        rendered = pipeline.render(snapshot, config, project_root, laps, site, published_indexes=published_indexes)
        built = pipeline.build(rendered, config, staging, laps, site, fresh=fresh, workers=workers, engines=ahead)
    state = None
    if not audit and built.auditor is not None:
        built.auditor.close()
    if audit:
        findings, state = pipeline.audit(staging, built, laps)
        if findings:
            raise pipeline.AuditFailed(findings)
    pipeline.put_in_place(staging, site, built)
    if state is not None:
        publish.manifest_path(site).write_text(publish.manifest_text("", state.files, state.extra()),
                                               encoding="utf-8")
    shutil.rmtree(staging, ignore_errors=True)
    built.seconds = laps.seconds
    built.indexes = rendered.indexes
    return built
