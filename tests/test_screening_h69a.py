"""Home addresses inside pasted structure and in Baltic and Czech shapes (held-out corpora h69 and
h70): a web form's street and postcode-town fields, an address as a data key's value, a calendar
invitation's LOCATION with ICS-escaped commas and a flat's number, Baltic street addresses with
their LT-/LV-/5-digit postcodes, and a street-and-town block under a 'send it to me' line. The
examples are new, in other words than the corpora's; each class has a harmless look-alike."""

from __future__ import annotations

import pytest
from support.findings import found, kept_text


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("Formulaire de commande\nNom : Claire Moreau\nLivraison : domicile\nRue : 12 rue des Lilas\n"
         "CP / Localité : 69003 Lyon\nQuantité : 1", "69003 Lyon"),
        ("Zamówienie\nImię i nazwisko: Anna Kowalska\nUlica: Słoneczna 14/3\n"
         "Kod pocztowy/Miejscowość: 31-234 Kraków\nIlość: 2", "Słoneczna 14/3"),
    ],
)
def test_a_forms_street_and_town_fields_are_a_home(text, secret):
    assert found(text, "personal") and secret not in kept_text(text)


def test_an_organisations_form_keeps_its_address():
    text = ("Einrichtung: Karlsruher Institut für Technologie\nStraße: Hermann-von-Helmholtz-Platz 1\n"
            "PLZ/Ort: 76344 Eggenstein-Leopoldshafen")
    assert "76344 Eggenstein-Leopoldshafen" in kept_text(text)


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ('{"name": "Eva Novak", "deliveryAddress": "Trubarjeva 7, 1000 Ljubljana", "qty": 1}',
         "Trubarjeva 7"),
        ("order:\n  id: 7781\n  adresse_domicile: 'Les Hauts de Chênes 3, 1003 Lausanne'\n  qty: 3", "Hauts de Chênes 3"),
    ],
)
def test_a_data_keys_shipping_or_home_address_is_personal(text, secret):
    assert secret not in kept_text(text)


@pytest.mark.parametrize(
    "text",
    ['{"organisation": "CESNET", "address": "Zikova 4, 160 00 Praha 6"}',
     '{"delivery_address": "CESNET, Zikova 4, 160 00 Praha 6"}'],
)
def test_an_organisations_address_key_stays(text):
    assert "Zikova 4" in kept_text(text)


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("BEGIN:VEVENT\nSUMMARY:Sprint planning\nLOCATION:ul. Długa 5\\, m. 12\\, 00-238 Warszawa\nEND:VEVENT",
         "Długa 5"),
        ("BEGIN:VEVENT\nSUMMARY:Cena del gruppo\nLOCATION:Calle Mayor 8\\, 3º B\\, 28013 Madrid\nEND:VEVENT",
         "Calle Mayor 8"),
    ],
)
def test_a_calendar_location_with_escaped_commas_and_a_flat_is_a_home(text, secret):
    assert secret not in kept_text(text)


def test_a_conference_venues_location_stays():
    text = ("BEGIN:VEVENT\nSUMMARY:EGI Conference 2025\nLOCATION:Aula Magna\\, Universitatea Babeș-Bolyai\\, "
            "Str. Mihail Kogălniceanu 1\\, Cluj-Napoca\nEND:VEVENT")
    assert "Kogălniceanu 1" in kept_text(text)


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("Lūdzu sūtiet uz Krišjāņa Barona iela 44-7, Rīga, LV-1011, paldies.", "Barona iela 44-7"),
        ("Prašome siųsti į Savanorių pr. 120-8, LT-03153 Vilnius.", "Savanorių pr. 120-8"),
    ],
)
def test_a_baltic_address_with_its_flat_is_a_home(text, secret):
    assert secret not in kept_text(text)


@pytest.mark.parametrize(
    ("text", "kept"),
    [("Vilniaus universitetas, Universiteto g. 3, LT-01513 Vilnius", "Universiteto g. 3"),
     ("Rakstu LU MII vārdā. Mūsu oficiālā adrese: Raiņa bulv. 29, Rīga, LV-1459.", "Raiņa bulv. 29")],
)
def test_a_baltic_organisations_address_stays(text, kept):
    assert kept in kept_text(text)


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("Guten Tag,\n\nkönnten Sie mir die Karte bitte privat schicken? Hier wohin (im Büro wird nichts angenommen):\n\n"
         "Am Anger 19\n04109 Leipzig\n\nDanke", "Am Anger 19"),
        ("Dobrý deň,\n\nprosím pošlite mi to sem (do práce to nechodí):\n\nPod Hájom 7\n911 01 Trenčín\n\nĎakujem",
         "Pod Hájom 7"),
    ],
)
def test_a_street_and_town_block_under_a_send_it_to_me_line_is_a_home(text, secret):
    assert secret not in kept_text(text)


def test_a_block_naming_an_organisation_under_a_send_line_stays():
    text = "Please send the signed agreement to our institute:\n\nCESNET\nZikova 4\n160 00 Praha 6\n\nThanks"
    assert "Zikova 4" in kept_text(text)
