"""The shared HTTP session against a scripted local server: retries, Retry-After, budget, errors.

These pin the policy precisely; test_rt_faults.py proves the same faults end to end on a real RT.
"""

import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from generator.rt.http import FetchError, RetryPolicy, RtSession, json_body

SECRET = "1-14-0123456789abcdef0123456789abcdef"


class Scripted:
    """Answers requests from a list of (status, headers, body, delay) in turn; ``"reset"`` as the
    status closes the connection without an answer, ``"cut"`` sends half the promised body."""

    def __init__(self, answers):
        self.answers = list(answers)
        self.seen = 0
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_GET(self):
                status, headers, body, delay = outer.answers[min(outer.seen, len(outer.answers) - 1)]
                outer.seen += 1
                time.sleep(delay)
                if status == "reset":
                    self.close_connection = True
                    self.connection.shutdown(socket.SHUT_RDWR)
                    return
                try:
                    self.send_response(200 if status == "cut" else status)
                    for k, v in headers.items():
                        self.send_header(k, v)
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    self.wfile.write(body[: len(body) // 2] if status == "cut" else body)
                    if status == "cut":
                        self.close_connection = True
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client timed out first

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/REST/2.0/tickets"

    def close(self):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def scripted():
    servers = []

    def make(*answers):
        server = Scripted([(a + (0.0,))[:4] if len(a) == 3 else a for a in answers])
        servers.append(server)
        return server

    yield make
    for server in servers:
        server.close()


def _session(waits, budget=60.0, cap=30.0, timeout=5.0):
    session = RtSession(timeout=timeout, retry=RetryPolicy(budget=budget, backoff=0.25, max_backoff=5.0,
                                                          retry_after_cap=cap), sleep=waits.append)
    session.headers["Authorization"] = f"token {SECRET}"
    return session


JSON = {"Content-Type": "application/json"}
OK = (200, JSON, b'{"items": []}')


def test_busy_answers_are_retried_with_doubling_backoff_then_succeed(scripted):
    server = scripted((503, JSON, b"{}"), (502, JSON, b"{}"), (500, JSON, b"{}"), (504, JSON, b"{}"), OK)
    waits = []
    session = _session(waits)
    answer = session.get(server.url)
    # urllib3 retries the first failure at once, then waits backoff, 2x, 4x ...
    assert answer.status_code == 200 and session.count == server.seen == 5 and waits == [0.25, 0.5, 1.0]


def test_retry_after_is_honoured_beyond_the_backoff_and_capped(scripted):
    server = scripted((429, {**JSON, "Retry-After": "120"}, b"{}"), (503, {**JSON, "Retry-After": "3600"}, b"{}"), OK)
    waits = []
    _session(waits, budget=4000, cap=300).get(server.url)
    assert waits == [120.0, 300.0]  # 120 s is waited in full (it once was cut to 30 s); 3600 s to the cap


def test_retries_stop_when_the_budget_is_spent(scripted):
    server = scripted((503, {**JSON, "Retry-After": "40"}, b"{}"))
    waits = []
    with pytest.raises(FetchError, match=r"HTTP 503 \(GET /REST/2.0/tickets, 3 attempts\)") as caught:
        _session(waits, budget=100, cap=300).get(server.url + "?query=Queue%3D'x'")
    # the third wait of 40 s would end beyond 100 s after the first failure
    assert server.seen == 3 and waits == [40.0, 40.0] and "query" not in str(caught.value)


@pytest.mark.parametrize("status", [401, 403])
def test_refused_credentials_are_not_retried_and_not_echoed(scripted, status):
    server = scripted((status, JSON, b'{"message":"Unauthorized"}'))
    session = _session([])
    with pytest.raises(FetchError, match="refused the credentials") as caught:
        session.get(server.url)
    assert server.seen == 1 and SECRET not in str(caught.value) and SECRET not in repr(caught.value)


def test_a_timeout_is_retried_then_succeeds(scripted):
    server = scripted((200, JSON, b"{}", 1.0), OK)
    session = _session([], timeout=0.3)
    assert session.get(server.url).json() == {"items": []} and session.count == server.seen == 2


def test_a_connection_reset_is_retried_then_succeeds(scripted):
    server = scripted(("reset", {}, b""), ("reset", {}, b""), OK)
    session = _session([])
    assert session.get(server.url).status_code == 200 and session.count == server.seen == 3


def test_an_answer_cut_off_is_asked_for_again(scripted):
    server = scripted(("cut", JSON, b'{"items": [1, 2, 3, 4]}'), OK)
    session = _session([])
    assert session.get(server.url).json() == {"items": []} and session.count == 2


def test_a_timeout_that_persists_is_one_line_after_the_budget(scripted):
    server = scripted((200, JSON, b"{}", 0.6))
    started = time.monotonic()
    with pytest.raises(FetchError, match=r"did not answer within 0.2 s \(GET /REST/2.0/tickets, \d+ attempts\)"):
        _session([], timeout=0.2, budget=1.0).get(server.url)
    assert server.seen >= 2 and time.monotonic() - started < 5


def test_a_server_that_is_down_is_one_line(scripted):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    with pytest.raises(FetchError, match=f"cannot reach RT at http://127.0.0.1:{port}: connection refused"):
        _session([], budget=0.5).get(f"http://127.0.0.1:{port}/REST/2.0/rt")


def test_redirects_are_not_followed(scripted):
    server = scripted((302, {"Location": "http://127.0.0.1/NoAuth/Login.html?next=abc"}, b""))
    with pytest.raises(FetchError, match="redirected GET /REST/2.0/tickets to 127.0.0.1/NoAuth/Login.html:"):
        _session([]).get(server.url)
    assert server.seen == 1


def test_html_and_broken_json_are_told_apart(scripted):
    server = scripted((200, {"Content-Type": "text/html"}, b"<html><title>Login</title></html>"),
                      (200, JSON, b'{"items": [{"id": "1"'))
    session = _session([])
    with pytest.raises(FetchError, match="HTML page where JSON was expected"):
        json_body(session.get(server.url), "GET tickets")
    with pytest.raises(FetchError, match="truncated or invalid JSON"):
        json_body(session.get(server.url), "GET tickets")
