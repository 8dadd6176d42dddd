"""Build benchmark: casecat's full and incremental builds against a bare MkDocs build of the same
pages, per queue size.

For each size N a synthetic queue (``make_queue(N, seed)``) and the same queue the next night,
with 1% of its cases given a new reply (``next_night``), are built in a private folder
(``build/bench/<N>/``: the shared build/ and site/ folders are never touched):

* **full**: a fresh Python process runs what ``casecat build`` runs (load the raw file, then
  ``pipeline.build_site``: screen, render, build, audit, swap) with no site, no docs folder and
  no cache kept from before; it reports each stage's seconds, its own peak RSS after each stage,
  and the peak RSS of its largest subprocess (an engine shard, an audit helper);
* **bare**: ``mkdocs build`` of the same ``build/docs`` with plain Material and its built-in
  search (no casecat: no screening, no render, no theme overrides, no audit), one process,
  measured the same way (``os.wait4``);
* **incremental**: the next night's queue built over what the full build kept, then the first
  queue again over that (1% changed back): two incremental builds of the same size of change;
* **unchanged**: ``casecat build --only-if-changed`` on the queue last built, through the CLI as
  the nightly runs it: nothing changed, so nothing is screened or built.

The package is compiled to bytecode first, as an installation has it (``make venv``): no build
compiles it again, on a machine that sets PYTHONDONTWRITEBYTECODE as on one that does not.

Full and bare run alternately ``repeat`` times; every ratio is taken pair by pair within the run
(on a shared machine the speed drifts) and the median pair is reported, with the load average.
"""

from __future__ import annotations

import calendar
import compileall
import copy
import json
import os
import random
import re
import resource
import shutil
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
STAGES = ("load", "screen", "render", "build", "audit")
BUILD_STAGES = ("render", "build", "audit")
SEARCH_BUDGET = 1_000_000  # bytes a reader downloads before the first search result
CHANGED_SHARE = 0.01
_ARTICLE = re.compile(rb"<article\b.*?</article>", re.S)


def _tree_bytes(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


@dataclass(frozen=True)
class Measured:
    """A whole process, as the operating system accounts for it once it is reaped."""

    seconds: float  # wall
    cpu: float  # user + system seconds of it and every process it waited for
    peak_kib: int  # the largest single process among them
    out: bytes


def _run_measured(cmd: list[str], env: dict | None = None, cwd: Path | None = None,
                  stdout=subprocess.DEVNULL) -> Measured:
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, cwd=cwd, stdout=stdout, stderr=subprocess.PIPE)
    out = proc.stdout.read() if proc.stdout else b""
    err = proc.stderr.read()
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        tail = err.decode(errors="replace").strip().splitlines()[-8:]
        raise RuntimeError(f"{' '.join(cmd[:4])}... failed: " + " | ".join(tail))
    return Measured(seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss, out)


# --- the queue of the next night -----------------------------------------------------------------

REPLY = ("A short update on the plan: the test jobs ran on the allocated resources and the next step "
         "is agreed with the community.")


def next_night(data: dict, share: float = CHANGED_SHARE, seed: int = 5) -> dict:
    """The queue one day later, with ``share`` of its tickets given a reply from their owner."""
    night = copy.deepcopy(data)
    fetched = _ts(night["fetched_at"]) + 86400
    night["fetched_at"] = _iso(fetched)
    tickets = night["tickets"]
    txn_id = max(int(t["id"]) for e in tickets for t in e["transactions"])
    att_id = max((int(a["id"]) for e in tickets for a in e["attachments"]), default=0)
    rng = random.Random(seed)
    for entry in rng.sample(tickets, max(1, round(share * len(tickets)))):
        txn_id, att_id = txn_id + 1, att_id + 1
        when = _iso(fetched - 3600)
        ticket = entry["ticket"]
        entry["transactions"].append({
            "id": str(txn_id), "type": "transaction", "Type": "Correspond", "Created": when,
            "Creator": {k: v for k, v in ticket["Owner"].items() if k != "EmailAddress"},
            "Field": "", "OldValue": "", "NewValue": "", "Data": "", "ObjectId": ticket["id"], "ObjectType": "RT::Ticket",
        })
        entry["attachments"].append({
            "id": str(att_id), "type": "attachment", "TransactionId": str(txn_id), "ContentType": "text/plain",
            "Filename": "", "ContentLength": str(len(REPLY.encode())), "Created": when, "Subject": "", "Content": REPLY,
        })
        ticket["LastUpdated"] = when
    return night


def _ts(text: str) -> int:
    return calendar.timegm(time.strptime(text, "%Y-%m-%dT%H:%M:%SZ"))


def _iso(ts: int) -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(ts))


# --- the child: one real build, measured from inside ----------------------------------------


def child(queue_file: Path, work: Path) -> dict:
    """Runs load + pipeline.build_site like the CLI does (over whatever ``work`` kept); returns
    seconds per stage, peak RSS and what the build did."""
    from generator import pipeline
    from generator.config import Config
    from generator.rt.source import READING_MEMO_NAME, load_raw_queue, remember_reading
    from generator.screening.policy import Policy

    peaks: dict[str, int] = {}

    def high_water() -> int:
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss

    for name in ("screen", "render", "build", "audit"):
        fn = getattr(pipeline, name)

        def wrapped(*args, _fn=fn, _stage=name, **kwargs):
            try:
                return _fn(*args, **kwargs)
            finally:
                peaks[_stage] = high_water()

        setattr(pipeline, name, wrapped)

    config = Config(cache_dir=work / "cache", build_dir=work / "build", site_dir=work / "site",
                    reports_dir=work / "reports")
    start = time.perf_counter()
    raw = load_raw_queue(queue_file, memo=config.cache_dir / READING_MEMO_NAME)  # as the CLI reads it
    load_seconds = time.perf_counter() - start
    peaks["load"] = high_water()
    result = pipeline.build_site(raw, config, Policy(salt=b"bench-salt"), allow_shrink=True)
    remember_reading(raw, config.cache_dir / READING_MEMO_NAME)
    return {
        "seconds": {"load": round(load_seconds, 3), **result.seconds},
        "peak_kib_after": peaks,
        "peak_kib_self": high_water(),
        "peak_kib_children": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss,
        "cases": result.cases,
        "work": result.work,
    }


def run_child(queue_file: Path, work: Path, env: dict) -> dict:
    measured = _run_measured([sys.executable, "-m", "bench.bench_build", "--child", str(queue_file), str(work)],
                             env=env, cwd=ROOT, stdout=subprocess.PIPE)
    run = json.loads(measured.out.decode().strip().splitlines()[-1])
    run["wall_seconds"] = round(measured.seconds, 3)
    run["cpu_seconds"] = round(measured.cpu, 3)
    run["peak_kib"] = max(run["peak_kib_self"], run["peak_kib_children"], measured.peak_kib)
    run["total_seconds"] = round(sum(run["seconds"].values()), 3)
    run["build_seconds"] = round(sum(run["seconds"].get(s, 0) for s in BUILD_STAGES), 3)
    return run


# --- the parent: sizes, bare baseline, incremental nights, the unchanged night ---------------


@dataclass
class SizeResult:
    cases: int
    load: list[float] = field(default_factory=list)  # load average before each pair
    full: list[dict] = field(default_factory=list)
    bare: list[dict] = field(default_factory=list)
    incremental: list[dict] = field(default_factory=list)
    unchanged: dict = field(default_factory=dict)
    sizes: dict = field(default_factory=dict)  # output bytes
    search: dict = field(default_factory=dict)
    case_page: dict = field(default_factory=dict)

    @staticmethod
    def _median(values: list[float]) -> float:
        return statistics.median(values) if values else float("nan")

    @property
    def full_vs_bare(self) -> float:
        """Whole processes: casecat's full build (start to exit) / bare MkDocs (start to exit)."""
        return self._median([f["wall_seconds"] / b["seconds"] for f, b in zip(self.full, self.bare)])

    @property
    def full_vs_bare_cpu(self) -> float:
        """The same by CPU seconds (every process of each): the work, whatever the machine's load."""
        return self._median([f["cpu_seconds"] / b["cpu_seconds"] for f, b in zip(self.full, self.bare)])

    @property
    def peak_vs_bare(self) -> float:
        return self._median([f["peak_kib"] / b["peak_kib"] for f, b in zip(self.full, self.bare)])

    def incremental_vs_full(self, key: str) -> float:
        """An incremental night / the full build before it (``key``: "wall_seconds", the whole
        process; "build_seconds", render + build + audit)."""
        pairs = [(i[key], self.full[n // 2][key]) for n, i in enumerate(self.incremental)]
        return self._median([i / f for i, f in pairs])


def bare_config(work: Path) -> Path:
    """Plain Material with its built-in search over the same docs; the project's nav and
    Markdown extensions but casecat's own (so the same pages are built), nothing of casecat's."""
    import yaml

    project = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    extensions = [e for e in project.get("markdown_extensions", [])
                  if not str(next(iter(e)) if isinstance(e, dict) else e).startswith("generator.")]
    config = {
        "site_name": project.get("site_name", "bare"),
        "docs_dir": str((work / "build" / "docs").resolve()),
        "use_directory_urls": True,
        "theme": {"name": "material", "font": False},
        "plugins": ["search"],
        "nav": project.get("nav"),
        "markdown_extensions": extensions,
    }
    path = work / "bare-mkdocs.yml"
    path.write_text(yaml.safe_dump(config, sort_keys=True), encoding="utf-8")
    return path


def search_payload(site: Path) -> dict:
    """Bytes a reader downloads before the first search result (an upper bound from the files)."""
    if (site / "search" / "manifest.json").is_file():  # casecat's chunked index
        from generator.site.search import first_result_bytes

        return {"engine": "casecat", **first_result_bytes(site)}
    index = site / "search" / "search_index.json"
    if index.is_file():
        worker = sum(p.stat().st_size for p in (site / "assets" / "javascripts" / "workers").glob("search*.js"))
        return {"engine": "material", "first_result_bytes": index.stat().st_size + worker,
                "total_index_bytes": index.stat().st_size}
    return {"engine": "none", "first_result_bytes": 0, "total_index_bytes": 0}


def case_page_sizes(site: Path, case_id: int = 1) -> dict:
    """A case page's bytes, and its bytes outside <article> (the theme's frame)."""
    page = site / "cases" / str(case_id) / "index.html"
    if not page.is_file():
        return {}
    data = page.read_bytes()
    return {"id": case_id, "bytes": len(data), "frame_bytes": len(_ARTICLE.sub(b"", data, count=1))}


KEPT = ("cache", "build", "site", ".site.manifest.json", "reports")


def _clear(work: Path) -> None:
    for name in KEPT:
        path = work / name
        shutil.rmtree(path, ignore_errors=True) if path.is_dir() else path.unlink(missing_ok=True)


def run_size(n: int, *, seed: int = 0, repeat: int = 1, workroot: Path, log=print) -> SizeResult:
    from devtools.synthetic import make_queue, write_queue

    # the package's bytecode, as an installation has it (``make venv``, pip): every build below reads
    # it, none compiles the package's source (a machine with PYTHONDONTWRITEBYTECODE would, each run)
    compileall.compile_dir(ROOT / "generator", quiet=1)
    # ... and the screening's patterns and tables, as ``make venv`` makes them (``python -m generator.screening``)
    subprocess.run([sys.executable, "-m", "generator.screening"], check=True, cwd=ROOT)
    work = workroot / str(n)
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    queue_file, night_file = work / "queue.json", work / "queue-next-night.json"
    start = time.perf_counter()
    data = make_queue(n, seed)
    write_queue(data, queue_file, indent=None)
    write_queue(next_night(data), night_file, indent=None)
    del data
    log(f"  {n} cases: synthetic queues written in {time.perf_counter() - start:.1f}s "
        f"({queue_file.stat().st_size / 1e6:.1f} MB raw)")
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONHASHSEED="0")
    env.pop("SITE_URL", None)
    result = SizeResult(n)
    bare_yml = None
    for attempt in range(repeat):
        result.load.append(round(os.getloadavg()[0], 2))
        _clear(work)  # a build from scratch: nothing kept, never an "unchanged" skip
        full = run_child(queue_file, work, env)
        result.full.append(full)
        log(f"  {n} cases: full #{attempt + 1}: {full['wall_seconds']:.1f}s whole process "
            f"({', '.join(f'{k} {v:.1f}' for k, v in full['seconds'].items())}), peak {full['peak_kib'] / 1024:.0f} MiB")
        bare_yml = bare_yml or bare_config(work)
        shutil.rmtree(work / "bare-site", ignore_errors=True)
        bare = _run_measured(
            [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(bare_yml), "-d", str(work / "bare-site")],
            env=env, cwd=ROOT)
        result.bare.append({"seconds": round(bare.seconds, 3), "cpu_seconds": round(bare.cpu, 3),
                            "peak_kib": bare.peak_kib})
        log(f"  {n} cases: bare #{attempt + 1}: {bare.seconds:.1f}s, peak {bare.peak_kib / 1024:.0f} MiB")
        if attempt == 0:
            site = work / "site"
            result.sizes = {"raw_bytes": queue_file.stat().st_size, "docs_bytes": _tree_bytes(work / "build" / "docs"),
                            "site_bytes": _tree_bytes(site), "site_files": sum(1 for p in site.rglob("*") if p.is_file()),
                            "bare_site_bytes": _tree_bytes(work / "bare-site")}
            result.search = search_payload(site)
            result.case_page = case_page_sizes(site)
        shutil.rmtree(work / "bare-site", ignore_errors=True)
        for label, queue in (("next night", night_file), ("the night after", queue_file)):
            inc = run_child(queue, work, env)
            result.incremental.append(inc)
            log(f"  {n} cases: incremental ({label}): {inc['wall_seconds']:.1f}s whole process "
                f"({', '.join(f'{k} {v:.1f}' for k, v in inc['seconds'].items())}); {inc['work']}")
    result.unchanged = unchanged_night(work, queue_file, env)
    log(f"  {n} cases: unchanged night {result.unchanged.get('seconds', 0):.1f}s, "
        f"rebuilt: {result.unchanged.get('rebuilt')}")
    return result


def unchanged_night(work: Path, queue_file: Path, env: dict) -> dict:
    """`casecat build --only-if-changed` again on the queue last built, through the CLI: nothing
    changed."""
    import yaml

    settings = work / "casecat.yml"
    settings.write_text(yaml.safe_dump({"cache_dir": str(work / "cache"), "build_dir": str(work / "build"),
                                        "site_dir": str(work / "site"), "reports_dir": str(work / "reports")}),
                        encoding="utf-8")
    # the children's builds used a fixed salt; the CLI reads it from the cache or the environment
    env = dict(env, CASECAT_FINGERPRINT_SALT="bench-salt")
    # `python -m generator` is `casecat` (run from ROOT it builds with this tree's code)
    cmd = [sys.executable, "-m", "generator", "--config", str(settings), "build", "--source", str(queue_file),
           "--allow-shrink", "--only-if-changed", "--overrides", str(work / "no-overrides.yml")]
    publish = work / "reports" / "publish.json"
    try:
        measured = _run_measured(cmd, env=env, cwd=ROOT)
    except RuntimeError as exc:
        return {"error": str(exc)}
    report = json.loads(publish.read_text()) if publish.is_file() else {}
    return {"seconds": round(measured.seconds, 3), "cpu_seconds": round(measured.cpu, 3),
            "peak_kib": measured.peak_kib, "rebuilt": report.get("rebuilt"), "screened": report.get("screened")}


def main_child(argv: list[str]) -> int:
    queue_file, work = Path(argv[0]), Path(argv[1])
    print(json.dumps(child(queue_file, work)))
    return 0


if __name__ == "__main__":
    if sys.argv[1:2] == ["--child"]:
        sys.exit(main_child(sys.argv[2:]))
    sys.exit("usage: python -m bench [--sizes '1000 10000']  (this module is run by bench/__main__.py)")
