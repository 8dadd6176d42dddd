"""Scale (issue 7), fast: what a case page weighs and what a search costs must not grow with the
catalogue. One synthetic queue of 120 cases and its first 12, built with the real pipeline.
The full measurements (seconds, memory, 10,000 cases) are ``make bench``."""

from __future__ import annotations

import json
import re
from dataclasses import replace
from pathlib import Path

import pytest

from generator.config import Config
from generator.model import RawQueue
from generator.pipeline import build_site
from generator.rt.records import parse_entries, parse_rt_datetime
from devtools.synthetic import make_queue
from generator.screening.policy import Policy
from generator.site import search

SEARCH_BUDGET = 1_000_000  # bytes before the first result, at 10,000 cases (issue 7)


def case_page_sizes(site: Path, case_id: int) -> dict:
    """A case page's bytes, and its bytes outside <article> (the theme's frame)."""
    data = (site / "cases" / str(case_id) / "index.html").read_bytes()
    return {"bytes": len(data), "frame_bytes": len(re.sub(rb"<article\b.*?</article>", b"", data, count=1, flags=re.S))}


def _raw(data: dict, n: int) -> RawQueue:
    return RawQueue(tickets=tuple(parse_entries({**data, "tickets": data["tickets"][:n]})), queue=data["queue"],
                    fetched_at=parse_rt_datetime(data["fetched_at"]), is_sample=True,
                    rt_web_url=data["rt_web_url"], origin="make_queue")


@pytest.fixture(scope="module")
def sites(tmp_path_factory) -> dict[int, Path]:
    data = make_queue(120, seed=7)
    built = {}
    for n in (12, 120):
        base = tmp_path_factory.mktemp(f"scale{n}")
        config = replace(Config(), cache_dir=base / "cache", build_dir=base / "build", site_dir=base / "site",
                         reports_dir=base / "reports")
        built[n] = build_site(_raw(data, n), config, Policy(salt=b"test-salt")).site_dir
    return built


@pytest.mark.slow
def test_a_case_page_weighs_the_same_in_a_catalogue_ten_times_larger(sites):
    small, large = case_page_sizes(sites[12], 1), case_page_sizes(sites[120], 1)
    # the same case: only the case count in the footer ("12" / "120 public cases") may differ
    assert abs(large["bytes"] - small["bytes"]) <= 8, (small, large)
    assert abs(large["frame_bytes"] - small["frame_bytes"]) <= 8, (small, large)


@pytest.mark.slow
def test_search_ships_no_single_whole_index_and_a_query_stays_under_budget(sites):
    site = sites[120]
    assert not (site / "search" / "search_index.json").exists()  # Material's index: all text, one file
    payload = search.first_result_bytes(site)
    # at 200 cases far under the 1 MB budget of 10,000; what grows with the catalogue is bounded:
    # shards are split past SHARD_LIMIT, documents come in chunks of DOCS_PER_CHUNK
    assert payload["first_result_bytes"] <= SEARCH_BUDGET / 4, payload
    assert payload["largest_shard_bytes"] <= 2 * search.SHARD_LIMIT, payload
    manifest = json.loads((site / "search" / "manifest.json").read_text())
    pages = search.handwritten_pages(Path(__file__).resolve().parent.parent / "docs")  # searchable too
    assert manifest["docs"] == 120 + len(pages) and manifest["docs_per_chunk"] == search.DOCS_PER_CHUNK


@pytest.mark.slow
def test_every_case_can_be_found_by_a_word_of_its_title_and_withdrawn_ones_are_not_indexed(sites):
    site = sites[120]
    manifest = json.loads((site / "search" / "manifest.json").read_text())
    chunk = json.loads((site / "search" / "d" / "0.json").read_text())
    url, title = chunk[3][0], chunk[3][1]
    word = search.tokens(title)[0]
    shard = max((p for p in manifest["shards"] if search.code(word).startswith(p)), key=len)
    flat = json.loads((site / "search" / "t" / f"{shard}.json").read_text())
    postings = flat[flat.index(search.code(word)) + 1]
    docs, doc = set(), 0
    for delta in postings[::2]:
        doc += delta
        docs.add(doc)
    assert 3 in docs and (site / url / "index.html").is_file()


def test_the_index_codes_words_so_no_detector_reads_them_out_of_context():
    assert search.code("confidential").isalpha() and set(search.code("0044 20 7946 0958 pi@x")) <= set("abcdefghijklmnop")
    assert search.code("cl") == search.code("climate")[:4]  # prefixes are kept
    assert search.code("χε") == search.code("χειρόγραφα")[:8]
