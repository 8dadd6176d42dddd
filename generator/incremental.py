"""Incremental builds: a night's cost follows what changed, and the site is the same, byte for
byte, as a build from scratch of the same snapshot.

What a build keeps for the next one (public, all of it: the nightly caches it):

* the docs folder (``build/docs``) and beside it ``docs-state.json``: the digest of each file's
  render inputs (``render.Renderer.digest``). A page whose digest is unchanged is not rendered
  again. While the folder is being written the state file is absent, so a build killed half
  way leaves a folder the next build renders anew;
* the site itself, and beside it ``.<site>.build.json`` (``SiteState``): the digests the site
  was built from, and the sha256 of every file in it, each of which passed the audit (the
  ledger, ``generator.ledger``). A build whose site inputs (templates, mkdocs.yml, docs/, the
  renderer's code, package versions, SITE_URL: ``publish.site_inputs_hash``) are those of the
  kept site, and whose kept site is file for file what its state says, builds only the pages
  whose digest changed (``Changes``); anything else is a full build.

An incremental build starts its staging folder as hard links to the kept site, and replaces
files there only by renaming new ones over them (``render.write_file``, ``os.replace``), never
by writing into them: the kept site is never touched.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from generator.site import urls
from generator.site.render import Page, Renderer, write_file
from generator.site.shards import html_of

SITE_STATE_FORMAT = "casecat-site-state/1"
DOCS_STATE_FORMAT = "casecat-docs-state/1"
DOCS_STATE_NAME = "docs-state.json"


# --- the states ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class SiteState:
    """What a built site was made from, and what it holds."""

    inputs: str  # the site inputs' hash
    pages: dict[str, str]  # path under the docs folder -> digest, for every file of it
    files: dict[str, str]  # path under the site -> sha256, for every file of it
    audit: str  # the version of the audit that found every one of those files clean

    def text(self) -> str:
        return json.dumps({"format": SITE_STATE_FORMAT, "inputs": self.inputs, "audit": self.audit,
                           "pages": self.pages, "files": self.files}, indent=0, sort_keys=True) + "\n"


def kept_artefacts(site_dir: Path, build_dir: Path) -> list[Path]:
    """What a build keeps for the next one (the nightly caches exactly these): all public."""
    return [site_dir, site_state_path(site_dir), build_dir / "docs", build_dir / DOCS_STATE_NAME]


def site_state_path(site_dir: Path) -> Path:
    """Beside the site, not in it: it is bookkeeping, never published."""
    return site_dir.parent / f".{site_dir.name}.build.json"


def _read_json(path: Path, fmt: str) -> dict | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) and data.get("format") == fmt else None


def read_site_state(site_dir: Path) -> SiteState | None:
    """The kept site's state, or None when it is missing or unreadable (then: a full build)."""
    data = _read_json(site_state_path(site_dir), SITE_STATE_FORMAT)
    try:
        return SiteState(str(data["inputs"]), dict(data["pages"]), dict(data["files"]), str(data["audit"]))
    except (TypeError, KeyError, ValueError):
        return None


def file_hashes(folder: Path) -> dict[str, str]:
    """sha256 of every file under ``folder``, by its path relative to it."""
    hashes = {}
    for root, dirs, files in os.walk(folder):
        dirs.sort()
        for name in sorted(files):
            path = Path(root, name)
            with path.open("rb") as handle:
                hashes[path.relative_to(folder).as_posix()] = hashlib.file_digest(handle, "sha256").hexdigest()
    return hashes


def kept_site(site_dir: Path, inputs: str) -> SiteState | None:
    """The state of ``site_dir`` when an incremental build may start from it: made with these
    site inputs, and file for file what its state says (a site edited by hand, or half
    swapped, is built again from scratch)."""
    state = read_site_state(site_dir)
    if state is None or state.inputs != inputs or not (site_dir / "index.html").is_file():
        return None
    return state if file_hashes(site_dir) == state.files else None


# --- what changed -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Changes:
    """Files of the docs folder whose output differs from the kept site's, and files gone."""

    full: bool
    changed: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)

    @classmethod
    def between(cls, digests: dict[str, str], kept: SiteState | None) -> Changes:
        if kept is None:
            return cls(True, sorted(digests))
        return cls(False, sorted(p for p, d in digests.items() if kept.pages.get(p) != d),
                   sorted(p for p in kept.pages if p not in digests))


# --- the docs folder ----------------------------------------------------------------------------


def handwritten_digests(handwritten: Path) -> dict[str, str]:
    """The hand-written files of the docs folder, by the sha256 of their bytes."""
    return {rel: "h" + digest for rel, digest in file_hashes(handwritten).items()}


def update_docs(pages: list[Page], renderer: Renderer, handwritten: Path, docs_dir: Path,
                inputs: str) -> tuple[dict[str, str], int]:
    """Brings the docs folder to this plan: renders the pages whose digest differs from the ones
    the folder holds (all of them when the site inputs changed or the folder's state is gone),
    copies the hand-written files, removes what the plan no longer has. Returns every file's
    digest and how many files were written."""
    digests = handwritten_digests(handwritten)
    digests.update((page.path, renderer.digest(page)) for page in pages)
    state_file = docs_dir.parent / DOCS_STATE_NAME
    old = _read_json(state_file, DOCS_STATE_FORMAT)
    held: dict[str, str] = {}
    if old is not None and old.get("inputs") == inputs and isinstance(old.get("pages"), dict) and docs_dir.is_dir():
        held = old["pages"]
    else:
        shutil.rmtree(docs_dir, ignore_errors=True)
    state_file.unlink(missing_ok=True)  # absent while the folder is being written
    for rel in sorted(set(held) - set(digests)):
        remove_file(docs_dir, rel)
    written = 0
    for rel in sorted(r for r, d in digests.items() if d.startswith("h") and held.get(r) != d):
        write_file(docs_dir / rel, (handwritten / rel).read_bytes())
        written += 1
    for page in pages:
        if held.get(page.path) != digests[page.path]:
            write_file(docs_dir / page.path, renderer.render(page))
            written += 1
    write_file(state_file, json.dumps({"format": DOCS_STATE_FORMAT, "inputs": inputs, "pages": digests},
                                      indent=0, sort_keys=True) + "\n")
    return digests, written


def remove_file(root: Path, rel: str) -> None:
    """Removes a file and the folders it leaves empty (a build from scratch would not have them)."""
    path = root / rel
    path.unlink(missing_ok=True)
    for parent in path.parents:
        if parent == root or not parent.is_relative_to(root):
            break
        try:
            parent.rmdir()
        except OSError:  # not empty (or already gone)
            break


# --- the site -----------------------------------------------------------------------------------


def link_tree(source: Path, dest: Path) -> None:
    """``dest`` as a tree of hard links to the files of ``source`` (copies where a link fails)."""
    for root, _dirs, files in os.walk(source):
        target = dest / Path(root).relative_to(source)
        target.mkdir(parents=True, exist_ok=True)
        for name in files:
            try:
                os.link(Path(root, name), target / name)
            except OSError:
                shutil.copy2(Path(root, name), target / name)


def outputs_of(rel: str) -> str:
    """Where a file of the docs folder ends up in the site."""
    return html_of(rel) if rel.endswith(".md") else rel


def sitemap_entries(pages: list[Page], handwritten: Path) -> list[tuple[str, datetime | None]]:
    """The pages a sitemap lists: the generated ones a crawler may index, and the hand-written ones."""
    entries = [(urls.page_url(p.path), p.lastmod) for p in pages if p.indexed]
    entries += [(urls.page_url(rel), None) for rel in sorted(file_hashes(handwritten)) if rel.endswith(".md")]
    return entries


def put_files(staging: Path, files: dict[str, bytes], known: dict[str, str]) -> dict[str, str]:
    """Writes the files whose bytes differ from ``known`` (``{path: sha256}``) into ``staging``;
    returns the sha256 of every one of them."""
    hashes = {}
    for rel, data in files.items():
        digest = hashlib.sha256(data).hexdigest()
        if known.get(rel) != digest:
            write_file(staging / rel, data)
        hashes[rel] = digest
    return hashes


@dataclass(frozen=True)
class Assembled:
    """A staging folder holding the whole new site."""

    changes: Changes
    files: dict[str, str]  # path -> sha256 of every file of the staging folder
    engine_pages: int  # pages the engine built


def assemble(staging: Path, site_dir: Path, kept: SiteState | None, digests: dict[str, str], docs_dir: Path,
             generated, engine) -> Assembled:
    """The new site in ``staging``: from scratch without a kept site; else hard links to the kept
    site, with the outputs of the files that changed replaced and those of the files gone
    removed. ``generated()``: the files casecat makes from all the pages after the engine (the
    search index, the sitemap); ``engine(pages, statics, dest, keep)``: the engine's build
    of some Markdown pages (``build.build_pages``)."""
    changes = Changes.between(digests, kept)
    pages = [rel for rel in changes.changed if rel.endswith(".md")]
    statics = sorted(rel for rel in digests if not rel.endswith(".md"))
    shutil.rmtree(staging, ignore_errors=True)
    if kept is None:
        staging.mkdir(parents=True)
        engine(pages, statics, staging, None)
        for rel in statics:
            target = staging / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(docs_dir / rel, target)
        put_files(staging, generated(), {})
        return Assembled(changes, file_hashes(staging), len(pages))

    link_tree(site_dir, staging)
    files = dict(kept.files)
    for rel in changes.removed:
        remove_file(staging, outputs_of(rel))
        files.pop(outputs_of(rel), None)
    wanted = {html_of(rel) for rel in pages}
    written = engine(pages, statics, staging, wanted.__contains__) if pages else []
    for rel in [r for r in changes.changed if not r.endswith(".md")]:
        write_file(staging / rel, (docs_dir / rel).read_bytes())
        written.append(rel)
    for rel in written:
        with (staging / rel).open("rb") as handle:
            files[rel] = hashlib.file_digest(handle, "sha256").hexdigest()
    made = generated()
    for rel in [r for r in files if r.startswith(GENERATED) and r not in made]:
        remove_file(staging, rel)
        del files[rel]
    files.update(put_files(staging, made, kept.files))
    return Assembled(changes, dict(sorted(files.items())), len(pages))


#: what casecat writes into the site after the engine, from all the pages at once
GENERATED = ("search/", "sitemap.xml")
