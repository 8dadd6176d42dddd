"""Classes of the h61 corpus (an outside writer's, measured before these rules existed): a home
address whose house number has a floor or a part after it and whose street's name has several
words; a server room's door code told with the room; an internal note's heading after a word
calling for attention, then a dash and "not for the ticket"; and on the harmless side a service's
mailbox in an out-of-office note, a mail footer's notice that only the addressee may receive the
message, and a public price with a decimal comma. The examples are new, in other words than the
corpus's."""

from __future__ import annotations

import pytest
from support.findings import found, kept_text

from generator.screening.text import html_to_text


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("Kun je hem naar mijn huisadres sturen? Tweede Hugo de Grootstraat 9-III, 1052 LB Amsterdam.",
         "Tweede Hugo de Grootstraat 9-III"),
        ("Kan het naar mijn privéadres? Mechelsesteenweg 20 bus 4, 2018 Antwerpen.", "Mechelsesteenweg 20 bus 4"),
        ("Schick die Karte bitte an meine Privatadresse. Hohe Straße 17-II, 01069 Dresden.", "Hohe Straße 17-II"),
    ],
)
def test_a_home_address_with_a_floor_after_the_house_number_is_personal(text, secret):
    assert secret not in kept_text(text)


def test_an_institutes_address_with_a_floor_is_kept():
    text = "Het rekencentrum zit op Science Park 125-II, 1098 XG Amsterdam, naast het Nikhef."
    assert "Science Park 125-II" in kept_text(text)


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("Kode til serverrummet er 4417 – husk at lukke døren efter jer.", "4417"),
        ("De code van de serverruimte is nu 90210*, niet doorgeven.", "90210*"),
        ("Kód do serwerowni to 6630, zmieniony w poniedziałek.", "6630"),
        ("Konesalin koodi on 2381*, kirjaudu vieraskirjaan.", "2381*"),
    ],
)
def test_a_server_rooms_door_code_is_a_credential(text, secret):
    assert found(text, "credential") and secret not in kept_text(text)


def test_a_number_said_of_a_server_room_is_kept():
    text = "The error code in the server room log was 5021 and the room now holds 2048 cores."
    assert found(text, "credential") == []


@pytest.mark.parametrize(
    "text",
    [
        "NB, internt – ikke til sagen: Bergen mister halvdelen av lagringen neste år.",
        "Huom, sisäinen – ei tikettiin: CSC siirtää kaikki projektit uuteen klusteriin.",
        "Uwaga, wewnętrzne – nie do zgłoszenia: Cyfronet przenosi klaster w marcu.",
        "OBS: internt – inte för ärendet: vi byter leverantör i höst.",
    ],
)
def test_an_internal_heading_after_an_attention_word_and_a_dash_is_a_marker(text):
    assert found(text, "marker")


def test_a_note_about_internal_and_external_networks_is_kept():
    text = "Note that the internal – external split is described in the site documentation."
    assert found(text, "marker") == []


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Jsem mimo kancelář do pondělí. Dotazy k účtům v MetaCentru prosím na meta@cesnet.cz.", "meta@cesnet.cz"),
        ("Bin bis 3.9. im Urlaub. Technische Fragen zu bwUniCluster bitte an bwunicluster@kit.edu.",
         "bwunicluster@kit.edu"),
        ("Poza biurem do piątku. Pytania dotyczące PLGrid proszę kierować na plgrid@cyfronet.pl.", "plgrid@cyfronet.pl"),
    ],
)
def test_a_services_mailbox_in_an_out_of_office_note_is_kept(text, kept):
    assert kept in kept_text(text)


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("Jsem mimo kancelář do pondělí. Dotazy k MetaCentru prosím na petr.svoboda@cesnet.cz.",
         "petr.svoboda@cesnet.cz"),
        ("Bin bis 3.9. im Urlaub. Technische Fragen bitte an anna.keller@kit.edu.", "anna.keller@kit.edu"),
    ],
)
def test_a_persons_mailbox_in_an_out_of_office_note_goes(text, secret):
    assert secret not in kept_text(text)


@pytest.mark.parametrize(
    ("html", "kept"),
    [
        ('<div><p>Kvóta projektu byla navýšena na 50 TB.</p><p style="color:#999">Obsah této zprávy je důvěrný. '
         "Je určen výhradně adresátovi a nesmí být zpřístupněn třetím osobám.</p></div>", "50 TB"),
        ("<p>Die Quote wurde auf 20 TB erhöht.</p><p><small>Der Inhalt dieser Nachricht ist vertraulich. "
         "Sie ist ausschließlich für den Adressaten bestimmt.</small></p>", "20 TB"),
        ("<p>Kvoten är höjd till 10 TB.</p><p>Innehållet i detta meddelande är konfidentiellt. Det är "
         "endast avsett för mottagaren.</p>", "10 TB"),
    ],
)
def test_a_footer_saying_only_the_addressee_may_receive_the_message_is_no_marker(html, kept):
    text = html_to_text(html).strip()
    assert found(text, "marker") == [] and kept in text


@pytest.mark.parametrize(
    "text",
    [
        "Treść tej wiadomości jest poufna. Hasło do konta serwisowego przekażę telefonicznie.",
        "Obsah této zprávy je důvěrný. Nepřeposílejte ho nikomu, ani kolegům z projektu.",
    ],
)
def test_a_message_said_confidential_with_no_addressee_notice_is_a_marker(text):
    assert found(text, "marker")


def test_a_public_price_with_a_decimal_comma_is_kept():
    text = "Ceník: 0,35 Kč za jádrohodinu a 0,08 Kč za GB měsíčně (veřejný tarif 2024)."
    assert found(text) == []


def test_a_persons_hourly_pay_with_a_decimal_comma_goes():
    assert "38,00 zł" not in kept_text("Marta Kowalska zarabia 38,00 zł za godzinę brutto.")
