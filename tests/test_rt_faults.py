"""Faults between casecat and a real RT, injected by a proxy: each is retried where waiting
helps, else one clear line, and the previous cache survives every one of them."""

from __future__ import annotations

import json
import logging
import socket
import time

import pytest
from devtools.faultproxy import FaultProxy
from devtools.rtserver import seed_cases

from generator.rt import http
from generator.rt.fetch import FetchError, RtAuth, fetch_queue

APIS = ["rest2", "rest1"]


@pytest.fixture(autouse=True)
def quick_retries(monkeypatch):
    monkeypatch.setattr(http, "DEFAULT_RETRY", http.RetryPolicy(budget=1.5, backoff=0.05, max_backoff=0.5,
                                                                retry_after_cap=1.5))


@pytest.fixture(scope="module")
def rt(rt_factory):
    server = rt_factory()
    return server, seed_cases(server)


def auth(server, api):
    if api == "rest2":
        return RtAuth(token=server.reader_token)
    return RtAuth(user="staff-reader", password=server.passwords["staff-reader"])


class Proxied:
    """A proxy in front of RT and a cache already filled through it by one good fetch."""

    def __init__(self, server, api, proxy, cache):
        self.server, self.api, self.proxy, self.cache = server, api, proxy, cache
        self.run()
        self.before = _snapshot(cache)
        self.tickets = len(json.loads(self.before["raw.json"])["tickets"])
        proxy.clear()

    def run(self, **kw):
        kw.setdefault("auth", auth(self.server, self.api))
        return fetch_queue(url=self.proxy.url, queue=kw.pop("queue", self.server.queue), api=self.api,
                           cache_dir=self.cache, **kw)


@pytest.fixture
def proxied(rt, tmp_path, request):
    server, _ = rt
    with FaultProxy(server.url) as proxy:
        p = Proxied(server, getattr(request, "param", "rest2"), proxy, tmp_path)
        yield p


def _snapshot(cache):
    """The cache's files; a full read that fails may add partial/, what it read so far."""
    return {p.name: p.read_bytes() for p in sorted(cache.iterdir()) if p.is_file()}


def _fails(proxied, match, **kw):
    """The fetch fails with one short line, and the cache is still the previous one."""
    with pytest.raises(FetchError, match=match) as caught:
        proxied.run(**kw)
    message = str(caught.value)
    assert "\n" not in message and len(message) < 300
    assert _snapshot(proxied.cache) == proxied.before, "the previous cache was touched"
    return message


def test_a_server_that_is_down(tmp_path, rt):
    server, _ = rt
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    for api in APIS:
        with pytest.raises(FetchError, match=f"cannot reach RT at http://127.0.0.1:{port}: connection refused"):
            fetch_queue(url=f"http://127.0.0.1:{port}", queue=server.queue, api=api, auth=auth(server, api),
                        cache_dir=tmp_path)
    assert not tmp_path.exists() or not any(tmp_path.iterdir())


@pytest.mark.parametrize("proxied", APIS, indirect=True)
def test_a_call_that_hangs_is_retried(proxied):
    proxied.proxy.inject("delay", match="/search/ticket", seconds=3)
    proxied.proxy.inject("delay", match="/tickets", seconds=3)
    summary = proxied.run(timeout=1)
    assert summary.unchanged == proxied.tickets and summary.requests == len(proxied.proxy.requests)


@pytest.mark.parametrize("proxied", APIS, indirect=True)
def test_a_call_that_keeps_hanging_times_out_after_the_budget(proxied):
    proxied.proxy.inject("delay", match="/search/ticket", seconds=3, times=0)
    proxied.proxy.inject("delay", match="/tickets", seconds=3, times=0)
    started = time.monotonic()
    _fails(proxied, r"RT did not answer within 1 s \(GET /REST/\S+, [2-9] attempts\)", timeout=1)
    assert time.monotonic() - started < 8


@pytest.mark.parametrize("proxied", APIS, indirect=True)
@pytest.mark.parametrize("status", [500, 502, 503, 429])
def test_busy_answers_are_retried_and_then_succeed(proxied, status):
    proxied.proxy.inject("status", status=status, times=2, headers={"Retry-After": "0"})
    summary = proxied.run()
    assert summary.unchanged == proxied.tickets and summary.requests == len(proxied.proxy.requests)
    assert proxied.proxy.requests[0] == proxied.proxy.requests[1] == proxied.proxy.requests[2]  # 2 retries


def test_retry_after_is_honoured(proxied):
    proxied.proxy.inject("status", match="/tickets", status=429, headers={"Retry-After": "1"})
    started = time.monotonic()
    proxied.run()
    assert time.monotonic() - started >= 1.0


@pytest.mark.parametrize("proxied", APIS, indirect=True)
@pytest.mark.parametrize(("status", "match"), [(503, "HTTP 503"), (500, "HTTP 500"), (429, "HTTP 429 Too Many Requests")])
def test_an_answer_that_stays_busy_fails_after_the_retries(proxied, status, match):
    proxied.proxy.inject("status", status=status, times=0, headers={"Retry-After": "3600"})
    started = time.monotonic()
    message = _fails(proxied, match)
    # Retry-After capped at 1.5 s, and the budget of 1.5 s allows one such wait
    assert "2 attempts" in message and time.monotonic() - started < 5


@pytest.mark.parametrize("proxied", APIS, indirect=True)
@pytest.mark.parametrize("status", [401, 403])
def test_refused_credentials(proxied, status):
    proxied.proxy.inject("status", match="/REST/1.0/" if proxied.api == "rest1" else "/tickets", status=status, times=0)
    _fails(proxied, "refused the credentials")


SECRET = "not-the-password-123"
TOKEN = "1-99-" + "0123456789abcdef" * 2


@pytest.mark.parametrize(
    ("api", "credentials", "match"),
    [
        ("rest2", RtAuth(token=TOKEN), "refused the credentials"),
        ("rest2", RtAuth(user="staff-reader", password=SECRET), "refused the credentials"),
        ("rest1", RtAuth(user="staff-reader", password=SECRET), "REST 1.0 login failed"),
        ("rest1", RtAuth(user="reader", password="reader-password"), "needs a privileged RT user"),
        ("rest1", RtAuth(token=TOKEN), "REST 1.0 needs RT_USER and RT_PASSWORD"),
        ("rest2", RtAuth(), "no RT credentials"),
    ],
)
def test_wrong_credentials_on_a_real_rt(rt, tmp_path, api, credentials, match):
    server, _ = rt
    with pytest.raises(FetchError, match=match) as caught:
        fetch_queue(url=server.url, queue=server.queue, api=api, auth=credentials, cache_dir=tmp_path)
    assert SECRET not in str(caught.value) and TOKEN not in str(caught.value)
    assert SECRET not in repr(credentials) and TOKEN not in repr(credentials) and TOKEN not in str(credentials)


@pytest.mark.parametrize("proxied", ["rest1"], indirect=True)
@pytest.mark.parametrize("full", [True, False])
def test_rest1_says_401_inside_a_200_answer(proxied, full):
    """Whether the list of ids (incremental) or the full search says it: never 'no tickets'."""
    proxied.proxy.inject("rest1_401", match="/search/ticket")
    _fails(proxied, r"REST 1.0 answered 401 Credentials required to GET search/ticket", full=full)


@pytest.mark.parametrize("proxied", APIS, indirect=True)
def test_an_html_page_instead_of_an_answer(proxied):
    proxied.proxy.inject("html", match="/search/ticket")
    proxied.proxy.inject("html", match="/tickets")
    _fails(proxied, "HTML page")


@pytest.mark.parametrize("proxied", APIS, indirect=True)
def test_an_answer_cut_short_is_asked_for_again(proxied):
    proxied.proxy.inject("short", match="/search/ticket")
    proxied.proxy.inject("short", match="/tickets")
    assert proxied.run().unchanged == proxied.tickets


@pytest.mark.parametrize("proxied", APIS, indirect=True)
def test_answers_that_stay_cut_short(proxied):
    proxied.proxy.inject("short", match="/search/ticket", times=0)
    proxied.proxy.inject("short", match="/tickets", times=0)
    _fails(proxied, "cut off")


def test_truncated_json(proxied):
    proxied.proxy.inject("truncate", match="/transactions")
    _fails(proxied, r"truncated or invalid JSON \(GET transactions\)", full=True)


@pytest.mark.parametrize("proxied", APIS, indirect=True)
def test_a_queue_that_does_not_exist(proxied):
    _fails(proxied, "RT has no queue 'no-such-queue'", queue="no-such-queue")


@pytest.mark.parametrize("proxied", APIS, indirect=True)
def test_a_ticket_that_leaves_while_read_is_gone_and_the_rest_intact(proxied, caplog):
    server = proxied.server
    victim = server.create_ticket("Short-lived", body="Soon elsewhere.")
    server.ensure_queue("elsewhere")
    proxied.proxy.before("/transactions", lambda: server.move(victim, "elsewhere"))
    proxied.proxy.before("/REST/1.0/show", lambda: server.move(victim, "elsewhere"))
    summary = proxied.run()
    raw = json.loads((proxied.cache / "raw.json").read_text())
    assert victim not in [int(e["ticket"]["id"]) for e in raw["tickets"]]
    assert summary.unchanged == proxied.tickets and summary.new == 0 and summary.gone == 0
    assert all(e["attachments"] for e in raw["tickets"])  # every other case keeps its description
