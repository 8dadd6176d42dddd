"""The whole build, stage after stage: screen -> render -> mkdocs -> audit -> swap in.

Each stage leaves its output on disk (build/public/snapshot.json, reports/, build/docs/);
the new site replaces the old one only when every stage, the audit included, succeeded.
A finding of the audit inside one case's output quarantines that case: it is withheld and the
site is rendered and built again without it (the report names case, rule and fingerprint); a
finding that belongs to no case fails the build. The publish bookkeeping (what was published
last, the shrink guard, the hashes, the report) is ``generator.publish``'s.
"""

from __future__ import annotations

import os
import shutil
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from generator import publish
from generator.audit import AuditFinding, attribute, audit_site
from generator.config import Config
from generator.model import PublicSnapshot, RawQueue
from generator.screening import ScreeningResult, quarantine, screen_queue
from generator.screening.policy import Policy
from generator.screening.report import Quarantined
from generator.screening.snapshot import write_snapshot
from generator.site.build import BuildError, resolve_site_url, run_mkdocs, write_build_config
from generator.site.pages import write_pages
from generator.site.search import build_index, write_index

PROJECT_ROOT = Path(__file__).resolve().parent.parent
#: builds of one run: the first, and rebuilds without the cases the audit quarantined
MAX_BUILDS = 3

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
    rebuild = verdict.changed or (not only_if_changed and not (site_dir / "index.html").is_file())
    laps("screen")

    pages = 0
    if rebuild:
        staging = site_dir.with_name(f".{site_dir.name}.building-{os.getpid()}")
        pending = publish.Pending()
        try:
            screened, pages = build_audited(screened, config, policy, history, staging, project_root, laps, log)
            if screened.snapshot is not snapshot:  # cases quarantined: this is what is published
                snapshot = screened.snapshot
                verdict = publish.compare(snapshot, project_root, history, force=force)
            publish.stage_history(pending, config.cache_dir, history, frozenset(c.id for c in snapshot.cases),
                                  verdict)
            swap_in(staging, site_dir)
            pending.commit()
        finally:
            pending.discard()
            shutil.rmtree(staging, ignore_errors=True)
    else:
        kept = f"{site_dir}/ left as it is" if site_dir.is_dir() else "no site built (nothing to deploy)"
        log(f"unchanged: the public snapshot is the one published last ({verdict.publish_hash[:12]}); "
            f"{kept} (--force rebuilds)")

    summary = publish.Summary.of(snapshot, quarantined=len(screened.report.quarantined_ids))
    # keyed by the ids published once this snapshot is: the next night's history, if it deploys
    # (the withdrawal notices, all that those ids decide, come out the same); after any quarantine,
    # so that a quiet night after it is quiet again
    published = history.ever | {c.id for c in snapshot.cases}
    publish.write_screened(config.cache_dir, publish.Screened(
        publish.screening_inputs_hash(raw_hash, config, policy, published), verdict.snapshot_hash, summary))
    return _finish(report_path, config, site_dir, laps, publish.report(summary, snapshot.fetched_at, verdict,
                                                                       rebuilt=rebuild), verdict, pages, screened)


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


def build_audited(screened: ScreeningResult, config: Config, policy: Policy, history: publish.History,
                  staging: Path, project_root: Path, laps: _Laps, log: Log) -> tuple[ScreeningResult, int]:
    """Render, build and audit; while the audit finds something in some cases' output only,
    quarantine those cases and build again. Returns what was built and its number of pages."""
    for _ in range(MAX_BUILDS):
        pages = render(screened.snapshot, config, project_root, laps)
        build(screened.snapshot, config, staging, laps)
        findings = audit_site(staging)
        laps("audit")
        if not findings:
            return screened, pages
        by_case, orphans = attribute(findings, screened.snapshot)
        if orphans:
            raise AuditFailed(orphans)
        found = tuple(Quarantined(case_id, f.path, f.rule, fingerprint)
                      for case_id, case_findings in sorted(by_case.items()) for f in case_findings
                      for fingerprint in _fingerprints(policy, case_id, f) if fingerprint not in policy.accepted)
        if not found:  # all of them reviewed and accepted (the overrides file)
            return screened, pages
        screened = quarantine(screened, found, history.ever)
        for case_id in sorted({q.case_id for q in found}):
            log(f"audit: case {case_id} quarantined: " + ", ".join(sorted({q.rule for q in found if q.case_id == case_id})))
        write_snapshot(screened.snapshot, config.build_dir / "public" / "snapshot.json")
        screened.report.write(config.reports_dir)
    raise AuditFailed(findings)


def _fingerprints(policy: Policy, case_id: int, finding: AuditFinding) -> list[str]:
    return sorted({policy.fingerprint(case_id, finding.rule, matched.strip()) for matched in finding.matched or ("",)})


def render(snapshot: PublicSnapshot, config: Config, project_root: Path, laps: _Laps) -> int:
    """The Markdown pages, exports and feed in build/docs, and build/mkdocs.yml beside them."""
    try:
        site_url = resolve_site_url(project_root / "mkdocs.yml")
    except BuildError as exc:
        raise PipelineError(f"render: {exc}") from None
    docs_dir = config.build_dir / "docs"
    pages = write_pages(snapshot, project_root / "templates", project_root / "docs", docs_dir, site_url)
    write_build_config(snapshot, project_root / "mkdocs.yml", config.build_dir, docs_dir, site_url)
    laps("render")
    return pages


def build(snapshot: PublicSnapshot, config: Config, staging: Path, laps: _Laps) -> None:
    """`mkdocs build` into the staging folder, and the search index beside it (made from the
    snapshot in a thread while MkDocs runs)."""
    shutil.rmtree(staging, ignore_errors=True)
    with ThreadPoolExecutor(max_workers=1) as pool:
        search_index = pool.submit(build_index, snapshot)
        try:
            run_mkdocs(config.build_dir / "mkdocs.yml", staging, snapshot)
        except RuntimeError as exc:
            raise PipelineError(f"build: {exc}") from None
        laps("mkdocs")
        write_index(search_index.result(), staging)
    laps("search")


def swap_in(staging: Path, site_dir: Path) -> None:
    """Replaces site_dir by staging with two renames, so no half-written site is ever seen."""
    old = site_dir.with_name(f".{site_dir.name}.old-{os.getpid()}")
    if site_dir.exists():
        site_dir.rename(old)
    staging.rename(site_dir)
    shutil.rmtree(old, ignore_errors=True)
