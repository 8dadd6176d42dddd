"""What a read holds of the queue while it reads, as plain data with pure functions around it.

A read keeps three maps that are cut into raw entries at the end: ticket items by id, each
ticket's transactions (only those the raw file keeps) by transaction id, and message bodies by
transaction id. Keeping them apart lets an incremental read add what is new to what the cache
held, and lets every check below look at one of them alone.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from generator.rt.records import parse_rt_datetime
from generator.rt.rest2 import BODY_TYPES, is_catalogue_transaction, merged_into

Entry = dict[str, Any]


@dataclass
class Holdings:
    items: dict[int, Entry] = field(default_factory=dict)
    history: dict[int, dict[str, Entry]] = field(default_factory=dict)
    bodies: dict[str, list[Entry]] = field(default_factory=dict)
    #: merged ticket id -> the ticket it was merged into, as RT's merge transactions say
    merged: dict[int, int] = field(default_factory=dict)

    @classmethod
    def from_entries(cls, entries: dict[int, Entry], merged: dict[int, int]) -> Holdings:
        held = cls(merged=dict(merged))
        for i, entry in entries.items():
            held.items[i] = entry["ticket"]
            held.history[i] = {str(x["id"]): x for x in entry.get("transactions") or []}
            for a in entry.get("attachments") or []:
                held.bodies.setdefault(str(ref_id(a.get("TransactionId"))), []).append(a)
        return held

    def entries(self) -> dict[int, Entry]:
        """Raw entries (casecat-raw/1) of the tickets held, transactions and bodies by id."""
        out: dict[int, Entry] = {}
        for i in sorted(self.items):
            rows = sorted(self.history.get(i, {}).values(), key=lambda x: int(x["id"]))
            parts = [a for x in rows for a in self.bodies.get(str(x["id"]), [])]
            out[i] = {"ticket": self.items[i], "transactions": rows,
                      "attachments": sorted(parts, key=lambda a: int(a["id"]))}
        return out

    def drop(self, ticket: int) -> None:
        self.items.pop(ticket, None)
        for x in self.history.pop(ticket, {}):
            self.bodies.pop(x, None)

    def replace_history(self, ticket: int, rows: Iterable[Entry], cf_ids: Iterable[str]) -> None:
        for x in self.history.pop(ticket, {}):
            self.bodies.pop(x, None)
        self.history[ticket] = {}
        self.add_history(rows, cf_ids, tickets={ticket})

    def add_history(self, rows: Iterable[Entry], cf_ids: Iterable[str], *, tickets: set[int] | None = None) -> None:
        """Keeps the catalogue's transactions among ``rows`` (of the given tickets only)."""
        keep = set(cf_ids)
        for x in rows:
            ticket = int(x.get("ObjectId") or 0)
            if (tickets is None or ticket in tickets) and is_catalogue_transaction(x, keep):
                self.history.setdefault(ticket, {})[str(x["id"])] = x

    def add_bodies(self, attachments: Iterable[Entry]) -> None:
        wanted = self.body_transactions()
        for a in attachments:
            key = str(ref_id(a.get("TransactionId")))
            if key in wanted and not any(str(b["id"]) == str(a["id"]) for b in self.bodies.get(key, [])):
                self.bodies.setdefault(key, []).append(a)

    def body_transactions(self, tickets: Iterable[int] | None = None) -> set[str]:
        """Ids of the messages (Create, Correspond) of the tickets held."""
        chosen = self.history if tickets is None else {i: self.history.get(i, {}) for i in tickets}
        return {t for rows in chosen.values() for t, x in rows.items() if x.get("Type") in BODY_TYPES}

    def without_body(self, tickets: Iterable[int] | None = None) -> list[int]:
        return sorted(int(t) for t in self.body_transactions(tickets) if not self.bodies.get(t))

    def lacks_creation(self, ticket: int) -> bool:
        return not any(x.get("Type") == "Create" for x in self.history.get(ticket, {}).values())

    def note_merges(self, rows: Iterable[Entry]) -> set[int]:
        """Records the merges among ``rows``; returns the tickets merged away."""
        found = merges_in(rows)
        self.merged = resolve_chains({**self.merged, **found})
        return set(found)


def merges_in(rows: Iterable[Entry]) -> dict[int, int]:
    """Merged ticket -> the ticket it was merged into, from merge transactions (oldest first)."""
    found = {}
    for x in sorted(rows, key=lambda x: int(x["id"])):
        target = merged_into(x)
        if target is not None:
            found[int(x["ObjectId"])] = target
    return found


def resolve_chains(merged: dict[int, int]) -> dict[int, int]:
    """Each merged ticket to the ticket its chain of merges ends in, as RT's EffectiveId does."""
    out = {}
    for start in merged:
        seen, target = {start}, merged[start]
        while target in merged and target not in seen:
            seen.add(target)
            target = merged[target]
        out[start] = target
    return out


def deleted_by(rows: Iterable[Entry]) -> set[int]:
    """Tickets whose last status change among ``rows`` is to 'deleted'."""
    last: dict[int, str] = {}
    for x in sorted(rows, key=lambda x: int(x["id"])):
        if x.get("Type") == "Status":
            last[int(x["ObjectId"])] = str(x.get("NewValue") or "")
    return {i for i, status in last.items() if status == "deleted"}


def newest(values: Iterable[str | None]) -> datetime | None:
    """The latest of some RT dates (None when there is none)."""
    dates = [d for d in (parse_rt_datetime(v) for v in values if v) if d is not None]
    return max(dates, default=None)


def custom_fields_of(item: Entry) -> list[tuple[str, str]]:
    """The custom fields a ticket item shows (id, name): the queue's, as this account sees them."""
    return sorted((str(cf.get("id")), str(cf.get("name"))) for cf in item.get("CustomFields") or [])


def canonical(value: Any) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False)


def ref_id(value: Any) -> Any:
    return value.get("id") if isinstance(value, dict) else value
