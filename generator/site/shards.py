"""Building many pages on every core: the pages are split into shards, each built by its own
engine process (``mkdocs build``) from a folder of its own pages, and the outputs merged.

A shard's folder holds its pages (hard links to the docs folder, nothing copied), the pages the
navigation names, and every other file of the docs folder for links to find, the generated ones
excluded from the build (``exclude_docs``): casecat copies those itself. A page's HTML depends on
the page and the navigation only, so a page comes out of any shard byte for byte as it comes
out of a build of all pages; ``merge`` checks that the files two shards both wrote (the theme's
assets, the 404 page) are the same. The navigation shows each of its pages by the title it gives
it, never by the page's body: a shard that does not deliver one of them builds a stand-in with
its front matter and no body (``stand_in``; the list of all cases alone is megabytes at 10,000
cases, which every shard built and finished again).

Each shard runs in a worker process (``python -m generator.site.shards``) that runs the engine
and then ``postbuild.finish_files`` on its pages, so the finishing uses both cores too. The
workers may be started before the pages are rendered (``Engines``): a worker imports the engine
(``PRELOAD``) and then waits for its shard, and runs MkDocs in a process forked from itself, with
MkDocs' own command line, instead of starting a Python and importing it again after the render.
"""

from __future__ import annotations

import contextlib
import importlib
import json
import os
import queue
import shutil
import subprocess
import sys
import tempfile
import threading
import traceback
from dataclasses import dataclass
from pathlib import Path

import yaml

from generator.site import engine_hook, postbuild, urls

#: the engine: MkDocs, or a drop-in that takes the same command line (``python -m properdocs``)
ENGINE = (sys.executable, "-m", "mkdocs")
#: below this many pages a second engine process costs more than it saves (its start, the theme)
SHARD_FROM = 300
#: the hook that keeps the theme's compiled templates between engine processes (``engine_hook``)
ENGINE_HOOK = Path(__file__).resolve().parent / "engine_hook.py"
#: files the engine writes that casecat writes itself, from all the pages
ENGINE_ONLY = frozenset({"sitemap.xml", "sitemap.xml.gz"})


#: what an engine process imports whatever it builds: a worker started ahead (``Engines``) imports
#: it while casecat renders the pages, on the core the render leaves free
PRELOAD = ("mkdocs.__main__", "mkdocs.commands.build", "mkdocs.config.defaults", "mkdocs.structure.nav",
           "mkdocs.structure.pages", "markdown.extensions.toc", "markdown.extensions.attr_list",
           "markdown.extensions.codehilite", "jinja2")
#: the variables a worker's job sets for its engine (the rest of its environment is the one it
#: was started with)
JOB_VARIABLES = ("SOURCE_DATE_EPOCH", engine_hook.CACHE_VARIABLE)


class ShardError(RuntimeError):
    """An engine or worker process failed; one line with the end of its output."""


def html_of(md_path: str) -> str:
    """Where the engine writes a Markdown page (``use_directory_urls``)."""
    return urls.page_url(md_path) + "index.html"


def nav_pages(project_config: Path) -> list[str]:
    """The Markdown pages the navigation of mkdocs.yml names."""
    config = yaml.safe_load(project_config.read_text(encoding="utf-8")) or {}
    found: list[str] = []

    def walk(items) -> None:
        for item in items or ():
            value = next(iter(item.values())) if isinstance(item, dict) else item
            if isinstance(value, list):
                walk(value)
            elif isinstance(value, str) and value.endswith(".md") and "://" not in value:
                found.append(value)

    walk(config.get("nav"))
    return found


def split(pages: list[str], sizes: dict[str, int], count: int) -> list[list[str]]:
    """``pages`` in ``count`` shards of about equal bytes (largest first to the lightest shard);
    the same pages always give the same shards."""
    shards: list[list[str]] = [[] for _ in range(count)]
    load = [0] * count
    for page in sorted(pages, key=lambda p: (-sizes.get(p, 0), p)):
        lightest = min(range(count), key=lambda i: (load[i], i))
        shards[lightest].append(page)
        load[lightest] += sizes.get(page, 0) + 4096  # a page costs its frame whatever its size
    return [sorted(s) for s in shards if s]


def _link(source: Path, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.link(source, target)
    except OSError:  # another file system, or no hard links there
        shutil.copyfile(source, target)


@dataclass(frozen=True)
class Shard:
    folder: Path
    pages: tuple[str, ...]  # Markdown pages whose HTML this shard delivers
    nav: tuple[str, ...] = ()  # the navigation's pages, which every shard builds too
    #: the navigation's pages this shard does not deliver: built from their stand-ins, never moved
    stand_ins: tuple[str, ...] = ()

    @property
    def docs(self) -> Path:
        return self.folder / "docs"

    @property
    def out(self) -> Path:
        return self.folder / "site"

    @property
    def config(self) -> Path:
        return self.folder / "mkdocs.yml"


#: the generated files that are not pages (forward pages, exports, the feed) stay out of an
#: engine's build, where links still find them: casecat copies them itself, only those that
#: changed (by suffix: a pattern that matched the theme's own files would keep them out too)
EXCLUDE_STATICS = "*.html\n*.json\n*.csv\n*.xml\n"


def prepare(docs_dir: Path, pages: list[str], nav: list[str], statics: list[str], work: Path,
            count: int) -> list[Shard]:
    """The shards' folders under ``work`` (their configurations are the caller's)."""
    shutil.rmtree(work, ignore_errors=True)
    sizes = {p: (docs_dir / p).stat().st_size for p in pages}
    shards = []
    for n, members in enumerate(split(pages, sizes, count)):
        stand_ins = tuple(p for p in dict.fromkeys(nav) if p not in members)
        shard = Shard(work / str(n), tuple(members), tuple(nav), stand_ins)
        for rel in dict.fromkeys([*members, *nav, *statics]):
            if rel in stand_ins:
                target = shard.docs / rel
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(stand_in((docs_dir / rel).read_bytes()))
            else:
                _link(docs_dir / rel, shard.docs / rel)
        shards.append(shard)
    return shards


def stand_in(page: bytes) -> bytes:
    """A Markdown page as the navigation sees it: its front matter (title, meta) without its body."""
    if page.startswith(b"---\n"):
        end = page.find(b"\n---\n", 3)
        if end >= 0:
            return page[:end + 5]
    return b""


def _start_worker(preload: bool) -> subprocess.Popen:
    """A worker process, waiting for its job on its standard input (``preload``: importing the
    engine meanwhile)."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    for name in JOB_VARIABLES:  # the job's: a worker started ahead does not know them yet
        env.pop(name, None)
    cmd = [sys.executable, "-m", "generator.site.shards", *(["--preload"] if preload else [])]
    return subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            env=env, text=True)


class Engines:
    """Worker processes started ahead of their shards (before the pages are rendered), each
    importing the engine while it waits: ``run`` gives them their shards (and starts more if
    there are more shards); those it does not need end when closed."""

    def __init__(self, count: int) -> None:
        self._idle = [_start_worker(preload=True) for _ in range(count)]

    def take(self) -> subprocess.Popen | None:
        return self._idle.pop(0) if self._idle else None

    def close(self) -> None:
        """Ends the workers no shard was given (an empty job: they exit at once)."""
        idle, self._idle = self._idle, []
        for proc in idle:
            _end(proc)

    def __enter__(self) -> Engines:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def _end(proc: subprocess.Popen) -> None:
    with contextlib.suppress(OSError):
        if proc.stdin is not None:
            proc.stdin.close()
    with contextlib.suppress(OSError):
        if proc.stderr is not None:
            proc.stderr.read()
            proc.stderr.close()
    proc.wait()


def run(shards: list[Shard], source_date: int | None, engine=ENGINE, built=None,
        template_cache: Path | None = None, engines: Engines | None = None) -> None:
    """Builds every shard at once (one worker process each) and waits for all of them;
    ``built(folder)`` is called (in this thread) with each shard's output folder as soon as its
    worker is done, in the order they end (its files are final then, and only moved later; the
    pages built from stand-ins are gone from it). ``template_cache``: the folder of the theme's
    compiled templates, for shards whose configuration has the ``ENGINE_HOOK``; ``engines``:
    workers started ahead, given the first shards."""
    variables: dict[str, str | None] = dict.fromkeys(JOB_VARIABLES)
    if template_cache is not None:
        variables[engine_hook.CACHE_VARIABLE] = str(template_cache.resolve())
    if source_date is not None:
        variables["SOURCE_DATE_EPOCH"] = str(source_date)
    workers = []
    for shard in shards:
        # absolute: the engine reads a relative site folder as relative to its configuration
        job = {"engine": list(engine), "config": str(shard.config.resolve()), "out": str(shard.out.resolve()),
               "pages": [html_of(p) for p in dict.fromkeys([*shard.pages, *shard.nav]) if p not in shard.stand_ins],
               "env": variables}
        proc = (engines.take() if engines is not None else None) or _start_worker(preload=False)
        assert proc.stdin is not None and proc.stderr is not None  # both are pipes (``_start_worker``)
        proc.stdin.write(json.dumps(job))
        proc.stdin.close()
        workers.append(proc)
    # each worker waited for in a thread, and told of as it ends: a shard done early has its
    # output audited on the core it freed while the other is still building
    ended: queue.SimpleQueue = queue.SimpleQueue()

    def wait(n: int, proc: subprocess.Popen) -> None:
        err = proc.stderr.read() if proc.stderr else ""
        ended.put((n, proc.wait(), err))

    for n, proc in enumerate(workers):
        threading.Thread(target=wait, args=(n, proc), name=f"shard {n}", daemon=True).start()
    errors: dict[int, str] = {}
    for _ in workers:
        n, code, err = ended.get()
        if code != 0:
            errors[n] = " | ".join(line for line in err.strip().splitlines()[-5:])
            continue
        for page in shards[n].stand_ins:  # built for the navigation only: never delivered nor audited
            (shards[n].out / html_of(page)).unlink(missing_ok=True)
        if built is not None and not errors:
            built(shards[n].out)
    if errors:
        raise ShardError(errors[min(errors)])


def merge(shards: list[Shard], dest: Path, keep=None) -> list[str]:
    """Moves the shards' files into ``dest`` (only those ``keep`` accepts, when given; never the
    engine's sitemap); returns them. A file two shards both wrote must be the same in both."""
    moved: dict[str, Path] = {}
    for shard in shards:
        for path in sorted(p for p in shard.out.rglob("*") if p.is_file()):
            rel = path.relative_to(shard.out).as_posix()
            if rel in ENGINE_ONLY or (keep is not None and not keep(rel)):
                continue
            if rel in moved:
                if moved[rel].read_bytes() != path.read_bytes():
                    raise ShardError(f"{rel} differs between two shards of one build")
                continue
            target = dest / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            os.replace(path, target)
            moved[rel] = target
    return sorted(moved)


def _worker(preload: bool) -> None:
    """One shard: the engine into its folder, then casecat's finishing of its pages (``preload``:
    the engine imported first, while the job is not there yet; an empty job: nothing to do)."""
    if preload:
        for name in PRELOAD:
            importlib.import_module(name)
    text = sys.stdin.read()
    if not text.strip():
        return
    job = json.loads(text)
    for name, value in job.get("env", {}).items():
        if value is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = value
    args = ["build", "--strict", "--quiet", "-f", job["config"], "-d", job["out"]]
    if job["engine"] == list(ENGINE) and hasattr(os, "fork"):  # (elsewhere: MkDocs started as a process)
        code, out, err = _engine_forked(args)
    else:
        proc = subprocess.run([*job["engine"], *args], capture_output=True, text=True)
        code, out, err = proc.returncode, proc.stdout, proc.stderr
    if code != 0:
        lines = (err or out).strip().splitlines()
        # a crash (a full disk, say) ends with the exception: that line says it all
        tail = lines[-1] if any(line.startswith("Traceback") for line in lines) else " | ".join(lines[-5:])
        sys.exit(f"mkdocs build failed (exit {code}): {tail}")
    try:
        postbuild.finish_files(Path(job["out"]), job["pages"])
    except postbuild.PostBuildError as exc:
        sys.exit(str(exc))


def _engine_forked(args: list[str]) -> tuple[int, str, str]:
    """``python -m mkdocs ARGS`` in a process forked from this one, where MkDocs is imported
    already: the same command line, environment and working directory, its output captured
    (exit code, standard output, standard error) as ``subprocess.run`` captures a process's."""
    import mkdocs.__main__ as engine_main

    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        sys.stdout.flush()
        sys.stderr.flush()
        pid = os.fork()
        if pid == 0:  # the engine's process
            code = 1
            try:
                os.dup2(out.fileno(), 1)
                os.dup2(err.fileno(), 2)
                sys.argv = [engine_main.__file__, *args]  # as `python -m mkdocs` sets it
                code = _exit_code(lambda: engine_main.cli.main(args=args, prog_name="python -m mkdocs"))
            finally:
                with contextlib.suppress(BaseException):
                    sys.stdout.flush()
                    sys.stderr.flush()
                os._exit(code)
        _, status = os.waitpid(pid, 0)
        out.seek(0)
        err.seek(0)
        return (os.waitstatus_to_exitcode(status), out.read().decode(errors="replace"),
                err.read().decode(errors="replace"))


def _exit_code(main) -> int:
    """The exit code of a Python process whose main is ``main()``: 0, a ``SystemExit``'s code (its
    text written to standard error), or 1 with the traceback of an exception."""
    try:
        main()
    except SystemExit as exc:
        if exc.code is None or isinstance(exc.code, int):
            return exc.code or 0
        print(exc.code, file=sys.stderr)
        return 1
    except BaseException:  # noqa: BLE001 (reported as the interpreter reports it)
        traceback.print_exc()
        return 1
    return 0


if __name__ == "__main__":
    _worker(preload="--preload" in sys.argv[1:])
