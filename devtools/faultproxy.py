"""A small HTTP proxy on 127.0.0.1 in front of a real RT that breaks answers on demand.

    with FaultProxy(rt.url) as proxy:
        proxy.inject("status", match="/transactions", status=503, times=2, headers={"Retry-After": "0"})
        fetch_queue(url=proxy.url, ...)

Faults: ``status`` (an HTTP error instead of RT's answer), ``html`` (a login page with 200),
``rest1_401`` (REST 1.0's ``200 OK`` whose body says ``401 Credentials required``), ``truncate``
(RT's answer cut in half, ``Content-Length`` saying so), ``short`` (half the body, but the full
``Content-Length``, then the connection closes), ``delay`` (sleeps ``seconds`` first), ``reset``
(closes the connection without an answer), ``drop`` (RT's answer with the collection rows for
which ``rows(item)`` is true taken out of ``items`` and ``count``: what RT does itself after
cutting a page, for rows of a ticket the account can no longer see), ``untotal`` (the collection
without ``total``, ``pages`` and ``next_page``: an RT that does not count), ``date`` (RT's answer
with a ``Date`` header ``seconds`` off). ``before(match, callback)`` runs code just before a
matching request is forwarded (to change RT meanwhile). Every request is logged in ``requests``
(method, path) and ``bodies``.
"""

from __future__ import annotations

import email.utils
import http.client
import json
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import urlsplit

_HOP = {"connection", "keep-alive", "transfer-encoding", "content-length", "proxy-connection", "te", "upgrade"}
LOGIN_PAGE = b"<!DOCTYPE html><html><head><title>Login</title></head><body><form>...</form></body></html>\n"


@dataclass
class Fault:
    kind: str
    match: str = ""
    times: int = 1  # how many matching requests it breaks; 0 means all of them
    status: int = 503
    headers: dict[str, str] = field(default_factory=dict)
    seconds: float = 0.0
    rows: Callable[[dict[str, Any]], bool] | None = None


class FaultProxy:
    def __init__(self, target: str) -> None:
        parts = urlsplit(target)
        self.target = (parts.hostname or "127.0.0.1", parts.port or 80)
        self.faults: list[Fault] = []
        self.hooks: list[list[Any]] = []  # [match, callback, matching requests still to let through]
        self.requests: list[tuple[str, str]] = []  # (method, path with query)
        self.bodies: list[bytes] = []  # the request bodies, in the same order
        self.lock = threading.Lock()
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(self))
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def __enter__(self) -> FaultProxy:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()

    def inject(self, kind: str, *, match: str = "", times: int = 1, **options: Any) -> None:
        with self.lock:
            self.faults.append(Fault(kind, match, times, **options))

    def before(self, match: str, callback: Callable[[], None], *, nth: int = 1) -> None:
        """Runs ``callback`` once, before the ``nth`` request whose path contains ``match``
        (``nth=2``: between the first page of a collection and the second)."""
        with self.lock:
            self.hooks.append([match, callback, nth - 1])

    def clear(self) -> None:
        with self.lock:
            self.faults.clear()
            self.hooks.clear()
            self.requests.clear()
            self.bodies.clear()

    def _take(self, method: str, path: str, body: bytes) -> tuple[Fault | None, list[Callable[[], None]]]:
        with self.lock:
            self.requests.append((method, path))
            self.bodies.append(body)
            hooks, kept = [], []
            for hook in self.hooks:
                if hook[0] in path and hook[2] == 0:
                    hooks.append(hook[1])
                    continue
                if hook[0] in path:
                    hook[2] -= 1
                kept.append(hook)
            self.hooks = kept
            for fault in self.faults:
                if fault.match in path:
                    if fault.times == 1:
                        self.faults.remove(fault)
                    elif fault.times > 1:
                        fault.times -= 1
                    return fault, hooks
        return None, hooks


def _handler(proxy: FaultProxy) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args: Any) -> None:
            pass

        def _any(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length) if length else b""
            fault, hooks = proxy._take(self.command, self.path, body)
            for hook in hooks:
                hook()
            if fault and fault.kind == "delay":
                time.sleep(fault.seconds)
            if fault and fault.kind == "reset":
                self.close_connection = True
                self.connection.close()
                return
            if fault and fault.kind == "status":
                self._send(fault.status, [("Content-Type", "application/json"), *fault.headers.items()],
                           b'{"message":"injected fault"}')
                return
            if fault and fault.kind == "html":
                self._send(200, [("Content-Type", "text/html; charset=utf-8")], LOGIN_PAGE)
                return
            if fault and fault.kind == "rest1_401":
                self._send(200, [("Content-Type", "text/plain; charset=utf-8")],
                           b"RT/5.0.3 401 Credentials required\n")
                return
            status, headers, payload = self._forward(body)
            if fault and fault.kind in ("drop", "untotal"):
                payload = _rewrite_collection(payload, fault)
            if fault and fault.kind == "date":
                moment = time.time() + fault.seconds
                headers = [(k, v) for k, v in headers if k.lower() != "date"]
                headers.append(("Date", email.utils.formatdate(moment, usegmt=True)))
            if fault and fault.kind == "truncate":
                self._send(status, headers, payload[: len(payload) // 2])
            elif fault and fault.kind == "short":
                self._send(status, headers, payload[: len(payload) // 2], length=len(payload))
                self.close_connection = True
            else:
                self._send(status, headers, payload)

        def _forward(self, body: bytes) -> tuple[int, list[tuple[str, str]], bytes]:
            conn = http.client.HTTPConnection(*proxy.target, timeout=300)
            try:
                headers = {k: v for k, v in self.headers.items() if k.lower() not in _HOP}
                conn.request(self.command, self.path, body=body or None, headers=headers)
                answer = conn.getresponse()
                payload = answer.read()
                kept = [(k, v) for k, v in answer.getheaders() if k.lower() not in _HOP]
                return answer.status, kept, payload
            finally:
                conn.close()

        def _send(self, status: int, headers: list[tuple[str, str]], payload: bytes, length: int | None = None) -> None:
            self.send_response_only(status)
            for k, v in headers:
                self.send_header(k, v)
            if not any(k.lower() == "date" for k, _ in headers):
                self.send_header("Date", self.date_time_string())
            self.send_header("Content-Length", str(len(payload) if length is None else length))
            self.send_header("Connection", "close")
            self.close_connection = True
            try:
                self.end_headers()
                self.wfile.write(payload)
                self.wfile.flush()
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up (a timeout test)

        do_GET = do_POST = do_PUT = do_DELETE = _any

    return Handler


def _rewrite_collection(payload: bytes, fault: Fault) -> bytes:
    try:
        data = json.loads(payload)
    except ValueError:
        return payload
    if not isinstance(data, dict) or not isinstance(data.get("items"), list):
        return payload
    if fault.kind == "drop" and fault.rows is not None:
        data["items"] = [item for item in data["items"] if not fault.rows(item)]
        data["count"] = len(data["items"])
    if fault.kind == "untotal":
        for key in ("total", "pages", "next_page"):
            data.pop(key, None)
    return json.dumps(data).encode()
