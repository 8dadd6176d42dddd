"""`casecat serve`: MkDocs' live preview of the last build, with casecat's search in it.

MkDocs serves from a temporary folder it rebuilds on every change, and casecat's chunked search
index is not made by MkDocs but from the public snapshot, after the build: so this module is also
a MkDocs hook (``on_post_build``) that writes the index from ``build/public/snapshot.json`` into
each preview build. The server runs in this process, not as a child: stopping `casecat serve`
(Ctrl-C, or SIGTERM from a process manager) stops MkDocs with it and removes its folder.
"""

from __future__ import annotations

import logging
import os
import signal
from pathlib import Path

from generator.screening.snapshot import read_snapshot
from generator.site.search import build_index, write_index

#: the public snapshot whose search index each preview build gets (set by ``serve`` for the hook)
SNAPSHOT_ENV = "CASECAT_PREVIEW_SNAPSHOT"

_index_cache: dict[tuple[str, int], dict[str, object]] = {}


def on_post_build(config, **kwargs) -> None:
    """MkDocs hook: the search index of the snapshot into the folder MkDocs just built."""
    snapshot = Path(os.environ[SNAPSHOT_ENV])
    key = (str(snapshot), snapshot.stat().st_mtime_ns)
    if key not in _index_cache:  # a rebuild after a template edit reuses it; a new build does not
        _index_cache.clear()
        _index_cache[key] = build_index(read_snapshot(snapshot))
    write_index(_index_cache[key], Path(config["site_dir"]))


def _stop(signum, frame) -> None:
    raise KeyboardInterrupt  # MkDocs' serve shuts its server down and removes its folder on this


def serve(config_file: Path, snapshot: Path, dev_addr: str) -> None:
    """Serves until interrupted (SIGINT, SIGTERM or SIGHUP)."""
    from mkdocs.commands.serve import serve as mkdocs_serve

    handler = logging.StreamHandler()  # MkDocs' own command line would set this up
    handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    os.environ[SNAPSHOT_ENV] = str(snapshot.resolve())
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    for signum in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(signum, _stop)
    mkdocs_serve(config_file=str(config_file), dev_addr=dev_addr, livereload=True,
                 hooks=[str(Path(__file__).resolve())])
