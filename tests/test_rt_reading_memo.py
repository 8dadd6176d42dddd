"""The reading memo: an entry of the raw file that is, value for value, one read last time is not
parsed when the build needs only its id and digest. What the reading says (the records, the
warnings, the tickets withheld, the duplicate-id check) is what a reading without the memo says,
and a changed entry never gets the digest of the entry it was."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest

from generator.rt import records
from generator.rt.source import load_raw_queue, remember_reading
from generator.screening.memo import TicketDigests


@pytest.fixture(scope="module")
def queue() -> dict:
    """A synthetic queue whose reading warns (a number for a subject, a list for a status) and
    withholds (no creation date)."""
    from devtools.synthetic import make_queue

    data = make_queue(24, seed=3)
    data["tickets"][2]["ticket"]["Subject"] = 4711
    data["tickets"][3]["ticket"]["Status"] = ["open"]
    del data["tickets"][5]["ticket"]["Created"]
    return data


def remembered(path: Path, memo: Path):
    """The queue read with the memo, and the memo written for the next reading (as a build does)."""
    raw = load_raw_queue(path, memo=memo)
    remember_reading(raw, memo)
    return raw


def written(data: dict, path: Path) -> Path:
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


class Parsing:
    """``records.parse_entry``, counting the tickets it parses."""

    def __init__(self, monkeypatch) -> None:
        self.count = 0
        real = records.parse_entry

        def counted(entry, *args):
            self.count += 1
            return real(entry, *args)

        monkeypatch.setattr(records, "parse_entry", counted)


def same_reading(a, b) -> None:
    assert a.warnings == b.warnings and a.rejected == b.rejected
    assert [t.id for t in a.tickets] == [t.id for t in b.tickets]
    assert tuple(a.tickets) == tuple(b.tickets)


def test_a_night_parses_only_the_changed_entries_and_reads_as_a_full_parse(queue, tmp_path, monkeypatch):
    memo = tmp_path / "cache" / "reading-memo.marshal"
    remembered(written(queue, tmp_path / "first.json"), memo)
    night = copy.deepcopy(queue)
    night["tickets"][7]["ticket"]["Subject"] += " (second phase)"
    del night["tickets"][8]["ticket"]["Created"]  # read before; unusable now
    night["tickets"][9]["ticket"]["id"] = night["tickets"][10]["ticket"]["id"]  # two entries, one id
    newcomer = copy.deepcopy(night["tickets"][11])
    newcomer["ticket"]["id"] = 9999
    night["tickets"].append(newcomer)
    path = written(night, tmp_path / "night.json")

    parsing = Parsing(monkeypatch)
    with_memo = load_raw_queue(path, memo=memo)
    # the changed entries, the unusable ones (never kept) and the newcomer: nothing else
    assert parsing.count == 5
    monkeypatch.undo()
    without = load_raw_queue(path)
    assert any(w.ticket == int(night["tickets"][2]["ticket"]["id"]) for w in with_memo.warnings)
    assert {p.field for p in with_memo.rejected} == {"Created", "id"}
    same_reading(with_memo, without)


def test_the_digest_of_a_ticket_changed_by_one_character_is_its_own(queue, tmp_path):
    memo = tmp_path / "reading-memo.marshal"
    first = remembered(written(queue, tmp_path / "first.json"), memo)
    night = copy.deepcopy(queue)
    attachment = night["tickets"][4]["attachments"][0]
    text = attachment["Content"]
    at = next(i for i, ch in enumerate(text) if ch.isalpha())
    attachment["Content"] = text[:at] + ("x" if text[at] != "x" else "y") + text[at + 1:]
    again = load_raw_queue(written(night, tmp_path / "night.json"), memo=memo)

    before, after = TicketDigests(first.tickets), TicketDigests(again.tickets)
    changed = int(night["tickets"][4]["ticket"]["id"])
    for index, ticket_id in enumerate(again.tickets.ids()):
        was = before.at(first.tickets, first.tickets.ids().index(ticket_id))
        assert (after.at(again.tickets, index) == was) is (ticket_id != changed)
    # a record parsed late is the one an eager reading makes, and has the digest of its entry
    record = again.tickets[again.tickets.ids().index(changed)]
    assert after.of(record) == after.at(again.tickets, again.tickets.ids().index(changed))
    assert record == load_raw_queue(tmp_path / "night.json").tickets[again.tickets.ids().index(changed)]


@pytest.mark.parametrize("damage", ["garbage", "other reading code"])
def test_a_damaged_or_foreign_memo_is_an_empty_one(queue, tmp_path, monkeypatch, damage):
    import marshal

    memo = tmp_path / "reading-memo.marshal"
    path = written(queue, tmp_path / "queue.json")
    remembered(path, memo)
    if damage == "garbage":
        memo.write_bytes(b"\x00not marshal")
    else:
        data = marshal.loads(memo.read_bytes())
        memo.write_bytes(marshal.dumps({**data, "version": "0" * 64}))
    parsing = Parsing(monkeypatch)
    again = load_raw_queue(path, memo=memo)
    assert parsing.count == len(queue["tickets"])
    monkeypatch.undo()
    same_reading(again, load_raw_queue(path))


def test_the_memo_holds_ids_and_warnings_only(queue, tmp_path):
    memo = tmp_path / "reading-memo.marshal"
    raw = remembered(written(queue, tmp_path / "queue.json"), memo)
    data = memo.read_bytes()
    texts = {t.subject for t in raw.tickets} | {a.content[:40] for t in raw.tickets for a in t.attachments}
    assert texts and not [text for text in texts if text and text.encode() in data]


def test_the_memo_is_written_only_when_told_and_only_when_it_says_something_new(queue, tmp_path):
    """Reading writes nothing (a build that fails leaves the cache as it was); the build, once it
    succeeded, writes the memo, and a night that read nothing new leaves it as it is."""
    memo = tmp_path / "reading-memo.marshal"
    path = written(queue, tmp_path / "queue.json")
    raw = load_raw_queue(path, memo=memo)
    assert not memo.exists()
    remember_reading(raw, memo)
    stamp = memo.stat().st_mtime_ns
    again = load_raw_queue(path, memo=memo)
    assert not again.tickets.news
    remember_reading(again, memo)
    assert memo.stat().st_mtime_ns == stamp
