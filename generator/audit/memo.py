"""What the detectors already read and found clean in one audit run, so that each distinct part
is read once.

A built site says the same things many times: the frame of every page (header, navigation,
footer), a case's title on each index page that lists it, the same labels in every row of an
export. The parts of a file are read apart (no finding spans two: ``read``), so the detectors'
verdict on a part is a function of the part's text alone: a part found clean in one file is clean
in every other. Only clean verdicts are kept: a part with a finding is read again, and reported,
in every file that holds it.

Short parts are kept as they are; a long one by a cryptographic digest of its text, so that the
memo of a large site stays small (a message body is long, and seldom repeated).
"""

from __future__ import annotations

import hashlib

#: parts up to this many characters are kept as they are; longer ones by their digest
_KEPT_WHOLE = 96


def _key(part: str) -> str | bytes:
    if len(part) <= _KEPT_WHOLE:
        return part
    return hashlib.blake2b(part.encode("utf-8", "surrogatepass"), digest_size=20).digest()


class CleanParts:
    """The parts found clean so far, text parts and search tokens apart (a token is read by fewer
    detectors than a text part: a token found clean is not a text part found clean)."""

    def __init__(self) -> None:
        self._text: set[str | bytes] = set()
        self._tokens: set[str | bytes] = set()

    def unknown(self, parts: list[str], tokens: bool = False) -> tuple[list[str], list[str], list[str | bytes]]:
        """(the parts not known clean, as often as they occur; the same once each; the keys of
        those)."""
        known = self._tokens if tokens else self._text
        seen: set[str | bytes] = set()
        every: list[str] = []
        once: list[str] = []
        keys: list[str | bytes] = []
        for part in parts:
            key = _key(part)
            if key in known:
                continue
            every.append(part)
            if key not in seen:
                seen.add(key)
                once.append(part)
                keys.append(key)
        return every, once, keys

    def add(self, keys: list[str | bytes], tokens: bool = False) -> None:
        """These parts were read and found clean."""
        (self._tokens if tokens else self._text).update(keys)
