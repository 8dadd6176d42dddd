"""Classes of harmless text a held-out corpus of mail threads (holdout 22, measured before these
rules existed) showed being withheld or cut, each with the confidential text next to it that must
still be found: a question or a deliberation about whether something is confidential; a value
masked with stars; a template address at a domain reserved for examples; a signed coordinate read
as a phone number; and a share link whose token is digits and a run of consonants. The examples
are new, in other words and languages than the corpus's."""

from __future__ import annotations

import pytest

from support.findings import found


@pytest.mark.parametrize(
    "text",
    [
        "> Is the training material confidential?\nNo, it is on the public wiki.",
        "Sind die Folien vertraulich? Nein, sie stehen auf Indico.",
        "Les comptes rendus sont-ils confidentiels ? Non, ils sont publics.",
        "Czy ten raport jest poufny? Nie, jest publiczny.",
        "We asked the board whether the usage statistics are confidential. They are not.",
        "Wir haben geklärt, ob der Bericht vertraulich bleiben muss: er wird veröffentlicht.",
        "Hemos preguntado si el informe es confidencial; se publica en la web.",
        "Abbiamo chiesto se il verbale è riservato: non lo è.",
    ],
)
def test_asking_whether_something_is_confidential_marks_nothing(text):
    assert found(text, "marker") == []


@pytest.mark.parametrize(
    "text",
    [
        "Could you keep this confidential? The PI is on leave until March.",
        "Können Sie das bitte vertraulich behandeln? Der Vertrag wird gekündigt.",
        "CONFIDENTIAL? The budget will be cut.",
        "Confidential. The PI is leaving the project.",
        "I do not know whether you saw the mail, but this is confidential: the grant was cut.",
    ],
)
def test_a_request_a_heading_or_a_statement_still_marks(text):
    assert found(text, "marker")


@pytest.mark.parametrize(
    "text",
    [
        "Account a***@u***.eu has been re-enabled.",
        "The mail to m.k****@example-uni.de bounced twice.",
    ],
)
def test_an_address_masked_with_stars_is_no_address(text):
    assert found(text, "e-mail") == []


@pytest.mark.parametrize(
    ("text", "address"),
    [
        ("Contact *anna.berg@uni-example.se* for access.", "anna.berg@uni-example.se"),
        ("Write to **piet.jansen@example-lab.nl**.", "piet.jansen@example-lab.nl"),
        ("Her address: m.kowalska@uni-wroc.example.pl", "m.kowalska@uni-wroc.example.pl"),
    ],
)
def test_an_address_in_emphasis_is_still_found(text, address):
    assert any(address in s for s in found(text, "e-mail"))


@pytest.mark.parametrize(
    "text",
    [
        "Enter your address as username@example.com in the form.",
        "The template reads firstname.lastname@example.net, which users copy literally.",
        "Test accounts look like test@portal.test.",
    ],
)
def test_a_template_address_at_a_reserved_domain_is_no_address(text):
    assert found(text, "e-mail") == []


@pytest.mark.parametrize(
    ("text", "address"),
    [
        ("Please write to name.surname@uni-example.at about it.", "name.surname@uni-example.at"),
        ("The user is user@gmail.com, please reset.", "user@gmail.com"),
        ("Her mail is j.dupont@example.org.", "j.dupont@example.org"),
    ],
)
def test_a_template_word_elsewhere_and_a_name_at_a_reserved_domain_are_still_addresses(text, address):
    assert any(address in s for s in found(text, "e-mail"))


@pytest.mark.parametrize(
    "text",
    [
        "The buoy drifted to +047.2311 +008.9120 overnight.",
        "Offsets applied: +012.4471 and -003.1190 degrees.",
    ],
)
def test_a_signed_number_starting_with_zero_is_no_phone(text):
    assert found(text, "phone") == []


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("Call me on +0039 347 1234567 after five.", "+0039 347 1234567"),
        ("Mobile: +33 6 12 34 56 78", "+33 6 12 34 56 78"),
    ],
)
def test_international_numbers_are_still_phones(text, number):
    assert any(number in s for s in found(text, "phone"))


@pytest.mark.parametrize(
    "text",
    [
        "Draft: https://www.overleaf.com/9081726354vbxtkqzrmplw",
        "Edit link https://pad.example.org/7720193845gtrkxnwqzb please",
    ],
)
def test_a_share_token_of_digits_and_consonants_is_cut(text):
    assert found(text, "credential")


@pytest.mark.parametrize(
    "text",
    [
        "See https://docs.example.org/guides/strength-training for the rhythm exercises.",
        "The package python3-sqlalchemy2 is in EPEL.",
    ],
)
def test_words_and_package_names_are_not_tokens(text):
    assert found(text, "credential") == []
