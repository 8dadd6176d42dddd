"""The public snapshot on disk: every public case as JSON, the renderer's only input.

Writing and reading it live here because only screening may make public objects.
"""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from typing import Any

from generator.model import (
    utc_iso,
    ExternalContact,
    ImplementationStatus,
    PublicCase,
    PublicMessage,
    PublicSnapshot,
    StatusChange,
)

SNAPSHOT_FORMAT = "casecat-public/1"


def _parse_date(text: str | None) -> datetime | None:
    return datetime.fromisoformat(text.replace("Z", "+00:00")) if text else None


def case_to_dict(case: PublicCase) -> dict[str, Any]:
    status = case.implementation_status
    return {
        "id": case.id,
        "subject": case.subject,
        "rt_status": case.rt_status,
        "implementation_status": status.value if status else None,
        "disciplines": list(case.disciplines),
        "virtual_organisations": list(case.virtual_organisations),
        "sites": list(case.sites),
        "links": list(case.links),
        "owner": case.owner,
        "created": utc_iso(case.created),
        "last_updated": utc_iso(case.last_updated),
        "description": case.description,
        "messages": [{"date": utc_iso(m.date), "kind": m.kind, "side": m.side, "text": m.text}
                     for m in case.messages],
        "status_history": [
            {"date": utc_iso(c.date), "from": c.from_.value if c.from_ else None, "to": c.to.value}
            for c in case.status_history
        ],
        "external_contacts": [{"affiliation": c.affiliation, "role": c.role} for c in case.external_contacts],
    }


def case_from_dict(d: dict[str, Any]) -> PublicCase:
    status = d.get("implementation_status")
    return PublicCase(
        id=int(d["id"]),
        subject=d["subject"],
        rt_status=d["rt_status"],
        implementation_status=ImplementationStatus(status) if status else None,
        disciplines=tuple(d["disciplines"]),
        virtual_organisations=tuple(d["virtual_organisations"]),
        sites=tuple(d["sites"]),
        links=tuple(d["links"]),
        owner=d["owner"],
        created=_parse_date(d["created"]),
        last_updated=_parse_date(d["last_updated"]),
        description=d["description"],
        messages=tuple(PublicMessage(_parse_date(m["date"]), m["kind"], m["text"], m.get("side", ""))
                       for m in d["messages"]),
        status_history=tuple(
            StatusChange(
                _parse_date(c["date"]),
                ImplementationStatus(c["from"]) if c["from"] else None,
                ImplementationStatus(c["to"]),
            )
            for c in d["status_history"]
        ),
        external_contacts=tuple(ExternalContact(c["affiliation"], c["role"]) for c in d["external_contacts"]),
    )


def snapshot_to_dict(snapshot: PublicSnapshot) -> dict[str, Any]:
    return {
        "format": SNAPSHOT_FORMAT,
        "queue": snapshot.queue,
        "fetched_at": utc_iso(snapshot.fetched_at),
        "is_sample": snapshot.is_sample,
        "rt_web_url": snapshot.rt_web_url,
        "withdrawn_ids": list(snapshot.withdrawn_ids),
        "redirects": {str(k): v for k, v in sorted(snapshot.redirects.items())},
        "cases": [case_to_dict(c) for c in snapshot.cases],
    }


def snapshot_from_dict(d: dict[str, Any]) -> PublicSnapshot:
    if d.get("format") != SNAPSHOT_FORMAT:
        raise ValueError(f"not a public snapshot (expected format {SNAPSHOT_FORMAT!r})")
    return PublicSnapshot(
        cases=tuple(case_from_dict(c) for c in d["cases"]),
        withdrawn_ids=tuple(d.get("withdrawn_ids") or ()),
        redirects={int(k): int(v) for k, v in (d.get("redirects") or {}).items()},
        fetched_at=_parse_date(d.get("fetched_at")),
        queue=d.get("queue") or "",
        is_sample=bool(d.get("is_sample")),
        rt_web_url=d.get("rt_web_url") or "",
    )


def snapshot_bytes(snapshot: PublicSnapshot) -> bytes:
    """The canonical serialisation: equal snapshots give equal bytes (and content hash)."""
    return (json.dumps(snapshot_to_dict(snapshot), ensure_ascii=False, sort_keys=True, indent=1) + "\n").encode()


def write_snapshot(snapshot: PublicSnapshot, path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_bytes(snapshot_bytes(snapshot))
    tmp.replace(path)
    return path


def read_snapshot(path: Path) -> PublicSnapshot:
    return snapshot_from_dict(json.loads(path.read_text(encoding="utf-8")))
