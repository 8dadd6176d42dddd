"""Classes of harmless text the h63 and h64 corpora saw cut: a job range written with the Dutch
't/m', a second serial number told after a replacement, a CA's DN named by its protocol or
algorithm, an SSH public key handed over, labelled links in a list, a negated marker word before
a dash, a token never to be shared, payment data kept out of the ticket, and a secret value named
as what not to put in the ticket. The examples are new, in other words than the corpora's."""

from __future__ import annotations

import pytest
from support.findings import found, kept_text

from generator.screening import fields


@pytest.mark.parametrize(
    ("text", "kept"),
    [("Ik heb de runs 5520110 t/m 5520188 opnieuw ingestuurd.", "5520110 t/m 5520188"),
     ("De tickets 3301977 t/m 3302015 zijn gesloten, de rest volgt.", "3301977 t/m 3302015")],
)
def test_a_range_of_ids_with_t_m_is_kept(text, kept):
    assert kept in kept_text(text)


def test_a_phone_after_a_t_m_label_with_a_colon_still_goes():
    assert "0612345678" not in kept_text("T/M: 0612345678")


@pytest.mark.parametrize(
    ("text", "kept"),
    [("Die alte Platte hatte die Seriennummer WX41A0C9, die neue hat WX41B7D2 und läuft.", "WX41B7D2"),
     ("Le disque (numéro de série 9RK2P4XQ) a été remplacé par 9RK7M1ZT hier.", "9RK7M1ZT")],
)
def test_a_second_serial_number_of_the_same_shape_is_kept(text, kept):
    assert kept in kept_text(text)


def test_a_password_after_a_serial_still_goes():
    text = "The disk with serial ZL2B7H4Q was replaced. Use XK9QZ7M2 to log in."
    assert "XK9QZ7M2" not in kept_text(text)


@pytest.mark.parametrize(
    "text",
    ["issuer=C=US, O=DigiCert Inc, CN=DigiCert Global G2 TLS RSA SHA256 2020",
     "Aussteller: C=DE, O=Beispiel Vertrauensdienste GmbH, CN=Beispiel ECC Server 2"],
)
def test_a_ca_dn_named_by_its_protocol_or_algorithm_is_kept(text):
    assert found(text, "personal") == []


def test_a_persons_subject_dn_still_goes():
    assert found("subject=C=NL, O=Nikhef, CN=Jan de Vries", "personal")


@pytest.mark.parametrize(
    "text",
    ["Voilà la voici : ecdsa-sha2-nistp256 AAAAE2VjZHNhLXNoYTItbmlzdHAyNTYAAAAIbmlzdHAyNTYAAABBBKx2 jdupont@poste12",
     "Here it is:\nssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHq4k2m9ZpL0sV7x3cN8bR1tW6yJ5eF2gD4hK7uO9iQz a.rossi@nb-lab"],
)
def test_an_ssh_public_key_handed_over_is_kept(text):
    assert found(text, "credential") == []


def test_a_password_handed_over_still_goes():
    assert "Hunter-Moose-77" not in kept_text("Here it is:\nHunter-Moose-77")


@pytest.mark.parametrize(
    "value",
    ["https://wiki.egi.eu/wiki/Main_Page ; Folien: https://indico.egi.eu/event/7001/contributions/20111/attachments/13002/16001/talk.pdf",
     "https://docs.egi.eu/ | diapositive del corso: https://indico.egi.eu/event/7002/attachments/13003/16002/corso.pdf"],
)
def test_labelled_links_in_a_list_are_links(value):
    assert all(fields.link(c) for c in fields.link_candidates(value))


def test_a_link_with_a_signature_still_goes():
    url = "https://bucket.s3.amazonaws.com/report.pdf?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Signature=3f9a1b2c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f80"
    assert found(url, "credential")


@pytest.mark.parametrize(
    "text",
    ["Rapporten er ikke fortrolig - del den gjerne med alle sites. Den ligger som dokument 4410.",
     "Planen är inte konfidentiell – dela den gärna med VO-cheferna."],
)
def test_a_negated_marker_word_before_a_dash_is_no_marking(text):
    assert found(text, "marker") == []


def test_a_marker_word_with_a_dash_still_marks():
    assert found("Dokumentet er fortroligt – del det ikke med nogen.", "marker")


@pytest.mark.parametrize(
    "text",
    ["Tokenınızı asla e-posta ya da bilet yoluyla kimseyle paylaşmayın.",
     "API tokenlerinizi asla sohbet, e-posta ya da bilet üzerinden paylaşmayın."],
)
def test_a_token_never_to_be_shared_is_advice(text):
    assert found(text, "marker") == []


@pytest.mark.parametrize(
    "text",
    ["Please do not post bank details or card numbers here in the ticket – it is public.",
     "Bitte keine IBAN oder Kartennummern hier ins Ticket kopieren – das Ticket ist öffentlich."],
)
def test_payment_data_kept_out_of_the_ticket_is_advice(text):
    assert found(text, "marker") == []


@pytest.mark.parametrize(
    "text",
    ["A titkos kulcsot soha ne tedd a ticketbe, csak a fájl szerkezetét.",
     "A titkos értéket ne küldd el a ticketben."],
)
def test_a_secret_value_named_as_kept_out_of_the_ticket_is_advice(text):
    assert found(text, "marker") == []


def test_a_text_said_to_be_confidential_and_kept_out_of_the_ticket_still_marks():
    assert found("Lo que sigue es confidencial y no debe constar en el ticket: el IAC se retira.", "marker")
