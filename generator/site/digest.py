"""A page's render inputs as one digest: equal digests render equal pages.

A templated page is rendered from its template's name, its front matter and a context of plain
values, public cases and the page's link table. ``Digester.page`` hashes all of it, each
public case through its own digest, computed once a build however many pages list the case
(the case's fields and what its names link to: ``Links.entries``). The templates themselves,
the renderer's code and the site's settings are not in it: they shape every page, and a change
to them is a full build (``generator.incremental``).

Only the values a template can read are hashed, so a context must be made of what this module
knows: anything else is a ``TypeError`` (a new kind of value in a context needs a line here,
never a silent gap that would leave a changed page unbuilt).
"""

from __future__ import annotations

import dataclasses
import datetime
import enum
import hashlib
from collections.abc import Callable
from typing import Any

from markupsafe import Markup

from generator.model import PublicCase

#: leaf values whose ``repr`` is their exact value
_EXACT = (str, int, float, bool, type(None), datetime.datetime, datetime.date, enum.Enum, Markup)


class Digester:
    """Digests of pages' inputs within one build (the case digests are kept for the build).

    ``linked``: the types that stand for a case on a page (``PublicCase``, and views of one such
    as a list's row): each is digested once, with what its names link to (``case_links``), and
    collected, so the page is rendered with the links of its own cases only."""

    def __init__(self, case_links=lambda case: (), linked: tuple[type, ...] = (PublicCase,),
                 case_text: Callable[[Any], str | None] | None = None):
        #: ``case_links(case)`` -> what the case's names link to (``Links.entries``)
        self.case_links = case_links
        self.linked = linked
        #: ``case_text(case)`` -> the case's serialisation of every field, when the build made one
        #: (the public snapshot's JSON text of it), else None: the case is digested by its ``repr``
        self.case_text = case_text
        self._cases: dict[int, tuple[object, bytes]] = {}

    def case(self, case) -> bytes:
        """The digest of one case: every field (the dataclass ``repr`` is exact for the model's
        values) and its link entries."""
        known = self._cases.get(id(case))
        if known is not None and known[0] is case:
            return known[1]
        text = self.case_text(case) if self.case_text is not None else None
        # ("J{...}" is never a repr, which begins with the class's name)
        digest = hashlib.sha256(("J" + text if text is not None else repr(case)).encode("utf-8", "surrogatepass"))
        digest.update(repr(self.case_links(case)).encode("utf-8", "surrogatepass"))
        value = digest.digest()
        self._cases[id(case)] = (case, value)  # the case is kept, so its id is not reused
        return value

    def by_id(self, cases) -> dict[int, str]:
        """The hex digest of each of these cases, by its id."""
        return {case.id: self.case(case).hex() for case in cases}

    def case_digests(self) -> set[str]:
        """The hex digest of every case digested so far in this build."""
        return {value.hex() for _, value in self._cases.values()}

    def page(self, *parts) -> tuple[str, list]:
        """The hex digest of ``parts`` and the cases met in them, in order."""
        digest = hashlib.sha256()
        cases: list[PublicCase] = []
        self._feed(parts, digest, cases)
        return digest.hexdigest(), cases

    def _feed(self, value, digest, cases: list) -> None:
        # an explicit stack: contexts nest (discipline trees), and a page may list 10,000 cases
        stack = [value]
        while stack:
            item = stack.pop()
            if isinstance(item, self.linked):
                digest.update(b"C" + self.case(item))
                cases.append(item)
            elif isinstance(item, _EXACT):
                digest.update(b"V" + repr(item).encode("utf-8", "surrogatepass") + b"\0")
            elif isinstance(item, (list, tuple)):
                digest.update(b"L%d\0" % len(item))
                stack.extend(reversed(item))
            elif isinstance(item, dict):
                digest.update(b"D%d\0" % len(item))
                for key, val in reversed(list(item.items())):
                    stack += [val, key]
            elif isinstance(item, (set, frozenset)):
                digest.update(b"S%d\0" % len(item))
                stack.extend(sorted(item, key=repr, reverse=True))
            elif dataclasses.is_dataclass(item) and not isinstance(item, type):
                digest.update(b"O" + type(item).__qualname__.encode() + b"\0")
                stack.extend(reversed([getattr(item, f.name) for f in dataclasses.fields(item)]))
            else:
                raise TypeError(f"a page's context holds a {type(item).__name__}, which the render digest "
                                "does not know: add it to generator/site/digest.py")
