"""Machine-readable exports of the public snapshot: ``data/cases.json``.

Field names are a contract: add fields freely, rename or remove only with a new
``schema_version``.
"""

from __future__ import annotations

import json

from generator.model import PublicSnapshot
from generator.site import urls

SCHEMA_VERSION = 1


def _date(value) -> str | None:
    return value.strftime("%Y-%m-%dT%H:%M:%SZ") if value else None


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
            "created": _date(c.created),
            "last_updated": _date(c.last_updated),
            "last_progress": _date(c.last_progress),
            "status_history": [
                {"date": _date(s.date), "from": s.from_.value if s.from_ else None, "to": s.to.value}
                for s in c.status_history
            ],
            "external_contacts": [{"affiliation": x.affiliation, "role": x.role} for x in c.external_contacts],
            "description": c.description,
            "messages": [{"date": _date(m.date), "text": m.text} for m in c.messages],
        })
    doc = {
        "schema_version": SCHEMA_VERSION,
        "queue": snapshot.queue,
        "is_sample": snapshot.is_sample,
        "snapshot_time": _date(snapshot.fetched_at),
        "newest_update": _date(snapshot.newest_update),
        "case_count": len(cases),
        "withdrawn_ids": list(snapshot.withdrawn_ids),
        "cases": cases,
    }
    return (json.dumps(doc, ensure_ascii=False, indent=1, sort_keys=True) + "\n").encode()


def export_files(snapshot: PublicSnapshot) -> dict[str, bytes]:
    return {"data/cases.json": cases_json(snapshot)}
