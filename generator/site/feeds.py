"""The Atom feed (``feed.xml``): new cases and status changes, dated from RT.

Every date comes from the cases' RT history, never from git or the clock, so the same snapshot
always gives the same bytes. The XML is built with ElementTree, which escapes all text; ticket
text only ever appears as the plain-text content of ``title`` and ``summary``.
"""

from __future__ import annotations

import heapq
import re
import uuid
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from datetime import datetime

from generator.model import ImplementationStatus, PublicCase, PublicSnapshot, utc_iso
from generator.site import urls
from generator.site.metrics import community_name

ATOM = "http://www.w3.org/2005/Atom"
#: entries in the feed (the newest events); readers only need what is recent
FEED_LIMIT = 100
_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_NAMESPACE = uuid.UUID("6f1c2d1e-5b0e-4a37-9a53-2c6f7f0c1a55")  # casecat's own, fixed forever


@dataclass(frozen=True)
class Event:
    """Something that happened to a case: it was opened, or it changed status."""

    date: datetime
    case: PublicCase
    kind: str  # "new" or "status"
    from_: ImplementationStatus | None = None
    to: ImplementationStatus | None = None

    @property
    def title(self) -> str:
        name = self.case.subject
        if self.kind == "new":
            return f"New case: {name}"
        return f"{name}: {self.from_.label if self.from_ else 'no status'} → {self.to.label if self.to else 'no status'}"

    @property
    def summary(self) -> str:
        who = community_name(self.case.subject)
        if self.kind == "new":
            status = self.case.implementation_status
            first = next((c.to for c in self.case.status_history), None) or status
            return (f"Case {self.case.id} was opened for {who}"
                    + (f", starting in {first.label}: {first.meaning}" if first else "."))
        if self.to is None:
            return f"Case {self.case.id} ({who}) no longer has a status"
        return f"Case {self.case.id} ({who}) moved to {self.to.label}: {self.to.meaning}"

    def key(self) -> str:
        return f"{self.case.id}/{self.kind}/{self.date.isoformat()}/{self.to.value if self.to else ''}"


def events(cases, limit: int | None = None) -> list[Event]:
    """Every opening and status change, newest first (ties: higher case id, then kind); the
    ``limit`` newest only, when given (picked without sorting all: the same list as the first
    ``limit`` of all of them, ``heapq.nlargest`` being that sort's equal)."""
    found = []
    for case in cases:
        found.append(Event(case.created, case, "new"))
        for change in case.status_history:
            if change.from_ is not None:
                found.append(Event(change.date, case, "status", change.from_, change.to))
    if limit is not None:
        return heapq.nlargest(limit, found, key=_newest)
    found.sort(key=_newest, reverse=True)
    return found


def _newest(event: Event) -> tuple:
    return event.date, event.case.id, event.kind == "status", event.key()


def _clean(text: str) -> str:
    return _XML_INVALID.sub("", text)


def _sub(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    element = ET.SubElement(parent, f"{{{ATOM}}}{tag}", attrs)
    if text is not None:
        element.text = _clean(text)
    return element


def atom_feed(snapshot: PublicSnapshot, site_url: str = "", limit: int = FEED_LIMIT) -> bytes:
    """The feed as UTF-8 bytes. Links are absolute under ``site_url``, else relative to the feed
    (which lives at the site root)."""
    ET.register_namespace("", ATOM)
    chosen = events(snapshot.cases, limit)
    feed = ET.Element(f"{{{ATOM}}}feed")
    queue = snapshot.queue or "cases"
    _sub(feed, "id", f"urn:uuid:{uuid.uuid5(_NAMESPACE, 'feed/' + queue)}")
    _sub(feed, "title", "EGI Case Catalogue: new cases and status changes")
    _sub(feed, "subtitle", f"Support cases of the RT queue {queue}, newest first.")
    newest = chosen[0].date if chosen else (snapshot.fetched_at or datetime(1970, 1, 1))
    _sub(feed, "updated", utc_iso(newest))
    author = _sub(feed, "author")
    _sub(author, "name", "EGI Case Catalogue")
    _sub(feed, "link", rel="alternate", type="text/html", href=urls.absolute_url(site_url, "") or "./")
    if site_url:
        _sub(feed, "link", rel="self", type="application/atom+xml", href=urls.absolute_url(site_url, urls.FEED))
    _sub(feed, "generator", "casecat")
    for event in chosen:
        entry = _sub(feed, "entry")
        _sub(entry, "id", f"urn:uuid:{uuid.uuid5(_NAMESPACE, queue + '/' + event.key())}")
        _sub(entry, "title", event.title, type="text")
        _sub(entry, "updated", utc_iso(event.date))
        _sub(entry, "published", utc_iso(event.date))
        href = urls.absolute_url(site_url, urls.page_url(urls.case_path(event.case.id)))
        _sub(entry, "link", rel="alternate", type="text/html", href=href)
        _sub(entry, "summary", event.summary, type="text")
        if event.to is not None:
            _sub(entry, "category", term=event.to.slug, label=event.to.label)
    ET.indent(feed, space=" ")
    return ET.tostring(feed, encoding="utf-8", xml_declaration=True) + b"\n"
