"""What an incremental fetch must notice in a real RT 5 although it asks only for what changed:
tickets that left the queue (moved, deleted, merged: a merged ticket's address then forwards),
an owner renamed and a custom field disabled (neither touches a ticket's LastUpdated), an
account whose time zone is not UTC, and a front end whose clock is wrong."""

from __future__ import annotations

import json
import time
from dataclasses import replace

import pytest
from devtools.faultproxy import FaultProxy
from devtools.rtserver import RtServer

from generator.config import Config
from generator.rt.fetch import FetchError, RtAuth, fetch_queue
from generator.rt.source import load_raw_queue
from generator.screening import screen_queue
from generator.screening.policy import Policy

APIS = ["rest2", "rest1"]


def auth(server: RtServer, api: str) -> RtAuth:
    if api == "rest2":
        return RtAuth(token=server.reader_token)
    return RtAuth(user="staff-reader", password=server.passwords["staff-reader"])


def run(server, api, cache, url=None, **kw):
    return fetch_queue(url=url or server.url, queue=server.queue, api=api, auth=auth(server, api), cache_dir=cache,
                       timeout=60, reconcile_every=kw.pop("reconcile_every", 0), **kw)


def held(cache) -> dict[int, dict]:
    return {int(e["ticket"]["id"]): e for e in json.loads((cache / "raw.json").read_text())["tickets"]}


def same_as_a_full_read(server, api, cache, tmp_path, url=None):
    fresh = tmp_path / "fresh"
    run(server, api, fresh, url=url, full=True)
    mine, theirs = (json.loads((p / "raw.json").read_text()) for p in (cache, fresh))
    mine.pop("fetched_at"), theirs.pop("fetched_at")
    return mine == theirs


def cases(server: RtServer, n: int) -> list[int]:
    return [server.create_ticket(f"Case {i}", body=f"Description {i}.", owner="alice" if i % 2 else "bob")
            for i in range(n)]


@pytest.mark.parametrize("api", APIS)
def test_tickets_that_left_are_noticed_and_a_merged_ones_address_forwards(rt_factory, tmp_path, api):
    server = rt_factory()
    server.ensure_queue("elsewhere")
    a, b, c, d, e, f = cases(server, 6)
    cache = tmp_path / "cache"
    with FaultProxy(server.url) as proxy:
        run(server, api, cache, url=proxy.url)
        time.sleep(1.1)
        server.move(a, "other-cases")  # a queue the account sees
        server.delete(b)
        server.merge(c, d)
        proxy.clear()
        summary = run(server, api, cache, url=proxy.url)
        listed = [p for _, p in proxy.requests if ("query=Queue+%3D" in p and "fields=id&" in p) or "format=i" in p]
        assert sorted(held(cache)) == [d, e, f] and summary.gone == 3 and not summary.full
        assert json.loads((cache / "raw.json").read_text())["merged"] == {str(c): d}
        assert same_as_a_full_read(server, api, cache, tmp_path / "1", url=proxy.url)
        if api == "rest2":
            assert not listed  # RT's count and its history explained every departure: no id listing
        time.sleep(1.1)
        server.move(e, "elsewhere")  # a queue the account does not see: only a listing finds it
        proxy.clear()
        summary = run(server, api, cache, url=proxy.url)
        assert sorted(held(cache)) == [d, f] and summary.gone == 1
        assert same_as_a_full_read(server, api, cache, tmp_path / "2", url=proxy.url)
    raw = load_raw_queue(cache / "raw.json")
    snapshot = screen_queue(raw, Config(), Policy(salt=b"s"), previously_published=frozenset({a, b, c, d, e, f})).snapshot
    assert snapshot.redirects == {c: d} and set(snapshot.withdrawn_ids) == {a, b, c, e}
    withheld = screen_queue(raw, Config(), Policy(salt=b"s", withheld_cases=frozenset({c}))).snapshot
    assert withheld.redirects == {}  # a withheld ticket's id is not published as a redirect either


@pytest.mark.parametrize("api", APIS)
def test_an_owner_renamed_is_picked_up_without_a_ticket_changing(rt_factory, tmp_path, api):
    server = rt_factory()
    tickets = cases(server, 5)
    cache = tmp_path / "cache"
    run(server, api, cache)
    server.rename_user("alice", "alice.agent", real_name="Alice A. Agent")
    summary = run(server, api, cache)
    owners = {i: (e["ticket"]["Owner"]["Name"], e["ticket"]["Owner"]["RealName"]) for i, e in held(cache).items()}
    assert {owners[i] for i in tickets[1::2]} == {("alice.agent", "Alice A. Agent")} and not summary.full
    assert {owners[i] for i in tickets[0::2]} == {("bob", "Bob Builder")}
    assert summary.changed == 2 and same_as_a_full_read(server, api, cache, tmp_path)


@pytest.mark.parametrize("api", APIS)
def test_a_custom_field_disabled_leaves_no_value_behind(rt_factory, tmp_path, api):
    server = rt_factory()
    ticket = server.create_ticket("VO case", body="Hello.", custom_fields={"Virtual Organisation": "vo.example.eu"})
    cache = tmp_path / "cache"
    run(server, api, cache)
    server.set_custom_field_disabled("Virtual Organisation", True)
    summary = run(server, api, cache)
    fields = {cf["name"] for cf in held(cache)[ticket]["ticket"]["CustomFields"]}
    assert "Virtual Organisation" not in fields and summary.full and "custom fields changed" in summary.reason
    assert same_as_a_full_read(server, api, cache, tmp_path)


@pytest.mark.parametrize("api", APIS)
@pytest.mark.parametrize("zone", ["America/New_York", "Europe/Berlin"])
def test_an_account_whose_time_zone_is_not_utc_is_refused(rt_factory, tmp_path, api, zone):
    server = rt_factory()
    cases(server, 2)
    user = "reader" if api == "rest2" else "staff-reader"
    cache = tmp_path / "cache"
    run(server, api, cache)
    before = {p.name: p.read_bytes() for p in cache.iterdir() if p.is_file()}
    server.set_timezone(user, zone)
    for kind in ({}, {"full": True}):  # the check runs on every fetch, incremental or full
        with pytest.raises(FetchError, match="time zone is not UTC.*Timezone") as caught:
            run(server, api, cache, **kind)
        assert "\n" not in str(caught.value)
        assert {p.name: p.read_bytes() for p in cache.iterdir() if p.is_file()} == before
    with pytest.raises(FetchError, match="time zone is not UTC"):
        run(server, api, tmp_path / "first")  # a first fetch too
    server.set_timezone(user, "UTC")
    assert not run(server, api, cache).full


def test_a_front_end_clock_ahead_does_not_hide_a_reply(rt_factory, tmp_path):
    """The window comes from the data read; RT's Date header, 10 minutes fast here, plays no part."""
    server = rt_factory()
    ticket, other = cases(server, 2)
    cache = tmp_path / "cache"
    with FaultProxy(server.url) as proxy:
        proxy.inject("date", times=0, seconds=600)
        run(server, "rest2", cache, url=proxy.url)
        time.sleep(1.1)
        server.correspond(ticket, "A reply just after the fetch.")
        summary = run(server, "rest2", cache, url=proxy.url)
    texts = [a["Content"] for a in held(cache)[ticket]["attachments"]]
    assert "A reply just after the fetch." in texts and summary.changed == 1
