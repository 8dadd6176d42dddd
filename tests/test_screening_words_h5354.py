"""Classes of two outside corpora (h53, h54) that lost harmless text: a public office's address in
prose, a short flat word read inside an ordinary word, a contacts entry whose role has its site or
field in brackets, a discipline headed by its top level and a colon, ... Each class with a harmless
look-alike that must stay as it was (or a personal datum that must still go). The examples are
new, in other words than the corpora's."""

from __future__ import annotations

import pytest
from support.findings import found, kept_text

from generator.screening import fields
from generator.screening.detectors import find_all

# --- a public office's address in prose ---------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "keep"),
    [
        ("Für den Aufenthaltstitel wenden Sie sich bitte an die Ausländerbehörde Bonn, Berliner Platz 2, "
         "53111 Bonn. Wir stellen nur die Arbeitsbescheinigung aus.", "Berliner Platz 2, 53111 Bonn"),
        ("Pour le titre de séjour, adressez-vous à la Préfecture du Rhône, 106 rue Pierre Corneille, "
         "69003 Lyon. Nous fournissons seulement l'attestation.", "106 rue Pierre Corneille, 69003 Lyon"),
        ("w sprawie wizy proszę pisać do Mazowieckiego Urzędu Wojewódzkiego, ul. Marszałkowska 3/5, "
         "00-624 Warszawa. My wystawiamy tylko zaświadczenie.", "ul. Marszałkowska 3/5, 00-624 Warszawa"),
    ],
)
def test_a_public_offices_address_in_prose_stays(text, keep):
    assert keep in kept_text(text)


def test_a_home_address_beside_a_public_office_still_goes():
    text = "Meine Privatadresse, gleich neben dem Rathaus: Hauptstraße 5, 12345 Beispielstadt."
    assert "Hauptstraße 5" not in kept_text(text)


# --- a short flat word inside an ordinary word ("my" is no flat "m" "y") -------------------------

@pytest.mark.parametrize(
    "text",
    [
        # the flat word "m" stands elsewhere in the text (as a unit), "my" begins a sentence
        "Wysokość masztu: 12 m\n\nProszę pisać do Urzędu Miasta, Wydział Geodezji, pl. Wszystkich Świętych 3, "
        "Kraków. My tylko przekazujemy dane.",
        "Délka kabelu 5 m\n\nPodklady má katastrální pracoviště, Moravské nám. 3, Brno. My jen předáváme data.",
    ],
)
def test_a_two_letter_word_after_an_address_is_no_flat(text):
    assert found(text, "personal") == []


def test_a_flat_number_after_its_word_still_goes():
    text = "Mieszkam przy ul. Długiej 5 m. 3, 31-147 Kraków."
    assert "Długiej 5 m. 3" not in kept_text(text)


# --- contacts: a role with its site or field in brackets, a title before the name ----------------

@pytest.mark.parametrize(
    ("entry", "published"),
    [
        ("Mgr. Petra Horáková, CESNET, správkyně úložiště (praguelcg2)", ("CESNET", "správkyně úložiště (praguelcg2)")),
        ("Dott. Luca Bianchi, INFN Bari, site manager (INFN-BARI)", ("INFN Bari", "site manager (INFN-BARI)")),
        ("Prof. Eeva Laine, University of Helsinki, PI (seismology)", ("University of Helsinki", "PI (seismology)")),
    ],
)
def test_a_contacts_role_with_its_site_in_brackets_is_published(entry, published):
    assert fields.contact(entry) == published


@pytest.mark.parametrize(
    "entry",
    ["Petra Horáková, CESNET, manager (Jan Novák)", "Petra Horáková, CESNET, manager (Novák)",
     "Petra Horáková, CESNET, manager (+420 777 123 456)"],
)
def test_a_person_or_a_phone_in_the_roles_brackets_is_not_published(entry):
    # (the note goes; the affiliation and the role may stay without it: h57d, "PI (replaces Dr. Cohen)")
    shaped = fields.contact(entry)
    assert shaped is None or not any("Novák" in x or "777" in x for x in shaped)


# --- a discipline headed by its top level and a colon --------------------------------------------

@pytest.mark.parametrize(
    "value",
    ["Geisteswissenschaften: Geschichte der Grenzkontrollen", "Nauki humanistyczne: historia dokumentów podróży",
     "Social sciences: migration and identity documents"],
)
def test_a_discipline_after_its_top_level_and_a_colon_is_published(value):
    assert fields.discipline(value) == value and find_all(value) == []


@pytest.mark.parametrize("value", ["Physics: write to me on my mobile", "Humanities: see: notes"])
def test_a_colon_after_another_word_is_still_no_discipline(value):
    assert fields.discipline(value) is None


# --- a request's, a trace's or a job's id: a UUID after the system's short word -----------------

@pytest.mark.parametrize(
    ("text", "keep"),
    [
        ("L'identifiant de la trace du transfert échoué est trace-0b9e4c11-2f6a-4d3e-a8c7-55e0f1d2b3a4 dans FTS.",
         "trace-0b9e4c11-2f6a-4d3e-a8c7-55e0f1d2b3a4"),
        ("Il job fallito ha id job_5c2d8e71-9a3b-4f0c-b6e2-1d7a4c9f0e38, lo trovate nel log del CE.",
         "job_5c2d8e71-9a3b-4f0c-b6e2-1d7a4c9f0e38"),
    ],
)
def test_a_uuid_after_a_request_or_job_word_stays(text, keep):
    assert keep in kept_text(text)


def test_a_uuid_after_a_tokens_prefix_still_goes():
    text = "Use this bearer value in the header: tok-5c2d8e71-9a3b-4f0c-b6e2-1d7a4c9f0e38 until Friday."
    assert "5c2d8e71-9a3b" not in kept_text(text)


# --- "need to know" as a verb, not the marking ------------------------------------------------

@pytest.mark.parametrize(
    "text",
    ["Before the migration we need to know the exact IP ranges of your worker nodes.",
     "For the GDPR assessment the DPO will need to know whether any pseudonymised records leave the EU."],
)
def test_need_to_know_as_a_verb_is_no_marker(text):
    assert found(text, "marker") == []


@pytest.mark.parametrize("text", ["This list is shared on a need to know basis only.",
                                  "Need to know: the storage quotas of the partners are below."])
def test_need_to_know_as_a_marking_still_marks(text):
    assert found(text, "marker")
