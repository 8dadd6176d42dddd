"""The audit gate: scan every file of a built site with the screening detectors.

Any finding fails the build. Two deliberate exceptions, both exact: source maps are not
shipped at all (they only help debugging and carry the theme authors' addresses), and a file
whose bytes are identical to a file of the installed theme or MkDocs itself is the theme's
own, not ticket data (e.g. lunr's ``tinyseg.js`` names its author).
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import os
import re
import subprocess
import sys
from html import parser as _hp, unescape
from html.parser import HTMLParser
from dataclasses import dataclass
from functools import lru_cache
from importlib import util as importlib_util
from pathlib import Path

from generator.screening.detectors import find_all

_JS_URL = re.compile(rb"""(?i)(?:href|src|action|formaction)\s*=\s*["']?\s*(?:javascript|vbscript|data):""")
THEME_PACKAGES = ("material", "mkdocs")


@dataclass(frozen=True)
class AuditFinding:
    path: str  # relative to the site folder
    rule: str
    count: int

    def line(self) -> str:
        return f"{self.path}: {self.rule} ({self.count}x)"


@lru_cache(maxsize=1)
def _theme_files_by_size() -> dict[int, tuple[Path, ...]]:
    """The installed theme packages' files (the suffixes that can be shipped), by size: a stat
    each, no read, so a site whose files have no finding never pays for hashing the themes."""
    by_size: dict[int, list[Path]] = {}
    for name in THEME_PACKAGES:
        spec = importlib_util.find_spec(name)
        if spec is None or not spec.submodule_search_locations:
            continue
        for root in spec.submodule_search_locations:
            for path in Path(root).rglob("*"):
                if path.suffix in {".js", ".css", ".json", ".html", ".txt", ".svg"} and path.is_file():
                    by_size.setdefault(path.stat().st_size, []).append(path)
    return {size: tuple(paths) for size, paths in by_size.items()}


@lru_cache(maxsize=1)
def _theme_dirs() -> tuple[Path, ...]:
    """The folders of the installed themes of the theme packages (MkDocs copies their static
    files to the same relative path in the site)."""
    from importlib.metadata import entry_points

    dirs = []
    for ep in entry_points(group="mkdocs.themes"):
        if ep.value.split(".")[0] in THEME_PACKAGES:
            spec = importlib_util.find_spec(ep.value)
            if spec is not None and spec.submodule_search_locations:
                dirs += [Path(d) for d in spec.submodule_search_locations]
    return tuple(dirs)


def is_theme_file(data: bytes, rel: str = "") -> bool:
    """Are these bytes exactly those of a file of the installed theme packages? First the file
    at the same relative path in each theme (what MkDocs copied); else every theme file of the
    same size."""
    for theme in _theme_dirs() if rel else ():
        candidate = theme / rel
        if candidate.is_file() and candidate.stat().st_size == len(data) and candidate.read_bytes() == data:
            return True
    return any(path.read_bytes() == data for path in _theme_files_by_size().get(len(data), ()))


def drop_source_maps(site_dir: Path) -> int:
    """Source maps are not published (see the module's docstring)."""
    maps = list(site_dir.rglob("*.map"))
    for path in maps:
        path.unlink()
    return len(maps)


#: SVG geometry is numbers only; read as text it looks like phone numbers
_GEOMETRY_ATTRS = frozenset({"d", "viewbox", "points", "transform", "x", "y", "width", "height", "cx", "cy", "r"})


class _HtmlText(HTMLParser):
    """Everything a reader or a crawler can get at: text, and every attribute but geometry."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.parts.extend(v for k, v in attrs if v and k not in _GEOMETRY_ATTRS)

    handle_startendtag = handle_starttag

    def handle_data(self, data):
        self.parts.append(data)

    def handle_comment(self, data):
        self.parts.append(data)


def auditable_text(path: Path, data: bytes) -> str:
    """The text the detectors read: decompressed, and for HTML without the markup itself."""
    if path.suffix == ".gz":
        data = gzip.decompress(data)
    text = data.decode("utf-8", errors="replace")
    if path.suffix == ".csv":  # cell by cell, as a spreadsheet shows it (never quote to quote)
        try:
            text = "\n".join(cell for row in csv.reader(io.StringIO(text, newline="")) for cell in row)
        except csv.Error:
            pass  # read as it is: more to look at, never less
    if path.suffix == ".json":  # value by value, as a reader of the data sees them (never one into the next)
        try:
            text = "\n".join(_json_values(json.loads(text)))
        except ValueError:
            pass  # read as it is
    if path.suffix in (".html", ".htm", ".xml", ".svg"):
        parts = _chunked_html_parts(text)
        if parts is None:
            parts = _html_parts(text)
        text = "\n".join(parts)
    return text


def _json_values(data) -> list[str]:
    """Every key and value of a JSON document, as text."""
    out, stack = [], [data]
    while stack:
        value = stack.pop()
        if isinstance(value, dict):
            for key, item in reversed(list(value.items())):
                stack += [item, key]
        elif isinstance(value, list):
            stack.extend(reversed(value))
        elif value is not None:
            out.append(value if isinstance(value, str) else json.dumps(value))
    return out


def _html_parts(text: str) -> list[str]:
    """The reference extraction: html.parser, part by part (see _HtmlText)."""
    parser = _HtmlText()
    parser.feed(text)
    parser.close()
    return parser.parts


#: where the theme's frame of a page starts a block (header, search, navigation, footer, scripts):
#: the same on every page of a kind, so its parts are extracted once a build (issue 7)
_FRAME_BLOCK = re.compile(r'<(?:header|footer|article|script|nav)\b|<div class="md-(?:search"|container"|sidebar )')


def _chunked_html_parts(text: str) -> list[str] | None:
    """``_fast_html_parts(text)``, computed block by block with the blocks' parts remembered.

    Exact: a block's parts are used only if the block, read on its own from its first '<',
    ends exactly at its end outside any tag, comment or script; then reading the whole page
    reaches the block's start in the same state and yields the same parts. A cut that falls
    inside a script, a comment or an attribute leaves its block unfinished (None), and the
    page is read whole."""
    cuts = [0, *(m.start() for m in _FRAME_BLOCK.finditer(text)), len(text)]
    parts: list[str] = []
    for start, end in zip(cuts, cuts[1:]):
        if end > start:
            block = _block_parts(text[start:end])
            if block is None:
                return _fast_html_parts(text)
            parts.extend(block)
    return parts


@lru_cache(maxsize=512)
def _block_parts(block: str) -> tuple[str, ...] | None:
    parts = _fast_html_parts(block)
    return None if parts is None else tuple(parts)


_SCRIPT_END = {tag: re.compile(rf"</\s*{tag}\s*>", re.I) for tag in _hp.HTMLParser.CDATA_CONTENT_ELEMENTS}
_COMMENT_END = re.compile(r"--\s*>")


def _fast_html_parts(text: str) -> list[str] | None:
    """The same parts as ``_html_parts`` for the HTML MkDocs writes, several times faster (the
    audit reads every page of the site; issue 7): html.parser's own regular expressions, without
    its per-token bookkeeping. Anything unusual (a tag or comment left open, a bogus end tag, a
    declaration other than the doctype, a processing instruction) returns None, and the caller
    uses html.parser itself; tests/test_scale_audit.py checks both agree on a built site."""
    parts: list[str] = []
    append = parts.append
    find, startswith = text.find, text.startswith
    i, n = 0, len(text)
    while i < n:
        j = find("<", i)
        if j < 0:
            append(unescape(text[i:]))
            break
        if j > i:
            append(unescape(text[i:j]))
        c = text[j + 1:j + 2]
        if "a" <= c.lower() <= "z":
            m = _hp.locatestarttagend_tolerant.match(text, j)
            end = m.end()
            if startswith(">", end):
                end += 1
            elif startswith("/>", end):
                end += 2
            else:
                return None
            name = _hp.tagfind_tolerant.match(text, j + 1)
            tag, k = name.group(1).lower(), name.end()
            while k < end:
                a = _hp.attrfind_tolerant.match(text, k)
                if not a:
                    break
                attr, rest, value = a.group(1, 2, 3)
                if rest and value:
                    if value[:1] == "'" == value[-1:] or value[:1] == '"' == value[-1:]:
                        value = value[1:-1]
                    if value and attr.lower() not in _GEOMETRY_ATTRS:
                        append(unescape(value))
                k = a.end()
            if text[k:end].strip() not in (">", "/>"):
                return None
            i = end
            if tag in _SCRIPT_END and not text[k:end].strip().endswith("/>"):
                close = _SCRIPT_END[tag].search(text, end)
                if close is None:
                    return None
                if close.start() > end:
                    append(text[end:close.start()])
                i = close.end()
        elif c == "/":
            name = _hp.tagfind_tolerant.match(text, j + 2)
            gt = find(">", j + 1)
            if gt < 0 or not ("a" <= text[j + 2:j + 3].lower() <= "z") or name is None:
                return None
            i = gt + 1
        elif startswith("<!--", j):
            close = _COMMENT_END.search(text, j + 4)
            if close is None:
                return None
            append(text[j + 4:close.start()])
            i = close.end()
        elif c in ("!", "?"):
            gt = find(">", j)
            if gt < 0 or text[j:j + 9].lower() != "<!doctype":
                return None
            i = gt + 1
        elif j + 1 < n:
            append("<")
            i = j + 1
        else:
            append(unescape(text[j:]))
            break
    return parts


def audit_file(path: Path, rel: str) -> list[AuditFinding]:
    data = path.read_bytes()
    findings: dict[str, int] = {}
    low = data.lower()
    if b"script:" in low or b"data:" in low:  # every match holds one ("java|vbscript:", "data:")
        for m in _JS_URL.finditer(data):
            findings["markup.script-url"] = findings.get("markup.script-url", 0) + 1
    for f in find_all(auditable_text(path, data)):
        findings[f.rule] = findings.get(f.rule, 0) + 1
    if findings and is_theme_file(data, rel):
        return []
    return [AuditFinding(rel, rule, n) for rule, n in sorted(findings.items())]


def audit_site(site_dir: Path, workers: int | None = None) -> list[AuditFinding]:
    """Every finding in every file under site_dir, sorted by path.

    A large site is read by ``workers`` processes (default: one per core, at most 2): this one
    and fresh Python processes (~30 MiB, ~0.3 s to start; a fork would count all of the
    caller's memory again), each a share of the files. The findings are the same, in the same
    order (issue 7)."""
    if not site_dir.is_dir():
        raise FileNotFoundError(f"{site_dir}: no such site folder")
    files = [(path, path.relative_to(site_dir).as_posix())
             for path in sorted(p for p in site_dir.rglob("*") if p.is_file())]
    workers = workers or min(2, os.cpu_count() or 1)
    if workers < 2 or len(files) < PARALLEL_FROM:
        return [f for found in _audit_files(files) for f in found]
    shares = [files[i::workers] for i in range(workers)]
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(
        filter(None, [str(Path(__file__).resolve().parent.parent), os.environ.get("PYTHONPATH")])))
    helpers = []
    for share in shares[1:]:
        proc = subprocess.Popen([sys.executable, "-c", "from generator.audit import _worker; _worker()"],
                                stdin=subprocess.PIPE, stdout=subprocess.PIPE, env=env, text=True)
        proc.stdin.write(json.dumps([[str(path), rel] for path, rel in share]))
        proc.stdin.close()
        helpers.append(proc)
    found = [_audit_files(shares[0])]
    for proc, share in zip(helpers, shares[1:]):
        out = proc.stdout.read()
        if proc.wait() != 0:
            raise RuntimeError(f"audit: a helper process failed (exit {proc.returncode})")
        found.append([[AuditFinding(rel, rule, count) for rule, count in file_found]
                      for (_, rel), file_found in zip(share, json.loads(out))])
    by_file = {rel: file_found for share, share_found in zip(shares, found)
               for (_, rel), file_found in zip(share, share_found)}
    return [f for _, rel in files for f in by_file[rel]]


#: below this many files a second process costs more than it saves
PARALLEL_FROM = 400


def _audit_files(files: list[tuple[Path, str]]) -> list[list[AuditFinding]]:
    results = []
    for path, rel in files:
        if path.suffix == ".map":
            results.append([AuditFinding(rel, "policy.source-map-shipped", 1)])
        else:
            results.append(audit_file(path, rel))
    return results


def _worker() -> None:
    """A helper of audit_site: [[path, path in the site], ...] (JSON) on stdin, [[rule, count], ...]
    per file on stdout. (The path in the site finds a theme file's original without a walk.)"""
    found = _audit_files([(Path(path), rel) for path, rel in json.load(sys.stdin)])
    json.dump([[[f.rule, f.count] for f in file_found] for file_found in found], sys.stdout)
