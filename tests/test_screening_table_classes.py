"""Classes of held-out corpora measured before these rules existed: an adversarial writer's
(holdout 46) marker spaced by other signs than spaces, birth date restated in brackets and pay
line that begins with its label; and the classes of holdouts 47 to 49 (spoken and dictated text,
data protection paperwork, tables), added with their rules. The examples are new, in other
words than the corpora's."""

from __future__ import annotations

import pytest
from support.findings import found, kept_text


@pytest.mark.parametrize(
    "text",
    ["V·E·R·T·R·O·U·W·E·L·I·J·K: het wachtwoord van de beheerder staat in de kluis.",
     "R_I_S_E_R_V_A_T_O - le credenziali del nodo sono nel documento condiviso.",
     "P*O*U*F*N*E: dane dostępowe są w sejfie zespołu."],
)
def test_a_marker_spaced_by_dots_underscores_or_stars_is_a_marker(text):
    assert found(text, "marker")


def test_letters_joined_by_a_sign_in_ordinary_text_stay():
    text = "The four options a*b*c*d multiply, and the x-y-z axes are labelled as usual."
    assert found(text, "marker") == [] and "x-y-z axes" in kept_text(text)


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("Our new member was born on the 21st of June (21/06/1988) in Tartu.", "21/06/1988"),
        ("Nata il 4 aprile, 04.04.1979 per la precisione, a Pavia.", "04.04.1979"),
    ],
)
def test_a_birth_date_restated_after_its_day_and_month_is_personal(text, secret):
    assert secret not in kept_text(text)


def test_a_service_born_on_a_recent_day_is_kept():
    assert "12/09/2022" in kept_text("The portal was born on the 12th of September (12/09/2022) at the hackathon.")


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("Staff costs: Olga Petrova (research engineer): 3,650 EUR/month", "3,650 EUR"),
        ("Personnel: Tomasz Wiśniewski (admin) 11 200 PLN brutto/miesiąc", "11 200 PLN"),
    ],
)
def test_a_pay_line_that_begins_with_its_label_is_personal(text, secret):
    assert secret not in kept_text(text)


def test_a_budget_line_without_a_person_is_kept():
    text = "Personnel costs\n- Cloud credits: 12,000 EUR per year\n- Storage: 3,000 EUR per year"
    assert "12,000 EUR per year" in kept_text(text)
