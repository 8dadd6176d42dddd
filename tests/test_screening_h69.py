"""Harmless text two outside corpora (h69: things pasted into mail; h70: a plain sample of a
queue's year) lost at their first measure, as classes: an address's domain run on into the
next sentence's first word; a desk's mailbox named by the word before "office"; a PuTTY key
file cut before its private part; a hardware token's order number; a refund's reference
numbered in its year. Each with the confidential look-alike that must still go."""

from __future__ import annotations

import pytest
from support.findings import found, kept_text


@pytest.mark.parametrize(
    ("text", "address"),
    [
        ("Scrivimi pure a giulia.ferri@libero.it. Grazie mille!", "giulia.ferri@libero.it"),
        ("Mijn oude adres was p.jansen@ziggo.nl. Dat bestaat niet meer.", "p.jansen@ziggo.nl"),
    ],
)
def test_an_address_ends_before_the_next_sentence(text, address):
    assert [f for f in found(text, "e-mail")] == [address]
    assert text.split(address)[1].strip(". ") in kept_text(text)


def test_an_address_spaced_after_its_dot_in_lower_case_still_goes_whole():
    assert found("schreib an jan.novak@cesnet. cz bitte", "e-mail") == ["jan.novak@cesnet. cz"]


@pytest.mark.parametrize(
    ("text", "keep"),
    [
        ("Visa letters are handled by the conference office: conference@egi.eu. Passports never by mail.",
         "conference@egi.eu"),
        ("Le rimborsi li segue la travel office, travel@infn.it, non io.", "travel@infn.it"),
    ],
)
def test_a_mailbox_named_by_the_word_before_office_stays(text, keep):
    assert keep in kept_text(text)


def test_a_person_in_her_office_is_no_office_name():
    assert found("ask marta in her office: marta@cern.ch", "e-mail") == ["marta@cern.ch"]


def test_a_putty_file_cut_before_its_private_part_leaves_the_message_after_it():
    text = ("<pre>PuTTY-User-Key-File-3: ssh-ed25519\nComment: laptop-2025\nPublic-Lines: 2\n"
            "[removed by the helpdesk]</pre><div>Please make a new key pair.</div>")
    kept = kept_text(text)
    assert "[removed by the helpdesk]" in kept and "Please make a new key pair." in kept


def test_a_putty_file_with_its_private_lines_goes_whole():
    text = ("PuTTY-User-Key-File-2: ssh-rsa\nEncryption: none\nComment: k\nPublic-Lines: 1\n"
            "AAAAB3NzaC1yc2EAAAADAQABAAABAQC5Wq0hQ2dWm3fJ9kCq3nH8vP2\nPrivate-Lines: 1\n"
            "AAAAIFQ3b2hJk0lB3mN8sTqYhPz1uW5vX2cR9kAq8dF7eG3h\nthanks")
    assert "AAAAIFQ3b2hJk0lB3mN8sTqYhPz1uW5vX2cR9kAq8dF7eG3h" not in kept_text(text)


@pytest.mark.parametrize(
    ("text", "keep"),
    [
        ("The token order number is <b>HW-2024-0318</b>; it ships this week.", "HW-2024-0318"),
        ("Die Token-Bestellnummer lautet TK-2025-0042, Lieferung nächste Woche.", "TK-2025-0042"),
        ("Numer zamówienia tokenów: ZAM-2025-117, kurier w piątek.", "ZAM-2025-117"),
    ],
)
def test_a_tokens_order_number_stays(text, keep):
    assert keep in kept_text(text)


def test_a_token_value_after_the_word_still_goes():
    assert "9f8Kq2LmX7wPcN1sVd8RfJ0e" not in kept_text("your new token is 9f8Kq2LmX7wPcN1sVd8RfJ0e")


@pytest.mark.parametrize(
    ("text", "keep"),
    [
        ("Die Erstattung über 286,40 EUR wurde angewiesen, Buchungsreferenz RK-2024-0712.", "RK-2024-0712"),
        ("Le remboursement est parti, numéro de réservation interne DEP-2025-0311.", "DEP-2025-0311"),
    ],
)
def test_a_reference_numbered_in_its_year_stays(text, keep):
    assert keep in kept_text(text)


def test_a_booking_code_still_goes():
    assert "XKQ7T2" not in kept_text("Booking reference: XKQ7T2, surname Novak.")
