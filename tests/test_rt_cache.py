"""The fetch cache on disk, the credentials holder, the summary line and progress (no RT needed)."""

import json
import os
import stat
import subprocess
import sys

import pytest

from generator.rt import cache
from generator.rt.fetch import FetchError, FetchSummary, RtAuth, base_url, fetch_queue
from generator.rt.progress import ProgressLines
from generator.rt.records import RAW_FORMAT


def _raw(*ids):
    return {"format": RAW_FORMAT, "queue": "q", "fetched_at": "2026-11-27T20:00:00Z", "source": "rt",
            "rt_web_url": "http://rt", "tickets": [{"ticket": {"id": str(i)}} for i in ids], "merged": {"9": 1}}


def test_a_cache_round_trips_and_is_private(tmp_path):
    state = cache.State(url="http://rt", queue="q", api="rest2", fetched_at="x", window_from="y", runs_since_full=3)
    cache.save(tmp_path / "c", _raw(1, 2), state)
    loaded = cache.load(tmp_path / "c")
    assert loaded.state == state and sorted(loaded.entries()) == [1, 2] and loaded.merged() == {9: 1}
    for name in ("raw.json", "state.json"):
        assert stat.S_IMODE(os.stat(tmp_path / "c" / name).st_mode) == 0o600
    assert stat.S_IMODE(os.stat(tmp_path / "c").st_mode) == 0o700
    assert sorted(p.name for p in (tmp_path / "c").iterdir()) == ["raw.json", "state.json"]


def test_a_failed_write_leaves_the_previous_file_and_no_debris(tmp_path):
    path = tmp_path / "raw.json"
    cache.write_json_atomic(path, {"old": True})
    with pytest.raises(TypeError):
        cache.write_json_atomic(path, {"new": object()})
    assert json.loads(path.read_text()) == {"old": True} and [p.name for p in tmp_path.iterdir()] == ["raw.json"]


def test_unreadable_cache_files_count_as_absent(tmp_path, caplog):
    (tmp_path / "raw.json").write_text("{not json")
    (tmp_path / "state.json").write_text('{"format": "casecat-state/1", "read_from": "x"}')  # an older casecat's
    loaded = cache.load(tmp_path)
    assert loaded.raw is None and loaded.state is None and "ignoring" in caplog.text


def _dead_pid() -> int:
    done = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    return int(done.stdout)


def test_temporary_files_of_killed_runs_are_removed_and_a_live_writers_kept(tmp_path):
    (tmp_path / "partial").mkdir()
    dead, alive = _dead_pid(), os.getppid()
    stale = [tmp_path / f".raw.json.{dead}.tmp", tmp_path / f".fingerprint-salt.{dead}.tmp",
             tmp_path / "partial" / f".00003-history.json.{dead}.tmp"]
    kept = [tmp_path / f".state.json.{alive}.tmp", tmp_path / "raw.json", tmp_path / ".raw.json.notapid.tmp"]
    for path in stale + kept:
        path.write_text("private raw data")
    removed = cache.remove_stale_temporaries(tmp_path)
    assert sorted(removed) == sorted(stale) and all(p.exists() for p in kept)


def test_a_checkpoint_resumes_what_was_kept_and_only_for_the_same_source(tmp_path, caplog):
    source = {"url": "http://rt", "queue": "q", "api": "rest2"}
    first = cache.Checkpoint(tmp_path, source)
    assert first.resume() is None
    first.add("tickets", [{"id": 1}, {"id": 2}], {"phase": "tickets", "after": 2})
    first.add("tickets", [{"id": 3}], {"phase": "history", "after": 0})
    first.add("history", [{"id": "10"}], {"phase": "history", "after": 10})
    again = cache.Checkpoint(tmp_path, source)
    assert again.resume() == {"tickets": [{"id": 1}, {"id": 2}, {"id": 3}], "history": [{"id": "10"}]}
    assert again.progress == {"phase": "history", "after": 10}
    other = cache.Checkpoint(tmp_path, {**source, "queue": "another"})
    assert other.resume() is None and "another RT, queue or API" in caplog.text
    assert not (tmp_path / "partial").exists()  # an unusable partial read is dropped, not half-used


def test_a_batch_not_named_in_the_progress_is_not_read(tmp_path):
    """A run killed between writing a batch and the progress that names it resumes without it."""
    source = {"url": "http://rt", "queue": "q", "api": "rest2"}
    point = cache.Checkpoint(tmp_path, source)
    point.add("tickets", [{"id": 1}], {"phase": "tickets", "after": 1})
    (tmp_path / "partial" / "00001-tickets.json").write_text(
        json.dumps({"format": cache.PARTIAL_FORMAT, "kind": "tickets", "rows": [{"id": 2}]}))
    again = cache.Checkpoint(tmp_path, source)
    assert again.resume() == {"tickets": [{"id": 1}]} and again.progress["after"] == 1


def test_credentials_never_show():
    auth = RtAuth(token="1-14-secret-token", user="reader", password="pa55word")
    for text in (repr(auth), str(auth), f"{auth}", repr([auth])):
        assert "secret-token" not in text and "pa55word" not in text and "reader" in text
    assert RtAuth.from_env({"RT_TOKEN": "t", "RT_USER": "", "RT_PASSWORD": ""}) == RtAuth(token="t")


def test_the_summary_is_one_line():
    s = FetchSummary(requests=15, new=3, changed=1, unchanged=296, gone=0, seconds=4.6, full=False)
    assert s.line() == "fetched 300 tickets with 15 requests in 4.6 s: 3 new, 1 changed, 296 unchanged, 0 gone"
    s.repaired = []
    assert s.line().endswith("; reconciliation repaired 0")
    s.repaired = [7, 9]
    assert s.line().endswith("; reconciliation repaired 2 (tickets 7, 9)") and "\n" not in s.line()


def test_progress_lines_in_ci_come_every_so_many_rows_or_seconds_and_at_each_end():
    lines, now = [], [0.0]
    progress = ProgressLines(lines.append, tty=False, every_seconds=30, every_items=1000, clock=lambda: now[0])
    for done in range(100, 2600, 100):
        now[0] += 1
        progress("tickets", done, 2500)
    now[0] += 45
    progress("history", 700, None)
    now[0] += 31
    progress("history", 900, None)
    progress("history", 950, None)
    assert lines == ["fetch: 100/2,500 tickets read\n", "fetch: 1,100/2,500 tickets read\n",
                     "fetch: 2,100/2,500 tickets read\n", "fetch: 2,500/2,500 tickets read\n",
                     "fetch: 700 transactions read\n", "fetch: 900 transactions read\n"]


def test_progress_on_a_terminal_rewrites_one_line():
    out = []
    progress = ProgressLines(out.append, tty=True)
    progress("tickets", 5, 10)
    progress("tickets", 10, 10)
    progress.end()
    assert out == ["\rfetch: 5/10 tickets read", "\rfetch: 10/10 tickets read", "\n"]


@pytest.mark.parametrize(
    ("url", "base"),
    [("https://rt.example.org/", "https://rt.example.org"), ("http://127.0.0.1:8080/rt/REST/2.0/", "http://127.0.0.1:8080/rt"),
     ("https://rt.example.org/REST/1.0", "https://rt.example.org")],
)
def test_the_base_url(url, base):
    assert base_url(url) == base


@pytest.mark.parametrize(
    ("url", "message"),
    [("https://user:pw@rt.example.org", "must not hold credentials"), ("rt.example.org", "must look like"),
     ("https://rt.example.org/?q=1", "query")],
)
def test_bad_urls_are_refused_before_any_request(tmp_path, url, message):
    with pytest.raises(FetchError, match=message) as caught:
        fetch_queue(url=url, queue="q", auth=RtAuth(token="t"), cache_dir=tmp_path)
    assert "pw@" not in str(caught.value)


def test_an_unknown_api_is_refused(tmp_path):
    with pytest.raises(FetchError, match="unknown RT API 'soap'"):
        fetch_queue(url="http://127.0.0.1:9", queue="q", api="soap", auth=RtAuth(token="t"), cache_dir=tmp_path)
