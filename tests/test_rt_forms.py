"""REST 1.0's text forms, as RT 5.0.3 writes them (excerpts of real answers), parsed exactly."""

import pytest

from generator.rt.http import FetchError
from generator.rt.rest1 import parse_documents, split_values, sql_time, ticket_time

SEARCH = """RT/5.0.3+dfsg-3~deb12u6 200 Ok

id: ticket/1
Queue: technical-support-cases
Owner: alice
Subject: SKA
Requestors: pi@ska.example.org
Cc: observer@ska.example.org,
    second@ska.example.org
Created: Fri Nov 27 19:53:40 2026
Resolved: Not set
CF.{Scientific discipline}: Astronomy and astrophysics,Physics
CF.{Sites involved}: CSC,'UiT, Tromsø',Site "quoted",'it\\'s, odd'

CF.{External contacts}: === Contacts ===
    * Ingrid (project lead)
        indented by four more
    
    * [[https://eiscat.example.org|EISCAT]]

CF.{Links to related documents}: 

--

id: ticket/2
Subject: LOFAR
CF.{Sites involved}: 

"""

# A `show` of two tickets' history: one document per ticket, then the missing one's comment.
SHOW = """RT/5.0.3+dfsg-3~deb12u6 200 Ok

# 1/17 (id/42/total)

id: 42
Ticket: 1
Type: Create
Attachments: 
             1: untitled (36b)


--

# 1/17 (id/55/total)

id: 55
Ticket: 1
Type: Comment

RT/5.0.3+dfsg-3~deb12u6 200 Ok

# 1/3 (id/64/total)

id: 64
Ticket: 2
Type: Create
Content: first line
         
           indented line
         last line

RT/5.0.3+dfsg-3~deb12u6 200 Ok

# Ticket 77 does not exist.

"""


def test_a_search_answer_gives_one_form_per_ticket_with_exact_values():
    (doc,) = parse_documents(SEARCH, "GET search")
    one, two = (form.fields for form in doc.forms)
    assert one["id"] == "ticket/1" and two["id"] == "ticket/2"
    assert one["Cc"] == "observer@ska.example.org,\nsecond@ska.example.org"
    assert one["CF.{External contacts}"] == (
        "=== Contacts ===\n* Ingrid (project lead)\n    indented by four more\n\n* [[https://eiscat.example.org|EISCAT]]"
    )
    assert one["CF.{Links to related documents}"] == "" and two["CF.{Sites involved}"] == ""


def test_multi_values_are_split_on_commas_and_unquoted_only_where_rt_quoted():
    (doc,) = parse_documents(SEARCH, "GET search")
    fields = doc.forms[0].fields
    assert split_values(fields["CF.{Scientific discipline}"]) == ["Astronomy and astrophysics", "Physics"]
    assert split_values(fields["CF.{Sites involved}"]) == ["CSC", "UiT, Tromsø", 'Site "quoted"', "it's, odd"]
    assert split_values("'quoted without comma'") == ["'quoted without comma'"]
    assert split_values("") == []


def test_show_nests_one_document_per_object_and_says_which_tickets_are_missing():
    docs = parse_documents(SHOW, "POST show")
    assert [len(d.forms) for d in docs] == [2, 1, 1]
    create = docs[0].forms[0]
    assert create.comments == ["# 1/17 (id/42/total)"]
    assert create.fields["Attachments"] == "\n1: untitled (36b)"
    assert docs[1].forms[0].fields["Content"] == "first line\n\n  indented line\nlast line"
    assert docs[2].forms[0].comments == ["# Ticket 77 does not exist."] and not docs[2].forms[0].fields


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("RT/5.0.3 401 Credentials required\n", "refused the credentials"),
        ("<!DOCTYPE html><html><title>Login</title></html>", "not a REST 1.0 answer"),
        ("RT/5.0.3 400 Bad Request\n\nInvalid query\n", "400 Bad Request"),
        ("", "empty answer"),
    ],
)
def test_answers_that_are_not_good_rest1_are_one_line_errors(text, message):
    with pytest.raises(FetchError, match=message) as caught:
        parse_documents(text, "GET search")
    assert "\n" not in str(caught.value)


def test_dates():
    assert ticket_time("Fri Nov 27 19:53:40 2026") == "2026-11-27T19:53:40Z"
    assert ticket_time("Sun Nov  1 09:03:04 2026") == "2026-11-01T09:03:04Z"
    assert ticket_time("Not set") == "1970-01-01T00:00:00Z"
    assert sql_time("2026-11-27 19:53:42") == "2026-11-27T19:53:42Z"
    with pytest.raises(FetchError, match="cannot read"):
        ticket_time("vendredi 27 novembre")
