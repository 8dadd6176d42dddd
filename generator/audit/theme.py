"""Theme acceptance: a file whose bytes are exactly those of a file of the installed theme
packages is the theme's own, not ticket data (lunr's ``tinyseg.js`` names its author, a minified
bundle is full of random-looking names). Exact bytes only: an edited copy is read like any file."""

from __future__ import annotations

from functools import lru_cache
from importlib import util as importlib_util
from importlib.metadata import entry_points
from pathlib import Path

THEME_PACKAGES = ("material", "mkdocs")
_SHIPPED = {".js", ".css", ".json", ".html", ".txt", ".svg"}


@lru_cache(maxsize=1)
def _theme_files_by_size() -> dict[int, tuple[Path, ...]]:
    """The installed theme packages' files (the suffixes that can be shipped), by size: a stat
    each, no read."""
    by_size: dict[int, list[Path]] = {}
    for name in THEME_PACKAGES:
        spec = importlib_util.find_spec(name)
        if spec is None or not spec.submodule_search_locations:
            continue
        for root in spec.submodule_search_locations:
            for path in Path(root).rglob("*"):
                if path.suffix in _SHIPPED and path.is_file():
                    by_size.setdefault(path.stat().st_size, []).append(path)
    return {size: tuple(paths) for size, paths in by_size.items()}


@lru_cache(maxsize=1)
def _theme_dirs() -> tuple[Path, ...]:
    """The folders of the installed themes (MkDocs copies their static files to the same
    relative path in the site)."""
    dirs = []
    for ep in entry_points(group="mkdocs.themes"):
        if ep.value.split(".")[0] in THEME_PACKAGES:
            spec = importlib_util.find_spec(ep.value)
            if spec is not None and spec.submodule_search_locations:
                dirs += [Path(d) for d in spec.submodule_search_locations]
    return tuple(dirs)


def list_theme_files() -> None:
    """Lists the theme packages' files now (a process that will fork helpers: they start with
    the list)."""
    _theme_dirs()
    _theme_files_by_size()


def is_theme_file(data: bytes, rel: str = "") -> bool:
    """Are these bytes exactly those of a file of the installed theme packages? First the file
    at the same relative path in each theme (what MkDocs copied); else every theme file of the
    same size."""
    for theme in _theme_dirs() if rel else ():
        candidate = theme / rel
        if candidate.is_file() and candidate.stat().st_size == len(data) and candidate.read_bytes() == data:
            return True
    return any(path.read_bytes() == data for path in _theme_files_by_size().get(len(data), ()))


def is_theme_asset(rel: str) -> bool:
    """A file that can only come from a theme (checked by bytes before it is read as text)."""
    return rel.startswith(("assets/", "search/lunr", "search/worker", "search/main")) and Path(rel).suffix in _SHIPPED
