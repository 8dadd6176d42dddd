"""Hypothesis strategies over the raw queue format (casecat-raw/1): a realistic queue, then
edits anywhere in it - random Unicode (lone surrogates and control characters included), wrong
JSON types, huge and empty values, duplicate ids, dates out of range, missing keys, names
that look like paths or reserved pages. Used by the fuzz tests of the whole pipeline."""

from __future__ import annotations

import copy
import json
from functools import lru_cache
from typing import Any

from hypothesis import strategies as st

from devtools.synthetic import make_queue

#: strings that once broke a build, or look like they could
NASTY = (
    "", " ", "index", "Index", "assets", "search", "404", "..", "../../../../tmp/escaped", "/etc/passwd",
    "a/b\\c", "nul\x00byte", "\ud800", "\udfff lone low", "\ud83d", "\ufffe\uffff", "\x85\u2028\u2029",
    "=cmd|' /C calc'!A0", "Omega Photonics;=cmd|' /C calc'!A0;@SUM(9*9)", "+1", "-1", "@x", "\t=1",
    "java\nscript:alert(document.domain)//", "javascript:alert(1)", "<script>alert(1)</script>",
    "{{ 7*7 }}", "{% raw %}", "---\ntitle: x\n---", "]]>", "&amp;&#0;", "\u202eevil", "Z\u0301\u0327\u0308" * 30,
    " / ".join(f"L{i}" for i in range(120)), "A / / B /  / C", "2024-01-01T00:00:00Z",
    "0001-01-01T00:00:00Z", "9999-12-31T23:59:59Z", "2024-02-30T00:00:00Z", "1970-01-01T00:00:00Z", "Not set",
    "2024-01-01 00:00:00", "2024-01-01T00:00:00+14:00", "-5", "0", "2147483648", "1e309", "NaN",
    "Pre-assessment", "production", "Test & Integration", "nobody", "Nobody",
    "http://[oops/x", "https://[::1", "https://example.org:99999/", "https://docs.example.org/plan.pdf",
)

#: dates as RT writes them, and the wrong ones
DATES = ("2024-01-01T00:00:00Z", "2015-06-27T15:20:51Z", "1970-01-01T00:00:00Z", "0001-01-01T00:00:00Z",
         "9999-12-31T23:59:59Z", "2024-13-45T00:00:00Z", "yesterday", "", "2024-01-01", "1979-12-31T23:59:59Z")


#: characters that have broken text handling somewhere, drawn far more often than their share
#: of Unicode would have them: lone surrogates, controls, line and paragraph separators, bidi
#: and zero-width marks, noncharacters, an astral emoji, path, markup and formula characters
TROUBLE = ("\ud800\udbff\udc00\udfff\x00\x01\x08\x0b\x1b\x7f\x85\x9f\u2028\u2029\u202e\u200b\ufeff\ufffe"
           "\uffff\U0001f600\u0301/\\;=+-@\t\r\n\"'<>&{}%# ")


def texts(max_size: int = 40) -> st.SearchStrategy[str]:
    """Any Unicode (surrogates, controls, unassigned code points included), the nasty ones, and
    huge runs."""
    characters = st.one_of(st.characters(exclude_categories=()), st.sampled_from(TROUBLE))
    return st.one_of(
        st.text(characters, max_size=max_size),
        st.sampled_from(NASTY),
        st.builds(lambda piece, n: piece * n, st.sampled_from(["x", "ab ", "é", "\ud800", " / L", "\n\n", "=1;"]),
                  st.integers(0, 30_000)),
    )


def json_values(max_leaves: int = 6) -> st.SearchStrategy[Any]:
    """Any JSON value: wrong types everywhere."""
    scalars = st.one_of(st.none(), st.booleans(), st.integers(-2**63, 2**63), st.floats(allow_nan=False),
                        texts(), st.sampled_from(DATES))
    return st.recursive(scalars, lambda inner: st.one_of(st.lists(inner, max_size=4),
                                                         st.dictionaries(texts(8), inner, max_size=4)),
                        max_leaves=max_leaves)


@lru_cache(maxsize=8)
def _base(tickets: int, seed: int) -> str:
    return json.dumps(make_queue(tickets, seed=seed))


def base_queue(tickets: int, seed: int) -> dict[str, Any]:
    return json.loads(_base(tickets, seed))


TICKET_KEYS = ("id", "Subject", "Status", "Owner", "Queue", "Created", "LastUpdated", "Resolved", "Requestor", "Cc",
               "CustomFields")
TRANSACTION_KEYS = ("id", "Type", "Created", "Field", "OldValue", "NewValue")
ATTACHMENT_KEYS = ("id", "TransactionId", "ContentType", "Filename", "Content")
TOP_KEYS = ("fetched_at", "rt_web_url", "queue", "source")


@st.composite
def edits(draw) -> tuple[str, ...]:
    """Where an edit goes, as a path of names and positions (positions taken modulo length)."""
    where = draw(st.sampled_from(["ticket", "ticket", "cf", "cf", "cf", "transaction", "attachment", "top",
                                  "entry", "duplicate", "many-replies"]))
    if where == "ticket":
        return ("ticket", draw(st.integers(0, 99)), draw(st.sampled_from(TICKET_KEYS)))
    if where == "cf":
        return ("cf", draw(st.integers(0, 99)), draw(st.integers(0, 99)),
                draw(st.sampled_from(["values", "values", "name", "id", "value"])))
    if where == "transaction":
        return ("transactions", draw(st.integers(0, 99)), draw(st.integers(0, 999)), draw(st.sampled_from(TRANSACTION_KEYS)))
    if where == "attachment":
        return ("attachments", draw(st.integers(0, 99)), draw(st.integers(0, 999)), draw(st.sampled_from(ATTACHMENT_KEYS)))
    if where == "top":
        return ("top", draw(st.sampled_from(TOP_KEYS)))
    return (where, draw(st.integers(0, 99)))


def apply(data: dict[str, Any], edit: tuple, value: Any, delete: bool) -> None:
    """One edit of the queue, in place: set ``value`` at the place (or delete the key there)."""
    tickets = data["tickets"]
    kind = edit[0]
    if kind == "top":
        _set(data, edit[1], value, delete)
        return
    if not tickets:
        return
    entry = tickets[edit[1] % len(tickets)]
    if kind == "entry":  # the whole entry replaced by any JSON value
        tickets[edit[1] % len(tickets)] = value
        return
    if not isinstance(entry, dict) or not isinstance(entry.get("ticket"), dict):
        return
    if kind == "duplicate":
        tickets.append(copy.deepcopy(entry))
    elif kind == "many-replies":
        _many_replies(entry, 200 + edit[1] * 3)
    elif kind == "ticket":
        _set(entry["ticket"], edit[2], value, delete)
    elif kind == "cf":
        fields = entry["ticket"].get("CustomFields")
        if isinstance(fields, list) and fields:
            field = fields[edit[2] % len(fields)]
            if isinstance(field, dict):
                if edit[3] == "value":  # one value of a list, as a text
                    field["values"] = [value if isinstance(value, str) else json.dumps(value)]
                else:
                    _set(field, edit[3], value, delete)
    else:
        items = entry.get(kind)
        if isinstance(items, list) and items:
            item = items[edit[2] % len(items)]
            if isinstance(item, dict):
                _set(item, edit[3], value, delete)


def _set(target: dict, key: str, value: Any, delete: bool) -> None:
    if delete:
        target.pop(key, None)
    else:
        target[key] = value


def _many_replies(entry: dict, count: int) -> None:
    """``count`` more replies on one ticket (the newest are kept, the rest noted)."""
    transactions, attachments = entry.setdefault("transactions", []), entry.setdefault("attachments", [])
    if not isinstance(transactions, list) or not isinstance(attachments, list):
        return
    for i in range(count):
        txn = str(900_000 + i)
        transactions.append({"id": txn, "Type": "Correspond", "Created": "2024-06-01T00:00:00Z"})
        attachments.append({"id": txn, "TransactionId": txn, "ContentType": "text/plain", "Content": f"Reply {i}."})


@st.composite
def raw_queues(draw) -> dict[str, Any]:
    """A raw queue of one to four tickets with up to six edits anywhere in it."""
    data = base_queue(draw(st.integers(1, 4)), draw(st.integers(0, 3)))
    data["source"] = "rt"
    for _ in range(draw(st.integers(0, 6))):
        value = draw(st.one_of(texts(), json_values()))  # text half the time: it reaches the pages
        apply(data, draw(edits()), value, draw(st.integers(0, 4)) == 0)
    return data


def queue_text(data: dict[str, Any]) -> str:
    """The file as RT's JSON would carry it: every non-ASCII character escaped, so lone
    surrogates are in it as escapes (\\ud800), as a real API can send them."""
    return json.dumps(data, ensure_ascii=True)
