"""Incremental builds: a night's cost follows what changed, and the site is the same, byte for
byte, as a build from scratch of the same snapshot.

What a build keeps for the next one (public, all of it: the nightly caches it):

* the docs folder (``build/docs``) and beside it ``docs-state.json``: for each file the digest of
  its render inputs (``render.Renderer.digest``) and the sha256 of its text. A page whose digest
  is unchanged is not rendered again. While the folder is being written the state file is
  absent, so a build killed half way leaves a folder the next build renders anew;
* the site itself, and beside it its manifest (``publish.manifest_path``, with this module's
  ``SiteState`` in it): the sha256 of each docs file the site was built from (a page rendered
  again to the same text is not built again), and the sha256 of every file of the site, each of
  which passed the audit (the ledger, ``generator.ledger``). A build whose site inputs (templates, mkdocs.yml, docs/, the
  renderer's code, package versions, SITE_URL: ``publish.site_inputs_hash``) are those of the
  kept site, and whose kept site is file for file what its state says, builds only the pages
  whose digest changed (``Changes``); anything else is a full build.

An incremental build stages only the files that are new or changed, audits those, and then
brings the kept site to the new one (``apply``): the files that go are removed, the staged ones
renamed over the old. The manifest is removed first and written last, so a build stopped half
way leaves a site that no manifest describes, which the next build builds from scratch.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from generator.hashes import file_hashes_apart
from generator.kept import read as read_kept
from generator.kept import write as write_kept
from generator.publish import MANIFEST_FORMAT, file_hashes, manifest_path
from generator.site import fieldtables, urls
from generator.site.render import Page, Renderer, render_files, write_file
from generator.site.shards import html_of

DOCS_STATE_FORMAT = "casecat-docs-state/1"
DOCS_STATE_NAME = "docs-state.json"
#: each case's search token weights, and what the index was made from (``search_update.index_files``)
SEARCH_WEIGHTS_NAME = "search-weights.marshal"
#: each case's row of the case tables, by the row's render digest (``render.RowCache``)
CASE_ROWS_NAME = "case-rows.marshal"
CASE_ROWS_FORMAT = "casecat-case-rows/1"
#: each case's record of cases.json and line of cases.csv, by the case's digest (``exports.CaseExports``)
CASE_EXPORTS_NAME = "case-exports.marshal"
CASE_EXPORTS_FORMAT = "casecat-case-exports/1"
#: each ticket's screened public outcome, by a digest of what it is made from (``screening.memo``)
SCREENING_MEMO_NAME = "screening-memo.marshal"
#: the parts of the site's large files found clean, by each file's bytes (``audit.known``)
KNOWN_PARTS_NAME = "known-parts"
#: the templates as Jinja compiled them: the theme's in the engine, casecat's pages' (``site.engine_hook``)
TEMPLATE_CACHE_NAME = "template-cache"


# --- the states ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class SiteState:
    """What a built site was made from, and what it holds."""

    inputs: str  # the site inputs' hash
    pages: dict[str, str]  # path under the docs folder -> sha256, for every file it was built from
    files: dict[str, str]  # path under the site -> sha256, for every file of it
    audit: str  # the version of the audit that found every one of those files clean

    def extra(self) -> dict:
        """What the manifest holds beside the files (``publish.manifest_text``)."""
        return {"inputs": self.inputs, "audit": self.audit, "pages": self.pages}


def kept_artefacts(site_dir: Path, build_dir: Path) -> list[Path]:
    """What a build keeps for the next one (the nightly caches exactly these): all public, and all
    data. The templates Jinja compiled (``TEMPLATE_CACHE_NAME``) are code: they stay on the machine
    that made them and never travel through a shared cache, whose entry would run in the nightly
    with its secrets."""
    return [site_dir, manifest_path(site_dir), build_dir / "docs", build_dir / DOCS_STATE_NAME,
            build_dir / SEARCH_WEIGHTS_NAME, build_dir / SCREENING_MEMO_NAME, build_dir / KNOWN_PARTS_NAME,
            build_dir / CASE_ROWS_NAME, build_dir / CASE_EXPORTS_NAME]


def _read_json(path: Path, fmt: str) -> dict | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) and data.get("format") == fmt else None


def read_site_state(site_dir: Path) -> SiteState | None:
    """The kept site's state, or None when it is missing or unreadable (then: a full build)."""
    data = _read_json(manifest_path(site_dir), MANIFEST_FORMAT)
    if data is None:
        return None
    try:
        return SiteState(str(data["inputs"]), dict(data["pages"]), dict(data["files"]), str(data["audit"]))
    except (TypeError, KeyError, ValueError):
        return None


def kept_site(site_dir: Path, inputs: str, audit: str) -> SiteState | None:
    """The state of ``site_dir`` when an incremental build may start from it: made with these
    site inputs, audited with this audit (``ledger.audit_version``), and file for file what its
    manifest says (a site edited by hand, or half swapped, is built again from scratch). Every
    file is read and hashed, in a process of its own (it runs beside the render:
    ``hashes.file_hashes_apart``)."""
    state = read_site_state(site_dir)
    if state is None or (state.inputs, state.audit) != (inputs, audit) or not (site_dir / "index.html").is_file():
        return None
    return state if file_hashes_apart(site_dir) == state.files else None


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


def handwritten_bytes(path: Path) -> bytes:
    """A hand-written file as the docs folder has it: a page's field-table placeholders filled."""
    data = path.read_bytes()
    if path.suffix == ".md" and fieldtables.PLACEHOLDER.encode() in data:
        return fieldtables.fill(data.decode("utf-8"), str(path)).encode("utf-8")
    return data


def update_docs(pages: list[Page], renderer: Renderer, handwritten: Path, docs_dir: Path,
                inputs: str, before_fork: Callable[[], object] | None = None) -> tuple[dict[str, str], int]:
    """Brings the docs folder to this plan: renders the pages whose render digest differs from
    the one the folder's page was rendered with (all of them when the site inputs changed or the
    folder's state is gone: ``render.render_files``, which calls ``before_fork`` before it forks),
    copies the hand-written files, removes what the plan no longer has.
    Returns the sha256 of every file of the folder, what the engine builds from (a page rendered
    again to the same text is not built again), and how many files were rendered or copied."""
    digests = handwritten_digests(handwritten)
    digests.update((page.path, renderer.digest(page)) for page in pages)
    state_file = docs_dir.parent / DOCS_STATE_NAME
    rows_file = docs_dir.parent / CASE_ROWS_NAME
    renderer.rows.kept = kept_rows = load_case_memo(rows_file, CASE_ROWS_FORMAT, inputs)
    old = _read_json(state_file, DOCS_STATE_FORMAT)
    held: dict[str, list[str]] = {}
    if old is not None and old.get("inputs") == inputs and isinstance(old.get("pages"), dict) and docs_dir.is_dir():
        held = old["pages"]
    else:
        shutil.rmtree(docs_dir, ignore_errors=True)
    state_file.unlink(missing_ok=True)  # absent while the folder is being written
    for rel in sorted(set(held) - set(digests)):
        remove_file(docs_dir, rel)
    contents: dict[str, str] = {}
    written = 0
    for rel in sorted(r for r, d in digests.items() if d.startswith("h")):
        if held.get(rel, [None])[0] != digests[rel]:
            write_file(docs_dir / rel, handwritten_bytes(handwritten / rel))
            written += 1
        contents[rel] = digests[rel][1:]
    changed = []
    for page in pages:
        before = held.get(page.path)
        if before is not None and before[0] == digests[page.path]:
            contents[page.path] = before[1]
        else:
            changed.append(page)
    contents.update(render_files(renderer, changed, docs_dir, {rel: before[1] for rel, before in held.items()},
                                 before_fork))
    written += len(changed)
    save_case_memo(rows_file, CASE_ROWS_FORMAT, inputs, kept_rows, renderer.rows.made,
                   renderer.digester.case_digests())
    pages_state = {rel: [digests[rel], contents[rel]] for rel in sorted(digests)}
    write_file(state_file, json.dumps({"format": DOCS_STATE_FORMAT, "inputs": inputs, "pages": pages_state},
                                      indent=0, sort_keys=True) + "\n")
    return dict(sorted(contents.items())), written


def load_case_memo(path: Path, fmt: str, inputs: str) -> dict:
    """What the last render with these site inputs kept of each case (the rows of the case
    tables, the records of the exports), by the case's digest first; empty when the file was made
    with other templates or code, or holds anything but texts."""
    kept = read_kept(path, fmt, inputs=inputs)

    def text(value) -> bool:
        return isinstance(value, str) or (isinstance(value, list) and all(isinstance(v, str) for v in value))

    return kept if all(text(v) for v in kept.values()) else {}


def save_case_memo(path: Path, fmt: str, inputs: str, kept: dict, made: dict, cases: set[str]) -> None:
    """For the next render: what was made now, and the kept entries of cases that are still as
    they were (``cases``: the digests of this build's cases; an entry of a case that changed or
    went is dropped, so the file does not grow). Not written again when that is what it holds."""
    memo = {key: value for key, value in kept.items() if key.partition(" ")[0] in cases}
    memo.update(made)
    if memo == kept:
        return
    write_kept(path, fmt, dict(sorted(memo.items())), inputs=inputs)


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
    """A staging folder holding the new site: all of it (a full build), or only the files that
    are new or changed (``partial``; ``apply`` then brings the kept site to it)."""

    changes: Changes
    files: dict[str, str]  # path -> sha256 of every file of the new site
    engine_pages: int  # pages the engine built
    partial: bool = False
    staged: tuple[str, ...] = ()  # partial: the files in the staging folder
    removed: tuple[str, ...] = ()  # partial: the kept site's files the new site no longer has


def _digest_of(path: Path) -> str:
    with path.open("rb") as handle:
        return hashlib.file_digest(handle, "sha256").hexdigest()


def linked_statics(docs_dir: Path, files: list[str], handwritten: list[str]) -> list[str]:
    """The files of the docs folder that are not pages and that a hand-written page may link
    (its text names them, from the docs folder's root or from the page's folder): what the
    engine needs to find for its link checks. Generated pages are HTML, whose links it does not
    check."""
    texts = [((docs_dir / rel).read_text(encoding="utf-8"), Path(rel).parent)
             for rel in handwritten if rel.endswith(".md")]
    found = []
    for rel in sorted(r for r in files if not r.endswith(".md")):
        for text, folder in texts:
            if rel in text or (folder.parts and Path(rel).is_relative_to(folder)
                               and Path(rel).relative_to(folder).as_posix() in text):
                found.append(rel)
                break
    return found


def assemble(staging: Path, site_dir: Path, kept: SiteState | None, contents: dict[str, str], docs_dir: Path,
             linked: list[str], generated, engine) -> Assembled:
    """The new site in ``staging`` from the docs folder (``contents``: the sha256 of each of its
    files): all of it without a kept site; else only the outputs of the files that changed, and
    the list of the kept files that go. ``generated()``: the files casecat makes from all the
    pages after the engine (the search index, the sitemap); ``engine(pages, statics, dest,
    keep)``: the engine's build of some Markdown pages (``build.build_pages``), ``linked`` being
    the other files its link checks need (``linked_statics``)."""
    changes = Changes.between(contents, kept)
    pages = [rel for rel in changes.changed if rel.endswith(".md")]
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir(parents=True)
    if kept is None:
        engine(pages, linked, staging, None)
        for rel in sorted(r for r in contents if not r.endswith(".md")):
            target = staging / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(docs_dir / rel, target)
        put_files(staging, generated(), {})
        return Assembled(changes, file_hashes(staging), len(pages))

    files = dict(kept.files)
    removed = [outputs_of(rel) for rel in changes.removed]
    wanted = {html_of(rel) for rel in pages}
    staged = engine(pages, linked, staging, wanted.__contains__) if pages else []
    for rel in [r for r in changes.changed if not r.endswith(".md")]:
        write_file(staging / rel, (docs_dir / rel).read_bytes())
        staged.append(rel)
    for rel in removed:
        files.pop(rel, None)
    for rel in list(staged):
        files[rel] = _digest_of(staging / rel)
        if kept.files.get(rel) == files[rel]:  # the same bytes: kept (and proven clean) as they are
            (staging / rel).unlink()
            staged.remove(rel)
    made = generated()
    for rel in [r for r in files if r.startswith(GENERATED) and r not in made]:
        removed.append(rel)
        del files[rel]
    for rel, digest in put_files(staging, made, kept.files).items():
        if kept.files.get(rel) != digest:
            staged.append(rel)
        files[rel] = digest
    return Assembled(changes, dict(sorted(files.items())), len(pages), True, tuple(sorted(set(staged))),
                     tuple(sorted(set(removed) - set(staged))))


def apply(staging: Path, site_dir: Path, assembled: Assembled) -> None:
    """Brings the kept site to a partial staging folder: renames the staged files over the old
    (each file is replaced whole), then removes the files that go (a site folder that refuses
    renames, a mount point say, refuses the first one and is left as it was). The manifest is
    removed first: a site left half way is not what any manifest says, so the next build starts
    from scratch."""
    manifest_path(site_dir).unlink(missing_ok=True)
    for rel in assembled.staged:
        target = site_dir / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        os.replace(staging / rel, target)
    for rel in assembled.removed:
        remove_file(site_dir, rel)


#: what casecat writes into the site after the engine, from all the pages at once
GENERATED = ("search/", "sitemap.xml")
