"""Full reads of a real RT 5 that change under them, page by page (pages of 5 rows here): rows
that vanish between two pages cannot take others with them, a short page ends nothing RT has
not ended, and a read that is stopped or fails resumes from what it kept; a full read every N
runs repairs, and reports, what the incremental reads got wrong."""

from __future__ import annotations

import json
import time
from datetime import timedelta

import pytest
from devtools.faultproxy import FaultProxy

from generator.rt import http, read_rest2, rest2
from generator.rt.fetch import FetchError, RtAuth, Stopped, fetch_queue


@pytest.fixture(autouse=True)
def small_pages(monkeypatch):
    monkeypatch.setattr(rest2, "PER_PAGE", 5)
    monkeypatch.setattr(rest2, "TRANSACTIONS_PER_QUERY", 40)
    monkeypatch.setattr(http, "DEFAULT_RETRY", http.RetryPolicy(budget=1, backoff=0.05, max_backoff=0.2))


@pytest.fixture
def queue(rt_factory):
    """Twelve cases, each with a description, two status changes and a reply."""
    server = rt_factory()
    server.ensure_queue("elsewhere")
    ids = [server.create_ticket(f"Case {i}", body=f"Description of case {i}.",
                                custom_fields={"Implementation status": "Assessed"}) for i in range(12)]
    for i in ids:
        server.set_cf(i, "Implementation status", "Preparatory")
        server.correspond(i, f"Reply on case {i}.")
    return server, ids


def run(server, cache, url, **kw):
    return fetch_queue(url=url, queue=server.queue, api="rest2", auth=RtAuth(token=server.reader_token),
                       cache_dir=cache, timeout=30, reconcile_every=kw.pop("reconcile_every", 0), **kw)


def raw(cache) -> dict:
    data = json.loads((cache / "raw.json").read_text())
    data.pop("fetched_at")
    return data


def entries(cache) -> dict[int, dict]:
    return {int(e["ticket"]["id"]): e for e in raw(cache)["tickets"]}


@pytest.mark.parametrize(("path", "nth", "what"), [
    ("/attachments", 2, "a ticket moved out between two pages of message bodies"),
    ("/transactions", 3, "a ticket moved out between two pages of the history"),
    ("/tickets", 2, "a ticket moved out between two pages of tickets"),
])
def test_a_ticket_that_leaves_between_pages_takes_nothing_else_with_it(queue, tmp_path, path, nth, what):
    server, ids = queue
    victim = ids[1]  # on the first page of every collection
    with FaultProxy(server.url) as proxy:
        proxy.before(path, lambda: server.move(victim, "elsewhere"), nth=nth)
        run(server, tmp_path / "cache", proxy.url)
        proxy.clear()
        run(server, tmp_path / "fresh", proxy.url, full=True)
    got = entries(tmp_path / "cache")
    assert sorted(got) == sorted(set(ids) - {victim}), what
    for i, entry in got.items():  # every other case keeps its description, reply and status history
        assert [x["Type"] for x in entry["transactions"]] == ["Create", "CustomField", "Correspond"], (what, i)
        assert len(entry["attachments"]) == 2, (what, i)
    assert raw(tmp_path / "cache") == raw(tmp_path / "fresh"), what


def test_rows_rt_drops_after_cutting_a_page_are_read_on_from_the_short_page(queue, tmp_path):
    """RT filters message bodies by their ticket's rights after cutting the page: the first page
    comes back short, and a read that took it for the last lost every description after it."""
    server, ids = queue
    victim = ids[0]
    with FaultProxy(server.url) as proxy:
        def leave():
            server.move(victim, "elsewhere")
        proxy.before("/attachments", leave)
        summary = run(server, tmp_path / "cache", proxy.url)
        bodies = [p for _, p in proxy.requests if p.startswith("/REST/2.0/attachments")]
    assert len(bodies) > len(ids) * 2 // 5  # the read went on past the short page
    got = entries(tmp_path / "cache")
    assert victim not in got and all(len(e["attachments"]) == 2 for e in got.values()) and summary.new == 11


def test_an_rt_that_does_not_count_is_read_to_an_empty_page_and_listed(queue, tmp_path):
    """Without RT's count ($UseSQLForACLChecks off), no short page ends a read of tickets or
    history, and tickets that left are found by listing them."""
    server, ids = queue
    with FaultProxy(server.url) as proxy:
        proxy.inject("untotal", match="/tickets", times=0)
        run(server, tmp_path / "cache", proxy.url)
        time.sleep(1.1)
        server.move(ids[3], "other-cases")
        summary = run(server, tmp_path / "cache", proxy.url)
        listed = [p for _, p in proxy.requests if "query=Queue+%3D" in p and "fields=id&" in p]
        state = json.loads((tmp_path / "cache" / "state.json").read_text())
    assert summary.gone == 1 and listed and state["counts_in_sql"] is False
    assert sorted(entries(tmp_path / "cache")) == sorted(set(ids) - {ids[3]})


def test_a_full_read_stopped_at_its_time_limit_resumes_where_it_was(queue, tmp_path, monkeypatch):
    server, ids = queue
    monkeypatch.setattr(read_rest2, "CHECKPOINT_EVERY", 0)  # a checkpoint after every page
    cache = tmp_path / "cache"
    with FaultProxy(server.url) as proxy:
        with pytest.raises(Stopped, match="stopped at the time limit with 5 of 12 tickets"):
            run(server, cache, proxy.url, max_seconds=0.001)
        assert not (cache / "raw.json").exists() and (cache / "partial" / "progress.json").exists()
        server.correspond(ids[0], "A reply while the first fetch was paused.")  # RT moves on meanwhile
        proxy.clear()
        summary = run(server, cache, proxy.url)
        resumed = list(proxy.requests)
        proxy.clear()
        run(server, tmp_path / "fresh", proxy.url, full=True)
        fresh = list(proxy.requests)
    def ticket_pages(requests):
        return [p for _, p in requests if p.startswith("/REST/2.0/tickets") and "orderby=id" in p]
    assert "id+%3E+0" not in "".join(ticket_pages(resumed))  # the tickets already read were not asked for again
    # Only the listing of tickets is compared: the closing check of the resumed read also reads
    # again the ticket that moved while it was paused, as many rounds as RT's clock needs, so the
    # total number of requests depends on when each second ticks (24 against 21 once in CI).
    assert len(ticket_pages(resumed)) < len(ticket_pages(fresh)) and summary.full and summary.new == 12
    assert not (cache / "partial").exists() and raw(cache) == raw(tmp_path / "fresh")
    assert "A reply while the first fetch was paused." in [a["Content"] for a in entries(cache)[ids[0]]["attachments"]]


def test_a_full_read_that_fails_keeps_what_it_read_for_the_next_run(queue, tmp_path, monkeypatch):
    server, ids = queue
    monkeypatch.setattr(read_rest2, "CHECKPOINT_EVERY", 0)
    cache = tmp_path / "cache"
    with FaultProxy(server.url) as proxy:
        proxy.inject("status", match="/attachments", status=503, times=0)
        with pytest.raises(FetchError, match="HTTP 503"):
            run(server, cache, proxy.url)
        proxy.clear()
        run(server, cache, proxy.url)
        asked = [p for _, p in proxy.requests]
    assert not any(p.startswith("/REST/2.0/transactions") and "id+%3E+0&" in p for p in asked)  # history kept
    assert sorted(entries(cache)) == sorted(ids)


def test_a_reconciliation_every_n_runs_repairs_and_reports(queue, tmp_path, monkeypatch):
    server, ids = queue
    monkeypatch.setattr(read_rest2, "OVERLAP", timedelta(seconds=1))
    cache = tmp_path / "cache"
    with FaultProxy(server.url) as proxy:
        run(server, cache, proxy.url, reconcile_every=2)
        time.sleep(2.1)
        server.create_ticket("Later case", body="Later.")  # the window moves on past the first cases
        assert not run(server, cache, proxy.url, reconcile_every=2).full
        # a cache gone wrong in a way no incremental read would notice
        data = json.loads((cache / "raw.json").read_text())
        data["tickets"][2]["transactions"].pop()
        data["tickets"][4]["ticket"]["Subject"] = "Not what RT says"
        (cache / "raw.json").write_text(json.dumps(data))
        summary = run(server, cache, proxy.url, reconcile_every=2)
        proxy.clear()
        run(server, tmp_path / "fresh", proxy.url, full=True)
    assert summary.full and summary.reason == "reconciliation"
    assert summary.repaired == sorted([ids[2], ids[4]]) and "reconciliation repaired 2" in summary.line()
    assert raw(cache) == raw(tmp_path / "fresh")
    state = json.loads((cache / "state.json").read_text())
    assert state["runs_since_full"] == 0
