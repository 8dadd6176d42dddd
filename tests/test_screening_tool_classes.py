"""Classes of text pasted from the team's other tools (holdout 37: chats, wikis, trackers and
shared documents; measured before these rules existed). Leaked: a phone number after a word for
emergencies ("urgencias 612 345 678"). Lost: a settings table's "required" in a wiki's markup or
in another language ("|password|**required**|", "password = **vyžadováno**"); a forge's issue
reference read as random ("owner/repo#221"); a chat's "@nick:" heading the line after "08-16."
read as an address split over two lines; "no need to mark this as confidential:"; sites listed
with a slash; "no longer sends" read as a negated command to share. The examples are new, in
other words than the corpus's."""

from __future__ import annotations

import pytest
from support.findings import found

from generator.screening.fields import site_names


@pytest.mark.parametrize(
    "text",
    [
        "(status: on leave, emergencies +49 171 5550123)",
        "Notfall: 0171 555 0199, sonst Mail",
        "urgences 06 12 34 56 78 uniquement",
    ],
)
def test_a_number_for_emergencies_is_a_phone(text):
    assert found(text, "phone")


@pytest.mark.parametrize(
    "text",
    [
        "||Option||Value||\n|password|**required**|set it in ~/.netrc|",
        "| password:: || ''obligatoire''",
        "Confluence: param password = **erforderlich** in der Tabelle",
        "heslo: povinné (viz tabulka nastavení)",
    ],
)
def test_required_in_a_settings_table_is_no_password(text):
    assert found(text, "credential") == []


def test_a_password_in_a_wiki_table_cell_is_still_one():
    assert found("|password|Tr0ub4dor&3x|rotated monthly|", "credential")


def test_a_forges_issue_reference_is_public():
    assert found("see EGI-Federation/fedcloud-catchall-operations#402 and group/project!17", "credential") == []


def test_a_chat_mention_after_a_line_is_no_split_address():
    assert found("@ana.kovac: window 2025-04-02 klo 08-16.\n@mikko.lahti: ok, noted", "e-mail") == []


def test_an_address_split_over_two_lines_still_is_one():
    assert found("write to jan.novak\n@cesnet.cz about it", "e-mail")


@pytest.mark.parametrize(
    "text",
    [
        "No hace falta marcar esto como confidencial: es el calendario público.",
        "Pas besoin de mettre ça en confidentiel : c'est déjà sur le site.",
        "There is no need to treat this as confidential: it is the public plan.",
    ],
)
def test_no_need_to_mark_it_confidential_hides_nothing(text):
    assert found(text, "marker") == []


def test_a_marker_after_no_need_in_another_clause_still_marks():
    assert found("No need to mark it, but confidential: the root password is in the vault.", "marker")


def test_sites_listed_with_a_slash_are_a_list():
    assert site_names("UKI-LT2-QMUL / RAL-LCG2") == "UKI-LT2-QMUL, RAL-LCG2"


def test_no_longer_sending_is_a_state_and_no_longer_sharing_a_command():
    assert found("Clusterul RO-07-NIPNE nu mai trimite date la APEL din 3 aprilie.", "marker") == []
    assert found("Bitte nicht mehr weitergeben: die Liste ist intern.", "marker")


def test_a_header_cut_short_by_a_snippet_is_no_credential():
    """A search snippet ends where its length does: "Authorization: Bearer…" has no value left
    (the audit withheld a case that screening had passed for it); a token cut short still counts."""
    assert found('curl -H "Authorization: Bearer…', "credential") == []
    assert found("Authorization: Bearer Zk29fj3kLq8xNb2…", "credential")


def test_an_address_already_cut_is_not_found_again_with_the_next_line():
    text = "pracuju z domu: [redacted: personal]\n<mc-bot> Nový ticket #55213 přiřazen"
    assert found(text, "personal") == []


def test_an_address_cut_on_its_line_is_not_found_again_after_an_earlier_home_word():
    text = "<jan> send it to my home address, I work from home: [redacted: personal]\n<bot> ticket #55213 assigned"
    assert found(text, "personal") == []


@pytest.mark.parametrize(
    "value", ["RO-07-NIPNE / CNP operator 1 850312 400311", "SURF-HPC / session key 4f9c2e7a-81b3-4d6f-a5e0-93c1b7d28f46"]
)
def test_words_after_a_slash_that_are_no_site_names_drop_the_value(value):
    assert site_names(value) is None
