"""`casecat`: fetch, build, audit and serve the Case Catalogue.

Errors are one line on stderr with a non-zero exit; no command ever leaves a half-written site.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from generator import lock, pipeline, publish, sealing
from generator.audit import audit_site
from generator.config import Config, ConfigError, find_project_root, load_config
from generator.model import RawQueue
from generator.rt.records import RawDataError
from generator.rt.source import READING_MEMO_NAME, load_raw_queue, load_sample, remember_reading
from generator.screening.policy import Policy, PolicyError, load_overrides, load_salt


def _fail(message: str, code: int = 1) -> None:
    line = " ".join(str(message).split())
    click.echo(f"casecat: error: {line}", err=True)
    if os.environ.get("GITHUB_OUTPUT"):  # under GitHub Actions: the failure issue quotes this line
        try:
            publish.write_github_output(Path(os.environ["GITHUB_OUTPUT"]), {"error": line})
        except OSError:
            pass  # the error line above is what matters; the run fails either way
    sys.exit(code)


def _os_error(exc: OSError) -> str:
    """A disk full, a read-only folder, a missing permission: the file and the reason, one line."""
    where = f"{exc.filename}: " if exc.filename else ""
    return f"{where}{exc.strerror or type(exc).__name__}"


class _Main(click.Group):
    """Every error is one line: an exception nothing else handled is named by its kind only
    (its text may quote a ticket), never shown as a traceback (CASECAT_DEBUG=1 shows it)."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except (click.exceptions.Exit, click.exceptions.Abort, click.ClickException, SystemExit):
            raise
        except lock.Busy as exc:
            _fail(f"{exc}; try again when it has finished, or pass --wait SECONDS")
        except OSError as exc:
            _fail(_os_error(exc))
        except Exception as exc:
            if os.environ.get("CASECAT_DEBUG"):
                raise
            _fail(f"internal error ({type(exc).__name__}) in casecat {ctx.invoked_subcommand or ''}; "
                  "please report it (CASECAT_DEBUG=1 shows where)")


def _log(message: str) -> None:
    click.echo(message, err=True)


def _config(ctx: click.Context) -> Config:
    return ctx.obj["config"]


@click.group(cls=_Main)
@click.option("--config", "config_path", type=click.Path(dir_okay=False, path_type=Path),
              help="Settings file (default: casecat.yml if present).")
@click.version_option(package_name="casecat")
@click.pass_context
def main(ctx: click.Context, config_path: Path | None) -> None:
    """Turn an RT queue of support cases into a screened, static catalogue site."""
    try:
        ctx.obj = {"config": load_config(config_path)}
    except ConfigError as exc:
        for line in exc.lines[:-1]:
            click.echo(f"casecat: error: {line}", err=True)
        _fail(exc.lines[-1], 2)


def _rt_options(func):
    options = [
        click.option("--rt-url", envvar="RT_URL", help="Base URL of the RT server (env RT_URL)."),
        click.option("--queue", envvar="RT_QUEUE",
                     help="RT queue name (env RT_QUEUE; default from settings: technical-support-cases)."),
        click.option("--api", type=click.Choice(["rest2", "rest1"]), default="rest2", show_default=True),
        click.option("--cache-dir", type=click.Path(file_okay=False, path_type=Path),
                     help="Private cache of raw RT data (default .casecat/cache)."),
        click.option("--rt-token", envvar="RT_TOKEN", help="RT auth token (env RT_TOKEN; preferred)."),
        click.option("--rt-user", envvar="RT_USER", help="RT user (env RT_USER)."),
        click.option("--rt-password", envvar="RT_PASSWORD", help="RT password (env RT_PASSWORD)."),
        click.option("--timeout", type=float, default=30.0, show_default=True, help="Seconds per HTTP call."),
        click.option("--full", "full_fetch", is_flag=True, help="Read the whole queue again, not only what changed."),
        click.option("--reconcile-every", type=click.IntRange(min=0), envvar="CASECAT_RECONCILE_EVERY", default=7,
                     show_default=True, help="Read the whole queue every N runs and report what it repaired "
                     "(0: never; env CASECAT_RECONCILE_EVERY)."),
        click.option("--retry-minutes", type=click.FloatRange(min=0), envvar="CASECAT_RETRY_MINUTES", default=5.0,
                     show_default=True, help="How long a failing request to RT is retried (env CASECAT_RETRY_MINUTES)."),
        click.option("--retry-after-cap", type=click.FloatRange(min=0), envvar="CASECAT_RETRY_AFTER_CAP",
                     default=300.0, show_default=True,
                     help="Longest Retry-After from RT honoured, in seconds (env CASECAT_RETRY_AFTER_CAP)."),
        click.option("--max-minutes", type=click.FloatRange(min=0), envvar="CASECAT_FETCH_MAX_MINUTES",
                     help="Stop a full read after this long, keeping what it read for the next run "
                     "(env CASECAT_FETCH_MAX_MINUTES)."),
        click.option("--wait", type=click.FloatRange(min=0), default=0, show_default=True,
                     help="Seconds to wait for another casecat run using the same folders (0: refuse at once)."),
    ]
    for option in reversed(options):
        func = option(func)
    return func


def _fetch(config: Config, wait: float = 0.0, **options) -> Path:
    """Runs the RT fetch into the cache (locked for the fetch); returns the raw file."""
    with lock.hold([options.get("cache_dir") or config.cache_dir], wait=wait):
        return _fetch_locked(config, **options)


def _fetch_locked(config: Config, rt_url, queue, api, cache_dir, rt_token, rt_user, rt_password, timeout,
                  full_fetch=False, reconcile_every=7, retry_minutes=5.0, retry_after_cap=300.0,
                  max_minutes=None) -> Path:
    from generator.rt.fetch import FetchError, RtAuth, fetch_queue
    from generator.rt.http import RetryPolicy
    from generator.rt.progress import ProgressLines

    if not rt_url:
        _fail("--rt-url (or RT_URL) is required to read from RT", 2)
    if not rt_token and not (rt_user and rt_password):
        _fail("RT credentials missing: set RT_TOKEN, or RT_USER and RT_PASSWORD", 2)

    progress = ProgressLines(lambda text: click.echo(text, err=True, nl=False), tty=sys.stderr.isatty())
    try:
        summary = fetch_queue(
            url=rt_url, queue=queue or config.queue, api=api,
            auth=RtAuth(token=rt_token, user=rt_user, password=rt_password), full=full_fetch,
            cache_dir=cache_dir or config.cache_dir, timeout=timeout, progress=progress,
            reconcile_every=reconcile_every,
            retry=RetryPolicy(budget=retry_minutes * 60, retry_after_cap=retry_after_cap),
            max_seconds=max_minutes * 60 if max_minutes else None,
        )
    except FetchError as exc:
        progress.end()
        _fail(f"fetch: {exc}")
    progress.end()
    kind = f"(full read: {summary.reason})" if summary.full else "(incremental: only what changed)"
    _log(f"{summary.line()} {kind}")
    for old, new in sorted(summary.renamed.items()):
        _log(f"owner renamed in RT: {old} -> {new}")
    return (cache_dir or config.cache_dir) / "raw.json"


@main.command()
@_rt_options
@click.pass_context
def fetch(ctx, **rt) -> None:
    """Read the RT queue into the private cache (incremental after the first run)."""
    _fetch(_config(ctx), **rt)


@main.command()
@click.option("--source", default="sample", show_default=True,
              help="'sample' (bundled synthetic queue), 'rt' (fetch first), 'cache' (last fetch), or a raw queue file.")
@click.option("--site-dir", type=click.Path(file_okay=False, path_type=Path), help="Where the site goes (default site/).")
@click.option("--overrides", type=click.Path(dir_okay=False, path_type=Path), default=Path("screening-overrides.yml"),
              show_default=True, help="Reviewed screening overrides (withhold ids, accepted fingerprints).")
@click.option("--allow-shrink", is_flag=True, envvar="CASECAT_ALLOW_SHRINK",
              help="Publish even if >10% of last time's cases would disappear (env CASECAT_ALLOW_SHRINK=true).")
@click.option("--force", is_flag=True, envvar="CASECAT_FORCE",
              help="Rebuild and report changed=true even if the public snapshot is unchanged (env CASECAT_FORCE=true).")
@click.option("--only-if-changed", is_flag=True, envvar="CASECAT_ONLY_IF_CHANGED",
              help="Build nothing when the public snapshot is the one published last, even without a site "
                   "folder (the nightly on a fresh runner: nothing would be deployed).")
@_rt_options
@click.pass_context
def build(ctx, source: str, site_dir: Path | None, overrides: Path, allow_shrink: bool, force: bool,
          only_if_changed: bool, **rt) -> None:
    """Fetch (with --source rt), screen, render, build and audit the site."""
    config = _config(ctx)
    if rt.get("cache_dir"):
        from dataclasses import replace

        config = replace(config, cache_dir=rt["cache_dir"])
    try:
        project_root = find_project_root([Path.cwd(), pipeline.PROJECT_ROOT])
    except ConfigError as exc:
        _fail(str(exc), 2)
    try:
        with lock.hold(pipeline.folders(config, site_dir or config.site_dir), wait=rt["wait"]):
            raw = _load(source, config, rt)
            withheld, accepted = load_overrides(overrides)
            salt = load_salt(config.cache_dir / "fingerprint-salt", os.environ.get("CASECAT_FINGERPRINT_SALT"))
            policy = Policy(withheld_cases=withheld, accepted=accepted, salt=salt)
            result = pipeline.build_site(raw, config, policy, site_dir=site_dir, project_root=project_root,
                                         allow_shrink=allow_shrink, force=force, only_if_changed=only_if_changed,
                                         log=_log)
            if source != "sample":  # the memo is of the queue the nightly reads
                remember_reading(raw, config.cache_dir / READING_MEMO_NAME)
        if os.environ.get("GITHUB_OUTPUT"):  # under GitHub Actions: the deploy job runs only if changed
            publish.write_github_output(Path(os.environ["GITHUB_OUTPUT"]), {
                "changed": result.changed, "publish_hash": result.publish["publish_hash"], "cases": result.cases,
                "quarantined": result.publish["quarantined"]})
    except pipeline.AuditFailed as exc:
        for finding in exc.findings:
            _log(f"audit: {finding.line()}")
        _fail(str(exc))
    except (pipeline.PipelineError, publish.PublishError, RawDataError, PolicyError) as exc:
        _fail(str(exc))
    timings = ", ".join(f"{k} {v:.1f}s" for k, v in result.seconds.items())
    done = "built" if result.rebuilt else "kept" if result.site_dir.is_dir() else "no site for"
    _log(f"{done} {result.cases} case pages ({result.withdrawn} withdrawn) in {result.site_dir}/ [{timings}]; "
         f"changed since the last publish: {'yes' if result.changed else 'no'}")
    if result.site_dir.is_dir():
        click.echo(f"site: {result.site_dir.resolve()}/index.html")


def _load(source: str, config: Config, rt: dict) -> RawQueue:
    if source == "sample":
        return load_sample()
    memo = config.cache_dir / READING_MEMO_NAME  # private, as the raw tickets are
    if source == "rt":
        return load_raw_queue(_fetch(config, **rt), memo=memo)
    if source == "cache":
        return load_raw_queue(config.cache_dir / "raw.json", memo=memo)
    return load_raw_queue(Path(source), memo=memo)


@main.command()
@click.argument("site_dir", type=click.Path(path_type=Path))
def audit(site_dir: Path) -> None:
    """Scan every file of a built site; exit 1 on any finding."""
    try:
        findings = audit_site(site_dir)
    except FileNotFoundError as exc:
        _fail(str(exc), 2)
    for finding in findings:
        click.echo(f"{finding.line()}")
    if findings:
        _fail(f"audit: {len(findings)} finding(s) in {site_dir}")
    click.echo(f"audit: {site_dir}: no findings")


# --- the private cache between runs (the nightly's actions/cache) ------------------------------------

#: the bookkeeping of what was published is not private (case ids, a hash) and is kept apart: the
#: nightly saves it only after a successful deploy, so it must not travel with the private cache
PUBLIC_CACHE_FILES = (publish.REGISTRY_NAME, publish.PUBLISHED_HASH_NAME)
DEFAULT_SEALED = Path(".casecat/sealed/cache.sealed")


@main.group()
def cache() -> None:
    """Seal the private cache into one encrypted file, or open it again (key: env CASECAT_CACHE_KEY)."""


def _cache_options(func):
    func = click.option("--sealed", "sealed_path", type=click.Path(dir_okay=False, path_type=Path),
                        default=DEFAULT_SEALED, show_default=True, help="The encrypted file.")(func)
    return click.option("--cache-dir", type=click.Path(file_okay=False, path_type=Path),
                        help="The private cache (default .casecat/cache).")(func)


@cache.command()
@_cache_options
@click.pass_context
def seal(ctx, cache_dir: Path | None, sealed_path: Path) -> None:
    """Encrypt the private cache into one file (without a key: remove it, cache nothing private)."""
    folder = cache_dir or _config(ctx).cache_dir
    secret = os.environ.get(sealing.KEY_ENV, "")
    if not secret.strip():
        sealed_path.unlink(missing_ok=True)
        _log(f"cache: no {sealing.KEY_ENV}: nothing private is kept for the next run, "
             "which will read the whole queue again")
        return
    if not folder.is_dir():
        sealed_path.unlink(missing_ok=True)
        _log(f"cache: {folder} does not exist: nothing to seal")
        return
    try:
        done = sealing.seal_folder(folder, sealed_path, secret, exclude=PUBLIC_CACHE_FILES)
    except sealing.SealError as exc:
        _fail(f"cache: {exc}", 2)
    except OSError as exc:
        _fail(f"cache: cannot seal {folder} into {sealed_path}: {exc.strerror or exc}")
    _log(f"cache: sealed {len(done.files)} file(s) of {folder} into {done.path} "
         f"({done.size} bytes, AES-256-GCM): {', '.join(done.files) or 'none'}")


@cache.command()
@_cache_options
@click.pass_context
def unseal(ctx, cache_dir: Path | None, sealed_path: Path) -> None:
    """Decrypt the sealed cache into the cache folder; one that does not open is ignored (a full fetch)."""
    folder = cache_dir or _config(ctx).cache_dir
    secret = os.environ.get(sealing.KEY_ENV, "")
    full = "this run reads the whole queue"
    if not secret.strip():
        _log(f"cache: no {sealing.KEY_ENV}: no private cache is kept between runs; {full}")
        return
    if not sealed_path.is_file():
        _log(f"cache: no sealed cache at {sealed_path} (a first run, or unused for 7 days); {full}")
        return
    try:
        names = sealing.unseal_folder(sealed_path, folder, secret)
    except sealing.CannotOpen as exc:
        _log(f"cache: warning: the sealed cache is ignored: {exc}; {full}")
        return
    except sealing.SealError as exc:
        _fail(f"cache: {exc}", 2)
    except OSError as exc:
        _fail(f"cache: cannot read {sealed_path}: {exc.strerror or exc}")
    _log(f"cache: opened {sealed_path} into {folder}: {', '.join(names) or 'no files'}")


@main.command()
@click.option("--dev-addr", default="127.0.0.1:8000", show_default=True)
@click.pass_context
def serve(ctx, dev_addr: str) -> None:
    """Live preview of the last build, search included (run `casecat build` first)."""
    from generator import preview

    build_dir = _config(ctx).build_dir
    config_file, snapshot = build_dir / "mkdocs.yml", build_dir / "public" / "snapshot.json"
    for needed in (config_file, snapshot):
        if not needed.exists():
            _fail(f"{needed} not found: run `casecat build` first", 2)
    try:
        preview.serve(config_file, snapshot, dev_addr)
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
