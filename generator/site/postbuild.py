"""What casecat adds to the files an engine built (MkDocs, or a drop-in such as ProperDocs): plain
files in, plain files out, so the engine needs no casecat plugin.

* ``finish_page``: every built page loses the indentation of the theme's templates (outside
  ``pre``, ``textarea`` and ``script``: the same document, about a fifth smaller, which adds up
  over 10,000 case pages) and gets its Content-Security-Policy first in ``<head>``. The policy
  allows the theme's inline scripts by hash: the plain ``<script>`` elements of the theme's frame,
  never one inside the page's content area (``<article>``), and only scripts the theme puts on
  its own 404 page, built from no ticket data at all (``frame_reference``): a script anywhere
  else fails the build instead of being vouched for by the page that carries it.
* ``sitemap_files``: ``sitemap.xml`` and ``sitemap.xml.gz`` made from the pages casecat rendered,
  so a build of some pages and a build of all give the same bytes (MkDocs' own lists only the
  pages of its run).
"""

from __future__ import annotations

import gzip
import re
import xml.etree.ElementTree as ET
from datetime import datetime
from pathlib import Path

from generator.site import csp

_KEEP = re.compile(r"(<(pre|textarea|script)\b.*?</\2>)", re.S | re.I)
_INDENT = re.compile(r"[ \t]*\n\s*")
_HEAD = "<head>"
#: the one part of the theme's inline scripts that depends on the page: the site root as seen
#: from the page (Material's ``__md_scope=new URL("../..",location)``)
_SCOPE = re.compile(r'new URL\("[^"\\]*",location\)')
SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
NOT_FOUND = "404.html"


class PostBuildError(RuntimeError):
    """A built page that casecat will not publish; one line."""


def compact_html(html: str) -> str:
    """Each run of whitespace holding a line break becomes one line break, except inside
    ``pre``, ``textarea`` and ``script``; a browser renders the result exactly alike."""
    parts = _KEEP.split(html)
    out = []
    # split() with two groups yields: text, whole kept element, its tag name, text, ...
    for i in range(0, len(parts), 3):
        out.append(_INDENT.sub("\n", parts[i]))
        if i + 1 < len(parts):
            out.append(parts[i + 1])
    return "".join(out).lstrip()


def frame_scripts(html: str) -> list[str]:
    """The plain inline scripts of a page outside its content area (``<article>``)."""
    start, end = html.find("<article"), html.rfind("</article>")
    frame = html if start < 0 or end < start else html[:start] + html[end:]
    return csp.inline_scripts(frame)


def _shape(script: str) -> str:
    return _SCOPE.sub('new URL(ROOT,location)', script)


def frame_reference(not_found_html: str) -> frozenset[str]:
    """The theme's inline scripts as the 404 page has them, up to the site root they name."""
    return frozenset(_shape(s) for s in frame_scripts(not_found_html))


def finish_page(html: str, reference: frozenset[str], name: str = "") -> str:
    """A built page compacted, with its Content-Security-Policy first in ``<head>``."""
    page = compact_html(html)
    scripts = frame_scripts(page)
    stray = [s for s in scripts if _shape(s) not in reference]
    if stray:
        raise PostBuildError(f"{name}: an inline script outside the page's content that is not one of the theme's "
                             f"({len(stray)}); nothing was published")
    head = page.find(_HEAD)
    if head < 0:
        raise PostBuildError(f"{name}: no <head> to put the Content-Security-Policy in")
    meta = f'<meta http-equiv="Content-Security-Policy" content="{csp.policy([csp.script_hash(s) for s in scripts])}">'
    # first in <head>: a policy in a meta tag governs only what comes after it
    cut = head + len(_HEAD)
    return page[:cut] + "\n" + meta + page[cut:]


def finish_files(site_dir: Path, pages: list[str]) -> None:
    """``finish_page`` on the 404 page and on ``pages`` (paths under ``site_dir``), in place."""
    not_found = site_dir / NOT_FOUND
    raw = not_found.read_text(encoding="utf-8")
    reference = frame_reference(compact_html(raw))
    not_found.write_text(finish_page(raw, reference, NOT_FOUND), encoding="utf-8")
    for rel in pages:
        path = site_dir / rel
        path.write_text(finish_page(path.read_text(encoding="utf-8"), reference, rel), encoding="utf-8")


def sitemap_files(entries: list[tuple[str, datetime | None]], site_url: str,
                  built: datetime | None) -> dict[str, bytes]:
    """``sitemap.xml`` (and its gzip, dated ``built``'s day) listing ``entries``: ``(url relative
    to the site root, last change or None)``. A sitemap needs absolute addresses: without a site
    URL it is empty (and still valid)."""
    ET.register_namespace("", SITEMAP_NS)
    root = ET.Element(f"{{{SITEMAP_NS}}}urlset")
    if site_url:
        for url, lastmod in sorted(entries, key=lambda e: e[0]):
            item = ET.SubElement(root, f"{{{SITEMAP_NS}}}url")
            ET.SubElement(item, f"{{{SITEMAP_NS}}}loc").text = site_url.rstrip("/") + "/" + url
            if lastmod is not None:
                ET.SubElement(item, f"{{{SITEMAP_NS}}}lastmod").text = lastmod.strftime("%Y-%m-%d")
    ET.indent(root, space=" ")
    xml = b'<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="utf-8") + b"\n"
    day = built.replace(hour=0, minute=0, second=0, microsecond=0) if built else None
    return {"sitemap.xml": xml,
            "sitemap.xml.gz": gzip.compress(xml, compresslevel=9, mtime=int(day.timestamp()) if day else 0)}
