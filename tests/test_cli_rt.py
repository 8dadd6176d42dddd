"""The scripted contract of issue 3 against a real RT: `casecat build --source rt` and
`casecat fetch`, through the command line as a nightly job runs them."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from devtools.rtserver import seed_cases

ROOT = Path(__file__).resolve().parent.parent


def casecat(tmp_path: Path, *args: str, env: dict[str, str]):
    return subprocess.run([sys.executable, "-m", "generator", *args], cwd=tmp_path, capture_output=True,
                          text=True, env={**os.environ, "PYTHONPATH": str(ROOT), **env}, timeout=600)


def test_build_from_rt_then_incremental_then_full(rt_server, tmp_path):
    ids = seed_cases(rt_server)
    env = {"RT_URL": rt_server.url, "RT_TOKEN": rt_server.reader_token}
    first = casecat(tmp_path, "build", "--source", "rt", env=env)
    assert first.returncode == 0, first.stderr
    assert f"fetched {len(ids)} tickets" in first.stderr and f"{len(ids)} new" in first.stderr
    # stderr is not a terminal here, as in CI: whole progress lines, not a line rewritten in place
    assert f"fetch: {len(ids)}/{len(ids)} tickets read\n" in first.stderr and "\r" not in first.stderr
    assert (tmp_path / "site" / "cases" / str(ids["ska"]) / "index.html").exists()
    assert rt_server.reader_token not in first.stderr + first.stdout
    assert rt_server.reader_token not in (tmp_path / ".casecat" / "cache" / "raw.json").read_text()

    again = casecat(tmp_path, "fetch", env=env)
    assert again.returncode == 0, again.stderr
    assert f"{len(ids)} unchanged" in again.stderr and "(incremental: only what changed)" in again.stderr
    assert "(full read: first read)" in first.stderr

    full = casecat(tmp_path, "fetch", "--full", env=env)
    assert full.returncode == 0, full.stderr
    assert "(full read: asked for)" in full.stderr and f"{len(ids)} unchanged" in full.stderr


def test_wrong_token_is_one_line_and_leaves_the_site(rt_server, tmp_path):
    seed_cases(rt_server)
    ok = casecat(tmp_path, "build", "--source", "rt", env={"RT_URL": rt_server.url, "RT_TOKEN": rt_server.reader_token})
    assert ok.returncode == 0, ok.stderr
    before = sorted(p.relative_to(tmp_path).as_posix() for p in (tmp_path / "site").rglob("*"))
    bad = casecat(tmp_path, "build", "--source", "rt", "--force",
                  env={"RT_URL": rt_server.url, "RT_TOKEN": "1-14-not-a-token"})
    assert bad.returncode == 1
    lines = bad.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("casecat: error: fetch:"), bad.stderr
    assert "not-a-token" not in bad.stderr
    assert sorted(p.relative_to(tmp_path).as_posix() for p in (tmp_path / "site").rglob("*")) == before


def test_a_first_fetch_stopped_at_its_time_limit_says_so_and_the_next_goes_on(rt_server, tmp_path):
    ids = seed_cases(rt_server)
    env = {"RT_URL": rt_server.url, "RT_TOKEN": rt_server.reader_token, "CASECAT_FETCH_MAX_MINUTES": "0.000001"}
    stopped = casecat(tmp_path, "fetch", env=env)
    assert stopped.returncode == 1
    assert stopped.stderr.strip().splitlines()[-1].startswith(
        "casecat: error: fetch: stopped at the time limit with "), stopped.stderr
    assert (tmp_path / ".casecat" / "cache" / "partial" / "progress.json").exists()
    resumed = casecat(tmp_path, "fetch", env={**env, "CASECAT_FETCH_MAX_MINUTES": ""})
    assert resumed.returncode == 0, resumed.stderr
    assert f"fetched {len(ids)} tickets" in resumed.stderr and "(full read: first read)" in resumed.stderr
    assert not (tmp_path / ".casecat" / "cache" / "partial").exists()
