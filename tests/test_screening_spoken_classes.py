"""Classes of spoken, dictated and transcribed text (holdout 47, measured before these rules
existed: 65.4% of its planted items kept out): minutes and calls where something is said "off the
record" in the speaker's own words, and values read out in words. The examples are new, in other
words than the corpus's."""

from __future__ import annotations

import pytest
from support.findings import found, kept_text


@pytest.mark.parametrize(
    "text",
    [
        "[00:12:40] Dr. Weiss: Das Nächste bitte nicht ins Protokoll: die Förderung wird gekürzt.",
        "Fuori verbale, il direttore lascerà l'istituto a giugno.",
        "Ing. Svoboda: Prosím tohle nezapisujte, nedávejte do zápisu: rozpočet se krátí.",
        "Jan: Dit even tussen ons en niet voor de notulen: de subsidie stopt.",
        "ok snabbt punkt detta får inte hamna i protokollet kolon avdelningen läggs ner",
        "Όχι για τα πρακτικά - εκτός καταγραφής: η χρηματοδότηση κόβεται.",
    ],
)
def test_off_the_record_in_the_speakers_words_is_a_marker(text):
    assert found(text, "marker")


@pytest.mark.parametrize(
    "text",
    [
        "The fix is not in the ticket: see the wiki instead.",
        "Das steht nicht im Ticket: wir haben es gestern gelöscht.",
        "Punkt 5: das Protokoll der letzten Sitzung wurde angenommen.",
    ],
)
def test_what_the_ticket_lacks_is_no_marker(text):
    assert found(text, "marker") == []
