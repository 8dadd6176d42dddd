"""The whole build, stage after stage: screen -> render -> mkdocs -> audit -> swap in.

Each stage leaves its output on disk (build/public/snapshot.json, reports/, build/docs/);
the new site replaces the old one only when every stage, the audit included, succeeded.
The publish bookkeeping (what was published last, the shrink guard, the hashes, the report)
is ``generator.publish``'s.
"""

from __future__ import annotations

import os
import shutil
import time
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from generator import incremental, ledger, publish
from generator.audit import AuditFinding
from generator.config import Config
from generator.model import PublicSnapshot, RawQueue
from generator.screening import ScreeningResult, screen_queue
from generator.screening.policy import Policy
from generator.screening.snapshot import write_snapshot
from generator.site import postbuild, search
from generator.site.build import (BuildError, build_pages, build_settings, resolve_site_url, source_date,
                                  write_build_config)
from generator.site.pages import plan_pages, site_name, template_env
from generator.site.shards import nav_pages

PROJECT_ROOT = Path(__file__).resolve().parent.parent

Log = Callable[[str], None]


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
    #: what the build did: full or incremental, files changed and removed, files audited
    work: dict = field(default_factory=dict)


class _Laps:
    """Seconds spent in each stage, in order."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}
        self._clock = time.perf_counter()

    def __call__(self, stage: str) -> None:
        now = time.perf_counter()
        self.seconds[stage] = round(now - self._clock, 3)
        self._clock = now


def build_site(
    raw: RawQueue,
    config: Config,
    policy: Policy,
    *,
    site_dir: Path | None = None,
    project_root: Path = PROJECT_ROOT,
    allow_shrink: bool = False,
    force: bool = False,
    only_if_changed: bool = False,
    log: Log = lambda msg: None,
) -> BuildResult:
    """The stages, and the site swapped in; an unchanged snapshot leaves ``site_dir`` as it is, and
    with ``only_if_changed`` (the nightly: nothing would be deployed) builds nothing even when
    ``site_dir`` is missing, as on a fresh runner."""
    site_dir = Path(site_dir or config.site_dir)
    laps = _Laps()
    report_path = config.reports_dir / publish.REPORT_NAME
    report_path.unlink(missing_ok=True)  # a failed build leaves no report saying "publish"
    history = publish.load_history(config.cache_dir, publish.registry_key(raw.is_sample, raw.queue))
    raw_hash = publish.raw_content_hash(raw)

    if only_if_changed and not force:
        inputs = publish.screening_inputs_hash(raw_hash, config, policy, history.ever)
        known = unchanged_since_deploy(inputs, config, project_root, history)
        if known is not None:
            verdict, summary = known
            laps("screen")
            log(f"unchanged: the same tickets and settings as the screening behind the deployed site "
                f"({verdict.publish_hash[:12]}); nothing screened or built (--force rebuilds)")
            return _finish(report_path, config, site_dir, laps, publish.report(
                summary, raw.fetched_at, verdict, rebuilt=False, screened=False), verdict, pages=0, screening=None)

    screened = screen(raw, config, policy, history, allow_shrink=allow_shrink, log=log)
    snapshot = screened.snapshot
    verdict = publish.compare(snapshot, project_root, history, force=force)
    summary = publish.Summary.of(snapshot)
    # keyed by the ids published once this snapshot is: the next night's history, if it deploys
    # (the withdrawal notices, all that those ids decide, come out the same)
    published = history.ever | {c.id for c in snapshot.cases}
    publish.write_screened(config.cache_dir, publish.Screened(
        publish.screening_inputs_hash(raw_hash, config, policy, published), verdict.snapshot_hash, summary))
    rebuild = verdict.changed or (not only_if_changed and not (site_dir / "index.html").is_file())
    laps("screen")

    pages, work = 0, {}
    if rebuild:
        staging = site_dir.with_name(f".{site_dir.name}.building-{os.getpid()}")
        pending = publish.Pending()
        try:
            rendered = render(snapshot, config, project_root, laps, site_dir)
            built = build(rendered, config, staging, laps, site_dir, fresh=force)
            state = audit(staging, built, laps)
            publish.stage_history(pending, config.cache_dir, history, frozenset(c.id for c in snapshot.cases),
                                  verdict)
            pending.write(incremental.site_state_path(site_dir), state.text())
            put_in_place(staging, site_dir, built)
            pending.commit()
            pages, work = rendered.written, built.summary()
        finally:
            pending.discard()
            shutil.rmtree(staging, ignore_errors=True)
    else:
        kept = f"{site_dir}/ left as it is" if site_dir.is_dir() else "no site built (nothing to deploy)"
        log(f"unchanged: the public snapshot is the one published last ({verdict.publish_hash[:12]}); "
            f"{kept} (--force rebuilds)")

    result = _finish(report_path, config, site_dir, laps, publish.report(summary, snapshot.fetched_at, verdict,
                                                                         rebuilt=rebuild), verdict, pages, screened)
    result.work = work
    return result


def unchanged_since_deploy(inputs: str, config: Config, project_root: Path,
                           history: publish.History) -> tuple[publish.Verdict, publish.Summary] | None:
    """When the last screening had these very inputs and its snapshot, rendered as the site would
    be now, is the one deployed last: that verdict, without screening again. Else None."""
    memo = publish.read_screened(config.cache_dir)
    if memo is None or memo.inputs != inputs:
        return None
    verdict = publish.compare_hash(memo.snapshot_hash, project_root, history, force=False)
    return None if verdict.changed else (verdict, memo.summary)


def _finish(report_path: Path, config: Config, site_dir: Path, laps: _Laps, report: dict, verdict: publish.Verdict,
            pages: int, screening: ScreeningResult | None) -> BuildResult:
    config.reports_dir.mkdir(parents=True, exist_ok=True)
    report_path.write_text(publish.report_text(report), encoding="utf-8")
    return BuildResult(site_dir, int(report["cases"]), int(report["withdrawn"]), pages, laps.seconds, screening,
                       changed=verdict.changed, rebuilt=bool(report["rebuilt"]), publish=report)


# --- the stages ---------------------------------------------------------------------------------


def screen(raw: RawQueue, config: Config, policy: Policy, history: publish.History, *,
           allow_shrink: bool, log: Log) -> ScreeningResult:
    """Screens the queue, applies the shrink guard, writes the snapshot and the screening report."""
    result = screen_queue(raw, config, policy, previously_published=history.ever)
    publish.check_shrink(history.last, {c.id for c in result.snapshot.cases}, allow_shrink)
    write_snapshot(result.snapshot, config.build_dir / "public" / "snapshot.json")
    result.report.write(config.reports_dir)
    log(result.report.summary())
    for warning in result.warnings:
        log(f"warning: {warning}")
    return result


@dataclass(frozen=True)
class Rendered:
    """The docs folder brought to a snapshot, and what the build needs to know of it."""

    snapshot: PublicSnapshot
    docs_dir: Path
    inputs: str  # the site inputs' hash (generator.publish)
    digests: dict[str, str]  # every file of the docs folder -> the sha256 of its bytes
    written: int  # files rendered or copied into the docs folder this time
    settings: dict  # the engine's configuration (generator.site.build)
    nav: list[str]
    sitemap: dict[str, bytes]
    handwritten: Path
    #: the kept site's state if a build may start from it (``incremental.kept_site``), checked
    #: in a thread while the pages are rendered
    kept: Future


def render(snapshot: PublicSnapshot, config: Config, project_root: Path, laps: _Laps,
           site_dir: Path | None = None) -> Rendered:
    """The Markdown pages, exports and feed in build/docs (those whose inputs changed since the
    folder was last written), and build/mkdocs.yml beside them; meanwhile, whether the site in
    ``site_dir`` is one the build can keep."""
    try:
        site_url = resolve_site_url(project_root / "mkdocs.yml")
    except BuildError as exc:
        raise PipelineError(f"render: {exc}") from None
    docs_dir = config.build_dir / "docs"
    handwritten = project_root / "docs"
    inputs = publish.site_inputs_hash(project_root)
    checker = ThreadPoolExecutor(max_workers=1)
    kept = checker.submit(incremental.kept_site, site_dir or config.site_dir, inputs)
    checker.shutdown(wait=False)  # the check reads files (and the hashing frees the GIL): it runs beside the render
    plan = plan_pages(snapshot, site_url, site_name(project_root / "mkdocs.yml"))
    renderer = plan.renderer(template_env(project_root / "templates" / "pages"))
    digests, written = incremental.update_docs(plan.pages, renderer, handwritten, docs_dir, inputs)
    write_build_config(snapshot, project_root / "mkdocs.yml", config.build_dir, docs_dir, site_url)
    sitemap = postbuild.sitemap_files(incremental.sitemap_entries(plan.pages, handwritten), site_url,
                                      snapshot.fetched_at)
    laps("render")
    return Rendered(snapshot, docs_dir, inputs, digests, written,
                    build_settings(snapshot.is_sample, project_root / "mkdocs.yml", site_url),
                    nav_pages(project_root / "mkdocs.yml"), sitemap, handwritten, kept)


@dataclass
class Built:
    """The new site in its staging folder, and what the build knew of the kept one."""

    assembled: incremental.Assembled
    previous: incremental.SiteState | None  # the kept site's state, even when it could not be used
    inputs: str
    digests: dict[str, str]
    site_dir: Path
    audited: int | None = None  # files the audit read (the others: proven clean by the ledger)

    def summary(self) -> dict:
        changes = self.assembled.changes
        return {"full": changes.full, "changed": len(changes.changed), "removed": len(changes.removed),
                "engine_pages": self.assembled.engine_pages, "files": len(self.assembled.files),
                "audited": self.audited}


def build(rendered: Rendered, config: Config, staging: Path, laps: _Laps, site_dir: Path | None = None, *,
          fresh: bool = False, workers: int | None = None) -> Built:
    """The new site in the staging folder: the engine builds the pages that changed since the kept
    site in ``site_dir`` (all of them, without one or with ``fresh``; in ``workers`` processes,
    by default one per core for many pages), the search index is made from the snapshot and the
    hand-written pages in a thread meanwhile, the rest is kept."""
    site_dir = site_dir or config.site_dir
    snapshot = rendered.snapshot
    with ThreadPoolExecutor(max_workers=2) as pool:
        search_index = pool.submit(index, snapshot, rendered, config.build_dir / incremental.SEARCH_WEIGHTS_NAME)
        previous = incremental.read_site_state(site_dir)
        kept = rendered.kept.result()
        if fresh or (kept is not None and kept != previous):  # (a site swapped meanwhile: not this one)
            kept = None

        def engine(pages, statics, dest, keep):
            return build_pages(rendered.settings, rendered.docs_dir, pages, statics, config.build_dir / "shards",
                               dest, nav=rendered.nav, date=source_date(snapshot), workers=workers, keep=keep)

        def generated() -> dict[str, bytes]:
            return {**search.index_bytes(search_index.result()), **rendered.sitemap}

        try:
            linked = incremental.linked_statics(rendered.docs_dir, list(rendered.digests),
                                                list(incremental.file_hashes(rendered.handwritten)))
            assembled = incremental.assemble(staging, site_dir, kept, rendered.digests, rendered.docs_dir, linked,
                                             generated, engine)
        except (BuildError, postbuild.PostBuildError) as exc:
            raise PipelineError(f"build: {exc}") from None
    laps("build")
    return Built(assembled, None if fresh else previous, rendered.inputs, rendered.digests, site_dir)


def index(snapshot: PublicSnapshot, rendered: Rendered, weights_file: Path) -> dict:
    """The search index; the cases' token weights are kept in ``weights_file`` for the next build
    (for as long as the tokeniser is the same: a new template is no reason to tokenise again)."""
    version = publish.code_hash("casecat search weights", publish.PACKAGE_DIR, ("site/search.py",), ("backrefs",))
    weights = search.load_weights(weights_file, version)
    files = search.build_index(snapshot, search.handwritten_pages(rendered.handwritten), weights)
    search.save_weights(weights_file, version, weights)
    return files


def audit(staging: Path, built: Built, laps: _Laps) -> incremental.SiteState:
    """The audit of every file the kept site's ledger does not prove clean; the state of the new
    site (every one of its files now audited)."""
    version = ledger.audit_version()
    previous, assembled = built.previous, built.assembled
    known = previous.files if previous is not None and previous.audit == version else None
    findings, built.audited = ledger.audit_changed(assembled.files, known, assembled.locator(staging, built.site_dir),
                                                   whole=None if assembled.partial else staging)
    laps("audit")
    if findings:
        raise AuditFailed(findings)
    return incremental.SiteState(built.inputs, built.digests, built.assembled.files, version)


def put_in_place(staging: Path, site_dir: Path, built: Built) -> None:
    """The new site where the old one was: swapped in whole, or, when only what changed was
    staged, those files renamed over the old ones (``incremental.apply``)."""
    if built.assembled.partial:
        incremental.apply(staging, site_dir, built.assembled)
    else:
        swap_in(staging, site_dir)


def swap_in(staging: Path, site_dir: Path) -> None:
    """Replaces site_dir by staging with two renames, so no half-written site is ever seen."""
    old = site_dir.with_name(f".{site_dir.name}.old-{os.getpid()}")
    if site_dir.exists():
        site_dir.rename(old)
    staging.rename(site_dir)
    shutil.rmtree(old, ignore_errors=True)
