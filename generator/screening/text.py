"""Screening of one piece of text: find, decide, rewrite. Pure functions."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

import nh3

from generator.screening.detectors import Finding, find_all
from generator.screening.policy import WITHHELD_PARAGRAPH, Action, Policy


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
    text: str
    hits: tuple[Hit, ...]

    @property
    def withholds_case(self) -> bool:
        return any(h.action is Action.WITHHOLD_CASE for h in self.hits)


_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")
_BLOCK_END = re.compile(r"(?i)<\s*(br|/p|/div|/li|/tr|/h[1-6]|/pre|/blockquote)\b[^>]*>")


def html_to_text(body: str) -> str:
    """An HTML message as plain text: tags dropped by nh3, entities decoded, blocks kept."""
    marked = _BLOCK_END.sub(lambda m: m.group(0) + "\n\n" if m.group(1) != "br" else "\n", body)
    stripped = nh3.clean(marked, tags=set(), clean_content_tags={"script", "style"})
    return html.unescape(stripped)


def screen_text(text: str, field: str, case_id: int, policy: Policy) -> ScreenedText:
    """Applies the policy to ``text``.

    Detection runs on the whole text, so context that spans paragraphs ("my token:" above the
    token) is seen; the actions then apply per paragraph: a withholding finding replaces every
    paragraph it touches, other findings are redacted in place.
    """
    text = text.replace("\r\n", "\n").strip()
    if not text:
        return ScreenedText("", ())
    findings = [f for f in find_all(text) if policy.fingerprint(case_id, f, text) not in policy.accepted]
    if not findings:
        return ScreenedText(text, ())
    hits = tuple(
        Hit(field, f.rule, f.category, policy.action_for(f), policy.fingerprint(case_id, f, text)) for f in findings
    )
    out: list[str] = []
    for start, end in _paragraph_spans(text):
        inside = [(f, h) for f, h in zip(findings, hits) if f.start < end and f.end > start]
        if any(h.action is not Action.REDACT for _, h in inside):
            out.append(WITHHELD_PARAGRAPH)
            continue
        local = [Finding(f.rule, f.category, max(f.start, start) - start, min(f.end, end) - start) for f, _ in inside]
        out.append(_redact(text[start:end], local) if local else text[start:end])
    return ScreenedText("\n\n".join(out), hits)


def _paragraph_spans(text: str) -> list[tuple[int, int]]:
    spans, cursor = [], 0
    for m in _PARAGRAPH_BREAK.finditer(text):
        spans.append((cursor, m.start()))
        cursor = m.end()
    spans.append((cursor, len(text)))
    return spans


def _redact(text: str, findings: list[Finding]) -> str:
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
