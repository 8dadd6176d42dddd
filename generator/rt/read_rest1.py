"""Reading a queue through REST 1.0 (``--api rest1``), with the same guarantees as REST 2 where
REST 1.0 can give them.

REST 1.0 has no paging: one search returns the whole queue, so no row is lost between pages, and
listing every id costs one request, so tickets that left are found by listing them every run.
Tickets updated since the window (``LastUpdated >= …`` in TicketSQL) and those that arrived have
their whole history read again, and then RT is looked at again (the ids, the tickets updated
since the window) until that look finds nothing new: what changed while the fetch read is read
too, so the copy is RT as it was at that last look. A merged ticket is one that left the queue and that RT shows as
another ticket when asked for by id. Owners' names are read each run for every owner (one
request), and a renamed owner is found by asking one unchanged ticket per owner who it is owned
by now.

REST 1.0 shows ticket dates in the account's time zone, without saying which. The check is a
moment seen both ways: a ticket's Created (in the account's zone) against its Create
transaction (always UTC), and its LastUpdated against its newest transaction; the gap most
tickets show is the zone's offset (``zone_evidence``; a full read is checked so). Every incremental run reads one ticket held as RT shows it now: its
Created must be shown as when it was checked, and its custom fields must be those the cache
holds (a custom field disabled changes no ticket; a changed set means a full read). Merges are
asked for anew whenever a ticket left or arrived: which ones RT shows depends on where the
tickets they point to are.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

from generator.rt.cache import Checkpoint
from generator.rt.holdings import Holdings, canonical, newest, resolve_chains
from generator.rt.http import FetchError
from generator.rt.read_rest2 import CLOSING_ROUNDS, OVERLAP, ZONE_ERROR, NeedFull, Outcome
from generator.rt.records import parse_rt_datetime
from generator.rt.rest1 import Rest1Source

log = logging.getLogger("casecat.rt")
Entry = dict[str, Any]
Progress = Callable[[str, int, int | None], None]

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
        since = newest(t.get("LastUpdated") for t in tickets)
        complete = min((d for d in (self._read(held, tickets), since) if d is not None), default=None)
        complete, _ = self._settle(held, since - OVERLAP if since else None, complete, first=False, merges=True)
        self._check_zone(held, set(held.items), whole=True)
        return Outcome(held, complete - OVERLAP if complete else None, True)

    def incremental(self, held: Holdings, window_from: datetime, counts_in_sql: bool) -> Outcome:
        self.source.check_queue()
        complete, fresh = self._settle(held, window_from, None, first=True, merges=False)
        fresh &= set(held.items)
        self._refresh_owners(held, fresh)
        self._check_zone(held, fresh, whole=False)
        return Outcome(held, complete - OVERLAP if complete else window_from, True)

    def _settle(self, held: Holdings, since: datetime | None, complete: datetime | None, *, first: bool,
                merges: bool) -> tuple[datetime | None, set[int]]:
        """Compares the queue as RT shows it now (its ids, the tickets updated since the window)
        with what is held, reads what differs, and repeats until nothing does: the last look at
        RT finds nothing new. Returns how far the histories read are complete (the oldest of each
        round's newest change, and the newest ticket update read), and the tickets read."""
        s = self.source
        read_now: set[int] = set()
        for round_ in range(CLOSING_ROUNDS):
            listed = set(s.queue_ids())
            recent = {int(t["id"]): t for t in s.tickets(since=since)} if since is not None else {}
            if first and round_ == 0:
                self._check_anchor(held, recent, listed)
            gone = set(held.items) - listed
            # on the first look, a ticket last updated in or after the second the previous read
            # saw whole is read again even if it looks the same: a change later in that second
            # would look the same
            seen_until = since + OVERLAP if first and round_ == 0 and since is not None else None
            changed = {i: t for i, t in recent.items() if i in listed and (
                canonical(t) != canonical(held.items.get(i))
                or (seen_until is not None and (parse_rt_datetime(t.get("LastUpdated")) or seen_until) >= seen_until))}
            arrived = listed - set(held.items) - set(changed)
            if arrived:
                changed.update({int(t["id"]): t for t in s.tickets(ids=arrived)})
            if merges or gone or arrived:  # which merges RT shows depends on which tickets are where
                held.merged = self._merges(set(s.queue_ids(merged=True)) - listed)
                merges = False
            for i in gone:
                held.drop(i)
            if not changed:
                return complete, read_now
            read_now |= set(changed)
            read = self._read(held, list(changed.values()))
            updated = newest(t.get("LastUpdated") for t in changed.values())
            complete = min((d for d in (complete, read, updated) if d is not None), default=None)
        raise FetchError("RT kept changing while it was read; try again later")

    def _check_anchor(self, held: Holdings, recent: dict[int, Entry], listed: set[int]) -> None:
        """One ticket held, as RT shows it now: its custom fields are the queue's as this account
        sees them (a field disabled changes no ticket), and its Created must be shown as when it
        was read and checked (the time zone check: RT shows it in the account's zone)."""
        kept = [i for i in held.items if i in listed]
        if not kept:
            return
        ident = max(kept, key=lambda i: (str(held.items[i].get("LastUpdated")), i))
        item = recent.get(ident) or next(iter(self.source.tickets(ids=[ident], owner_names=False)), None)
        if item is None:
            return
        if sorted(_field_names(item)) != sorted(_field_names(held.items[ident])):
            raise NeedFull("the queue's custom fields changed")
        if item.get("Created") != held.items[ident].get("Created"):
            raise FetchError(ZONE_ERROR)

    # --- parts ---------------------------------------------------------------------------------

    def _read(self, held: Holdings, tickets: list[Entry]) -> datetime | None:
        """Items, whole histories and bodies of these tickets; one whose history vanished
        meanwhile (moved to a queue this account does not see) is left out. Returns the newest
        change in the histories read."""
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
        return newest(x.get("Created") for got in details.values() for x in got["transactions"])

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

    def _check_zone(self, held: Holdings, fresh: set[int], *, whole: bool) -> None:
        """What the tickets read show of the time zone; a whole read that shows nothing is said."""
        verdict = zone_evidence(held, fresh)
        if verdict is False:
            raise FetchError(ZONE_ERROR)
        if verdict is None and whole and fresh:
            log.warning("could not check the RT account's time zone: no ticket read shows a date twice")


def zone_evidence(held: Holdings, tickets: set[int]) -> bool | None:
    """Whether the tickets read show their dates in UTC: True, False, or None when none can tell.

    For each ticket, the gap between its Created (account's zone) and its Create transaction
    (UTC), and between its LastUpdated and its newest transaction: in UTC both are mostly zero;
    in another zone both are mostly the zone's offset, a whole number of quarter hours. A ticket
    imported with an old creation date, or updated later by a change this account does not see,
    gives some other gap, which is left out; the commonest gap decides."""
    gaps: Counter[timedelta] = Counter()
    for i in tickets:
        item, rows = held.items.get(i), list(held.history.get(i, {}).values())
        if item is None or not rows:
            continue
        pairs = [(parse_rt_datetime(item.get("Created")),
                  next((parse_rt_datetime(x.get("Created")) for x in rows if x.get("Type") == "Create"), None)),
                 (parse_rt_datetime(item.get("LastUpdated")), newest(x.get("Created") for x in rows))]
        for shown, utc in pairs:
            if shown is not None and utc is not None and _could_be_a_zone(shown - utc):
                gaps[shown - utc] += 1
    if not gaps:
        return None
    zero = gaps.pop(timedelta(0), 0)
    return zero >= max(gaps.values(), default=0)


def _could_be_a_zone(offset: timedelta) -> bool:
    minutes = offset.total_seconds() / 60
    return minutes % 15 == 0 and abs(minutes) <= 14 * 60


def _field_names(item: Entry) -> list[str]:
    return [str(cf.get("name")) for cf in item.get("CustomFields") or []]
