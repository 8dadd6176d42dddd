"""Classes of holdout 55 (an outsider's corpus), added with their rules: an address spelled out with
a Romanian '@' ("la"), a mobile after a short abbreviation of its word in an owner field ("tlm",
"telem.", "móv."), a phone broken over a line wrap after its dash, backup codes listed a sentence
after their word, a hexadecimal token of no digest's length after a token word, and a paragraph
headed "Nur intern, <a request not to publish>:". The examples are new, in other words than the
corpus's."""

from __future__ import annotations

import pytest
from support.findings import found, kept_text


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("Vă rog să-mi scrieți la mihai punct dobre la gmail punct com, mersi.", "dobre la gmail punct com"),
        ("Scrie-mi la elena la protonmail punct ch, te rog.", "elena la protonmail punct ch"),
        ("Trovatemi su giulia punto ferri la libero punto it fino a lunedì.", "ferri la libero punto it"),
    ],
)
def test_an_address_spelled_with_the_romanian_at_is_an_address(text, secret):
    assert secret not in kept_text(text)


@pytest.mark.parametrize(
    "text",
    ["Din punct de vedere tehnic, ne vedem la Cluj punct ro si altele.",
     "Ne vedem la IFIN punct de lucru, la ora 10 punct."],
)
def test_romanian_la_and_punct_in_prose_stay(text):
    assert found(text, "email") == []


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("Rui Fernandes (tlm 936 112 458)", "936 112 458"),
        ("Carla Matos, telem. 917 443 208", "917 443 208"),
        ("Lucía Gómez, móv. 634201987", "634201987"),
        ("Mette Holm (mobtlf 2045 6789)", "2045 6789"),
        ("Jonas Berg (mobilnr 41234567)", "41234567"),
    ],
)
def test_a_mobile_after_a_short_abbreviation_in_an_owner_field_is_a_phone(text, secret):
    assert secret not in kept_text(text)


def test_an_assembler_mov_before_numbers_stays():
    text = "mov 912 345 678 bytes to the archive, then TLM release 3.4.1"
    assert "912 345 678" in kept_text(text)


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("Ruf mich bitte an unter 0172-\n3345 918, ich bin heute zuhause.", "3345 918"),
        ("Chiamami al 348-\n771 2093 quando hai un attimo.", "771 2093"),
        ("Zadzwoń do mnie: 602-\n418-337 po południu.", "418-337"),
    ],
)
def test_a_phone_broken_over_a_line_wrap_after_its_dash_is_a_phone(text, secret):
    assert secret not in kept_text(text)


def test_a_page_range_broken_over_a_line_stays():
    text = "See Proc. CHEP 2019, pp. 1203-\n1217, for the details."
    assert "1217" in kept_text(text)


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("Ich habe mir Backup-Codes für Check-in erzeugt. Falls Jonas sich als ich anmelden muss, "
         "hier zwei davon:\n- 5920 3318\n- 7741 0296\n\nDanke", "7741 0296"),
        ("Ho generato i codici di backup per il mio account. Eccone tre per Marco: 40917733, 81265509, 27730481",
         "81265509"),
        ("I printed my recovery codes before the trip. Use one if you must log in as me: 61029384 27749105",
         "27749105"),
    ],
)
def test_backup_codes_listed_a_sentence_after_their_word_are_credentials(text, secret):
    assert secret not in kept_text(text)


def test_job_ids_after_backup_codes_are_kept():
    text = "We rotated the backup codes policy last week. Affected jobs: 4471823 4471824"
    assert "4471823 4471824" in kept_text(text)


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("Le serveur Jupyter refuse le jeton, j'ai essayé 9a1f03c4be7788d21a0f5e6c3b9d44e1c07a2f81d5e6b390 deux fois",
         "9a1f03c4be7788d21a0f5e6c3b9d44e1c07a2f81d5e6b390"),
        ("Nie działa tokenu 3c0e88a17f2d94b6e05c1a7d3f98b2460e1d5c7a9b3f2e8d1 przy logowaniu",
         "3c0e88a17f2d94b6e05c1a7d3f98b2460e1d5c7a9b3f2e8d1"),
    ],
)
def test_a_hex_token_of_no_digest_length_after_a_token_word_is_a_credential(text, secret):
    assert secret not in kept_text(text)


@pytest.mark.parametrize(
    ("text", "public"),
    [
        ("token check fails for commit 5d23f072dd64e6a15edaf15db3603336fb5009d5",
         "5d23f072dd64e6a15edaf15db3603336fb5009d5"),
        ("the token service image sha256 5d23f072dd64e6a15edaf15db3603336fb5009d543bc9dc95d23f072dd64e6a1",
         "5d23f072dd64e6a15edaf15db3603336fb5009d543bc9dc95d23f072dd64e6a1"),
    ],
)
def test_a_digest_near_a_token_word_stays(text, public):
    assert public in kept_text(text)


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("Ciao,\n\nSolo interno, per favore non riportarlo nella descrizione pubblica del caso: "
         "il gruppo chiude a dicembre per tagli.", "il gruppo chiude a dicembre"),
        ("Bonjour,\n\nUniquement en interne, merci de ne pas le reprendre dans la fiche publique du cas : "
         "le labo ferme en juin.", "le labo ferme en juin"),
        ("Hoi,\n\nAlleen intern, graag niet overnemen in de openbare casusbeschrijving: de leerstoel wordt opgeheven.",
         "de leerstoel wordt opgeheven"),
        ("Tylko wewnętrznie, proszę nie umieszczać w publicznym opisie: grupa zostanie rozwiązana.",
         "grupa zostanie rozwiązana"),
    ],
)
def test_an_internal_label_with_a_comma_and_a_request_not_to_publish_marks_its_paragraph(text, secret):
    # (a marker withholds the text it marks; the finding is the label and its request)
    marks = found(text, "marker")
    assert marks and all(secret not in m for m in marks)


@pytest.mark.parametrize(
    "text",
    ["Internal network, we do not route it from outside the VPN at all: only the bastion host.",
     "Nous en avons discuté en interne, sans décision: on verra lundi."],
)
def test_an_internal_topic_with_a_long_clause_stays(text):
    assert found(text, "marker") == []
