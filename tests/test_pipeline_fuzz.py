"""The whole pipeline, fuzzed over the raw queue format with Hypothesis: every example either
builds or fails with one line and exit 1 or 2; never a traceback, never a file outside the
folders the build owns, never a half-written site.

`make test` runs a bounded, repeatable number of examples; `make fuzz` (CASECAT_FUZZ=long)
explores many more, randomly. A failing example is printed with the blob that replays it.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from support.builds import previous_site
from support.cli import casecat, tree_state
from support.raw_strategies import queue_text, raw_queues

from generator import pipeline, publish
from generator.config import Config
from generator.rt.records import RawDataError
from generator.rt.source import load_raw_queue
from generator.screening import screen_queue
from generator.screening.policy import Policy
from generator.site.search import build_index

#: slow (whole pipelines on many drawn queues): in make test, out of the fast loop
pytestmark = pytest.mark.slow

LONG = os.environ.get("CASECAT_FUZZ") == "long"
_COMMON = dict(deadline=None, derandomize=not LONG, print_blob=True,
               suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.large_base_example])
#: the stages in memory and on disk up to the docs folder: cheap, so many examples
STAGES = settings(max_examples=2000 if LONG else 40, **_COMMON)
#: with MkDocs, the audit and the swap: a few seconds each
WHOLE = settings(max_examples=300 if LONG else 8, **_COMMON)

#: what a build may leave in its working directory
OWNED = {"queue.json", "casecat.yml", "site", "build", "reports", ".casecat", ".site.lock", ".build.lock",
         ".reports.lock", ".site.manifest.json"}
PLAIN_PATH = re.compile(r"[A-Za-z0-9._/-]+")


def _files(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*") if p.is_file() or p.is_symlink()]


@STAGES
@given(raw_queues())
def test_reading_screening_and_rendering_take_any_raw_queue(tmp_path_factory, data):
    base = tmp_path_factory.mktemp("stages")
    source = base / "queue.json"
    source.write_text(queue_text(data), encoding="utf-8")
    try:
        raw = load_raw_queue(source)
    except RawDataError as exc:
        assert "\n" not in str(exc)
        return
    for problem in (*raw.rejected, *raw.warnings):
        assert "\n" not in problem.line() and problem.line().encode("utf-8")
    config = Config(cache_dir=base / "cache", build_dir=base / "build", site_dir=base / "site",
                    reports_dir=base / "reports", max_failing_share=1.0)
    screened = screen_queue(raw, config, Policy(salt=b"fuzz"))
    laps = pipeline._Laps()
    try:
        _, rendered = pipeline.render_isolating(screened, config, pipeline.PROJECT_ROOT, frozenset(), laps,
                                                log=lambda line: None)
    except pipeline.PipelineError as exc:
        pytest.fail(f"rendering failed as a whole: {exc}")
    build_index(rendered.snapshot)
    docs = config.build_dir / "docs"
    for path in _files(base):
        assert path.is_relative_to(base / "build") or path == source, path
    for path in _files(docs):
        relative = path.relative_to(docs).as_posix()
        assert PLAIN_PATH.fullmatch(relative) and ".." not in relative, relative
        assert len(path.name.encode()) < 200
    cases = json.loads((docs / "data" / "cases.json").read_text(encoding="utf-8"))["cases"]
    assert {c["id"] for c in cases} == {c.id for c in rendered.snapshot.cases}
    for case in cases:
        assert (docs / "cases" / f"{case['id']}.md").is_file()


@WHOLE
@given(raw_queues(), st.sampled_from([0.1, 1.0]))
def test_the_whole_pipeline_builds_or_fails_in_one_line(tmp_path_factory, data, share):
    outer = tmp_path_factory.mktemp("whole")
    work = outer / "work"
    work.mkdir()
    (work / "queue.json").write_text(queue_text(data), encoding="utf-8")
    (work / "casecat.yml").write_text(f"max_failing_share: {share}\n")
    before = previous_site(work / "site")

    run = casecat("build", "--source", "queue.json", cwd=work)

    assert run.returncode in (0, 1, 2), run.stderr
    assert "Traceback" not in run.stderr and "internal error" not in run.stderr, run.stderr
    assert [p.name for p in outer.iterdir()] == ["work"]
    assert {p.name for p in work.iterdir()} <= OWNED, sorted(p.name for p in work.iterdir())
    assert not [p for p in _files(work) if p.is_symlink()]
    errors = [line for line in run.stderr.splitlines() if line.startswith("casecat: error:")]
    if run.returncode:
        assert len(errors) == 1, run.stderr
        assert tree_state(work / "site") == before  # the last site, byte for byte
        assert not (work / "reports" / "publish.json").exists()
        return
    assert errors == []
    site = work / "site"
    report = json.loads((work / "reports" / "publish.json").read_text())
    assert publish.site_difference(site, report["publish_hash"]) is None  # whole, as published
    cases = json.loads((site / "data" / "cases.json").read_text())["cases"]
    assert len(cases) == report["cases"]
    for case in cases:
        assert (site / "cases" / str(case["id"]) / "index.html").is_file()
    for path in _files(work / "build" / "docs"):
        assert PLAIN_PATH.fullmatch(path.relative_to(work / "build" / "docs").as_posix()), path
