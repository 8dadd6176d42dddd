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

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from support.records import record
from support.screening_gen import (
    Item,
    benign_messages,
    confidential,
    harmless_shapes,
    html_mail,
    look_alikes,
    outside_classes,
    secrets_in_other_words,
    third_round_classes,
    third_round_look_alikes,
)

from devtools.corpus import Item as CorpusItem
from devtools.corpus import fold, needles
from generator.config import Config
from generator.model import ImplementationStatus
from generator.screening.cases import screen_record
from generator.screening.detectors import find_all
from generator.screening.normalise import normalise
from generator.screening.policy import Policy
from generator.screening.snapshot import case_to_dict
from generator.screening.text import screen_text

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


def assert_not_published(item: Item, field: str) -> None:
    published = _published(item, field)
    assert not _leaks(item, published), (item, field, published)


def assert_kept(item: Item, field: str) -> None:
    published = _published(item, field)
    assert item.keep in json.loads(published)["description"] + "".join(
        m["text"] for m in json.loads(published)["messages"]), (item, find_all(item.text))


@given(item=confidential(), field=st.sampled_from(FIELDS))
def test_no_confidential_item_reaches_the_public_case(item, field):
    assume(not (item.category == "table" and field == "subject"))  # (a subject is one line: no table)
    assert_not_published(item, field)


@given(item=look_alikes(), field=st.sampled_from(("description", "reply", "reply-html")))
def test_benign_look_alikes_are_kept_whole(item, field):
    assert_kept(item, field)


@given(item=outside_classes(), field=st.sampled_from(FIELDS))
def test_no_item_of_the_outside_classes_reaches_the_public_case(item, field):
    """Markings of every EGI language, hashes, PINs, dictated passwords, connection strings,
    cookies, passports and health ids, home addresses, messenger handles, spelled '@' words."""
    assert_not_published(item, field)


@given(item=benign_messages(), field=st.sampled_from(("description", "reply", "reply-html")))
def test_benign_messages_of_those_classes_are_published_unchanged(item, field):
    """Their look-alikes: template placeholders, PIDs and record ids in links, CA subjects and
    FQANs, logins and principals, decorators, "ask the admin", status words, security advice."""
    assert_kept(item, field)


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


@given(item=secrets_in_other_words(), field=st.sampled_from(FIELDS))
def test_secrets_in_other_words_never_reach_the_public_case(item, field):
    """Phone numbers spelled in digit words, passwords after a language's verb or under an inflected
    word, Finnish identity codes, hexadecimal key material under its label, passports in Cyrillic
    and Greek forms, identity numbers said to be one ("CNP-ul meu este ..."), Macedonian and Serbian
    markers in both scripts."""
    assert_not_published(item, field)


@given(item=harmless_shapes(), field=st.sampled_from(("description", "reply", "reply-html")))
def test_harmless_shapes_are_kept_whole(item, field):
    """Placeholders in connection strings, base64 of plain sentences, marker words only mentioned,
    run stamps in digit groups."""
    assert_kept(item, field)


@given(item=third_round_classes(), field=st.sampled_from(FIELDS))
def test_signed_links_passphrases_cut_off_keys_ids_profiles_and_odd_markers_never_reach_the_public_case(item, field):
    """Signed query strings (in a URL, alone, as a SAS token), quoted passphrases after a password
    word, private keys without their END line, ids after an inflected id word whatever their
    check digits, profile links, misspelt long marker words, "not public" with its verb."""
    assert_not_published(item, field)


@given(item=third_round_look_alikes(), field=st.sampled_from(("description", "reply", "reply-html")))
def test_public_keys_advice_references_chemistry_and_public_links_are_kept_whole(item, field):
    assert_kept(item, field)


_ORGANISATIONS = st.sampled_from(["Example University", "Universität Example", "Example Research Centre",
                                  "Istituto Nazionale di Example", "Example Institute of Physics", "Uniwersytet Example"])
_ROLES = st.sampled_from(["PI", "site admin", "resource provider", "data manager", "technical contact"])


@given(organisation=_ORGANISATIONS, role=_ROLES, data=st.data())
def test_a_contact_entry_of_an_organisation_and_its_role_publishes_both(organisation, role, data):
    """An organisation with its role, with or without a ROR link or an ORCID iD (left out)."""
    ror = "0" + data.draw(st.text("0123456789abcdefghjkmnpqrstvwxyz", min_size=6, max_size=6)) + "42"
    orcid = "0000-000" + data.draw(st.sampled_from(["2-1825-0097", "1-5109-3700", "3-1415-9265"]))
    entry = data.draw(st.sampled_from([
        f"{organisation} ({role})", f"{organisation} (https://ror.org/{ror}), role: {role}",
        f"{organisation} ({role}), ORCID https://orcid.org/{orcid}", f"{organisation}, role: {role}",
        f"Jane Doe, {organisation} ({role})", f"{organisation} ({role}), ROR https://ror.org/{ror}"]))
    case = screen_record(record(custom_fields={"External contacts": (entry,)}), CONFIG, POLICY).case
    assert [(c.affiliation, c.role) for c in case.external_contacts] == [(organisation, role)]
    assert orcid not in json.dumps(case_to_dict(case))


@given(vo=st.sampled_from(["vo.example.eu", "biomed", "vo.access.example.org", "eiscat.se"]),
       words=st.sampled_from(["managers", "VO managers", "admins", "members", "support team"]))
def test_a_vo_followed_by_role_words_is_published(vo, words):
    case = screen_record(record(custom_fields={"Virtual Organisation": (f"{vo} {words}",)}), CONFIG, POLICY).case
    assert case.virtual_organisations == (f"{vo} {words}",)


@given(levels=st.lists(st.sampled_from(["Natural Sciences", "Earth and related environmental sciences",
                                        "Sciences humaines", "Archéologie", "Medical and Health Sciences",
                                        "Geistes- und Sozialwissenschaften"]), min_size=2, max_size=3, unique=True),
       separator=st.sampled_from([" > ", " » ", " / ", ">", " — ", " | ", " :: "]))
def test_a_discipline_path_is_published_as_written_with_its_levels(levels, separator):
    from generator.site.metrics import discipline_levels

    value = separator.join(levels)
    case = screen_record(record(custom_fields={"Scientific discipline": (value,)}), CONFIG, POLICY).case
    assert case.disciplines == (value,)
    assert discipline_levels(value) == levels


_ELEMENTS = ["H", "C", "N", "O", "Na", "Cl", "S", "P", "Fe", "Ca", "K", "Mg"]
_SUBSCRIPTS = str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉")


@st.composite
def _formula(draw) -> str:
    parts = draw(st.lists(st.tuples(st.sampled_from(_ELEMENTS), st.integers(0, 24)), min_size=1, max_size=4))
    formula = "".join(e + (str(n) if n > 1 else "") for e, n in parts)
    return formula.translate(_SUBSCRIPTS) if draw(st.booleans()) else formula


@given(formulas=st.lists(_formula(), min_size=1, max_size=4),
       field=st.sampled_from(["Computational chemistry", "Natural Sciences / Chemical sciences", "Biochemistry"]),
       arrow=st.booleans())
def test_a_discipline_naming_chemical_formulas_is_published(formulas, field, arrow):
    value = f"{field} ({' → '.join(formulas) if arrow else ', '.join(formulas)})"
    case = screen_record(record(custom_fields={"Scientific discipline": (value,)}), CONFIG, POLICY).case
    assert case.disciplines == (value,)


_HOST_LABEL = st.sampled_from(["cloud", "cyfronet", "grid", "ui", "se01", "compute", "openstack", "cesnet", "ifca",
                                "example", "egi", "fedcloud", "storage", "ce-2"])


@given(site=st.sampled_from(["CYFRONET-CLOUD", "IN2P3-CC", "INFN-CATANIA-STACK", "CESGA", "UPV-GRyCAP", "NCG-INGRID-PT"]),
       labels=st.lists(_HOST_LABEL, min_size=1, max_size=3),
       tld=st.sampled_from(["pl", "cz", "eu", "org", "de"]), other=st.sampled_from(["", "IFCA-LCG2", "CESNET-MCC"]))
def test_a_site_with_its_host_name_in_brackets_is_published(site, labels, tld, other):
    value = f"{site} ({'.'.join(labels)}.{tld})" + (f", {other}" if other else "")
    case = screen_record(record(custom_fields={"Sites involved": (value,)}), CONFIG, POLICY).case
    assert case.sites == (value,)


@given(site=st.sampled_from(["CYFRONET-CLOUD", "IN2P3-CC"]),
       inside=st.sampled_from(["jan.novak@cyfronet.example.pl", "+48 12 555 01 23", "pw Xk9#qLm2", "call Jan"]))
def test_a_site_with_anything_else_in_brackets_is_dropped(site, inside):
    outcome = screen_record(record(custom_fields={"Sites involved": (f"{site} ({inside})",)}), CONFIG, POLICY)
    assert outcome.case.sites == () and inside not in json.dumps(case_to_dict(outcome.case), ensure_ascii=False)


@given(status=st.sampled_from(list(ImplementationStatus)), data=st.data())
def test_an_implementation_status_spelled_another_way_is_read_as_the_configured_one(status, data):
    """Case, spaces and hyphens aside, the value is the configured status; any other value is none."""
    spelled = status.value
    spelled = data.draw(st.sampled_from([spelled.lower(), spelled.upper(), spelled.replace("-", " "),
                                         spelled.replace("-", ""), f"  {spelled} ", spelled.replace(" & ", "&")]))
    case = screen_record(record(custom_fields={"Implementation status": (spelled,)}), CONFIG, POLICY).case
    assert case.implementation_status is status
    other = screen_record(record(custom_fields={"Implementation status": (spelled + " soon",)}), CONFIG, POLICY).case
    assert other.implementation_status is None
