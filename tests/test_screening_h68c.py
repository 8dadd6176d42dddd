"""Classes of the h67/h68 corpora: a diagnosis told with the verb of being diagnosed and whose it
is, a hospital stay and an operation told by the one who had them (the Baltic languages and the
others), fasting in a faith's season said by the verb's first-person ending (Turkish), and a
marker that asks the message not to leave the team ("que no salga del equipo"). The examples
are new, in other words than the corpora's."""

from __future__ import annotations

import pytest
from support.findings import found, kept_text


@pytest.mark.parametrize(
    "text",
    ["Ospravedlňujem sa, nemôžem šoférovať, mám diagnostikovanú epilepsiu.",
     "Mi è stata diagnosticata l’epilessia, quindi verrò in treno.",
     "Man diagnozavo astmą, todėl seminare dalyvausiu nuotoliu.",
     "Je serai absent: on m'a diagnostiqué une sclérose en plaques le mois dernier."],
)
def test_a_diagnosis_told_with_its_verb_and_whose_it_is_is_health(text):
    assert found(text, "personal")


@pytest.mark.parametrize(
    "text",
    ["Atsiprašau, kad neatsakiau: gulėjau ligoninėje visą savaitę, mane operavo.",
     "Vabandust viivituse pärast, lamasin haiglas ja mind opereeriti.",
     "Przepraszam za zwłokę, cały tydzień leżałam w szpitalu."],
)
def test_a_hospital_stay_or_an_operation_told_by_oneself_is_health(text):
    assert found(text, "personal")


@pytest.mark.parametrize(
    "text",
    ["<div>Ramazan ayında oruçlu olduğumdan akşam yemeğine katılamam.</div>",
     "Ramazan süresince oruç tutacağım, öğle arasını kısa tutabilir miyiz?"],
)
def test_fasting_in_a_season_said_by_the_verbs_ending_is_religion(text):
    assert found(text, "personal")


@pytest.mark.parametrize(
    "text",
    ["E che non esca dal gruppo: il coordinatore sta trattando con un fornitore commerciale.",
     "Bu bilgi ekipten çıkmasın: proje yöneticisi başka bir bulut sağlayıcısıyla görüşüyor.",
     "E que não saia da equipa: o coordenador negoceia com outro fornecedor de nuvem."],
)
def test_a_marker_asking_the_message_not_to_leave_the_team_is_a_marker(text):
    assert found(text, "marker")


@pytest.mark.parametrize(
    ("text", "kept"),
    [("We released an epilepsy research dataset with EEG recordings labelled by clinicians.", "epilepsy research dataset"),
     ("Vilniaus ligoninės klasteris turi 200 mazgų; ligoninėje veikia duomenų centras.", "200 mazgų"),
     ("Takvim: Ramazan Bayramı tatili 10-12 Nisan, ofis kapalı.", "Ramazan Bayramı tatili"),
     ("Si el servidor falla, asegúrate de que no salga el error en la consola.", "no salga el error")],
)
def test_the_look_alikes_stay(text, kept):
    assert found(text, "personal") == [] and found(text, "marker") == [] and kept in kept_text(text)
