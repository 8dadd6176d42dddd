"""Fetches the live queue from RT into the private cache, incrementally.

The first fetch (or ``full=True``, or a cache from another RT, queue or API) reads the whole
queue. Later ones ask RT only for tickets updated since the previous fetch began reading
(``LastUpdated >= 'YYYY-MM-DD HH:MM:SS'``, a minute early, then de-duplicated), re-read those
tickets' history and bodies, and list the queue's ids alone to notice tickets that are gone.

TicketSQL dates are read in the RT account's timezone, and REST 1.0 shows ticket dates in it:
the account casecat reads with must use UTC (RT's ``$Timezone``, or the user's preference).

Credentials live in ``RtAuth`` only: never printed, logged, or written to the cache.
"""

from __future__ import annotations

import json
import logging
import os
import re
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, Protocol
from urllib.parse import urlsplit, urlunsplit

from generator.rt import cache
from generator.rt.http import FetchError, RtSession, TokenAuth
from generator.rt.records import RAW_FORMAT, format_rt_datetime, parse_rt_datetime
from generator.rt.rest1 import Rest1Source
from generator.rt.rest2 import Rest2Source

__all__ = ["FetchError", "FetchSummary", "RtAuth", "fetch_queue"]

APIS = ("rest2", "rest1")
#: how much earlier than the previous fetch's start an incremental fetch asks from
OVERLAP = timedelta(seconds=60)

log = logging.getLogger("casecat.rt")
Entry = dict[str, Any]


@dataclass(frozen=True)
class RtAuth:
    """RT credentials: a REST 2 token, or a user and password (REST 1.0 needs these)."""

    token: str | None = field(default=None, repr=False)
    user: str | None = None
    password: str | None = field(default=None, repr=False)

    def __repr__(self) -> str:
        hidden = lambda value: "'***'" if value else "None"  # noqa: E731
        return f"RtAuth(token={hidden(self.token)}, user={self.user!r}, password={hidden(self.password)})"

    __str__ = __repr__

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> RtAuth:
        """RT_TOKEN, or RT_USER and RT_PASSWORD."""
        env = os.environ if env is None else env
        return cls(env.get("RT_TOKEN") or None, env.get("RT_USER") or None, env.get("RT_PASSWORD") or None)


@dataclass
class FetchSummary:
    requests: int
    new: int
    changed: int
    unchanged: int
    gone: int
    skipped: list[int]
    seconds: float
    full: bool

    def line(self) -> str:
        total = self.new + self.changed + self.unchanged
        text = (
            f"fetched {total} tickets with {self.requests} requests in {self.seconds:.1f} s: "
            f"{self.new} new, {self.changed} changed, {self.unchanged} unchanged, {self.gone} gone"
        )
        if self.skipped:
            text += f", {len(self.skipped)} skipped"
        return text


class Source(Protocol):
    api: str

    def check_queue(self) -> None: ...
    def queue_ids(self) -> list[int]: ...
    def tickets(self, *, since: datetime | None = None, ids: Any = None) -> list[Entry]: ...
    def details(self, tickets: list[Entry], *, whole_queue: bool) -> dict[int, Entry]: ...
    def close(self) -> None: ...


def fetch_queue(
    *,
    url: str,
    queue: str,
    api: str = "rest2",
    auth: RtAuth,
    cache_dir: Path,
    timeout: float = 30,
    progress: Callable[[int, int], None] | None = None,
    full: bool = False,
) -> FetchSummary:
    """Updates ``cache_dir/raw.json`` and ``state.json`` from RT; FetchError on any failure,
    leaving the previous cache as it was."""
    started = time.monotonic()
    fetched_at = datetime.now(UTC).replace(microsecond=0)
    base = base_url(url)
    here = cache.State(url=base, queue=queue, api=api)
    previous = cache.load(cache_dir)
    same = previous.state is not None and previous.raw is not None and previous.state.same_source(here)
    old = previous.entries() if same else {}
    session = RtSession(timeout=timeout)
    try:
        source = open_source(api, session, base, queue, auth)
        try:
            source.check_queue()
            if same and not full:
                assert previous.state is not None
                read = _incremental(source, old, _time(previous.state.read_from), progress)
            else:
                read = _full(source, progress)
        finally:
            source.close()
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise FetchError(f"RT sent an answer of an unexpected shape ({type(exc).__name__}: {str(exc)[:80]})") from None
    finally:
        session.close()
    entries, skipped = _merge(old, read, keep_all=same and not full)
    newest = max((e["ticket"].get("LastUpdated", "") for e in entries.values()), default="")
    read_from = session.server_time or _time(newest) or fetched_at
    here.fetched_at = format_rt_datetime(fetched_at)
    here.read_from = format_rt_datetime(read_from)
    here.ids_seen = sorted(set(previous.state.ids_seen if same and previous.state else []) | set(entries) | read.ids)
    raw = {
        "format": RAW_FORMAT,
        "queue": queue,
        "fetched_at": here.fetched_at,
        "source": "rt",
        "rt_web_url": base,
        "tickets": [entries[i] for i in sorted(entries)],
    }
    try:
        cache.save(cache_dir, raw, here)
    except OSError as exc:
        raise FetchError(f"cannot write the cache in {cache_dir}: {exc.strerror or exc}") from None
    counts = _count(old, entries)
    return FetchSummary(
        requests=session.count,
        skipped=skipped,
        seconds=round(time.monotonic() - started, 2),
        full=not (same and not full),
        **counts,
    )


def open_source(api: str, session: RtSession, base: str, queue: str, auth: RtAuth) -> Source:
    if api == "rest2":
        if auth.token:
            session.auth = TokenAuth(auth.token)
        elif auth.user and auth.password:
            session.auth = (auth.user, auth.password)
        else:
            raise FetchError("no RT credentials: set RT_TOKEN, or RT_USER and RT_PASSWORD")
        return Rest2Source(session, base, queue)
    if api == "rest1":
        if not (auth.user and auth.password):
            raise FetchError("REST 1.0 needs RT_USER and RT_PASSWORD (it does not take tokens)")
        return Rest1Source(session, base, queue, auth.user, auth.password)
    raise FetchError(f"unknown RT API {api!r}: use one of {', '.join(APIS)}")


def base_url(url: str) -> str:
    """RT's base URL (the web UI's too), without a trailing /REST/x.y."""
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise FetchError("the RT URL must look like https://rt.example.org")
    if parts.username or parts.password:
        raise FetchError("the RT URL must not hold credentials: use RT_TOKEN, or RT_USER and RT_PASSWORD")
    if parts.query or parts.fragment:
        raise FetchError("the RT URL must not have a query or fragment")
    path = re.sub(r"/REST/[12]\.0$", "", parts.path.rstrip("/"), flags=re.I)
    return urlunsplit((parts.scheme, parts.netloc, path, "", ""))


# --- the two ways of reading ------------------------------------------------------------------


@dataclass
class _Read:
    tickets: list[Entry]  # ticket items whose details were read
    details: dict[int, Entry]
    ids: set[int]  # every id now in the queue


def _full(source: Source, progress: Callable[[int, int], None] | None) -> _Read:
    tickets = source.tickets()
    _report(progress, 0, len(tickets))
    details = source.details(tickets, whole_queue=True)
    _report(progress, len(tickets), len(tickets))
    return _Read(tickets, details, {int(t["id"]) for t in tickets})


def _incremental(
    source: Source, old: dict[int, Entry], read_from: datetime | None, progress: Callable[[int, int], None] | None
) -> _Read:
    ids = set(source.queue_ids())
    since = (read_from or datetime(1970, 1, 1, tzinfo=UTC)) - OVERLAP
    found = {int(t["id"]): t for t in source.tickets(since=since)}
    unseen = ids - set(old) - set(found)
    if unseen:
        found.update({int(t["id"]): t for t in source.tickets(ids=sorted(unseen))})
    stale = [t for i, t in sorted(found.items()) if not _known_unchanged(t, old.get(i), read_from)]
    _report(progress, 0, len(stale))
    details = source.details(stale, whole_queue=False)
    _report(progress, len(stale), len(stale))
    return _Read(stale, details, ids | set(found))


def _known_unchanged(ticket: Entry, cached: Entry | None, read_from: datetime | None) -> bool:
    """The same ticket item, last updated a whole second before the previous fetch began:
    nothing can have changed in it unseen (RT stores whole seconds)."""
    if cached is None or read_from is None or _canonical(cached["ticket"]) != _canonical(ticket):
        return False
    updated = _time(ticket.get("LastUpdated"))
    return updated is not None and updated < read_from.replace(microsecond=0)


def _merge(old: dict[int, Entry], read: _Read, *, keep_all: bool) -> tuple[dict[int, Entry], list[int]]:
    entries = {i: e for i, e in old.items() if i in read.ids} if keep_all else {}
    skipped = []
    for ticket in read.tickets:
        i = int(ticket["id"])
        got = read.details.get(i)
        if not got or not got["transactions"]:
            log.warning("ticket %d vanished from the queue while it was read; skipped", i)
            skipped.append(i)
            if i in old:
                entries[i] = old[i]
            continue
        entries[i] = {
            "ticket": ticket,
            "transactions": sorted(got["transactions"], key=lambda x: int(x["id"])),
            "attachments": sorted(got["attachments"], key=lambda a: int(a["id"])),
        }
    return entries, sorted(skipped)


def _count(old: dict[int, Entry], new: dict[int, Entry]) -> dict[str, int]:
    both = set(old) & set(new)
    changed = sum(1 for i in both if _canonical(old[i]) != _canonical(new[i]))
    return {
        "new": len(set(new) - set(old)),
        "changed": changed,
        "unchanged": len(both) - changed,
        "gone": len(set(old) - set(new)),
    }


def _canonical(value: Any) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False)


def _time(text: str | None) -> datetime | None:
    try:
        return parse_rt_datetime(text)
    except ValueError:
        return None


def _report(progress: Callable[[int, int], None] | None, done: int, total: int) -> None:
    if progress is not None:
        progress(done, total)
