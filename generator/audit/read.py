"""Reading a built file as text, the way a reader, a crawler or a script can get at it.

Every output file becomes a list of parts: what is shown (text, block by block), what is
carried in attributes (links, titles, alt texts, meta contents, data attributes), comments,
script and style contents, JSON strings (of files and of JSON data blocks in pages), CSV cells, search tokens decoded. The parts are then
read through the same normalised view as screening (``generator.screening.normalise``) and
joined with a break that no finding may span: two table cells or two JSON strings never make
one phone number, and a marker word in one part never withholds another.

Markup rules read parsed attributes, never escaped text: ``javascript:`` in a link's ``href``
is a finding, the words "href=javascript:" in a ticket's prose are not.

HTML and XML are parsed by lxml (libxml2); JSON and CSV by the standard library. A file that
is not UTF-8 text (an image, a font) is read as its runs of printable characters.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import re
from dataclasses import dataclass, field

from lxml import etree

from generator.screening.detectors import BOUNDARY
from generator.screening.normalise import PART_BREAK, normalised_text
from generator.site.search import decode

#: elements that end a block of text (inline elements run on within one part)
_BLOCKS = frozenset(
    "address article aside blockquote body br caption dd details dialog div dl dt fieldset figcaption figure "
    "footer form h1 h2 h3 h4 h5 h6 head header hr html li main nav ol option p pre section summary table "
    "tbody td tfoot th thead title tr ul textarea select button label legend svg "
    # (an SVG drawing's labels and groups stand apart, each where its coordinates put it: a
    # chart's label and its count are two texts, not one word)
    "text g desc".split()
)
#: attributes that are layout, identity or geometry, never content (SVG paths read as numbers)
_LAYOUT_ATTRIBUTES = frozenset(
    "class id style lang dir rel type role tabindex for hidden target crossorigin media charset http-equiv "
    "d viewbox points transform x y x1 x2 y1 y2 cx cy r rx ry width height fill stroke stroke-width "
    "stroke-linecap stroke-linejoin fill-rule clip-rule opacity xmlns version preserveaspectratio "
    "aria-hidden aria-labelledby aria-describedby aria-controls aria-expanded aria-current sizes "
    "loading decoding async defer colspan rowspan scope headers start reversed datetime integrity "
    "autocomplete spellcheck autocapitalize autocorrect focusable tabindex method enctype accept "
    "text-anchor dominant-baseline font-size font-family font-weight offset stop-color".split()
)
_NAVIGATING = frozenset("href src action formaction xlink:href data poster background".split())
_SCRIPT_SCHEME = re.compile(r"^[\x00-\x20]*(?:javascript|vbscript|data)[\x00-\x20]*:", re.IGNORECASE)
_MARKUP_TEXT = re.compile(r"<[A-Za-z/!]")
#: in a binary file, a run of printable characters long enough to be text (as ``strings`` reads
#: it: a PNG's or a PDF's metadata, say), each run a part of its own; shorter runs are noise
_PRINTABLE_RUN = re.compile(rb"[\x20-\x7e\t]{8,}")


@dataclass
class Parts:
    """What one file holds: text parts, search tokens (read without context), markup findings."""

    text: list[str] = field(default_factory=list)
    tokens: list[str] = field(default_factory=list)
    script_urls: int = 0
    #: the text parts are the printable runs of a binary file
    binary: bool = False

    def joined(self) -> tuple[str, str]:
        """The text parts and the tokens, each read through the normalised view and joined."""
        def join(parts: list[str]) -> str:
            raw = BOUNDARY.join(p.replace(PART_BREAK, "") for p in parts if p and not p.isspace())
            return normalised_text(raw, keep_part_breaks=True)
        return join(self.text), join(self.tokens)


def read_parts(rel: str, data: bytes) -> Parts:
    """The parts of the file at ``rel`` (its path in the site) holding ``data``."""
    name = rel
    if name.endswith(".gz"):
        data = gzip.decompress(data)
        name = name[:-3]
    parts = Parts()
    suffix = name.rsplit(".", 1)[-1].lower() if "." in name.rsplit("/", 1)[-1] else ""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:  # an image, a font: what a reader can get at is its strings
        parts.text += [m.group().decode("ascii") for m in _PRINTABLE_RUN.finditer(data)]
        parts.binary = True
        return parts
    if suffix in ("html", "htm"):
        _html(data, parts)
    elif suffix in ("xml", "svg", "atom", "rss"):
        _xml(data, parts)
    elif suffix == "json":
        _json(rel, text, parts)
    elif suffix == "csv":
        try:  # cell by cell, as a spreadsheet shows it (never quote to quote)
            parts.text += [cell for row in csv.reader(io.StringIO(text, newline="")) for cell in row]
        except csv.Error:
            parts.text.append(text)  # read as it is: more to look at, never less
    else:
        parts.text.append(text)
    return parts


def _html(data: bytes, parts: Parts) -> None:
    try:
        root = etree.fromstring(data, _html_parser())
    except (etree.ParserError, ValueError):
        root = None
    if root is None:
        parts.text.append(data.decode("utf-8", errors="replace"))
        return
    _walk(root, parts)


def _html_parser() -> etree.HTMLParser:
    # lxml's plain elements: the same tree as ``lxml.html``'s, without its Python class lookup
    # for every element
    return etree.HTMLParser(encoding="utf-8", remove_blank_text=False)


def _tag(tag) -> str:
    """An element's tag, lower-case and without its namespace ("" for a comment's)."""
    return tag.lower().rsplit("}", 1)[-1] if isinstance(tag, str) else ""


#: what the walk does with an element (by its tag as the parser gives it: ``_tag_kind``) and
#: with an attribute (by its name: ``_attribute_kind``), each worked out once per name
_INLINE, _BLOCK, _SCRIPT, _STYLE = 0, 1, 2, 3
_LAYOUT, _CONTENT, _LINK, _LINK_LAYOUT = 0, 1, 2, 3
_tag_kinds: dict = {}
_attribute_kinds: dict[str, int] = {}


def _tag_kind(raw) -> int:
    tag = _tag(raw)
    kind = _SCRIPT if tag == "script" else _STYLE if tag == "style" else _BLOCK if tag in _BLOCKS else _INLINE
    _tag_kinds[raw] = kind
    return kind


def _attribute_kind(raw: str) -> int:
    """Whether an attribute is content (read) or layout (not), and whether it navigates (its
    value is checked for a script scheme, read or not)."""
    name = raw.rsplit("}", 1)[-1].lower()
    layout = name in _LAYOUT_ATTRIBUTES
    if name in _NAVIGATING:
        kind = _LINK_LAYOUT if layout else _LINK
    else:
        kind = _LAYOUT if layout else _CONTENT
    _attribute_kinds[raw] = kind
    return kind


def _walk(root, parts: Parts) -> None:
    # the hottest loop of the audit: names are bound locally, and what a tag or an attribute
    # name means is looked up once per name (``_tag_kind``, ``_attribute_kind``)
    text = parts.text
    append = text.append
    buffer: list[str] = []
    tag_kinds, attribute_kinds, script_scheme = _tag_kinds, _attribute_kinds, _SCRIPT_SCHEME.match
    for event, element in etree.iterwalk(root, events=("start", "end", "comment")):
        if event == "comment":
            if buffer:
                append("".join(buffer))
                buffer.clear()
            append(element.text or "")
            if element.tail:
                buffer.append(element.tail)
            continue
        raw = element.tag
        kind = tag_kinds.get(raw)
        if kind is None:
            kind = _tag_kind(raw)
        if event == "start":
            for name, value in element.items():
                attribute = attribute_kinds.get(name)
                if attribute is None:
                    attribute = _attribute_kind(name)
                if attribute:
                    if attribute >= _LINK and script_scheme(value):
                        parts.script_urls += 1
                    if attribute != _LINK_LAYOUT and value.strip():
                        append(value)
            if kind >= _SCRIPT:
                if buffer:
                    append("".join(buffer))
                    buffer.clear()
                if kind == _SCRIPT and "json" in (element.get("type") or "").lower():
                    # a data block (a page's JSON-LD): its strings, as a crawler reads them
                    _json("", element.text or "", parts)
                else:
                    append(element.text or "")
                continue
            if kind != _INLINE and buffer:  # a block starts
                append("".join(buffer))
                buffer.clear()
            if element.text:
                buffer.append(element.text)
        else:
            if kind != _INLINE and buffer:  # a block, a script or a style ends
                append("".join(buffer))
                buffer.clear()
            if element.tail:
                buffer.append(element.tail)
    if buffer:
        append("".join(buffer))


def _xml(data: bytes, parts: Parts) -> None:
    parser = etree.XMLParser(resolve_entities=False, no_network=True, recover=True, huge_tree=True)
    try:
        root = etree.fromstring(data, parser)
    except (etree.XMLSyntaxError, ValueError):
        root = None
    if root is None:
        parts.text.append(data.decode("utf-8", errors="replace"))
        return
    for element in root.iter():
        for name, value in element.attrib.items():
            if name.rsplit("}", 1)[-1].lower() not in _LAYOUT_ATTRIBUTES and value.strip():
                parts.text.append(value)
        for value in (element.text, element.tail):
            if value and value.strip():
                if _MARKUP_TEXT.search(value):  # an escaped HTML body (a feed entry's content)
                    sub = Parts()
                    _html(f"<div>{value}</div>".encode(), sub)
                    parts.text += sub.text
                    parts.script_urls += sub.script_urls
                else:
                    parts.text.append(value)


def _json(rel: str, text: str, parts: Parts) -> None:
    try:
        data = json.loads(text)
    except ValueError:
        parts.text.append(text)
        return
    shard = "/search/t/" in "/" + rel
    stack = [data]
    while stack:
        value = stack.pop()
        if isinstance(value, str):
            token = decode(value) if shard else None
            if token is not None:
                parts.tokens.append(token)
            else:
                parts.text.append(value)
        elif isinstance(value, list):
            stack.extend(reversed(value))
        elif isinstance(value, dict):
            stack.extend(reversed(list(value.values())))
