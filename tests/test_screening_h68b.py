"""Classes of the h67 and h68 held-out corpora: one's own pay named by a possessive after the pay
word (Norwegian, Swedish, Danish) or by Portuguese's other pay words, and a car's plate after a
possessive plate word. The examples are new, in other words than the corpora's."""

from __future__ import annotations

import pytest
from support.findings import found, kept_text


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("Etter opprykket er lønnen min 58 300 kr i måneden, så jeg kan betale selv.", "58 300"),
        ("Sedan i mars är lönen min 41 200 kr i månaden före skatt.", "41 200"),
        ("Lønnen hendes er nu 36 500 kr om måneden.", "36 500"),
        ("Desde janeiro o meu ordenado passou para 2 150 € líquidos por mês.", "2 150"),
        ("O seu vencimento base é de 1 730 euros brutos.", "1 730"),
    ],
)
def test_ones_own_pay_with_a_possessive_after_or_a_portuguese_pay_word_is_personal(text, secret):
    assert secret not in kept_text(text)


@pytest.mark.parametrize(
    "text",
    [
        "Lønnen for stillingen er 58 300 kr i måneden etter tariff.",
        "A data de vencimento da fatura é 30/06 e o valor é 1 730 €.",
        "O vencimento do cargo de técnico superior é 1 730 € por mês, segundo a tabela pública.",
    ],
)
def test_a_public_pay_or_a_due_date_stays(text):
    assert found(text, "personal") == []


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("Pour l'accès au parking de l'institut, ma plaque est FR-306-LM (Peugeot bleue).", "FR-306-LM"),
        ("Badge du garage pour Julien, sa plaque : EK-552-TR, une Zoé blanche.", "EK-552-TR"),
    ],
)
def test_a_plate_after_a_possessive_plate_word_is_personal(text, secret):
    assert secret not in kept_text(text)


@pytest.mark.parametrize(
    "text",
    [
        "Inventaire du parc automobile : plaques FR-306-LM, FR-307-LM et FR-308-LM, voitures de service.",
        "La plaque de la salle B-204 sera posée avant l'ouverture du parking.",
    ],
)
def test_a_fleet_list_or_a_wall_plaque_stays(text):
    assert found(text, "personal") == []
