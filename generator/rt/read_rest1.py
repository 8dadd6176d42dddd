"""Reading a queue through REST 1.0 (``--api rest1``), with the same guarantees as REST 2 where
REST 1.0 can give them.

REST 1.0 has no paging: one search returns the whole queue, so no row is lost between pages, and
listing every id costs one request, so tickets that left are found by listing them every run.
Tickets updated since the window (``LastUpdated >= …`` in TicketSQL) and those that arrived have
their whole history read again. A merged ticket is one that left the queue and that RT shows as
another ticket when asked for by id. Owners' names are read each run for every owner (one
request), and a renamed owner is found by asking one unchanged ticket per owner who it is owned
by now.

REST 1.0 shows ticket dates in the account's time zone, without saying which. The check is a
moment seen both ways: a ticket's Created (in the account's zone) against its Create
transaction (always UTC), or its LastUpdated against its newest transaction. The same moment
read the same proves UTC; a ticket updated before its own newest transaction, or created a
whole number of quarter hours away from its Create transaction, proves another zone.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

from generator.rt.cache import Checkpoint
from generator.rt.holdings import Holdings, canonical, newest, resolve_chains
from generator.rt.http import FetchError
from generator.rt.read_rest2 import OVERLAP, NeedFull, Outcome
from generator.rt.records import parse_rt_datetime
from generator.rt.rest1 import Rest1Source

log = logging.getLogger("casecat.rt")
Entry = dict[str, Any]
Progress = Callable[[str, int, int | None], None]

ZONE_ERROR = (
    "the RT account's time zone is not UTC: REST 1.0 shows dates in it and RT reads the dates casecat "
    "asks for in it; set the account's Timezone preference to UTC (or RT's $Timezone)"
)


class Rest1Read:
    def __init__(self, source: Rest1Source, *, progress: Progress | None = None) -> None:
        self.source = source
        self.progress = progress or (lambda stage, done, total: None)

    def full(self, checkpoint: Checkpoint) -> Outcome:
        s = self.source
        s.check_queue()
        held = Holdings()
        tickets = s.tickets()
        self.progress("tickets", len(tickets), len(tickets))
        self._read(held, tickets)
        every = set(s.queue_ids(merged=True))
        held.merged = self._merges(every - set(held.items))
        self._check_zone(held, set(held.items), probe=None)
        return Outcome(held, _window(held.items.values(), None), True)

    def incremental(self, held: Holdings, window_from: datetime, counts_in_sql: bool) -> Outcome:
        s = self.source
        s.check_queue()
        known = sorted({str(cf.get("name")) for t in held.items.values() for cf in t.get("CustomFields") or []})
        if held.items and known != s.custom_field_names():
            raise NeedFull("the queue's custom fields changed")
        anchor = self._anchor(held)
        listed = set(s.queue_ids())
        gone = set(held.items) - listed
        # a ticket last updated before the newest change the previous read saw, and shown as it
        # was then, has nothing new: its history was read after that second was over
        seen_until = window_from + OVERLAP
        changed = {int(t["id"]): t for t in s.tickets(since=window_from)
                   if canonical(t) != canonical(held.items.get(int(t["id"])))
                   or (parse_rt_datetime(t.get("LastUpdated")) or seen_until) >= seen_until}
        arrived = listed - set(held.items) - set(changed)
        if arrived:
            changed.update({int(t["id"]): t for t in s.tickets(ids=arrived)})
        merged = self._merges(gone) if gone else {}
        held.merged = resolve_chains({**held.merged, **merged})
        for i in gone:
            held.drop(i)
        self._read(held, list(changed.values()))
        self._refresh_owners(held, set(changed))
        self._check_zone(held, set(changed), probe=anchor)
        return Outcome(held, _window([t for i, t in held.items.items() if i in changed], window_from), True)

    # --- parts ---------------------------------------------------------------------------------

    def _read(self, held: Holdings, tickets: list[Entry]) -> None:
        """Items, whole histories and bodies of these tickets; one whose history vanished
        meanwhile (moved to a queue this account does not see) is left out."""
        details = self.source.details(tickets, whole_queue=False)
        cf_names = sorted({str(cf.get("name")) for t in tickets for cf in t.get("CustomFields") or []})
        for t in tickets:
            i = int(t["id"])
            got = details.get(i)
            if not got or not any(x.get("Type") == "Create" for x in got["transactions"]):
                log.warning("ticket %d left the queue while it was read; left out", i)
                held.drop(i)
                continue
            held.items[i] = t
            held.replace_history(i, got["transactions"], cf_names)
            held.add_bodies(got["attachments"])
        self.progress("history", len(tickets), len(tickets))

    def _merges(self, ids: set[int]) -> dict[int, int]:
        if not ids:
            return {}
        shown = self.source.effective_ids(ids)
        return resolve_chains({i: e for i, e in shown.items() if e != i})

    def _refresh_owners(self, held: Holdings, fresh: set[int]) -> None:
        """Owners of the tickets not read again: renamed ones found through one ticket each,
        then every owner's name and address read anew."""
        reps: dict[str, int] = {}
        for i, t in sorted(held.items.items()):
            if i not in fresh:
                reps.setdefault(t["Owner"]["Name"], i)
        now = self.source.owners_of(reps.values()) if reps else {}
        renamed = {}
        for name, i in reps.items():
            owner, updated = now.get(i, (name, ""))
            if owner != name and updated == held.items[i].get("LastUpdated"):
                renamed[name] = owner
        stale = [t for i, t in held.items.items() if i not in fresh]
        for t in stale:
            name = renamed.get(t["Owner"]["Name"], t["Owner"]["Name"])
            t["Owner"] = {"id": name, "Name": name, "type": "user"}
        self.source.add_owner_names(stale)

    def _anchor(self, held: Holdings) -> tuple[int, str] | None:
        """A ticket held whose Created was shown the same as its Create transaction."""
        for i, t in sorted(held.items.items(), key=lambda kv: str(kv[1].get("LastUpdated")), reverse=True):
            create = next((x for x in held.history.get(i, {}).values() if x.get("Type") == "Create"), None)
            if create is not None and create.get("Created") == t.get("Created"):
                return i, str(t.get("Created"))
        return None

    def _check_zone(self, held: Holdings, fresh: set[int], probe: tuple[int, str] | None) -> None:
        verdict = zone_evidence(held, fresh)
        if verdict is None and probe is not None:
            shown = self.source.tickets(ids=[probe[0]])
            if shown:
                verdict = shown[0].get("Created") == probe[1]
        if verdict is False:
            raise FetchError(ZONE_ERROR)
        if verdict is None and fresh:
            log.warning("could not check the RT account's time zone: no ticket read shows a date twice")


def zone_evidence(held: Holdings, tickets: set[int]) -> bool | None:
    """True when some ticket shows a moment the same in its dates (account's zone) and in its
    transactions (UTC), False when one proves another zone, None when none can tell."""
    seen_other = False
    for i in tickets:
        item, rows = held.items.get(i), list(held.history.get(i, {}).values())
        if item is None or not rows:
            continue
        created = parse_rt_datetime(item.get("Created"))
        updated = parse_rt_datetime(item.get("LastUpdated"))
        create = next((parse_rt_datetime(x.get("Created")) for x in rows if x.get("Type") == "Create"), None)
        last = newest(x.get("Created") for x in rows)
        if (created is not None and created == create) or (updated is not None and updated == last):
            return True
        if updated is not None and last is not None and updated < last:
            seen_other = True  # updated before its own newest change: dates shifted west of UTC
        if created is not None and create is not None and _looks_like_zone(created - create):
            seen_other = True
    return False if seen_other else None


def _looks_like_zone(offset: timedelta) -> bool:
    minutes = offset.total_seconds() / 60
    return minutes != 0 and minutes % 15 == 0 and abs(minutes) <= 14 * 60


def _window(items: Any, previous: datetime | None) -> datetime | None:
    latest = newest(t.get("LastUpdated") for t in items)
    if latest is None:
        return previous
    return latest - OVERLAP


__all__ = ["Rest1Read", "zone_evidence", "canonical", "NeedFull"]
