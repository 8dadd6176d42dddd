"""Classes of the h61 corpus (an outsider's): an operation named by its body part in a compound
with its sick leave, a sense impairment told of oneself, an illness told by a word with a first
person's possessive ending, an allergy told without a verb. The examples are new, in other words
than the corpus's."""

from __future__ import annotations

import pytest
from support.findings import found, kept_text


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("Danke für die Mail. Ich bin nach meiner Schulter-OP bis Ende Mai zu Hause und lese wenig.", "Schulter-OP"),
        ("Kurze Info: nach einer Meniskus-OP arbeite ich bis 4. Mai nur halbtags.", "Meniskus-OP"),
    ],
)
def test_an_operation_in_a_compound_with_op_told_of_oneself_is_health(text, secret):
    assert secret not in kept_text(text)


def test_a_surgery_simulation_project_is_kept():
    text = "The Knie-OP simulation project runs its finite element model on the new GPU nodes."
    assert "Knie-OP" in kept_text(text)


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("Hallo, ich bin schwerhörig und bräuchte beim Webinar bitte Untertitel.", "schwerhörig"),
        ("Bonjour, je suis malvoyante : pourriez-vous m'envoyer les diapositives avant ?", "malvoyante"),
        ("Hej, jag är hörselskadad, så textning vore bra under mötet.", "hörselskadad"),
        ("Hi all, I'm partially deaf, so please turn on captions for the call.", "deaf"),
    ],
)
def test_a_sense_impairment_told_of_oneself_is_health(text, secret):
    assert secret not in kept_text(text)


@pytest.mark.parametrize(
    "text",
    ["Live captions are provided for hard-of-hearing participants of the webinar.",
     "Untertitel für schwerhörige Teilnehmende sind im Webinar vorhanden.",
     "The papers go through a blind review before the programme committee meets."],
)
def test_a_sense_impairment_of_a_group_or_a_method_is_kept(text):
    assert found(text, "personal") == []


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("Kayıt oldum ama kanserim nedeniyle sadece sabah oturumlarına katılabilirim.", "kanserim"),
        ("Hei, ilmoittauduin kurssille. Diabetekseni takia tarvitsen välipalan iltapäivällä.", "Diabetekseni"),
    ],
)
def test_an_illness_with_a_first_persons_possessive_ending_is_health(text, secret):
    assert secret not in kept_text(text)


def test_an_illness_dashboard_is_kept():
    text = "The diabetes dashboard of the consortium shows monthly figures for all regions."
    assert "diabetes dashboard" in kept_text(text)


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("Quick note for the dinner: severe shellfish allergy, my EpiPen is in my bag.", "shellfish allergy"),
        ("Piccola nota: allergia grave alle noci, porto con me la mia penna.", "allergia grave"),
    ],
)
def test_an_allergy_told_without_a_verb_with_its_severity_is_health(text, secret):
    assert secret not in kept_text(text)


def test_a_menu_of_severe_allergens_is_kept():
    assert found("The menu lists severe allergens such as peanuts and sesame.", "personal") == []


@pytest.mark.parametrize(
    ("text", "plate"),
    [
        ("Za parking na institutu: moj auto je ZG 4417-KT, sivi Golf.", "ZG 4417-KT"),
        ("Für die Einfahrt: mein Auto ist M-AB 1234, ein blauer Kombi.", "M-AB 1234"),
        ("Pour le parking, ma voiture : GH-482-KT.", "GH-482-KT"),
    ],
)
def test_a_plate_right_after_ones_own_car_goes(text, plate):
    assert plate not in kept_text(text)


@pytest.mark.parametrize(
    "text",
    [
        "My car is in the garage, so order ZG 4417-KT from the parts list.",
        "moj auto je u servisu, dolazim vlakom.",
    ],
)
def test_ones_own_car_without_its_plate_after_it_stays(text):
    assert kept_text(text) == text


@pytest.mark.parametrize(
    ("text", "pay"),
    [
        ("to be honest I'm on 0.8 FTE — £2,950 gross a month — so the trip is on my own money", "£2,950"),
        ("For the budget line: Dr Tomasz Wielgosz is on band 6, i.e. €38,400 per annum before tax.", "€38,400"),
        ("Our engineer Ana Ribeiro is on €2.310 net per month at the moment.", "€2.310"),
    ],
)
def test_pay_somebody_is_on_with_its_period_and_gross_goes(text, pay):
    assert pay not in kept_text(text)


@pytest.mark.parametrize(
    "text",
    [
        "The GPU flavour is on offer at €40 net a month until June.",
        "I am on a fixed contract, the cloud costs €500 per month net.",
        "Marek Novak is on leave; the licence costs €300 a year.",
        "The new VM is on €0.04 per hour, no tax.",
    ],
)
def test_a_price_something_is_on_stays(text):
    assert kept_text(text) == text


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("אני לא אוכל להגיע לסדנה ביום שבת כי אני שומרת שבת, אפשר ביום ראשון?", "אני שומרת שבת"),
        ("Saturday does not work for me: I keep Shabbat.", "I keep Shabbat"),
    ],
)
def test_ones_own_observance_goes(text, said):
    assert said not in kept_text(text)


def test_a_meeting_not_held_on_shabbat_stays():
    text = "המפגש לא יתקיים בשבת, נתראה ביום ראשון."
    assert kept_text(text) == text
