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
    return "; ".join(f"{b.label}: {_num(b.value)} {_of(b.value, unit)}" for b in bars) + "."


def _of(value: float, unit: str) -> str:
    """The unit as a count of one says it ("1 case", "2 cases")."""
    return unit[:-1] if value == 1 and unit.endswith("s") else unit


#: the drawing's width in SVG units; it is shown at this many pixels, or narrower on a phone,
#: where the stylesheet's 14-unit text must still come out at 11 px or more (375 px screens
#: leave about 343 px: 14 * 343 / 400 = 12 px)
WIDTH = 400


def hbar_chart(
    bars: list[Bar],
    *,
    chart_id: str,
    title: str,
    unit: str = "cases",
    width: int = WIDTH,
) -> str:
    """Horizontal bars, one row per item: the label on its own line (the whole width is its own,
    so labels stay readable on a phone), the bar under it with its value at its end. A label
    longer than the drawing is cut by its edge, not shortened in the text: a shortened label
    would be new text ("... (confidential…" of "... (confidential computing)"), which screening
    never read; the row's tooltip and the chart's description hold it whole."""
    line, bar_height, gap = 18, 12, 10
    row = line + bar_height + gap
    height = row * max(len(bars), 1)
    biggest = max((b.value for b in bars), default=0) or 1
    room = width - 48  # space for the value after the longest bar
    body = []
    for i, bar in enumerate(bars):
        y = i * row
        length = room * bar.value / biggest if bar.value > 0 else 0
        body.append(
            f'<g class="cc-row"><title>{esc(bar.label)}: {_num(bar.value)} {esc(_of(bar.value, unit))}</title>'
            f'<text class="cc-label" x="0" y="{_num(y + line - 5)}">{esc(bar.label)}</text>'
            f'<rect class="cc-bar {esc(bar.css)}" x="0" y="{_num(y + line)}" '
            f'width="{_num(max(length, 1 if bar.value else 0))}" height="{bar_height}"/>'
            f'<text class="cc-value" x="{_num(length + 6)}" y="{_num(y + line + bar_height - 1)}">'
            f"{_num(bar.value)}</text></g>"
        )
    return _frame(chart_id, title, describe(bars, unit), width, height, body)
