"""Classes of text a held-out corpus in EGI's smaller languages (holdout 24, measured before these
rules existed) showed: "my home address" declined as each language declines it, e-mail addresses
spelled with each language's words for '@' and '.', one-time codes and phone labels of those
languages, id numbers said with their copula, an address whose street abbreviation ends in a dot
before the number; and negations that belong to a marker word before a comma. The examples are
new, in other words than the corpus's."""

from __future__ import annotations

import pytest

from support.findings import found


@pytest.mark.parametrize(
    ("text", "address"),
    [
        ("Lūdzu, sūtiet uz manu mājas adresi: Tērbatas iela 14 - 7, Rīga, LV-1011.", "Tērbatas iela 14"),
        ("Pošljite na moj domači naslov: Celovška cesta 150, 1000 Ljubljana.", "Celovška cesta 150"),
        ("Пратете го на мојата адреса: ул. Македонија 21, 1000 Скопје.", "Македонија 21"),
        ("Seol chuig mo sheoladh baile é: 7 Sráid an Mhuilinn, Corcaigh T12 X8Y2.", "Sráid an Mhuilinn"),
        ("Adreça de casa: Carrer de Sants 101, 08014 Barcelona", "Carrer de Sants 101"),
        ("სახლის მისამართი: რუსთაველის გამზ. 12, თბილისი 0108", "რუსთაველის გამზ. 12"),
    ],
)
def test_a_home_address_in_a_smaller_language_is_personal(text, address):
    assert any(address in s for s in found(text, "personal"))


@pytest.mark.parametrize(
    ("text", "address"),
    [
        ("Adresa mea personală: mihai.ionescu a rond gmail punct com", "mihai.ionescu a rond gmail punct com"),
        ("Приватна адреса: marko.petrovic мајмунче yahoo тачка com", "marko.petrovic мајмунче yahoo тачка com"),
        ("Mo sheoladh: aoife.byrne ag outlook ponc ie", "aoife.byrne ag outlook ponc ie"),
        ("Adresa ime: elira.kola et gmail pikë com", "elira.kola et gmail pikë com"),
    ],
)
def test_an_address_spelled_with_a_smaller_languages_words_is_found(text, address):
    assert any(address in s for s in found(text, "e-mail"))


def test_the_irish_word_for_at_alone_is_no_address():
    assert found("Tá sé ag obair anois, go raibh maith agat.", "e-mail") == []


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Sain kertakäyttöisen koodin 731 904 tekstiviestinä.", "731 904"),
        ("Kód z SMS je 620 118, ešte platí.", "620 118"),
    ],
)
def test_a_one_time_code_in_a_smaller_language_is_a_credential(text, code):
    assert any(code in s for s in found(text, "credential"))


def test_a_romanian_call_me_labels_a_phone():
    assert any("0744.555.123" in s for s in found("Mă puteți suna la 0744.555.123 după ora 17.", "phone"))


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("In-numru tal-karta tal-identità tiegħi huwa 0581963M.", "0581963M"),
        ("Numri im personal (NID) është K01231234A.", "K01231234A"),
    ],
)
def test_an_id_said_with_its_copula_is_personal(text, number):
    assert number in found(text, "personal")


@pytest.mark.parametrize(
    "text",
    [
        "Tá sé ag obair. Eadrainn féin: tá an conradh ag críochnú.",
        "გმადლობთ. კონფიდენციალურია: კონტრაქტი წყდება.",
    ],
)
def test_markers_in_irish_and_georgian(text):
    assert found(text, "marker")


@pytest.mark.parametrize(
    "text",
    [
        "Isto non é confidencial, pódese publicar na web.",
        "Hoc non est secretum, potest publicari.",
        "Should we add a 'do not share' checkbox to the form?",
        # Irish: "there is no secret thing in the log", "it is not secret"
        "Níl aon rud rúnda sa loga seo.",
        "Ní rúnda é an tuarascáil.",
    ],
)
def test_a_negated_marker_word_or_a_quoted_phrase_marks_nothing(text):
    assert found(text, "marker") == []


def test_an_irish_marker_without_its_negation_still_marks():
    assert found("Seo an t-eolas rúnda: críochnaíonn an conradh i mí na Bealtaine.", "marker")


def test_a_negation_before_a_comma_without_a_marker_word_still_marks():
    assert found("Not yet, do not publish: the contract ends in May.", "marker")


def test_a_sentence_after_an_address_is_not_the_address():
    personal = found("My home address: Hauptstraße 5, 10115 Berlin. 3 people live there.", "personal")
    assert personal and not any("people" in s for s in personal)


def test_a_do_not_share_after_a_comma_and_before_the_word_public_still_marks():
    text = "The paragraph above is confidential, please do not include it in anything public."
    assert found(text, "marker")
