"""Classes of held-out corpora h67 and h68 (public numbers, sites, links and contacts that were
cut), added with their rules. The examples are new, in other words than the corpora's."""

from __future__ import annotations

import pytest
from support.findings import found, kept_text

from generator.screening.fields import link, link_candidates, site_names
from generator.screening.text import html_to_text


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Zoom-Meeting-ID: 912 3344 5566 (Kennwort steht im Kalender)", "912 3344 5566"),
        ("Webinaire 734 2210 8876 : l'enregistrement est en ligne.", "734 2210 8876"),
    ],
)
def test_a_meeting_id_after_a_meeting_word_is_kept(text, kept):
    assert kept in kept_text(text)


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("After the webinar call me on 734 2210 8876, please.", "734 2210 8876"),
        ("Spotkanie odwołane - zadzwoń do mnie: 734 2210 8876", "734 2210 8876"),
    ],
)
def test_a_person_s_number_near_a_meeting_word_still_goes(text, secret):
    assert secret not in kept_text(text)


@pytest.mark.parametrize(
    "value",
    ["IFCA-LCG2 (Santander, 43.47° N 3.80° W), CESGA",
     "PRAGUELCG2 (50.09 N 14.42 E), CZ-PRAGUE-T2"],
)
def test_a_site_with_its_town_and_coordinates_is_kept(value):
    assert site_names(value) == value


@pytest.mark.parametrize("value", ["CYFRONET-LCG2 (dysk: 3,5 PB), PSNC", "FZK-LCG2 (Band 40 PB), DESY-HH"])
def test_a_site_with_its_storage_in_brackets_is_kept(value):
    assert site_names(value) == value


@pytest.mark.parametrize(
    "value",
    ["NDGF-T1 (Jan Berg, 59.33 N 18.06 E)", "NDGF-T1 (Storgatan 5, 11 PB)"],
)
def test_a_site_note_with_a_person_or_a_street_is_refused(value):
    assert site_names(value) is None


@pytest.mark.parametrize(
    ("value", "links"),
    [
        ("Wiki: https://wiki.egi.eu/wiki/Example\nSlides Kick-off (public): https://indico.egi.eu/event/77/a.pdf",
         ["https://wiki.egi.eu/wiki/Example", "https://indico.egi.eu/event/77/a.pdf"]),
        ("Diapositive pre-evento (pubbliche): https://indico.egi.eu/event/9/b.pdf\nRegistrazione: https://example.org/r",
         ["https://indico.egi.eu/event/9/b.pdf", "https://example.org/r"]),
    ],
)
def test_labelled_links_on_several_lines_are_links(value, links):
    assert [link(c) for c in link_candidates(value)] == links


def test_a_link_with_a_login_under_a_label_is_still_refused():
    assert None in [link(c) for c in link_candidates("Folien (intern): https://jan:geheim@indico.example.org/x\nWiki: https://wiki.egi.eu/")]


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Molimo račun izdati na: Zavod za fiziku, Bijenička 46, Zagreb, OIB 47120035505 (OIB zavoda, nije osobni).",
         "47120035505"),
        ("Račun za radionicu: Sveučilišni računski centar, Zagreb, OIB 47120035513 (to je OIB ustanove, a ne osobni)",
         "47120035513"),
        ("Τιμολόγιο: Ερευνητικό Κέντρο, Αθήνα, ΑΦΜ 090000045 (ΑΦΜ του ιδρύματος, όχι προσωπικό).", "090000045"),
    ],
)
def test_a_tax_number_a_note_says_is_the_institution_s_is_kept(text, kept):
    assert kept in kept_text(text)


@pytest.mark.parametrize(
    "text",
    ["Račun molim na moje ime: Ivan Horvat, Ilica 5, Zagreb, OIB 47120035505 (osobni OIB, ne ustanove).",
     "Račun: Ivan Horvat, Ilica 5, Zagreb, OIB 47120035505 (OIB zaposlenika ustanove)."],
)
def test_a_person_s_tax_number_with_a_note_still_goes(text):
    assert "47120035505" not in kept_text(text)


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Die Server bitte ins Institut liefern, nicht nach Hause zu einem Mitarbeiter: Institut für Kernphysik, "
         "Hermann-von-Helmholtz-Platz 1, 76344 Eggenstein-Leopoldshafen.", "Hermann-von-Helmholtz-Platz 1, 76344"),
        ("I server vanno consegnati in sede, non a casa di qualcuno: INFN CNAF, Viale Berti Pichat 6/2, 40127 Bologna.",
         "Viale Berti Pichat 6/2, 40127 Bologna"),
    ],
)
def test_an_institute_s_address_said_to_be_no_home_is_kept(text, kept):
    assert kept in kept_text(text)


@pytest.mark.parametrize(
    "text",
    ["Please ship the disks to my home, not the lab: Rua das Flores 12, 1200-195 Lisboa.",
     "Bitte nicht ins Institut, sondern nach Hause: Lindenstraße 12, 76131 Karlsruhe."],
)
def test_a_home_address_beside_a_negation_still_goes(text):
    assert found(text, "personal")


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Bei Störungen bitte die Störungshotline des RZ anrufen: 0721 608-48000 (rund um die Uhr).", "0721 608-48000"),
        ("Für Vertragsfragen: unsere Kundenhotline, +49 30 8385 5000 (Mo–Fr 9–16 Uhr).", "+49 30 8385 5000"),
    ],
)
def test_a_hotline_named_in_a_compound_is_an_institution_s(text, kept):
    assert kept in kept_text(text)


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("<p>Outside office hours ring the <a href=\"tel:+441235446000\">service desk</a>.</p>", "+441235446000"),
        ("<p>Per urgenze chiamate il <a href=\"tel:+390516092111\">centralino</a>.</p>", "+390516092111"),
    ],
)
def test_a_desk_s_number_in_a_tel_link_is_kept(text, kept):
    assert kept in kept_text(html_to_text(text))


@pytest.mark.parametrize(
    "text",
    ["<p>If it is urgent, call <a href=\"tel:+447700900123\">my mobile</a>.</p>",
     "<p>Call the service desk or <a href=\"tel:+447700900123\">me directly</a>.</p>"],
)
def test_a_person_s_number_in_a_tel_link_still_goes(text):
    assert "+447700900123" not in kept_text(html_to_text(text))


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("За хитне ствари позовите централу Института, +381 11 3160 260, и питајте за дежурног.", "+381 11 3160 260"),
        ("Za hitne stvari nazovite centralu Instituta: +385 1 4561 111.", "+385 1 4561 111"),
    ],
)
def test_an_institute_s_switchboard_in_serbian_or_croatian_is_kept(text, kept):
    assert kept in kept_text(text)


@pytest.mark.parametrize(
    "text",
    ["За хитне ствари позовите ме на мобилни, +381 64 123 4567.",
     "Ako je hitno, nazovite me na mobitel: +385 91 234 5678."],
)
def test_a_person_s_mobile_in_serbian_or_croatian_still_goes(text):
    assert found(text, "phone")


def test_a_word_that_is_a_negation_in_another_language_does_not_deny_a_home():
    text = "V metadátach sa objavilo pole s adresou informátora: 'Peter Novák, Dlhá 14, 974 01 Banská Bystrica'."
    assert "Dlhá 14" not in kept_text(text)
