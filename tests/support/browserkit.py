"""Helpers for the browser tests (imported by the tests; fixtures live in conftest.py)."""

from __future__ import annotations

import contextlib
import functools
import http.server
import os
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
AXE_JS = Path(os.environ.get("AXE_CORE_JS") or ROOT / ".venv/node-tools/node_modules/axe-core/axe.min.js")
SCREENSHOTS = ROOT / "reports" / "screenshots"


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def handle(self):
        try:
            super().handle()
        except (BrokenPipeError, ConnectionResetError):  # the browser gave up on a request
            pass


@contextlib.contextmanager
def serve(directory: Path):
    """A static file server for ``directory`` on an ephemeral port of 127.0.0.1."""
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def run_axe(page, axe_source: str) -> list[dict]:
    """Serious and critical axe-core violations on the page as it is now."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        # evaluated by the browser's debugging protocol: the page's Content-Security-Policy, which
        # rightly refuses an added inline <script>, does not apply to it
        page.evaluate(axe_source + "\n;true")
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    return [
        {"id": v["id"], "impact": v["impact"], "targets": [n["target"] for n in v["nodes"]][:5]}
        for v in result["violations"] if v["impact"] in ("serious", "critical")
    ]


def screenshot(page, name: str, full_page: bool = True) -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"catalogue-{name}.png"  # other suites write screenshots here too
    page.screenshot(path=str(path), full_page=full_page)
    return path
