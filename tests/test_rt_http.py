"""The shared HTTP session against a scripted local server: retries, Retry-After, caps, errors.

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
    """Answers requests from a list of (status, headers, body, delay) in turn."""

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
                try:
                    self.send_response(status)
                    for k, v in headers.items():
                        self.send_header(k, v)
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    self.wfile.write(body)
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


def _session(waits, attempts=3, max_wait=5.0, timeout=5.0):
    session = RtSession(timeout=timeout, retry=RetryPolicy(attempts=attempts, backoff=0.25, max_wait=max_wait),
                        sleep=waits.append)
    session.headers["Authorization"] = f"token {SECRET}"
    return session


JSON = {"Content-Type": "application/json"}


def test_busy_answers_are_retried_with_doubling_backoff_then_succeed(scripted):
    server = scripted((503, JSON, b"{}"), (502, JSON, b"{}"), (200, JSON, b'{"items": []}'))
    waits = []
    session = _session(waits)
    answer = session.get(server.url)
    assert answer.status_code == 200 and session.count == 3 and waits == [0.25, 0.5]
    assert session.server_time is not None


def test_retry_after_is_honoured_and_capped(scripted):
    server = scripted((429, {**JSON, "Retry-After": "2"}, b"{}"), (429, {**JSON, "Retry-After": "3600"}, b"{}"),
                      (200, JSON, b"{}"))
    waits = []
    _session(waits, max_wait=30).get(server.url)
    assert waits == [2.0, 30.0]


def test_a_server_that_stays_busy_fails_after_the_last_attempt(scripted):
    server = scripted((503, JSON, b"{}"))
    waits = []
    with pytest.raises(FetchError, match=r"HTTP 503 \(GET /REST/2.0/tickets, 3 attempts\)") as caught:
        _session(waits).get(server.url + "?query=Queue%3D'x'")
    assert server.seen == 3 and "query" not in str(caught.value)


@pytest.mark.parametrize("status", [401, 403])
def test_refused_credentials_are_not_retried_and_not_echoed(scripted, status):
    server = scripted((status, JSON, b'{"message":"Unauthorized"}'))
    session = _session([])
    with pytest.raises(FetchError, match="refused the credentials") as caught:
        session.get(server.url)
    assert server.seen == 1 and SECRET not in str(caught.value) and SECRET not in repr(caught.value)


def test_timeouts_and_refused_connections_are_one_line_errors(scripted):
    slow = scripted((200, JSON, b"{}", 2.0))
    with pytest.raises(FetchError, match=r"did not answer within 0.5 s \(GET /REST/2.0/tickets\)"):
        _session([], timeout=0.5).get(slow.url)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    with pytest.raises(FetchError, match=f"cannot reach RT at http://127.0.0.1:{port}: connection refused"):
        _session([]).get(f"http://127.0.0.1:{port}/REST/2.0/rt")


def test_redirects_are_not_followed(scripted):
    server = scripted((302, {"Location": "http://127.0.0.1/NoAuth/Login.html?next=abc"}, b""))
    with pytest.raises(FetchError, match="redirected GET /REST/2.0/tickets to 127.0.0.1/NoAuth/Login.html:"):
        _session([]).get(server.url)


def test_html_and_broken_json_are_told_apart(scripted):
    server = scripted((200, {"Content-Type": "text/html"}, b"<html><title>Login</title></html>"),
                      (200, JSON, b'{"items": [{"id": "1"'))
    session = _session([])
    with pytest.raises(FetchError, match="HTML page where JSON was expected"):
        json_body(session.get(server.url), "GET tickets")
    with pytest.raises(FetchError, match="truncated or invalid JSON"):
        json_body(session.get(server.url), "GET tickets")
