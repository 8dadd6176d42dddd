"""Rendering pages one by one: each page of the docs folder as a ``Page`` (what it is made from),
its digest, and its text only when it is wanted.

``pages.plan_pages`` says which pages the site has and what each is made from; a ``Renderer``
gives each page's digest (``digest``) and renders it (``render``). A build that kept the last
docs folder renders only the pages whose digest changed (``write_docs``); a build from scratch
renders them all, with the same bytes.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import jinja2
from markupsafe import Markup

from generator import forked
from generator.model import PublicCase
from generator.site import urls
from generator.site.digest import Digester
from generator.site.text import front_matter


@dataclass(frozen=True)
class Page:
    """One file of the docs folder, before it is rendered.

    A themed page has a ``template`` rendered with ``inputs`` (or with ``context(inputs)``, when
    the template needs values derived from them: the digest covers the inputs, the derivation is
    code); any other file has its ``content`` already.
    """

    path: str  # under the docs folder
    template: str | None = None
    meta: dict = field(default_factory=dict)
    inputs: dict = field(default_factory=dict)
    context: Callable[..., dict] | None = None
    content: str | bytes | None = None
    #: the date a crawler may take as the page's last change (sitemap); None: not given
    lastmod: datetime | None = None
    #: front matter made from the inputs, after ``meta``, when the page is rendered (as
    #: ``context``: the digest covers the inputs; a page that is not rendered costs nothing)
    meta_of: Callable[..., dict] | None = None

    def file_content(self) -> str | bytes:
        """The content of a page that is not themed (made with it)."""
        if self.content is None:
            raise ValueError(f"{self.path}: a page with neither a template nor a content")
        return self.content

    @property
    def themed(self) -> bool:
        return self.template is not None

    @property
    def indexed(self) -> bool:
        """Listed in the sitemap: a themed page that is not a forward or a withdrawal notice."""
        return self.themed and self.meta.get("robots") != "noindex"


class RowCache:
    """Each case's row of the case tables, rendered once per page depth and table variant and
    reused by every table that lists the case (all cases, its status, year, VOs, centres and
    disciplines). A row shows its own case only, so the pages listing it digest it already.

    ``kept``: the rows of the last build (``load_rows``), by ``row_key``: the digest of the row's
    case (its fields and what its names link to: ``Digester.case``), the depth and the variant.
    Equal keys render equal rows (the templates are the same: the rows are kept only with the
    same site inputs), so a kept row is used as it is; a changed case has another digest and is
    rendered. ``made``: every row this process used, by the same key, for the next build."""

    def __init__(self, env: jinja2.Environment, links, digest: Callable[[object], bytes] | None = None,
                 kept: Mapping[str, str] | None = None):
        self.template = env.get_template("_case_row.html.j2")
        self.links = links
        self.digest = digest
        self.kept = kept or {}
        self.made: dict[str, str] = {}
        self.rows: dict[tuple[int, str, str], Markup] = {}

    def __call__(self, case, root: str, variant: str = "list") -> Markup:
        key = (case.id, root, variant)
        row = self.rows.get(key)
        if row is None:
            memo = row_key(self.digest(case), root, variant) if self.digest is not None else None
            text = self.kept.get(memo) if memo is not None else None
            if text is None:
                text = self.template.render(case=case, root=root, url=self.links, variant=variant).strip()
            if memo is not None:
                self.made[memo] = text
            row = self.rows[key] = Markup(text)
        return row


def row_key(case_digest: bytes, root: str, variant: str) -> str:
    return f"{case_digest.hex()} {variant} {root}"


class Renderer:
    """Digests and renders the pages of one plan. ``links`` is the site's link table (``pages.Links``):
    each page is rendered with it restricted to the cases the page's inputs hold."""

    def __init__(self, env: jinja2.Environment, links, linked: tuple[type, ...] = (),
                 digester: Digester | None = None):
        self.env = env
        self.links = links
        self.digester = digester or Digester(links.entries, (PublicCase, *linked))
        self.rows = RowCache(env, links, self.digester.case)
        self._cases: dict[str, list] = {}

    def digest(self, page: Page) -> str:
        if not page.themed:
            content = page.file_content()
            data = content.encode("utf-8") if isinstance(content, str) else content
            return "f" + hashlib.sha256(data).hexdigest()
        digest, cases = self.digester.page(page.path, page.template, page.meta, page.inputs)
        self._cases[page.path] = cases
        return "t" + digest

    def render(self, page: Page) -> str | bytes:
        if not page.themed:
            return page.file_content()
        cases = self._cases.pop(page.path, None)
        if cases is None:
            cases = self.digester.page(page.path, page.template, page.meta, page.inputs)[1]
        context = page.context(**page.inputs) if page.context else page.inputs
        body = self.env.get_template(page.template or "").render(
            root=urls.root_of(page.path), url=self.links.restricted(cases), case_row=self.rows, **context)
        # generated pages have no Markdown headings, so the theme's table of contents would be an
        # empty column: it is hidden (``hide: [toc]``); the body is one HTML block (``rawpage``)
        meta = {**page.meta, **page.meta_of(**page.inputs)} if page.meta_of else page.meta
        return front_matter(hide=["toc"], **meta) + '<div class="cc-page">\n' + body.strip() + "\n</div>\n"


def write_file(path: Path, content: str | bytes) -> None:
    """Writes a file under a temporary name and renames it into place: a file that other folders
    share by hard link (the build's page folders) is replaced, never changed in place."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    if isinstance(content, str):
        tmp.write_text(content, encoding="utf-8")
    else:
        tmp.write_bytes(content)
    os.replace(tmp, path)


#: from this many pages to render on, a second process renders half of them
PARALLEL_FROM = 400


def render_files(renderer: Renderer, pages: list[Page], docs_dir: Path,
                 on_disk: Mapping[str, str] | None = None, before_fork: Callable[[], object] | None = None
                 ) -> dict[str, str]:
    """Renders the pages into ``docs_dir`` (a file already there with the sha256 ``on_disk``
    gives for its path is left as it is); returns each page's path -> the sha256 of its bytes.

    Many pages are rendered on two cores: a forked process (it starts with the plan and the
    templates loaded, nothing to send) renders every other page, this one the rest. Each page is
    rendered from its own inputs, so the files are the same as from one process.
    ``before_fork``: waits for the caller's other threads (a fork copies none of them, and a lock
    one of them held, in the hashing library say, would stay locked in the copy)."""
    on_disk = on_disk or {}
    if len(pages) < PARALLEL_FROM or not forked.can_fork():
        return _render_into(renderer, pages, docs_dir, on_disk)
    def work(part: Sequence[Page]) -> tuple[dict[str, str], dict[str, str]]:
        # the rows a process made come back with its files: the helper's are kept for the next build too
        return _render_into(renderer, part, docs_dir, on_disk), renderer.rows.made

    (mine, _), (theirs, rows) = forked.in_two(work, pages, before_fork=before_fork, name="render helper")
    renderer.rows.made.update(rows)
    return mine | theirs


def _render_into(renderer: Renderer, pages: Sequence[Page], docs_dir: Path, on_disk: Mapping[str, str]) -> dict[str, str]:
    contents: dict[str, str] = {}
    for page in pages:
        text = renderer.render(page)
        data = text.encode("utf-8") if isinstance(text, str) else text
        contents[page.path] = digest = hashlib.sha256(data).hexdigest()
        if on_disk.get(page.path) != digest:
            write_file(urls.inside(docs_dir, page.path), data)
    return contents


def write_docs(renderer: Renderer, pages: Iterable[Page], out_docs: Path, wanted=None) -> list[str]:
    """Renders and writes the pages (those whose path ``wanted`` accepts, when given); returns
    the paths written."""
    written = []
    for page in pages:
        if wanted is None or wanted(page.path):
            write_file(urls.inside(out_docs, page.path), renderer.render(page))
            written.append(page.path)
    return written
