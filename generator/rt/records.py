"""The raw queue file: RT 5 REST 2 JSON, grouped per ticket, and its reading into records.

Both RT sources (REST 2 and REST 1.0), the cache and the bundled sample store the same shape,
so one mapping serves them all::

    {
      "format": "casecat-raw/1",
      "queue": "technical-support-cases",
      "fetched_at": "2026-11-27T19:53:45Z",      # when RT was read (UTC)
      "source": "sample" | "rt",
      "rt_web_url": "https://rt.example.org",    # optional, for "view in RT" links
      "tickets": [
        {
          "ticket": {...},          # a REST 2 ticket search item: id, Subject, Status, Owner{Name,
                                    # RealName}, Created, LastUpdated, Resolved, Requestor[], Cc[],
                                    # Queue{Name}, CustomFields[{id, name, values}]
          "transactions": [...],    # REST 2 transaction items: id, Type, Created, Field,
                                    # OldValue, NewValue (Field is the custom field *id*)
          "attachments": [...]      # REST 2 attachment items: id, TransactionId, ContentType,
                                    # Filename, Content (decoded text)
        }, ...
      ],
      "merged": {"12": 7, ...}      # optional: a ticket of the queue merged into another ->
                                    # the ticket it lives on in (RT's EffectiveId); never in "tickets"
    }

Everything RT returned is kept here; deciding what is public is screening's job. What this
module does decide is that every value is usable by the stages after it, whatever RT, a proxy
or a hand-edited file put there:

* one ticket at a time: a ticket without a usable id or creation date, or whose id appears
  twice, is withheld with a ``TicketProblem`` naming it and the field; the others go on;
* every value has the type the records declare: a wrong JSON type is coerced when the meaning
  is clear (a text where a list of values belongs is a list of one; a number is its digits)
  and dropped otherwise, each time with a warning that names ticket and field, never the value;
* text is valid Unicode in NFC: lone surrogates become U+FFFD, control characters that no
  page, XML feed or YAML front matter may carry are removed;
* every value has a length cap, a hierarchy ("A / B / C") a depth cap, a ticket a number of
  replies and a budget of text: what is cut says so in the message itself, so the page shows
  the note. Reading stays linear in the size of the file.
"""

from __future__ import annotations

import hashlib
import json
import marshal
import re
import sys
import unicodedata
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cache
from pathlib import Path
from typing import Any, overload

from generator.model import RawAttachment, RawTransaction, TicketProblem, TicketRecord

RAW_FORMAT = "casecat-raw/1"
_UNSET = "1970-01-01T00:00:00Z"

# --- the bounds ---------------------------------------------------------------------------------

#: RT's ids (tickets, transactions, attachments) are positive 32-bit integers
MAX_ID = 2**31 - 1
#: dates outside this span are broken values (RT began in 1996; nothing is dated a century ahead)
EARLIEST = datetime(1980, 1, 1, tzinfo=UTC)
LATEST = datetime(2100, 1, 1, tzinfo=UTC)
#: longest text kept, in characters: one-line values (subject, status, names, ...)
LINE_LIMIT = 1_000
#: one custom field value (a list of external contacts can be long)
VALUE_LIMIT = 5_000
#: one message part
BODY_LIMIT = 100_000
#: all message parts of one ticket together, newest first; an older part past the budget keeps
#: at least PART_MINIMUM characters so its start and the note stay visible
TICKET_TEXT_BUDGET = 1_000_000
PART_MINIMUM = 2_000
#: values of one custom field, custom fields, people (requestors, Cc) of one ticket
VALUES_LIMIT = 100
FIELDS_LIMIT = 200
PEOPLE_LIMIT = 500
#: levels of a hierarchical value: deeper levels are dropped (a discipline is 3 or 4 deep)
LEVELS_LIMIT = 8
#: replies (Correspond) kept per ticket: the newest; other transactions: the first and the newest
REPLIES_LIMIT = 200
TRANSACTIONS_LIMIT = 2_000


class RawDataError(ValueError):
    """The raw queue file is not what the sources write; the message names file and ticket."""


# --- dates and text -------------------------------------------------------------------------------


def parse_rt_datetime(text: str | None) -> datetime | None:
    """REST 2 dates are UTC ``YYYY-MM-DDTHH:MM:SSZ``; RT's epoch means 'not set'."""
    if not text or text == _UNSET or text == "Not set":
        return None
    try:
        value = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        value = datetime.strptime(text, "%Y-%m-%d %H:%M:%S")
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def format_rt_datetime(value: datetime) -> str:
    return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def read_date(value: Any) -> datetime | None:
    """A date of the raw format within EARLIEST..LATEST; ValueError says what is wrong."""
    if value is None:
        return None
    if not isinstance(value, str):
        raise ValueError("not a date")
    try:
        parsed = parse_rt_datetime(value)
    except (ValueError, OverflowError):
        raise ValueError("not a date") from None
    if parsed is not None and not EARLIEST <= parsed < LATEST:
        raise ValueError(f"a date outside {EARLIEST.year}-{LATEST.year - 1}")
    return parsed


_SURROGATE = re.compile("[\ud800-\udfff]")
#: characters no page, XML feed or YAML front matter may carry (XML 1.0's forbidden ones, and
#: the C1 controls, which are never text)
_UNWANTED = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]")
_LEVEL_SPLIT = re.compile(r"\s+/\s+")


def clean_text(text: str, limit: int, *, one_line: bool = False) -> str:
    """``text`` as valid Unicode (NFC, lone surrogates replaced, no control characters), at
    most ``limit`` characters. The cut comes first, so the cost is bounded by ``limit``."""
    text = text[:limit]
    if text.isprintable():  # the common case: no control, line break, surrogate or noncharacter
        if not text.isascii() and not unicodedata.is_normalized("NFC", text):
            text = unicodedata.normalize("NFC", text)[:limit]
        return " ".join(text.split()) if one_line and "  " in text else text.strip() if one_line else text
    if not text.isascii():
        text = _SURROGATE.sub("\ufffd", text)
        if not unicodedata.is_normalized("NFC", text):
            text = unicodedata.normalize("NFC", text)[:limit]
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _UNWANTED.sub("", text)
    return " ".join(text.split()) if one_line else text


def _size(characters: int) -> str:
    """A count of characters for a note, never a long run of digits (which screening might
    take for a phone number)."""
    if characters >= 1_000_000:
        return f"{characters / 1_000_000:.1f} million characters"
    return f"{characters // 1000}k characters" if characters >= 10_000 else f"{characters} characters"


def cut_note(kept: int, total: int) -> str:
    return f"[The catalogue shows the first {_size(kept)} of this message, which has {_size(total)}.]"


def replies_note(dropped: int) -> str:
    return (f"[{dropped} earlier replies of this case are not shown: the catalogue keeps the newest "
            f"{REPLIES_LIMIT}.]")


# --- reading one value ------------------------------------------------------------------------------


class _Unusable(Exception):
    """The ticket cannot be used at all: withheld, with the field and the reason."""

    def __init__(self, field: str, what: str):
        super().__init__(f"{field}: {what}")
        self.field, self.what = field, what


class _Reading:
    """One entry while it is read: who it is, and what had to be coerced, cut or dropped."""

    def __init__(self, index: int) -> None:
        self.index = index
        self.ticket: int | None = None
        self.counts: Counter[tuple[str, str]] = Counter()

    @property
    def where(self) -> str:
        return f"ticket {self.ticket}" if self.ticket is not None else f"entry {self.index + 1} of the raw file"

    def warn(self, field: str, what: str) -> None:
        self.counts[(field, what)] += 1

    def warnings(self) -> list[TicketProblem]:
        return [TicketProblem(self.where, field, what, self.ticket, n) for (field, what), n in self.counts.items()]

    def rejection(self, exc: _Unusable) -> TicketProblem:
        return TicketProblem(self.where, exc.field, f"{exc.what}; the ticket is withheld", self.ticket)

    def text(self, value: Any, field: str, limit: int = LINE_LIMIT, *, one_line: bool = True) -> str:
        """A text value: numbers become their digits (with a warning), other types ''."""
        if value is None:
            return ""
        if not isinstance(value, str):
            if isinstance(value, bool) or not isinstance(value, int | float):
                self.warn(field, "not a text; left empty")
                return ""
            self.warn(field, "a number where a text belongs; read as text")
            value = str(value)
        if len(value) > limit:
            self.warn(field, f"longer than {limit} characters; cut")
        return clean_text(value, limit, one_line=one_line)

    def date(self, value: Any, field: str) -> datetime | None:
        try:
            return read_date(value)
        except ValueError as exc:
            self.warn(field, f"{exc}; ignored")
            return None

    def items(self, value: Any, field: str, limit: int | None = None) -> list[Any]:
        """A list value: None is empty, a lone value a list of one, anything else refused."""
        if value is None:
            return []
        if isinstance(value, str | int | float) and not isinstance(value, bool):
            self.warn(field, "a single value where a list belongs; read as a list of one")
            return [value]
        if not isinstance(value, list):
            self.warn(field, "not a list; ignored")
            return []
        if limit is not None and len(value) > limit:
            self.warn(field, f"more than {limit} items; the first {limit} kept")
            return value[:limit]
        return value


def read_id(value: Any) -> int | None:
    """An RT id (a positive 32-bit integer, as a number or its digits), else None."""
    if isinstance(value, bool):
        return None
    if isinstance(value, str) and value.isascii() and value.strip().isdigit():
        value = int(value.strip())
    if isinstance(value, int) and 0 < value <= MAX_ID:
        return value
    return None


def _ref_id(value: Any) -> int | None:
    """An id given bare or as a REST 2 reference object ``{"id": ...}``."""
    return read_id(value.get("id") if isinstance(value, dict) else value)


def _cap_levels(value: str, reading: _Reading, field: str) -> str:
    """A hierarchical value ("A / B / C") at most LEVELS_LIMIT levels deep."""
    if " / " not in value or "\n" in value:
        return value
    levels = _LEVEL_SPLIT.split(value)
    if len(levels) <= LEVELS_LIMIT:
        return value
    reading.warn(field, f"more than {LEVELS_LIMIT} levels; the first {LEVELS_LIMIT} kept")
    return " / ".join(levels[:LEVELS_LIMIT])


# --- reading the queue --------------------------------------------------------------------------------


def read_raw_file(path: Path) -> dict[str, Any]:
    """Reads and checks a raw queue file; the error names the file."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise RawDataError(f"{path}: no such file") from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError, RecursionError) as exc:
        reason = "nested too deeply" if isinstance(exc, RecursionError) else " ".join(str(exc).split())[:200]
        raise RawDataError(f"{path}: not a readable raw queue file: {reason}") from None
    if not isinstance(data, dict) or data.get("format") != RAW_FORMAT:
        raise RawDataError(f"{path}: not a casecat raw queue file (expected format {RAW_FORMAT!r})")
    if not isinstance(data.get("tickets"), list):
        raise RawDataError(f"{path}: 'tickets' must be a list")
    return data


def read_merged(data: dict[str, Any]) -> tuple[dict[int, int], list[TicketProblem]]:
    """The optional ``merged`` map (merged ticket id -> surviving ticket id) and what was wrong
    with it: a pair that is not two ticket ids is dropped, a value that is not a map ignored,
    each with a warning (a merged ticket without its pair only loses its forwarding address)."""
    merged = data.get("merged")
    if merged is None:
        return {}, []
    if not isinstance(merged, dict):
        return {}, [TicketProblem("the raw file", "merged", "not a map of ticket ids; ignored")]
    pairs = {read_id(k): read_id(v) for k, v in merged.items()}
    usable = {k: v for k, v in pairs.items() if k is not None and v is not None and k != v}
    dropped = len(merged) - len(usable)
    problems = [TicketProblem("the raw file", "merged", "not a pair of ticket ids; dropped", count=dropped)]
    return usable, problems if dropped else []


#: what the reading of a ticket that parsed is, without parsing it again: its id and the
#: warnings its reading gave (by ticket and field, never by value), by its entry's key
Known = Mapping[bytes, tuple[int, tuple[TicketProblem, ...]]]


def entry_key(entry: Any) -> bytes | None:
    """The sha256 of a raw entry's exact value (its marshal, which has no references at version
    2: equal keys mean equal values, types and order alike); None for one marshal refuses (nested
    too deeply), which is then always parsed."""
    try:
        return hashlib.sha256(marshal.dumps(entry, 2)).digest()
    except (ValueError, TypeError):
        return None


@cache
def reading_version() -> bytes:
    """What a record is made of besides its entry: this module, the records it makes, and the
    Unicode tables its text cleaning uses (the Python that runs it)."""
    digest = hashlib.sha256(b"casecat raw reading\0" + sys.version.encode() + b"\0")
    digest.update(unicodedata.unidata_version.encode() + b"\0")
    for module in (Path(__file__), Path(__file__).parent.parent / "model.py"):
        digest.update(module.read_bytes())
    return digest.digest()


class Tickets(Sequence[TicketRecord]):
    """The usable tickets of a raw file, in the file's order, each parsed from its entry the
    first time it is asked for. A ticket whose entry has a key (``entry_key``) has a digest
    without being parsed (``digest``): a build whose screening memo holds that digest's outcome
    never needs the record. Parsing is a pure function of the entry, so a record parsed late is
    the one an eager reading would have made."""

    def __init__(self, items: Iterable[tuple[int, bytes | None, Any]] = (), learned: Known | None = None,
                 news: bool = False) -> None:
        """``items``: each ticket's id, its entry's key, and its record or (not parsed yet) its
        entry; ``learned``: what the reading of each usable entry gave (``Known``), for the next
        reading; ``news``: whether that differs from what the reading was given."""
        self.learned = learned or {}
        self.news = news
        self._ids: list[int] = []
        self._keys: list[bytes | None] = []
        self._slots: list[Any] = []
        for ticket_id, key, slot in items:
            self._ids.append(ticket_id)
            self._keys.append(key)
            self._slots.append(slot)
        self._index = {ticket_id: i for i, ticket_id in enumerate(self._ids)}

    def __len__(self) -> int:
        return len(self._ids)

    @overload
    def __getitem__(self, index: int) -> TicketRecord: ...
    @overload
    def __getitem__(self, index: slice) -> tuple[TicketRecord, ...]: ...
    def __getitem__(self, index):
        if isinstance(index, slice):
            return tuple(self[i] for i in range(*index.indices(len(self))))
        slot = self._slots[index]
        if not isinstance(slot, TicketRecord):  # an entry that parsed before: its warnings are known
            slot = self._slots[index] = parse_entry(slot)
        return slot

    def __iter__(self) -> Iterator[TicketRecord]:
        return (self[i] for i in range(len(self)))

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Sequence) and tuple(self) == tuple(other)

    __hash__ = None  # type: ignore[assignment]

    def ids(self) -> list[int]:
        """Every ticket's id, in order, none parsed for it."""
        return list(self._ids)

    def digest(self, index: int) -> bytes | None:
        """The sha256 of the ticket as read, from its entry's key and ``reading_version`` (None
        for an entry without a key)."""
        key = self._keys[index]
        return None if key is None else hashlib.sha256(reading_version() + key).digest()

    def holds(self, record: TicketRecord) -> bool:
        """Whether ``record`` is this sequence's own record of its id (not another version)."""
        index = self._index.get(record.id)
        return index is not None and self._slots[index] is record

    def position(self, ticket_id: int) -> int:
        return self._index[ticket_id]


@dataclass(frozen=True)
class ReadTickets:
    """The tickets of a raw file: the usable records, the withheld ones, the warnings."""

    records: Tickets
    rejected: tuple[TicketProblem, ...]
    warnings: tuple[TicketProblem, ...]


def read_entries(data: dict[str, Any], known: Known | None = None) -> ReadTickets:
    """Every entry of ``data["tickets"]`` read on its own: one that cannot be used is withheld
    with the reason, and so is every entry of an id that appears more than once (which one
    RT meant cannot be known). An entry ``known`` holds by its key (the same bytes read before)
    is not parsed now: its id and warnings are taken from there, and it is parsed when its
    record is first asked for."""
    known = known or {}
    items: list[tuple[int, bytes | None, Any]] = []
    rejected: list[TicketProblem] = []
    warnings: list[TicketProblem] = []
    learned: dict[bytes, tuple[int, tuple[TicketProblem, ...]]] = {}
    for index, entry in enumerate(data["tickets"]):
        key = entry_key(entry)
        seen = known.get(key) if key is not None else None
        if key is not None and seen is not None:
            items.append((seen[0], key, entry))
            warnings.extend(seen[1])
            learned[key] = seen
            continue
        reading = _Reading(index)
        try:
            record = parse_entry(entry, reading)
        except _Unusable as exc:
            rejected.append(reading.rejection(exc))
        except RecursionError:
            rejected.append(reading.rejection(_Unusable("ticket", "nested too deeply")))
        else:
            items.append((record.id, key, record))
            if key is not None:
                learned[key] = (record.id, tuple(reading.warnings()))
        warnings.extend(reading.warnings())
    seen_ids = Counter(item[0] for item in items)
    twice = {i for i, n in seen_ids.items() if n > 1}
    rejected += [TicketProblem(f"ticket {i}", "id", f"{seen_ids[i]} entries carry this id; the ticket is withheld", i)
                 for i in sorted(twice)]
    records = Tickets((item for item in items if item[0] not in twice), learned, learned != known)
    return ReadTickets(records, tuple(rejected), tuple(warnings))


def parse_entries(data: dict[str, Any], origin: str = "raw data") -> list[TicketRecord]:
    """Every record of ``data``, for tools and tests that want all or nothing: the first
    withheld ticket is an error (the build reads with ``read_entries`` and goes on)."""
    read = read_entries(data)
    if read.rejected:
        raise RawDataError(f"{origin}: {read.rejected[0].line()}")
    return list(read.records)


def parse_entry(entry: Any, reading: _Reading | None = None) -> TicketRecord:
    """One grouped REST 2 entry -> a TicketRecord (custom-field ids mapped to names).

    Raises ``_Unusable`` when the ticket has no usable id or creation date; every other
    problem is a warning in ``reading``.
    """
    reading = reading or _Reading(0)
    t = entry.get("ticket") if isinstance(entry, dict) else None
    if not isinstance(t, dict):
        raise _Unusable("ticket", "not a ticket object")
    reading.ticket = read_id(t.get("id"))
    if reading.ticket is None:
        raise _Unusable("id", "missing or not a ticket number")
    try:
        created = read_date(t.get("Created"))
    except ValueError as exc:
        raise _Unusable("Created", str(exc)) from None
    if created is None:
        raise _Unusable("Created", "not set")

    custom_fields, cf_names = _custom_fields(t.get("CustomFields"), reading)
    transactions, dropped, left_out = _transactions(entry.get("transactions"), created, cf_names, reading)
    attachments = _attachments(entry.get("attachments"), transactions, dropped, left_out, reading)
    owner = t.get("Owner")
    if isinstance(owner, str):
        owner = {"Name": owner}
    elif not isinstance(owner, dict):
        if owner is not None:
            reading.warn("Owner", "not a user; left empty")
        owner = {}
    return TicketRecord(
        id=reading.ticket,
        queue=_queue_name(t.get("Queue"), reading),
        subject=reading.text(t.get("Subject"), "Subject"),
        status=reading.text(t.get("Status"), "Status"),
        owner_name=reading.text(owner.get("Name") or owner.get("id"), "Owner"),
        owner_real_name=reading.text(owner.get("RealName"), "Owner RealName"),
        created=created,
        last_updated=reading.date(t.get("LastUpdated"), "LastUpdated") or created,
        resolved=reading.date(t.get("Resolved"), "Resolved"),
        requestors=_people(t.get("Requestor"), "Requestor", reading),
        cc=_people(t.get("Cc"), "Cc", reading),
        custom_fields=custom_fields,
        transactions=transactions,
        attachments=attachments,
    )


def _custom_fields(value: Any, reading: _Reading) -> tuple[dict[str, tuple[str, ...]], dict[str, str]]:
    """name -> values, and custom field id -> name (transactions name fields by id)."""
    fields: dict[str, tuple[str, ...]] = {}
    names: dict[str, str] = {}
    for cf in reading.items(value, "CustomFields", FIELDS_LIMIT):
        if not isinstance(cf, dict):
            reading.warn("CustomFields", "an item that is not a custom field; ignored")
            continue
        name = reading.text(cf.get("name"), "CustomFields name")
        if not name:
            reading.warn("CustomFields", "a custom field without a name; ignored")
            continue
        label = f"custom field {name[:60]!r}"
        if name in fields:
            reading.warn(label, "listed twice; the first kept")
            continue
        values = []
        for item in reading.items(cf.get("values"), label, VALUES_LIMIT):
            if isinstance(item, dict | list | bool):
                reading.warn(label, "a value that is not a text; ignored")
                continue
            text = _cap_levels(reading.text(item, label, VALUE_LIMIT, one_line=False).strip(), reading, label)
            if text:
                values.append(text)
        fields[name] = tuple(values)
        cf_id = read_id(cf.get("id"))
        if cf_id is not None:
            names[str(cf_id)] = name
    return fields, names


def _transactions(value: Any, created: datetime, cf_names: dict[str, str],
                  reading: _Reading) -> tuple[tuple[RawTransaction, ...], set[int], tuple[int, int] | None]:
    """The ticket's history, oldest first, bounded: the newest REPLIES_LIMIT replies and the
    first and newest TRANSACTIONS_LIMIT others. Also the ids of the transactions left out, and
    when replies were left out, the id of the oldest reply kept (its message carries the note)
    and how many were left out."""
    by_id: dict[int, RawTransaction] = {}
    for x in reading.items(value, "transactions"):
        txn_id = read_id(x.get("id")) if isinstance(x, dict) else None
        kind = reading.text(x.get("Type"), "transactions Type") if txn_id is not None else ""
        if txn_id is None or not kind:
            reading.warn("transactions", "an item without a usable id or Type; ignored")
            continue
        if txn_id in by_id:
            reading.warn("transactions", "an id listed twice; the first kept")
            continue
        field = reading.text(x.get("Field"), "transactions Field")
        if kind == "CustomField":
            field = cf_names.get(field, field)
        by_id[txn_id] = RawTransaction(
            id=txn_id,
            type=kind,
            created=reading.date(x.get("Created"), "transactions Created") or created,
            field=field,
            old_value=reading.text(x.get("OldValue"), "transactions OldValue", VALUE_LIMIT, one_line=False),
            new_value=reading.text(x.get("NewValue"), "transactions NewValue", VALUE_LIMIT, one_line=False),
            creator=_person(x.get("Creator"), "transactions Creator", reading),
        )
    history = sorted(by_id.values(), key=lambda x: (x.created, x.id))
    replies = [x for x in history if x.type == "Correspond"]
    others = [x for x in history if x.type != "Correspond"]
    left_out = None
    if len(replies) > REPLIES_LIMIT:
        reading.warn("transactions", f"more than {REPLIES_LIMIT} replies; the newest kept, with a note")
        left_out = (replies[-REPLIES_LIMIT].id, len(replies) - REPLIES_LIMIT)
        replies = replies[-REPLIES_LIMIT:]
    if len(others) > TRANSACTIONS_LIMIT:
        reading.warn("transactions", f"more than {TRANSACTIONS_LIMIT} other entries; the first and the newest kept")
        others = others[:1] + others[-(TRANSACTIONS_LIMIT - 1):]
    kept = sorted(replies + others, key=lambda x: (x.created, x.id))
    return tuple(kept), by_id.keys() - {x.id for x in kept}, left_out


def _attachments(value: Any, transactions: tuple[RawTransaction, ...], dropped: set[int],
                 left_out: tuple[int, int] | None, reading: _Reading) -> tuple[RawAttachment, ...]:
    """The message parts, but those of transactions left out; text within the ticket's budget,
    newest first (parts of transactions the entry does not list count as the oldest); the
    oldest kept reply tells how many older ones were left out."""
    created = {x.id: x.created for x in transactions}
    raw_parts = []
    for a in reading.items(value, "attachments"):
        part_id = read_id(a.get("id")) if isinstance(a, dict) else None
        txn_id = _ref_id(a.get("TransactionId")) if part_id is not None else None
        if part_id is None or txn_id is None:
            reading.warn("attachments", "an item without a usable id or TransactionId; ignored")
            continue
        if txn_id not in dropped:  # parts of transactions left out go with them
            raw_parts.append((part_id, txn_id, a))
    raw_parts.sort(key=lambda p: (created.get(p[1], EARLIEST), p[1], p[0]), reverse=True)  # newest first
    parts, seen, budget = [], set(), TICKET_TEXT_BUDGET
    for part_id, txn_id, a in raw_parts:
        if part_id in seen:
            reading.warn("attachments", "an id listed twice; one kept")
            continue
        seen.add(part_id)
        content = a.get("Content")
        if content is not None and not isinstance(content, str):
            reading.warn("attachments Content", "not a text; left empty")
            content = ""
        content = content or ""
        cap = max(PART_MINIMUM, min(BODY_LIMIT, budget))
        text = clean_text(content, cap)
        if len(content) > cap:
            reading.warn("attachments Content", "a message part over the size limit; cut, with a note")
            text += "\n\n" + cut_note(cap, len(content))
        budget = max(0, budget - len(text))
        parts.append(RawAttachment(
            id=part_id,
            transaction_id=txn_id,
            content_type=reading.text(a.get("ContentType"), "attachments ContentType"),
            filename=reading.text(a.get("Filename"), "attachments Filename"),
            content=text,
        ))
    if left_out is not None:
        parts = _with_replies_note(parts, *left_out)
    return tuple(sorted(parts, key=lambda p: p.id))


def _with_replies_note(parts: list[RawAttachment], reply: int, dropped: int) -> list[RawAttachment]:
    """The note on left-out replies, at the start of the oldest kept reply's text parts (or as
    its only part when it has none)."""
    note = replies_note(dropped)
    result, noted = [], False
    for part in parts:
        kind = part.content_type.split(";")[0].strip().lower()
        if part.transaction_id == reply and not part.filename and kind in ("text/plain", "text/html"):
            lead = f"<p>{note}</p>\n" if kind == "text/html" else note + "\n\n"
            part = RawAttachment(part.id, part.transaction_id, part.content_type, part.filename, lead + part.content)
            noted = True
        result.append(part)
    if not noted:
        result.append(RawAttachment(max((p.id for p in parts), default=0) + 1, reply, "text/plain", "", note))
    return result


def _people(value: Any, field: str, reading: _Reading) -> tuple[str, ...]:
    people = (_person(item, field, reading) for item in reading.items(value, field, PEOPLE_LIMIT))
    return tuple(person for person in people if person)


def _person(value: Any, field: str, reading: _Reading) -> str:
    """A REST 2 user reference (``{"id": login}``) or a bare login or address, as a text."""
    if isinstance(value, dict):
        value = value.get("id") or value.get("EmailAddress") or ""
    return reading.text(value, field)


def _queue_name(value: Any, reading: _Reading) -> str:
    if isinstance(value, dict):
        value = value.get("Name") or value.get("id")
    return reading.text(value, "Queue")
