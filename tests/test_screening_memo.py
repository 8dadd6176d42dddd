"""The screening memo: a ticket screened once under the same settings and code is not screened
again, and the result is the one a screening without the memo gives, outcome for outcome.

It holds only what screening made public, keyed by digests nobody can test a guess against
without the salt; a change to a ticket, the settings, the policy or screening's code means a
screening anew of what it touches.
"""

from __future__ import annotations

import copy
import json
import marshal
from dataclasses import replace
from pathlib import Path

import pytest

import generator.screening as screening
from generator.config import Config
from generator.model import RawQueue
from generator.rt.records import parse_entries, parse_rt_datetime
from generator.screening import screen_queue
from generator.screening.memo import Memo
from generator.screening.policy import Policy
from generator.screening.snapshot import snapshot_bytes

CASES = 40
CONFIG = Config()
SECRET = "ghp_" + "Zq8RtY3wXk5VbN7mLp2HsJd4FgAe6CuTo9Ki"  # a token screening redacts
POLICY = Policy(salt=b"memo-test-salt")
VERSION = "code-1"


def raw_of(data: dict) -> RawQueue:
    return RawQueue(tickets=tuple(parse_entries(data)), queue=data["queue"],
                    fetched_at=parse_rt_datetime(data["fetched_at"]), is_sample=False,
                    rt_web_url=data["rt_web_url"], origin="synthetic")


@pytest.fixture(scope="module")
def queue() -> dict:
    from devtools.synthetic import make_queue

    data = make_queue(CASES, seed=5)
    first = data["tickets"][1]["attachments"][0]
    first["Content"] += f"\n\nOur CI pushes with {SECRET} for now."
    return data


class Counting:
    """``screen_record``, counting the tickets it screens."""

    def __init__(self, monkeypatch) -> None:
        self.ids: list[int] = []
        real = screening.screen_record

        def counted(record, config, policy):
            self.ids.append(record.id)
            return real(record, config, policy)

        monkeypatch.setattr(screening, "screen_record", counted)


def screened_with_memo(raw: RawQueue, path: Path, config: Config = CONFIG, policy: Policy = POLICY,
                       version: str = VERSION):
    memo = Memo.load(path, config, policy, version)
    result = screen_queue(raw, config, policy, memo=memo)
    memo.save(path)
    return result, memo


def same(a, b) -> None:
    assert snapshot_bytes(a.snapshot) == snapshot_bytes(b.snapshot)
    assert a.report.to_dict() == b.report.to_dict()
    assert a == b


def test_a_second_screening_reuses_every_outcome_and_gives_the_same_result(queue, tmp_path, monkeypatch):
    raw = raw_of(queue)
    memo_file = tmp_path / "memo.marshal"
    without = screen_queue(raw, Config(), POLICY)
    first, memo = screened_with_memo(raw, memo_file)
    assert memo.reused == 0
    same(first, without)
    assert any(h.rule for o in without.report.outcomes for h in o.hits)  # findings round-trip too

    counting = Counting(monkeypatch)
    again, memo = screened_with_memo(raw, memo_file)
    assert counting.ids == [] and memo.reused == CASES
    same(again, without)


def test_only_the_changed_tickets_are_screened_again(queue, tmp_path, monkeypatch):
    memo_file = tmp_path / "memo.marshal"
    screened_with_memo(raw_of(queue), memo_file)
    night = copy.deepcopy(queue)
    night["tickets"][4]["ticket"]["Subject"] += " (second phase)"
    night["tickets"][9]["attachments"][0]["Content"] += "\n\nA new paragraph."
    gone = int(night["tickets"].pop(12)["ticket"]["id"])
    changed = {int(night["tickets"][i]["ticket"]["id"]) for i in (4, 9)}

    counting = Counting(monkeypatch)
    result, memo = screened_with_memo(raw_of(night), memo_file)
    assert sorted(counting.ids) == sorted(changed) and memo.reused == CASES - 3
    monkeypatch.undo()
    same(result, screen_queue(raw_of(night), Config(), POLICY))
    # a ticket gone from the queue leaves the memo
    kept = marshal.loads(memo_file.read_bytes())["cases"]
    assert len(kept) == CASES - 1 and gone not in {entry["id"] for entry in kept.values()}


@pytest.mark.parametrize("change", ["salt", "code", "settings", "actions", "accepted"])
def test_what_screens_every_ticket_alike_screens_them_all_again(queue, tmp_path, monkeypatch, change):
    raw = raw_of(queue)
    memo_file = tmp_path / "memo.marshal"
    screened_with_memo(raw, memo_file)
    config, policy, version = Config(), POLICY, VERSION
    if change == "salt":
        policy = replace(POLICY, salt=b"another-salt")
    elif change == "code":
        version = "code-2"
    elif change == "settings":
        config = replace(Config(), publish_contact_affiliations=False)
    elif change == "actions":
        from generator.screening.policy import Action
        policy = replace(POLICY, actions={"email": Action.WITHHOLD_CASE})
    else:
        policy = replace(POLICY, accepted=frozenset({"0" * 20}))
    counting = Counting(monkeypatch)
    result, memo = screened_with_memo(raw, memo_file, config, policy, version)
    assert memo.reused == 0 and len(counting.ids) == CASES
    monkeypatch.undo()
    same(result, screen_queue(raw, config, policy))


def test_a_ticket_withheld_on_request_is_screened_again_alone(queue, tmp_path, monkeypatch):
    raw = raw_of(queue)
    memo_file = tmp_path / "memo.marshal"
    screened_with_memo(raw, memo_file)
    held = raw.tickets[7].id
    policy = replace(POLICY, withheld_cases=frozenset({held}))
    counting = Counting(monkeypatch)
    result, memo = screened_with_memo(raw, memo_file, policy=policy)
    assert counting.ids == [held] and memo.reused == CASES - 1
    assert held not in {c.id for c in result.snapshot.cases}


def test_the_screening_code_version_covers_every_screening_file(tmp_path, monkeypatch):
    """A detector edited (any file under generator/screening/) is a new version: all screened again."""
    import shutil

    from generator import pipeline, publish

    package = tmp_path / "generator"
    shutil.copytree(publish.PACKAGE_DIR, package, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(publish, "PACKAGE_DIR", package)
    before = pipeline.screening_code_version()
    detector = next((package / "screening" / "detectors").glob("*.py"))
    detector.write_text(detector.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    assert pipeline.screening_code_version() != before


def test_the_memo_holds_nothing_screening_keeps_back(queue, tmp_path):
    raw = raw_of(queue)
    memo_file = tmp_path / "memo.marshal"
    screened_with_memo(raw, memo_file)
    data = memo_file.read_bytes()
    private = {r for t in raw.tickets for r in t.requestors + t.cc} | {SECRET, POLICY.salt.decode()}
    assert private and not [value for value in private if value.encode() in data]


@pytest.mark.parametrize("damage", ["garbage", "format", "entry"])
def test_a_damaged_memo_is_an_empty_one(queue, tmp_path, damage):
    raw = raw_of(queue)
    memo_file = tmp_path / "memo.marshal"
    screened_with_memo(raw, memo_file)
    data = marshal.loads(memo_file.read_bytes())
    if damage == "garbage":
        memo_file.write_bytes(b"{not marshal")
    elif damage == "format":
        memo_file.write_bytes(marshal.dumps({**data, "format": "other/1"}))
    else:
        for entry in data["cases"].values():
            entry["hits"] = [["only", "three", "parts"]]
            entry["case"] = {"id": "x"} if entry["case"] else None
        memo_file.write_bytes(marshal.dumps(data))
    result, memo = screened_with_memo(raw, memo_file)
    assert memo.reused == 0
    same(result, screen_queue(raw, Config(), POLICY))


def test_a_ticket_changed_by_one_character_is_screened_again(queue, tmp_path, monkeypatch):
    """One character of a reply's text, the length kept: the ticket's digest differs, so its
    kept outcome is not served, and the result is a full screening's."""
    memo_file = tmp_path / "memo.marshal"
    screened_with_memo(raw_of(queue), memo_file)
    night = copy.deepcopy(queue)
    attachment = night["tickets"][3]["attachments"][0]
    text = attachment["Content"]
    at = next(i for i, ch in enumerate(text) if ch.isalpha())
    attachment["Content"] = text[:at] + ("x" if text[at] != "x" else "y") + text[at + 1:]
    changed = int(night["tickets"][3]["ticket"]["id"])

    counting = Counting(monkeypatch)
    result, memo = screened_with_memo(raw_of(night), memo_file)
    assert counting.ids == [changed] and memo.reused == CASES - 1
    monkeypatch.undo()
    same(result, screen_queue(raw_of(night), Config(), POLICY))


def test_a_digest_made_for_one_record_is_never_given_for_another_of_the_same_id(queue):
    """The digests made once per build are found by id and object: a record of the same id
    that is not the one digested (another version of the ticket) gets its own digest."""
    from generator.screening.memo import TicketDigests

    raw = raw_of(queue)
    digests = TicketDigests(raw.tickets)
    record = raw.tickets[2]
    other = replace(record, subject=record.subject + ".")
    assert digests.of(record) == TicketDigests.make(record)
    assert digests.of(other) == TicketDigests.make(other) != digests.of(record)


def test_a_kept_case_read_back_serialises_to_the_very_dict_it_was_read_from(queue):
    """The memo's dict of a case is taken as the case's serialisation (the snapshot file and the
    content hash are made from it): it must be what ``case_to_dict`` makes of the case read back,
    for every case, findings and redactions included."""
    from generator.screening.snapshot import case_from_dict, case_read_back, case_to_dict, snapshot_to_dict

    result = screen_queue(raw_of(queue), CONFIG, POLICY)
    made = [json.loads(json.dumps(case_to_dict(c))) for c in result.snapshot.cases]  # as the memo file gives it
    assert made and all(case_to_dict(case_from_dict(d)) == d for d in made)
    read = tuple(case_read_back(d) for d in made)
    assert snapshot_to_dict(replace(result.snapshot, cases=read)) == snapshot_to_dict(result.snapshot)


def test_a_case_the_memo_serialised_is_not_serialised_again_for_the_snapshot(queue, tmp_path, monkeypatch):
    """The snapshot takes each newly screened case's dict from the memo's entry (the same value:
    ``case_to_dict`` is not run twice per case)."""
    import generator.screening.snapshot as snapshot

    result, memo = screened_with_memo(raw_of(queue), tmp_path / "memo.marshal")
    entries = {id(e["case"]) for e in memo._new.values() if e["case"] is not None}
    monkeypatch.setattr(snapshot, "case_to_dict", lambda case: pytest.fail("a case serialised again"))
    cases = snapshot.snapshot_to_dict(result.snapshot)["cases"]
    assert len(cases) == len(result.snapshot.cases) > 0 and all(id(d) in entries for d in cases)


def test_the_snapshot_file_and_the_content_hash_are_the_encoding_of_the_whole(queue):
    """Each case is encoded once a build for both the snapshot file and the content hash, and
    put in the list where the encoder of the whole document would put it: the same bytes."""
    import hashlib

    from generator.publish import public_content_hash
    from generator.screening.snapshot import snapshot_to_dict

    def whole(snapshot, fetched_at=True) -> str:
        data = snapshot_to_dict(snapshot)
        if not fetched_at:
            data.pop("fetched_at")
        return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))

    result = screen_queue(raw_of(queue), CONFIG, POLICY)
    for snapshot in (result.snapshot, replace(result.snapshot, cases=result.snapshot.cases[:1]),
                     replace(result.snapshot, cases=(), redirects={3: 4}, withdrawn_ids=(9,))):
        assert snapshot_bytes(snapshot) == (whole(snapshot) + "\n").encode()
        assert public_content_hash(snapshot) == hashlib.sha256(whole(snapshot, fetched_at=False).encode()).hexdigest()
    later = replace(result.snapshot, fetched_at=result.snapshot.fetched_at.replace(year=2031))
    assert public_content_hash(later) == public_content_hash(result.snapshot)
    assert snapshot_bytes(later) != snapshot_bytes(result.snapshot)
