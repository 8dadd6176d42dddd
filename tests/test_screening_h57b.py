"""Classes of holdout 57 (an outside corpus): one's own address given for a courier or a parcel,
with "my" after the noun or said to be one's own (Turkish, Bulgarian, Greek); a key cabinet's or a
locker's code with the cabinet named in another case; a marker inside a sentence, lower case or
with diacritics, going on with a request not to copy the text into the public case. The examples
are new, in other words than the corpus's."""

from __future__ import annotations

import pytest
from support.findings import found, kept_text


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("Evrakları bana gönderin, kargo adresim: Moda Cad. No: 88 D: 3, Kadıköy / İstanbul", "Moda Cad. No: 88"),
        ("Докато колегата е в отпуск, адресът ми за куриера е: гр. Русе, ж.к. Дружба 3, бл. 8, вх. Г, ет. 5, ап. 14. Моля, пратете ги до офис.",
         "бл. 8, вх. Г"),
        ("Στείλτε τα έντυπα εκεί· η διεύθυνση που σας έδωσα είναι η δική μου: Ερμού 15, 105 63 Αθήνα.",
         "Ερμού 15, 105 63"),
    ],
)
def test_ones_own_address_for_a_courier_or_said_to_be_ones_own_is_personal(text, secret):
    assert secret not in kept_text(text)


@pytest.mark.parametrize(
    "text",
    [
        "Sunucuları kargo ile gönderiyoruz; kargo adresi: ODTÜ Bilgi İşlem Daire Başkanlığı, Üniversiteler Mah. "
        "Dumlupınar Blv. No: 1, 06800 Çankaya / Ankara",
        "Η διεύθυνση του Ινστιτούτου για τα δέματα είναι: Πατησίων 42, 106 82 Αθήνα.",
    ],
)
def test_an_institutes_address_for_parcels_stays(text):
    assert found(text, "personal") == []


def test_a_configuration_said_to_be_ones_own_is_no_address():
    text = "Questa è la mia configurazione:\n\n[Interface]\nAddress = 10.8.0.5/24\nDNS = 10.8.0.1"
    assert "10.8.0.5/24" in kept_text(text)


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("Nycklarna hänger i låsskåpet vid trappan, skåpets kod är 5-3-8-1.", "5-3-8-1"),
        ("Die Ersatzschlüssel liegen im Schließfach neben dem Labor, der Code lautet 7204.", "7204"),
        ("Les clés sont dans l'armoire à clés du couloir, le code est 3916.", "3916"),
        ("Klucze są w szafce na klucze przy wejściu, kod do szafki to 4-4-0-2.", "4-4-0-2"),
        ("Avaimet ovat avainlokerossa aulassa, lokeron koodi on 8150.", "8150"),
    ],
)
def test_a_key_cabinets_or_lockers_code_is_a_credential(text, secret):
    assert secret not in kept_text(text)


def test_a_lockers_neighbour_error_code_stays():
    text = "Avaimet löytyvät avainkaapista käytävän päästä. Palvelimen virhekoodi on 5021."
    assert "5021" in kept_text(text)


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("Salut,\n\nStrict confidențial, vă rog nu copiați în cazul public: bugetul proiectului a fost tăiat cu 30%.",
         "bugetul proiectului"),
        ("Ciao,\n\nti dico una cosa, riservata e da non copiare nel ticket pubblico: il contratto di Luca scade a marzo.",
         "contratto di Luca"),
        ("Hi,\n\nthe quota is fine; one more thing, not to be copied to the public case: Anna is leaving in May.",
         "Anna is leaving"),
        ("Hoi,\n\ndit graag niet kopiëren naar de openbare zaak: Jan vertrekt in juni.", "Jan vertrekt"),
    ],
)
def test_a_marker_inside_a_sentence_with_a_request_not_to_copy_withholds_what_follows(text, secret):
    assert found(text, "marker")  # (a marker withholds the message: the policy's decision)


@pytest.mark.parametrize(
    "text",
    [
        "Please copy the log into the public case: the error is on line 42.",
        "Non è riservato, si può riportare nel caso pubblico: il problema è risolto.",
        "Classification levels: confidential, internal, public.",
    ],
)
def test_a_request_to_copy_into_the_public_case_or_a_list_of_levels_stays(text):
    assert found(text, "marker") == []
