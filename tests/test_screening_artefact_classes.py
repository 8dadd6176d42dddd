"""Classes of text a held-out corpus of pasted artefacts (holdout 30: logs, configs, shell sessions,
forwarded mails, chat transcripts; measured before these rules existed) showed. Leaked: a login
and its password before a host where the scheme is mistyped ("postgresql+psycopg2//", "mongodb:/")
or missing; a one-time code said with the Greek or Cyrillic word for "code" after an SMS; a home
address given as the "new address" one moves to. Lost: a program's exit or status code read as a
password; a secret shown masked ("ghp_****...9uK"); a host's name in a certificate's DN read as a
random string; a mail server's queue id; an ARC job's address; a list of proxies joined by '|';
a robot certificate's DN; "passwords do not belong in the ticket" read as a marker; a site's
services and ports in brackets; an HTCondor slot read as an e-mail address. The examples are new,
in other words than the corpus's."""

from __future__ import annotations

import pytest

from generator.screening.fields import site_names
from support.findings import found


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("sqlalchemy: Could not parse URL 'mysql+pymysql//svc_ro:Tr0ub4dor&3@db01.example.org/inventory'",
         "Tr0ub4dor&3"),
        ("ConnectionError: redis:/cache:Qx9!pLm2@redis01.example.eu:6379 refused", "Qx9!pLm2"),
        ("Nella configurazione c'è ancora ingest:V3rde-Mela7@mq.infn.example.it:5671", "V3rde-Mela7"),
    ],
)
def test_a_login_and_password_before_a_host_without_a_wellformed_scheme(text, secret):
    assert any(secret in s for s in found(text, "credential"))


@pytest.mark.parametrize(
    "text",
    [
        "Write to mailto:helpdesk@example.org or clone git@github.com:vo/tools.git",
        "connect as user:<password>@db.example.org or user:${DB_PASS}@db.example.org",
        "Error from slot2@wn01.example.org at 10:03, retried",
    ],
)
def test_a_scheme_a_placeholder_or_a_remote_is_no_login(text):
    assert found(text, "credential") == []


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Ήρθε SMS με τον κωδικό 739201 αλλά απορρίφθηκε", "739201"),
        ("Получил смс, код 552817, но портал пишет invalid", "552817"),
        ("Дойде ми съобщение с код 604113 за вход", "604113"),
    ],
)
def test_a_code_word_in_greek_or_cyrillic_after_a_text_message(text, code):
    assert code in found(text, "credential")


def test_a_code_word_with_no_message_is_an_error_number():
    assert found("В логе код ошибки 1045 при подключении к MySQL", "credential") == []


@pytest.mark.parametrize(
    ("text", "address"),
    [
        ("Moving next month, my new address: 7 Harcourt Terrace, Dublin 2, D02 K3X8", "7 Harcourt Terrace"),
        ("Nouvelle adresse : 8 rue Victor Hugo, 33000 Bordeaux (à partir du 1er)", "8 rue Victor Hugo"),
        ("Bitte an die neue Anschrift schicken: Bergstraße 5, 10115 Berlin", "Bergstraße 5"),
    ],
)
def test_the_address_one_moves_to_is_a_home_address(text, address):
    assert any(address in s for s in found(text, "personal"))


@pytest.mark.parametrize(
    "text",
    [
        "The new address of the institute is Via Irnerio 46, 40126 Bologna.",
        "new address of the repository: https://git.example.org/vo/tools since 3 March, 2025",
    ],
)
def test_an_organisation_or_a_service_that_moved_keeps_its_address(text):
    assert found(text, "personal") == []


@pytest.mark.parametrize(
    "text",
    ["$ echo $?\nReturn code: 2", "curl says HTTP code: 502 after 30 s", "Exit code: 137 (OOM killed)",
     "Windows error code: 0x80070005"],
)
def test_an_exit_or_status_code_is_no_password(text):
    assert found(text, "credential") == []


def test_a_made_up_value_after_code_still_is():
    assert "Xq!82mzP" in found("the code: Xq!82mzP", "credential")


@pytest.mark.parametrize(
    "text",
    [
        "The old token shows as glpat-********************Xz1 in the UI and was revoked.",
        "Stored key: sk-••••••••••••3f2a (rotated yesterday)",
        "AWS console lists AKIA************MPLE as inactive",
    ],
)
def test_a_masked_secret_is_kept(text):
    assert found(text, "credential") == []


def test_a_secret_with_only_a_few_characters_masked_is_not_masked():
    assert found("token: ghp_****Xk29Lq8PzT4nW0rY6mB3vJ7c", "credential")


@pytest.mark.parametrize(
    "text",
    [
        "handshake failed: /DC=eu/DC=example/O=GRNET/CN=ce01.grid.example.gr expired",
        "postfix: 250 2.0.0 Ok: queued as 3kTz9QmWp2L",
        "upstream error, trace id 7Gk2mQ9xLp3zW8rT",
        "jobid: https://ce.example.org:443/arex/Zq8mT2nK9bL4rW1pX5yC",
        'CVMFS_HTTP_PROXY="http://squid1.example.cz:3128|http://squid2.example.cz:3128;DIRECT"',
    ],
)
def test_ids_and_hosts_in_logs_are_kept(text):
    assert found(text, "credential") == []


def test_a_random_value_in_a_path_part_is_still_a_secret():
    assert "Xq7nT2mK9bL4rW1pZ8yC5cF3k" in found("/etc/grid/CN=Xq7nT2mK9bL4rW1pZ8yC5cF3k", "credential")


def test_a_robot_certificate_is_no_person():
    dn = "/DC=ch/DC=example/OU=Users/CN=lhcbprod/CN=712004/CN=Robot: LHCb Production"
    assert found(f"submitted with {dn}", "personal") == []


def test_a_person_certificate_with_an_account_number_still_is():
    assert found("/DC=ch/DC=example/OU=Users/CN=mrossi/CN=712004/CN=Mario Rossi", "personal")


@pytest.mark.parametrize(
    "text",
    [
        "Zugangsdaten und Tokens gehören nicht ins Ticket, bitte telefonisch klären.",
        "Don't post your token in the ticket; use the vault.",
    ],
)
def test_advice_about_what_stays_out_of_the_ticket_is_no_marker(text):
    assert found(text, "marker") == []


def test_keeping_something_out_of_the_ticket_still_marks_it():
    assert found("Bitte nicht ins Ticket: the VPN gateway still accepts the old key.", "marker")


def test_a_site_with_its_services_ports():
    assert site_names("GRIF-LLR (xrootd 1094, webdav 443)") == "GRIF-LLR (xrootd 1094, webdav 443)"
    assert site_names("GRIF-LLR (Marie Curie 2811)") is None


def test_a_batch_slot_is_no_mailbox_and_a_person_still_is():
    assert found("Hold reason: Error from slot12_1@wn-07.example.org: SHADOW failed", "e-mail") == []
    assert found("Write to jan.novak@example.org", "e-mail")
