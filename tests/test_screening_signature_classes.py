"""Classes of text a held-out corpus of the mail around a case (holdout 32: signatures,
auto-replies, notifications, invitations; measured before these rules existed) showed. Leaked:
casual markers that say where a text must not go ("not for the ticket", "not for the public") or
to whom it is kept ("only us", "between you and me") in languages whose phrases no list had, and
a one-time code after a Turkish code word with its possessive ending. Lost: a mail footer's
notice to "the recipient" read as a marking; "entre nous deux sites" read as "between us"; a
research facility's address in a signature; a site with its town and machine room in brackets;
a run's number whose digits pass a national id's check (in a search token it even quarantined
its case). The examples are new, in other words than the corpus's."""

from __future__ import annotations

import json

import pytest
from support.findings import found

from generator.audit.gate import audit_site
from generator.screening import fields
from generator.site.search import code


@pytest.mark.parametrize(
    ("text", "marked"),
    [
        ("Nu pentru tichet: parola contului de serviciu a fost schimbată ieri.", "Nu pentru tichet"),
        ("Ikke for saken: brukeren har delt kontoen sin med en student.", "Ikke for saken"),
        ("Ikke til ticketen – vi mistet backupen i mars.", "Ikke til ticketen"),
        ("Не за тикет: налогът на администратора беше компрометиран.", "Не за тикет"),
        ("À ne pas mettre dans le ticket : le serveur a été piraté.", "À ne pas mettre dans le ticket"),
        ("- Nie do zgłoszenia: konto było współdzielone.", "Nie do zgłoszenia"),
        ("Ei julkiseksi: palvelin kaatui urakoitsijan virheeseen.", "Ei julkiseksi"),
        ("(Nicht für die Öffentlichkeit: das Budget ist aufgebraucht.)", "Nicht für die Öffentlichkeit"),
    ],
)
def test_not_for_the_ticket_or_the_public_heading_a_line_marks_it(text, marked):
    assert any(marked in f for f in found(text, "marker"))


@pytest.mark.parametrize(
    "text",
    [
        "No ticket: please open one in the helpdesk first.",
        "The minutes are not in the ticket: see the wiki page.",
        "Not in our case: the job failed for another reason.",
        "We did not find a ticket for it, so I opened GGUS 165432 for the public record.",
    ],
)
def test_a_ticket_or_the_public_in_prose_is_no_marker(text):
    assert found(text, "marker") == []


@pytest.mark.parametrize(
    ("text", "marked"),
    [
        ("Tikai mums: serverī palika nešifrētas kopijas.", "Tikai mums"),
        ("Nur für uns: der Vertrag wurde nicht verlängert.", "Nur für uns"),
        ("(solo per noi) il contratto non è stato rinnovato.", "solo per noi"),
        ("Idir tusa agus mise: níl aon airgead fágtha.", "Idir tusa agus mise"),
        ("Entre toi et moi, le contrat n'a pas été renouvelé.", "Entre toi et moi"),
        ("Mellem dig og mig: kontrakten er ikke fornyet.", "Mellem dig og mig"),
    ],
)
def test_only_us_and_between_you_and_me_mark_the_rest(text, marked):
    assert any(marked in f for f in found(text, "marker"))


@pytest.mark.parametrize(
    "text",
    [
        "Entre nous deux sites, la latence est de 12 ms.",
        "Between us two sites the link runs at 10 Gbit/s.",
        "Only us-east-1 and eu-west-1 regions are affected.",
    ],
)
def test_a_relation_between_two_sites_is_no_marker(text):
    assert found(text, "marker") == []


def test_between_us_two_alone_still_marks():
    assert found("Entre nous deux : le compte est partagé.", "marker")


@pytest.mark.parametrize(
    "text",
    [
        "Dieses E-Mail ist vertraulich und ausschließlich für den Empfänger bestimmt.",
        "Este mensaje es confidencial y está dirigido únicamente a su destinatario.",
        "Ta wiadomość jest poufna i przeznaczona wyłącznie dla adresata.",
        "Tämä viesti on luottamuksellinen ja tarkoitettu vain vastaanottajalle.",
    ],
)
def test_a_mail_footers_notice_to_the_recipient_is_no_marker(text):
    assert found(text, "marker") == []


def test_a_marking_before_a_colon_is_one_even_with_a_recipient_after():
    text = "This message is confidential: the service password changed, tell only the recipient."
    assert "confidential" in found(text, "marker")


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Tek kullanımlık doğrulama kodunuz: 583 912", "583 912"),
        ("Güvenlik kodunuz 448120, kimseyle paylaşmayın.", "448120"),
    ],
)
def test_a_code_after_a_turkish_code_word_with_its_ending_is_a_secret(text, code):
    assert code in found(text, "credential")


@pytest.mark.parametrize(
    ("text", "address"),
    [
        ("Viele Grüße\nKai Berger\nDeutsches Elektronen-Synchrotron DESY\nPlatanenallee 6, 15738 Zeuthen",
         "Platanenallee 6, 15738 Zeuthen"),
        ("Cordialement\nLéa Martin\nSynchrotron SOLEIL\nL'Orme des Merisiers, 91190 Saint-Aubin",
         "91190 Saint-Aubin"),
    ],
)
def test_a_research_facilitys_address_in_a_signature_is_kept(text, address):
    assert not any(address in f or f in address for f in found(text, "personal"))


def test_a_home_address_after_a_name_in_a_signature_is_still_one():
    text = "Viele Grüße\nKai Berger\nprivat: Lindenstraße 12, 15738 Zeuthen"
    assert found(text, "personal")


@pytest.mark.parametrize(
    ("value", "site"),
    [
        ("INFN-CNAF (Bologna, sala macchine 2)", "INFN-CNAF (Bologna, sala macchine 2)"),
        ("DESY-HH (Hamburg, Gebäude 99)", "DESY-HH (Hamburg, Gebäude 99)"),
    ],
)
def test_a_site_with_its_town_and_room_is_kept(value, site):
    assert fields.site_names(value) == site


@pytest.mark.parametrize("value", ["INFN-CNAF (Bologna, Anna Rossi)", "DESY-HH (Hamburg, Kai Berger)"])
def test_a_site_with_a_person_in_brackets_is_dropped(value):
    assert fields.site_names(value) is None


@pytest.mark.parametrize(
    "text",
    [
        "The workflow run 9412233802 finished in 14 minutes.",
        "Pipeline #8811225419 passed on the second attempt.",
        "job id: 9206143389 (retried)",
    ],
)
def test_a_runs_or_a_jobs_number_is_no_persons_id(text):
    assert found(text, "personal") == []


def test_a_personal_number_is_still_one():
    assert found("Mitt personnummer är 9412233802, ring mig.", "personal")


def test_a_bare_number_in_the_search_index_quarantines_nothing(tmp_path):
    """The number's page is read with its sentence; its search token, alone, says nothing."""
    (tmp_path / "search" / "t").mkdir(parents=True)
    (tmp_path / "index.html").write_text("<p>run 9412233802</p>")
    (tmp_path / "search" / "t" / "x.json").write_text(json.dumps([code("9412233802"), [0, 1]]))
    assert audit_site(tmp_path) == []
    (tmp_path / "search" / "t" / "x.json").write_text(json.dumps([code("12345678z"), [0, 1]]))
    assert {f.rule for f in audit_site(tmp_path)} == {"personal.national-id"}  # a Spanish DNI's shape


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("Parimat,\nMari Tamm | Tartu Observatoorium | 5698 2214", "5698 2214"),
        ("Med venlig hilsen\nJens Holm · DTU Fysik · 2814 5530", "2814 5530"),
        ("Saludos\nLucía Ferrer Gil | IFIC | 963 5432", "963 5432"),
    ],
)
def test_a_number_alone_in_a_signature_line_after_a_name_is_a_phone(text, number):
    assert any(number in f for f in found(text, "phone"))


@pytest.mark.parametrize(
    "text",
    [
        "| node01 | 5698 2214 | ok |",
        "Release 5.2 | build 2026 1130 | stable",
        "ALICE | run 2214 5698 | 13.6 TeV",
    ],
)
def test_a_table_row_or_a_line_headed_by_no_name_keeps_its_numbers(text):
    assert not found(text, "phone")
