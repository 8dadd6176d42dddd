"""Static SVG charts, drawn at build time: pure functions from numbers and labels to SVG text.

Every label is escaped here (labels can be ticket text, e.g. a discipline name); every chart
carries a title and a description for assistive technology (``role="img"``), and the pages
that show one also show its numbers as a table. Colours and font sizes come from the site's
stylesheet (classes ``cc-chart``, ``cc-bar``), so no style is inlined. No script, no link,
no external reference.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_ID = re.compile(r"[^A-Za-z0-9_-]")


def esc(text: str) -> str:
    """Text safe as SVG/XML character data or a quoted attribute value."""
    return html.escape(_XML_INVALID.sub("", str(text)), quote=True)


def _num(value: float) -> str:
    text = f"{value:.1f}"
    return text[:-2] if text.endswith(".0") else text


def _shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


@dataclass(frozen=True)
class Bar:
    label: str
    value: int | float
    css: str = ""  # extra class for the bar, e.g. a status colour ("cc-status-production")


def _frame(chart_id: str, title: str, desc: str, width: float, height: float, body: list[str]) -> str:
    cid = _ID.sub("-", chart_id)
    return (
        f'<svg class="cc-chart" xmlns="http://www.w3.org/2000/svg" role="img" '
        f'viewBox="0 0 {_num(width)} {_num(height)}" width="{_num(width)}" height="{_num(height)}" '
        f'aria-labelledby="{cid}-title {cid}-desc">'
        f'<title id="{cid}-title">{esc(title)}</title><desc id="{cid}-desc">{esc(desc)}</desc>'
        + "".join(body)
        + "</svg>"
    )


def describe(bars: list[Bar], unit: str = "cases") -> str:
    """The chart's numbers as one sentence, the text alternative of the picture itself."""
    if not bars:
        return "No data."
    return "; ".join(f"{b.label}: {_num(b.value)} {unit}" for b in bars) + "."


def hbar_chart(
    bars: list[Bar],
    *,
    chart_id: str,
    title: str,
    unit: str = "cases",
    width: int = 560,
    label_width: int = 200,
    row: int = 24,
    label_chars: int = 30,
) -> str:
    """Horizontal bars, one row per item, labels on the left and values at the end of the bars."""
    top = 4
    height = top * 2 + row * max(len(bars), 1)
    biggest = max((b.value for b in bars), default=0) or 1
    room = width - label_width - 56  # space for the value after the longest bar
    body = []
    for i, bar in enumerate(bars):
        y = top + i * row
        length = room * bar.value / biggest if bar.value > 0 else 0
        label = esc(_shorten(bar.label, label_chars))
        body.append(
            f'<g class="cc-row"><title>{esc(bar.label)}: {_num(bar.value)} {esc(unit)}</title>'
            f'<text class="cc-label" x="{label_width - 8}" y="{_num(y + row * 0.68)}" text-anchor="end">{label}</text>'
            f'<rect class="cc-bar {esc(bar.css)}" x="{label_width}" y="{_num(y + 3)}" '
            f'width="{_num(max(length, 1 if bar.value else 0))}" height="{row - 6}"/>'
            f'<text class="cc-value" x="{_num(label_width + length + 6)}" y="{_num(y + row * 0.68)}">'
            f"{_num(bar.value)}</text></g>"
        )
    return _frame(chart_id, title, describe(bars, unit), width, height, body)


def column_chart(
    bars: list[Bar],
    *,
    chart_id: str,
    title: str,
    unit: str = "cases",
    height: int = 220,
    column: int = 44,
) -> str:
    """Vertical columns in the given order (e.g. years), labels under them, values on top."""
    left, bottom, top = 8, 24, 20
    width = left * 2 + column * max(len(bars), 1)
    biggest = max((b.value for b in bars), default=0) or 1
    room = height - bottom - top
    body = [f'<rect class="cc-axis" x="{left}" y="{height - bottom}" width="{width - 2 * left}" height="1"/>']
    for i, bar in enumerate(bars):
        x = left + i * column
        length = room * bar.value / biggest if bar.value > 0 else 0
        centre = x + column / 2
        body.append(
            f'<g class="cc-row"><title>{esc(bar.label)}: {_num(bar.value)} {esc(unit)}</title>'
            f'<rect class="cc-bar {esc(bar.css)}" x="{_num(x + 6)}" y="{_num(height - bottom - length)}" '
            f'width="{column - 12}" height="{_num(length)}"/>'
            f'<text class="cc-value" x="{_num(centre)}" y="{_num(height - bottom - length - 5)}" '
            f'text-anchor="middle">{_num(bar.value)}</text>'
            f'<text class="cc-label" x="{_num(centre)}" y="{height - 7}" text-anchor="middle">'
            f"{esc(_shorten(bar.label, 6))}</text></g>"
        )
    return _frame(chart_id, title, describe(bars, unit), width, height, body)
