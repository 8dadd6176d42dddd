"""Classes of the outsiders' corpora h58 and h59 whose short values were dropped whole for a note
written beside them: a VO with a note in brackets or after a dash, a colon or a comma (its group
as VOMS writes it, its long name, a ticket's number, a few days); a status written as a pair or
with '&'; a site with its coordinates or its link to the network; a link after a label of a few
words; an owner written surname first; a contacts entry in a numbered list. The examples are new,
in other words and languages than the corpora's; the look-alikes beside them hold a person's
name, a phone or a private matter, and still go."""

from __future__ import annotations

import pytest
from support.findings import found

from generator.screening import fields

# --- a VO with a note beside it ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "value",
    [
        "vo.elixir-europe.org (dočasně, 30 dní)",
        "biomed (en attente de validation, GGUS 170321)",
        "vo.envri-fair.eu – Anmeldung über das Operations Portal",
        "vo.cta.cs.zcu.cz: skupina /vo.cta.cs.zcu.cz/analysis",
        "noch keine (beantragen vo.example.de)",
        "todavía ninguna – solicitada en el Operations Portal el 2025-02-11",
        "astro (Istituto Nazionale di Astrofisica)",
        "eiscat.se (European Incoherent Scatter Science Association)",
    ],
)
def test_a_vo_with_a_note_of_words_is_published(value):
    assert fields.vo_name(value) == value and found(value) == []


def test_a_vo_group_after_a_word_is_published():
    assert fields.vo_list("vo.example.eu, Untergruppe /vo.example.eu/ci-tests") == [
        "vo.example.eu", "Untergruppe /vo.example.eu/ci-tests"]


@pytest.mark.parametrize(
    "value",
    [
        "vo.example.eu (Jan Novák, 0612 345 678)",
        "vo.example.eu – ask Maria Rossi, she approves members",
        "vo.example.eu (zastupuje Petra Nováková)",
        "vo.example.eu: jan.novak@example.org",
        "vo.example.eu (tel 0612345678)",
        "vo.example.eu (call 06 12 34 56 78)",
        "Jan Novák (will request vo.example.eu)",
    ],
)
def test_a_vo_with_a_persons_name_or_a_phone_in_its_note_is_still_dropped(value):
    assert fields.vo_name(value) is None


# --- a status written as a pair, or with '&' -----------------------------------------------------------


@pytest.mark.parametrize("value", ["offen / Test & Integration", "stalled | Pre-production",
                                   "en cours / Préparatoire", "Test & Integration"])
def test_a_status_pair_or_a_status_with_an_ampersand_is_published(value):
    assert fields.rt_status(value) == value


@pytest.mark.parametrize("value", ["open / call +420 601 234 567", "open / heslo Tajne123", "open / a / b"])
def test_a_status_pair_with_digits_or_three_parts_is_still_dropped(value):
    assert fields.rt_status(value) is None


# --- a site with its coordinates or its link to the network -----------------------------------------


@pytest.mark.parametrize(
    "value",
    [
        "CESGA (42.8782 N, 8.5448 W), IFCA-LCG2",
        "INFN-T1 (44.4949°N, 11.3426°E)",
        "praguelcg2 (lat 50.09, lon 14.42)",
        "DESY-HH – 400 Gb/s zum DFN",
        "IN2P3-CC (Lyon) — 2 x 100 Gbit/s vers RENATER",
    ],
)
def test_a_site_with_its_coordinates_or_its_network_link_is_published(value):
    assert fields.site_names(value) == value


@pytest.mark.parametrize(
    "value",
    [
        "CESGA (0034 981, 569 810)",
        "CESGA – 10 Gbit/s, ask Jan Novák",
        "CESGA – 10 Gbit/s, tel 0612345678",
    ],
)
def test_a_site_with_a_phone_or_a_person_beside_its_link_is_still_dropped(value):
    assert fields.site_names(value) is None


# --- a link after a label of a few words -------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "address"),
    [
        ("Folien zum Kurs: https://indico.egi.eu/event/123/", "https://indico.egi.eu/event/123/"),
        ("materiały ze szkolenia: https://szkolenia.example.pl/egi.pdf", "https://szkolenia.example.pl/egi.pdf"),
    ],
)
def test_a_link_after_a_label_of_a_few_words_is_kept(value, address):
    assert fields.link_candidates(value) == [address]


def test_a_link_after_a_label_with_a_phone_is_not_a_link_alone():
    assert not all(fields.link(c) for c in fields.link_candidates("ring me 0612345678: https://example.org/x"))


# --- an owner written surname first ------------------------------------------------------------------


@pytest.mark.parametrize("value", ["Nowak-Kowalska, Małgorzata", "van der Berg, Anna", "D'Amico, Lucía"])
def test_an_owner_written_surname_first_is_published(value):
    assert fields.owner(value) == value


@pytest.mark.parametrize("value", ["O'Neill, Aoife, 0871234567", "Smith, tel 0612345678", "Dvořák, Jan, sick leave"])
def test_an_owner_with_a_phone_or_a_note_after_the_names_is_still_dropped(value):
    assert fields.owner(value) is None


# --- a contacts entry in a numbered list -------------------------------------------------------------


@pytest.mark.parametrize(
    ("entry", "shaped"),
    [
        ("2. Luis Gómez, CESGA, administrador de sistemas", ("CESGA", "administrador de sistemas")),
        ("(2) Petr Malý, Masarykova univerzita, vývojář", ("Masarykova univerzita", "vývojář")),
        ("- Jana Horáková, CESNET, správkyně", ("CESNET", "správkyně")),
    ],
)
def test_a_contacts_entry_after_a_lists_number_is_published(entry, shaped):
    assert fields.contact(entry) == shaped


def test_a_numbered_entry_with_a_phone_is_still_dropped():
    assert fields.contact("1) Tom Byrne, EPCC, 0131 650 5000") is None
