"""The audit gate: scan every file of a built site with the screening detectors.

Any finding fails the build. Two deliberate exceptions, both exact: source maps are not
shipped at all (they only help debugging and carry the theme authors' addresses), and a file
whose bytes are identical to a file of the installed theme or MkDocs itself is the theme's
own, not ticket data (e.g. lunr's ``tinyseg.js`` names its author).
"""

from __future__ import annotations

import gzip
import hashlib
import re
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
def theme_file_hashes() -> frozenset[str]:
    """sha256 of every file shipped by the installed theme packages."""
    hashes = set()
    for name in THEME_PACKAGES:
        spec = importlib_util.find_spec(name)
        if spec is None or not spec.submodule_search_locations:
            continue
        for root in spec.submodule_search_locations:
            for path in Path(root).rglob("*"):
                if path.is_file() and path.suffix in {".js", ".css", ".json", ".html", ".txt", ".svg"}:
                    hashes.add(hashlib.sha256(path.read_bytes()).hexdigest())
    return frozenset(hashes)


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
    if path.suffix in (".html", ".htm", ".xml", ".svg"):
        parser = _HtmlText()
        parser.feed(text)
        parser.close()
        text = "\n".join(parser.parts)
    return text


def audit_file(path: Path, rel: str) -> list[AuditFinding]:
    data = path.read_bytes()
    findings: dict[str, int] = {}
    for m in _JS_URL.finditer(data):
        findings["markup.script-url"] = findings.get("markup.script-url", 0) + 1
    for f in find_all(auditable_text(path, data)):
        findings[f.rule] = findings.get(f.rule, 0) + 1
    if findings and hashlib.sha256(data).hexdigest() in theme_file_hashes():
        return []
    return [AuditFinding(rel, rule, n) for rule, n in sorted(findings.items())]


def audit_site(site_dir: Path) -> list[AuditFinding]:
    """Every finding in every file under site_dir, sorted by path."""
    if not site_dir.is_dir():
        raise FileNotFoundError(f"{site_dir}: no such site folder")
    results: list[AuditFinding] = []
    for path in sorted(p for p in site_dir.rglob("*") if p.is_file()):
        rel = path.relative_to(site_dir).as_posix()
        if path.suffix == ".map":
            results.append(AuditFinding(rel, "policy.source-map-shipped", 1))
            continue
        results.extend(audit_file(path, rel))
    return results
