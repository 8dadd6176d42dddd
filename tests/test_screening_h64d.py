"""Classes of the h63 and h64 held-out corpora: a home address announced as one's own ("to me
privately", "my place is at") with a floor after the house number or an Eircode or British
postcode closing it; a birth date after the birthplace with an article elided before the day
("nata a Bari l'8 giugno 1991"); a one-time PIN whose word is a compound ("Einmal-PIN", "engångs-PIN")
or said with a longer "once" phrase. The examples are new, in other words than the corpora's."""

from __future__ import annotations

import pytest
from support.findings import found, kept_text

from generator.screening.text import html_to_text


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("Bitte nicht ans Institut schicken, die Poststelle ist zu, sondern an mich privat: Gartenweg 7, DG, 79098 Freiburg.",
         "Gartenweg 7, DG, 79098 Freiburg"),
        ("Posílejte to prosím mi soukromě, ne do ústavu: Korunní 12, 3. patro, 120 00 Praha 2.",
         "Korunní 12"),
        ("Wyślijcie proszę kartę do mnie prywatnie: ul. Słoneczna 9, 2. piętro, 30-001 Kraków.",
         "ul. Słoneczna 9, 2. piętro, 30-001 Kraków"),
        ("Skicka nyckeln till mig privat: Storgatan 21, 3 våning, 753 20 Uppsala.", "Storgatan 21"),
        ("Schicken Sie den Stick an Birkenweg 3, EG, 04109 Leipzig, falls das geht.", "Birkenweg 3, EG, 04109 Leipzig"),
    ],
)
def test_a_home_address_sent_privately_with_its_floor_is_personal(text, secret):
    assert secret not in kept_text(text)


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("I'm back in Cork since March. My place is at 8 Harbour View, Cobh, Co. Cork P24 K7W3 if you post the token.",
         "8 Harbour View, Cobh, Co. Cork P24 K7W3"),
        ("Please don't send it to the institute. My place is 5 Quay Street, Galway H91 E2K8, thanks.",
         "5 Quay Street, Galway H91 E2K8"),
    ],
)
def test_a_home_address_of_my_place_or_flat_with_its_postcode_is_personal(text, secret):
    assert secret not in kept_text(text)


def test_the_sentence_after_a_closing_postcode_is_kept():
    text = "I live at 3 Ash Lane, Bray, Co. Wicklow A98 E2F3 so the courier should call first."
    assert "A98 E2F3" not in kept_text(text) and "so the courier should call first" in kept_text(text)


@pytest.mark.parametrize(
    "text",
    ["Das Paket geht ans Karlsruher Institut für Technologie, Hermann-von-Helmholtz-Platz 1, 2. OG, 76344 Eggenstein-Leopoldshafen.",
     "Bitte an die GSI, Planckstraße 1, 3. Stock, 64291 Darmstadt schicken.",
     "Il corso si tiene al Dipartimento di Fisica, Via Irnerio 46, piano terra, 40126 Bologna."],
)
def test_an_institutes_address_with_its_floor_is_kept(text):
    assert found(text, "personal") == []


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("Per il badge: Marco Conti, nato a L'Aquila l'11 marzo 1990, codice utente mconti.", "11 marzo 1990"),
        ("Per la polizza: Luca Ferri, nato a Torino l’1 ottobre 1989.", "1 ottobre 1989"),
        ("Registracija: Ona Petrauskaitė gimė Vilniuje 1990 m. gegužės 3 d.", "gegužės 3"),
    ],
)
def test_a_birth_date_after_a_birthplace_and_an_elided_article_is_personal(text, secret):
    assert secret not in kept_text(text)


def test_a_birth_date_in_an_html_reply_is_personal():
    html = "<div>Ecco i dati: Luca Ferri, nato a Lecce l&#39;3 aprile 1987.</div><div>Grazie</div>"
    assert "3 aprile 1987" not in kept_text(html_to_text(html))


@pytest.mark.parametrize(
    "text",
    ["The university was founded in Bologna on 12 May 1969.",
     "Il progetto è nato a Bari l'8 giugno 2005 come Tier-2.",
     "Ci vediamo a Bari l'8 giugno 1991 per la riunione."],
)
def test_a_founding_date_or_a_meeting_after_a_place_is_kept(text):
    assert found(text, "personal") == []


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("AW: Zugang Laborrechner – Einmal-Pin 730418", "730418"),
        ("SV: Inloggning labbdator – engångs-PIN 402917", "402917"),
        ("RV: Acceso al portátil – PIN de un solo uso 661204", "661204"),
        ("Re: reset – Einmalpin: 518302", "518302"),
    ],
)
def test_a_one_time_pin_in_a_subject_is_a_credential(text, secret):
    assert secret not in kept_text(text)


@pytest.mark.parametrize(
    "text",
    ["Re: connector – PIN 4 of the connector is ground",
     "Use the 4-pin 1234 header for the fan.",
     "AW: Einmal-PIN wird per SMS verschickt"],
)
def test_a_connectors_pin_or_a_pin_without_its_value_is_kept(text):
    assert found(text, "credential") == []
