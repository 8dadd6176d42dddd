"""Hostile ticket text for the tests that prove it stays text: markup, template syntax, Markdown
attribute lists and script links, in a subject, a description, an HTML reply and custom fields.

The bundled sample keeps realistic names (it is also the demo); these strings live here, in one
extra ticket the tests add to the queues they build (``with_hostile_ticket``).
"""

from __future__ import annotations

import copy

from generator.config import DEFAULT_FIELDS

HOSTILE_ID = 90
HOSTILE_SUBJECT = "<script>alert(1)</script> – render safety test community"

_BODY = (
    "This community exists to check that ticket text always stays text.\n\n"
    "<script>alert(1)</script>\n\n"
    "Our documentation is [click](javascript:alert(1)), and an attribute list {: onclick=\"alert(1)\" } "
    "must stay literal.\n\n"
    "{: onclick=\"alert(1)\" }\n\n"
    "Templates must not evaluate {{ 7*7 }} or {% raw %}, and an image like <img src=x onerror=alert(1)> "
    "must not load.\n\n"
    "# A heading inside a description\n\n| a | table |\n|---|---|\n| with | pipes |\n\n"
    "<!-- an HTML comment --> &amp; &lt;b&gt; entities and a bare & ampersand."
)
_HTML_REPLY = (
    "<p>Reply with markup: <b>bold</b>, <a href=\"javascript:alert(1)\">a link</a>, "
    "<img src=x onerror=alert(1)> and <script>alert(1)</script>.</p>\n<p onclick=\"alert(1)\">{{ 7*7 }}</p>\n"
)
_FIELDS = {
    DEFAULT_FIELDS["virtual_organisations"]: ["{{ 7*7 }}"],
    DEFAULT_FIELDS["sites"]: ["EXAMPLE-SITE-CZ", "<img src=x onerror=alert(1)>"],
    DEFAULT_FIELDS["links"]: ["javascript:alert(1)", "https://docs.example.org/render-safety/plan.pdf"],
    DEFAULT_FIELDS["external_contacts"]: ["Rhea Testworth <rhea@render.example>, Render Lab {: onclick=\"alert(1)\" } "
                                          "{% raw %} (PI)"],
    DEFAULT_FIELDS["implementation_status"]: ["Preparatory"],
}


def hostile_strings() -> list[str]:
    """Payloads planted in the hostile ticket: pages must show them as text."""
    return ["<script>alert(1)</script>", "[click](javascript:alert(1))", '{: onclick="alert(1)" }',
            "{{ 7*7 }}", "{% raw %}", "<img src=x onerror=alert(1)>"]


def hostile_entry(template: dict) -> dict:
    """A raw queue entry (REST 2 shape) with the hostile strings, made from ``template``, a
    sample entry with a description and at least one reply, whose history it keeps."""
    entry = copy.deepcopy(template)
    ticket = entry["ticket"]
    ticket["id"], ticket["Subject"] = str(HOSTILE_ID), HOSTILE_SUBJECT
    for cf in ticket["CustomFields"]:
        if cf["name"] in _FIELDS:
            cf["values"] = list(_FIELDS[cf["name"]])
    for x in entry["transactions"]:
        x["ObjectId"] = str(HOSTILE_ID)
    creates = [x["id"] for x in entry["transactions"] if x["Type"] == "Create"]
    replies = [x["id"] for x in entry["transactions"] if x["Type"] == "Correspond"]
    for part in entry["attachments"]:
        if part["TransactionId"] in creates:
            part.update(Content=_BODY, ContentType="text/plain")
        elif part["TransactionId"] == replies[0] and part["ContentType"].startswith("text/"):
            part.update(Content=_HTML_REPLY, ContentType="text/html")
    return entry


def with_hostile_ticket(queue: dict, keep: int | None = None) -> dict:
    """``queue`` (a raw queue) plus the hostile ticket, made from its first ticket that has a
    description and a reply; ``keep`` leaves only that many of the other tickets."""
    tickets = queue["tickets"]
    template = next(e for e in tickets if any(x["Type"] == "Correspond" for x in e["transactions"])
                    and any(a["Content"] for a in e["attachments"]))
    others = tickets if keep is None else tickets[:keep]
    return {**queue, "tickets": [*others, hostile_entry(template)]}
