"""Harmless text two outside corpora (h71: no theme; h72: private life told in passing) lost at
their first measure, as classes: a VO field listing two VOs with a slash; an OAuth client
registered "as" a confidential client, in other languages' "as"; a marker word as a part of a
thing's name joined by hyphens; a host certificate's DN ending a sentence; a password field said
to be left empty, a method's name after it. Each with the confidential look-alike that must
still go."""

from __future__ import annotations

import pytest
from support.findings import found, kept_text

from generator.screening import fields


@pytest.mark.parametrize(
    ("value", "vos"),
    [
        ("vo.clarin.eu / vo.dariah.eu", ["vo.clarin.eu", "vo.dariah.eu"]),
        ("biomed | vo.access.egi.eu", ["biomed", "vo.access.egi.eu"]),
    ],
)
def test_vos_listed_with_a_slash_or_a_bar_are_each_a_vo(value, vos):
    assert fields.vo_list(value) == vos


def test_a_vo_and_a_person_after_a_slash_stay_one_value_to_judge():
    assert fields.vo_list("vo.example.eu / Jan Novák") == ["vo.example.eu / Jan Novák"]


@pytest.mark.parametrize(
    "text",
    [
        "Registreer de client opnieuw in Check-in als confidential client.",
        "Enregistrez le portail comme confidential client dans Check-in.",
    ],
)
def test_a_client_registered_as_a_confidential_client_is_no_marking(text):
    assert not found(text, "marker")


@pytest.mark.parametrize(
    "text",
    [
        "„Tajno“ u nazivu repozitorija tajno-test je samo šala kolege; repozitorij je javan.",
        "The bucket my-confidential-bucket is public by design, it holds the training data.",
    ],
)
def test_a_marker_word_inside_a_hyphenated_name_is_no_marking(text):
    assert not found(text, "marker")


@pytest.mark.parametrize(
    "text",
    ["CONFIDENTIAL-test results follow: the audit failed.", "Internal-only: the fix is a hack."],
)
def test_a_marker_in_capitals_or_with_only_still_marks(text):
    assert found(text, "marker")


def test_a_host_dn_ending_its_sentence_stays():
    text = ("Le DN est /DC=org/DC=terena/DC=tcs/C=FR/O=CNRS/CN=sbgse1.in2p3.fr. Pouvez-vous confirmer "
            "qu'aucune action n'est requise ?")
    assert "/CN=sbgse1.in2p3.fr" in kept_text(text)


def test_a_persons_dn_ending_its_sentence_still_goes():
    text = "My DN is /DC=org/DC=terena/DC=tcs/C=FR/O=CNRS/CN=Jean Dupont. Pouvez-vous l'ajouter ?"
    assert "Jean Dupont" not in kept_text(text)


@pytest.mark.parametrize(
    ("text", "keep"),
    [
        ("Dans clouds.yaml il faut laisser le champ password vide et utiliser la méthode v3oidcaccesstoken :",
         "v3oidcaccesstoken"),
        ("Bitte das Feld Passwort leer lassen und stattdessen v3applicationcredential nehmen.",
         "v3applicationcredential"),
    ],
)
def test_a_password_left_empty_leaves_the_method_after_it(text, keep):
    assert keep in kept_text(text)


def test_a_password_given_after_the_empty_field_still_goes():
    text = "Laisse le champ password vide, le mot de passe est Xk8#pL2qZ et il marche."
    assert "Xk8#pL2qZ" not in kept_text(text)
