"""What the detectors find in a text, as the spans' strings: the class tests compare these with
the secret or the harmless words they are about."""

from __future__ import annotations

from generator.screening.detectors import find_all


def found(text: str, category: str | None = None) -> list[str]:
    """The text of every finding in ``text`` (of ``category`` only, if given)."""
    return [text[f.start:f.end] for f in find_all(text) if category is None or f.category == category]


def kept_text(text: str) -> str:
    """``text`` with every span a detector finds cut out (what no finding covers)."""
    cut = [False] * len(text)
    for f in find_all(text):
        cut[f.start:f.end] = [True] * (f.end - f.start)
    return "".join(" " if c else ch for ch, c in zip(text, cut, strict=True))
