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
from collections.abc import Callable
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


def cases_json(snapshot: PublicSnapshot) -> bytes:
    fields = published_fields(cases_json=True)
    cases = [{f.name: json_value(f, field_value(c, f), export=True) for f in fields}
             for c in sorted(snapshot.cases, key=lambda c: c.id)]
    doc = {
        "schema_version": SCHEMA_VERSION,
        "queue": snapshot.queue,
        "is_sample": snapshot.is_sample,
        "snapshot_time": utc_iso(snapshot.fetched_at),
        "newest_update": utc_iso(snapshot.newest_update),
        "case_count": len(cases),
        "withdrawn_ids": list(snapshot.withdrawn_ids),
        "redirects": {str(old): new for old, new in sorted(snapshot.redirects.items())},
        "cases": cases,
    }
    # compact: a program reads it (the fifth of its bytes that indentation adds is 10 MB at 10,000
    # cases), and the compact form is what json's C encoder writes, several times faster
    return (json.dumps(doc, ensure_ascii=False, separators=(",", ":"), sort_keys=True) + "\n").encode()


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


def csv_rows(snapshot: PublicSnapshot):
    fields = published_fields(cases_csv=True)
    for c in sorted(snapshot.cases, key=lambda c: c.id):
        yield [_cell(f, field_value(c, f)) for f in fields]


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


def cases_csv(snapshot: PublicSnapshot) -> bytes:
    """One row per public case (RFC 4180, UTF-8 with a header row); see docs/data.md.

    Every text field is quoted, numbers are not: a spreadsheet that splits on another
    delimiter still sees each text as text."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n", quoting=csv.QUOTE_NONNUMERIC)
    writer.writerow(csv_columns())
    writer.writerows(csv_rows(snapshot))
    return out.getvalue().encode("utf-8")


def export_files(snapshot: PublicSnapshot) -> dict[str, bytes]:
    return {urls.CASES_JSON: cases_json(snapshot), urls.CASES_CSV: cases_csv(snapshot)}
