"""Reads a queue through RT's REST 1.0 API and gives the same entries as the REST 2 source.

python-rt logs in (REST 1.0 takes no token and no basic auth: a ``user``/``pass`` form sets a
session cookie). The reading itself uses RT's own text forms, parsed here, because python-rt's
parser strips the indentation of multi-line values and cannot tell multi-value custom fields
from single ones. REST 1.0 has no paging: one search returns the whole queue. Its ``show``
resource takes many objects at once, so the history of fifty tickets comes in one request::

    POST /REST/1.0/show  id=ticket/1,2,3/history  format=l  fields=Type,Field,...,Attachments

The history is asked for without ``Content``, so comment texts never travel (RT's history form
then leaves out each entry's ``Creator`` too: replies read through REST 1.0 carry no side);
message bodies are then read by attachment id, only for the unnamed parts of Create and
Correspond transactions.

What REST 1.0 cannot give, and how the entries differ from REST 2's:
* custom fields are named, never numbered: a field's ``id`` is its name, and the ``Field`` of a
  CustomField transaction is the name read from RT's description of it (``records.py`` maps ids
  to names and leaves names alone);
* ticket dates are shown in the account's timezone without an offset (read as UTC, which the
  account must use, as for TicketSQL dates); transaction dates are UTC;
* trailing newlines of message bodies are lost in RT's form format.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any
from urllib.parse import quote

import rt.exceptions
import rt.rest1

from generator.rt.http import FetchError, RtSession
from generator.rt.rest2 import BODY_TYPES, WANTED_TYPES, chunks, is_message_body, rt_sql_time, sql_quote

TICKETS_PER_REQUEST = 50
ATTACHMENTS_PER_REQUEST = 100
HISTORY_FIELDS = "Ticket,Type,Field,OldValue,NewValue,Created,Description,Attachments"
UNSET = "1970-01-01T00:00:00Z"

Entry = dict[str, Any]
log = logging.getLogger("casecat.rt")

_STATUS = re.compile(r"^RT/\S+ (\d{3}) ?(.*)$")
_ATTACHMENT_LINE = re.compile(r"^(\d+): (.*) \(\S+\)$")


@dataclass
class Form:
    comments: list[str] = field(default_factory=list)
    fields: dict[str, str] = field(default_factory=dict)


@dataclass
class Document:
    code: int
    message: str
    forms: list[Form]


class Rest1Source:
    """One queue of one RT, read through REST 1.0 with a login session."""

    api = "rest1"

    def __init__(self, session: RtSession, base_url: str, queue: str, user: str, password: str) -> None:
        self.session = session
        self.root = base_url.rstrip("/") + "/REST/1.0/"
        self.queue = queue
        self.queue_id = ""
        self.cf_kinds: list[tuple[str, bool]] = []  # ("Name (Description)", multi-valued)
        self._unknown: set[str] = set()
        client = rt.rest1.Rt(self.root, user, password)
        client.session = session  # python-rt logs in through our timeouts, retries and counting
        self._client = client
        try:
            ok = client.login()
        except rt.exceptions.RtError as exc:
            raise FetchError(f"REST 1.0 login failed: {type(exc).__name__}") from None
        if not ok:
            raise FetchError(
                "REST 1.0 login failed: RT refused RT_USER and RT_PASSWORD, or does not answer REST 1.0 at this URL"
            )

    def close(self) -> None:
        try:
            self._client.logout()
        except (FetchError, rt.exceptions.RtError):
            pass  # the session expires on its own

    # --- the queue and its tickets ------------------------------------------------------

    def check_queue(self) -> None:
        doc = self._get("queue/" + quote(self.queue, safe=""))
        ident = next((f.fields.get("id", "") for f in doc.forms if "id" in f.fields), "")
        if not re.fullmatch(r"queue/\d+", ident) or any("No queue" in c for f in doc.forms for c in f.comments):
            raise FetchError(f"RT has no queue {self.queue!r} (or this account may not see it)")
        self.queue_id = ident.split("/")[1]
        doc = self._get(f"queue/{self.queue_id}/ticketcustomfields", {"format": "l"})
        self.cf_kinds = [
            (key, kind.startswith("MultiValue")) for f in doc.forms for key, kind in f.fields.items() if key != "id"
        ]

    def _multi(self, name: str) -> bool:
        kinds = [multi for key, multi in self.cf_kinds if key == name or key.startswith(name + " (")]
        if not kinds and name not in self._unknown:
            self._unknown.add(name)
            log.warning("REST 1.0 does not show this account whether custom field %r takes several values; "
                        "read as one value (grant SeeCustomField on the field itself)", name)
        return any(kinds)

    def queue_ids(self, *, merged: bool = False) -> list[int]:
        """Every ticket id in the queue; ``merged``: and those merged into others (RT leaves
        them out unless the query names EffectiveId)."""
        query = self._in_queue() + (" AND EffectiveId > 0" if merged else "")
        text = self._text("search/ticket", {"query": query, "format": "i", "orderby": "id"})
        return sorted(int(m) for m in re.findall(r"^ticket/(\d+)$", text, re.M))

    def effective_ids(self, ids: Iterable[int]) -> dict[int, int]:
        """For each ticket, the ticket RT shows for it: another one when it was merged into it."""
        wanted = sorted(ids)
        out: dict[int, int] = {}
        for chunk in chunks(wanted, TICKETS_PER_REQUEST):
            # one form per ticket, in the order asked: its id, or a comment (not allowed, no such ticket)
            forms = [f for d in self._post_show([f"ticket/{i}" for i in chunk], {"fields": "id"}) for f in d.forms]
            shown = [f.fields.get("id", "") for f in forms]
            if len(shown) != len(chunk):
                raise FetchError("RT's REST 1.0 show did not answer once for each ticket asked for (POST show)")
            for asked, ident in zip(chunk, shown):
                m = re.fullmatch(r"ticket/(\d+)", ident)
                if m:
                    out[asked] = int(m.group(1))
        return out

    def owners_of(self, ids: Iterable[int]) -> dict[int, tuple[str, str]]:
        """ticket id -> (its owner's name, its LastUpdated as REST 1.0 shows it)."""
        out: dict[int, tuple[str, str]] = {}
        for chunk in chunks(sorted(ids), TICKETS_PER_REQUEST):
            for doc in self._post_show([f"ticket/{i}" for i in chunk], {"fields": "id,Owner,LastUpdated"}):
                for form in doc.forms:
                    m = re.fullmatch(r"ticket/(\d+)", form.fields.get("id", ""))
                    if m:
                        out[int(m.group(1))] = (form.fields.get("Owner", ""), ticket_time(form.fields.get("LastUpdated")))
        return out

    def tickets(self, *, since: datetime | None = None, ids: Iterable[int] | None = None,
                owner_names: bool = True) -> list[Entry]:
        queries = [self._in_queue()]
        if since is not None:
            queries = [f"{self._in_queue()} AND LastUpdated >= '{rt_sql_time(since)}'"]
        if ids is not None:
            groups = chunks(sorted(ids), TICKETS_PER_REQUEST)
            queries = [f"{self._in_queue()} AND ({' OR '.join(f'id = {int(i)}' for i in c)})" for c in groups]
        found: list[Entry] = []
        for query in queries:
            doc = self._get("search/ticket", {"query": query, "format": "l", "orderby": "id"})
            found += [self._ticket(f.fields) for f in doc.forms if f.fields.get("id", "").startswith("ticket/")]
        if owner_names:
            self.add_owner_names(found)
        return found

    # --- history and bodies -------------------------------------------------------------

    def details(self, tickets: list[Entry], *, whole_queue: bool) -> dict[int, Entry]:
        ids = [int(t["id"]) for t in tickets]
        names = sorted({str(cf["name"]) for t in tickets for cf in t["CustomFields"]}, key=len, reverse=True)
        grouped: dict[int, Entry] = {}
        parts: dict[str, tuple[int, str]] = {}  # attachment id -> (ticket, transaction id)
        for chunk in chunks(ids, TICKETS_PER_REQUEST):
            for doc in self._histories(chunk):
                for form in doc.forms:
                    x = self._transaction(form.fields, names)
                    if x is None or int(x["ObjectId"]) not in chunk:
                        continue
                    ticket = int(x["ObjectId"])
                    grouped.setdefault(ticket, {"transactions": [], "attachments": []})["transactions"].append(x)
                    if x["Type"] in BODY_TYPES:
                        for aid in _unnamed_parts(form.fields.get("Attachments", "")):
                            parts[aid] = (ticket, x["id"])
        for chunk in chunks(sorted(parts, key=int), ATTACHMENTS_PER_REQUEST):
            specs = [f"ticket/{parts[a][0]}/attachments/{a}" for a in chunk]
            fields = {"fields": "Transaction,Filename,ContentType,Content"}
            for doc in self._post_show(specs, fields):
                for form in doc.forms:
                    a = _attachment(form.fields)
                    if a and a["id"] in parts and is_message_body(a) and a["TransactionId"] == parts[a["id"]][1]:
                        grouped[parts[a["id"]][0]]["attachments"].append(a)
        return grouped

    def _histories(self, tickets: list[int]) -> list[Document]:
        """The history of many tickets in one request. RT 5.0.3 loops (and fails the whole
        request) on a ticket with no history the account may see, e.g. one moved meanwhile to
        a queue it cannot see: then each ticket is asked for alone, and such a one left out."""
        fields = {"format": "l", "fields": HISTORY_FIELDS}
        try:
            return self._post_show([f"ticket/{','.join(map(str, tickets))}/history"], fields)
        except _RtLoop:
            if len(tickets) == 1:
                return []
        return [doc for t in tickets for doc in self._histories([t])]

    # --- mapping RT's forms to REST 2 items -------------------------------------------------

    def _ticket(self, f: dict[str, str]) -> Entry:
        custom_fields = []
        for key, value in f.items():
            m = re.fullmatch(r"CF\.\{(.*)\}", key)
            if m:
                name = m.group(1)
                values = split_values(value) if self._multi(name) else ([value] if value else [])
                custom_fields.append({"id": name, "name": name, "type": "customfield", "values": values})
        owner = f.get("Owner", "")
        return {
            "id": f["id"].split("/", 1)[1],
            "type": "ticket",
            "Subject": f.get("Subject", ""),
            "Status": f.get("Status", ""),
            "Owner": {"id": owner, "Name": owner, "type": "user"},
            "Created": ticket_time(f.get("Created")),
            "LastUpdated": ticket_time(f.get("LastUpdated")),
            "Resolved": ticket_time(f.get("Resolved")),
            "Requestor": [{"id": a, "type": "user"} for a in _addresses(f.get("Requestors", ""))],
            "Cc": [{"id": a, "type": "user"} for a in _addresses(f.get("Cc", ""))],
            "Queue": {"id": self.queue_id, "Name": f.get("Queue", self.queue), "type": "queue"},
            "CustomFields": sorted(custom_fields, key=lambda cf: cf["name"]),
        }

    def add_owner_names(self, tickets: list[Entry]) -> None:
        """Each owner's real name and address, as RT has them now."""
        owners = sorted({t["Owner"]["Name"] for t in tickets if t["Owner"]["Name"]})
        if not owners:
            return
        people: dict[str, dict[str, str]] = {}
        specs = [f"user/{o}" for o in owners]
        for doc in self._post_show(specs, {"fields": "Name,RealName,EmailAddress"}):
            for form in doc.forms:
                if form.fields.get("Name"):
                    people[form.fields["Name"]] = form.fields
        for t in tickets:
            person = people.get(t["Owner"]["Name"], {})
            t["Owner"]["RealName"] = person.get("RealName", "")
            t["Owner"]["EmailAddress"] = person.get("EmailAddress", "")

    def _transaction(self, f: dict[str, str], cf_names: list[str]) -> Entry | None:
        kind = f.get("Type", "")
        if kind not in WANTED_TYPES or not f.get("Ticket", "").isdigit():
            return None
        field_name = f.get("Field", "")
        if kind == "CustomField":
            description = f.get("Description", "")
            field_name = next((n for n in cf_names if description.startswith(n + " ")), "")
            if not field_name:
                return None  # a field this queue does not show (REST 2 leaves it out too)
        return {
            "id": f["id"],
            "type": "transaction",
            "ObjectType": "RT::Ticket",
            "ObjectId": f["Ticket"],
            "Type": kind,
            "Created": sql_time(f.get("Created", "")),
            "Field": field_name,
            "OldValue": f.get("OldValue", ""),
            "NewValue": f.get("NewValue", ""),
        }

    # --- requests -------------------------------------------------------------------------

    def _in_queue(self) -> str:
        return f"Queue = '{sql_quote(self.queue)}'"

    def _text(self, path: str, params: dict[str, str] | None = None) -> str:
        response = self.session.get(self.root + path, params=params)
        return _checked_text(response.text, f"GET {path}", response.status_code)

    def _get(self, path: str, params: dict[str, str] | None = None) -> Document:
        docs = parse_documents(self._text(path, params), f"GET {path}")
        return Document(docs[0].code, docs[0].message, [f for d in docs for f in d.forms])

    def _post_show(self, ids: list[str], extra: dict[str, str]) -> list[Document]:
        response = self.session.post(self.root + "show", data={"id": ids, **extra})
        return parse_documents(_checked_text(response.text, "POST show", response.status_code), "POST show")


# --- RT's text forms ---------------------------------------------------------------------------


def parse_documents(text: str, what: str) -> list[Document]:
    """Splits an answer into its ``RT/x.y.z 200 Ok`` documents (``show`` nests several)."""
    docs: list[Document] = []
    lines: list[str] = []
    for line in text.split("\n") + ["RT/end 000 end"]:
        m = _STATUS.match(line)
        if not m:
            lines.append(line)
            continue
        if docs:
            docs[-1].forms = parse_forms(lines)
        elif any(s.strip() for s in lines):
            raise FetchError(f"RT sent something that is not a REST 1.0 answer ({what})")
        lines = []
        code, message = int(m.group(1)), m.group(2).strip()
        if code:
            _check_status(code, message, what)
        docs.append(Document(code, message, []))
    docs.pop()
    if not docs:
        raise FetchError(f"RT sent an empty answer ({what})")
    return docs


def parse_forms(lines: list[str]) -> list[Form]:
    """RT::Interface::REST::form_parse, but strips exactly the indent form_compose added."""
    forms: list[Form] = []
    form = Form()
    i = 0
    while i < len(lines):
        line = lines[i]
        i += 1
        if line == "--":
            if form.comments or form.fields:
                forms.append(form)
            form = Form()
        elif line.startswith("#"):
            form.comments.append(line)
        elif line and not line[0].isspace():
            key, value = _split_field(line)
            block = [value]
            while i < len(lines) and (lines[i] == "" or lines[i][0].isspace()):
                block.append(lines[i])
                i += 1
            while len(block) > 1 and block[-1].strip() == "":
                block.pop()
            width = len(key) + 2  # form_compose indents continuations under the value
            pad = " " * (4 if width > 16 else width)
            rest = [b[len(pad) :] if b.startswith(pad) else b.strip() for b in block[1:]]
            form.fields[key] = "\n".join([block[0], *rest])
    if form.comments or form.fields:
        forms.append(form)
    return forms


def split_values(text: str) -> list[str]:
    """A multi-value custom field as REST 1.0 joins it: ``a,'b, with comma',c``."""
    values: list[str] = []
    rest = text.strip()
    while rest:
        m = re.match(r"'((?:[^\\']|\\.)*,(?:[^\\']|\\.)*)'\s*(?:,\s*|$)", rest)
        if m:
            values.append(re.sub(r"\\(.)", r"\1", m.group(1)))
        else:
            m = re.match(r"([^,]*)(?:,\s*|$)", rest)
            assert m is not None
            if m.group(1).strip():
                values.append(m.group(1).strip())
        rest = rest[m.end() :]
    return values


def ticket_time(text: str | None) -> str:
    """A ticket date of REST 1.0 (``Fri Nov 27 19:53:40 2026``, the account's timezone)."""
    if not text or text.strip() == "Not set":
        return UNSET
    try:
        value = datetime.strptime(" ".join(text.split()), "%a %b %d %H:%M:%S %Y")
    except ValueError:
        raise FetchError(f"cannot read the REST 1.0 date {text[:40]!r}") from None
    return value.replace(tzinfo=UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def sql_time(text: str) -> str:
    """A transaction date of REST 1.0 (``2026-11-27 19:53:42``, UTC)."""
    try:
        value = datetime.strptime(text.strip(), "%Y-%m-%d %H:%M:%S")
    except ValueError:
        raise FetchError(f"cannot read the REST 1.0 date {text[:40]!r}") from None
    return value.strftime("%Y-%m-%dT%H:%M:%SZ")


def _split_field(line: str) -> tuple[str, str]:
    if line.startswith("CF.{") and "}:" in line:
        cut = line.index("}:") + 1
    elif ":" in line:
        cut = line.index(":")
    else:
        return line, ""
    return line[:cut], line[cut + 1 :].removeprefix(" ")


class _RtLoop(FetchError):
    """RT's REST 1.0 ``show`` recursed into itself (RT 5.0.3, empty visible history)."""


def _checked_text(text: str, what: str, code: int) -> str:
    if "subrequest depth > " in text[:200]:
        raise _RtLoop(f"RT's REST 1.0 failed in a subrequest loop ({what})")
    if code != 200:
        raise FetchError(f"RT answered HTTP {code} to {what}")
    if text.lstrip()[:1] == "<":
        raise FetchError(f"RT sent an HTML page where a REST 1.0 answer was expected ({what})")
    if text and not text.endswith("\n"):
        raise FetchError(f"RT's REST 1.0 answer was cut off mid-line ({what})")
    m = _STATUS.match(text.lstrip("\n").split("\n", 1)[0])
    if not m:
        raise FetchError(f"RT sent something that is not a REST 1.0 answer ({what})")
    _check_status(int(m.group(1)), m.group(2).strip(), what)
    return text


def _check_status(code: int, message: str, what: str) -> None:
    if code == 401:
        raise FetchError(f"RT refused the credentials (REST 1.0 answered 401 {message} to {what})")
    if code != 200:
        raise FetchError(f"RT answered {code} {message} to {what}")


def _attachment(f: dict[str, str]) -> Entry | None:
    if not f.get("id", "").isdigit():
        return None
    return {
        "id": f["id"],
        "type": "attachment",
        "TransactionId": f.get("Transaction", ""),
        "ContentType": f.get("ContentType", ""),
        "Filename": f.get("Filename", ""),
        "Content": f.get("Content", ""),
    }


def _unnamed_parts(listing: str) -> Iterator[str]:
    for line in listing.splitlines():
        m = _ATTACHMENT_LINE.match(line.strip())
        if m and m.group(2) == "untitled":
            yield m.group(1)


def _addresses(text: str) -> list[str]:
    return [a.strip() for a in text.replace("\n", ",").split(",") if a.strip()]
