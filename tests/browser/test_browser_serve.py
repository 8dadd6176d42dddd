"""`casecat serve`: the preview has casecat's search, and stopping casecat stops its MkDocs."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent.parent


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def answers(port: int) -> bool:
    with socket.socket() as sock:
        return sock.connect_ex(("127.0.0.1", port)) == 0


def session_processes(sid: int) -> list[str]:
    """Processes still alive in a session (what a leftover `mkdocs serve` child would be)."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[3]) == sid and fields[0] != "Z":
            found.append(stat.parent.name)
    return found


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    """A folder where `casecat build` made the sample site (build/, site/)."""
    folder = tmp_path_factory.mktemp("preview")
    proc = subprocess.run([sys.executable, "-m", "generator", "build"], cwd=folder, capture_output=True, text=True,
                          env={**os.environ, "PYTHONPATH": str(ROOT), "CASECAT_FINGERPRINT_SALT": "test-salt"},
                          timeout=300)
    assert proc.returncode == 0, proc.stderr
    return folder


class Preview:
    def __init__(self, folder: Path, tmp_path: Path):
        self.port = free_port()
        self.tmp = tmp_path / "tmp"
        self.tmp.mkdir()
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "generator", "serve", "--dev-addr", f"127.0.0.1:{self.port}"], cwd=folder,
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, start_new_session=True,
            # as from a terminal: a suite started in the background (`make test &`) passes SIGINT on
            # ignored, and Python then never turns it into KeyboardInterrupt
            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
            env={**os.environ, "PYTHONPATH": str(ROOT), "TMPDIR": str(self.tmp)})
        deadline = time.monotonic() + 120
        while not answers(self.port):
            assert self.proc.poll() is None, self.proc.stdout.read()
            assert time.monotonic() < deadline, "casecat serve did not start"
            time.sleep(0.2)
        self.url = f"http://127.0.0.1:{self.port}/"

    def stop(self, signum: int) -> str:
        self.proc.send_signal(signum)
        try:
            output, _ = self.proc.communicate(timeout=30)
        finally:
            if self.proc.poll() is None:
                os.killpg(self.proc.pid, signal.SIGKILL)
        return output


@pytest.fixture
def preview(built, tmp_path):
    running = Preview(built, tmp_path)
    yield running
    if running.proc.poll() is None:
        os.killpg(running.proc.pid, signal.SIGKILL)
        running.proc.wait()


def test_search_works_in_the_preview(preview, page):
    page.goto(preview.url)
    page.click("input.md-search__input")
    page.keyboard.type("climate")
    results = page.locator(".md-search-result__list > li a")
    results.first.wait_for(timeout=15_000)
    href = results.first.get_attribute("href")
    target = page.evaluate("h => new URL(h, location.href).href", href)
    assert target.startswith(preview.url) and page.request.get(target).status == 200
    assert page.request.get(preview.url + "search/manifest.json").status == 200


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
def test_stopping_casecat_serve_stops_mkdocs(preview, signum):
    sid = preview.proc.pid  # start_new_session: casecat leads its own session
    assert session_processes(sid) == [str(preview.proc.pid)]  # MkDocs runs inside casecat, not beside it
    assert list(preview.tmp.glob("mkdocs_*")), "MkDocs builds the preview in a temporary folder"
    output = preview.stop(signum)
    assert preview.proc.returncode is not None
    assert session_processes(sid) == [], "a process of casecat serve outlived it"
    assert not answers(preview.port)
    assert not list(preview.tmp.glob("mkdocs_*")), "the preview's folder was left behind"
    assert "Traceback" not in output and "Shutting down" in output
