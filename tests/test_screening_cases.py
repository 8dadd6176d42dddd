"""The field allowlist and the policy, on one ticket at a time."""

from dataclasses import replace

import pytest

from generator.config import Config
from generator.model import ImplementationStatus as S
from generator.model import RawAttachment, RawTransaction
from generator.screening.cases import screen_record
from generator.screening.policy import WITHHELD_MESSAGE, Action, Policy
from generator.screening.snapshot import case_to_dict
from support.records import T0, record

CONFIG = Config()


def public_text(outcome) -> str:
    return repr(case_to_dict(outcome.case))


def test_private_fields_never_reach_the_public_case(policy):
    r = record(
        comments=("INTERNAL ONLY: budget talk",),
        custom_fields={"Internal priority": ("very high",)},
        attachments=record().attachments + (RawAttachment(99, 1, "text/csv", "capacity.csv", "site,cores\nX,100"),),
    )
    r = replace(r, transactions=r.transactions + (RawTransaction(50, "EmailRecord", T0, "", "", ""),))
    text = public_text(screen_record(r, CONFIG, policy))
    for private in ("requestor@example.org", "watcher@example.org", "INTERNAL ONLY", "budget talk",
                    "very high", "Internal priority", "capacity.csv", "cores"):
        assert private not in text


def test_emails_and_phones_are_redacted_in_place(policy):
    r = record(body="Write to pi@example.org or call +44 20 7946 0958 for details.")
    case = screen_record(r, CONFIG, policy).case
    assert case.description == "Write to [redacted: e-mail] or call [redacted: phone] for details."


def test_marker_withholds_the_whole_message(policy):
    """A marker may point forward, backward or to "the next two paragraphs": the message goes."""
    r = record(body="Public plans.\n\nThe budget is 3 MEUR.\n\n(The paragraph above is confidential.)",
               replies=("A public reply.",))
    case = screen_record(r, CONFIG, policy).case
    assert case.description == WITHHELD_MESSAGE
    assert [m.text for m in case.messages] == ["A public reply."]
    assert "3 MEUR" not in public_text(screen_record(r, CONFIG, policy))


def test_marker_in_the_subject_withholds_the_case(policy):
    outcome = screen_record(record(subject="[VERTRAULICH] BioLab – Kürzung der Mittel"), CONFIG, policy)
    assert outcome.case is None and "subject" in outcome.withheld_reason


def test_findings_in_replies_subject_and_custom_fields(policy):
    r = record(subject="Team of bob@example.org", replies=("Ring 0049 30 1234567 please",),
               custom_fields={"Sites involved": ("SITE-A", "SITE-B admin@example.org")})
    outcome = screen_record(r, CONFIG, policy)
    text = public_text(outcome)
    assert "bob@example.org" not in text and "admin@example.org" not in text and "1234567" not in text
    assert {h.field for h in outcome.hits} == {"subject", "reply"}
    assert outcome.case.sites == ("SITE-A",) and dict(outcome.dropped) == {"custom field Sites involved": 1}


@pytest.mark.parametrize("field, raw", [
    ("Virtual Organisation", "vo.chem.example.eu (confidential: pilot with BigPharma)"),
    ("Virtual Organisation", "vo.eo.example.eu; S3 AKIAQZ7V4M2XK9WBT3HD:_UVLEUx4yWQOhRl4qmdB4aMUIqoOwcff2BRjkw3C"),
    ("Sites involved", "INFN-T1; [internal only] ACME-Pharma private cloud"),
    ("Sites involved", "LRZ-LMU (Tel. 089 555 12 345)"),
    ("Scientific discipline", "Engineering / Civil engineering; CONFIDENTIAL: defence contractor"),
    ("Scientific discipline", "Medical Sciences — REDCap login vo-clin / 8Gz=Wz-=hayb"),
    ("Links to related documents", "https://docs.example.org/d/budget (internal only)"),
    ("Links to related documents", "https://wiki-reader:WyZqyM13B3~m@wiki.example.org/x"),
    ("Links to related documents", "https://cloud.example.eu/s/XkP29fQbNw8?password=vDf2icPb0bqV8kw8"),
    ("Links to related documents", "mailto:helga@dtu.example"),
])
def test_short_values_of_an_unexpected_shape_or_with_a_finding_are_dropped(policy, field, raw):
    """Fail closed: a short value is published whole or not at all, and the drop is counted."""
    outcome = screen_record(record(custom_fields={field: (raw,)}), CONFIG, policy)
    text = public_text(outcome)
    assert raw not in text and not any(len(w) > 6 and w in text for w in raw.split() if "example" not in w)
    assert sum(n for _, n in outcome.dropped) >= 1


@pytest.mark.parametrize("field, value", [
    ("Virtual Organisation", "vo.access.egi.eu"),
    ("Sites involved", "CESNET-MCC; IFCA-LCG2; INFN-CATANIA-STACK"),
    ("Scientific discipline", "Natural Sciences / Earth and related environmental sciences / Oceanography"),
    ("Links to related documents", "https://wiki.example.org/pages/viewpage.action?pageId=123456789"),
])
def test_short_values_of_a_known_shape_are_kept(policy, field, value):
    outcome = screen_record(record(custom_fields={field: (value,)}), CONFIG, policy)
    assert value in public_text(outcome) and not outcome.dropped


@pytest.mark.parametrize("status, owner, published_status, published_owner", [
    ("open", "Giulia Verdi", "open", "Giulia Verdi"),
    ("resolved – temp pw liap^v9#iM", "Giulia Verdi", "", "Giulia Verdi"),
    ("open (confidential: contract terminated)", "Marta Silva (+351 21 555 0123)", "", "agent"),
    ("stalled", "/DC=ch/DC=example/OU=Users/CN=jdoe/CN=John Doe", "stalled", "agent"),
])
def test_rt_status_and_owner_are_published_only_in_their_shape(policy, status, owner, published_status,
                                                                published_owner):
    case = screen_record(record(status=status, owner_real_name=owner), CONFIG, policy).case
    assert (case.rt_status, case.owner) == (published_status, published_owner)


def test_case_withheld_on_request():
    outcome = screen_record(record(id=9), CONFIG, Policy(withheld_cases=frozenset({9})))
    assert outcome.case is None and "on request" in outcome.withheld_reason


def test_policy_can_withhold_the_case_for_a_category():
    policy = Policy(actions={"e-mail": Action.WITHHOLD_CASE}, salt=b"s")
    outcome = screen_record(record(body="mail x@example.org"), CONFIG, policy)
    assert outcome.case is None


def test_accepted_fingerprint_lets_a_reviewed_false_positive_stay():
    body = "Contact desk@example.org for the public helpdesk."
    first = screen_record(record(body=body), CONFIG, Policy(salt=b"s"))
    fingerprint = first.hits[0].fingerprint
    assert body not in first.case.description
    again = screen_record(record(body=body), CONFIG, Policy(salt=b"s", accepted=frozenset({fingerprint})))
    assert again.case.description == body and not again.hits


def test_fingerprints_depend_on_the_salt_and_never_contain_the_text():
    body = "mail x@example.org"
    a = screen_record(record(body=body), CONFIG, Policy(salt=b"one")).hits[0].fingerprint
    b = screen_record(record(body=body), CONFIG, Policy(salt=b"two")).hits[0].fingerprint
    assert a != b and "example" not in a


def test_only_http_links_survive(policy):
    r = record(custom_fields={"Links to related documents": (
        "https://docs.example.org/plan.pdf", "javascript:alert(1)", "ftp://files.example.org/x",
        "data:text/html,hi", "http://wiki.example.org/Case",
    )})
    assert screen_record(r, CONFIG, policy).case.links == (
        "https://docs.example.org/plan.pdf", "http://wiki.example.org/Case")


def test_external_contacts_reduced_to_affiliation_and_role(policy):
    r = record(custom_fields={"External contacts": (
        "Jane Doe <jane@example.org>, University of Example (PI)\nJohn Roe (data manager)",)})
    contacts = screen_record(r, CONFIG, policy).case.external_contacts
    assert [(c.affiliation, c.role) for c in contacts] == [("University of Example", "PI"), ("", "data manager")]
    assert "Jane" not in public_text(screen_record(r, CONFIG, policy))


@pytest.mark.parametrize("entry", [
    "Jiří Dvořák, CESNET (network admin), +420 234 680 222",
    "Prof. Lena Hoffmann, Universität Example (PI), geb. 03.05.1971",
    "Sanne Visser, thuis: Kerkstraat 12, 1017 GA Amsterdam, Universiteit Example (PI)",
    "Kadri Tamm, Tartu Ülikool (PI), IBAN EE38 2200 2210 2014 5685",
    "Ruth Cohen (ruth.cohen at weizmann dot example), Weizmann Institute (PI)",
])
def test_contacts_entries_of_another_shape_are_dropped_and_counted(policy, entry):
    outcome = screen_record(record(custom_fields={"External contacts": (entry,)}), CONFIG, policy)
    assert outcome.case.external_contacts == () and dict(outcome.dropped) == {"external contacts": 1}


def test_contacts_can_be_switched_off(policy):
    r = record(custom_fields={"External contacts": ("Jane Doe, Uni (PI)",)})
    config = replace(CONFIG, publish_contact_affiliations=False)
    assert screen_record(r, config, policy).case.external_contacts == ()


def test_status_history_is_a_dated_timeline(policy):
    r = record(status_changes=(("Pre-assessment", "Assessed"), ("Assessed", "Preparatory"),
                               ("Preparatory", "Test & Integration")),
               custom_fields={"Implementation status": ("Test & Integration",)})
    history = screen_record(r, CONFIG, policy).case.status_history
    assert [(c.from_, c.to) for c in history] == [
        (None, S.PRE_ASSESSMENT), (S.PRE_ASSESSMENT, S.ASSESSED),
        (S.ASSESSED, S.PREPARATORY), (S.PREPARATORY, S.TEST_INTEGRATION)]
    assert [c.date for c in history] == sorted(c.date for c in history)
    assert history[0].date == T0


def test_unknown_status_is_a_warning_not_a_crash(policy):
    outcome = screen_record(record(custom_fields={"Implementation status": ("Someday",)}), CONFIG, policy)
    assert outcome.case.implementation_status is None
    assert any("unknown implementation status" in w for w in outcome.warnings)


def test_html_body_becomes_text(policy):
    r = record()
    r = replace(r, attachments=(RawAttachment(1, 1, "text/html", "",
                                              "<p>Hello <b>world</b></p><script>alert(1)</script><p>Bye</p>"),))
    assert screen_record(r, CONFIG, policy).case.description == "Hello world\n\nBye"


@pytest.mark.parametrize(
    ("html", "description"),
    [
        ('<p>See the <a href="https://docs.example.org/guide">guide</a>, '
         'or ask <a href="mailto:pi@example.org">our PI</a>.</p>',
         "See the guide (https://docs.example.org/guide), or ask our PI ([redacted: e-mail])."),
        # a link whose text is its address is not written twice: the whole address stands for it
        ('<p>The endpoint is <a href="https://api.example.eu/v2/">api.example.eu/v2</a>, '
         'the guide <a href="https://docs.example.org/">here</a>.</p>',
         "The endpoint is https://api.example.eu/v2/, the guide here (https://docs.example.org/)."),
    ],
)
def test_html_links_keep_their_target_which_is_screened_too(policy, html, description):
    r = replace(record(), attachments=(RawAttachment(1, 1, "text/html", "", html),))
    assert screen_record(r, CONFIG, policy).case.description == description


def test_custom_field_names_come_from_the_configuration(policy):
    config = replace(CONFIG, fields={**CONFIG.fields, "disciplines": "Research area"})
    r = record(custom_fields={"Research area": ("Ecology",)})
    assert screen_record(r, config, policy).case.disciplines == ("Ecology",)


def test_context_spanning_paragraphs_is_seen(policy):
    """'my token:' in one paragraph, the token alone in the next (found by the RT corpus test)."""
    body = "Here is my token:\n\n    nRhRs24nRmyqibaXvfbqh5eXvQ2w9ZtL8\n\nThanks"
    case = screen_record(record(body=body), CONFIG, policy).case
    assert "nRhRs24nRmyqibaXvfbqh5eXvQ2w9ZtL8" not in case.description
    assert case.description.startswith("Here is my token:") and case.description.endswith("Thanks")


def test_each_reply_is_labelled_by_side_from_its_rt_creator_never_by_name(policy):
    r = record(replies=("From the team.", "From the requestor.", "From a colleague in Cc.", "From another agent."))
    who = {2: "agent", 3: "Requestor@Example.org", 4: "watcher@example.org", 5: "bruno"}
    r = replace(r, transactions=tuple(replace(t, creator=who.get(t.id, "requestor@example.org"))
                                      for t in r.transactions))
    case = screen_record(r, CONFIG, policy).case
    assert [(m.text, m.side) for m in case.messages] == [
        ("From the team.", "EGI"), ("From the requestor.", "community"), ("From a colleague in Cc.", ""),
        ("From another agent.", "EGI")]
    text = public_text(screen_record(r, CONFIG, policy))
    assert "bruno" not in text and "agent'" not in text and "'side': 'EGI'" in text
