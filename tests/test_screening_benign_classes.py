"""Harmless text the screening cut (holdouts 50 and 51, benign side), as classes: a marker word
negated by a "nothing" subject, quoted as a phrase, answered "none" by its form, or after "no need";
a compound with a marker code ("Co-PI"); "keys" kept out of the ticket as advice; a form published
for its respondents; a version's prefix before an API's kind; a billing desk's mailbox; a registry's
protocol number; a VO with its group or a note of several words; a note inside a list of sites. Each
class has its secret-bearing neighbour, still cut. The examples are new, in other words than the
corpora's."""

from __future__ import annotations

import pytest
from support.findings import found, kept_text

from generator.screening import fields

# --- markers: negated, quoted, answered "none", not needed --------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "For the record: nothing in this application is confidential, the plan is on the project site.",
        "Zur Klarstellung: nichts in diesem Antrag ist vertraulich, die Daten sind offen.",
        "Ter info: niets in deze aanvraag is vertrouwelijk, alles staat al op de wiki.",
        "Para que conste: nada de esto es confidencial, los datos son abiertos.",
    ],
)
def test_a_nothing_subject_before_a_copula_negates_the_marker(text):
    assert found(text, "marker") == []


def test_a_nothing_subject_with_a_contrast_still_marks():
    assert found("Nothing changed on the portal but the list below is confidential.", "marker")
    assert found("None of it except the account list is confidential.", "marker")


@pytest.mark.parametrize(
    "text",
    [
        'In the "confidential data" field of the form we ticked no, the results are public.',
        "Dans la case « données confidentielles » du formulaire, nous avons coché non.",
    ],
)
def test_a_marker_phrase_quoted_whole_inside_a_sentence_is_mentioned(text):
    assert found(text, "marker") == []


def test_a_quoted_marker_phrase_heading_its_line_still_marks():
    assert found('"Confidential information" follows: the site admin rota.', "marker")


@pytest.mark.parametrize(
    "text",
    [
        "Projektantrag\nVertrauliche Angaben: keine, der Arbeitsplan ist veröffentlicht.",
        "Demande de ressources\nEmbargo : aucun.\nLicence : CC BY 4.0",
        "Wniosek\nInformacje poufne: brak\nOkres: 12 miesięcy",
    ],
)
def test_a_marker_label_answered_none_is_a_form_answer(text):
    assert found(text, "marker") == []


def test_a_marker_label_with_a_value_still_marks():
    assert found("Vertrauliche Angaben: der Zugang zum Server steht unten.", "marker")
    assert found("CONFIDENTIAL: no sharing outside the consortium.", "marker")


@pytest.mark.parametrize(
    "text",
    [
        "I dati sono pubblici, quindi non serve un canale riservato.",
        "The archive is open, so there is no need to keep it internal only.",
    ],
)
def test_a_marker_after_no_need_in_its_clause_says_it_is_not_one(text):
    assert found(text, "marker") == []


def test_a_marker_in_position_alone_still_marks():
    assert found("Ecco il verbale, riservato.", "marker")


@pytest.mark.parametrize("text", ["Co-PI: Prof. Ana Lopes, Universidade do Porto", "Co-Investigator: Dr. Jan Horak"])
def test_a_marker_code_joined_to_a_word_is_no_heading(text):
    assert found(text, "marker") == []


def test_a_marker_code_heading_its_line_still_marks():
    assert found("CO: the deliverable draft follows.", "marker")


@pytest.mark.parametrize(
    "text",
    [
        "Create the key pair yourself and please don't paste keys into the ticket.",
        "Please don't put secrets in the ticket; we only need the project name.",
    ],
)
def test_keeping_keys_out_of_the_ticket_is_advice(text):
    assert found(text, "marker") == []


def test_keeping_something_out_of_the_ticket_still_marks():
    assert found("Don't paste this into the ticket: the VO managers disagree.", "marker")


# --- links, tokens, addresses, numbers ------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        "https://docs.google.com/forms/d/e/1FAIpQLSeR8xWq2Nc5Tb7Lm3Kp9Vd4Hj6Gf0Zs1Ay/viewform",
        "https://docs.google.com/document/d/e/2PACX-1vTq7Wm3Xk9Rb2Lp5Nc8Vd1Hj4Gf6Zs0Ay/pub",
        "https://docs.google.com/spreadsheets/d/e/2PACX-1vQz4Lk8Wm2Xr7Tb3Np9Vc5Hd1Jg6Fs0A/pubhtml",
    ],
)
def test_a_page_published_for_everyone_keeps_its_link(url):
    text = f"Formulaire d'inscription : {url} (merci de le remplir avant vendredi)"
    assert url in kept_text(text)


@pytest.mark.parametrize(
    "url",
    [
        "https://docs.google.com/forms/d/1FAIpQLSeR8xWq2Nc5Tb7Lm3Kp9Vd4Hj6Gf0Zs1Ay/edit",
        "https://docs.google.com/forms/d/e/1FAIpQLSeR8xWq2Nc5Tb7Lm3Kp9Vd4Hj6Gf0Zs1Ay/viewform?token=Rk8Zq2Lm9Xw4Tn7Yp3Vb",
        "https://cloud.example.org/s/Xq7Rk2Lm9Wt4Np8Vb/pub",
        "https://portal.example.org/reset/Xq7Rk2Lm9Wt4Np8Vb3Zc/pub",
    ],
)
def test_an_editor_or_share_link_or_a_token_query_is_still_cut(url):
    assert url not in kept_text(f"Link: {url} for the team")


@pytest.mark.parametrize(
    "text",
    [
        "export OS_AUTH_TYPE=v3applicationcredential",
        "auth_type: v3oidcpassword",
        "apiVersion: v1beta1 and kind v2alpha",
    ],
)
def test_a_version_prefix_before_a_word_is_no_token(text):
    assert found(text, "credential") == []


@pytest.mark.parametrize("secret", ["v3Kq8ZmW2pLx9RtYb", "v2betaXk9Qz7LwN4"])
def test_a_secret_that_begins_like_a_version_is_still_cut(secret):
    assert secret not in kept_text(f"export OS_APPLICATION_CREDENTIAL_SECRET={secret}")


@pytest.mark.parametrize(
    "address",
    ["fakturace@ics.example.cz", "facturation@dsi.example.fr", "buchhaltung@rz.example.de", "laskutus@csc.example.fi"],
)
def test_a_billing_desk_mailbox_is_an_institution_s(address):
    text = f"Per le fatture scrivete a {address}, per il resto qui nel ticket."
    assert address in kept_text(text)


def test_a_person_s_mailbox_beside_a_billing_word_is_still_cut():
    assert "jana.novakova@ics.example.cz" not in kept_text("Fakturace: jana.novakova@ics.example.cz")


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("Numéro d'enregistrement : 0033412/2025", "0033412/2025"),
        ("Αριθμός πρωτοκόλλου: 0030921/2024", "0030921/2024"),
        ("Protokollnummer: 0049 2231 7784", "0049 2231 7784"),
    ],
)
def test_a_protocol_or_registry_number_after_its_label_is_kept(text, number):
    assert number in kept_text(text)


def test_a_phone_after_a_registry_office_word_is_still_cut():
    assert "+39 06 4993 2211" not in kept_text("Protocol office, call me on my mobile: +39 06 4993 2211")


# --- the short values of a case: VO and sites ----------------------------------------------------


@pytest.mark.parametrize(
    ("value", "published"),
    [
        ("vo.example-grid.eu/hydrology-2025", "vo.example-grid.eu/hydrology-2025"),
        ("/biomed/lab-lyon", "/biomed/lab-lyon"),
        ("vo.example.eu (provisoire, en attendant la VO dédiée)", "vo.example.eu (provisoire, en attendant la VO dédiée)"),
        ("vo.example.eu (vorläufig, bis zur eigenen VO)", "vo.example.eu (vorläufig, bis zur eigenen VO)"),
    ],
)
def test_a_vo_with_its_group_or_a_note_of_several_words(value, published):
    assert fields.vo_name(value) == published


@pytest.mark.parametrize(
    "value",
    ["vo.example.eu (contact, Petra Novak)", "vo.example.eu/group (call 0612345678, evenings)",
     "vo.example.eu/group=admin"],
)
def test_a_vo_with_a_person_or_a_number_is_still_refused(value):
    assert fields.vo_name(value) is None


@pytest.mark.parametrize(
    ("value", "sites"),
    [
        ("PRAGUELCG2 (czeka na certyfikat), CESNET-MCC", "PRAGUELCG2, CESNET-MCC"),
        ("IFCA-LCG2 (pendiente de firewall); NCG-INGRID-PT, CYFRONET-CLOUD", "IFCA-LCG2; NCG-INGRID-PT, CYFRONET-CLOUD"),
    ],
)
def test_a_lower_case_note_inside_a_list_of_sites_is_left_out(value, sites):
    assert fields.site_names(value) == sites


@pytest.mark.parametrize("value", ["SITE-A (Petra Novak), SITE-B", "SITE-A (+33 6 12 34 56 78), SITE-B"])
def test_a_note_with_a_name_or_a_phone_inside_a_list_of_sites_is_still_refused(value):
    assert fields.site_names(value) is None


def test_an_oauth_confidential_client_is_a_kind_of_client_not_a_marking():
    text = "The portal is registered as a confidential client in Check-in, with the redirect URI on its own host."
    assert kept_text(text) == text
    # "confidential" before "client" with no article is a marking, which withholds what follows
    assert found("CONFIDENTIAL client data follows. Her salary was discussed.", "marker") == ["CONFIDENTIAL"]
    assert found("Confidential client notes below.", "marker") == ["Confidential"]


@pytest.mark.parametrize(
    "text",
    [
        "Got a strange mail asking for your login? Do not reply and forward it to the CSIRT, they collect them.",
        "Das Formular muss nicht ins Ticket, HR hat es schon.",
        "Dat formulier hoeft niet in het ticket, het staat al op het intranet.",
        "„Vertraulich“ im Kopf der Vorlage ist nur die Voreinstellung, das Dokument selbst ist öffentlich.",
        "The login fails because the client is registered as confidential; make it public and retry.",
        "The consortium processes confidential genomic data, so it asks which sites are ISO 27001 certified.",
    ],
)
def test_a_marker_word_that_marks_nothing_stays(text):
    assert not found(text, "marker")


@pytest.mark.parametrize(
    "text",
    [
        "Please do not copy and forward this to anyone outside the board.",
        "Dit mag niet in het ticket: de code van de serverruimte.",
        "„Vertraulich“\nDas Gehalt von Herrn Brandt steht unten.",
        "CONFIDENTIAL: patient data below.",
    ],
)
def test_their_marking_neighbours_still_mark(text):
    assert found(text, "marker")


def test_a_host_certificates_subject_before_a_colon_is_public():
    host = "(Subject: /DC=org/DC=terena/DC=tcs/C=NL/O=Nikhef/CN=dcache.example.nl):"
    assert not found(f"The chain of the host certificate {host}", "personal")
    assert found("My certificate (Subject: /DC=org/DC=terena/DC=tcs/C=NL/O=Nikhef/CN=Jan de Vries):", "personal")
