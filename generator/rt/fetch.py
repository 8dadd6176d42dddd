"""Fetches the live queue from RT into the private cache, incrementally.

The first fetch (or ``full=True``, or a cache from another RT, queue or API) reads the whole
queue; so does one run in ``reconcile_every`` (after an incremental read, to report what the
incremental path had got wrong: it should be nothing). Other runs read only what changed. How
each read is made so that it cannot lose rows, and how it checks itself before anything is
written, is in ``read_rest2.py`` (REST 2) and ``rest1.py`` (REST 1.0).

RT reads TicketSQL dates in the account's time zone, and REST 1.0 shows ticket dates in it: a
fetch refuses to go on when that zone is not UTC.

Credentials live in ``RtAuth`` only: never printed, logged, or written to the cache.
"""

from __future__ import annotations

import logging
import os
import re
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Protocol
from urllib.parse import urlsplit, urlunsplit

from generator.rt import cache
from generator.rt.holdings import Holdings, canonical
from generator.rt.http import FetchError, RetryPolicy, RtSession, TokenAuth
from generator.rt.read_rest1 import Rest1Read
from generator.rt.read_rest2 import OVERLAP, NeedFull, Outcome, Progress, Rest2Read, Stopped
from generator.rt.records import RAW_FORMAT, format_rt_datetime, parse_rt_datetime
from generator.rt.rest1 import Rest1Source
from generator.rt.rest2 import Rest2Source

__all__ = ["OVERLAP", "FetchError", "FetchSummary", "RtAuth", "Stopped", "fetch_queue"]

APIS = ("rest2", "rest1")
#: a full read every this many runs by default: it repairs and reports what incremental reads missed
RECONCILE_EVERY = 7

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
    seconds: float
    full: bool
    #: why the whole queue was read ("" for an incremental read)
    reason: str = ""
    #: tickets a reconciliation found different from what the incremental path had made
    repaired: list[int] | None = None
    renamed: dict[str, str] = field(default_factory=dict)

    def line(self) -> str:
        total = self.new + self.changed + self.unchanged
        text = (
            f"fetched {total} tickets with {self.requests} requests in {self.seconds:.1f} s: "
            f"{self.new} new, {self.changed} changed, {self.unchanged} unchanged, {self.gone} gone"
        )
        if self.repaired is not None:
            text += f"; reconciliation repaired {len(self.repaired)}"
            if self.repaired:
                text += f" (tickets {', '.join(map(str, self.repaired[:10]))}{' …' if len(self.repaired) > 10 else ''})"
        return text


class Read(Protocol):
    def full(self, checkpoint: cache.Checkpoint) -> Outcome: ...
    def incremental(self, held: Holdings, window_from: datetime, counts_in_sql: bool) -> Outcome: ...


def fetch_queue(
    *,
    url: str,
    queue: str,
    api: str = "rest2",
    auth: RtAuth,
    cache_dir: Path,
    timeout: float = 30,
    progress: Progress | None = None,
    full: bool = False,
    reconcile_every: int = RECONCILE_EVERY,
    retry: RetryPolicy | None = None,
    max_seconds: float | None = None,
) -> FetchSummary:
    """Updates ``cache_dir/raw.json`` and ``state.json`` from RT; FetchError on any failure,
    leaving the previous cache as it was (a full read keeps what it read for the next run)."""
    started = time.monotonic()
    fetched_at = datetime.now(UTC).replace(microsecond=0)
    base = base_url(url)
    if api not in APIS:
        raise FetchError(f"unknown RT API {api!r}: use one of {', '.join(APIS)}")
    here = cache.State(url=base, queue=queue, api=api)
    if cache_dir.is_dir():
        for path in cache.remove_stale_temporaries(cache_dir):
            log.info("removed %s, left behind by a run that was stopped", path.name)
    previous = cache.load(cache_dir)
    same = previous.state is not None and previous.raw is not None and previous.state.same_source(here)
    old = previous.entries() if same else {}
    window_from = _time(previous.state.window_from) if same and previous.state else None
    reason = _why_full(full, same, window_from, previous.state, reconcile_every)
    checkpoint = cache.Checkpoint(cache_dir, {"url": base, "queue": queue, "api": api})
    session = RtSession(timeout=timeout, retry=retry)
    deadline = started + max_seconds if max_seconds else None
    repaired: list[int] | None = None
    try:
        source, reader = _open(api, session, base, queue, auth, progress, deadline)
        try:
            held = Holdings.from_entries(old, previous.merged() if same else {})
            counts = previous.state.counts_in_sql if same and previous.state else True
            outcome: Outcome | None = None
            if reason in ("", "reconciliation") and window_from is not None:
                try:
                    outcome = reader.incremental(held, window_from, counts)
                except NeedFull as why:
                    reason = str(why)
            if reason:
                incremental, outcome = outcome, _read_full(reader, checkpoint)
                if incremental is not None:  # a reconciliation: what the incremental read got wrong
                    repaired = _differences(incremental.holdings, outcome.holdings)
        finally:
            source.close()
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise FetchError(f"RT sent an answer of an unexpected shape ({type(exc).__name__}: {str(exc)[:80]})") from None
    finally:
        session.close()
    assert outcome is not None  # an incremental read, or a full one when a reason was found
    entries = outcome.holdings.entries()
    here.fetched_at = format_rt_datetime(fetched_at)
    here.window_from = format_rt_datetime(outcome.window_from) if outcome.window_from else ""
    here.runs_since_full = 0 if reason else previous.state.runs_since_full + 1 if same and previous.state else 0
    here.counts_in_sql = outcome.counts_in_sql
    raw = {
        "format": RAW_FORMAT,
        "queue": queue,
        "fetched_at": here.fetched_at,
        "source": "rt",
        "rt_web_url": base,
        "tickets": [entries[i] for i in sorted(entries)],
        "merged": {str(k): v for k, v in sorted(outcome.holdings.merged.items())},
    }
    try:
        cache.save(cache_dir, raw, here)
    except OSError as exc:
        raise FetchError(f"cannot write the cache in {cache_dir}: {exc.strerror or exc}") from None
    checkpoint.discard()
    if repaired:
        log.warning("reconciliation: the incremental reads had %d ticket(s) wrong, now repaired: %s",
                    len(repaired), ", ".join(map(str, repaired)))
    return FetchSummary(
        requests=session.count,
        seconds=round(time.monotonic() - started, 2),
        full=bool(reason),
        reason=reason,
        repaired=repaired,
        renamed=outcome.renamed,
        **_count(old, entries),
    )


def _why_full(forced: bool, same: bool, window_from: datetime | None, state: cache.State | None,
              reconcile_every: int) -> str:
    if forced:
        return "asked for"
    if not same:
        return "first read" if state is None else "the cache is from another RT, queue or API"
    if window_from is None:
        return "the cache does not say where to go on from"
    assert state is not None
    if reconcile_every > 0 and state.runs_since_full + 1 >= reconcile_every:
        return "reconciliation"
    return ""


def _read_full(reader: Read, checkpoint: cache.Checkpoint) -> Outcome:
    """A full read; one that finds the queue's custom fields changed under it starts again."""
    try:
        return reader.full(checkpoint)
    except NeedFull:
        checkpoint.discard()
        try:
            return reader.full(checkpoint)
        except NeedFull as why:
            raise FetchError(f"the queue kept changing under a full read ({why}); try again later") from None


def _differences(before: Holdings, after: Holdings) -> list[int]:
    old, new = before.entries(), after.entries()
    ids = {i for i in set(old) | set(new) if canonical(old.get(i)) != canonical(new.get(i))}
    ids |= {i for i in set(before.merged) | set(after.merged) if before.merged.get(i) != after.merged.get(i)}
    return sorted(ids)


def _open(api: str, session: RtSession, base: str, queue: str, auth: RtAuth, progress: Progress | None,
          deadline: float | None) -> tuple[Any, Read]:
    if api == "rest2":
        if auth.token:
            session.auth = TokenAuth(auth.token)
        elif auth.user and auth.password:
            session.auth = (auth.user, auth.password)
        else:
            raise FetchError("no RT credentials: set RT_TOKEN, or RT_USER and RT_PASSWORD")
        source2 = Rest2Source(session, base, queue)
        return source2, Rest2Read(source2, progress=progress, deadline=deadline)
    if not (auth.user and auth.password):
        raise FetchError("REST 1.0 needs RT_USER and RT_PASSWORD (it does not take tokens)")
    source1 = Rest1Source(session, base, queue, auth.user, auth.password)
    return source1, Rest1Read(source1, progress=progress)


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


def _count(old: dict[int, Entry], new: dict[int, Entry]) -> dict[str, int]:
    both = set(old) & set(new)
    changed = sum(1 for i in both if canonical(old[i]) != canonical(new[i]))
    return {
        "new": len(set(new) - set(old)),
        "changed": changed,
        "unchanged": len(both) - changed,
        "gone": len(set(old) - set(new)),
    }


def _time(text: str | None) -> datetime | None:
    try:
        return parse_rt_datetime(text)
    except ValueError:
        return None
