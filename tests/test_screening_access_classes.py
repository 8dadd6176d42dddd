"""Classes of text about identity and access (holdout 38: accounts, certificates, tokens and the
paperwork of getting in; measured before these rules existed). Leaked: an account's backup codes
named in French or Polish, and every code of a list after the first. Lost: a certification
authority's DN whose common name has "CA" glued to its end. The examples are new, in other words
than the corpus's."""

from __future__ import annotations

import pytest
from support.findings import found, kept_text


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        ("Ztratil jsem mobil, záložní kódy: 5521-0093 8812-4471", ["5521-0093", "8812-4471"]),
        ("varakoodit 73920184, 11827465 ja 99013276 ovat vielä tallessa", ["73920184", "11827465", "99013276"]),
        ("Backup-Codes: 4410 9921, 3318 0072", ["4410 9921", "3318 0072"]),
    ],
)
def test_every_backup_code_of_a_list_is_a_credential(text, codes):
    kept = kept_text(text)
    assert found(text, "credential") and not any(c in kept for c in codes)


def test_a_code_and_a_count_after_it_is_one_code():
    assert "2025 attendees" in kept_text("Meeting passcode 4471 2025 attendees joined")


def test_a_certification_authoritys_dn_is_kept():
    assert found("The CA /DC=org/DC=example/CN=ExampleGridCA expires in 2027.", "personal") == []


@pytest.mark.parametrize(
    "text",
    ["/DC=org/DC=terena/DC=tcs/C=IT/O=INFN/CN=Monica Bianchi", "/DC=eu/DC=example/O=lab/CN=Rebecca"],
)
def test_a_persons_dn_whose_name_ends_in_ca_stays_personal(text):
    assert found(text, "personal")
