"""The field allowlist: a TicketRecord becomes a PublicCase, or is withheld.

Only the fields below are ever read from a record. Requestors, Cc, comments, EmailRecords,
attachments that are files, and custom fields not named in the configuration are never
looked at, so nothing of them can reach the public side.

Every value that reaches the public case is screened: the subject and the messages as text
(``policy``), and every short value (custom-field values, owner, RT status, contacts entries,
links) by its shape first (``fields``) and then by the detectors. A short value that is not of a
recognised shape, or holds any finding, is dropped and counted.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from generator.config import Config
from generator.model import (
    ExternalContact,
    ImplementationStatus,
    PublicCase,
    PublicMessage,
    StatusChange,
    TicketRecord,
)
from generator.screening import fields
from generator.screening.detectors import find_all
from generator.screening.policy import Action, FieldKind, Policy
from generator.screening.text import Hit, html_table_rows, html_to_text, screen_text

#: transaction types whose text is public (the opening message and replies)
PUBLIC_MESSAGE_TYPES = {"Create": "description", "Correspond": "reply"}
_TEXT_TYPES = ("text/plain", "text/html")
_TABLE = re.compile(r"<\s*table\b", re.IGNORECASE)
_NOBODY = {"", "nobody"}


@dataclass(frozen=True)
class CaseOutcome:
    case_id: int
    case: PublicCase | None  # None: withheld
    hits: tuple[Hit, ...]
    withheld_reason: str = ""
    warnings: tuple[str, ...] = ()
    #: field -> number of values dropped because of their shape or a finding in them
    dropped: tuple[tuple[str, int], ...] = ()


class _Screen:
    """The screening of one record: its hits, warnings and dropped values, collected."""

    def __init__(self, record: TicketRecord, policy: Policy) -> None:
        self.record = record
        self.policy = policy
        self.hits: list[Hit] = []
        self.warnings: list[str] = []
        self.dropped: Counter[str] = Counter()

    def text(self, value: str, field: str, kind: FieldKind) -> str:
        result = screen_text(value, field, self.record.id, self.policy, kind)
        self.hits.extend(result.hits)
        return result.text

    def value(self, raw: str, field: str, shape) -> str:
        """A short value: published only if its shape is recognised and nothing is found in it."""
        if not raw.strip():
            return ""
        shaped = shape(raw)
        if shaped is None and (clean := fields.cleaned(raw)) != raw:
            shaped = shape(clean)  # (written with invisible or look-alike characters)
        if shaped is None:
            self.dropped[field] += 1
            return ""
        screened = self.text(shaped, field, FieldKind.VALUE)
        if not screened:
            self.dropped[field] += 1
        return screened

    @property
    def withholds_case(self) -> bool:
        return any(h.action is Action.WITHHOLD_CASE for h in self.hits)


def screen_record(record: TicketRecord, config: Config, policy: Policy) -> CaseOutcome:
    """Builds the public view of one ticket, or withholds it."""
    if record.id in policy.withheld_cases:
        return CaseOutcome(record.id, None, (), "withheld on request (overrides file)")
    s = _Screen(record, policy)
    subject = s.text(" ".join(record.subject.split()), "subject", FieldKind.SUBJECT)
    if s.withholds_case:
        return _withheld(s, "a confidentiality marker in the subject")

    def values(logical: str, shape, split=None) -> tuple[str, ...]:
        name = config.cf(logical)
        raw = record.custom_fields.get(name, ())
        if split:  # "biomed, vo.example.eu": several values written as one
            raw = tuple(part for v in raw for part in split(v))
        cleaned = (s.value(v, f"custom field {name}", shape) for v in raw)
        return tuple(dict.fromkeys(v for v in cleaned if v))

    status_text = _first(record.custom_fields.get(config.cf("implementation_status"), ()))
    status = _parse_status(status_text, record.id, s.warnings)
    messages = _public_messages(record, s)
    description = next((m.text for m in messages if m.kind == "description"), "")
    case = PublicCase(
        id=record.id,
        subject=subject or f"Case {record.id}",
        rt_status=s.value(record.status, "RT status", fields.rt_status),
        implementation_status=status,
        disciplines=values("disciplines", fields.discipline),
        virtual_organisations=values("virtual_organisations", fields.vo_name, fields.vo_list),
        sites=values("sites", fields.site_names),
        links=_public_links(record.custom_fields.get(config.cf("links"), ()), s),
        owner=_owner(record, s),
        created=record.created,
        last_updated=record.last_updated,
        description=description,
        messages=tuple(m for m in messages if m.kind != "description"),
        status_history=_status_history(record, config, status, s.warnings),
        external_contacts=_contacts(record, config, s),
    )
    if s.withholds_case:
        return _withheld(s, "a finding whose policy withholds the case")
    return CaseOutcome(record.id, case, tuple(s.hits), "", tuple(s.warnings), tuple(sorted(s.dropped.items())))


def _withheld(s: _Screen, reason: str) -> CaseOutcome:
    return CaseOutcome(s.record.id, None, tuple(s.hits), reason, tuple(s.warnings), tuple(sorted(s.dropped.items())))


def _first(values: tuple[str, ...]) -> str:
    return values[0] if values else ""


def _parse_status(text: str, case_id: int, warnings: list[str]) -> ImplementationStatus | None:
    if not text:
        return None
    try:
        return ImplementationStatus.parse(text)
    except ValueError:
        warnings.append(f"ticket {case_id}: unknown implementation status ignored")
        return None


def _owner(record: TicketRecord, s: _Screen) -> str:
    """The owner's real name, else the login, if either is a plain name (EGI staff are public)."""
    if record.owner_name.lower() in _NOBODY:
        return ""
    for candidate in (record.owner_real_name, record.owner_name):
        if candidate and (fields.owner(candidate) or fields.owner(fields.cleaned(candidate))):
            return s.value(candidate, "owner", fields.owner)
    if record.owner_real_name or record.owner_name:
        s.dropped["owner"] += 1
    return ""


def _public_messages(record: TicketRecord, s: _Screen) -> list[PublicMessage]:
    """The opening message and the replies; the first text part of each transaction."""
    by_txn: dict[int, list] = {}
    for part in record.attachments:
        if not part.filename and part.content_type.split(";")[0].strip() in _TEXT_TYPES and part.content.strip():
            by_txn.setdefault(part.transaction_id, []).append(part)
    messages = []
    for txn in record.transactions:
        kind = PUBLIC_MESSAGE_TYPES.get(txn.type)
        parts = by_txn.get(txn.id)
        if kind is None or not parts:
            continue
        plain = [p for p in parts if p.content_type.startswith("text/plain")]
        # (an HTML table is written row by row, a line of cells each: a reader reads a header over
        # its column there, as screening does; a cell's paragraphs do not break its row)
        body = plain[0].content if plain else (
            html_table_rows(parts[0].content) if _TABLE.search(parts[0].content) else html_to_text(parts[0].content))
        text = s.text(body, kind, FieldKind.MESSAGE)
        if text:
            messages.append(PublicMessage(txn.created, kind, text, message_side(txn.creator, record)))
    return messages


def message_side(creator: str, record: TicketRecord) -> str:
    """Which side wrote a message, from RT's record of its creator; the name itself is dropped.

    A requestor of the case speaks for the community; the owner, or any account RT knows by a
    login rather than by an e-mail address (RT names the users it creates from incoming mail
    after their address), is the support team. Anyone else (a Cc'd address, say) stays unlabelled.
    """
    who = creator.strip().casefold()
    if not who or who in {"rt_system", "nobody"}:
        return ""
    if who in {r.casefold() for r in record.requestors}:
        return "community"
    if who == record.owner_name.casefold() or "@" not in who:
        return "EGI"
    return ""


#: a note of a few words in brackets beside a link ("(Datensatz)", "(dummy URL from the tutorial,
#: not a real signed link)"): not published, and the links are, when nothing in the value is a finding
_LINK_NOTE = re.compile(r"\((?:[^\W\d_][\w'’.-]*[ ,]*){1,12}\)")


def _public_links(values: tuple[str, ...], s: _Screen) -> tuple[str, ...]:
    """Absolute http(s) links, each whole, and the addresses of bare DOIs, arXiv ids and handles;
    a value with anything else in it is dropped whole."""
    links: list[str] = []
    for raw in values:
        clean = fields.cleaned(raw)
        if clean != raw and not all(fields.link(c) for c in fields.link_candidates(raw)):
            raw = clean  # (a link written with invisible characters or fullwidth digits)
        candidates = fields.link_candidates(raw)
        if not candidates:
            continue
        if not all(fields.link(c) for c in candidates):
            candidates = fields.link_candidates(_LINK_NOTE.sub(" ", raw))
            if not candidates or not all(fields.link(c) for c in candidates) or find_all(raw):
                s.dropped["links"] += 1
                continue  # (a note naming what a link is, "(Datensatz)", goes; one with a finding drops them all)
        screened = [s.value(c, "links", fields.link) for c in candidates]
        links += [c for c in screened if c]
    return tuple(dict.fromkeys(links))


def _status_history(
    record: TicketRecord, config: Config, current: ImplementationStatus | None, warnings: list[str]
) -> tuple[StatusChange, ...]:
    """The dated moves between implementation statuses, oldest first."""
    name = config.cf("implementation_status")
    changes = [t for t in record.transactions if t.type == "CustomField" and t.field == name and t.new_value]
    history: list[StatusChange] = []
    first_known = changes[0].old_value if changes else (current.value if current else "")
    if first_known:
        status = _parse_status(first_known, record.id, warnings)
        if status:
            history.append(StatusChange(record.created, None, status))
    for t in changes:
        to = _parse_status(t.new_value, record.id, warnings)
        if to is None:
            continue
        previous = history[-1].to if history else None
        if to != previous:
            history.append(StatusChange(t.created, previous, to))
    return tuple(history)


def _entries(value: str) -> list[str]:
    """The entries of a contacts value: one a line or between ';', and "Org A (role), Org B (role)"
    as two when each part is an organisation with its role (else the entry stays whole, to be
    judged whole: "Name, Org (role), +420 ..." is dropped, not cut)."""
    entries = []
    for entry in re.split(r"[\n;]+", value):
        parts = re.split(r"(?<=\))[ \t]*,[ \t]*", entry)
        entries += parts if len(parts) > 1 and all(fields.organisation_with_role(p) for p in parts) else [entry]
    return entries


def _contacts(record: TicketRecord, config: Config, s: _Screen) -> tuple[ExternalContact, ...]:
    """'Name <address>, Affiliation (role)' entries reduced to affiliation and role; an entry of
    any other shape, or with a finding in what is published, is dropped and counted."""
    if not config.publish_contact_affiliations:
        return ()
    contacts = []
    for value in record.custom_fields.get(config.cf("external_contacts"), ()):
        for entry in _entries(value):
            if not entry.strip():
                continue
            shaped = fields.contact(entry)
            if shaped is None and (clean := fields.cleaned(entry)) != entry:
                shaped = fields.contact(clean)
            if shaped is None:
                s.dropped["external contacts"] += 1
                continue
            affiliation, role = shaped
            published = [s.text(x, "external contacts", FieldKind.VALUE) if x else "" for x in (affiliation, role)]
            if [bool(x) for x in published] != [bool(affiliation), bool(role)]:
                s.dropped["external contacts"] += 1
                continue
            contacts.append(ExternalContact(*published))
    return tuple(contacts)
