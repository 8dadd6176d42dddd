"""Detectors: find confidential spans in text. Pure functions, no policy.

v0: e-mail addresses and phone numbers. Each finding names its rule and category and the span
it covers; what to do about it is ``policy``'s decision.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Finding:
    rule: str  # e.g. "email.plain"
    category: str  # "e-mail", "phone", "credential", "marker"
    start: int
    end: int


_EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
_PHONE = re.compile(r"(?<![\w.])\+?\(?\d[\d ()./-]{7,}\d(?![\w.])")


def find_all(text: str) -> list[Finding]:
    """Every finding in ``text``, ordered by position."""
    found = [Finding("email.plain", "e-mail", m.start(), m.end()) for m in _EMAIL.finditer(text)]
    for m in _PHONE.finditer(text):
        digits = sum(ch.isdigit() for ch in m.group())
        if 9 <= digits <= 15 and m.group().lstrip("(").startswith(("+", "0")):
            found.append(Finding("phone.number", "phone", m.start(), m.end()))
    return sorted(found, key=lambda f: (f.start, -f.end))
