"""Screening on two cores: the tickets split over a forked process and this one give the very
snapshot, report, warnings and failures of one process, with or without a memo, a ticket that
fails included."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import generator.screening as screening
from generator import forked
from generator.config import Config
from generator.screening import screen_queue
from generator.screening.memo import Memo
from generator.screening.policy import Policy
from generator.screening.snapshot import snapshot_bytes
from tests.test_screening_memo import SECRET, raw_of

pytestmark = pytest.mark.skipif(not forked.can_fork(), reason="needs two cores and fork")

CASES = 61  # odd: the halves differ in size
POLICY = Policy(salt=b"parallel-test-salt", withheld_cases=frozenset({7}))
FAILING = 12


@pytest.fixture(scope="module")
def queue() -> dict:
    from devtools.synthetic import make_queue

    data = make_queue(CASES, seed=11)
    for n in (1, 2, 30):
        data["tickets"][n]["attachments"][0]["Content"] += f"\n\nOur CI pushes with {SECRET} for now."
    return data


@pytest.fixture
def traced(monkeypatch, tmp_path) -> Path:
    """``screen_record`` noting the process that screens each ticket (in a file: a forked
    process's memory never comes back), and failing on ticket ``FAILING``."""
    pids = tmp_path / "pids"
    real = screening.screen_record

    def screen_record(record, config, policy):
        with pids.open("a") as f:
            f.write(f"{record.id} {os.getpid()}\n")
        if record.id == FAILING:
            raise ValueError("a detector failed")
        return real(record, config, policy)

    monkeypatch.setattr(screening, "screen_record", screen_record)
    return pids


def screened(raw, processes: int, monkeypatch, memo: Memo | None = None):
    monkeypatch.setattr(screening, "PARALLEL_FROM", 1 if processes == 2 else 10**9)
    return screen_queue(raw, Config(), POLICY, previously_published=frozenset({3, 9999}), memo=memo)


def same(a, b) -> None:
    assert snapshot_bytes(a.snapshot) == snapshot_bytes(b.snapshot)
    assert a.report.to_dict() == b.report.to_dict()
    assert a.report.summary() == b.report.summary()
    assert a.warnings == b.warnings
    assert a.failures == b.failures
    assert a == b


def test_two_processes_screen_what_one_does(queue, traced, monkeypatch):
    raw = raw_of(queue)
    one = screened(raw, 1, monkeypatch)
    traced.unlink()
    two = screened(raw, 2, monkeypatch)
    by_pid: dict[str, list[int]] = {}
    for line in traced.read_text().splitlines():
        case_id, pid = line.split()
        by_pid.setdefault(pid, []).append(int(case_id))
    assert len(by_pid) == 2 and sorted(i for ids in by_pid.values() for i in ids) == sorted(t.id for t in raw.tickets)
    same(two, one)
    assert [p.ticket for p in one.failures] == [FAILING] and one.failures[0].field.startswith("screening")
    assert any(h.rule for o in one.report.outcomes for h in o.hits)
    assert 7 not in {c.id for c in one.snapshot.cases} and one.snapshot.withdrawn_ids


def test_two_processes_keep_the_memo_one_does(queue, traced, monkeypatch, tmp_path):
    raw = raw_of(queue)
    memos = {}
    for processes in (1, 2):
        path = tmp_path / f"memo-{processes}.json"
        memo = Memo.load(path, Config(), POLICY, "v1")
        first = screened(raw, processes, monkeypatch, memo)
        memo.save(path)
        memos[processes] = path.read_bytes()
        again = Memo.load(path, Config(), POLICY, "v1")
        same(screened(raw, processes, monkeypatch, again), first)
        assert again.reused == CASES - 1  # all but the ticket that failed, screened again
    assert memos[1] == memos[2]


def test_a_helper_that_dies_fails_the_stage_in_one_line():
    def work(part):
        if part and part[0] == 1:  # the helper's half
            os._exit(3)
        return list(part)

    with pytest.raises(RuntimeError, match=r"the screening helper process ended without a result \(exit 3\)"):
        forked.in_two(work, [0, 1, 2, 3], name="screening helper")
    assert forked.interleave(*forked.in_two(list, [0, 1, 2, 3, 4])) == [0, 1, 2, 3, 4]
