"""Property tests: secrets of every class, drawn at random and wrapped in random obfuscations,
placed in random fields, never reach the public case in any form (as written, escaped, folded,
in part); benign look-alikes drawn the same way survive; screening is idempotent; the view's
offsets always map back into the original text.

`make test` runs a bounded number of examples (profile "ci", derandomised so a failure
reproduces); `make fuzz` runs many more (profile "long").
"""

from __future__ import annotations

import json
import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from devtools.corpus import Item as CorpusItem
from devtools.corpus import fold, needles
from generator.config import Config
from generator.screening.cases import screen_record
from generator.screening.detectors import find_all
from generator.screening.normalise import normalise
from generator.screening.policy import Policy
from generator.screening.snapshot import case_to_dict
from generator.screening.text import screen_text
from support.records import record
from support.screening_gen import Item, benign_messages, confidential, html_mail, look_alikes, outside_classes

settings.register_profile("ci", max_examples=150, deadline=None, derandomize=True,
                          suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("long", max_examples=3000, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

POLICY = Policy(salt=b"properties")
CONFIG = Config()
FIELDS = ("description", "reply", "reply-html", "subject")


def _published(item: Item, field: str) -> str:
    """Everything the public case holds, as JSON (None: the case is withheld)."""
    text = item.text
    if field == "subject":
        r = record(subject=" ".join(text.split()))
    elif field == "description":
        r = record(body=text)
    elif field == "reply":
        r = record(replies=(text,))
    else:
        from dataclasses import replace

        from generator.model import RawAttachment
        base = record(replies=("placeholder",))
        parts = tuple(a if a.id != 2 else RawAttachment(2, 2, "text/html", "", html_mail(text))
                      for a in base.attachments)
        r = replace(base, attachments=parts)
    outcome = screen_record(r, CONFIG, POLICY)
    return "" if outcome.case is None else json.dumps(case_to_dict(outcome.case), ensure_ascii=False)


def _leaks(item: Item, published: str) -> list[str]:
    if not published:
        return []
    raw, folded = needles(CorpusItem("x", item.category, "reply", item.text, item.secret, "", True),
                          common="".join(fold(item.text.replace(item.secret, "\0")).split()))
    view = fold(json.loads(published)["description"] + " " + " ".join(
        m["text"] for m in json.loads(published)["messages"]) + " " + json.loads(published)["subject"])
    return [n for n in raw if n in published] + [n for n in folded if n in view]


@given(item=confidential(), field=st.sampled_from(FIELDS))
def test_no_confidential_item_reaches_the_public_case(item, field):
    published = _published(item, field)
    assert not _leaks(item, published), (item, field, published)


@given(item=look_alikes(), field=st.sampled_from(("description", "reply", "reply-html")))
def test_benign_look_alikes_are_kept_whole(item, field):
    published = _published(item, field)
    assert item.keep in json.loads(published)["description"] + "".join(
        m["text"] for m in json.loads(published)["messages"]), (item, find_all(item.text))


@given(item=outside_classes(), field=st.sampled_from(FIELDS))
def test_no_item_of_the_outside_classes_reaches_the_public_case(item, field):
    """Markings of every EGI language, hashes, PINs, dictated passwords, connection strings,
    cookies, passports and health ids, home addresses, messenger handles, spelled '@' words."""
    published = _published(item, field)
    assert not _leaks(item, published), (item, field, published)


@given(item=benign_messages(), field=st.sampled_from(("description", "reply", "reply-html")))
def test_benign_messages_of_those_classes_are_published_unchanged(item, field):
    """Their look-alikes: template placeholders, PIDs and record ids in links, CA subjects and
    FQANs, logins and principals, decorators, "ask the admin", status words, security advice."""
    published = _published(item, field)
    assert item.keep in json.loads(published)["description"] + "".join(
        m["text"] for m in json.loads(published)["messages"]), (item, find_all(item.text))


@given(item=confidential())
def test_screening_is_idempotent(item):
    """What screening publishes, screened again, holds nothing: the audit, which reads it through
    the same view, agrees with screening."""
    once = screen_text(item.text, "reply", 1, POLICY).text
    assert find_all(once) == [], (item, once)


@given(text=st.text(alphabet=st.characters(codec="utf-8"), max_size=300), data=st.data())
def test_the_view_maps_every_span_back_into_the_original(text, data):
    view = normalise(text)
    assert view.low == view.text.lower() or len(view.low) == len(view.text)
    if not view.text:
        return
    start = data.draw(st.integers(0, len(view.text) - 1))
    end = data.draw(st.integers(start + 1, len(view.text)))
    a, b = view.to_original(start, end)
    assert 0 <= a <= b <= len(text)
    c, d = view.to_original(start, start + 1)
    assert a <= c and d <= b or a == c  # a sub-span maps inside the span


@given(text=st.text(alphabet=st.characters(codec="utf-8"), max_size=200))
def test_the_view_is_stable(text):
    """Reading a view again changes nothing that a detector would see: what screening writes
    (the original with spans cut) and what the audit reads (the view of it) agree."""
    once = normalise(text).text
    assert normalise(once).text == normalise(normalise(once).text).text
