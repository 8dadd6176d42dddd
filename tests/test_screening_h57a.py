"""Classes of holdout 57 (a person's life told in a hand-over): a home address pasted from a form
over quoted lines, a sanction on one's employment record told in passing (a written warning, a
reprimand), a heart attack or a stroke and the ward one lies in, a birth date after the
abbreviation of "born" in a name's bracket, a severe allergy told for the catering, and a new
colleague's pay told in the future. The examples are new, in other words than the corpus's."""

from __future__ import annotations

import pytest
from support.findings import found, kept_text


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("Details for the booking:\n> Home address: 22 Mill Lane\n> Histon\n> Cambridge CB24 9XX\n> Seat: aisle",
         "Histon"),
        ("Voor de reis:\n> Thuisadres: Kerkstraat 5\n> Oosterbeek\n> 6861 AB Renkum\n> Luchthaven: AMS",
         "6861 AB Renkum"),
        ("Per il rimborso:\n> Indirizzo di residenza: Via Roma 14\n> Casalecchio di Reno\n> 40033 Bologna",
         "40033 Bologna"),
    ],
)
def test_a_home_address_over_quoted_lines_is_personal(text, secret):
    assert secret not in kept_text(text)


def test_an_institutes_address_over_quoted_lines_stays():
    text = "Deliver to:\n> Institute address: 14 Orchard Close\n> Great Shelford\n> Cambridge CB22 5QT"
    assert "Great Shelford" in kept_text(text)


@pytest.mark.parametrize(
    "text",
    [
        "Nur zur Info: Herr Brandt hat letzte Woche eine Abmahnung bekommen, deshalb keine Admin-Rechte mehr.",
        "Kamil dostał naganę za udostępnianie konta, więc odbieramy mu uprawnienia.",
        "FYI, Dana was given a written warning after the incident, so her access is reduced.",
        "Pour info, Julien a reçu un avertissement écrit le mois dernier.",
    ],
)
def test_a_persons_written_warning_or_reprimand_is_personal(text):
    assert found(text, "personal")


@pytest.mark.parametrize(
    "text",
    [
        "Our acceptable use policy says that account sharing leads to a written warning.",
        "Le compilateur affiche un avertissement pour cette option.",
    ],
)
def test_a_warning_in_rules_or_a_compiler_stays(text):
    assert found(text, "personal") == []


@pytest.mark.parametrize(
    "text",
    [
        "Przepraszam, Wojtek jest po zawale i leży na kardiologii, wróci za miesiąc.",
        "Pavel měl minulý týden infarkt a leží na JIP, tickety zatím převezmu já.",
        "Jozef mal minulý týždeň infarkt a leží na JIS, zatiaľ ho zastupujem.",
        "Gábor szívrohamot kapott, most az intenzíven fekszik, addig én viszem a jegyeit.",
    ],
)
def test_a_heart_attack_or_stroke_and_the_ward_is_health(text):
    assert found(text, "personal")


@pytest.mark.parametrize(
    "text",
    [
        "Jestem zawalony pracą, odpowiem jutro.",
        "The cardiology ward's infarct imaging dataset from the hospital is uploaded to the VO storage.",
    ],
)
def test_being_swamped_or_a_cardiology_dataset_stays(text):
    assert found(text, "personal") == []


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("Ny bruker: Kari Nordmann, f. 12.08.1991, tar over VO-en", "12.08.1991"),
        ("Tili: Aino Virtanen (s. 7.3.1989) ottaa VO:n hoitaakseen", "7.3.1989"),
        ("Cont nou pentru Ioana Dobre (n. 1994-02-17)", "1994-02-17"),
    ],
)
def test_a_birth_date_after_the_abbreviation_of_born_is_personal(text, secret):
    assert secret not in kept_text(text)


def test_a_release_date_or_a_page_in_brackets_stays():
    text = "Fixed in release (n. 04.11.2024) and see Smith et al. (s. 12.3)."
    assert "04.11.2024" in kept_text(text) and found(text, "personal") == []


@pytest.mark.parametrize(
    "text",
    [
        "For the dinner: Tom has a severe nut allergy and always carries an EpiPen, please tell the caterer.",
        "Na obiad: Ania ma silną alergię na orzechy.",
        "Pour le déjeuner : elle a une allergie grave aux arachides, prévenez le traiteur.",
    ],
)
def test_a_persons_allergy_told_for_the_catering_is_health(text):
    assert found(text, "personal")


@pytest.mark.parametrize(
    "text",
    [
        "If you have an allergy, please tell us when you register.",
        "The form has an allergy field to fill in; the venue has an allergy policy.",
    ],
)
def test_an_allergy_asked_for_or_a_forms_field_stays(text):
    assert found(text, "personal") == []


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("La nuova sistemista guadagnerà 1.700 euro netti al mese.", "1.700"),
        ("Ab März ist Timo bei uns; er wird 3.900 € brutto im Monat verdienen.", "3.900"),
        ("Nový správce bude brát 42 000 Kč hrubého.", "42 000"),
        ("The new admin will earn EUR 3,100 a month on the project.", "3,100"),
    ],
)
def test_a_new_colleagues_pay_in_the_future_is_personal(text, secret):
    assert secret not in kept_text(text)


@pytest.mark.parametrize(
    "text",
    ["Le serveur coûtera 1.850 € et la licence 300 € par an.", "Diese Lösung wird uns 3.900 € sparen."],
)
def test_a_price_in_the_future_stays(text):
    assert found(text, "personal") == []
