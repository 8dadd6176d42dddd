"""An MkDocs hook for casecat's own engine processes (``shards``): the theme's templates compiled
once and kept, rather than compiled again by every engine process of every build (casecat's
page templates are kept the same way: ``bytecode_cache``).

Compiling the Material templates was about a third of an engine process's CPU time on a night's
shard of ~20 pages (0.42 -> 0.27 s). Jinja's bytecode cache keeps each template's compiled code under
its name, checked against the sha1 of the template's source and Jinja's bytecode version, so an
edited template is compiled afresh and the pages are the same, byte for byte, with or without
it. The folder comes from ``CASECAT_TEMPLATE_CACHE`` (no variable: no cache); each Jinja and
Python version has a folder of its own in it, and the other versions' are removed.

The theme's files are listed without walking its hidden folders: MkDocs lists every file of
the theme and then drops the hidden ones (Material's ~14,000 icons under ``.icons/``, matched
pattern by pattern), 0.05-0.15 s of each engine process; ``add_files_from_theme`` here gives it a
listing whose walk skips those folders, which its own filter drops anyway ('.*', '*/.*'), so the
theme files it adds are the same, in the same order.

MkDocs loads this file by its path (``hooks:`` of the shards' configurations only: the
``build/mkdocs.yml`` a person builds by hand has no hook), so it imports nothing of casecat's.
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

CACHE_VARIABLE = "CASECAT_TEMPLATE_CACHE"


def cache_folder(root: Path) -> Path:
    """The folder of this Jinja and this Python under ``root``."""
    import jinja2  # here: casecat's processes import this module for its names, the engine's alone need Jinja

    return root / f"jinja-{jinja2.__version__}-py{sys.version_info[0]}.{sys.version_info[1]}"


def on_env(env, config, files):
    root = os.environ.get(CACHE_VARIABLE)
    if root:
        env.bytecode_cache = bytecode_cache(Path(root))
    return env


def bytecode_cache(root: Path):
    """Jinja's cache in files under ``root`` (this Jinja's and Python's folder; the other
    versions' removed), where a file that cannot be read back (cut short, damaged) is a template
    to compile again, as a missing one is (Jinja's own raises for some such files). For the
    engine's theme, and for casecat's own page templates (``pages.template_env``)."""
    from jinja2 import FileSystemBytecodeCache

    folder = cache_folder(root)
    folder.mkdir(parents=True, exist_ok=True)
    for other in root.iterdir():  # another version's (the processes of one build share this one)
        if other != folder:
            shutil.rmtree(other, ignore_errors=True)

    class Kept(FileSystemBytecodeCache):
        def load_bytecode(self, bucket) -> None:
            try:
                super().load_bytecode(bucket)
            except Exception:  # noqa: BLE001 (any damage: compiled again, the file replaced)
                bucket.reset()

    return Kept(str(folder))


class _Listing:
    """A Jinja ``FileSystemLoader``'s ``list_templates`` (the same names, sorted) that does not
    walk hidden folders."""

    def __init__(self, loader) -> None:
        self.searchpath = list(loader.searchpath)
        self.followlinks = bool(getattr(loader, "followlinks", False))

    def list_templates(self) -> list[str]:
        found = set()
        for searchpath in self.searchpath:
            for dirpath, dirs, filenames in os.walk(searchpath, followlinks=self.followlinks):
                dirs[:] = [d for d in dirs if not d.startswith(".")]
                for filename in filenames:
                    name = os.path.join(dirpath, filename)[len(searchpath):].strip(os.sep).replace(os.sep, "/")
                    found.add(name[2:] if name[:2] == "./" else name)
        return sorted(found)


def listing_hidden_folders_skipped(add_files_from_theme):
    """MkDocs' ``Files.add_files_from_theme`` run over ``_Listing`` (the environment's own loader
    is put back after: the pages are rendered with it)."""

    def add(self, env, config):
        from jinja2 import FileSystemLoader

        loader = env.loader
        if type(loader) is not FileSystemLoader:  # not what MkDocs makes: left as it is
            return add_files_from_theme(self, env, config)
        env.loader = _Listing(loader)
        try:
            return add_files_from_theme(self, env, config)
        finally:
            env.loader = loader

    add.casecat_listing = True
    return add


def on_startup(command, dirty):
    from mkdocs.structure.files import Files

    if not getattr(Files.add_files_from_theme, "casecat_listing", False):
        Files.add_files_from_theme = listing_hidden_folders_skipped(Files.add_files_from_theme)
