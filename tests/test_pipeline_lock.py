"""Two casecat runs at once in one working directory (a manual build during the nightly, a cron
job, two terminals): the second waits or refuses in one line, and neither corrupts the cache or
the site. Without the lock, two builds sharing build/docs once published 3 of 40 case pages."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
from support.builds import publish_report, raw_queue
from support.cli import casecat, casecat_process, error_line, tree_state

from generator import lock, publish


def _holding(proc, lock_file: Path, timeout: float = 120) -> None:
    """Waits until ``proc`` holds ``lock_file`` (it writes its pid there once it has it)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        assert proc.poll() is None, proc.communicate()
        if lock_file.exists() and f"pid {proc.pid}," in lock_file.read_text():
            return
        time.sleep(0.05)
    raise AssertionError(f"{lock_file} never held by {proc.pid}")


def _site_is_whole(folder: Path, cases: int) -> None:
    site = folder / "site"
    data = json.loads((site / "data" / "cases.json").read_text())
    assert data["case_count"] == cases
    assert all((site / "cases" / str(c["id"]) / "index.html").is_file() for c in data["cases"])
    assert publish.site_difference(site, publish_report(folder)["publish_hash"]) is None


@pytest.mark.slow
def test_a_second_build_refuses_in_one_line_then_waits_and_neither_corrupts_anything(tmp_path):
    first_source = raw_queue(tmp_path, 20, name="first.json")

    def retitle(data):
        data["tickets"][0]["ticket"]["Subject"] = "A subject changed between the two runs"

    second_source = raw_queue(tmp_path, 20, name="second.json", edit=retitle)
    first = casecat_process("build", "--source", str(first_source), cwd=tmp_path, popen=True)
    try:
        _holding(first, tmp_path / ".site.lock")
        refused = casecat("build", "--source", str(second_source), cwd=tmp_path)
        assert refused.returncode == 1
        line = error_line(refused)
        assert f"is in use by another casecat run (pid {first.pid}, started " in line
        assert line.endswith("; try again when it has finished, or pass --wait SECONDS")
        fetch = casecat("fetch", "--rt-url", "http://127.0.0.1:9", cwd=tmp_path, env={"RT_TOKEN": "t"})
        assert fetch.returncode == 1 and ".casecat/cache/ is in use by another casecat run" in error_line(fetch)

        started = time.monotonic()
        waited = casecat("build", "--source", str(second_source), "--wait", "600", cwd=tmp_path)
        assert waited.returncode == 0, waited.stderr
        assert time.monotonic() - started > 0.5
    finally:
        out, err = first.communicate(timeout=600)
    assert first.returncode == 0, err
    _site_is_whole(tmp_path, 20)
    cases = json.loads((tmp_path / "site" / "data" / "cases.json").read_text())["cases"]
    assert cases[0]["subject"] == "A subject changed between the two runs"  # the second build's site
    assert not [p for p in tmp_path.iterdir() if ".building-" in p.name or ".old-" in p.name]


def test_locks_are_reentrant_within_a_run_and_released_after_it(tmp_path):
    folder = tmp_path / "build"
    with lock.hold([folder]):
        with lock.hold([folder, tmp_path / "site"]):  # casecat build --source rt: fetch, then build
            pass
        other = casecat_process("build", "--source", "sample", "--site-dir", "site", cwd=tmp_path)
        assert other.returncode == 1 and "build/ is in use by another casecat run" in error_line(other)
    again = casecat_process("build", "--source", str(raw_queue(tmp_path, 3)), cwd=tmp_path)
    assert again.returncode == 0, again.stderr


def test_a_busy_lock_says_who_holds_it_and_is_free_when_the_run_ends(tmp_path):
    cache = tmp_path / ".casecat" / "cache"
    holder = casecat_process("build", "--source", str(raw_queue(tmp_path, 20)), cwd=tmp_path, popen=True)
    try:
        _holding(holder, tmp_path / ".casecat" / ".cache.lock")
        started = time.monotonic()
        try:
            with lock.hold([cache], wait=0.5):
                raise AssertionError("the lock was taken twice")
        except lock.Busy as busy:
            assert f"pid {holder.pid}, started " in str(busy)
            assert str(busy).startswith(f"{cache}/ is in use")
        assert 0.4 < time.monotonic() - started < 5  # it waited as long as asked, no longer
    finally:
        holder.communicate(timeout=600)
    assert holder.returncode == 0
    with lock.hold([cache]):  # free at once: the kernel dropped it with the process
        assert tree_state(tmp_path / "site")
