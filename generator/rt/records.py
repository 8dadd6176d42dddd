"""The raw queue file: RT 5 REST 2 JSON, grouped per ticket, and its parsing into records.

Both RT sources (REST 2 and REST 1.0), the cache and the bundled sample store the same shape,
so one mapping serves them all::

    {
      "format": "casecat-raw/1",
      "queue": "technical-support-cases",
      "fetched_at": "2026-11-27T19:53:45Z",      # when RT was read (UTC)
      "source": "sample" | "rt",
      "rt_web_url": "https://rt.example.org",    # optional, for "view in RT" links
      "tickets": [
        {
          "ticket": {...},          # a REST 2 ticket search item: id, Subject, Status, Owner{Name,
                                    # RealName}, Created, LastUpdated, Resolved, Requestor[], Cc[],
                                    # Queue{Name}, CustomFields[{id, name, values}]
          "transactions": [...],    # REST 2 transaction items: id, Type, Created, Field,
                                    # OldValue, NewValue (Field is the custom field *id*)
          "attachments": [...]      # REST 2 attachment items: id, TransactionId, ContentType,
                                    # Filename, Content (decoded text)
        }, ...
      ],
      "merged": {"12": 7, ...}      # optional: a ticket of the queue merged into another ->
                                    # the ticket it lives on in (RT's EffectiveId); never in "tickets"
    }

Everything RT returned is kept here; deciding what is public is screening's job.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from generator.model import RawAttachment, RawTransaction, TicketRecord

RAW_FORMAT = "casecat-raw/1"
_UNSET = "1970-01-01T00:00:00Z"


class RawDataError(ValueError):
    """The raw queue file is not what the sources write; the message names file and ticket."""


def parse_rt_datetime(text: str | None) -> datetime | None:
    """REST 2 dates are UTC ``YYYY-MM-DDTHH:MM:SSZ``; RT's epoch means 'not set'."""
    if not text or text == _UNSET or text == "Not set":
        return None
    try:
        value = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        value = datetime.strptime(text, "%Y-%m-%d %H:%M:%S")
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def format_rt_datetime(value: datetime) -> str:
    return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def read_raw_file(path: Path) -> dict[str, Any]:
    """Reads and checks a raw queue file; the error names the file."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise RawDataError(f"{path}: no such file") from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise RawDataError(f"{path}: not a readable raw queue file: {exc}") from None
    if not isinstance(data, dict) or data.get("format") != RAW_FORMAT:
        raise RawDataError(f"{path}: not a casecat raw queue file (expected format {RAW_FORMAT!r})")
    if not isinstance(data.get("tickets"), list):
        raise RawDataError(f"{path}: 'tickets' must be a list")
    return data


def parse_merged(data: dict[str, Any], origin: str = "raw data") -> dict[int, int]:
    """The optional ``merged`` map: merged ticket id -> surviving ticket id."""
    merged = data.get("merged") or {}
    try:
        if not isinstance(merged, dict):
            raise TypeError("not a mapping")
        return {int(k): int(v) for k, v in merged.items()}
    except (TypeError, ValueError) as exc:
        raise RawDataError(f"{origin}: 'merged' must map ticket ids to ticket ids ({exc})") from None


def parse_entries(data: dict[str, Any], origin: str = "raw data") -> list[TicketRecord]:
    records = []
    for index, entry in enumerate(data["tickets"]):
        try:
            records.append(parse_entry(entry))
        except (KeyError, TypeError, ValueError) as exc:
            ticket = entry.get("ticket", {}).get("id", f"#{index}") if isinstance(entry, dict) else index
            raise RawDataError(f"{origin}: ticket {ticket}: malformed record: {exc!r}") from None
    ids = [r.id for r in records]
    if len(ids) != len(set(ids)):
        dup = sorted({i for i in ids if ids.count(i) > 1})
        raise RawDataError(f"{origin}: duplicate ticket id(s) {dup}")
    return records


def parse_entry(entry: dict[str, Any]) -> TicketRecord:
    """One grouped REST 2 entry -> a TicketRecord (custom-field ids mapped to names)."""
    t = entry["ticket"]
    cf_names: dict[str, str] = {}
    custom_fields: dict[str, tuple[str, ...]] = {}
    for cf in t.get("CustomFields") or []:
        cf_names[str(cf["id"])] = cf["name"]
        custom_fields[cf["name"]] = tuple(str(v) for v in cf.get("values") or [])
    owner = t.get("Owner") or {}
    if isinstance(owner, str):
        owner = {"Name": owner}
    created = parse_rt_datetime(t["Created"])
    if created is None:
        raise ValueError("Created is not set")
    transactions = tuple(
        RawTransaction(
            id=int(x["id"]),
            type=str(x["Type"]),
            created=parse_rt_datetime(x["Created"]) or created,
            field=cf_names.get(str(x.get("Field") or ""), str(x.get("Field") or ""))
            if x["Type"] == "CustomField"
            else str(x.get("Field") or ""),
            old_value=str(x.get("OldValue") or ""),
            new_value=str(x.get("NewValue") or ""),
            creator=_user_id(x.get("Creator") or ""),
        )
        for x in entry.get("transactions") or []
    )
    attachments = tuple(
        RawAttachment(
            id=int(a["id"]),
            transaction_id=int(_ref_id(a["TransactionId"])),
            content_type=str(a.get("ContentType") or ""),
            filename=str(a.get("Filename") or ""),
            content=str(a.get("Content") or ""),
        )
        for a in entry.get("attachments") or []
    )
    return TicketRecord(
        id=int(t["id"]),
        queue=_queue_name(t.get("Queue")),
        subject=str(t.get("Subject") or ""),
        status=str(t.get("Status") or ""),
        owner_name=str(owner.get("Name") or owner.get("id") or ""),
        owner_real_name=str(owner.get("RealName") or ""),
        created=created,
        last_updated=parse_rt_datetime(t.get("LastUpdated")) or created,
        resolved=parse_rt_datetime(t.get("Resolved")),
        requestors=tuple(_user_id(u) for u in t.get("Requestor") or []),
        cc=tuple(_user_id(u) for u in t.get("Cc") or []),
        custom_fields=custom_fields,
        transactions=tuple(sorted(transactions, key=lambda x: (x.created, x.id))),
        attachments=tuple(sorted(attachments, key=lambda a: a.id)),
    )


def _ref_id(value: Any) -> Any:
    return value["id"] if isinstance(value, dict) else value


def _user_id(value: Any) -> str:
    return str(value.get("id") or value.get("EmailAddress") or "") if isinstance(value, dict) else str(value)


def _queue_name(value: Any) -> str:
    if isinstance(value, dict):
        return str(value.get("Name") or value.get("id") or "")
    return str(value or "")
