"""Parsing real RT 5.0.3 REST 2 responses (tests/fixtures/rt/, captured from a live server)."""

import copy
import json
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest

from generator.rt import records
from generator.rt.records import (RAW_FORMAT, RawDataError, parse_entries, parse_entry, read_entries, read_merged,
                                   read_raw_file)
from generator.rt.source import load_raw_queue

FIXTURES = Path(__file__).parent / "fixtures" / "rt"


def _load(name):
    return json.loads((FIXTURES / name).read_text())


@pytest.fixture
def entry():
    return {
        "ticket": _load("rest2_ticket_search_item.json"),
        "transactions": _load("rest2_txn_customfield.json") + [_load("rest2_txn_comment.json")],
        "attachments": _load("rest2_ticket_attachments.json"),
    }


def test_ticket_fields_and_custom_fields(entry):
    record = parse_entry(entry)
    assert record.id == 1 and record.subject == "SKA" and record.queue == "technical-support-cases"
    assert record.owner_name == "alice" and record.owner_real_name == "Alice Agent"
    assert record.custom_fields["Sites involved"] == ("CESNET", "CYFRONET", "IN2P3-CC")
    assert record.custom_fields["Implementation status"] == ("Preparatory",)
    assert record.created == datetime(2026, 11, 27, 19, 53, 40, tzinfo=UTC)
    assert record.resolved is None  # RT's epoch means "not set"
    assert record.requestors == ("pi@ska.example.org",)


def test_custom_field_transactions_are_mapped_from_id_to_name(entry):
    record = parse_entry(entry)
    changes = [(t.field, t.old_value, t.new_value) for t in record.transactions if t.type == "CustomField"]
    assert changes == [("Implementation status", "Pre-assessment", "Assessed"),
                       ("Implementation status", "Assessed", "Preparatory")]


def test_transactions_sorted_by_time(entry):
    entry["transactions"].reverse()
    dates = [t.created for t in parse_entry(entry).transactions]
    assert dates == sorted(dates)


def test_attachments_keep_transaction_and_content(entry):
    parts = parse_entry(entry).attachments
    first = parts[0]
    assert first.transaction_id == 41 and first.content_type == "text/plain"
    assert first.content.startswith("The SKA Observatory")


def test_a_duplicate_id_withholds_that_ticket_and_keeps_the_others(entry):
    other = copy.deepcopy(entry)
    other["ticket"]["id"] = "2"
    read = read_entries({"tickets": [entry, other, copy.deepcopy(entry)]})
    assert [r.id for r in read.records] == [2]
    assert [p.line() for p in read.rejected] == ["ticket 1: id: 2 entries carry this id; the ticket is withheld"]
    with pytest.raises(RawDataError, match="ticket 1: id: 2 entries carry this id"):
        parse_entries({"tickets": [entry, entry]})  # the all-or-nothing reading, for tools


def test_a_malformed_ticket_is_withheld_naming_ticket_and_field(entry):
    other = copy.deepcopy(entry)
    other["ticket"]["id"] = "2"
    del entry["ticket"]["Created"]
    read = read_entries({"tickets": [entry, other]})
    assert [r.id for r in read.records] == [2]
    assert [(p.ticket, p.where, p.field) for p in read.rejected] == [(1, "ticket 1", "Created")]
    with pytest.raises(RawDataError, match="x.json: ticket 1: Created: not set; the ticket is withheld"):
        parse_entries({"tickets": [entry]}, origin="x.json")


@pytest.mark.parametrize("change, field, what", [
    (lambda t: t.pop("id"), "id", "missing or not a ticket number"),
    (lambda t: t.update(id="12abc"), "id", "missing or not a ticket number"),
    (lambda t: t.update(id=-4), "id", "missing or not a ticket number"),
    (lambda t: t.update(id=True), "id", "missing or not a ticket number"),
    (lambda t: t.update(id=2**40), "id", "missing or not a ticket number"),
    (lambda t: t.update(Created="yesterday"), "Created", "not a date"),
    (lambda t: t.update(Created=20240101), "Created", "not a date"),
    (lambda t: t.update(Created="0001-01-01T00:00:00Z"), "Created", "a date outside 1980-2099"),
    (lambda t: t.update(Created="9999-12-31T23:59:59Z"), "Created", "a date outside 1980-2099"),
    (lambda t: t.update(Created="2024-13-45T00:00:00Z"), "Created", "not a date"),
])
def test_what_withholds_a_ticket(entry, change, field, what):
    change(entry["ticket"])
    read = read_entries({"tickets": [entry]})
    assert read.records == ()
    assert len(read.rejected) == 1
    problem = read.rejected[0]
    assert problem.field == field and problem.what == f"{what}; the ticket is withheld"
    assert "12abc" not in problem.line() and "yesterday" not in problem.line()  # named, never quoted


@pytest.mark.parametrize("entry_value", [None, "ticket", 5, [], {"ticket": "x"}, {"nothing": 1}])
def test_an_entry_that_is_not_a_ticket_is_named_by_its_place(entry_value, entry):
    read = read_entries({"tickets": [entry, entry_value]})
    assert [r.id for r in read.records] == [1]
    assert [p.line() for p in read.rejected] == [
        "entry 2 of the raw file: ticket: not a ticket object; the ticket is withheld"]


def cf(entry, name):
    return next(c for c in entry["ticket"]["CustomFields"] if c["name"] == name)


def warnings_of(read):
    return {(p.field, p.what) for p in read.warnings}


def test_wrong_json_types_are_coerced_or_dropped_with_a_warning(entry):
    cf(entry, "Scientific discipline")["values"] = "Physics"  # a text where a list belongs
    cf(entry, "Virtual Organisation")["values"] = {"vo": "x"}
    cf(entry, "Sites involved")["values"] = ["CESNET", 7, None, ["nested"], {"a": 1}, True]
    entry["ticket"]["Subject"] = 1234
    entry["ticket"]["Status"] = {"open": True}
    entry["ticket"]["Requestor"] = "pi@ska.example.org"
    entry["ticket"]["LastUpdated"] = "not a date"
    entry["transactions"].append({"id": "x", "Type": "Correspond"})
    entry["transactions"].append("not an object")
    entry["attachments"][0]["Content"] = ["a", "list"]
    read = read_entries({"tickets": [entry]})
    (record,) = read.records
    assert record.custom_fields["Scientific discipline"] == ("Physics",)  # never P, h, y, s...
    assert record.custom_fields["Virtual Organisation"] == ()
    assert record.custom_fields["Sites involved"] == ("CESNET", "7")
    assert record.subject == "1234" and record.status == ""
    assert record.requestors == ("pi@ska.example.org",)
    assert record.last_updated == record.created
    assert record.attachments[0].content == ""
    assert warnings_of(read) == {
        ("custom field 'Scientific discipline'", "a single value where a list belongs; read as a list of one"),
        ("custom field 'Virtual Organisation'", "not a list; ignored"),
        ("custom field 'Sites involved'", "a value that is not a text; ignored"),
        ("custom field 'Sites involved'", "a number where a text belongs; read as text"),
        ("Subject", "a number where a text belongs; read as text"),
        ("Status", "not a text; left empty"),
        ("Requestor", "a single value where a list belongs; read as a list of one"),
        ("LastUpdated", "not a date; ignored"),
        ("transactions", "an item without a usable id or Type; ignored"),
        ("attachments Content", "not a text; left empty"),
    }
    sites = next(p for p in read.warnings if p.what == "a value that is not a text; ignored")
    assert sites.count == 3 and sites.line().endswith("(3 times)") and sites.where == "ticket 1"


def test_text_is_valid_unicode_without_control_characters(entry):
    entry["ticket"]["Subject"] = "Omega\ud800 Photonics\x00\x07 \u212b\ufffe\x85"
    entry["attachments"][0]["Content"] = "line one\r\nline two\rthree \udfff end\x1b[31m"
    record = parse_entry(entry)
    assert record.subject == "Omega\ufffd Photonics \u00c5"  # U+212B ANGSTROM SIGN is U+00C5 in NFC
    assert record.attachments[0].content == "line one\nline two\nthree \ufffd end[31m"
    for text in (record.subject, record.attachments[0].content):
        text.encode("utf-8")  # no lone surrogate left: every later stage can write it


def test_values_have_length_and_depth_caps(entry):
    entry["ticket"]["Subject"] = "S" * 50_000
    cf(entry, "Virtual Organisation")["values"] = ["v" * 300, "w" * (records.VALUE_LIMIT + 10)]
    cf(entry, "Scientific discipline")["values"] = [" / ".join(f"Level {i}" for i in range(120))]
    cf(entry, "Sites involved")["values"] = [f"SITE-{i}" for i in range(5_000)]
    read = read_entries({"tickets": [entry]})
    (record,) = read.records
    assert record.subject == "S" * records.LINE_LIMIT
    assert record.custom_fields["Virtual Organisation"] == ("v" * 300, "w" * records.VALUE_LIMIT)
    assert record.custom_fields["Scientific discipline"] == (" / ".join(f"Level {i}" for i in range(8)),)
    assert len(record.custom_fields["Sites involved"]) == records.VALUES_LIMIT
    assert ("custom field 'Scientific discipline'", "more than 8 levels; the first 8 kept") in warnings_of(read)


def make_entry(replies: int = 0, body: str = "Opening message.") -> dict:
    """A ticket with ``replies`` replies, each with one text part."""
    ticket = {"id": "9", "Subject": "Busy", "Created": "2025-01-01T00:00:00Z", "CustomFields": []}
    transactions = [{"id": "1", "Type": "Create", "Created": "2025-01-01T00:00:00Z"}]
    attachments = [{"id": "1", "TransactionId": "1", "ContentType": "text/plain", "Content": body}]
    for i in range(2, replies + 2):
        when = f"2025-01-01T{(i // 3600) % 24:02d}:{(i // 60) % 60:02d}:{i % 60:02d}Z"
        transactions.append({"id": str(i), "Type": "Correspond", "Created": when})
        attachments.append({"id": str(i), "TransactionId": {"id": str(i)}, "ContentType": "text/plain",
                            "Content": f"Reply number {i - 1}."})
    return {"ticket": ticket, "transactions": transactions, "attachments": attachments}


def test_a_huge_body_is_cut_with_a_note_in_bounded_time():
    body = "All work and no play. " * 2_400_000  # 52.8 MB
    started = time.perf_counter()
    record = parse_entry(make_entry(body=body))
    assert time.perf_counter() - started < 5
    (part,) = record.attachments
    assert len(part.content) < records.BODY_LIMIT + 200
    assert part.content.startswith("All work and no play.")
    assert part.content.endswith(records.cut_note(records.BODY_LIMIT, len(body)))
    assert "52.8 million characters" in part.content


def test_ten_thousand_replies_keep_the_newest_with_a_note():
    started = time.perf_counter()
    record = parse_entry(make_entry(replies=10_000))
    assert time.perf_counter() - started < 5
    replies = [t for t in record.transactions if t.type == "Correspond"]
    assert len(replies) == records.REPLIES_LIMIT
    assert [t.type for t in record.transactions][0] == "Create"  # the description stays
    texts = {p.transaction_id: p.content for p in record.attachments}
    assert texts[replies[-1].id] == "Reply number 10000."
    assert texts[replies[0].id] == (records.replies_note(10_000 - records.REPLIES_LIMIT) + "\n\n"
                                    f"Reply number {10_000 - records.REPLIES_LIMIT + 1}.")
    assert len(record.attachments) == records.REPLIES_LIMIT + 1


def test_a_ticket_has_a_budget_of_text_newest_first():
    entry = make_entry(replies=30)
    for part in entry["attachments"]:
        part["Content"] = "x" * records.BODY_LIMIT
    record = parse_entry(entry)
    sizes = [len(p.content) for p in sorted(record.attachments, key=lambda p: -p.transaction_id)]
    assert sum(sizes) < records.TICKET_TEXT_BUDGET + 31 * (records.PART_MINIMUM + 200)
    assert sizes[0] == records.BODY_LIMIT  # the newest reply whole
    assert all(s >= records.PART_MINIMUM for s in sizes)  # the oldest still start, with the note


@pytest.mark.parametrize("content, message", [
    ("{not json", "not a readable raw queue file"),
    ('{"format": "other", "tickets": []}', "not a casecat raw queue file"),
    (json.dumps({"format": RAW_FORMAT, "tickets": {}}), "'tickets' must be a list"),
])
def test_bad_raw_files_are_one_clear_error(tmp_path, content, message):
    path = tmp_path / "raw.json"
    path.write_text(content)
    with pytest.raises(RawDataError, match=message) as info:
        read_raw_file(path)
    assert str(path) in str(info.value)


def test_missing_file(tmp_path):
    with pytest.raises(RawDataError, match="no such file"):
        read_raw_file(tmp_path / "absent.json")


def test_merged_tickets_are_read_from_the_raw_file():
    assert read_merged({"tickets": [], "merged": {"12": 7, "13": "7"}}) == ({12: 7, 13: 7}, [])
    assert read_merged({"tickets": []}) == ({}, [])


@pytest.mark.parametrize(("merged", "kept", "what", "count"), [
    ({"12": "seven", "13": 7, "x": 7, "14": 14}, {13: 7}, "not a pair of ticket ids; dropped", 3),
    ([12, 7], {}, "not a map of ticket ids; ignored", 1),
    ("12:7", {}, "not a map of ticket ids; ignored", 1),
])
def test_a_broken_merged_map_loses_only_its_broken_pairs_with_a_warning(tmp_path, merged, kept, what, count):
    path = tmp_path / "raw.json"
    path.write_text(json.dumps({"format": RAW_FORMAT, "queue": "q", "tickets": [], "merged": merged}))
    queue = load_raw_queue(path)
    assert queue.merged == kept
    assert [(p.where, p.field, p.what, p.count) for p in queue.warnings] == [("the raw file", "merged", what, count)]
