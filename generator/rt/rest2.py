"""Reads a queue through RT 5's REST 2 API, in bulk: a few requests per hundred tickets.

1. a ticket search (100 a page, custom fields and Owner expanded);
2. one TransactionSQL query for the whole queue (or the changed tickets), restricted to the
   types the catalogue uses: Create, Correspond, Status, and CustomField on the queue's fields;
3. one attachment query per thousand of those transactions' ids, restricted to message bodies
   (text/plain or text/html without a file name).

Comments, outgoing mail records and files are never asked for, and are dropped again here if
RT sends them anyway. Entries come out in the casecat-raw/1 shape (see ``records.py``).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import datetime
from typing import Any
from urllib.parse import parse_qs, quote, urlsplit

from generator.rt.http import FetchError, RtSession, json_body

PER_PAGE = 100
#: ids in one ``ObjectId = …`` query, and transaction ids in one attachment query
TICKETS_PER_QUERY = 50
TRANSACTIONS_PER_QUERY = 1000

BODY_TYPES = ("Create", "Correspond")
WANTED_TYPES = ("Create", "Correspond", "Status", "CustomField")
TEXT_TYPES = ("text/plain", "text/html")

TICKET_FIELDS = {
    "fields": "Subject,Status,Owner,Created,LastUpdated,Resolved,Requestor,Cc,Queue,CustomFields",
    "fields[Owner]": "Name,RealName,EmailAddress",
    "fields[Queue]": "Name",
}
TRANSACTION_FIELDS = "ObjectType,ObjectId,Type,Created,Creator,Field,OldValue,NewValue"
ATTACHMENT_FIELDS = "TransactionId,ContentType,Filename,Content"

Entry = dict[str, Any]


class Rest2Source:
    """One queue of one RT, read with a session that already carries the credentials."""

    api = "rest2"

    def __init__(self, session: RtSession, base_url: str, queue: str) -> None:
        self.session = session
        self.root = base_url.rstrip("/") + "/REST/2.0/"
        self.queue = queue

    def close(self) -> None:
        pass

    # --- the queue and its tickets ------------------------------------------------------

    def check_queue(self) -> None:
        response = self.session.get(self.root + "queue/" + quote(self.queue, safe=""), handles=(403, 404))
        if response.status_code in (403, 404):  # RT answers 403 to non-admins for a queue that does not exist
            raise FetchError(f"RT has no queue {self.queue!r} (or this account may not see it)")
        self._json(response, "GET queue")

    def queue_ids(self) -> list[int]:
        """Every ticket id now in the queue: the cheap search that notices tickets gone."""
        items = self._pages("tickets", {"query": self._in_queue(), "fields": "id"})
        return sorted(int(t["id"]) for t in items)

    def tickets(self, *, since: datetime | None = None, ids: Iterable[int] | None = None) -> list[Entry]:
        """Full ticket items: the whole queue, those updated since a moment, or the given ids."""
        if ids is not None:
            found: list[Entry] = []
            for chunk in chunks(sorted(ids), TICKETS_PER_QUERY):
                query = f"{self._in_queue()} AND ({_any_of('id', chunk)})"
                found += self._pages("tickets", {"query": query, **TICKET_FIELDS})
            return [_tidy_ticket(t) for t in found]
        query = self._in_queue()
        if since is not None:
            query += f" AND LastUpdated >= '{rt_sql_time(since)}'"
        return [_tidy_ticket(t) for t in self._pages("tickets", {"query": query, **TICKET_FIELDS})]

    # --- history and bodies -------------------------------------------------------------

    def details(self, tickets: list[Entry], *, whole_queue: bool) -> dict[int, Entry]:
        """Transactions and message bodies of the given tickets, grouped per ticket id.

        ``whole_queue`` reads the queue's history in one query (a full fetch); otherwise the
        tickets are named by id. A ticket missing from the answer has vanished meanwhile.
        """
        ids = [int(t["id"]) for t in tickets]
        if not ids:
            return {}
        cf_ids = sorted({str(cf["id"]) for t in tickets for cf in t.get("CustomFields") or []})
        wanted = set(ids)
        transactions: list[Entry] = []
        groups = [None] if whole_queue else list(chunks(ids, TICKETS_PER_QUERY))
        for chunk in groups:
            query = self._history_query(chunk, cf_ids)
            params = {"query": query, "fields": TRANSACTION_FIELDS}
            found = self._pages("transactions", params, all_visible=chunk is not None)
            transactions += [x for x in found if _wanted_transaction(x, wanted, cf_ids)]
        bodies = {str(x["id"]): int(x["ObjectId"]) for x in transactions if x["Type"] in BODY_TYPES}
        attachments = self._bodies(sorted(bodies, key=int))
        grouped: dict[int, Entry] = {}
        for x in transactions:
            grouped.setdefault(int(x["ObjectId"]), {"transactions": [], "attachments": []})["transactions"].append(x)
        for a in attachments:
            ticket = bodies.get(str(_ref_id(a.get("TransactionId"))))
            if ticket in grouped and is_message_body(a):
                grouped[ticket]["attachments"].append(a)
        return grouped

    def _history_query(self, chunk: list[int] | None, cf_ids: list[str]) -> str:
        kinds = [f"Type = '{t}'" for t in WANTED_TYPES if t != "CustomField"]
        if cf_ids:
            kinds.append(f"(Type = 'CustomField' AND ({_any_of('Field', cf_ids, quoted=True)}))")
        query = f"ObjectType = 'RT::Ticket' AND TicketQueue = '{sql_quote(self.queue)}'"
        if chunk is not None:
            query += f" AND ({_any_of('ObjectId', chunk)})"
        return f"{query} AND ({' OR '.join(kinds)})"

    def _bodies(self, transaction_ids: list[str]) -> list[Entry]:
        found: list[Entry] = []
        for chunk in chunks(transaction_ids, TRANSACTIONS_PER_QUERY):
            body = [
                {"field": "TransactionId", "operator": "IN", "value": [int(i) for i in chunk]},
                {"field": "ContentType", "operator": "IN", "value": list(TEXT_TYPES)},
                {"field": "Filename", "operator": "IS", "value": "NULL"},
                {"field": "Filename", "operator": "=", "value": ""},
            ]
            found += self._pages("attachments", {"fields": ATTACHMENT_FIELDS}, body=body, all_visible=True)
        return found

    # --- paging ---------------------------------------------------------------------------

    def _pages(
        self, path: str, params: dict[str, str], body: list[Any] | None = None, *, all_visible: bool = False
    ) -> Iterator[Entry]:
        """Every item of a collection, following ``next_page``.

        To an account that cannot see everything RT gives no ``next_page`` for transactions and
        attachments, and filters each page after cutting it, so a page may come short while more
        follow: then paging goes on to the first empty page, or (``all_visible``: the query only
        names rows the account can see) to the first short one."""
        params = {**params, "per_page": str(PER_PAGE), "orderby": "id"}
        page, last = 1, 0
        while True:
            what = f"{'POST' if body is not None else 'GET'} {path}"
            if body is None:
                response = self.session.get(self.root + path, params={**params, "page": str(page)})
            else:
                response = self.session.post(self.root + path, params={**params, "page": str(page)}, json=body)
            data = self._json(response, what)
            if not isinstance(data, dict) or not isinstance(data.get("items"), list):
                raise FetchError(f"RT's answer to {what} is not a REST 2 collection")
            ids = [int(item["id"]) for item in data["items"]]
            if ids and ids[0] <= last:  # ordered by id: a page that does not move on is a loop
                raise FetchError(f"RT returned page {page} of {what} again")
            last = max(ids, default=last)
            yield from data["items"]
            if data.get("next_page"):
                page = _page_of(data["next_page"], page)
            elif data.get("total") is None and len(ids) >= (PER_PAGE if all_visible else 1):
                page += 1
            else:
                return

    def _json(self, response: Any, what: str) -> Any:
        if response.status_code == 400:
            message = _message(response)
            raise FetchError(f"RT rejected {what}: {message}")
        if response.status_code == 404:
            raise FetchError(f"RT has no REST 2 resource for {what} (HTTP 404): is REST 2 enabled?")
        if response.status_code != 200 and response.status_code != 201:
            raise FetchError(f"RT answered HTTP {response.status_code} to {what}")
        return json_body(response, what)

    def _in_queue(self) -> str:
        return f"Queue = '{sql_quote(self.queue)}'"


# --- helpers shared with the REST 1.0 source --------------------------------------------------


def rt_sql_time(moment: datetime) -> str:
    """RT's TicketSQL date format. RT reads it in the account's timezone, which must be UTC."""
    return moment.strftime("%Y-%m-%d %H:%M:%S")


def sql_quote(text: str) -> str:
    return text.replace("\\", "\\\\").replace("'", "\\'")


def is_message_body(attachment: Entry) -> bool:
    """A text part of a message: never a file, whatever RT's query returned."""
    kind = str(attachment.get("ContentType") or "").split(";")[0].strip().lower()
    return kind in TEXT_TYPES and not attachment.get("Filename")


def _wanted_transaction(x: Entry, tickets: set[int], cf_ids: list[str]) -> bool:
    if x.get("ObjectType", "RT::Ticket") != "RT::Ticket" or int(x.get("ObjectId") or 0) not in tickets:
        return False
    if x.get("Type") == "CustomField":
        return str(x.get("Field")) in cf_ids
    return x.get("Type") in WANTED_TYPES


def _tidy_ticket(ticket: Entry) -> Entry:
    """RT lists custom fields in random order; sorted, an unchanged ticket compares equal."""
    if isinstance(ticket.get("CustomFields"), list):
        ticket["CustomFields"] = sorted(ticket["CustomFields"], key=lambda cf: str(cf.get("name")))
    return ticket


def _any_of(field: str, values: Iterable[Any], quoted: bool = False) -> str:
    return " OR ".join(f"{field} = '{v}'" if quoted else f"{field} = {int(v)}" for v in values)


def chunks(items: list[Any], size: int) -> Iterator[list[Any]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _page_of(next_page: str, current: int) -> int:
    try:
        page = int(parse_qs(urlsplit(next_page).query)["page"][0])
    except (KeyError, ValueError, IndexError):
        raise FetchError("RT's next_page link has no page number") from None
    if page <= current:
        raise FetchError("RT's next_page link does not move forward")
    return page


def _ref_id(value: Any) -> Any:
    return value.get("id") if isinstance(value, dict) else value


def _message(response: Any) -> str:
    try:
        return str(response.json().get("message", "")).splitlines()[0][:200]
    except (ValueError, AttributeError, IndexError):
        return f"HTTP {response.status_code}"
