"""Classes of text a held-out corpus of HTML mail (holdout 26, "as mail clients really send it",
measured before these rules existed) showed: a phone word in an Icelandic case, a Romanian
one-time code, an address whose town stands on the next line of a signature, a Slovak "address of
residence", a street with no street word that a flat's number after its town makes a home, and the harmless text beside them (a rule about personal data named as a kind, a link
with a note in brackets). The examples are new, in other words and languages than the corpus's."""

from __future__ import annotations

import pytest

from generator.config import Config
from generator.screening.cases import screen_record
from support.findings import found
from support.records import record

CONFIG = Config()


@pytest.mark.parametrize(
    ("text", "value", "category"),
    [
        ("Náðu í mig í síma 771 2093 eftir hádegi.", "771 2093", "phone"),
        ("Vă rog, codul de unică folosință este: 48 20 91", "48 20 91", "credential"),
        ("Mit freundlichen Grüßen\nJonas Weber\nLindenstraße 7\n10115 Berlin", "10115 Berlin", "personal"),
        ("Srdečne, miesto bydliska: Nová 12, 949 01 Nitra", "Nová 12", "personal"),
        ("Pošlete to prosím na Dlouhá 5, 602 00 Brno, byt 12, děkuji.", "Dlouhá 5", "personal"),
        ("Mandem para Rua das Flores 9, 4050-262 Porto, apt. 3", "Rua das Flores 9", "personal"),
    ],
)
def test_mail_written_personal_data_is_found(text, value, category):
    assert any(value in s for s in found(text, category))


def test_an_institute_address_with_a_room_is_no_home():
    assert found("The institute, Na Slovance 2, 182 21 Praha 8, room 7.", "personal") == []


@pytest.mark.parametrize(
    "text",
    [
        "Wir dürfen keine personenbezogenen Daten in Tickets veröffentlichen; bitte das Funktionspostfach nutzen.",
        "Please do not share phone numbers in this ticket, use the site's role mailbox.",
    ],
)
def test_a_rule_about_a_kind_of_personal_data_is_no_marker(text):
    assert found(text, "marker") == []


def test_a_link_with_a_note_in_brackets_is_published_without_the_note(policy):
    r = record(custom_fields={"Links to related documents": (
        "https://doi.org/10.5281/zenodo.1234567 (Datensatz); https://docs.example.org/guide (user guide)",)})
    assert screen_record(r, CONFIG, policy).case.links == (
        "https://doi.org/10.5281/zenodo.1234567", "https://docs.example.org/guide")


def test_a_note_with_a_finding_drops_the_whole_links_value(policy):
    r = record(custom_fields={"Links to related documents": ("https://docs.example.org/plan (internal only)",)})
    outcome = screen_record(r, CONFIG, policy)
    assert outcome.case.links == () and dict(outcome.dropped) == {"links": 1}
