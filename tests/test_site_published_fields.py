"""One table of the published fields (model.PUBLISHED_FIELDS) drives every file that writes a case
out: the public snapshot, cases.json, cases.csv, the search index and the data page's field tables."""

from __future__ import annotations

import csv
import dataclasses
import io
import json
from pathlib import Path

import pytest
from support.site_factory import case, snapshot

from generator import model
from generator.model import FieldKind, FieldSource, PublicCase, PublishedField
from generator.screening import snapshot as snapshot_file
from generator.site import exports, fieldtables, search
from generator.site.pages import write_pages

ROOT = Path(__file__).resolve().parent.parent


def test_the_table_and_the_public_case_agree():
    stored = {f.attr for f in model.published_fields(source=FieldSource.CASE)}
    assert stored == {f.name for f in dataclasses.fields(PublicCase)}
    for f in model.published_fields(source=FieldSource.DERIVED):
        assert isinstance(getattr(PublicCase, f.attr, None), property), f.name
    site_made = {f.name for f in model.published_fields(source=FieldSource.SITE)}
    assert site_made == set(exports._MADE_BY_SITE)
    names = [f.name for f in model.PUBLISHED_FIELDS]
    assert len(names) == len(set(names))
    for f in model.PUBLISHED_FIELDS:
        assert f.meaning and "|" not in f.meaning and "\n" not in f.meaning, f.name  # one table cell
        assert f.cases_json or f.cases_csv, f"{f.name} goes nowhere"
        assert f.search in ("", "title", "fact", "text"), f.name
        if f.search:
            assert f.source is not FieldSource.SITE and f.kind not in (FieldKind.DATE, FieldKind.ADDRESS), f.name
        if f.kind is FieldKind.RECORDS:
            assert not f.cases_csv and f.item is not None, f.name
            assert {p.attr for p in f.parts} == {x.name for x in dataclasses.fields(f.item)}, f.name
        else:
            assert f.item is None and not f.parts, f.name


def test_records_are_the_only_kind_with_parts_and_parts_never_nest():
    for f in model.published_fields(cases_csv=False):
        for part in f.parts:
            assert part.kind is not FieldKind.RECORDS and not part.parts


@dataclasses.dataclass(frozen=True)
class PlantedCase(PublicCase):
    """PublicCase with one more attribute, as adding a real field would make it (a name no real
    field will take)."""

    planted_programmes: tuple[str, ...] = ()


PLANTED = PublishedField("planted_programmes", FieldKind.TEXTS, "the programmes that fund the community's work",
                         search="fact")


@pytest.fixture
def with_planted_field(monkeypatch):
    """The table with one more field (a list of texts, searchable as a fact), and the public case
    with the attribute: what screening would fill, every file should then carry."""
    monkeypatch.setattr(model, "PUBLISHED_FIELDS", (*model.PUBLISHED_FIELDS, PLANTED))
    monkeypatch.setattr(snapshot_file, "PublicCase", PlantedCase)
    plain = case(7, subject="Gamma – imaging")
    values = {f.name: getattr(plain, f.name) for f in dataclasses.fields(plain)}
    return snapshot(PlantedCase(**values, planted_programmes=("Horizon Europe", "=Digital Europe")))


def _postings(index: dict, token: str) -> list[int] | None:
    """The postings of a token in a built search index ([doc delta, weight, ...])."""
    coded = search.code(token)
    for rel, shard in index.items():
        if rel.startswith("t/"):
            found = dict(zip(shard[::2], shard[1::2], strict=True))
            if coded in found:
                return found[coded]
    return None


def test_a_field_added_to_the_table_reaches_every_file(with_planted_field, tmp_path):
    snap = with_planted_field
    # the public snapshot: written, and read back into the case
    written = snapshot_file.snapshot_to_dict(snap)
    assert written["cases"][0]["planted_programmes"] == ["Horizon Europe", "=Digital Europe"]
    again = snapshot_file.snapshot_from_dict(json.loads(snapshot_file.snapshot_bytes(snap)))
    assert again == snap and again.cases[0].planted_programmes == ("Horizon Europe", "=Digital Europe")
    # a snapshot written before the field existed reads with the attribute's default
    del written["cases"][0]["planted_programmes"]
    assert snapshot_file.snapshot_from_dict(written).cases[0].planted_programmes == ()
    # cases.json
    data = json.loads(exports.cases_json(snap))
    assert data["cases"][0]["planted_programmes"] == ["Horizon Europe", "=Digital Europe"]
    # cases.csv: the last column, joined and formula-safe like every list
    rows = list(csv.reader(io.StringIO(exports.cases_csv(snap).decode(), newline="")))
    assert rows[0][-1] == "planted_programmes" and exports.csv_columns()[-1] == "planted_programmes"
    assert rows[1][-1] == "Horizon Europe; '=Digital Europe"
    # the search index, weighted as a fact
    assert _postings(search.build_index(snap), "horizon") == [0, search.WEIGHT_FACT]
    # the data page's field tables, in the page the site is built from and in the search's text
    row = "| `planted_programmes` | the programmes that fund the community's work |"
    docs = tmp_path / "docs"
    write_pages(snap, ROOT / "templates", ROOT / "docs", docs, site_url="")
    page = (docs / "data.md").read_text(encoding="utf-8")
    assert row in page and fieldtables.PLACEHOLDER not in page
    csv_table = page[page.index("| column | meaning |"):page.index("## `cases.json`")]
    assert row in csv_table
    searched = {url: text for url, _, text in search.handwritten_pages(ROOT / "docs")}["data/"]
    assert "planted_programmes the programmes that fund the community's work" in searched


def test_without_the_added_field_none_of_it_is_anywhere():
    """The counterpart of the test above: its words come from the added field only."""
    snap = snapshot(case(7, subject="Gamma – imaging"))
    assert "planted_programmes" not in exports.cases_json(snap).decode()
    assert "planted_programmes" not in exports.cases_csv(snap).decode()
    assert _postings(search.build_index(snap), "horizon") is None
    assert "planted_programmes" not in fieldtables.fill((ROOT / "docs" / "data.md").read_text(encoding="utf-8"))


def test_the_data_page_lists_the_table_in_its_order():
    page = fieldtables.fill((ROOT / "docs" / "data.md").read_text(encoding="utf-8"))
    csv_table = page[page.index("| column | meaning |"):page.index("## `cases.json`")]
    listed = [line.split("`")[1] for line in csv_table.splitlines() if line.startswith("| `")]
    assert tuple(listed) == exports.csv_columns()
    assert "no `community` or `status_changes`)" in page
    json_only = page[page.index("| field | meaning |\n|---|---|\n| `status_history`"):page.index("## The feed")]
    assert [line.split("`")[1] for line in json_only.splitlines() if line.startswith("| `")] == [
        "status_history", "external_contacts", "description", "messages"]


def test_an_unknown_placeholder_is_an_error_not_a_page():
    with pytest.raises(ValueError, match="unknown placeholder"):
        fieldtables.fill("text\n{{ published fields: cases.xml }}\n", "docs/x.md")
