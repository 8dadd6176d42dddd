"""Reading a queue through REST 2 so that the copy is never silently wrong.

A **full read** asks for the queue's newest ticket first (where the closing check will start
from), then every ticket by id, the queue's whole history and every message body, all paged by
key (see ``rest2.py``) and kept in ``partial/`` as it goes, so a run that is stopped resumes.

An **incremental read** asks for the history of the queue since ``window_from`` (every kind of
transaction RT shows this account: a merge, a deletion, a move into the queue all leave one)
and the bodies of new messages, and adds them to what the cache held.

Both end with the **closing check**, the same for both: the queue's tickets newest first down
to where the read began (one request when few changed), which gives

* every ticket changed since, with its current item (owner, status, custom fields …);
* RT's count of the queue: tickets that left it (moved, deleted, merged) are noticed without
  listing every id; only a count that the read cannot explain lists them;
* the time zone check: a ticket whose creation time is known is asked for by that time, which
  RT reads in the account's zone; it comes back only in UTC;
* the queue's custom fields and the current names of owners, which change without touching any
  ticket's LastUpdated (a changed field set means a full read);
* a ticket whose item changed after the newest transaction the history read saw may have more
  history than was read: it is read again, and the check repeats until RT holds still.

The next window starts at the newest change this read saw whole (the newest transaction of the
history read, or the newest LastUpdated, whichever is older) minus an overlap: taken from the
data, never from a clock, so a fast or slow RT front end cannot make a run miss a reply.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from generator.rt.cache import Checkpoint
from generator.rt.holdings import Holdings, canonical, custom_fields_of, deleted_by, merges_in, newest, resolve_chains
from generator.rt.http import FetchError
from generator.rt.records import parse_rt_datetime
from generator.rt.rest2 import TICKETS_PER_QUERY, TRANSACTIONS_PER_QUERY, Head, Rest2Source, chunks, rt_iso

#: how far back of the last change it saw whole a read asks again (RT stores whole seconds)
OVERLAP = timedelta(seconds=60)
#: closing checks before a read that RT keeps changing under gives up
CLOSING_ROUNDS = 4
#: seconds between two checkpoints of a full read
CHECKPOINT_EVERY = 10.0

log = logging.getLogger("casecat.rt")
Entry = dict[str, Any]
Progress = Callable[[str, int, int | None], None]


ZONE_ERROR = (
    "the RT account's time zone is not UTC: RT reads the dates casecat asks for in it (and REST 1.0 shows "
    "dates in it), so changes would be missed; set the account's Timezone preference to UTC (or RT's $Timezone)"
)


class NeedFull(Exception):
    """What the cache was read with no longer holds (the queue's custom fields changed, RT
    stopped counting tickets): only a full read gives a right copy now."""


class Stopped(FetchError):
    """The read ran out of the time it was given; what it read is kept for the next run."""


@dataclass
class Outcome:
    holdings: Holdings
    window_from: datetime | None
    counts_in_sql: bool
    #: tickets found gone by the closing check (not by a merge or deletion the history showed)
    left: list[int] = field(default_factory=list)
    #: owners renamed since the cache was read (old name -> new name)
    renamed: dict[str, str] = field(default_factory=dict)


@dataclass
class _Window:
    """What the history read of this run saw: the newest change in it (the history is complete up
    to there), and whether its short pages ended it (RT counted tickets)."""

    newest: datetime | None
    trusted_short: bool = True


class Rest2Read:
    def __init__(self, source: Rest2Source, *, progress: Progress | None = None,
                 deadline: float | None = None) -> None:
        self.source = source
        self.progress = progress or (lambda stage, done, total: None)
        self.deadline = deadline
        self.body_short_ends: list[tuple[list[int], int]] = []  # (chunk, last id) of short body pages
        self.queue_moved = False  # tickets left or joined the queue, so merges are asked for anew

    # --- a full read -------------------------------------------------------------------------

    def full(self, checkpoint: Checkpoint) -> Outcome:
        held = Holdings()
        saved = checkpoint.resume()
        if saved is None:
            start = self.source.head(None)
            if not start.first_page and not start.total:
                self.source.check_queue()
            first = start.first_page[0] if start.first_page else None
            progress: dict[str, Any] = {"phase": "tickets", "after": 0, "total": start.total,
                        "bound": first.get("LastUpdated") if first else None,
                        "anchor": _anchor_of(first), "counts_in_sql": start.total is not None}
            checkpoint.add("start", [], progress)
        else:
            progress = dict(checkpoint.progress)
            for item in saved.get("tickets", []):
                held.items[int(item["id"])] = item
            log.info("resuming a full read: %d tickets already read", len(held.items))
        rows: list[Entry] = list(saved.get("history", [])) if saved else []
        bodies: list[Entry] = list(saved.get("bodies", [])) if saved else []
        trusted = bool(progress["counts_in_sql"])

        if progress["phase"] == "tickets":
            for batch, last in self._batches(self.source.ticket_pages(after=progress["after"]), "tickets",
                                             len(held.items), progress["total"]):
                for item in batch:
                    held.items[int(item["id"])] = item
                checkpoint.add("tickets", batch, {**progress, "after": last})
            progress.update(phase="history", after=0)
            checkpoint.add("history", [], progress)
        cf_ids = _cf_ids(held.items.values())

        if progress["phase"] == "history":
            pages = self.source.history(cf_ids=cf_ids, after=progress["after"], short_ends=trusted)
            for batch, last in self._batches(pages, "history", len(rows), None):
                rows += batch
                checkpoint.add("history", batch, {**progress, "after": last})
            progress.update(phase="bodies", chunk=0, after=0)
            checkpoint.add("bodies", [], progress)
        for ticket in held.note_merges(rows) | (deleted_by(rows) & set(held.items)):
            held.drop(ticket)
        held.add_history(rows, cf_ids, tickets=set(held.items))

        wanted = sorted(int(t) for t in held.body_transactions())
        groups = list(chunks(wanted, TRANSACTIONS_PER_QUERY))
        for index in range(progress.get("chunk", 0), len(groups)):
            page = self.source.bodies(groups[index], after=progress.get("after", 0))
            if page.short_after is not None:
                self.body_short_ends.append((groups[index], page.short_after))
            bodies += page.rows
            progress.update(chunk=index + 1, after=0)
            checkpoint.add("bodies", page.rows, progress)
            self.progress("bodies", min(len(wanted), (index + 1) * TRANSACTIONS_PER_QUERY), len(wanted))
            self._check_deadline(len(held.items), progress["total"])
        held.add_bodies(bodies)

        window = _Window(newest(x.get("Created") for x in rows), trusted_short=trusted)
        bound = parse_rt_datetime(progress["bound"]) if progress["bound"] else None
        anchor = _anchor_from(progress["anchor"])
        reference = {i: dict(item) for i, item in held.items.items()}
        return self._close(held, window, bound=bound - OVERLAP if bound else None, anchor=anchor,
                           reference=reference, cf_ids=cf_ids)

    # --- an incremental read ----------------------------------------------------------------

    def incremental(self, held: Holdings, window_from: datetime, counts_in_sql: bool) -> Outcome:
        cf_ids = _cf_ids(held.items.values())
        window = _Window(None, trusted_short=counts_in_sql)
        rows: list[Entry] = []
        for page in self.source.history(cf_ids=cf_ids, since=window_from, short_ends=counts_in_sql):
            rows += page
        window.newest = newest(x.get("Created") for x in rows)
        merged_away = held.note_merges(rows)
        gone = merged_away | (deleted_by(rows) & set(held.items))
        for ticket in gone:
            held.drop(ticket)
        self.queue_moved = bool(gone)
        reference = {i: dict(item) for i, item in held.items.items()}
        arrivals = _tickets_created_in(rows) - set(held.items)
        held.add_history(rows, cf_ids, tickets=set(held.items) | arrivals)
        self._read_bodies(held, held.without_body())
        anchor = _anchor_of(max(held.items.values(), key=lambda t: str(t.get("LastUpdated")), default=None))
        return self._close(held, window, bound=window_from, anchor=_anchor_from(anchor), reference=reference,
                           cf_ids=cf_ids, since=window_from, arrivals=arrivals)

    # --- the closing check ------------------------------------------------------------------

    def _close(self, held: Holdings, window: _Window, *, bound: datetime | None, anchor: tuple[int, datetime] | None,
               reference: dict[int, Entry], cf_ids: list[str], since: datetime | None = None,
               arrivals: set[int] = frozenset()) -> Outcome:  # type: ignore[assignment]
        """Compares what was read with RT's queue as it is now, reads again what moved meanwhile,
        and repeats until RT holds still."""
        settling: dict[int, str] = {}  # ticket read again -> its LastUpdated when that began
        left: list[int] = []
        head: Head | None = None
        for round_ in range(CLOSING_ROUNDS):
            head = self.source.head(bound, anchor)
            anchor = self._check_time_zone(head, anchor)
            self._check_fields(head, held)
            # a ticket in the queue always has a history: one read without any is read again
            again: set[int] = {i for i in held.items if not held.history.get(i)} if round_ == 0 else set()
            for item in head.recent:
                i = int(item["id"])
                before = held.items.get(i)
                if i in settling:
                    if item.get("LastUpdated") != settling.pop(i):
                        again.add(i)
                elif before is None:
                    fresh = i in arrivals and not held.lacks_creation(i)
                    if not fresh or _later(item, window.newest):
                        again.add(i)
                elif canonical(before) != canonical(item) and _later(item, window.newest):
                    again.add(i)
                held.items[i] = item
            left += self._departures(head, held, again, since or bound)
            if not again:
                break
            self._read_again(held, sorted(again), cf_ids)
            settling.update({i: str(held.items[i].get("LastUpdated")) for i in again if i in held.items})
        else:
            raise FetchError("RT kept changing while it was read; try again later")
        assert head is not None
        for i in set(held.history) - set(held.items):  # read, but gone from the queue since
            held.drop(i)
        empty = sorted(i for i in held.items if not held.history.get(i))
        if empty:
            raise FetchError(f"RT shows no history for ticket {empty[0]} of the queue; nothing was cached "
                             f"({len(empty)} such ticket(s))")
        if left or self.queue_moved or any(i not in reference for i in held.items):
            # merges RT shows depend on which tickets are in the queue and seen: asked anew
            held.merged = resolve_chains(merges_in(self.source.merges(short_ends=window.trusted_short)))
        renamed = self._refresh_owners(held, head, reference)
        self._check_bodies(held)
        counts_in_sql = head.total is not None
        if window.trusted_short and not counts_in_sql:
            raise NeedFull("RT no longer counts tickets ($UseSQLForACLChecks)")
        newest_item = newest(t.get("LastUpdated") for t in head.first_page if self.source.holds(t))
        complete = min((d for d in (window.newest, newest_item) if d is not None), default=None)
        if complete is None:
            complete = (since + OVERLAP) if since is not None else None
        return Outcome(held, complete - OVERLAP if complete else None, counts_in_sql, sorted(left), renamed)

    def _check_time_zone(self, head: Head, anchor: tuple[int, datetime] | None) -> tuple[int, datetime] | None:
        """RT reads TicketSQL dates in the account's time zone; refuses unless it is UTC."""
        candidates = [anchor] if anchor else []
        if head.anchor is not None:
            return anchor
        candidates += [a for a in (_anchor_from(_anchor_of(t)) for t in head.first_page) if a and a != anchor]
        for ident, created in candidates[:3]:
            found = self.source.created_at(ident, created)
            if found is True:
                return ident, created
            if found is False:
                raise FetchError(ZONE_ERROR)
        return None  # no ticket to check with: an empty queue has no dates to misread

    def _check_fields(self, head: Head, held: Holdings) -> None:
        fresh = next((custom_fields_of(t) for t in head.first_page if self.source.holds(t)), None)
        known = next((custom_fields_of(t) for t in held.items.values()), None)
        if fresh is not None and known is not None and fresh != known:
            raise NeedFull("the queue's custom fields changed")

    def _departures(self, head: Head, held: Holdings, again: set[int], since: datetime | None) -> list[int]:
        """Tickets held that are no longer in the queue, found from RT's count of it."""
        if head.total is not None and head.total == len(held.items):
            return []
        gone: set[int] = set()
        if head.total is not None and head.total < len(held.items) and since is not None:
            gone = self.source.left_since(since, set(held.items), len(held.items) - head.total)
            for i in gone:
                held.drop(i)
        if head.total is None or head.total != len(held.items):
            listed = set(self.source.queue_ids())
            missing = set(held.items) - listed
            for i in missing:
                held.drop(i)
            gone |= missing
            holes = listed - set(held.items)
            if holes:
                log.warning("tickets %s are in the queue but were not in the cache: reading them", sorted(holes))
                for item in self.source.tickets(holes):
                    held.items[int(item["id"])] = item
                again |= holes & set(held.items)
        return sorted(gone)

    def _read_again(self, held: Holdings, ids: list[int], cf_ids: list[str]) -> None:
        """The whole history and bodies of tickets whose item moved past what was read."""
        present = [i for i in ids if i in held.items]
        for chunk in chunks(present, TICKETS_PER_QUERY):
            rows = [x for page in self.source.history(cf_ids=cf_ids, tickets=chunk) for x in page]
            merged = held.note_merges(rows)
            for i in chunk:
                held.replace_history(i, [x for x in rows if int(x["ObjectId"]) == i], cf_ids)
            for i in merged:
                held.drop(i)
        self._read_bodies(held, held.without_body(present))

    def _read_bodies(self, held: Holdings, transaction_ids: list[int]) -> None:
        for chunk in chunks(sorted(transaction_ids), TRANSACTIONS_PER_QUERY):
            page = self.source.bodies(chunk)
            if page.short_after is not None:
                self.body_short_ends.append((chunk, page.short_after))
            held.add_bodies(page.rows)

    def _check_bodies(self, held: Holdings) -> None:
        """Every message read has its body, or RT says it has none when asked by id.

        RT drops message bodies of tickets that the account may no longer see after cutting a
        page, so a short page is not the end when a body is missing: the read goes on from it,
        then asks for what is still missing by transaction id."""
        missing = held.without_body()
        if not missing:
            return
        for chunk, after in self.body_short_ends:
            held.add_bodies(self._continue(chunk, after))
        self.body_short_ends = []
        still = held.without_body()
        if still:
            self._read_bodies(held, still)
            self.body_short_ends = []
        lacking = held.without_body()
        if lacking:
            log.info("RT has no text body for %d message(s), e.g. transaction %d", len(lacking), lacking[0])

    def _continue(self, chunk: list[int], after: int) -> list[Entry]:
        rows: list[Entry] = []
        while True:
            page = self.source.bodies(chunk, after=after)
            rows += page.rows
            if page.short_after is None:
                return rows
            after = page.short_after

    def _refresh_owners(self, held: Holdings, head: Head, reference: dict[int, Entry]) -> dict[str, str]:
        """Owner names and addresses as RT has them now: a user renamed changes no ticket.

        A ticket on the first page whose item is otherwise unchanged shows its owner's current
        record; for owners not seen so, one ticket each is asked for."""
        fresh: dict[str, Any] = {}  # an owner key -> the owner as RT shows it now
        recent = {int(t["id"]) for t in head.recent}
        for item in head.first_page:
            old = reference.get(int(item["id"]))
            if old is not None and old.get("LastUpdated") == item.get("LastUpdated"):
                fresh.setdefault(canonical(old.get("Owner")), item.get("Owner"))
        stale: dict[str, int] = {}
        for i, item in sorted(held.items.items()):
            key = canonical(item.get("Owner"))
            if i not in recent and key not in fresh:
                stale.setdefault(key, i)
        if stale:
            for item in self.source.tickets(stale.values()):
                old = held.items.get(int(item["id"]))
                if old is not None and old.get("LastUpdated") == item.get("LastUpdated"):
                    fresh.setdefault(canonical(old.get("Owner")), item.get("Owner"))
        renamed = {}
        for i, item in held.items.items():
            if i in recent:
                continue
            owner = fresh.get(canonical(item.get("Owner")))
            if owner is not None and canonical(owner) != canonical(item.get("Owner")):
                renamed[str((item.get("Owner") or {}).get("Name"))] = str((owner or {}).get("Name"))
                held.items[i] = {**item, "Owner": owner}
        return renamed

    # --- pacing ------------------------------------------------------------------------------

    def _batches(self, pages: Iterator[list[Entry]], stage: str, done: int, total: int | None
                 ) -> Iterator[tuple[list[Entry], int]]:
        """Pages gathered into checkpoint batches (one every few seconds), with the last id read."""
        batch: list[Entry] = []
        since = time.monotonic()
        for page in pages:
            batch += page
            done += len(page)
            self.progress(stage, done, total)
            if time.monotonic() - since >= CHECKPOINT_EVERY or self._late():
                yield batch, int(batch[-1]["id"])
                batch, since = [], time.monotonic()
                self._check_deadline(done if stage == "tickets" else None, total)
        if batch:
            yield batch, int(batch[-1]["id"])

    def _late(self) -> bool:
        return self.deadline is not None and time.monotonic() >= self.deadline

    def _check_deadline(self, done: int | None, total: int | None) -> None:
        if self._late():
            read = f"{done} of {total} tickets and their history so far" if done is not None else "part of the history"
            raise Stopped(f"stopped at the time limit with {read} kept in the cache; the next run goes on from there")


def _later(item: Entry, moment: datetime | None) -> bool:
    """The item changed after the history read saw its newest transaction (or saw none)."""
    return moment is None or str(item.get("LastUpdated", "")) > rt_iso(moment)


def _tickets_created_in(rows: list[Entry]) -> set[int]:
    return {int(x["ObjectId"]) for x in rows if x.get("Type") == "Create"}


def _cf_ids(items: Any) -> list[str]:
    return sorted({str(cf.get("id")) for t in items for cf in t.get("CustomFields") or []})


def _anchor_of(item: Entry | None) -> list[Any] | None:
    if not item or not parse_rt_datetime(item.get("Created")):
        return None
    return [int(item["id"]), str(item["Created"])]


def _anchor_from(saved: list[Any] | None) -> tuple[int, datetime] | None:
    if not saved:
        return None
    created = parse_rt_datetime(saved[1])
    return (int(saved[0]), created) if created else None


__all__ = ["OVERLAP", "NeedFull", "Outcome", "Rest2Read", "Stopped"]
