"""The fetch cache on disk, the credentials holder and the summary line (no RT needed)."""

import json
import os
import stat

import pytest

from generator.rt import cache
from generator.rt.fetch import FetchError, FetchSummary, RtAuth, base_url, fetch_queue
from generator.rt.records import RAW_FORMAT


def _raw(*ids):
    return {"format": RAW_FORMAT, "queue": "q", "fetched_at": "2026-11-27T20:00:00Z", "source": "rt",
            "rt_web_url": "http://rt", "tickets": [{"ticket": {"id": str(i)}} for i in ids]}


def test_a_cache_round_trips_and_is_private(tmp_path):
    state = cache.State(url="http://rt", queue="q", api="rest2", fetched_at="x", read_from="y", ids_seen=[1, 2])
    cache.save(tmp_path / "c", _raw(1, 2), state)
    loaded = cache.load(tmp_path / "c")
    assert loaded.state == state and sorted(loaded.entries()) == [1, 2]
    for name in ("raw.json", "state.json"):
        assert stat.S_IMODE(os.stat(tmp_path / "c" / name).st_mode) == 0o600
    assert sorted(p.name for p in (tmp_path / "c").iterdir()) == ["raw.json", "state.json"]


def test_a_failed_write_leaves_the_previous_file_and_no_debris(tmp_path):
    path = tmp_path / "raw.json"
    cache.write_json_atomic(path, {"old": True})
    with pytest.raises(TypeError):
        cache.write_json_atomic(path, {"new": object()})
    assert json.loads(path.read_text()) == {"old": True} and [p.name for p in tmp_path.iterdir()] == ["raw.json"]


def test_unreadable_cache_files_count_as_absent(tmp_path, caplog):
    (tmp_path / "raw.json").write_text("{not json")
    (tmp_path / "state.json").write_text('{"format": "something else"}')
    loaded = cache.load(tmp_path)
    assert loaded.raw is None and loaded.state is None and "ignoring" in caplog.text


def test_credentials_never_show():
    auth = RtAuth(token="1-14-secret-token", user="reader", password="pa55word")
    for text in (repr(auth), str(auth), f"{auth}", repr([auth])):
        assert "secret-token" not in text and "pa55word" not in text and "reader" in text
    assert RtAuth.from_env({"RT_TOKEN": "t", "RT_USER": "", "RT_PASSWORD": ""}) == RtAuth(token="t")


def test_the_summary_is_one_line():
    s = FetchSummary(requests=15, new=3, changed=1, unchanged=296, gone=0, skipped=[], seconds=4.6, full=False)
    assert s.line() == "fetched 300 tickets with 15 requests in 4.6 s: 3 new, 1 changed, 296 unchanged, 0 gone"
    s.skipped = [7]
    assert s.line().endswith(", 1 skipped")


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
