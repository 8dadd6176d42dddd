"""Build benchmark (issue 7): the whole casecat build against a bare MkDocs build of the same pages.

For each size N a synthetic queue (``make_queue(N, seed)``) is built in a private folder
(``build/bench/<N>/``: the shared build/ and site/ folders are never touched):

* **ours**: a fresh Python process runs what ``casecat build`` runs (load the raw file, then
  ``pipeline.build_site``: screen, render, mkdocs, audit, swap) and reports each stage's
  seconds, its own peak RSS after each stage (a high-water mark: the stage that raises it is
  the one that needs it) and the peak RSS of its subprocesses (mkdocs, the search indexer);
* **bare**: ``mkdocs build`` of the same ``build/docs`` with plain Material and its built-in
  search (no casecat: no screening, no render, no theme overrides, no audit), in its own
  process, timed and measured the same way (``os.wait4``);
* **nightly**: ``casecat build`` run again on the same queue (the CLI, as the nightly job runs
  it): nothing changed, so it must not rebuild.

Ours and bare run alternately ``repeat`` times and the fastest of each counts (on a shared
machine the minimum is the least noisy estimate); ratios are computed within the run.
"""

from __future__ import annotations

import gzip
import json
import os
import re
import resource
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
STAGES = ("load", "screen", "render", "mkdocs", "search", "audit")
SEARCH_BUDGET = 1_000_000  # bytes a reader downloads before the first search result
_ARTICLE = re.compile(rb"<article\b.*?</article>", re.S)


def _mib(kib: int) -> float:
    return kib / 1024


def _tree_bytes(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def _run_measured(cmd: list[str], env: dict | None = None, cwd: Path | None = None,
                  stdout=subprocess.DEVNULL) -> tuple[float, int, int, bytes]:
    """Runs cmd; (wall seconds, exit status, peak RSS KiB of it and its children, stdout)."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, cwd=cwd, stdout=stdout, stderr=subprocess.PIPE)
    out = proc.stdout.read() if proc.stdout else b""
    err = proc.stderr.read()
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    seconds = time.perf_counter() - start
    if proc.returncode != 0:
        tail = err.decode(errors="replace").strip().splitlines()[-8:]
        raise RuntimeError(f"{' '.join(cmd[:4])}... failed ({proc.returncode}): " + " | ".join(tail))
    return seconds, proc.returncode, usage.ru_maxrss, out


# --- the child: one real build, measured from inside ----------------------------------------


def child(queue_file: Path, work: Path) -> dict:
    """Runs load + pipeline.build_site like the CLI does; returns seconds and peak RSS."""
    from generator import pipeline
    from generator.config import Config
    from generator.rt.source import load_raw_queue
    from generator.screening.policy import Policy

    peaks: dict[str, int] = {}

    def high_water() -> int:
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss

    # The high-water mark after each in-process stage: wrap the stage functions the pipeline calls.
    for stage, name in (("screen", "screen_queue"), ("render", "write_pages"), ("audit", "audit_site")):
        fn = getattr(pipeline, name, None)
        if fn is None:
            continue

        def wrapped(*args, _fn=fn, _stage=stage, **kwargs):
            try:
                return _fn(*args, **kwargs)
            finally:
                peaks[_stage] = high_water()

        setattr(pipeline, name, wrapped)

    start = time.perf_counter()
    raw = load_raw_queue(queue_file)
    load_seconds = time.perf_counter() - start
    peaks["load"] = high_water()
    config = Config(cache_dir=work / "cache", build_dir=work / "build", site_dir=work / "site",
                    reports_dir=work / "reports")
    result = pipeline.build_site(raw, config, Policy(salt=b"bench-salt"), allow_shrink=True)
    seconds = {"load": round(load_seconds, 3), **result.seconds}
    return {
        "seconds": seconds,
        "peak_kib_after": peaks,
        "peak_kib_self": high_water(),
        "peak_kib_children": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss,
        "cases": result.cases,
        "pages": result.pages,
    }


# --- the parent: sizes, bare baseline, nightly ----------------------------------------------


@dataclass
class SizeResult:
    cases: int
    ours: dict = field(default_factory=dict)  # seconds per stage, total, peaks
    bare: dict = field(default_factory=dict)
    nightly: dict = field(default_factory=dict)
    sizes: dict = field(default_factory=dict)  # output bytes
    search: dict = field(default_factory=dict)
    case_page: dict = field(default_factory=dict)

    @property
    def total(self) -> float:
        return self.ours["total_seconds"]

    @property
    def ratio(self) -> float:
        return self.total / self.bare["seconds"]

    @property
    def peak_kib(self) -> int:
        return max(self.ours["peak_kib_self"], self.ours["peak_kib_children"])


def bare_config(work: Path) -> Path:
    """Plain Material with its built-in search over the same docs; the project's nav and
    Markdown extensions (so the same pages are built), nothing of casecat's."""
    import yaml

    project = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    config = {
        "site_name": project.get("site_name", "bare"),
        "docs_dir": str((work / "build" / "docs").resolve()),
        "use_directory_urls": True,
        "theme": {"name": "material", "font": False},
        "plugins": ["search"],
        "nav": project.get("nav"),
        "markdown_extensions": project.get("markdown_extensions", []),
    }
    path = work / "bare-mkdocs.yml"
    path.write_text(yaml.safe_dump(config, sort_keys=True), encoding="utf-8")
    return path


def search_payload(site: Path) -> dict:
    """Bytes a reader downloads before the first search result (an upper bound from the files)."""
    if (site / "search" / "manifest.json").is_file():  # casecat's chunked index
        from generator.site.search import first_result_bytes

        return {"engine": "casecat", **first_result_bytes(site)}
    pagefind = site / "pagefind"
    if pagefind.is_dir():
        def size(pattern: str) -> list[int]:
            return sorted((p.stat().st_size for p in pagefind.glob(pattern)), reverse=True)

        # the UI and its stylesheet, the engine, its wasm, the entry and the language's meta
        # file; then for a one-word query one index chunk (the largest, as a bound) and the
        # fragments of the first page of results (the UI shows 5; the 5 largest, as a bound)
        fixed = sum(size("pagefind-ui.js") + size("pagefind-ui.css") + size("pagefind.js")
                    + size("pagefind-entry.json") + size("wasm.*.pagefind")[:1] + size("*.pf_meta")[:1])
        chunk = (size("index/*.pf_index") or [0])[0]
        fragments = sum(size("fragment/*.pf_fragment")[:5])
        total = fixed + chunk + fragments
        index_files = len(list(pagefind.glob("index/*"))) + len(list(pagefind.glob("fragment/*")))
        return {"engine": "pagefind", "first_result_bytes": total, "fixed_bytes": fixed,
                "largest_chunk_bytes": chunk, "fragments_bytes": fragments, "files": index_files,
                "total_index_bytes": _tree_bytes(pagefind)}
    index = site / "search" / "search_index.json"
    if index.is_file():
        worker = sum(p.stat().st_size for p in (site / "assets" / "javascripts" / "workers").glob("search*.js"))
        return {"engine": "material", "first_result_bytes": index.stat().st_size + worker,
                "total_index_bytes": index.stat().st_size}
    return {"engine": "none", "first_result_bytes": 0, "total_index_bytes": 0}


def case_page_sizes(site: Path, case_id: int = 1) -> dict:
    """A case page's bytes, and its bytes outside <article> (the theme's frame: what grows
    with the number of cases if navigation lists every page)."""
    page = site / "cases" / str(case_id) / "index.html"
    if not page.is_file():
        return {}
    data = page.read_bytes()
    return {"id": case_id, "bytes": len(data), "frame_bytes": len(_ARTICLE.sub(b"", data, count=1))}


def run_size(n: int, *, seed: int = 0, repeat: int = 1, workroot: Path, log=print) -> SizeResult:
    from devtools.synthetic import make_queue, write_queue

    work = workroot / str(n)
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    queue_file = work / "queue.json"
    start = time.perf_counter()
    write_queue(make_queue(n, seed), queue_file, indent=None)
    log(f"  {n} cases: synthetic queue written in {time.perf_counter() - start:.1f}s "
        f"({queue_file.stat().st_size / 1e6:.1f} MB raw)")
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONHASHSEED="0")
    python = sys.executable
    result = SizeResult(n)
    bare_yml = None
    ours_runs, bare_runs = [], []
    for attempt in range(repeat):
        shutil.rmtree(work / "cache", ignore_errors=True)  # a first build, never an "unchanged" skip
        wall, _, peak, out = _run_measured([python, "-m", "bench.bench_build", "--child", str(queue_file), str(work)],
                                           env=env, cwd=ROOT, stdout=subprocess.PIPE)
        run = json.loads(out.decode().strip().splitlines()[-1])
        run["wall_seconds"] = round(wall, 3)
        run["total_seconds"] = round(sum(run["seconds"].values()), 3)
        ours_runs.append(run)
        log(f"  {n} cases: ours #{attempt + 1}: {run['total_seconds']:.1f}s "
            f"({', '.join(f'{k} {v:.1f}' for k, v in run['seconds'].items())})")
        bare_yml = bare_yml or bare_config(work)
        shutil.rmtree(work / "bare-site", ignore_errors=True)
        seconds, _, bare_peak, _ = _run_measured(
            [python, "-m", "mkdocs", "build", "-q", "-f", str(bare_yml), "-d", str(work / "bare-site")],
            env=env, cwd=ROOT)
        bare_runs.append({"seconds": round(seconds, 3), "peak_kib": bare_peak})
        log(f"  {n} cases: bare #{attempt + 1}: {seconds:.1f}s")
    result.ours = min(ours_runs, key=lambda r: r["total_seconds"])
    result.ours["runs"] = [r["total_seconds"] for r in ours_runs]
    result.bare = min(bare_runs, key=lambda r: r["seconds"])
    result.bare["runs"] = [r["seconds"] for r in bare_runs]
    result.bare["peak_kib"] = max(r["peak_kib"] for r in bare_runs)
    result.bare["site_bytes"] = _tree_bytes(work / "bare-site")
    result.bare["search"] = search_payload(work / "bare-site")

    site = work / "site"
    result.sizes = {"raw_bytes": queue_file.stat().st_size, "docs_bytes": _tree_bytes(work / "build" / "docs"),
                    "site_bytes": _tree_bytes(site), "site_files": sum(1 for p in site.rglob("*") if p.is_file())}
    result.search = search_payload(site)
    result.case_page = case_page_sizes(site)
    result.nightly = nightly(work, queue_file, env)
    log(f"  {n} cases: nightly (unchanged) {result.nightly.get('seconds', 0):.1f}s, "
        f"rebuilt: {result.nightly.get('rebuilt')}")
    shutil.rmtree(work / "bare-site", ignore_errors=True)
    return result


def nightly(work: Path, queue_file: Path, env: dict) -> dict:
    """`casecat build` again on the same queue, through the CLI: nothing changed."""
    import yaml

    settings = work / "casecat.yml"
    settings.write_text(yaml.safe_dump({"cache_dir": str(work / "cache"), "build_dir": str(work / "build"),
                                        "site_dir": str(work / "site"), "reports_dir": str(work / "reports")}),
                        encoding="utf-8")
    # the child's build used a fixed salt; the CLI reads it from the cache or the environment
    env = dict(env, CASECAT_FINGERPRINT_SALT="bench-salt")
    # `python -m generator` is `casecat` (run from ROOT it builds with this tree's code)
    cmd = [sys.executable, "-m", "generator", "--config", str(settings), "build", "--source", str(queue_file), "--allow-shrink",
           "--overrides", str(work / "no-overrides.yml")]
    publish = work / "reports" / "publish.json"
    note = ""
    for attempt in range(2):
        try:
            seconds, _, peak, _ = _run_measured(cmd, env=env, cwd=ROOT)
        except RuntimeError as exc:
            return {"error": str(exc)}
        rebuilt = json.loads(publish.read_text()).get("rebuilt") if publish.is_file() else None
        if rebuilt is not True:
            break
        # the site's inputs (templates, code) may have been edited while the bench ran
        note = "the first rerun rebuilt (site inputs changed during the bench?); measured the second"
    return {"seconds": round(seconds, 3), "peak_kib": peak, "rebuilt": rebuilt, "note": note}


def main_child(argv: list[str]) -> int:
    queue_file, work = Path(argv[0]), Path(argv[1])
    print(json.dumps(child(queue_file, work)))
    return 0


if __name__ == "__main__":
    if sys.argv[1:2] == ["--child"]:
        sys.exit(main_child(sys.argv[2:]))
    sys.exit("usage: python -m bench [--sizes '100 1000']  (this module is run by bench/__main__.py)")
