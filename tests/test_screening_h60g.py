"""Classes of an outsider's corpus (h60): a password announced by a sentence ending with a colon
and given alone on a later line; a heart attack or a stroke in a subject's short form; a door
code far from its word, a place's number between; an id number whose check digit passes, far
from its word in its paragraph; and on the harmless side an institution's general number, a
Portuguese title with its ordinal sign in a contacts entry, a wiki page about passwords in a
link, a registry's number over a year. The examples are new, in other words than the corpus's."""

from __future__ import annotations

import pytest
from support.findings import found, kept_text

from generator.screening import fields


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("Hi,\n\nI created a test user in the object store. The username is store-test-egi and the password is "
         "the same as last time, except that I capitalised the first letter:\n\nAurora_77x\n\nRegards,\nJon",
         "Aurora_77x"),
        ("Hallo,\n\nich habe euch einen Testnutzer im Objektspeicher angelegt. Der Nutzername ist os-test-egi und "
         "das Passwort ist dasselbe wie letztes Mal, nur dass ich den ersten Buchstaben großgeschrieben habe:\n\n"
         "Nordlicht_55k\n\nGruß\nJan", "Nordlicht_55k"),
        ("Gebruikersnaam is sram-test en het wachtwoord is hetzelfde als vorige keer, alleen de eerste letter is "
         "nu een hoofdletter:\n\nDuinroos_64t", "Duinroos_64t"),
    ],
)
def test_a_password_announced_by_a_line_ending_with_a_colon_is_a_credential(text, secret):
    assert secret not in kept_text(text)


def test_a_plain_line_after_a_password_sentence_with_a_colon_stays():
    text = "The password policy changed, see the wiki:\n\nhttps://wiki.example.org/display/OPS/Policy"
    assert "https://wiki.example.org/display/OPS/Policy" in kept_text(text)


@pytest.mark.parametrize(
    "text",
    ["Re: Migration – bin noch zwei Wochen krank nach meinem Herzinfarkt",
     "Re: opóźnienie – jestem tydzień po zawale, przejmie Marek",
     "Re: késés – két hete vagyok infarktus után",
     "Re: data transfer – I'm two weeks after my heart attack, Jan takes over",
     "Re: migrace – jsem po mrtvici, převezme to Petr"],
)
def test_the_writer_after_a_heart_attack_or_a_stroke_in_a_subject_is_health(text):
    assert found(text, "personal")


@pytest.mark.parametrize(
    "text",
    ["Infarct detection pipeline after stroke cohort update",
     "Re: stroke width after my kernel update"],
)
def test_a_research_subject_on_heart_attacks_or_a_stroke_of_a_pen_stays(text):
    assert found(text, "personal") == []


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("The keypad code for the side entrance of building 4 is 8812B, the alarm is off.", "8812B"),
        ("Der Türcode vom Nebeneingang Haus 7 ist 2291A.", "2291A"),
        ("Il codice della porta del laboratorio 2 al piano terra è 5603, grazie.", "5603"),
    ],
)
def test_a_door_code_after_a_numbered_place_and_a_copula_is_a_credential(text, secret):
    assert secret not in kept_text(text)


def test_an_error_code_of_a_numbered_job_stays():
    text = "The error code of job 17 is reported in the logs, build 12 is 2024 ready."
    assert found(text, "credential") == []


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("O RH pediu o meu NIF para o contrato, não sei bem para quê, mas aqui vai, espero que não atrase "
         "mais o processo de acesso: 238471950", "238471950"),
        ("Η γραμματεία ζήτησε τον ΑΦΜ μου για το συμβόλαιο, δεν ξέρω γιατί χρειάζεται, αλλά σας τον στέλνω "
         "για να μην καθυστερήσει άλλο η διαδικασία: 094259216", "094259216"),
    ],
)
def test_a_valid_id_number_far_from_its_word_in_its_paragraph_is_personal(text, secret):
    assert secret not in kept_text(text)


@pytest.mark.parametrize(
    "text",
    ["HR vroeg om mijn BSN – ik weet niet waarom dat nodig is, maar ik geef het door, anders loopt alles "
     "nog langer vertraging op: 174839262.",  # (its check digit fails: no BSN)
     "Our BSN integration docs are here.\n\nTicket 174839261 was closed yesterday."],
)
def test_a_number_failing_its_check_or_in_another_paragraph_stays(text):
    assert found(text, "personal") == []


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("W pilnych sprawach dział IT uczelni jest dostępny pod ogólnym numerem +48 22 234 50 00, w godzinach pracy.",
         "+48 22 234 50 00"),
        ("In dringenden Fällen ist das Rechenzentrum unter der allgemeinen Rufnummer +49 711 685 87 100 erreichbar.",
         "+49 711 685 87 100"),
    ],
)
def test_an_institutions_general_number_stays(text, number):
    assert number in kept_text(text)


def test_a_persons_number_after_unter_der_nummer_is_a_phone():
    assert "+49 171 4839227" not in kept_text("Hallo, in dringenden Fällen bin ich unter der Nummer +49 171 4839227 erreichbar.")


@pytest.mark.parametrize(
    ("entry", "shaped"),
    [
        ("Prof.ª Inês Carvalho, Universidade de Coimbra, coordenadora científica",
         ("Universidade de Coimbra", "coordenadora científica")),
        ("Eng.º Rui Sousa, Universidade do Minho, administrador de sistemas",
         ("Universidade do Minho", "administrador de sistemas")),
        ("Sr.ª Maria Costa, INCD, gestora de projeto", ("INCD", "gestora de projeto")),
    ],
)
def test_a_contact_with_a_portuguese_title_and_its_ordinal_sign_is_shaped(entry, shaped):
    assert fields.contact(entry) == shaped


def test_a_role_naming_a_person_by_a_portuguese_title_is_refused():
    assert fields.contact("Rui Sousa, INCD, substitui a Prof.ª Carvalho") is None


@pytest.mark.parametrize(
    "link",
    ["https://wiki.example.org/display/OPS/Passwort+zuruecksetzen+Anleitung",
     "https://servicedesk.example.nl/wiki/display/WIKI/Wachtwoord+vergeten+SURFconext"],
)
def test_a_wiki_page_about_passwords_in_a_link_stays(link):
    assert link in kept_text(f"https://www.example.org/en/research ; {link}")


@pytest.mark.parametrize(
    "text",
    [  # (the link at a line's start, as a page lists the links field one to a line: the audit reads it so)
        "https://www.example.org/en/research\nhttps://servicedesk.example.nl/wiki/display/WIKI/Password+reset+SRAM",
        "Zie ook:\nhttps://wiki.example.org/display/OPS/Passwort+zuruecksetzen+Anleitung",
    ],
)
def test_a_wiki_page_about_passwords_at_a_line_start_stays(text):
    assert kept_text(text) == text


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("Reset link: https://idp.example.org/Password+reset?token=aZ8kQ3xLm9PqR2tYv7WbC4", "aZ8kQ3xLm9PqR2tYv7WbC4"),
        ("https://wiki.example.org/Password+reset then log in with Kuusi_718!x", "Kuusi_718!x"),
    ],
)
def test_a_token_or_a_password_beside_such_a_link_still_goes(text, secret):
    assert secret not in kept_text(text)


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("Der Vertrag wurde im Eingangsregister unter der laufenden Nummer 0048213/2023 erfasst.", "0048213/2023"),
        ("El convenio quedó registrado en el libro de entradas con el número 0031877/2024 del 2 de abril.",
         "0031877/2024"),
    ],
)
def test_a_registry_number_over_a_year_stays(text, number):
    assert number in kept_text(text)


def test_a_phone_after_a_registry_word_in_another_sentence_still_goes():
    text = "Il contratto è stato protocollato ieri. Per domande mi chiami al 0039 347 1234567."
    assert "0039 347 1234567" not in kept_text(text)
