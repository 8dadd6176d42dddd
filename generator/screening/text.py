"""Screening of one piece of text: find, decide, rewrite. Pure functions."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

import nh3

from generator.screening.detectors import Finding, find_all
from generator.screening.normalise import normalised_text
from generator.screening.policy import WITHHELD_MESSAGE, Action, FieldKind, Policy


@dataclass(frozen=True)
class Hit:
    """A finding that led to an action (recorded in the report without its text)."""

    field: str
    rule: str
    category: str
    action: Action
    fingerprint: str


@dataclass(frozen=True)
class ScreenedText:
    text: str  # what may be published ('' when the value is dropped or the case withheld)
    hits: tuple[Hit, ...]

    @property
    def actions(self) -> frozenset[Action]:
        return frozenset(h.action for h in self.hits)


_BLOCK_END = re.compile(r"(?i)<\s*(br|/p|/div|/li|/tr|/h[1-6]|/pre|/blockquote|/address|/td|/th|/dt|/dd|/dl)\b[^>]*>")
#: a table's tags, written out before the parser sees them (it would move text between cells out
#: of the table) for ``html_table_rows``: a cell ends with a bar and a row with a line break, so
#: that a row stays one line of cells ("Nombre | Pasaporte |"), read as a header and its rows
_TABLE_TAG = re.compile(r"(?i)<\s*(/?)\s*(td|th|tr|table|thead|tbody|tfoot|caption)\b[^>]*>")
_TABLE_ENDING = {"/td": " | ", "/th": " | ", "/tr": "\n", "/table": "\n", "table": "\n", "/caption": "\n"}


_ANCHOR = re.compile(r"<a\b[^>]*?\bhref\s*=\s*(\"[^\"]*\"|'[^']*'|[^\s>]+)[^>]*>(.*?)</a\s*>", re.IGNORECASE | re.DOTALL)


def _with_target(m: re.Match[str]) -> str:
    """A link keeps its target after its text, "guide (https://...)": a reader of the mail saw
    where it pointed (and screening then reads the target too)."""
    target = html.unescape(m.group(1).strip("\"'")).strip()
    inner = m.group(2)
    shown = html.unescape(nh3.clean(inner, tags=set())).strip()
    if not target or target.startswith("#") or target in shown:
        return inner
    if _bare(target) == _bare(shown):
        # "<a href="https://docs.egi.eu/x/">docs.egi.eu/x</a>": the address itself, whole, as the
        # reader's link went (the text shown was it without its scheme)
        return html.escape(target) if _SCHEME.match(target) else inner
    return f"{inner} ({html.escape(target)})"


_SCHEME = re.compile(r"(?i)https?://")


def _bare(address: str) -> str:
    """An address as people write it in a sentence: no scheme, no final slash."""
    return re.sub(r"^(?i:https?://)", "", address).rstrip("/")


def html_to_text(body: str) -> str:
    """An HTML message as plain text: tags dropped by nh3, entities decoded, blocks kept (a
    table's cells each a line, as a reader copies them), link targets written after their text."""
    body = _ANCHOR.sub(_with_target, body)
    marked = _BLOCK_END.sub(lambda m: m.group(0) + ("\n" if m.group(1).lower() in ("br", "/td", "/th") else "\n\n"), body)
    stripped = nh3.clean(marked, tags=set(), clean_content_tags={"script", "style"})
    return html.unescape(stripped)


def html_table_rows(body: str) -> str:
    """``html_to_text`` with each table row as one line of cells between bars: what a table's
    header says of its columns is read there (``detectors.columns``); an HTML message that holds
    a table is screened and published in this form."""
    body = _TABLE_TAG.sub(lambda m: _TABLE_ENDING.get(m.group(1) + m.group(2).lower(), ""), _cells_inline(body))
    return _AFTER_BAR.sub("| ", _CELL_SPACES.sub("", html_to_text(body)))


#: the spaces a cell's own spacing leaves at a row's start and before a cell's bar
_CELL_SPACES = re.compile(r"(?m)^[ \t]+(?=\S)|[ \t]+(?= \|)")
_AFTER_BAR = re.compile(r"\| [ \t]+")


_TABLE_OR_BLOCK = re.compile(_TABLE_TAG.pattern + "|" + _BLOCK_END.pattern.removeprefix("(?i)"), re.IGNORECASE)
_SPACES = re.compile(r"\s+")


def _cells_inline(body: str) -> str:
    """A table's cells each on their row's line, whatever they hold: the paragraphs, line breaks
    and list items inside a cell ("<td><p class=MsoNormal><b>Salasana</b></p></td>", as Outlook,
    Word and many mail clients write every cell) and the source's own line breaks inside a table
    (which a browser shows as spaces) are written as spaces, so that a row is one line."""
    if "<" not in body:
        return body
    out: list[str] = []
    depth = 0  # tables open
    in_cell = False
    cursor = 0
    for m in _TABLE_OR_BLOCK.finditer(body):
        between = body[cursor:m.start()]
        out.append(_SPACES.sub(" ", between) if depth else between)
        cursor = m.end()
        if m.group(2):  # a table's tag
            tag = m.group(1) + m.group(2).lower()
            depth += 1 if tag == "table" else -1 if tag == "/table" else 0
            depth = max(depth, 0)
            in_cell = tag in ("td", "th")
            out.append(m.group(0))
        elif in_cell and depth:
            out.append(" ")  # a block's end inside a cell
        else:
            out.append(m.group(0))
    tail = body[cursor:]
    out.append(_SPACES.sub(" ", tail) if depth else tail)
    return "".join(out)


def screen_text(text: str, field: str, case_id: int, policy: Policy,
                kind: FieldKind = FieldKind.MESSAGE) -> ScreenedText:
    """Applies the policy to ``text`` (see ``policy`` for what each finding leads to)."""
    text = text.replace("\r\n", "\n").strip()
    if not text:
        return ScreenedText("", ())
    findings = []
    hits = []
    for f in find_all(text):
        # of what was found as the normalised view reads it, so that the audit (which reads the
        # built site through the same view) computes the same fingerprint for the same text
        fingerprint = policy.fingerprint(case_id, f.rule, normalised_text(text[f.start:f.end]).strip())
        if fingerprint in policy.accepted:
            continue
        findings.append(f)
        hits.append(Hit(field, f.rule, f.category, policy.action_for(f, kind), fingerprint))
    if not findings:
        return ScreenedText(text, ())
    actions = {h.action for h in hits}
    if Action.WITHHOLD_CASE in actions or Action.DROP_VALUE in actions:
        return ScreenedText("", tuple(hits))
    if Action.WITHHOLD_MESSAGE in actions:
        return ScreenedText(WITHHELD_MESSAGE, tuple(hits))
    return ScreenedText(redact(text, findings), tuple(hits))


def redact(text: str, findings: list[Finding]) -> str:
    """Replaces every finding's span (overlaps merged) by ``[redacted: <category>]``."""
    pieces: list[str] = []
    cursor = 0
    for f in sorted(findings, key=lambda f: (f.start, -f.end)):
        if f.end <= cursor:
            continue
        start = max(f.start, cursor)
        if start > cursor or not pieces:
            pieces.append(text[cursor:start])
            pieces.append(f"[redacted: {f.category}]")
        cursor = f.end
    pieces.append(text[cursor:])
    return "".join(pieces)
