"""Classes of text that hurried, non-native writers produce (holdout 35: typos, transliteration
and code-switching; measured before these rules existed). Leaked: a password word of a non-Latin
script typed in Latin letters ("parolata", "lozinkata", "gaghtnabary", "ha-sisma") or with 'ñ'
typed as "ni"; a phone number with the letter O for 0 or l for 1; a German marker with 'ue' for
'ü'; a negated putting of the text on a web place ("non per il wiki:", "ne pas mettre online -");
"keep this between our teams"; a negated command in its conjugated form ("no lo publiquéis:");
"only for you:" after another sentence. The examples are new, in other words than the corpus's."""

from __future__ import annotations

import pytest
from support.findings import found


@pytest.mark.parametrize(
    "text",
    [
        "Zdravei, parolata na servera e Vitosha-42 ot vchera.",
        "Privet, parol' dlya testa: Neva_Most19",
        "Lozinkata za bazata e Prespa.Lake7",
        "o kodikos prosvasis einai Akropoli#33 gia to VM",
        "gaghtnabare Sevan_Lake9 e",
        "ha-sisma la-shrat hi Kinneret!44",
        "la contrasenia del correo: Nieve-Sierra8",
        "kalimat al-sirr: Petra*Rose12",
    ],
)
def test_a_password_word_typed_in_latin_letters_hands_over_its_value(text):
    assert found(text, "credential")


@pytest.mark.parametrize(
    "text",
    [
        "il sisma del 2016 a Norcia ha avuto magnitudo 6.5",
        "The parol evidence rule is a topic of contract law.",
        "La contraseña se cambia en el portal, nunca por correo.",
    ],
)
def test_those_words_in_other_senses_are_kept(text):
    assert found(text, "credential") == []


@pytest.mark.parametrize(
    "text",
    [
        "call me on +49 l7l 555 O123 after lunch",
        "cel: +40 7O1 234 5l6",
        "Tel.: 06O1 23 45 67 (privat)",
    ],
)
def test_a_phone_number_with_letters_for_digits_is_a_phone(text):
    assert found(text, "phone")


@pytest.mark.parametrize(
    "text",
    [
        "gain +20 dB at 1OO Hz, noise +3 Ol",
        "the run 0l2 345 678 finished in 40 minutes",
        "HEPscore +12 lO nodes",
    ],
)
def test_numbers_with_letters_and_no_phone_sign_are_kept(text):
    assert found(text, "phone") == []


@pytest.mark.parametrize(
    "text",
    [
        "Danke. Nur fuer dich: der Vertrag wurde gekuendigt.",
        "bitte nicht veroeffentlichen: die Zahlen sind vorlaeufig und falsch",
        "Merci. A ne pas mettre en ligne - la salle a ete inondee.",
        "Thanks. Not for the wiki please: the vendor admitted the bug.",
        "Ok, nicht ins Netz stellen bitte - das Budget wurde gekuerzt.",
        "All good now. Keep this between our two sites: the root cause was a leaked key.",
        "Todo listo. No lo compartáis: el contrato termina en marzo.",
        "Grazie a tutti. Non pubblicatelo: il fornitore ha ammesso l'errore.",
        "Done. Only for you: we will drop the site next year.",
    ],
)
def test_a_marker_in_the_writers_own_words_marks_the_rest(text):
    assert found(text, "marker")


@pytest.mark.parametrize(
    "text",
    [
        "Kein Wiki: wir dokumentieren alles in Confluence.",
        "Not online: storage nodes 3 and 4 since Monday.",
        "Nicht im Netz: die Knoten 3 und 4 seit Montag.",
        "The link between our teams is a weekly call.",
        "Le patch non pubblicate sono ancora in revisione.",
        "This option is only for you: the VO managers can enable it in the portal.",
    ],
)
def test_the_same_words_that_hide_nothing_are_kept(text):
    assert found(text, "marker") == []


@pytest.mark.parametrize(
    "text",
    ["Sagolun, gizli bir bilgi yok, paylasabilirsiniz.", "Rapor gizli değil, yayınlanabilir."],
)
def test_a_marker_word_negated_after_it_is_kept(text):
    assert found(text, "marker") == []


def test_a_number_ending_in_a_letter_after_a_hyphen_is_a_part_number():
    assert found("la scheda di ricambio e 512 774 2093-C", "phone") == []
    assert found("tel 0612 345 678-B", "phone")  # (after a phone word, the whole number)
