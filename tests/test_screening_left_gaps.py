"""Classes the h61 helpers named and left: an internal note's heading as a sentence of its own after
a word calling for attention ("OBS: internt."), and on the harmless side a need that may arise
("In case of a severe allergy, ...") and a procedure announced after a password word ("To reset
your password, follow these steps:" then the steps). The examples are new, in other words than
the helpers' reports."""

from __future__ import annotations

import pytest
from support.findings import found, kept_text


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("OBS: internt. Vi kommer troligen att förlora finansieringen efter juni.", "internt"),
        ("Huom: sisäinen. Rahoitus päättyy kesäkuussa, emme kerro vielä asiakkaalle.", "sisäinen"),
        ("NB: intern. Der Betreiber wechselt zum Jahresende, bitte noch nicht weitersagen.", "intern"),
        ("Note: internal. The partner site will not renew its contract.", "internal"),
    ],
)
def test_a_heading_word_as_its_own_sentence_after_an_attention_word_is_a_marker(text, word):
    assert found(text, "marker") == [word]  # (a marker withholds the rest of its message: policy's tests)


@pytest.mark.parametrize(
    "text",
    [
        "Note: internal DNS names resolve only inside the VPN. We use 10.0.0.53.",
        "Hinweis: intern.example.org ist wieder erreichbar.",
    ],
)
def test_an_attention_word_before_a_heading_word_in_a_phrase_is_not_a_marking(text):
    assert found(text, "marker") == []


@pytest.mark.parametrize(
    "text",
    [
        "In case of a severe allergy, an auto-injector is kept at the registration desk.",
        "Im Falle einer schweren Allergie liegt ein Adrenalin-Autoinjektor an der Rezeption.",
        "W przypadku ciężkiej alergii adrenalina jest dostępna w recepcji.",
        "En cas d'allergie sévère, un auto-injecteur est disponible à l'accueil.",
    ],
)
def test_a_need_that_may_arise_is_nobodys_health(text):
    assert not found(text, "personal")


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("Frau Lindqvist hat eine schwere Nussallergie, bitte beim Catering melden.", "schwere Nussallergie"),
        ("My daughter has a severe peanut allergy and carries an EpiPen.", "severe peanut allergy"),
    ],
)
def test_somebodys_allergy_is_still_health(text, secret):
    assert secret not in kept_text(text)


@pytest.mark.parametrize(
    ("text", "keep"),
    [
        ("To reset your password, follow these steps:\nOpen the portal and choose Forgot password.", "Open the portal"),
        ("To change your password, follow these instructions:\nThanks", "Thanks"),
        ("Um Ihr Passwort zu ändern, folgen Sie diesen Schritten:\n1. Portal öffnen", "1. Portal öffnen"),
        ("Aby zmienić hasło, wykonaj następujące kroki:\n1. Otwórz portal", "1. Otwórz portal"),
    ],
)
def test_steps_announced_after_a_password_word_are_no_value(text, keep):
    assert keep in kept_text(text)


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("The password for the service account:\nTq4-mRv9-Lx2w", "Tq4-mRv9-Lx2w"),
        ("Passwort für den Dienstaccount:\nFichte-Nebel-81!", "Fichte-Nebel-81!"),
    ],
)
def test_a_password_on_the_next_line_still_goes(text, secret):
    assert secret not in kept_text(text)


@pytest.mark.parametrize(
    ("text", "keep"),
    [
        ("1739265242 [ce01.grid.example.eu] condor_starter[4411]: slot2_3@wn-207-04 exited with status 9", "wn-207-04"),
        ("Node: wn-31-112", "wn-31-112"),
        ("Image: quay.io/biocontainers/bcftools:1.20--h8b25389_0 (built 2024-05-02)", "1.20--h8b25389_0"),
        ("Versión de la imagen: biocontainers/multiqc:1.21--pyhdfd78af_0", "1.21--pyhdfd78af_0"),
    ],
)
def test_a_machines_name_and_a_conda_builds_tag_are_no_random_tokens(text, keep):
    """(h65: a worker node 'wn-482-19' after a log's colon, a BioContainers image's tag)"""
    assert keep in kept_text(text)


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("Passwort: ab-1234", "ab-1234"),
        ("token: Qx7-kd92-Lm4rT8", "Qx7-kd92-Lm4rT8"),
    ],
)
def test_short_values_after_a_secret_word_still_go(text, secret):
    assert secret not in kept_text(text)


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("Krankenkasse | AOK | \nVersichertennr. | K730281946 | ", "K730281946"),
        ("Personalnummer | 00733190 | \nKostenstelle | 4711-300 | ", "00733190"),
    ],
)
def test_an_id_in_the_cell_after_its_label_is_personal(text, secret):
    """(h65-p-003 was published once HTML tables were read one row to a line: the label's value is
    the next cell, after a bar, as it is after a colon)"""
    assert secret not in kept_text(text)


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("Plaćam sam jer institut ne pokriva kotizaciju, račun neka glasi na mene: Ivan Kovač, OIB 69435151530.",
         "69435151530"),
        ("La facultad no lo paga, así que la factura a mi nombre: Lucía Pérez, NIF 12345678Z.", "12345678Z"),
    ],
)
def test_a_persons_tax_number_after_a_colon_is_not_the_institution_named_before_it(text, secret):
    """(h68-p-115: an organisation named in a clause before the colon made the person's OIB an
    institution's; the label's own clause decides)"""
    assert secret not in kept_text(text)


def test_an_institutions_tax_number_after_its_name_and_a_colon_stays():
    text = "Institut Ruđer Bošković: OIB 85173029469"
    assert "85173029469" in kept_text(text)


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("> Could you add my colleague? Her address is marta.kowalska-\n> nowak@gmail.com, thanks.",
         "marta.kowalska-\n> nowak@gmail.com"),
        ("Schreib bitte an jan.de.\nvries@uva.nl", "jan.de.\nvries@uva.nl"),
    ],
)
def test_an_address_wrapped_at_its_hyphen_or_dot_is_cut_whole(text, secret):
    """(h67-p-007: a mail client wrapped the local part at its hyphen and quoted the next line)"""
    assert not any(piece in kept_text(text) for piece in secret.split("\n"))


def test_a_line_ending_in_dots_before_an_address_is_not_its_head():
    text = "Cloning into 'ops'...\nfetch from gitlab@example.org failed"
    assert "Cloning into 'ops'..." in kept_text(text)
