"""Machine-readable exports of the public snapshot: ``data/cases.json`` and ``data/cases.csv``.

Field names are a contract (documented in ``docs/data.md``): add fields freely, rename or
remove only with a new ``schema_version``.
"""

from __future__ import annotations

import csv
import io
import json
import re

from generator.model import PublicSnapshot, utc_iso
from generator.site import urls
from generator.site.metrics import community_name

SCHEMA_VERSION = 1


def cases_json(snapshot: PublicSnapshot) -> bytes:
    cases = []
    for c in sorted(snapshot.cases, key=lambda c: c.id):
        status = c.implementation_status
        cases.append({
            "id": c.id,
            "url": urls.page_url(urls.case_path(c.id)),
            "subject": c.subject,
            "implementation_status": status.value if status else None,
            "rt_status": c.rt_status,
            "disciplines": list(c.disciplines),
            "virtual_organisations": list(c.virtual_organisations),
            "sites": list(c.sites),
            "links": list(c.links),
            "owner": c.owner,
            "created": utc_iso(c.created),
            "last_updated": utc_iso(c.last_updated),
            "last_progress": utc_iso(c.last_progress),
            "status_history": [
                {"date": utc_iso(s.date), "from": s.from_.value if s.from_ else None, "to": s.to.value}
                for s in c.status_history
            ],
            "external_contacts": [{"affiliation": x.affiliation, "role": x.role} for x in c.external_contacts],
            "description": c.description,
            "messages": [{"date": utc_iso(m.date), "side": m.side, "text": m.text} for m in c.messages],
        })
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


#: the columns of cases.csv, in order; lists are joined with LIST_SEPARATOR
CSV_FIELDS = (
    "id", "url", "subject", "community", "implementation_status", "rt_status", "disciplines",
    "virtual_organisations", "sites", "links", "owner", "created", "last_updated", "last_progress",
    "status_changes",
)
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


def csv_rows(snapshot: PublicSnapshot):
    for c in sorted(snapshot.cases, key=lambda c: c.id):
        status = c.implementation_status
        row = {
            "id": c.id,
            "url": urls.page_url(urls.case_path(c.id)),
            "subject": c.subject,
            "community": community_name(c.subject),
            "implementation_status": status.value if status else "",
            "rt_status": c.rt_status,
            "disciplines": LIST_SEPARATOR.join(c.disciplines),
            "virtual_organisations": LIST_SEPARATOR.join(c.virtual_organisations),
            "sites": LIST_SEPARATOR.join(c.sites),
            "links": LIST_SEPARATOR.join(c.links),
            "owner": c.owner,
            "created": utc_iso(c.created) or "",
            "last_updated": utc_iso(c.last_updated) or "",
            "last_progress": utc_iso(c.last_progress) or "",
            "status_changes": sum(1 for s in c.status_history if s.from_ is not None),
        }
        yield [_cell(f, row[f]) for f in CSV_FIELDS]


def _cell(name: str, value: str | int) -> str | int:
    """Numbers stay numbers (unquoted); text is one line, formula-safe (the url is ours)."""
    if isinstance(value, int) or name == "url":
        return value
    return spreadsheet_safe(" ".join(value.split()))


def cases_csv(snapshot: PublicSnapshot) -> bytes:
    """One row per public case (RFC 4180, UTF-8 with a header row); see docs/data.md.

    Every text field is quoted, numbers are not: a spreadsheet that splits on another
    delimiter still sees each text as text."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n", quoting=csv.QUOTE_NONNUMERIC)
    writer.writerow(CSV_FIELDS)
    writer.writerows(csv_rows(snapshot))
    return out.getvalue().encode("utf-8")


def export_files(snapshot: PublicSnapshot) -> dict[str, bytes]:
    return {urls.CASES_JSON: cases_json(snapshot), urls.CASES_CSV: cases_csv(snapshot)}
