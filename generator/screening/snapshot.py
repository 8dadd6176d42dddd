"""The public snapshot on disk: every public case as JSON, the renderer's only input.

Writing and reading it live here because only screening may make public objects.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from generator import model
from generator.model import (
    FieldKind,
    FieldSource,
    ImplementationStatus,
    PublicCase,
    PublicSnapshot,
    PublishedField,
    json_value,
    published_fields,
    utc_iso,
)

SNAPSHOT_FORMAT = "casecat-public/1"


def _parse_date(text: str | None) -> datetime | None:
    return datetime.fromisoformat(text.replace("Z", "+00:00")) if text else None


def case_to_dict(case: PublicCase) -> dict[str, Any]:
    return {f.name: json_value(f, getattr(case, f.attr)) for f in published_fields(source=FieldSource.CASE)}


def case_from_dict(d: dict[str, Any]) -> PublicCase:
    return PublicCase(**_attributes(_case_reading(), d))


def case_read_back(d: dict[str, Any]) -> PublicCase:
    """``case_from_dict`` of a dict ``case_to_dict`` made (a kept screening's): the case, and
    ``d`` kept as its serialisation for the next snapshot written (the two are each other's
    inverse: tests/test_screening_memo.py holds them to it)."""
    case = case_from_dict(d)
    _LAST_CASES.seed(case, d)
    return case


def case_text(case: PublicCase) -> str | None:
    """The JSON text of ``case`` in the snapshot serialised last (``snapshot_text``) when this
    very object was in it, else None. It holds every field of the case (``case_from_dict`` makes
    the case from it), so equal texts are equal cases: the render digests a case by it
    (``site.digest.Digester``) instead of its ``repr``, which cost ~1.3 s a build at 10,000
    cases for texts the snapshot file had made already."""
    kept = _LAST_CASES.texts.get(id(case))
    return kept[1] if kept is not None and kept[0] is case else None


def case_to_dict_kept(case: PublicCase) -> dict[str, Any]:
    """``case_to_dict``, kept as the case's serialisation for the next snapshot written (a
    screening's memo serialises each case it screened: the snapshot need not do it again)."""
    made = case_to_dict(case)
    _LAST_CASES.seed(case, made)
    return made


#: how each JSON value becomes an attribute, by field: ``(name, attribute, conversion or None)``
_Reading = tuple[tuple[str, str, Callable[[Any], Any] | None], ...]
_readings: dict[int, tuple[object, _Reading]] = {}


def _case_reading() -> _Reading:
    """The reading of a case's fields, made once for the fields ``PUBLISHED_FIELDS`` has now (a
    snapshot of 10,000 cases is read back field by field: the kind of each field was asked of
    every value, ~40% of the time). ``published_fields`` reads that table when called, so the
    reading is made again for another table."""
    table = model.PUBLISHED_FIELDS
    known = _readings.get(id(table))
    if known is None or known[0] is not table:
        known = (table, _reading(published_fields(source=FieldSource.CASE)))
        _readings[id(table)] = known
    return known[1]


def _reading(fields: tuple[PublishedField, ...]) -> _Reading:
    return tuple((f.name, f.attr, _conversion(f)) for f in fields)


def _attributes(reading: _Reading, d: dict[str, Any]) -> dict[str, Any]:
    """The attributes of a public object from its JSON object; a key that a snapshot written
    before its field existed lacks leaves the attribute's default (and fails without one)."""
    return {attr: (d[name] if convert is None else convert(d[name])) for name, attr, convert in reading if name in d}


def _records(item: type, reading: _Reading) -> Callable[[Any], Any]:
    return lambda value: tuple(item(**_attributes(reading, entry)) for entry in value)


def _status(value: Any) -> ImplementationStatus | None:
    return ImplementationStatus(value) if value else None


def _conversion(f: PublishedField) -> Callable[[Any], Any] | None:
    """The inverse of ``json_value`` for this field (None: the value as it is)."""
    if f.kind is FieldKind.RECORDS:
        assert f.item is not None
        return _records(f.item, _reading(f.parts))
    if f.kind is FieldKind.DATE:
        return _parse_date
    if f.kind is FieldKind.STATUS:
        return _status
    if f.kind is FieldKind.TEXTS:
        return tuple
    if f.kind is FieldKind.NUMBER:
        return int
    return None


class _LastCases:
    """Each case of the snapshot serialised last, as ``case_to_dict`` made it, and as JSON text:
    a build serialises one snapshot several times (the file, the content hash, the snapshot again
    after a quarantine, which holds the same case objects), and a case is frozen, so the same
    object gives the same dict and the same text. Only the last snapshot's cases are held: the
    memory of one snapshot."""

    def __init__(self) -> None:
        self.dicts: dict[int, tuple[PublicCase, dict[str, Any]]] = {}
        self.texts: dict[int, tuple[PublicCase, str]] = {}

    def of(self, cases: tuple[PublicCase, ...]) -> list[dict[str, Any]]:
        held, made = self.dicts, {}
        for case in cases:
            kept = held.get(id(case))
            made[id(case)] = kept if kept is not None and kept[0] is case else (case, case_to_dict(case))
        self.dicts = made
        return [made[id(case)][1] for case in cases]

    def text_of(self, cases: tuple[PublicCase, ...]) -> list[str]:
        """Each case's JSON text, as the snapshot's compact encoder writes it in the list."""
        dicts = self.of(cases)
        held, made = self.texts, {}
        for case, d in zip(cases, dicts):
            kept = held.get(id(case))
            made[id(case)] = kept if kept is not None and kept[0] is case else (case, _json_text(d))
        self.texts = made
        return [made[id(case)][1] for case in cases]

    def seed(self, case: PublicCase, made: dict[str, Any]) -> None:
        """``made`` is ``case_to_dict(case)`` already (``case`` was read from it, or it was made
        for the memo): the next serialisation takes it as it is."""
        self.dicts[id(case)] = (case, made)


_LAST_CASES = _LastCases()


def snapshot_to_dict(snapshot: PublicSnapshot, *, cases: bool = True) -> dict[str, Any]:
    """The snapshot as JSON values; the case objects are shared with the next call's for the
    same cases (never to be changed in place: a copy of the outer dict is the caller's).
    ``cases`` False: an empty list in their place (``snapshot_text`` puts their texts there)."""
    return {
        "format": SNAPSHOT_FORMAT,
        "queue": snapshot.queue,
        "fetched_at": utc_iso(snapshot.fetched_at),
        "is_sample": snapshot.is_sample,
        "rt_web_url": snapshot.rt_web_url,
        "withdrawn_ids": list(snapshot.withdrawn_ids),
        "redirects": {str(k): v for k, v in sorted(snapshot.redirects.items())},
        "cases": _LAST_CASES.of(snapshot.cases) if cases else [],
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


def _json_text(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def snapshot_text(snapshot: PublicSnapshot, *, fetched_at: bool = True, end: str = "") -> str:
    """``snapshot_to_dict`` as compact JSON with sorted keys, and ``end`` (without
    ``fetched_at``: the time of the fetch left out, for the content hash). Each case's text is
    encoded once per case object (``_LastCases``) and put in the list where the encoder of the
    whole would put it: the same text (a compact list joins its items by ',', and "cases" is the
    first key once sorted), joined in one go (the text is tens of MB at 10,000 cases)."""
    head = snapshot_to_dict(snapshot, cases=False)
    if not fetched_at:
        head.pop("fetched_at", None)
    text = _json_text(head)
    start = '{"cases":['
    if not text.startswith(start + "]"):  # (a key sorting before "cases" would need its place found)
        raise ValueError("the snapshot's first key is not 'cases'")
    pieces = [start]
    for case_text in _LAST_CASES.text_of(snapshot.cases):
        pieces += (case_text, ",")
    if len(pieces) > 1:
        pieces.pop()
    pieces += (text[len(start):], end)
    return "".join(pieces)


def snapshot_bytes(snapshot: PublicSnapshot) -> bytes:
    """The canonical serialisation: equal snapshots give equal bytes (and content hash). One
    line: an indented dump is made by json's Python encoder, several times slower than its C one
    on ten thousand cases."""
    return snapshot_text(snapshot, end="\n").encode()


def write_snapshot(snapshot: PublicSnapshot, path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_bytes(snapshot_bytes(snapshot))
    tmp.replace(path)
    return path


def read_snapshot(path: Path) -> PublicSnapshot:
    return snapshot_from_dict(json.loads(path.read_text(encoding="utf-8")))
