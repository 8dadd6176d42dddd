"""Machine-readable exports of the public snapshot: ``data/cases.json`` and ``data/cases.csv``.

Which fields each file has, and in which order the CSV's columns come, is
``model.PUBLISHED_FIELDS``. Field names are a contract (documented in ``docs/data.md``): add
fields freely, rename or remove only with a new ``schema_version``.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Callable, Mapping
from typing import Any

from generator.model import (
    FieldKind,
    FieldSource,
    PublicCase,
    PublicSnapshot,
    PublishedField,
    json_value,
    published_fields,
    utc_iso,
)
from generator.site import urls
from generator.site.metrics import community_name

SCHEMA_VERSION = 1


#: the published fields the renderer makes (model.FieldSource.SITE), from the case
_MADE_BY_SITE: dict[str, Callable[[PublicCase], str]] = {
    "url": lambda c: urls.page_url(urls.case_path(c.id)),
    "community": lambda c: community_name(c.subject),
}


def field_value(case: PublicCase, f: PublishedField) -> Any:
    return _MADE_BY_SITE[f.name](case) if f.source is FieldSource.SITE else getattr(case, f.attr)


class CaseExports:
    """Each case's record of cases.json and line of cases.csv, made once and, with ``digest``
    (``Digester.case``: the case's every field), kept between builds: ``kept`` holds the last
    build's by the case's digest (with the same site inputs: the exports' code is among them), so
    a night encodes only the cases that changed. ``made``: every one used now, for the next build."""

    def __init__(self, digest: Callable[[PublicCase], bytes] | None = None,
                 kept: Mapping[str, list[str]] | None = None):
        self.digest = digest
        self.kept = kept or {}
        self.made: dict[str, list[str]] = {}

    def of(self, case: PublicCase) -> list[str]:
        key = self.digest(case).hex() if self.digest is not None else None
        # made already in this build (cases.json and cases.csv each ask for every case's row)
        row = (self.made.get(key) or self.kept.get(key)) if key is not None else None
        if row is None:
            row = [_json_text(_record(case)), _csv_text([_cell(f, field_value(case, f))
                                                         for f in published_fields(cases_csv=True)])]
        if key is not None:
            self.made[key] = row
        return row


def _record(case: PublicCase) -> dict:
    return {f.name: json_value(f, field_value(case, f), export=True) for f in published_fields(cases_json=True)}


def _json_text(value: Any) -> str:
    # compact: a program reads it (the fifth of its bytes that indentation adds is 10 MB at 10,000
    # cases), and the compact form is what json's C encoder writes, several times faster
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True)


def cases_json(snapshot: PublicSnapshot, exports: CaseExports | None = None) -> bytes:
    """The document with every case's record, each encoded on its own and put in the list where
    the encoder of the whole would put it (the same bytes: a compact list joins its items by ',')."""
    exports = exports or CaseExports()
    records = [exports.of(c)[0] for c in sorted(snapshot.cases, key=lambda c: c.id)]
    doc = {
        "schema_version": SCHEMA_VERSION,
        "queue": snapshot.queue,
        "is_sample": snapshot.is_sample,
        "snapshot_time": utc_iso(snapshot.fetched_at),
        "newest_update": utc_iso(snapshot.newest_update),
        "case_count": len(records),
        "withdrawn_ids": list(snapshot.withdrawn_ids),
        "redirects": {str(old): new for old, new in sorted(snapshot.redirects.items())},
        "cases": [],
    }
    # the keys sorted, "case_count" (a number) comes first and then "cases": its empty list is the
    # first such text (inside a string the quotes would be escaped); the document is joined in one
    # go (tens of MB at 10,000 cases: every concatenation of the whole would copy it)
    head, _, tail = _json_text(doc).partition('"cases":[]')
    pieces = [head, '"cases":[']
    for record in records:
        pieces += (record, ",")
    if records:
        pieces.pop()
    pieces += ("]", tail, "\n")
    return "".join(pieces).encode()


#: what joins the values of a list in its one cell of cases.csv
LIST_SEPARATOR = "; "
#: characters that make a spreadsheet read what follows as a formula (with the full-width forms,
#: which some spreadsheets fold to the ASCII ones)
_FORMULA_START = "=+\\-@\t\r\uff1d\uff0b\uff0d\uff20"
#: where a spreadsheet may start a cell: the start of the field, or after any delimiter that a
#: locale splits CSV lines on (';' in much of Europe), whatever this file itself uses
_FORMULA = re.compile(f"(^|[,;\t|])( *)([{_FORMULA_START}])")


def spreadsheet_safe(value: str) -> str:
    """A cell no spreadsheet will run as a formula, whatever delimiter its locale splits on:
    a ' before every formula start that begins the field or follows a delimiter."""
    return _FORMULA.sub(r"\1\2'\3", value)


def csv_columns() -> tuple[str, ...]:
    """The columns of cases.csv, in order (the published fields that go there)."""
    return tuple(f.name for f in published_fields(cases_csv=True))


def _csv_text(row: list) -> str:
    out = io.StringIO(newline="")
    csv.writer(out, lineterminator="\r\n", quoting=csv.QUOTE_NONNUMERIC).writerow(row)
    return out.getvalue()


def _cell(f: PublishedField, value: Any) -> str | int:
    """Numbers stay numbers (unquoted), the catalogue's own addresses as they are; any other
    value is one line of text, formula-safe (lists joined with LIST_SEPARATOR)."""
    if f.kind is FieldKind.NUMBER:
        return int(value)
    if f.kind is FieldKind.ADDRESS:
        return value
    if f.kind is FieldKind.TEXTS:
        value = LIST_SEPARATOR.join(value)
    elif f.kind is FieldKind.DATE:
        value = utc_iso(value) or ""
    elif f.kind is FieldKind.STATUS:
        value = value.value if value else ""
    return spreadsheet_safe(" ".join(value.split()))


def cases_csv(snapshot: PublicSnapshot, exports: CaseExports | None = None) -> bytes:
    """One row per public case (RFC 4180, UTF-8 with a header row); see docs/data.md.

    Every text field is quoted, numbers are not: a spreadsheet that splits on another
    delimiter still sees each text as text. Each line is written on its own (a line of the
    writer depends on its row only)."""
    exports = exports or CaseExports()
    lines = [exports.of(c)[1] for c in sorted(snapshot.cases, key=lambda c: c.id)]
    return (_csv_text(list(csv_columns())) + "".join(lines)).encode("utf-8")


def export_files(snapshot: PublicSnapshot, exports: CaseExports | None = None) -> dict[str, bytes]:
    exports = exports or CaseExports()
    return {urls.CASES_JSON: cases_json(snapshot, exports), urls.CASES_CSV: cases_csv(snapshot, exports)}
