"""data/cases.csv and data/cases.json: the documented fields, safe for spreadsheets."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from support.site_factory import S, case, snapshot

from generator.model import FieldKind, published_fields
from generator.site import exports, fieldtables

ROOT = Path(__file__).resolve().parent.parent


def data_page() -> str:
    """docs/data.md as the site shows it (its field tables filled in)."""
    return fieldtables.fill((ROOT / "docs" / "data.md").read_text(encoding="utf-8"))


def read_csv(data: bytes) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(data.decode("utf-8"), newline="")))


def test_csv_has_the_documented_columns_and_one_row_per_case():
    snap = snapshot(case(2, subject="Beta – two", vos=("vo.b", "vo.c"), replies=(3,),
                         history=((0, S.PRE_ASSESSMENT), (5, S.ASSESSED))),
                    case(1, subject="Alpha, with \"quotes\"\nand a newline"))
    data = exports.cases_csv(snap)
    assert data.startswith(b'"id","url","subject",')
    rows = read_csv(data)
    assert [r["id"] for r in rows] == ["1", "2"]
    assert rows[0]["subject"] == 'Alpha, with "quotes" and a newline'
    assert rows[1]["community"] == "Beta" and rows[1]["implementation_status"] == "Assessed"
    assert rows[1]["virtual_organisations"] == "vo.b; vo.c"
    assert rows[1]["status_changes"] == "1" and rows[1]["url"] == "cases/2/"
    assert rows[1]["last_progress"] == "2024-01-06T12:00:00Z"
    assert tuple(rows[0]) == exports.csv_columns()
    documented = data_page()
    for name in exports.csv_columns():
        assert f"| `{name}` |" in documented, f"{name} is not documented in docs/data.md"


def test_csv_cells_never_start_like_a_formula():
    snap = snapshot(case(1, subject="=HYPERLINK(\"http://evil.example\")", owner="@admin",
                         disciplines=("+cmd", "-2+3")))
    row = read_csv(exports.cases_csv(snap))[0]
    assert row["subject"] == "'=HYPERLINK(\"http://evil.example\")"
    assert row["owner"] == "'@admin"
    assert row["disciplines"] == "'+cmd; '-2+3"  # the second starts a cell where ';' splits
    assert exports.spreadsheet_safe("plain") == "plain"


@pytest.mark.parametrize("text, safe", [
    ("Omega Photonics;=cmd|' /C calc'!A0;@SUM(9*9)", "Omega Photonics;'=cmd|' /C calc'!A0;'@SUM(9*9)"),
    ("a,=1+1", "a,'=1+1"),
    ("a|+1", "a|'+1"),
    ("a;  -1", "a;  '-1"),
    ("\uff1dcmd", "'\uff1dcmd"),  # a full-width equals sign
    ("a = b; c-d, e@example", "a = b; c-d, e@example"),  # not after a delimiter: left alone
    ("2024-01-01", "2024-01-01"),
])
def test_formula_starts_are_neutralised_after_any_delimiter(text, safe):
    assert exports.spreadsheet_safe(text) == safe


def _cells_a_spreadsheet_sees(data: bytes, delimiter: str) -> list[str]:
    """The cells of a CSV as a spreadsheet set to split on ``delimiter`` would read them."""
    text = data.decode("utf-8")
    return [cell for row in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter) for cell in row]


@pytest.mark.parametrize("delimiter", [",", ";", "\t", "|"])
def test_no_cell_starts_like_a_formula_whatever_the_locale_splits_on(delimiter):
    hostile = "Omega Photonics;=cmd|' /C calc'!A0;@SUM(9*9)"
    snap = snapshot(case(1, subject=hostile, owner="x,+1", vos=("vo|@a", "b;-c"), disciplines=("d\t=e",)),
                    case(2, subject="@start", sites=("=1", "+2")))
    data = exports.cases_csv(snap)
    for cell in _cells_a_spreadsheet_sees(data, delimiter):
        start = cell.lstrip(' "')
        assert not start[:1] or start[0] not in "=+-@\t\r\uff1d\uff0b\uff0d\uff20", (delimiter, cell)


def test_every_text_field_is_quoted_and_numbers_are_not():
    data = exports.cases_csv(snapshot(case(7, subject="Plain", history=())))
    header, row = data.decode().split("\r\n")[:2]
    assert all(name.startswith('"') and name.endswith('"') for name in header.split(","))
    cells = dict(zip(exports.csv_columns(), next(csv.reader([row], quoting=csv.QUOTE_NONE, escapechar=None)),
                     strict=True))
    assert cells["id"] == "7" and cells["status_changes"] == "0"  # bare numbers
    numbers = [f.name for f in published_fields(cases_csv=True) if f.kind is FieldKind.NUMBER]
    assert f"numbers ({', '.join(f'`{n}`' for n in numbers)}) are not" in data_page()  # the page says so
    assert all(c.startswith('"') and c.endswith('"') for name, c in cells.items() if name not in numbers)


def test_json_keeps_schema_version_1_and_carries_redirects():
    snap = snapshot(case(1), case(5), redirects={3: 5}, withdrawn_ids=(4,))
    data = json.loads(exports.cases_json(snap))
    assert data["schema_version"] == 1
    assert data["redirects"] == {"3": 5} and data["withdrawn_ids"] == [4]
    documented = data_page()
    for key in data:
        assert f"| `{key}` |" in documented, f"{key} is not documented in docs/data.md"
    for key in data["cases"][0]:
        assert f"`{key}`" in documented, f"case field {key} is not documented in docs/data.md"


def test_exports_are_deterministic():
    snap = snapshot(case(1), case(2))
    assert exports.export_files(snap) == exports.export_files(snapshot(case(2), case(1)))
    assert set(exports.export_files(snap)) == {"data/cases.json", "data/cases.csv"}


def test_the_audit_reads_the_compact_cases_json_value_by_value(tmp_path):
    """cases.json is one line: a placeholder password must not read on into the next value for
    the detectors, while a real secret or address is still found."""
    from generator.audit import audit_file

    def rules(*cases):
        path = tmp_path / "cases.json"
        path.write_bytes(exports.export_files(snapshot(*cases))["data/cases.json"])
        assert path.read_bytes().count(b"\n") <= 1
        return {f.rule.split(".")[0] for f in audit_file(path, "data/cases.json")}

    assert rules(case(1, subject="password: ********", vos=("password: ********",))) == set()
    assert "credential" in rules(case(1, subject="password: Tr0ub4dor&3xample!"))
    assert "email" in rules(case(1, subject="Write to pi@example.org", vos=("vo.example.org",)))


def test_the_audit_reads_cases_csv_cell_by_cell(tmp_path):
    """Quoting every text field must not glue a cell to the next one for the detectors: a
    placeholder password stays harmless, a real secret or address is still found."""
    from generator.audit import audit_file

    def rules(*cases):
        path = tmp_path / "cases.csv"
        path.write_bytes(exports.cases_csv(snapshot(*cases)))
        return {f.rule.split(".")[0] for f in audit_file(path, "data/cases.csv")}

    assert rules(case(1, subject="password: ********", vos=("password: ********",))) == set()
    assert "credential" in rules(case(1, subject="password: Tr0ub4dor&3xample!"))
    assert "email" in rules(case(1, subject="Write to pi@example.org", vos=("vo.example.org",)))


def whole_document(data: bytes) -> bytes:
    """The document as one encoding of all of it gives it (compact, keys sorted)."""
    doc = json.loads(data)
    return (json.dumps(doc, ensure_ascii=False, separators=(",", ":"), sort_keys=True) + "\n").encode()


def test_cases_json_put_together_from_each_case_is_the_encoding_of_the_whole():
    """Each record is encoded on its own and put in the list: the bytes are those of one encoding
    of the document, even with a queue name that reads like the list's key."""
    snap = snapshot(case(2, subject='Beta "cases":[] – two', vos=("vo.b",), replies=(3,)), case(1),
                    queue='"cases":[] queue', redirects={3: 2}, withdrawn_ids=(4,))
    data = exports.cases_json(snap)
    assert data == whole_document(data)
    assert [c["id"] for c in json.loads(data)["cases"]] == [1, 2]
    assert exports.cases_json(snapshot()) == whole_document(exports.cases_json(snapshot()))


def test_a_kept_export_record_is_used_for_a_case_as_it_was_only():
    one, two = case(1), case(2)
    digest = {one.id: b"\1" * 32, two.id: b"\2" * 32}.__getitem__
    made = exports.CaseExports(lambda c: digest(c.id))
    fresh = exports.export_files(snapshot(one, two), made)
    assert set(made.made) == {(b"\1" * 32).hex(), (b"\2" * 32).hex()}
    kept = {key: [record.replace('"id":1', '"id":1,"kept":true'), line] for key, (record, line) in made.made.items()}
    again = exports.export_files(snapshot(one, two), exports.CaseExports(lambda c: digest(c.id), kept))
    assert b'"kept":true' in again["data/cases.json"]  # the kept record, not encoded again
    changed = {one.id: b"\3" * 32, two.id: b"\2" * 32}.__getitem__  # case 1 changed: another digest
    third = exports.export_files(snapshot(one, two), exports.CaseExports(lambda c: changed(c.id), kept))
    assert third == fresh


def test_each_case_is_encoded_once_for_both_exports(monkeypatch):
    """cases.json and cases.csv each take every case's row: a build encodes each case once."""
    encoded: list[int] = []
    real = exports._record
    monkeypatch.setattr(exports, "_record", lambda c: encoded.append(c.id) or real(c))
    files = exports.export_files(snapshot(case(1), case(2)), exports.CaseExports(lambda c: bytes([c.id]) * 32))
    assert sorted(encoded) == [1, 2]
    assert files == exports.export_files(snapshot(case(1), case(2)))  # the same bytes as without the memo
