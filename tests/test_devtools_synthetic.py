"""The bundled sample queue and the synthetic benchmark queues (devtools.synthetic)."""

from __future__ import annotations

import ast
import json
import re
import sys
from collections import Counter
from pathlib import Path

import pytest

from generator.config import DEFAULT_FIELDS
from generator.model import ImplementationStatus
from devtools import synthetic
from support.hostile import HOSTILE_ID, hostile_strings, with_hostile_ticket
from generator.rt.records import parse_entries, parse_rt_datetime, read_raw_file

STATUS_CF = DEFAULT_FIELDS["implementation_status"]
DISCIPLINE_CF = DEFAULT_FIELDS["disciplines"]
PUBLIC_TYPES = ("Create", "Correspond")
RESERVED = ("example.org", "example.com", "example.net")
EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@([A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)")


@pytest.fixture(scope="module")
def sample() -> dict:
    return synthetic.make_sample()


@pytest.fixture(scope="module")
def records(sample):
    return parse_entries(sample, origin="sample")


def public_texts(entry: dict) -> list[str]:
    """Bodies of the Create and Correspond transactions: the text a case page is made of."""
    public = {t["id"] for t in entry["transactions"] if t["Type"] in PUBLIC_TYPES}
    return [a["Content"] for a in entry["attachments"] if a["TransactionId"] in public]


def cf_values(entry: dict, name: str) -> list[str]:
    return next(cf["values"] for cf in entry["ticket"]["CustomFields"] if cf["name"] == name)


def status_changes(entry: dict) -> list[tuple[str, str]]:
    cf_id = next(cf["id"] for cf in entry["ticket"]["CustomFields"] if cf["name"] == STATUS_CF)
    return [(t["OldValue"], t["NewValue"]) for t in entry["transactions"]
            if t["Type"] == "CustomField" and t["Field"] == cf_id]


# --- The committed sample ---------------------------------------------------------------------


def test_committed_sample_is_make_sample_output(sample):
    committed = synthetic.SAMPLE_PATH.read_text(encoding="utf-8")
    assert committed == synthetic.dumps_queue(sample), "regenerate it: python -m devtools.synthetic"
    assert read_raw_file(synthetic.SAMPLE_PATH) == json.loads(committed)


def test_sample_is_deterministic(sample):
    assert synthetic.dumps_queue(synthetic.make_sample()) == synthetic.dumps_queue(sample)


def test_sample_header(sample):
    assert sample["format"] == "casecat-raw/1"
    assert sample["source"] == "sample"
    assert sample["queue"] == "technical-support-cases"
    assert sample["rt_web_url"] == "https://rt.example.org"
    assert parse_rt_datetime(sample["fetched_at"]) is not None


def test_sample_parses_into_enough_cases_with_gaps_in_the_ids(records):
    ids = [r.id for r in records]
    assert len(records) >= 60
    assert ids == sorted(ids) and ids[0] == 1
    assert len(set(range(1, max(ids) + 1)) - set(ids)) >= 2
    assert {r.queue for r in records} == {"technical-support-cases"}


def test_every_implementation_status_is_used_by_several_cases(records):
    counts = Counter(ImplementationStatus.parse(v) for r in records for v in r.custom_fields[STATUS_CF])
    assert set(counts) == set(ImplementationStatus)
    assert min(counts.values()) >= 3, counts


def test_disciplines_are_hierarchical_many_and_sometimes_several_or_none(records):
    per_case = [r.custom_fields[DISCIPLINE_CF] for r in records]
    distinct = {d for ds in per_case for d in ds}
    assert len(distinct) >= 15
    assert all(" / " in d and d == d.strip() for d in distinct)
    assert sum(len(ds) >= 2 for ds in per_case) >= 5
    assert sum(len(ds) >= 3 for ds in per_case) >= 1
    assert sum(len(ds) == 0 for ds in per_case) >= 2


def test_greek_polish_and_chinese_text_in_subjects_bodies_and_fields(sample):
    scripts = {"greek": r"[\u0370-\u03ff]", "polish": r"[ąćęłńśźżĄĆĘŁŃŚŹŻ]", "chinese": r"[\u4e00-\u9fff]"}
    tickets = sample["tickets"]
    subjects = "\n".join(e["ticket"]["Subject"] for e in tickets)
    bodies = "\n".join(text for e in tickets for text in public_texts(e))
    fields = "\n".join(v for e in tickets for cf in e["ticket"]["CustomFields"] for v in cf["values"])
    for name, pattern in scripts.items():
        assert re.search(pattern, subjects), f"no {name} subject"
        assert re.search(pattern, bodies), f"no {name} body"
        assert re.search(pattern, fields), f"no {name} custom-field value"


def test_long_empty_and_html_bodies(sample):
    descriptions = [public_texts(e)[:1] for e in sample["tickets"]]
    sizes = [len(d[0].encode()) if d else 0 for d in descriptions]
    assert sum(s > 3072 for s in sizes) >= 5
    assert sum(s == 0 for s in sizes) >= 1

    def create_parts(entry):
        create = next(x["id"] for x in entry["transactions"] if x["Type"] == "Create")
        return [a for a in entry["attachments"] if a["TransactionId"] == create]

    assert any(not create_parts(e) for e in sample["tickets"]), "a Create without any attachment"
    types = Counter(a["ContentType"] for e in sample["tickets"] for a in e["attachments"])
    assert types["text/html"] >= 3 and types["multipart/alternative"] >= 1


def test_status_histories_chain_and_end_in_the_current_value(sample):
    workflow = [s for s in ImplementationStatus if s.is_active] + [ImplementationStatus.PRODUCTION]
    order = {s.value: i for i, s in enumerate(workflow)}
    backwards = skipping = 0
    for entry in sample["tickets"]:
        changes = status_changes(entry)
        current = cf_values(entry, STATUS_CF)
        for (old, new), (next_old, _) in zip(changes, changes[1:]):
            assert new == next_old, entry["ticket"]["Subject"]
        if changes:
            assert [changes[-1][1]] == current
        for old, new in changes:
            ImplementationStatus.parse(old)  # raises on a misspelt status
            ImplementationStatus.parse(new)
            if old in order and new in order:
                backwards += order[new] < order[old]
                skipping += order[new] > order[old] + 1
    assert backwards >= 1 and skipping >= 1
    assert sum(len(status_changes(e)) >= 3 for e in sample["tickets"]) >= 10


def test_transactions_have_rest2_shapes(sample):
    for entry in sample["tickets"]:
        cf_ids = {cf["id"] for cf in entry["ticket"]["CustomFields"]}
        txn_ids = {t["id"] for t in entry["transactions"]}
        assert entry["transactions"][0]["Type"] == "Create"
        assert entry["transactions"][0]["Created"] == entry["ticket"]["Created"]
        for t in entry["transactions"]:
            assert isinstance(t["id"], str) and t["ObjectId"] == entry["ticket"]["id"]
            if t["Type"] == "CustomField":
                assert t["Field"] in cf_ids
        assert {a["TransactionId"] for a in entry["attachments"]} <= txn_ids


def test_dates_are_fixed_and_never_after_the_fetch(sample, records):
    fetched = parse_rt_datetime(sample["fetched_at"])
    for r in records:
        assert r.created <= r.last_updated <= fetched
        assert all(r.created <= t.created <= r.last_updated for t in r.transactions)
        assert (r.resolved is not None) == (r.status in ("resolved", "rejected")), r.subject


def test_rt_status_fits_the_implementation_status(records):
    allowed = {
        "Production": {"resolved", "open"}, "Closed": {"resolved", "rejected"}, "Cancelled": {"rejected"},
    }
    for r in records:
        status = (r.custom_fields[STATUS_CF] or ("",))[0]
        assert r.status in allowed.get(status, {"new", "open", "stalled"}), (r.subject, status, r.status)
    assert {r.status for r in records} == {"new", "open", "stalled", "resolved", "rejected"}


def test_private_material_screening_must_drop(sample, records):
    types = Counter(t.type for r in records for t in r.transactions)
    assert types["Comment"] >= 3 and types["EmailRecord"] >= 60
    files = [a for r in records for a in r.attachments if a.filename]
    assert [(a.filename, a.content_type) for a in files] == [("capacity.csv", "text/csv")]
    assert all(r.requestors for r in records) and sum(bool(r.cc) for r in records) >= 5
    assert sum(bool(r.custom_fields.get("Internal priority")) for r in records) >= 2
    contacts = [v for r in records for v in r.custom_fields[DEFAULT_FIELDS["external_contacts"]]]
    assert "Jane Doe <jane.doe@example.org>, University of Example (PI)" in "\n".join(contacts)
    comments = {t.id for r in records for t in r.transactions if t.type == "Comment"}
    comment_bodies = [a.content for r in records for a in r.attachments if a.transaction_id in comments]
    assert sum("INTERNAL ONLY" in body for body in comment_bodies) >= 3


def test_planted_secrets_sit_in_public_text(sample):
    planted = synthetic.planted_items()
    text = synthetic.dumps_queue(sample)
    assert all(json.dumps(item, ensure_ascii=False)[1:-1] in text for item in planted)
    public = "\n".join(t for e in sample["tickets"] for t in public_texts(e))
    for secret in ("marta.wisniewska@neuro-lodz.example.org", "n.papadopoulou@seismo.example.net",
                   "+30 210 555 0147", "password: hunter2-Example"):
        assert secret in public
    assert "hunter2-Example" in planted and "+30 210 555 0147" in planted


def test_the_sample_reads_like_real_communities_and_the_hostile_strings_are_the_tests_own(sample):
    hostile = hostile_strings()
    subjects = "\n".join(e["ticket"]["Subject"] for e in sample["tickets"])
    bodies = "\n".join(t for e in sample["tickets"] for t in public_texts(e))
    fields = "\n".join(v for e in sample["tickets"] for cf in e["ticket"]["CustomFields"] for v in cf["values"])
    assert not [h for h in hostile if h in subjects + bodies + fields]
    assert not re.search(r"[<>{}]", subjects)
    names = [v for e in sample["tickets"] for cf in e["ticket"]["CustomFields"] for v in cf["values"]
             if cf["name"] in (DEFAULT_FIELDS["virtual_organisations"], DEFAULT_FIELDS["sites"])]
    assert names and not [n for n in names if re.search(r"[<>{}]", n)]
    links = [v for e in sample["tickets"] for v in cf_values(e, DEFAULT_FIELDS["links"])]
    assert any(v.startswith("ftp://") for v in links)  # a link screening drops stays
    # the fixture adds one ticket carrying every hostile string, in subject, body, reply and fields
    extra = with_hostile_ticket(sample)["tickets"][-1]
    text = extra["ticket"]["Subject"] + "\n".join(public_texts(extra)) + json.dumps(extra, ensure_ascii=False)
    assert all(h in text for h in hostile) and "<script>alert(1)</script>" in extra["ticket"]["Subject"]
    assert parse_entries({**sample, "tickets": [extra]})[0].id == HOSTILE_ID


def test_every_email_domain_in_the_sample_is_reserved(sample):
    domains = {d.lower() for d in EMAIL.findall(synthetic.dumps_queue(sample))}
    assert domains
    bad = {d for d in domains if not (d in RESERVED or d.endswith(tuple("." + r for r in RESERVED))
                                       or d == "example" or d.endswith(".example"))}
    assert not bad


# --- Benchmark queues ---------------------------------------------------------------------------


def test_make_queue_is_deterministic_and_parses():
    first = synthetic.dumps_queue(synthetic.make_queue(200, 1))
    assert first == synthetic.dumps_queue(synthetic.make_queue(200, 1))
    assert first != synthetic.dumps_queue(synthetic.make_queue(200, 2))
    data = json.loads(first)
    records = parse_entries(data, origin="synthetic")
    assert [r.id for r in records] == list(range(1, 201))
    assert data["format"] == "casecat-raw/1" and data["fetched_at"] == synthetic.FETCHED_AT
    assert data["source"] == "sample"  # invented data is never labelled as read from RT


def test_make_queue_is_clean_realistic_and_about_4_kb_a_case():
    data = synthetic.make_queue(300, 5)
    records = parse_entries(data)
    assert {t.type for r in records for t in r.transactions} <= {"Create", "Correspond", "CustomField", "Status"}
    public = [public_texts(e) for e in data["tickets"]]
    everything = "\n".join(t for texts in public for t in texts)
    assert "@" not in everything and not any(h in everything for h in hostile_strings())
    average = sum(len(e["ticket"]["Subject"]) + sum(map(len, texts)) for e, texts in zip(data["tickets"], public))
    assert 3000 <= average / len(public) <= 5500
    assert all(2 <= len(texts) <= 4 for texts in public)  # the description and 1-3 replies
    statuses = Counter(r.custom_fields[STATUS_CF][0] for r in records)
    assert set(statuses) == {s.value for s in ImplementationStatus}
    disciplines = {d for r in records for d in r.custom_fields[DISCIPLINE_CF]}
    assert disciplines <= set(synthetic.DISCIPLINES.values()) and len(disciplines) >= 20
    fetched = parse_rt_datetime(data["fetched_at"])
    assert all(r.last_updated <= fetched for r in records)


def test_write_queue_and_the_command_line(tmp_path, capsys):
    out = tmp_path / "q.raw.json"
    assert synthetic.main(["--cases", "5", "--seed", "3", "--out", str(out)]) == 0
    assert read_raw_file(out) == synthetic.make_queue(5, 3)
    assert out.read_text(encoding="utf-8").endswith("}\n")
    with pytest.raises(SystemExit):
        synthetic.main(["--cases", "5"])  # never over the bundled sample
    synthetic.write_queue(synthetic.make_sample(), tmp_path / "s.json")
    assert (tmp_path / "s.json").read_text(encoding="utf-8") == synthetic.SAMPLE_PATH.read_text(encoding="utf-8")


def test_synthetic_imports_only_the_stdlib_and_the_bottom_layer():
    tree = ast.parse(Path(synthetic.__file__).read_text(encoding="utf-8"))
    allowed = {"generator.model", "generator.config", "generator.rt.records", "generator.rt.source"}
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            assert node.module.split(".")[0] in sys.stdlib_module_names | {"__future__"} or node.module in allowed
        elif isinstance(node, ast.Import):
            assert all(alias.name.split(".")[0] in sys.stdlib_module_names for alias in node.names)


def test_a_custom_field_new_to_the_table_reaches_the_sample_and_changes_nothing_else(sample, monkeypatch):
    """A field the table declares with examples (and the settings with an RT name) is drawn for some cases with no
    edit of devtools.synthetic; every ticket is otherwise the ticket it was without the field."""
    from generator import model
    from generator.model import FieldKind, PublishedField

    planted = PublishedField("planted_programmes", FieldKind.TEXTS, "the programmes that fund the work",
                             examples=("Horizon Europe", "EGI-ACE"))
    monkeypatch.setattr(model, "PUBLISHED_FIELDS", (*model.PUBLISHED_FIELDS, planted))
    monkeypatch.setitem(DEFAULT_FIELDS, "planted_programmes", "Planted programme")
    with_field = synthetic.make_sample()

    drawn = [v for e in with_field["tickets"] for cf in e["ticket"]["CustomFields"]
             if cf["name"] == "Planted programme" for v in cf["values"]]
    assert all(len([cf for cf in e["ticket"]["CustomFields"] if cf["name"] == "Planted programme"]) == 1
               for e in with_field["tickets"])
    assert set(drawn) == set(planted.examples) and len(drawn) < 2 * len(with_field["tickets"])
    for before, after in zip(sample["tickets"], with_field["tickets"], strict=True):
        after["ticket"]["CustomFields"] = [cf for cf in after["ticket"]["CustomFields"]
                                           if cf["name"] != "Planted programme"]
        assert after == before
