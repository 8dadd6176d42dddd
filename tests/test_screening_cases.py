"""The field allowlist and the policy, on one ticket at a time."""

from dataclasses import replace

from generator.config import Config
from generator.model import ImplementationStatus as S
from generator.model import RawAttachment, RawTransaction
from generator.screening.cases import screen_record
from generator.screening.policy import WITHHELD_PARAGRAPH, Action, Policy
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


def test_marker_withholds_the_whole_paragraph(policy):
    r = record(body="Public plans.\n\nConfidential: the budget is 3 MEUR.\n\nMore public text.")
    case = screen_record(r, CONFIG, policy).case
    assert case.description == f"Public plans.\n\n{WITHHELD_PARAGRAPH}\n\nMore public text."
    assert "3 MEUR" not in public_text(screen_record(r, CONFIG, policy))


def test_findings_in_replies_subject_and_custom_fields(policy):
    r = record(subject="Team of bob@example.org", replies=("Ring 0049 30 1234567 please",),
               custom_fields={"Sites involved": ("SITE-A", "admin@example.org")})
    outcome = screen_record(r, CONFIG, policy)
    text = public_text(outcome)
    assert "bob@example.org" not in text and "admin@example.org" not in text and "1234567" not in text
    assert {h.field for h in outcome.hits} == {"subject", "reply", "custom field Sites involved"}


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
