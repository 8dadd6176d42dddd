"""The field allowlist: a TicketRecord becomes a PublicCase, or is withheld.

Only the fields below are ever read from a record. Requestors, Cc, comments, EmailRecords,
attachments that are files, and custom fields not named in the configuration are never
looked at, so nothing of them can reach the public side.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from generator.config import Config
from generator.model import (
    ExternalContact,
    ImplementationStatus,
    PublicCase,
    PublicMessage,
    StatusChange,
    TicketRecord,
)
from generator.screening.policy import Action, Policy
from generator.screening.text import Hit, ScreenedText, html_to_text, screen_text

#: transaction types whose text is public (the opening message and replies)
PUBLIC_MESSAGE_TYPES = {"Create": "description", "Correspond": "reply"}
_TEXT_TYPES = ("text/plain", "text/html")
_NOBODY = {"", "nobody"}


@dataclass(frozen=True)
class CaseOutcome:
    case_id: int
    case: PublicCase | None  # None: withheld
    hits: tuple[Hit, ...]
    withheld_reason: str = ""
    warnings: tuple[str, ...] = ()


def screen_record(record: TicketRecord, config: Config, policy: Policy) -> CaseOutcome:
    """Builds the public view of one ticket, or withholds it."""
    if record.id in policy.withheld_cases:
        return CaseOutcome(record.id, None, (), "withheld on request (overrides file)")
    hits: list[Hit] = []
    warnings: list[str] = []

    def clean(text: str, field: str) -> str:
        result: ScreenedText = screen_text(text, field, record.id, policy)
        hits.extend(result.hits)
        return result.text

    def clean_values(logical: str) -> tuple[str, ...]:
        values = record.custom_fields.get(config.cf(logical), ())
        cleaned = (clean(v, f"custom field {config.cf(logical)}") for v in values)
        return tuple(v for v in cleaned if v)

    status_text = _first(record.custom_fields.get(config.cf("implementation_status"), ()))
    status = _parse_status(status_text, record.id, warnings)
    messages = _public_messages(record, clean)
    description = next((m.text for m in messages if m.kind == "description"), "")
    case = PublicCase(
        id=record.id,
        subject=clean(" ".join(record.subject.split()), "subject") or f"Case {record.id}",
        rt_status=record.status,
        implementation_status=status,
        disciplines=clean_values("disciplines"),
        virtual_organisations=clean_values("virtual_organisations"),
        sites=clean_values("sites"),
        links=_public_links(record.custom_fields.get(config.cf("links"), ()), clean, warnings, record.id),
        owner="" if record.owner_name.lower() in _NOBODY else clean(record.owner_real_name or record.owner_name, "owner"),
        created=record.created,
        last_updated=record.last_updated,
        description=description,
        messages=tuple(m for m in messages if m.kind != "description"),
        status_history=_status_history(record, config, status, warnings),
        external_contacts=_contacts(record, config, clean),
    )
    if any(h.action is Action.WITHHOLD_CASE for h in hits):
        return CaseOutcome(record.id, None, tuple(hits), "a finding whose policy withholds the case", tuple(warnings))
    return CaseOutcome(record.id, case, tuple(hits), "", tuple(warnings))


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


def _public_messages(record: TicketRecord, clean) -> list[PublicMessage]:
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
        body = plain[0].content if plain else html_to_text(parts[0].content)
        text = clean(body, kind)
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


def _public_links(values: tuple[str, ...], clean, warnings: list[str], case_id: int) -> tuple[str, ...]:
    """Only absolute http(s) links survive, and only when screening left them whole."""
    links = []
    for raw in values:
        for candidate in raw.split():
            parts = urlsplit(candidate)
            if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
                warnings.append(f"ticket {case_id}: a related-documents link that is not http(s) was dropped")
                continue
            screened = clean(candidate, "links")
            if screened == candidate:
                links.append(candidate)
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


_EMAILISH = re.compile(r"<[^>]*>|\S+@\S+")
_ROLE = re.compile(r"\(([^()]*)\)\s*$")


def _contacts(record: TicketRecord, config: Config, clean) -> tuple[ExternalContact, ...]:
    """'Name <address>, Affiliation (role)' entries reduced to affiliation and role."""
    if not config.publish_contact_affiliations:
        return ()
    contacts = []
    for value in record.custom_fields.get(config.cf("external_contacts"), ()):
        for entry in re.split(r"[\n;]+", value):
            entry = _EMAILISH.sub("", entry).strip(" ,")
            role_match = _ROLE.search(entry)
            role = role_match.group(1).strip() if role_match else ""
            entry = _ROLE.sub("", entry).strip(" ,")
            # the name comes first; what follows the first comma is the affiliation
            affiliation = entry.split(",", 1)[1].strip() if "," in entry else ""
            affiliation = clean(affiliation, "external contacts")
            role = clean(role, "external contacts")
            if affiliation or role:
                contacts.append(ExternalContact(affiliation, role))
    return tuple(contacts)
