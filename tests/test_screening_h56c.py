"""Classes of held-out corpus 56 (an outsider's, who never saw the code) that cut harmless text:
an institution's switchboard or main number named as such, an organisation's tax number after a
word naming the organisation in its case, an organisation's official address with the
organisation named in the sentence before, and a parcel's tracking number. The examples are new,
in other words and languages than the corpus's; the look-alikes beside them are a person's."""

from __future__ import annotations

import pytest
from support.findings import found, kept_text

# --- an institution's switchboard or main number -------------------------------------------------


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("Vid frågor om avtalet, ring universitetets huvudnummer 018-471 00 00 så kopplas du vidare.",
         "018-471 00 00"),
        ("Voor vragen over de overeenkomst kunt u het hoofdnummer van SURF bellen: +31 88 787 30 00.",
         "+31 88 787 30 00"),
        ("W sprawach formalnych prosimy dzwonić na numer główny centrum: +48 12 632 33 55.", "+48 12 632 33 55"),
        ("Pro administrativní dotazy volejte hlavní číslo ústavu: +420 266 052 111.", "+420 266 052 111"),
        ("Cordialement,\nMarie Durand\nStandard du Laboratoire : +33 4 76 88 10 00", "+33 4 76 88 10 00"),
        ("Para assuntos do contrato, o secretariado do INCD atende no +351 21 844 0200.", "+351 21 844 0200"),
    ],
)
def test_an_institutions_main_number_named_so_is_kept(text, number):
    assert number in kept_text(text)


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("Hovednummer +45 35 87 89 89, direkte +45 35 87 89 12", "+45 35 87 89 12"),
        ("Yliopiston vaihde +358 29 41 911, oma numeroni 040 123 4567", "040 123 4567"),
        ("Secretariado: +351 21 844 0100; telemóvel do Nuno: +351 912 345 678", "+351 912 345 678"),
    ],
)
def test_a_persons_own_line_beside_a_main_number_is_still_a_phone(text, number):
    assert number in found(text, "phone")


# --- an organisation's tax number, the organisation named in its case ----------------------------


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("Podaci o ustanovi: Institut Ruđer Bošković, OIB ustanove 69435151530", "69435151530"),
        ("Matična številka zavoda: 5051606000, davčna številka zavoda: SI 41234567", "SI 41234567"),
        ("Kurumun vergi numarası: 1234567890", "1234567890"),
        ("Данъчен номер на института: 000663814", "000663814"),
        ("Datos fiscales de la entidad: Universidad de Cantabria, CIF: Q3918001C, Santander.", "Q3918001C"),
        ("Dades fiscals: Consorci de Serveis Universitaris de Catalunya, NIF de l'entitat: Q0801175A",
         "Q0801175A"),
    ],
)
def test_an_organisations_tax_number_named_so_is_kept(text, number):
    assert number in kept_text(text)


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("OIB zaposlenika ustanove: 69435151530", "69435151530"),
        ("NIP pracownika uczelni: 123-456-32-18", "123-456-32-18"),
        ("DNI: 48291736K", "48291736K"),
    ],
)
def test_a_persons_tax_number_beside_an_organisation_still_goes(text, number):
    assert number not in kept_text(text)


# --- an organisation's official address, the organisation named before ---------------------------


@pytest.mark.parametrize(
    ("text", "address"),
    [
        ("The Institute of Physics is ready to provide resources for the VO of the project. The official "
         "address for correspondence is: ul. Radzikowskiego 152, 31-342 Kraków.", "ul. Radzikowskiego 152"),
        ("Instytut Fizyki Jądrowej PAN jest gotowy udostępnić zasoby dla VO projektu. Oficjalny adres do "
         "korespondencji to: ul. Radzikowskiego 152, 31-342 Kraków.", "ul. Radzikowskiego 152"),
        ("Институтът по математика е готов да предостави ресурси. Официалният адрес за кореспонденция е: "
         "ул. „Акад. Г. Бончев“, бл. 8, 1113 София.", "бл. 8, 1113 София"),
    ],
)
def test_an_organisations_official_address_is_kept(text, address):
    assert address in kept_text(text)


@pytest.mark.parametrize(
    ("text", "address"),
    [
        ("Работя в Института по физика. Моят официален адрес за кореспонденция е: ул. Цар Симеон 45, 1000 София.",
         "Цар Симеон 45"),
        ("Instytut Fizyki przystępuje do federacji. Mój adres do korespondencji: ul. Polna 12 m. 4, 31-342 Kraków.",
         "Polna 12"),
    ],
)
def test_a_persons_address_beside_an_institute_still_goes(text, address):
    assert address not in kept_text(text)


# --- a parcel's tracking number --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("Die Sendungsnummer des Pakets lautet 1234 5678 9012.", "1234 5678 9012"),
        ("The tracking number of the parcel is 7381 4426 9910, arrives Monday.", "7381 4426 9910"),
        ("Numer przesyłki: 6250 1123 4477", "6250 1123 4477"),
        ("Le numéro de suivi du colis : 8842 1057 3361", "8842 1057 3361"),
    ],
)
def test_a_parcels_tracking_number_is_kept(text, number):
    assert number in kept_text(text)


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("Paket unterwegs, Sendungsnummer folgt; ruf mich an unter 0151 2287 4419", "0151 2287 4419"),
        ("Kargo gelince beni cep telefonumdan arayın: 0532 412 87 63", "0532 412 87 63"),
    ],
)
def test_a_phone_number_after_a_tracking_word_is_still_a_phone(text, number):
    assert number in found(text, "phone")
