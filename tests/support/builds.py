"""Queues, projects and previous sites for the tests of whole builds."""

from __future__ import annotations

import gzip
import json
import shutil
from pathlib import Path

from devtools.synthetic import make_queue, write_queue
from support.cli import tree_state

ROOT = Path(__file__).resolve().parent.parent.parent


def raw_queue(tmp_path: Path, n: int = 12, *, keep: int | None = None, name: str = "queue.json",
              fetched_at: str | None = None, edit=None) -> Path:
    """A synthetic queue as RT would give it (source "rt"), the first ``keep`` tickets of it."""
    data = make_queue(n, seed=7)
    data["source"] = "rt"
    data["tickets"] = data["tickets"][:keep]
    if fetched_at:
        data["fetched_at"] = fetched_at
    if edit:
        edit(data)
    path = tmp_path / name
    try:
        write_queue(data, path)
    except UnicodeEncodeError:  # a lone surrogate: written as RT's JSON would, as an escape
        path.write_text(json.dumps(data, ensure_ascii=True, indent=1), encoding="utf-8")
    return path


def previous_site(site: Path) -> dict[str, tuple[bytes, int]]:
    """Stands for the site published last time."""
    (site / "cases" / "1").mkdir(parents=True)
    (site / "index.html").write_text("<p>the site published last night</p>\n")
    (site / "cases" / "1" / "index.html").write_text("<p>case 1</p>\n")
    (site / "sitemap.xml.gz").write_bytes(gzip.compress(b"<urlset/>", mtime=0))
    return tree_state(site)


def project_copy(tmp_path: Path) -> Path:
    """A copy of what the build reads from the project (mkdocs.yml, templates, docs), to break."""
    root = tmp_path / "project"
    root.mkdir()
    shutil.copy(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copytree(ROOT / "templates", root / "templates")
    shutil.copytree(ROOT / "docs", root / "docs")
    return root


def no_leftovers(site: Path) -> None:
    """No staging or old site beside it (its lock file stays: see generator/lock.py)."""
    assert not [p.name for p in site.parent.iterdir()
                if p.name.startswith(f".{site.name}.") and p.name not in (f".{site.name}.lock",
                                                                          f".{site.name}.manifest.json")]


def publish_report(folder: Path) -> dict:
    return json.loads((folder / "reports" / "publish.json").read_text())
