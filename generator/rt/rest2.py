"""Reads a queue through RT 5's REST 2 API: the questions the read in ``read_rest2.py`` asks.

How RT 5 pages (RT/REST2/Resource/Collection.pm) decides how casecat pages:

* a page is cut in SQL (``LIMIT``/``OFFSET``) and then, for transactions and attachments, rows
  the account may not see are dropped from it; so a page may come back short while more rows
  follow. Tickets are checked for rights in SQL itself (``$UseSQLForACLChecks``, on by default),
  and then RT also says how many rows the query has (``total``); it says nothing of the kind for
  transactions and attachments unless the account is a SuperUser;
* paging by page number shifts when rows vanish between two pages (a ticket moved away, one
  deleted) and rows are skipped. casecat pages by key instead: every page is page 1 of the query
  ``… AND id > <last id read>``, ordered by id, so a row that vanishes cannot move another out of
  reach. The end is RT's: its ``total`` for tickets; for transactions, whose SQL already names
  the queue (a ticket that leaves drops out of the query itself) and whose types are those RT
  does not filter after the cut, a page shorter than asked, as long as RT counts tickets (else
  the first empty page); for message bodies, filtered after the cut by their ticket's rights,
  ``read_rest2.py`` checks that every message has its body and else goes on from the short page
  to an empty one.

What is asked for:

1. tickets with custom fields and Owner expanded (``TICKET_FIELDS``), by id or newest first;
2. history by TransactionSQL restricted to what the catalogue uses (Create, Correspond,
   Status, CustomField on the fields the account sees) and merges (AddLink MergedInto); the
   incremental window asks for every type RT shows without extra rights (all but comments and
   mail records), so the newest change it read says how far the history is complete;
3. message bodies by transaction id: text/plain or text/html parts without a file name.

Comments, outgoing mail records and files are never asked for, and are dropped again here if RT
sends them anyway. Entries come out in the casecat-raw/1 shape (see ``records.py``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any
from urllib.parse import quote

from generator.rt.http import FetchError, RtSession, json_body

PER_PAGE = 100
#: ids in one ``ObjectId = …`` or ``id = …`` query, and transaction ids in one attachment query
TICKETS_PER_QUERY = 50
TRANSACTIONS_PER_QUERY = 1000

BODY_TYPES = ("Create", "Correspond")
WANTED_TYPES = ("Create", "Correspond", "Status", "CustomField")
#: transaction types RT shows only with rights a catalogue account does not need
HIDDEN_TYPES = ("Comment", "CommentEmailRecord", "EmailRecord")
TEXT_TYPES = ("text/plain", "text/html")
MERGE = ("AddLink", "MergedInto")

TICKET_FIELDS = {
    "fields": "Subject,Status,Owner,Created,LastUpdated,Resolved,Requestor,Cc,Queue,CustomFields",
    "fields[Owner]": "Name,RealName,EmailAddress",
    "fields[Queue]": "Name",
}
TRANSACTION_FIELDS = "ObjectType,ObjectId,Type,Created,Creator,Field,OldValue,NewValue"
ATTACHMENT_FIELDS = "TransactionId,ContentType,Filename,Content"

Entry = dict[str, Any]


@dataclass
class Page:
    """One keyset read: the rows, and whether it ended on a page shorter than asked."""

    rows: list[Entry] = field(default_factory=list)
    short_after: int | None = None  # the last id read when RT's last page was short, not empty


@dataclass
class Head:
    """The queue's tickets newest first, down to a moment, as one consistent answer."""

    recent: list[Entry]  # tickets in the queue updated at or after the bound, newest first
    first_page: list[Entry]  # the first page (newest tickets), for owners and custom fields
    total: int | None  # tickets in the queue, as RT counts them (None: RT does not say)
    anchor: Entry | None  # the anchor ticket when RT returned it (the time zone check)


class Rest2Source:
    """One queue of one RT, read with a session that already carries the credentials."""

    api = "rest2"

    def __init__(self, session: RtSession, base_url: str, queue: str) -> None:
        self.session = session
        self.root = base_url.rstrip("/") + "/REST/2.0/"
        self.queue = queue

    def close(self) -> None:
        pass

    # --- the queue ------------------------------------------------------------------------

    def check_queue(self) -> None:
        response = self.session.request("GET", self.root + "queue/" + quote(self.queue, safe=""),
                                        handles=(403, 404))
        if response.status_code in (403, 404):  # RT answers 403 to non-admins for a queue that does not exist
            raise FetchError(f"RT has no queue {self.queue!r} (or this account may not see it)")
        self._json(response, "GET queue")

    # --- tickets --------------------------------------------------------------------------

    def ticket_pages(self, *, after: int = 0) -> Iterator[list[Entry]]:
        """Every ticket of the queue by id, a page at a time (resumable: ``after`` an id)."""
        query = self._in_queue()
        pages = self._keyset_pages("tickets", lambda last: {"query": f"{query} AND id > {last}", **TICKET_FIELDS},
                                   after=after)
        return ([tidy_ticket(t) for t in page] for page in pages)

    def tickets(self, ids: Iterable[int]) -> list[Entry]:
        """The given tickets (those still in the queue)."""
        found: list[Entry] = []
        for chunk in chunks(sorted(ids), TICKETS_PER_QUERY):
            query = f"{self._in_queue()} AND ({_any_of('id', chunk)})"
            found += self.keyset("tickets", _after_id(query)).rows
        return [tidy_ticket(t) for t in found]

    def queue_ids(self) -> list[int]:
        """Every ticket id now in the queue (by key; 1 request per 100 tickets)."""
        query = self._in_queue()
        rows = self.keyset("tickets", lambda last: {"query": f"{query} AND id > {last}", "fields": "id"}).rows
        return sorted(int(t["id"]) for t in rows)

    def head(self, bound: datetime | None, anchor: tuple[int, datetime] | None = None) -> Head:
        """The queue's tickets newest first, down to ``bound`` (the first page only if None).

        ``anchor`` (a ticket id and its creation time, UTC) is asked for by that time as well:
        RT reads TicketSQL dates in the account's time zone, so it comes back only when that zone
        is UTC. Pages are numbered here (the order is by LastUpdated), so a ticket that leaves
        between two pages could shift one out of reach: RT's total must be the same on every
        page, or the head is read again."""
        query = self._in_queue()
        if anchor is not None:
            ident, created = anchor
            moment = rt_sql_time(created)
            query = f"({query} AND id != {ident}) OR (id = {ident} AND Created >= '{moment}' AND Created <= '{moment}')"
        params = {"query": query, "orderby": "LastUpdated", "order": "DESC", "per_page": str(PER_PAGE),
                  **TICKET_FIELDS}
        for _ in range(3):
            pages: list[list[Entry]] = []
            totals: set[Any] = set()
            while True:
                data = self._collection("GET tickets", self.session.get(
                    self.root + "tickets", params={**params, "page": str(len(pages) + 1)}))
                items = [tidy_ticket(t) for t in data["items"]]
                pages.append(items)
                totals.add(data.get("total"))
                oldest = items[-1].get("LastUpdated", "") if items else ""
                if bound is None or len(items) < PER_PAGE or oldest < rt_iso(bound):
                    break
            if len(totals) == 1:
                break
        else:
            raise FetchError("RT's count of the queue kept changing while its newest tickets were read")
        every = [t for page in pages for t in page]
        seen: set[int] = set()
        ordered = [t for t in every if not (int(t["id"]) in seen or seen.add(int(t["id"])))]  # type: ignore[func-returns-value]
        in_queue = [t for t in ordered if self.holds(t)]
        picked = None
        if anchor is not None:
            picked = next((t for t in ordered if int(t["id"]) == anchor[0]), None)
        total = totals.pop()
        if total is not None and picked is not None and not self.holds(picked):
            total -= 1  # the anchor, now elsewhere, is counted too
        recent = [t for t in in_queue if bound is None or t.get("LastUpdated", "") >= rt_iso(bound)]
        return Head(recent, pages[0], None if total is None else int(total), picked)

    def holds(self, ticket: Entry) -> bool:
        queue = ticket.get("Queue")
        name = queue.get("Name") if isinstance(queue, dict) else queue
        return name == self.queue

    def left_since(self, since: datetime, among: set[int], expected: int) -> set[int]:
        """Tickets of ``among`` updated since a moment that are now in another queue this account
        sees; the search stops once ``expected`` are found (other queues may be busy)."""
        query = f"LastUpdated >= '{rt_sql_time(since)}' AND Queue != '{sql_quote(self.queue)}'"
        found: set[int] = set()
        for page in self._keyset_pages("tickets", lambda last: {"query": f"({query}) AND id > {last}",
                                                                "fields": "id"}):
            found |= {int(t["id"]) for t in page} & among
            if len(found) >= expected:
                break
        return found

    def created_at(self, ident: int, created: datetime) -> bool | None:
        """Whether RT finds the ticket by its creation time read as the account's local time:
        True in UTC, False in any other zone, None when the ticket is not visible at all."""
        moment = rt_sql_time(created)
        query = f"id = {ident} AND Created >= '{moment}' AND Created <= '{moment}'"
        found = self._collection("GET tickets", self.session.get(self.root + "tickets", params={
            "query": query, "fields": "id"}))["items"]
        if found:
            return True
        seen = self._collection("GET tickets", self.session.get(self.root + "tickets", params={
            "query": f"id = {ident}", "fields": "id"}))["items"]
        return False if seen else None

    # --- history and bodies ---------------------------------------------------------------

    def history(self, *, cf_ids: list[str], tickets: list[int] | None = None, since: datetime | None = None,
                after: int = 0, short_ends: bool = True) -> Iterator[list[Entry]]:
        """Transactions of the queue a page at a time: all of them (a full read, resumable), those
        of some tickets, or every visible one since a moment (the incremental window).

        ``short_ends``: RT checks ticket rights in SQL (it counts tickets), so a page of these
        types is never filtered after the cut and a short one is the last."""
        query = f"ObjectType = 'RT::Ticket' AND TicketQueue = '{sql_quote(self.queue)}'"
        if tickets is not None:
            query += f" AND ({_any_of('ObjectId', tickets)})"
        if since is not None:
            query += f" AND Created >= '{rt_sql_time(since)}' AND {_visible_types(cf_ids)}"
        else:
            query += f" AND {_catalogue_types(cf_ids)}"
        return self._keyset_pages("transactions", lambda last: {
            "query": f"{query} AND id > {last}", "fields": TRANSACTION_FIELDS}, after=after, short_ends=short_ends)

    def merges(self, *, short_ends: bool = True) -> list[Entry]:
        """Every merge recorded in the queue (AddLink MergedInto transactions): a few rows.
        RT leaves the target out (NewValue empty) when the account may not see it."""
        query = (f"ObjectType = 'RT::Ticket' AND TicketQueue = '{sql_quote(self.queue)}' "
                 f"AND Type = '{MERGE[0]}' AND Field = '{MERGE[1]}'")
        return self.keyset("transactions", lambda last: {"query": f"{query} AND id > {last}",
                                                         "fields": TRANSACTION_FIELDS}, short_ends=short_ends).rows

    def bodies(self, transaction_ids: list[int], *, after: int = 0) -> Page:
        """The message bodies of the given transactions (at most TRANSACTIONS_PER_QUERY)."""
        assert len(transaction_ids) <= TRANSACTIONS_PER_QUERY

        def ask(last: int) -> dict[str, Any]:
            return {"fields": ATTACHMENT_FIELDS, "body": [
                {"field": "TransactionId", "operator": "IN", "value": transaction_ids},
                {"field": "ContentType", "operator": "IN", "value": list(TEXT_TYPES)},
                {"field": "Filename", "operator": "IS", "value": "NULL"},
                {"field": "Filename", "operator": "=", "value": ""},
                {"field": "id", "operator": ">", "value": last},
            ]}

        page = self.keyset("attachments", ask, after=after, short_ends=True)
        page.rows = [a for a in page.rows if is_message_body(a)]
        return page

    # --- paging ---------------------------------------------------------------------------

    def keyset(self, path: str, ask: Callable[[int], dict[str, Any]], *, after: int = 0,
               short_ends: bool = False) -> Page:
        """Every row of a collection, by key: ``ask(last)`` gives the parameters (and ``body``)
        of the page after ``last``."""
        page = Page()
        pages = self._keyset_pages(path, ask, after=after, short_ends=short_ends, report=page)
        for rows in pages:
            page.rows += rows
        return page

    def _keyset_pages(self, path: str, ask: Callable[[int], dict[str, Any]], *, after: int = 0,
                      short_ends: bool = False, report: Page | None = None) -> Iterator[list[Entry]]:
        """Pages until RT's total is read, or an empty page; a page shorter than asked ends the
        read too when ``short_ends`` (RT filtered nothing out of it after the cut)."""
        last = after
        while True:
            params = dict(ask(last))
            body = params.pop("body", None)
            params.update({"per_page": str(PER_PAGE), "page": "1", "orderby": "id"})
            what = f"{'POST' if body is not None else 'GET'} {path}"
            if body is None:
                response = self.session.get(self.root + path, params=params)
            else:
                response = self.session.post(self.root + path, params=params, json=body)
            data = self._collection(what, response)
            rows = data["items"]
            ids = [int(row["id"]) for row in rows]
            if ids != sorted(ids) or (ids and ids[0] <= last):
                raise FetchError(f"RT's answer to {what} is not in the order asked for (ids after {last})")
            if rows:
                yield rows
            total = data.get("total")
            if not rows or (total is not None and int(total) <= len(rows)):
                return
            if total is None and len(rows) < PER_PAGE and short_ends:
                if report is not None:
                    report.short_after = ids[-1]
                return
            last = ids[-1]

    def _collection(self, what: str, response: Any) -> dict[str, Any]:
        data = self._json(response, what)
        if not isinstance(data, dict) or not isinstance(data.get("items"), list):
            raise FetchError(f"RT's answer to {what} is not a REST 2 collection")
        return data

    def _json(self, response: Any, what: str) -> Any:
        if response.status_code == 400:
            raise FetchError(f"RT rejected {what}: {_message(response)}")
        if response.status_code == 404:
            raise FetchError(f"RT has no REST 2 resource for {what} (HTTP 404): is REST 2 enabled?")
        if response.status_code not in (200, 201):
            raise FetchError(f"RT answered HTTP {response.status_code} to {what}")
        return json_body(response, what)

    def _in_queue(self) -> str:
        return f"Queue = '{sql_quote(self.queue)}'"


# --- helpers shared with the REST 1.0 source and the read ------------------------------------


def rt_sql_time(moment: datetime) -> str:
    """RT's TicketSQL date format. RT reads it in the account's time zone, which must be UTC."""
    return moment.strftime("%Y-%m-%d %H:%M:%S")


def rt_iso(moment: datetime) -> str:
    """REST 2's date format (always UTC): compares as text with the dates RT sends."""
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def sql_quote(text: str) -> str:
    return text.replace("\\", "\\\\").replace("'", "\\'")


def is_message_body(attachment: Entry) -> bool:
    """A text part of a message: never a file, whatever RT's query returned."""
    kind = str(attachment.get("ContentType") or "").split(";")[0].strip().lower()
    return kind in TEXT_TYPES and not attachment.get("Filename")


def is_catalogue_transaction(x: Entry, cf_ids: Iterable[str]) -> bool:
    """A transaction the raw file keeps: of a ticket, of a kept type, on a visible field."""
    if x.get("ObjectType", "RT::Ticket") != "RT::Ticket":
        return False
    if x.get("Type") == "CustomField":
        return str(x.get("Field")) in set(cf_ids)
    return x.get("Type") in WANTED_TYPES


def merged_into(x: Entry) -> int | None:
    """The ticket a merge transaction sends its ticket to (None when it is the survivor's own)."""
    if (x.get("Type"), x.get("Field")) != MERGE:
        return None
    target = str(x.get("NewValue") or "").rsplit("/", 1)[-1]
    if not target.isdigit() or int(target) == int(x.get("ObjectId") or 0):
        return None
    return int(target)


def tidy_ticket(ticket: Entry) -> Entry:
    """RT lists custom fields in random order; sorted, an unchanged ticket compares equal."""
    if isinstance(ticket.get("CustomFields"), list):
        ticket["CustomFields"] = sorted(ticket["CustomFields"], key=lambda cf: str(cf.get("name")))
    return ticket


def _catalogue_types(cf_ids: list[str]) -> str:
    kinds = [f"Type = '{t}'" for t in WANTED_TYPES if t != "CustomField"]
    if cf_ids:
        kinds.append(f"(Type = 'CustomField' AND ({_any_of('Field', cf_ids, quoted=True)}))")
    kinds.append(f"(Type = '{MERGE[0]}' AND Field = '{MERGE[1]}')")
    return f"({' OR '.join(kinds)})"


def _visible_types(cf_ids: list[str]) -> str:
    hidden = " AND ".join(f"Type != '{t}'" for t in HIDDEN_TYPES)
    fields = f" OR {_any_of('Field', cf_ids, quoted=True)}" if cf_ids else ""
    return f"{hidden} AND (Type != 'CustomField'{fields})"


def _any_of(field: str, values: Iterable[Any], quoted: bool = False) -> str:
    return " OR ".join(f"{field} = '{v}'" if quoted else f"{field} = {int(v)}" for v in values)


def chunks(items: list[Any], size: int) -> Iterator[list[Any]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _message(response: Any) -> str:
    try:
        return str(response.json().get("message", "")).splitlines()[0][:200]
    except (ValueError, AttributeError, IndexError):
        return f"HTTP {response.status_code}"


def _after_id(query: str) -> Callable[[int], dict[str, str]]:
    """The parameters of a keyset page of tickets: ``query``, past the last id read."""
    return lambda last: {"query": f"{query} AND id > {last}", **TICKET_FIELDS}
