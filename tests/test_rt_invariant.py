"""The copy of RT is never silently wrong: after every step of a random sequence of changes to a
real RT 5, an incremental fetch gives byte for byte what a fresh full read of the same RT gives.

Each step changes RT (a reply, a status or custom field change, a ticket moved to another queue
or back, deleted, merged into another, created, given to another owner, an owner renamed, a
custom field disabled or enabled), then fetches incrementally through the fault proxy, which
meanwhile may answer busy, reset a connection, or change RT between two pages of a read (a
ticket moved out, deleted, replied to, created). Pages are 5 rows here, so every read has many.

``make test`` runs a bounded number of steps with fixed seeds; ``make soak`` runs many steps
with a fresh seed (tests/soak_rt.py), printing the seed of a failure.
"""

from __future__ import annotations

import json
import os
import random
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from devtools.faultproxy import FaultProxy
from devtools.rtserver import RtServer

from generator.rt import http, read_rest1, read_rest2, rest2
from generator.rt.fetch import RtAuth, fetch_queue

STATUSES = ["Pre-assessment", "Assessed", "Preparatory", "Test & Integration", "Production"]
SITES = ["CESNET", "CYFRONET", "IN2P3-CC", "SURF"]
TOGGLED_FIELD = "Links to related documents"


@dataclass
class World:
    """RT as the steps left it, and what they did."""

    server: RtServer
    rng: random.Random
    live: list[int] = field(default_factory=list)
    away: dict[int, str] = field(default_factory=dict)  # moved out -> queue
    owner_name: str = "alice"
    disabled: bool = False
    log: list[str] = field(default_factory=list)

    def pick(self) -> int:
        return self.rng.choice(self.live)

    def create(self) -> None:
        n = len(self.live) + len(self.away)
        ticket = self.server.create_ticket(f"Case {n}: a community asks for help", body=f"Description of case {n}.",
                                           owner=self.rng.choice([self.owner_name, "bob", "Nobody"]),
                                           custom_fields={"Implementation status": self.rng.choice(STATUSES),
                                                          "Sites involved": self.rng.sample(SITES, 2)})
        self.live.append(ticket)
        self.log.append(f"create {ticket}")

    def reply(self) -> None:
        t = self.pick()
        self.server.correspond(t, f"Reply {self.rng.randrange(10**6)} to the community.")
        self.log.append(f"reply {t}")

    def status(self) -> None:
        t = self.pick()
        self.server.set_status(t, self.rng.choice(["open", "stalled", "resolved"]))
        self.log.append(f"status {t}")

    def custom_field(self) -> None:
        t = self.pick()
        if self.rng.random() < 0.5:
            self.server.set_cf(t, "Implementation status", self.rng.choice(STATUSES))
        else:
            self.server.set_cf(t, "Sites involved", self.rng.sample(SITES, self.rng.randint(1, 3)))
        self.log.append(f"custom field {t}")

    def move_out(self) -> None:
        if len(self.live) < 4:
            return self.create()
        t = self.pick()
        queue = self.rng.choice(["other-cases", "elsewhere"])  # one the reader sees, one it does not
        self.server.move(t, queue)
        self.live.remove(t)
        self.away[t] = queue
        self.log.append(f"move {t} to {queue}")

    def move_back(self) -> None:
        if not self.away:
            return self.move_out()
        t = self.rng.choice(sorted(self.away))
        self.server.move(t, self.server.queue)
        del self.away[t]
        self.live.append(t)
        self.log.append(f"move {t} back")

    def delete(self) -> None:
        if len(self.live) < 4:
            return self.create()
        t = self.pick()
        self.server.delete(t)
        self.live.remove(t)
        self.log.append(f"delete {t}")

    def merge(self) -> None:
        if len(self.live) < 4:
            return self.create()
        a, b = self.rng.sample(self.live, 2)
        self.server.merge(a, b)
        self.live.remove(a)
        self.log.append(f"merge {a} into {b}")

    def give(self) -> None:
        t = self.pick()
        self.server.update(t, Owner=self.rng.choice([self.owner_name, "bob"]))
        self.log.append(f"owner of {t}")

    def rename_owner(self) -> None:
        new = "alice2" if self.owner_name == "alice" else "alice"
        self.server.rename_user(self.owner_name, new, real_name=f"Alice {self.rng.randrange(100)}")
        self.owner_name = new
        self.log.append(f"rename owner to {new}")

    def toggle_field(self) -> None:
        self.disabled = not self.disabled
        self.server.set_custom_field_disabled(TOGGLED_FIELD, self.disabled)
        self.log.append(f"{'disable' if self.disabled else 'enable'} {TOGGLED_FIELD}")

    OPERATIONS = ("reply", "status", "custom_field", "move_out", "move_back", "delete", "merge", "create", "give",
                  "rename_owner", "toggle_field")
    MID_READ = ("reply", "status", "move_out", "delete", "create", "custom_field")

    def step(self, names=OPERATIONS) -> str:
        name = self.rng.choice(names)
        getattr(self, name)()
        return self.log[-1]


def seed(world: World, tickets: int) -> None:
    for _ in range(tickets):
        world.create()
    for t in world.live[::3]:
        world.server.correspond(t, "We will come back to you after the next meeting.")
        world.server.set_cf(t, "Links to related documents", ["https://docs.example.org/plan.pdf"])


def comparable(cache: Path) -> str:
    raw = json.loads((cache / "raw.json").read_text(encoding="utf-8"))
    raw.pop("fetched_at")
    return json.dumps(raw, sort_keys=True, ensure_ascii=False, indent=1)


def explain(incremental: Path, full: Path) -> str:
    """Which tickets differ, and in which parts: for the failure message."""
    a, b = (json.loads((p / "raw.json").read_text(encoding="utf-8")) for p in (incremental, full))
    entries = [{int(e["ticket"]["id"]): e for e in raw["tickets"]} for raw in (a, b)]
    notes = [f"only incremental: {sorted(set(entries[0]) - set(entries[1]))}",
             f"only full: {sorted(set(entries[1]) - set(entries[0]))}"]
    for i in sorted(set(entries[0]) & set(entries[1])):
        for part in ("ticket", "transactions", "attachments"):
            x, y = entries[0][i][part], entries[1][i][part]
            if x != y:
                if part == "ticket":
                    keys = sorted(k for k in set(x) | set(y) if x.get(k) != y.get(k))
                    notes.append(f"{i}.ticket {keys}: {[x.get(k) for k in keys]} != {[y.get(k) for k in keys]}")
                else:
                    ids = lambda rows: [r["id"] for r in rows]  # noqa: E731
                    notes.append(f"{i}.{part}: {ids(x)} != {ids(y)}")
    if a.get("merged") != b.get("merged"):
        notes.append(f"merged {a.get('merged')} != {b.get('merged')}")
    return "; ".join(notes)[:3000]


def auth(server: RtServer, api: str) -> RtAuth:
    if api == "rest2":
        return RtAuth(token=server.reader_token)
    return RtAuth(user="staff-reader", password=server.passwords["staff-reader"])


@pytest.fixture
def small_pages(monkeypatch):
    """Pages of 5 rows, an overlap of 1 s (RT's clock is the test's), quick retries."""
    monkeypatch.setattr(rest2, "PER_PAGE", 5)
    monkeypatch.setattr(rest2, "TICKETS_PER_QUERY", 7)
    monkeypatch.setattr(rest2, "TRANSACTIONS_PER_QUERY", 20)
    from datetime import timedelta

    monkeypatch.setattr(read_rest2, "OVERLAP", timedelta(seconds=1))
    monkeypatch.setattr(read_rest1, "OVERLAP", timedelta(seconds=1))
    monkeypatch.setattr(http, "DEFAULT_RETRY", http.RetryPolicy(budget=5, backoff=0.05, max_backoff=0.2))


def run_steps(rt_factory, tmp_path: Path, api: str, steps: int, seed_value: int) -> dict[str, int]:
    server = rt_factory()
    server.ensure_queue("elsewhere")
    world = World(server, random.Random(seed_value))
    seed(world, 12)
    faults: dict[str, int] = {}
    cache = tmp_path / "incremental"
    with FaultProxy(server.url) as proxy:
        def fetch(target: Path, url: str, **kw):
            return fetch_queue(url=url, queue=server.queue, api=api, auth=auth(server, api), cache_dir=target,
                               timeout=30, reconcile_every=0, **kw)

        fetch(cache, proxy.url)
        for number in range(1, steps + 1):
            done = world.step()
            time.sleep(1.1)  # the change is a second older than the fetch that follows it
            fault = inject(world, proxy, api)
            faults[fault] = faults.get(fault, 0) + 1
            summary = fetch(cache, proxy.url)
            if changed_after_the_check(proxy):
                # the change came after the fetch's closing check: it is the next fetch's to see
                fault += " (after the closing check)"
                again = fetch(cache, proxy.url)
                assert not again.full
            proxy.clear()
            fresh = tmp_path / f"full-{number}"
            full_summary = fetch(fresh, proxy.url, full=True)  # the same URL: RT writes it into every _url
            print(f"step {number}: {done}; fault: {fault}; incremental {summary.requests} requests, "
                  f"full {full_summary.requests}")
            context = f"seed {seed_value}, step {number} ({done}; fault: {fault}); steps: {world.log[-8:]}"
            assert not summary.full or done.startswith(("disable", "enable")), \
                f"an incremental fetch read everything: {summary.reason} ({context})"
            assert comparable(cache) == comparable(fresh), f"incremental != full read ({context}): {explain(cache, fresh)}"
    return faults


def changed_after_the_check(proxy: FaultProxy) -> bool:
    """Whether a change made during the fetch came after its last look at the queue began (REST
    2: the newest tickets first; REST 1.0: the list of the queue's ids, then the tickets updated)."""
    fired = getattr(proxy, "fired_at", None)
    if fired is None:
        return False
    proxy.fired_at = None
    looks = [n for n, (_, path) in enumerate(proxy.requests, 1)
             if "orderby=LastUpdated" in path
             or ("/search/ticket" in path and "format=i" in path and "EffectiveId" not in path)]
    return not looks or fired > looks[-1]


def inject(world: World, proxy: FaultProxy, api: str) -> str:
    """Breaks the next fetch in one of several ways; returns what it did."""
    kind = world.rng.choice(["none", "busy", "reset", "mid-read", "mid-read"])
    if kind == "busy":
        proxy.inject("status", status=world.rng.choice([429, 502, 503]), times=world.rng.randint(1, 2),
                     headers={"Retry-After": "0"})
    elif kind == "reset":
        proxy.inject("reset", times=1)
    elif kind == "mid-read":
        paths = ["/tickets", "/transactions", "/attachments"] if api == "rest2" else ["/REST/1.0/show", "/search/ticket"]
        where = world.rng.choice(paths)
        operation = world.rng.choice(World.MID_READ)

        def change() -> None:
            proxy.fired_at = len(proxy.requests)  # the request just logged is the one it came before
            world.step([operation])

        proxy.before(where, change, nth=world.rng.randint(1, 3))
        kind = f"{operation} before request {where}"
    return kind


@pytest.mark.parametrize(("api", "steps", "seed_value"), [("rest2", 12, 1), ("rest2", 8, 2), ("rest1", 6, 3)])
def test_incremental_fetches_equal_a_full_read_after_every_step(rt_factory, tmp_path, small_pages, api, steps,
                                                                 seed_value):
    faults = run_steps(rt_factory, tmp_path, api, steps, seed_value)
    assert sum(faults.values()) == steps
