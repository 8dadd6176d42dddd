"""Classes of a fresh outside corpus (h56) that came through: a door's code written as one compound
word with its ending, a German tax id after its abbreviation alone, a mobile number after a call's
verb with its pronoun or plural ending, and a marker word styled in a page with an aside in
brackets before its colon. The examples are new, in other words than the corpus's."""

from __future__ import annotations

import pytest
from support.findings import found, kept_text


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("Teknikern från Dell kommer på fredag; ytterdörrskoden vid lastkajen är 3806 om ingen svarar.", "3806"),
        ("Hoveddørkoden til serverrommet er 9142, og nøkkelen ligger i resepsjonen.", "9142"),
        ("Für die Anlieferung: der Kellertürcode zum Rechenzentrum lautet 5527, bitte nicht weitergeben.", "5527"),
        ("Huomenna asennus: porttikoodi pihalle on 6613 ja avain on vahtimestarilla.", "6613"),
        ("Der Tor-Code für die Einfahrt ist 7319 und gilt bis Freitag.", "7319"),
    ],
)
def test_a_door_code_written_as_one_compound_word_is_a_credential(text, secret):
    assert secret not in kept_text(text)


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Der Signaturcode des Pakets ist 4719 Zeilen lang geworden.", "4719"),
        ("Exportcode 2207 erscheint, wenn der Export abbricht.", "2207"),
        ("Portkostnaden för paketet är 1450 kronor.", "1450"),
    ],
)
def test_a_code_that_opens_no_door_stays(text, kept):
    assert kept in kept_text(text)


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("Uns liegen vor: Lebenslauf, Rechnung und IdNr. 86 095 742 719, es fehlt nur die Unterschrift.",
         "86 095 742 719"),
        ("Für die Lohnabrechnung: St-IdNr 86095742719 (neu seit März).", "86095742719"),
    ],
)
def test_a_german_tax_id_after_its_abbreviation_alone_is_personal(text, secret):
    assert secret not in kept_text(text)


def test_a_numbered_article_after_an_id_abbreviation_stays():
    text = "Artikel-IdNr. 4711 ist im Lager, Bestellnummer 2024-118."
    assert "4711" in kept_text(text)


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("URGENTE: llamadnos al 644 201 378, se ha caído el clúster", "644 201 378"),
        ("Dringend, ruft mich an unter 176 482 913, der Cluster steht", "176 482 913"),
        ("Chiamateci al 347 882 190 per il guasto al nodo", "347 882 190"),
        ("Rappelez-moi au 612 345 678 dès que le stockage revient", "612 345 678"),
        ("Dzwońcie 512 804 663, padł serwer w Krakowie", "512 804 663"),
    ],
)
def test_a_mobile_after_a_call_verb_with_its_pronoun_is_a_phone(text, secret):
    assert secret not in kept_text(text)


def test_a_count_after_a_call_verb_in_another_sentence_stays():
    text = "Llamadme si el job 611 284 937 vuelve a fallar."
    assert found(text, "phone") == []


@pytest.mark.parametrize(
    "text",
    [
        '<div>Hallo,<br><br><span style="color:red"><b>INTERN</b></span> (Stand heute): '
        "Herr Weber verlässt das Institut im März.<br>Gruß</div>",
        '<p>Bonjour,</p><p><font color="red"><b>RÉSERVÉ</b></font> (ne pas copier dans le ticket) : '
        "la directrice quitte le projet.</p>",
        "<div><b>Sisäinen</b> (älä kopioi tikettiin) – johtaja lähtee projektista keväällä.</div>",
    ],
)
def test_a_styled_marker_word_with_an_aside_before_its_colon_is_a_marker(text):
    assert found(text, "marker")


@pytest.mark.parametrize(
    "text",
    ["Intern (VLAN 12): 10.1.2.0/24 und extern (VLAN 40): 192.0.2.0/24",
     "Riservato (ai soci) il parcheggio sul retro, come ogni anno."],
)
def test_a_marker_word_naming_a_network_or_a_privilege_stays(text):
    assert found(text, "marker") == []
