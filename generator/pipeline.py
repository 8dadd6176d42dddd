"""The whole build, stage after stage: screen -> render -> mkdocs -> audit -> swap in.

Each stage leaves its output on disk (build/public/snapshot.json, reports/, build/docs/);
the new site replaces the old one only when every stage, the audit included, succeeded.
A finding of the audit inside one case's output quarantines that case: it is withheld and the
site is rendered and built again without it (the report names case, rule and fingerprint); a
finding that belongs to no case fails the build. The publish bookkeeping (what was published
last, the shrink guard, the hashes, the report, the manifest of the site's files) is
``generator.publish``'s.

One ticket never breaks the catalogue: a ticket that cannot be read, screened or rendered is
withheld with a warning naming it, and the rest is published. The build fails only for what is
systemic: more than ``Config.max_failing_share`` of the tickets failing, the shrink guard, a
stage failing as a whole. Every folder the build writes is locked for its duration
(``generator.lock``), so two builds never share one.
"""

from __future__ import annotations

import contextlib
import gc
import os
import shutil
import time
from collections.abc import Callable, Mapping
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from pathlib import Path

from generator import incremental, ledger, lock, publish
from generator.audit import AuditFinding, Auditor, attribute
from generator.audit.known import KnownParts
from generator.config import Config
from generator.model import PublicSnapshot, RawQueue, TicketProblem
from generator.screening import (
    ScreeningResult,
    failure,
    keep_prepared,
    load_prepared,
    quarantine,
    screen_queue,
    withhold,
)
from generator.screening.memo import Memo, TicketDigests
from generator.screening.policy import Policy
from generator.screening.report import Quarantined
from generator.screening.snapshot import case_text, write_snapshot
from generator.site import postbuild, search_update, shards
from generator.site.build import (
    BuildError,
    build_pages,
    build_settings,
    resolve_site_url,
    source_date,
    write_build_config,
)
from generator.site.exports import export_files
from generator.site.feeds import atom_feed
from generator.site.pages import plan_pages, render_pages, site_name, template_env
from generator.site.shards import nav_pages

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
    #: the public content differs from the last published one (or force, or a repaired site)
    changed: bool = True
    #: the site folder was built anew (False: unchanged and left as it was)
    rebuilt: bool = True
    publish: dict = field(default_factory=dict)
    #: tickets withheld because they could not be read, screened or rendered
    failed: tuple[TicketProblem, ...] = ()
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


def folders(config: Config, site_dir: Path) -> list[Path]:
    """Every folder a build writes, each locked for the build's duration."""
    return [config.cache_dir, config.build_dir, config.reports_dir, site_dir]


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
    wait: float = 0.0,
    log: Log = lambda msg: None,
) -> BuildResult:
    """The stages, and the site swapped in; an unchanged snapshot leaves ``site_dir`` as it is
    (when it is, file for file, the site published last), and with ``only_if_changed`` (the
    nightly: nothing would be deployed) builds nothing even when ``site_dir`` is missing, as on
    a fresh runner. Every folder it writes is locked for the build (``wait`` seconds at most)."""
    site_dir = Path(site_dir or config.site_dir)
    check_site_dir(site_dir, config, project_root)
    with contextlib.ExitStack() as held:
        with stage("lock", site_dir.parent):
            held.enter_context(lock.hold(folders(config, site_dir), wait=wait))
        held.enter_context(long_lived())
        return _build(raw, config, policy, site_dir, project_root, allow_shrink, force, only_if_changed, log, held)




#: the collector's first threshold during a build (Python's default: 700 allocations)
YOUNG_THRESHOLD = 5000


@contextlib.contextmanager
def long_lived():
    """For a build: what exists before it (the modules, the raw queue) is left out of the cycle
    collector's passes (``gc.freeze``), and the youngest objects are collected less often. At
    1,000 cases a 1%-changed night spent ~0.45 s of its ~4 s in the collector, most of it in the
    full passes that walked every ticket and module again; those objects live as long as the
    build, and what they hold is freed by reference counts as ever. As it was afterwards."""
    thresholds = gc.get_threshold()
    gc.freeze()
    gc.set_threshold(max(thresholds[0], YOUNG_THRESHOLD), *thresholds[1:])
    try:
        yield
    finally:
        gc.set_threshold(*thresholds)
        gc.unfreeze()


@contextlib.contextmanager
def stage(name: str, folder: Path):
    """A disk that is full, read-only or failing, as one line naming the stage and the file
    (or the stage's folder, when the system does not say which file)."""
    try:
        yield
    except OSError as exc:
        where = exc.filename or folder
        raise PipelineError(f"{name}: {where}: {exc.strerror or type(exc).__name__}") from None


def _build(raw: RawQueue, config: Config, policy: Policy, site_dir: Path, project_root: Path,
           allow_shrink: bool, force: bool, only_if_changed: bool, log: Log,
           held: contextlib.ExitStack) -> BuildResult:
    laps = _Laps()
    report_path = config.reports_dir / publish.REPORT_NAME
    with stage("publish", config.reports_dir):
        report_path.unlink(missing_ok=True)  # a failed build leaves no report saying "publish"
        history = publish.load_history(config.cache_dir, publish.registry_key(raw.is_sample, raw.queue))
    for warning in raw.warnings:
        log(f"warning: {warning.line()}")
    tickets = TicketDigests(raw.tickets)  # each ticket pickled once, for the queue's hash and the memo
    raw_hash = publish.raw_content_hash(raw, tickets)

    if only_if_changed and not force:
        inputs = publish.screening_inputs_hash(raw_hash, config, policy, history.ever)
        known = unchanged_since_deploy(inputs, config, project_root, history, site_dir)
        if known is not None:
            verdict, summary = known
            laps("screen")
            log(f"unchanged: the same tickets and settings as the screening behind the deployed site "
                f"({verdict.publish_hash[:12]}); nothing screened or built (--force rebuilds)")
            report = publish.report(summary, raw.fetched_at, verdict, rebuilt=False, screened=False,
                                    failed=raw.rejected, warnings=raw.warnings)
            return _finish(report_path, config, site_dir, laps, report, verdict, pages=0, screening=None)

    # the engine's processes start now and import it while the tickets are screened (on the core
    # this process leaves free: they end with the build, unused when nothing is to be built)
    engines = held.enter_context(shards.Engines(engines_ahead(len(raw.tickets), site_dir, project_root,
                                                              policy.accepted, force)))
    load_prepared(config.cache_dir)
    with stage("screen", config.build_dir):
        screened = screen(raw, config, policy, history, allow_shrink=allow_shrink, log=log, tickets=tickets)
    verdict = publish.compare(screened.snapshot, project_root, history, force=force)
    with stage("publish", site_dir):
        difference = publish.site_difference(site_dir, verdict.publish_hash)
    repaired = difference if not verdict.changed and difference and site_dir.exists() else None
    if repaired:  # a build killed half-way, a hand edit, two builds at once without the lock
        log(f"{site_dir}/ is not the site published last ({repaired}): rebuilding it")
    rebuild = verdict.changed or repaired is not None or (not only_if_changed and difference is not None)
    laps("screen")

    pages = 0
    work: dict = {}  # what each stage did (BuildResult.work)
    if rebuild:
        pages, screened, verdict, work = _rebuild(raw, raw_hash, screened, verdict, history, config, policy,
                                                  site_dir, project_root, allow_shrink, force, repaired, laps, log,
                                                  engines)
        report = _report(raw, screened, verdict, rebuilt=True, repaired=repaired)
    else:
        kept = f"{site_dir}/ left as it is" if site_dir.is_dir() else "no site built (nothing to deploy)"
        log(f"unchanged: the public snapshot is the one published last ({verdict.publish_hash[:12]}); "
            f"{kept} (--force rebuilds)")
        with stage("publish", config.cache_dir):
            pending = publish.Pending()
            _remember(pending, raw_hash, config, policy, history, screened)
            pending.commit()
        report = _report(raw, screened, verdict, rebuilt=False)
    with stage("publish", config.cache_dir):
        keep_prepared(config.cache_dir)
    return _finish(None if rebuild else report_path, config, site_dir, laps, report, verdict, pages, screened,
                   failed=raw.rejected + screened.failures, work=work)


def unchanged_since_deploy(inputs: str, config: Config, project_root: Path, history: publish.History,
                           site_dir: Path) -> tuple[publish.Verdict, publish.Summary] | None:
    """When the last screening had these very inputs and its snapshot, rendered as the site would
    be now, is the one deployed last: that verdict, without screening again. Else None (and
    when a site folder is there but is not, file for file, that site: it is to be rebuilt)."""
    memo = publish.read_screened(config.cache_dir)
    if memo is None or memo.inputs != inputs:
        return None
    verdict = publish.compare_hash(memo.snapshot_hash, project_root, history, force=False)
    if verdict.changed or (site_dir.exists() and publish.site_difference(site_dir, verdict.publish_hash)):
        return None
    return verdict, memo.summary


def _remember(pending: publish.Pending, raw_hash: str, config: Config, policy: Policy, history: publish.History,
               screened: ScreeningResult) -> None:
    """The memo of this screening (staged: a build that fails leaves the cache as it was), keyed
    by the ids published once this snapshot is: the next night's history, if it deploys (the
    withdrawal notices, all that those ids decide, come out the same). It is written for the
    snapshot finally published, after any quarantine, so that a quiet night after it is quiet."""
    snapshot = screened.snapshot
    published = history.ever | {c.id for c in snapshot.cases}
    publish.stage_screened(pending, config.cache_dir, publish.Screened(
        publish.screening_inputs_hash(raw_hash, config, policy, published), publish.public_content_hash(snapshot),
        _summary(screened)))


def _summary(screened: ScreeningResult) -> publish.Summary:
    return publish.Summary.of(screened.snapshot, quarantined=len(screened.report.quarantined_ids))


def _finish(report_path: Path | None, config: Config, site_dir: Path, laps: _Laps, report: dict,
            verdict: publish.Verdict, pages: int, screening: ScreeningResult | None,
            failed: tuple[TicketProblem, ...] = (), work: dict | None = None) -> BuildResult:
    """The result; the report is written here only when no staged write put it in place already."""
    if report_path is not None:
        with stage("publish", config.reports_dir):
            pending = publish.Pending()
            pending.write(report_path, publish.report_text(report))
            pending.commit()
    return BuildResult(site_dir, int(report["cases"]), int(report["withdrawn"]), pages, laps.seconds, screening,
                       changed=verdict.changed, rebuilt=bool(report["rebuilt"]), publish=report, failed=failed,
                       work=work or {})


def _rebuild(raw: RawQueue, raw_hash: str, screened: ScreeningResult, verdict: publish.Verdict,
             history: publish.History, config: Config, policy: Policy, site_dir: Path, project_root: Path,
             allow_shrink: bool, force: bool, repaired: str | None, laps: _Laps,
             log: Log, engines: shards.Engines | None = None) -> tuple[int, ScreeningResult, publish.Verdict, dict]:
    """Render, build and audit into a staging folder; stage the bookkeeping; swap the site in
    and commit the bookkeeping. Nothing under site_dir changes unless all of it succeeded."""
    staging = site_dir.with_name(f".{site_dir.name}.building-{os.getpid()}")
    pending = publish.Pending()
    try:
        rendered, built, state, isolated = build_audited(raw, screened, config, policy, history, staging, site_dir,
                                                         project_root, force, laps, log, engines)
        if isolated is not screened:  # cases withheld or quarantined: the guards and the hash again, on what is left
            screened = isolated
            publish.check_shrink(history.last, {c.id for c in screened.snapshot.cases}, allow_shrink)
            with stage("render", config.build_dir):
                record_screening(screened, config, log=lambda msg: None)
            verdict = publish.compare(screened.snapshot, project_root, history, force=force)
        if repaired:  # published again: what was deployed from the damaged folder may be damaged too
            verdict = replace(verdict, changed=True)
        with stage("publish", site_dir.parent):
            publish.stage_history(pending, config.cache_dir, history,
                                  frozenset(c.id for c in screened.snapshot.cases), verdict, rendered.indexes)
            _remember(pending, raw_hash, config, policy, history, screened)
            pending.write(publish.manifest_path(site_dir),
                          publish.manifest_text(verdict.publish_hash, state.files, state.extra()))
            report = _report(raw, screened, verdict, rebuilt=True, repaired=repaired)
            pending.write(config.reports_dir / publish.REPORT_NAME, publish.report_text(report))
            put_in_place(staging, site_dir, built)
            pending.commit()
    finally:
        pending.discard()
        shutil.rmtree(staging, ignore_errors=True)
    return rendered.written, screened, verdict, built.summary()


def _report(raw: RawQueue, screened: ScreeningResult, verdict: publish.Verdict, *, rebuilt: bool,
            repaired: str | None = None) -> dict:
    snapshot = screened.snapshot
    return publish.report(_summary(screened), snapshot.fetched_at, verdict, rebuilt=rebuilt,
                          repaired=repaired, failed=raw.rejected + screened.failures, warnings=raw.warnings)


def _tickets(raw: RawQueue) -> int:
    """Every ticket of the source, the ones that could not be read included."""
    return len(raw.tickets) + len(raw.rejected)


# --- the checks -----------------------------------------------------------------------------------


def check_site_dir(site_dir: Path, config: Config, project_root: Path) -> None:
    """The site folder is swapped whole (the old one deleted): it must be a folder of its own,
    never the working directory, the project or a folder holding the other ones."""
    site = Path(os.path.abspath(site_dir))
    if site == Path(site.anchor):
        raise PipelineError(f"the site folder cannot be {site_dir}")
    for other, what in ((Path.cwd(), "the working directory"), (project_root, "the project"),
                        (config.cache_dir, "the cache"), (config.build_dir, "the build folder"),
                        (config.reports_dir, "the reports folder")):
        other = Path(os.path.abspath(other))
        if other == site or other.is_relative_to(site):
            raise PipelineError(f"the site folder {site_dir} would hold {what}; choose a folder of its own")


def check_failures(failed: tuple[TicketProblem, ...], tickets: int, share: float, *, searched_all: bool = True) -> None:
    """One bad ticket is withheld; more than ``share`` of them means something systemic
    (``searched_all`` False: the search for them stopped there, so there are at least as many)."""
    if not failed or len(failed) <= share * tickets:
        return
    shown = "; ".join(p.line() for p in failed[:3])
    more = f"; and {len(failed) - 3} more" if len(failed) > 3 else ""
    raise PipelineError(
        f"{'' if searched_all else 'at least '}{len(failed)} of {tickets} tickets could not be read, screened or "
        f"rendered (more than {share:.0%}; max_failing_share in casecat.yml): {shown}{more}"
    )


# --- the stages -----------------------------------------------------------------------------------


def record_screening(result: ScreeningResult, config: Config, log: Log) -> None:
    """Writes the snapshot and the screening report, and says what screening did."""
    write_snapshot(result.snapshot, config.build_dir / "public" / "snapshot.json")
    result.report.write(config.reports_dir)
    log(result.report.summary())
    for warning in result.warnings:
        log(f"warning: {warning}")


def screen(raw: RawQueue, config: Config, policy: Policy, history: publish.History, *,
           allow_shrink: bool, log: Log, tickets: TicketDigests | None = None) -> ScreeningResult:
    """Screens the queue, applies the failure and shrink guards, writes the snapshot and the
    screening report, and names every ticket withheld because it failed (``tickets``: the
    tickets' digests, if made already)."""
    memo_file = config.build_dir / incremental.SCREENING_MEMO_NAME
    memo = Memo.load(memo_file, config, policy, screening_code_version(), tickets)
    result = screen_queue(raw, config, policy, previously_published=history.ever, memo=memo)
    memo.save(memo_file)
    failed = raw.rejected + result.failures
    check_failures(failed, _tickets(raw), config.max_failing_share)
    publish.check_shrink(history.last, {c.id for c in result.snapshot.cases}, allow_shrink)
    record_screening(result, config, log)
    for problem in failed:
        log(f"warning: {problem.line()}")
    return result


def screening_code_version() -> str:
    """The version of screening's code (every file under generator/screening/ among them) and
    libraries: a change to any of them screens every ticket again."""
    return publish.code_hash("casecat screening", publish.PACKAGE_DIR, publish.SCREENING_CODE,
                             publish.SCREENING_PACKAGES)


@dataclass(frozen=True)
class Rendered:
    """The docs folder brought to a snapshot, and what the build needs to know of it."""

    snapshot: PublicSnapshot
    docs_dir: Path
    inputs: str  # the site inputs' hash (generator.publish)
    audit: str  # the audit's version (``ledger.audit_version``)
    digests: dict[str, str]  # every file of the docs folder -> the sha256 of its bytes
    written: int  # files rendered or copied into the docs folder this time
    settings: dict  # the engine's configuration (generator.site.build)
    nav: list[str]
    sitemap: dict[str, bytes]
    handwritten: Path
    #: the kept site's state if a build may start from it (``incremental.kept_site``), checked
    #: in a thread while the pages are rendered
    kept: Future
    #: the index addresses this render made (``pages.Plan.indexes``), for the registry
    indexes: dict[str, int | None]
    #: each case's render digest (hex) by id: equal digests, equal cases (``search_update``)
    case_digests: dict[int, str] = field(default_factory=dict)


def render(snapshot: PublicSnapshot, config: Config, project_root: Path, laps: _Laps,
           site_dir: Path | None = None, accepted: frozenset[str] = frozenset(), *,
           published_indexes: Mapping[str, int | None] | None = None) -> Rendered:
    """The Markdown pages, exports and feed in build/docs (those whose inputs changed since the
    folder was last written), and build/mkdocs.yml beside them; meanwhile, whether the site in
    ``site_dir`` is one the build can keep (audited with the same audit, and the same ``accepted``
    findings: ``ledger.audit_version``)."""
    site_url = _site_url(project_root)
    docs_dir = config.build_dir / "docs"
    handwritten = project_root / "docs"
    inputs = publish.site_inputs_hash(project_root)
    checker = ThreadPoolExecutor(max_workers=1)
    audit_version = ledger.audit_version(accepted)
    kept = checker.submit(incremental.kept_site, site_dir or config.site_dir, inputs, audit_version)
    checker.shutdown(wait=False)  # the check waits on the process hashing the files: it runs beside the render
    state = incremental.read_site_state(site_dir or config.site_dir)
    ledger.prepare_ahead(len(snapshot.cases), (state.inputs, state.audit) if state else None, inputs, audit_version)
    exports_file = config.build_dir / incremental.CASE_EXPORTS_NAME
    kept_exports = incremental.load_case_memo(exports_file, incremental.CASE_EXPORTS_FORMAT, inputs)
    plan = plan_pages(snapshot, site_url, site_name(project_root / "mkdocs.yml"), published_indexes, kept_exports,
                      case_text=case_text)
    renderer = plan.renderer(template_env(project_root / "templates" / "pages",
                                          config.build_dir / incremental.TEMPLATE_CACHE_NAME / "pages"))
    digests, written = incremental.update_docs(plan.pages, renderer, handwritten, docs_dir, inputs,
                                               before_fork=kept.exception)
    incremental.save_case_memo(exports_file, incremental.CASE_EXPORTS_FORMAT, inputs, kept_exports,
                               plan.exports.made, renderer.digester.case_digests())
    write_build_config(snapshot, project_root / "mkdocs.yml", config.build_dir, docs_dir, site_url)
    sitemap = postbuild.sitemap_files(incremental.sitemap_entries(plan.pages, handwritten), site_url,
                                      snapshot.fetched_at)
    laps("render")
    return Rendered(snapshot, docs_dir, inputs, audit_version, digests, written,
                    build_settings(snapshot.is_sample, project_root / "mkdocs.yml", site_url),
                    nav_pages(project_root / "mkdocs.yml"), sitemap, handwritten, kept, plan.indexes,
                    renderer.digester.by_id(snapshot.cases))


def render_isolating(screened: ScreeningResult, config: Config, project_root: Path, published: frozenset[int],
                     laps: _Laps, log: Log, *, failed: tuple[TicketProblem, ...] = (),
                     tickets: int | None = None, site_dir: Path | None = None,
                     accepted: frozenset[str] = frozenset(),
                     published_indexes: Mapping[str, int | None] | None = None) -> tuple[Rendered, ScreeningResult]:
    """``render``, and when it fails, the cases it fails on are found (by halves: a few renders
    of part of the catalogue, in memory), withheld, and the rest is rendered. A failure that no
    single case explains is the stage's; so is one on more cases than ``max_failing_share``
    allows, counting the ``failed`` tickets of earlier stages among ``tickets``. Returns the
    render and the result that was rendered (``site_dir``: the kept site, as for ``render``)."""
    try:
        return render(screened.snapshot, config, project_root, laps, site_dir, accepted,
                      published_indexes=published_indexes), screened
    except (OSError, PipelineError):
        raise
    except Exception as exc:  # noqa: BLE001 (find the cases it comes from)
        error = type(exc).__name__
    tickets = len(screened.report.outcomes) if tickets is None else tickets
    allowed = int(config.max_failing_share * tickets) - len(failed)
    culprits = failing_cases(screened, published, _site_url(project_root),
                             template_env(project_root / "templates" / "pages"),
                             site_name(project_root / "mkdocs.yml"), limit=max(0, allowed))
    if not culprits:
        raise PipelineError(f"render: {error}, which no single case explains")
    check_failures(failed + tuple(culprits.values()), tickets, config.max_failing_share,
                   searched_all=len(culprits) <= max(0, allowed))
    for problem in culprits.values():
        log(f"warning: {problem.line()}")
    screened = withhold(screened, culprits, published)
    try:
        return render(screened.snapshot, config, project_root, laps, site_dir, accepted,
                      published_indexes=published_indexes), screened
    except (OSError, PipelineError):
        raise
    except Exception as exc:  # noqa: BLE001
        raise PipelineError(f"render: {type(exc).__name__}, after withholding the cases it failed on") from None


def _site_url(project_root: Path) -> str:
    try:
        return resolve_site_url(project_root / "mkdocs.yml")
    except BuildError as exc:
        raise PipelineError(f"render: {exc}") from None


def failing_cases(screened: ScreeningResult, published: frozenset[int], site_url: str, env, name: str,
                  limit: int) -> dict[int, TicketProblem]:
    """The cases on which rendering fails on their own, found by halving the catalogue; the
    search stops once more than ``limit`` are found (the failure is systemic then, and a
    template broken for every case must not cost a render per case)."""
    everyone = [c.id for c in screened.snapshot.cases]

    def attempt(ids: list[int]) -> BaseException | None:
        keep = set(ids)
        others = {i: _NOT_RENDERED for i in everyone if i not in keep}
        snapshot = withhold(screened, others, published).snapshot
        try:
            render_pages(snapshot, env, site_url, name)
            export_files(snapshot)
            atom_feed(snapshot, site_url)
        except Exception as exc:  # noqa: BLE001
            return exc
        return None

    found: dict[int, TicketProblem] = {}

    def search(ids: list[int]) -> None:
        if len(found) > limit:
            return
        error = attempt(ids)
        if error is None:
            return
        if len(ids) == 1:
            found[ids[0]] = failure(ids[0], "rendering", error)
            return
        middle = len(ids) // 2
        search(ids[:middle])
        search(ids[middle:])

    search(everyone)
    return found


_NOT_RENDERED = TicketProblem("", "", "")


@dataclass
class Built:
    """The new site in its staging folder, and what the build knew of the kept one."""

    assembled: incremental.Assembled
    inputs: str
    audit: str
    digests: dict[str, str]
    audited: int | None = None  # files the audit read (the others: proven clean by the ledger)
    #: the audit's helper processes, started during the build (``ledger.audit_ahead``)
    auditor: Auditor | None = None

    def summary(self) -> dict:
        changes = self.assembled.changes
        return {"full": changes.full, "changed": len(changes.changed), "removed": len(changes.removed),
                "engine_pages": self.assembled.engine_pages, "files": len(self.assembled.files),
                "audited": self.audited}


def build(rendered: Rendered, config: Config, staging: Path, laps: _Laps, site_dir: Path | None = None, *,
          fresh: bool = False, workers: int | None = None, engines: shards.Engines | None = None) -> Built:
    """The new site in the staging folder: the engine builds the pages that changed since the kept
    site in ``site_dir`` (all of them, without one or with ``fresh``; in ``workers`` processes,
    by default one per core for many pages; ``engines``: those started ahead), the search index is
    made from the snapshot and the hand-written pages in a thread meanwhile, the rest is kept."""
    site_dir = site_dir or config.site_dir
    snapshot = rendered.snapshot
    with ThreadPoolExecutor(max_workers=2) as pool:
        previous = incremental.read_site_state(site_dir)
        kept = rendered.kept.result()
        if fresh or (kept is not None and kept != previous):  # (a site swapped meanwhile: not this one)
            kept = None
        # a full build copies the docs folder's other files as they are: their audit need not
        # wait for the engine's pages (the audit's processes start beside the engine's), nor
        # need an engine process's pages wait for the other's
        # the index of every case: made by an audit helper when there are some, before anything
        # else (the tokens of every case held at once would raise this process's peak of memory
        # by a third), else in a thread here
        index_of = (snapshot, rendered.handwritten, config.build_dir / incremental.SEARCH_WEIGHTS_NAME,
                    search_version(), rendered.case_digests, kept.files if kept is not None else None, site_dir)
        auditor, search_index = (ledger.audit_ahead(rendered.docs_dir, list(rendered.digests),
                                                    first=(search_update.index_files, *index_of),
                                                    parts=known_parts(config, rendered.audit))
                                 if kept is None else (None, None))
        if search_index is None:
            search_index = pool.submit(search_update.index_files, *index_of)

        def engine(pages, statics, dest, keep):
            return build_pages(rendered.settings, rendered.docs_dir, pages, statics, config.build_dir / "shards",
                               dest, nav=rendered.nav, date=source_date(snapshot), workers=workers, keep=keep,
                               built=auditor.ahead_folder if auditor is not None else None, engines=engines,
                               template_cache=config.build_dir / incremental.TEMPLATE_CACHE_NAME / "theme")

        def generated() -> dict[str, bytes]:
            return {**search_index.result(), **rendered.sitemap}

        try:
            linked = incremental.linked_statics(rendered.docs_dir, list(rendered.digests),
                                                list(publish.file_hashes(rendered.handwritten)))
            assembled = incremental.assemble(staging, site_dir, kept, rendered.digests, rendered.docs_dir, linked,
                                             generated, engine)
        except BaseException as exc:
            if auditor is not None:
                auditor.close()
            if isinstance(exc, (BuildError, postbuild.PostBuildError)):
                raise PipelineError(f"build: {exc}") from None
            raise
    laps("build")
    return Built(assembled, rendered.inputs, rendered.audit, rendered.digests, auditor=auditor)


def known_parts(config: Config, audit_version: str) -> KnownParts:
    """Where this audit keeps the parts of large files found clean (``audit.known``)."""
    return KnownParts(config.build_dir / incremental.KNOWN_PARTS_NAME, audit_version[:32])


def search_version() -> str:
    """The version of the search index's tokeniser: the cases' token weights kept from the last
    build serve as long as it is the same (a new template is no reason to tokenise again)."""
    return publish.code_hash("casecat search weights", publish.PACKAGE_DIR, ("site/search.py", "site/search_update.py"), ("backrefs",))


def build_audited(raw: RawQueue, screened: ScreeningResult, config: Config, policy: Policy,
                  history: publish.History, staging: Path, site_dir: Path, project_root: Path, fresh: bool,
                  laps: _Laps, log: Log, ahead: shards.Engines | None = None,
                  ) -> tuple[Rendered, Built, incremental.SiteState, ScreeningResult]:
    """Render (withholding the cases it fails on), build and audit; while the audit finds
    something in some cases' output only, quarantine those cases and do it again (each time
    over the kept site in ``site_dir``: only what changed is built and audited again). Returns
    the render, the build, the new site's state and what was built. ``ahead``: the engine's
    processes started with the build, for its first attempt."""
    for attempt in range(MAX_BUILDS):
        with contextlib.ExitStack() as own:
            # a later attempt's engine processes start now and import it while the pages are rendered
            engines = (ahead if attempt == 0 and ahead is not None else
                       own.enter_context(shards.Engines(engines_ahead(len(screened.snapshot.cases), site_dir,
                                                                      project_root, policy.accepted, fresh))))
            with stage("render", config.build_dir / "docs"):
                rendered, screened = render_isolating(screened, config, project_root, history.ever, laps, log,
                                                      published_indexes=history.indexes,
                                                      failed=raw.rejected + screened.failures, tickets=_tickets(raw),
                                                      site_dir=site_dir, accepted=policy.accepted)
            with stage("build", staging):
                built = build(rendered, config, staging, laps, site_dir, fresh=fresh, engines=engines)
        with stage("audit", staging):
            # the kept site is all clean only when no finding in it was kept by being accepted
            clean = site_dir if built.assembled.partial and not policy.accepted else None
            known = known_parts(config, built.audit)
            findings, state = audit(staging, built, laps, clean, known)
        found = to_quarantine(findings, screened, policy)
        if not found:
            return rendered, built, state, screened
        screened = quarantine(screened, found, history.ever)
        for case_id in sorted({q.case_id for q in found}):
            log(f"audit: case {case_id} quarantined: " + ", ".join(sorted({q.rule for q in found if q.case_id == case_id})))
    raise AuditFailed([AuditFinding(path, rule, 1) for path, rule in sorted({(q.path, q.rule) for q in found})])


def engines_ahead(cases: int, site_dir: Path, project_root: Path, accepted: frozenset[str], fresh: bool) -> int:
    """How many engine processes to start ahead (``shards.Engines``): as many as a
    full build of ``cases`` cases uses (``build_pages``) when the build will be a full one (no
    kept site, or one of other site inputs or another audit, or ``fresh``), else one: the pages
    of a night's change. Fewer than the build wants are not a failure: it starts the others."""
    state = incremental.read_site_state(site_dir)
    kept = state is not None and (state.inputs, state.audit) == (publish.site_inputs_hash(project_root),
                                                                 ledger.audit_version(accepted))
    if kept and not fresh:
        return 1
    return min(2, os.cpu_count() or 1) if cases >= shards.SHARD_FROM else 1


def audit(staging: Path, built: Built, laps: _Laps, clean: Path | None = None,
          known: KnownParts | None = None) -> tuple[list[AuditFinding], incremental.SiteState]:
    """The audit of the staged files: every file of a full build; of an incremental one, the
    files whose bytes the kept site's ledger does not prove clean (and of a large one, only the
    parts its version in ``clean``, the kept site when all of it is clean, lacks: ``known`` keeps
    the parts of large files found clean for the next build). The findings, and the state of the
    new site (every one of its files audited, with these findings)."""
    findings, built.audited = ledger.audit_staged(staging, clean, built.auditor, known)
    if known is not None:
        known.prune(set(built.assembled.files.values()))
    laps("audit")
    return findings, incremental.SiteState(built.inputs, built.digests, built.assembled.files, built.audit)


def to_quarantine(findings: list[AuditFinding], screened: ScreeningResult, policy: Policy) -> tuple[Quarantined, ...]:
    """The cases to quarantine: those with a finding in their own output that nobody accepted
    (the overrides file). A finding that belongs to no case fails the build."""
    if not findings:
        return ()
    by_case, orphans = attribute(findings, screened.snapshot)
    if orphans:
        raise AuditFailed(orphans)
    return tuple(Quarantined(case_id, f.path, f.rule, fingerprint)
                 for case_id, case_findings in sorted(by_case.items()) for f in case_findings
                 for fingerprint in _fingerprints(policy, case_id, f) if fingerprint not in policy.accepted)


def _fingerprints(policy: Policy, case_id: int, finding: AuditFinding) -> list[str]:
    return sorted({policy.fingerprint(case_id, finding.rule, matched.strip()) for matched in finding.matched or ("",)})


def put_in_place(staging: Path, site_dir: Path, built: Built) -> None:
    """The new site where the old one was: swapped in whole, or, when only what changed was
    staged, those files renamed over the old ones (``incremental.apply``)."""
    if built.assembled.partial:
        incremental.apply(staging, site_dir, built.assembled)
    else:
        swap_in(staging, site_dir)


def swap_in(staging: Path, site_dir: Path) -> None:
    """Replaces site_dir by staging with two renames, so no half-written site is ever seen;
    if the second rename fails, the old site goes back."""
    old = site_dir.with_name(f".{site_dir.name}.old-{os.getpid()}")
    if site_dir.exists():
        site_dir.rename(old)
    try:
        staging.rename(site_dir)
    except OSError:
        if old.exists():
            old.rename(site_dir)
        raise
    shutil.rmtree(old, ignore_errors=True)
