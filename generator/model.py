"""The typed case and the implementation-status workflow.

Two families of types live here, one per side of the publishing gate:

* ``TicketRecord`` and its parts are what the RT source read: every field, including the
  private ones (requestors, Cc, comments, attachments, unknown custom fields). They never
  leave the private side of the pipeline.
* ``PublicCase`` and ``PublicSnapshot`` are what screening hands on. Only
  ``generator.screening`` constructs them (a test checks this); the renderer, the exports
  and the audit only ever see these.

``PUBLISHED_FIELDS`` at the bottom is the one declaration of what a case publishes: the public
snapshot, ``cases.json``, ``cases.csv``, the search index and the field tables of the data page
all iterate over it.

This module imports nothing of ours.
"""

from __future__ import annotations

import enum
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Protocol, runtime_checkable


class ImplementationStatus(enum.Enum):
    """The eight implementation statuses of a support case, in workflow order."""

    PRE_ASSESSMENT = "Pre-assessment"
    ASSESSED = "Assessed"
    PREPARATORY = "Preparatory"
    TEST_INTEGRATION = "Test & Integration"
    PRE_PRODUCTION = "Pre-production"
    PRODUCTION = "Production"
    CLOSED = "Closed"
    CANCELLED = "Cancelled"

    @property
    def label(self) -> str:
        return self.value

    @property
    def slug(self) -> str:
        return _SLUGS[self]

    @property
    def meaning(self) -> str:
        """One line, in the catalogue's own words."""
        return _MEANINGS[self]

    @property
    def order(self) -> int:
        return list(ImplementationStatus).index(self)

    @property
    def is_active(self) -> bool:
        """Work is still going on (not yet in production and not ended)."""
        return self not in (
            ImplementationStatus.PRODUCTION,
            ImplementationStatus.CLOSED,
            ImplementationStatus.CANCELLED,
        )

    @property
    def is_ended(self) -> bool:
        """The case stopped before production, by EGI's or the community's decision."""
        return self in (ImplementationStatus.CLOSED, ImplementationStatus.CANCELLED)

    @classmethod
    def parse(cls, text: str) -> ImplementationStatus:
        """Reads a status as RT spells it; tolerant of case, spacing and '&'/'and'."""
        key = _normalise(text)
        for status in cls:
            if _normalise(status.value) == key:
                return status
        raise ValueError(f"unknown implementation status {text!r}")


def _normalise(text: str) -> str:
    return "".join(ch for ch in text.lower().replace("&", "and") if ch.isalnum())


_SLUGS = {
    ImplementationStatus.PRE_ASSESSMENT: "pre-assessment",
    ImplementationStatus.ASSESSED: "assessed",
    ImplementationStatus.PREPARATORY: "preparatory",
    ImplementationStatus.TEST_INTEGRATION: "test-integration",
    ImplementationStatus.PRE_PRODUCTION: "pre-production",
    ImplementationStatus.PRODUCTION: "production",
    ImplementationStatus.CLOSED: "closed",
    ImplementationStatus.CANCELLED: "cancelled",
}

_MEANINGS = {
    ImplementationStatus.PRE_ASSESSMENT: (
        "A new case: the team is still talking with the community to learn what it needs, "
        "why, within which limits, and what difference it would make."
    ),
    ImplementationStatus.ASSESSED: (
        "The community's requirements are written down in the case; a plan to meet them is "
        "being drafted."
    ),
    ImplementationStatus.PREPARATORY: (
        "A plan exists and is referenced from the case, national partners have agreed to take "
        "part, and implementation work has begun."
    ),
    ImplementationStatus.TEST_INTEGRATION: (
        "A first version of the solution has been delivered and the community is trying it out."
    ),
    ImplementationStatus.PRE_PRODUCTION: (
        "The prototype passed its tests and review; the move to production is being planned, "
        "including resources and service agreements."
    ),
    ImplementationStatus.PRODUCTION: (
        "The solution runs in the production infrastructure, covered by agreements with the "
        "community and the resource providers."
    ),
    ImplementationStatus.CLOSED: (
        "EGI ended the case, for example because it needs resources or services EGI cannot "
        "offer, or because it is not a priority."
    ),
    ImplementationStatus.CANCELLED: (
        "The community withdrew the request, usually because its own plans changed."
    ),
}

def utc_iso(value: datetime | None) -> str | None:
    """The one spelling of a moment in every file the catalogue writes: ``2026-11-27T19:53:45Z``."""
    return value.strftime("%Y-%m-%dT%H:%M:%SZ") if value else None


#: Days without visible progress after which an active case counts as stale (the queue's
#: monitoring rule: owners are reminded after two weeks without progress).
STALE_AFTER_DAYS = 14


# --- The private side: what the RT source read ---------------------------------------------


@dataclass(frozen=True)
class RawTransaction:
    """One history entry of a ticket, as RT reports it."""

    id: int
    type: str  # Create, Correspond, Comment, Status, CustomField, EmailRecord, ...
    created: datetime
    field: str = ""  # for CustomField: the custom field's *name* (mapped from its id)
    old_value: str = ""
    new_value: str = ""
    #: the RT user who made the entry (a login, or the address RT named a user after); private
    creator: str = ""


@dataclass(frozen=True)
class RawAttachment:
    """One MIME part of a transaction; ``content`` is decoded text ('' for binary files)."""

    id: int
    transaction_id: int
    content_type: str
    filename: str
    content: str


@dataclass(frozen=True)
class TicketRecord:
    """Everything the source read about one ticket. Private: never rendered."""

    id: int
    queue: str
    subject: str
    status: str
    owner_name: str
    owner_real_name: str
    created: datetime
    last_updated: datetime
    resolved: datetime | None
    requestors: tuple[str, ...]
    cc: tuple[str, ...]
    custom_fields: dict[str, tuple[str, ...]]
    transactions: tuple[RawTransaction, ...]
    attachments: tuple[RawAttachment, ...]


@dataclass(frozen=True)
class TicketProblem:
    """A ticket, or one of its values, that could not be used as the source gave it.

    It names the ticket and the field and says what was done, in the catalogue's words; it
    never quotes the value (which may be confidential), so it may go to logs and reports.
    """

    where: str  # "ticket 5", "entry 3 of the raw file" (no usable id), "the raw file"
    field: str  # "Created", "custom field 'Scientific discipline'", "transactions", ...
    what: str  # "not a date; withheld", "a text instead of a list; read as one value", ...
    ticket: int | None = None
    count: int = 1  # how many values of this field had this problem

    def line(self) -> str:
        times = f" ({self.count} times)" if self.count > 1 else ""
        return f"{self.where}: {self.field}: {self.what}{times}"


@runtime_checkable
class DigestedTickets(Protocol):
    """Tickets whose digests are known without parsing them (the raw reading's ``Tickets``)."""

    def __len__(self) -> int: ...
    def __getitem__(self, index: int) -> TicketRecord: ...
    def ids(self) -> list[int]: ...
    def digest(self, index: int) -> bytes | None: ...
    def holds(self, record: TicketRecord) -> bool: ...
    def position(self, ticket_id: int) -> int: ...


@dataclass(frozen=True)
class RawQueue:
    """Every ticket read, plus where and when it was read. Private: never rendered."""

    tickets: Sequence[TicketRecord]  # a tuple, or the raw reading's lazily parsed ``Tickets``
    queue: str
    fetched_at: datetime | None
    is_sample: bool
    rt_web_url: str
    origin: str
    #: tickets merged into others (id -> the surviving ticket's id), as RT says
    merged: dict[int, int] = field(default_factory=dict)
    #: tickets that could not be read at all (one problem each): withheld, the rest goes on
    rejected: tuple[TicketProblem, ...] = ()
    #: values that were coerced, cut or dropped while reading the tickets that were kept
    warnings: tuple[TicketProblem, ...] = ()


# --- The public side: what screening hands on -----------------------------------------------


@dataclass(frozen=True)
class StatusChange:
    """The case moved into ``to`` on ``date`` (``from_`` is None for the first known status)."""

    date: datetime
    from_: ImplementationStatus | None
    to: ImplementationStatus


@dataclass(frozen=True)
class PublicMessage:
    """A screened message from the case's public correspondence."""

    date: datetime
    kind: str  # "description" (the message that opened the case) or "reply"
    text: str
    #: who wrote it, from RT's record of the transaction's creator: "EGI" (a member of the
    #: support team), "community" (a requestor of the case) or "" (cannot tell); never a name
    side: str = ""


@dataclass(frozen=True)
class ExternalContact:
    """An external contact reduced to what may be published: no name, no address."""

    affiliation: str
    role: str


@dataclass(frozen=True)
class PublicCase:
    """One case as the public may see it. Made only by ``generator.screening``."""

    id: int
    subject: str
    rt_status: str
    implementation_status: ImplementationStatus | None
    disciplines: tuple[str, ...]
    virtual_organisations: tuple[str, ...]
    sites: tuple[str, ...]
    links: tuple[str, ...]
    owner: str
    created: datetime
    last_updated: datetime
    description: str
    messages: tuple[PublicMessage, ...]
    status_history: tuple[StatusChange, ...]
    external_contacts: tuple[ExternalContact, ...]

    @property
    def last_progress(self) -> datetime:
        """When the case last visibly moved: its newest status change or message."""
        dates = [self.created]
        dates += [c.date for c in self.status_history]
        dates += [m.date for m in self.messages]
        return max(dates)

    @property
    def status_changes(self) -> int:
        """How many times the implementation status moved (the first known status is no move)."""
        return sum(1 for c in self.status_history if c.from_ is not None)


@dataclass(frozen=True)
class PublicSnapshot:
    """The whole public catalogue at one moment: the only input of the renderer."""

    cases: tuple[PublicCase, ...]
    #: ids once published that are no longer public (withheld or gone): tombstone pages
    withdrawn_ids: tuple[int, ...] = ()
    #: merged ticket id -> surviving ticket id
    redirects: dict[int, int] = field(default_factory=dict)
    #: when the raw data was read from RT (from the data, never the clock)
    fetched_at: datetime | None = None
    queue: str = ""
    #: True when built from the bundled synthetic sample
    is_sample: bool = False
    #: base URL of the RT web UI, for "view in RT" links ('' for none)
    rt_web_url: str = ""

    @property
    def newest_update(self) -> datetime | None:
        return max((c.last_updated for c in self.cases), default=None)


# --- The published fields: one table for every file that writes a case out -----------------


class FieldKind(enum.Enum):
    """What a published value is, which says how each file writes it."""

    NUMBER = "number"  # an integer: a bare number in cases.csv
    TEXT = "text"
    TEXTS = "list of texts"  # a JSON array; in cases.csv one cell, joined with "; "
    DATE = "date"  # UTC, spelled by utc_iso; null (empty in cases.csv) when unknown
    STATUS = "status"  # an ImplementationStatus, by its label; null (empty) when unset
    ADDRESS = "address"  # a page address the catalogue made itself, never text from a ticket
    RECORDS = "list of records"  # a JSON array of objects (``parts``); never in cases.csv


class FieldSource(enum.Enum):
    """Where a published value comes from."""

    CASE = "case"  # an attribute of PublicCase, kept in the public snapshot
    DERIVED = "derived"  # a property of PublicCase, computed from the kept ones
    SITE = "site"  # made by the renderer from the case (its page address, its community's name)


@dataclass(frozen=True)
class PublishedField:
    """One field a case publishes, or one key of the records of a RECORDS field.

    Adding a field to the catalogue is adding a line to ``PUBLISHED_FIELDS`` (and, for a
    CASE field, the attribute to ``PublicCase`` and the line of screening that fills it)."""

    name: str  # the key in the JSON files, the column of cases.csv
    kind: FieldKind
    meaning: str = ""  # one line of Markdown for the data page's field tables (docs/data.md)
    source: FieldSource = FieldSource.CASE
    cases_json: bool = True
    cases_csv: bool = True
    #: the search index's weight class for the value's words: "title", "fact", "text" or "" (none)
    search: str = ""
    #: the attribute that holds the value, when it is not ``name`` (``from`` is a keyword)
    attribute: str = ""
    #: for RECORDS: the record type and its keys
    item: type | None = None
    parts: tuple[PublishedField, ...] = ()
    #: values as RT holds them, from which the synthetic sample draws for a custom field it has
    #: no hand-written values for (they show the shape screening is to accept, too)
    examples: tuple[str, ...] = ()

    @property
    def attr(self) -> str:
        return self.attribute or self.name


_K, _S = FieldKind, FieldSource

#: Every field of a published case, in the order of the columns of cases.csv (then the fields
#: only cases.json has); the meanings are the data page's field tables.
PUBLISHED_FIELDS: tuple[PublishedField, ...] = (
    PublishedField("id", _K.NUMBER, "the RT ticket number; the case's permanent address is `cases/<id>/`",
                   search="fact"),
    PublishedField("url", _K.ADDRESS, "that address, relative to the catalogue's root", _S.SITE),
    PublishedField("subject", _K.TEXT, "the ticket subject, which starts with the community's name",
                   search="title"),
    PublishedField("community", _K.TEXT, "the community's name: the subject up to its first dash or colon",
                   _S.SITE, cases_json=False),
    PublishedField("implementation_status", _K.STATUS,
                   "one of the eight statuses (see [About](about.md#what-the-statuses-mean)); "
                   "empty when none is set", search="fact"),
    PublishedField("rt_status", _K.TEXT, "the ticket's own RT status (`new`, `open`, `stalled`, `resolved`, ...)"),
    PublishedField("disciplines", _K.TEXTS, "scientific disciplines, each written with its levels: "
                   "`Natural Sciences / Physical sciences / Astronomy`", search="fact"),
    PublishedField("virtual_organisations", _K.TEXTS, "the community's virtual organisations, if it has any",
                   search="fact"),
    PublishedField("sites", _K.TEXTS, "the resource centres involved", search="fact"),
    PublishedField("links", _K.TEXTS, "links to related documents (http and https only)"),
    PublishedField("owner", _K.TEXT, "the person on EGI's side responsible for the next step; "
                   "empty when nobody is assigned", search="fact"),
    PublishedField("created", _K.DATE, "when the ticket was opened"),
    PublishedField("last_updated", _K.DATE, "when RT last recorded anything on the ticket"),
    PublishedField("last_progress", _K.DATE, "the newest status change or reply (what the stale rule looks at)",
                   _S.DERIVED),
    PublishedField("status_changes", _K.NUMBER, "how many times the implementation status changed",
                   _S.DERIVED, cases_json=False),
    PublishedField("status_history", _K.RECORDS, "every status change, oldest first: `date`, `from` "
                   "(`null` for the first known status), `to`", cases_csv=False, item=StatusChange, parts=(
                       PublishedField("date", _K.DATE),
                       PublishedField("from", _K.STATUS, attribute="from_"),
                       PublishedField("to", _K.STATUS))),
    PublishedField("external_contacts", _K.RECORDS, "the community's contacts reduced to `affiliation` and "
                   "`role` (never names or addresses)", cases_csv=False,
                   item=ExternalContact, parts=(
                       PublishedField("affiliation", _K.TEXT),
                       PublishedField("role", _K.TEXT))),
    PublishedField("description", _K.TEXT, "the screened text of the message that opened the case",
                   cases_csv=False, search="text"),
    PublishedField("messages", _K.RECORDS, "the screened replies, each with its `date`, its `side` (`EGI` for "
                   "the support team, `community` for the case's requestors, empty when RT's record does not "
                   "tell) and `text`", cases_csv=False, item=PublicMessage, parts=(
                       PublishedField("date", _K.DATE),
                       # a case's messages are all replies (what opened it is its description):
                       # the snapshot keeps the kind, cases.json leaves it out
                       PublishedField("kind", _K.TEXT, cases_json=False),
                       PublishedField("side", _K.TEXT),
                       PublishedField("text", _K.TEXT, search="text"))),
)


def published_fields(*, source: FieldSource | None = None, cases_json: bool | None = None,
                     cases_csv: bool | None = None) -> tuple[PublishedField, ...]:
    """The fields of ``PUBLISHED_FIELDS`` (read when called) that match every condition given."""
    return tuple(f for f in PUBLISHED_FIELDS
                 if (source is None or f.source is source)
                 and (cases_json is None or f.cases_json is cases_json)
                 and (cases_csv is None or f.cases_csv is cases_csv))


def json_value(f: PublishedField, value: Any, *, export: bool = False) -> Any:
    """A published value as the JSON files hold it: the snapshot, or ``cases.json`` (``export``),
    which leaves out the record keys it does not publish."""
    if f.kind is FieldKind.RECORDS:
        return [{p.name: json_value(p, getattr(item, p.attr), export=export)
                 for p in f.parts if p.cases_json or not export} for item in value]
    if f.kind is FieldKind.DATE:
        return utc_iso(value)
    if f.kind is FieldKind.STATUS:
        return value.value if value else None
    if f.kind is FieldKind.TEXTS:
        return list(value)
    return value
