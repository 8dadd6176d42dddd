"""Classes of holdouts 71 and 72: a home address told in a story about moving (the auxiliary
first, or the verb without its prefix), a Hungarian flat's address (street, house number, floor and
door) sent to or lived at, a door code's single digits spaced out as a keypad's keys, an IBAN whose
first line ends in letters and whose digits go on on the next line, and abbreviated birth labels
of forms. The examples are new, in other words than the corpora's."""

from __future__ import annotations

import pytest
from support.findings import found, kept_text

from generator.screening.detectors import find_all


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("Promiňte zpoždění, v sobotu jsme se stěhovali do Slezská 1748/92, 130 00 Praha 3 a pořád balíme.",
         "Slezská 1748/92"),
        ("Ospravedlňujem sa, minulý mesiac som sa presťahovala na Račianska 1561/44, 831 02 Bratislava.",
         "Račianska 1561/44"),
    ],
)
def test_a_home_told_in_a_story_about_moving_is_personal(text, secret):
    assert secret not in kept_text(text)


def test_an_institutes_move_stays():
    text = "Minulý týden jsme se přestěhovali do nové budovy ústavu: Zikova 1903/4, 160 00 Praha 6 (CESNET)."
    assert found(text, "personal") == []


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("Az új szerződést kérem a Rákóczi út 27. 4/15 címre postázni, köszönöm.", "Rákóczi út 27. 4/15"),
        ("Tavaly átköltöztem, most a Fő utca 3. 2/8 alatt lakom.", "Fő utca 3. 2/8"),
    ],
)
def test_a_hungarian_flats_address_sent_to_or_lived_at_is_personal(text, secret):
    assert secret not in kept_text(text)


def test_a_hungarian_institutes_address_stays():
    text = "A számlát a Wigner FK címére kérjük: Konkoly-Thege Miklós út 29-33. címre postázva."
    assert "Konkoly-Thege Miklós út 29-33." in kept_text(text)


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("The key cabinet is in the corridor; the door code is 4 8 0 2 * now, they reset it.", "4 8 0 2"),
        ("Der Code für die Tür zum Serverraum ist 6 1 5 9 # seit Montag.", "6 1 5 9"),
    ],
)
def test_a_door_code_with_spaced_digits_is_a_credential(text, secret):
    assert secret not in kept_text(text)


def test_spaced_digits_after_an_error_code_stay():
    assert found("The job ended with error code 1 2 3 4 # see the log.", "credential") == []


@pytest.mark.parametrize(
    "text",
    ["Per il rimborso, il mio conto personale:<br>IT09K<br>0306909606100000012345",
     "Vă rog virați suma în contul meu:\nRO66BACX\n0000001234567890\nMulțumesc"],
)
def test_an_iban_whose_first_line_ends_in_letters_is_personal(text):
    assert any(f.rule == "personal.iban" for f in find_all(text))


def test_an_iban_in_one_piece_of_a_foundation_on_two_lines_stays_for_the_fee():
    text = "Please pay the workshop fee to EGI Foundation, IBAN:\nNL91ABNA041716\n4300"
    assert found(text, "personal") == []


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("Dados para o seguro:\nNome: Inês Carvalho\ndata de nasc.: 22/09/1985\n", "22/09/1985"),
        ("Dati per l'assicurazione: Marco Bassi, data di nasc.: 03/06/1982, Padova", "03/06/1982"),
        ("Navn: Ole Hansen, fødselsd.: 17.05.1984", "17.05.1984"),
        ("Nombre: Lucía Gil\nf. nac.: 11-02-1980", "11-02-1980"),
    ],
)
def test_a_birth_date_after_an_abbreviated_label_is_personal(text, secret):
    assert secret not in kept_text(text)


def test_an_empty_abbreviated_birth_label_of_a_form_stays():
    text = "Formulario:\nNombre:\nfecha de nac.: dd-mm-aaaa\nInstitución:"
    assert found(text, "personal") == []
