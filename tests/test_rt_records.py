"""Parsing real RT 5.0.3 REST 2 responses (tests/fixtures/rt/, captured from a live server)."""

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from generator.rt.records import RAW_FORMAT, RawDataError, parse_entries, parse_entry, parse_merged, read_raw_file

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


def test_duplicate_ids_are_an_error(entry):
    with pytest.raises(RawDataError, match="duplicate ticket id"):
        parse_entries({"tickets": [entry, entry]})


def test_malformed_ticket_names_the_ticket(entry):
    del entry["ticket"]["Created"]
    with pytest.raises(RawDataError, match="ticket 1: malformed record"):
        parse_entries({"tickets": [entry]}, origin="x.json")


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


def test_merged_tickets_are_read_from_the_raw_file(tmp_path):
    assert parse_merged({"tickets": [], "merged": {"12": 7, "13": "7"}}) == {12: 7, 13: 7}
    assert parse_merged({"tickets": []}) == {}
    with pytest.raises(RawDataError, match="'merged' must map ticket ids to ticket ids"):
        parse_merged({"tickets": [], "merged": {"12": "seven"}}, origin="x.json")
    with pytest.raises(RawDataError, match="x.json: 'merged'"):
        parse_merged({"tickets": [], "merged": [12, 7]}, origin="x.json")
