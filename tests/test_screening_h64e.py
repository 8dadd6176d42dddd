"""Public contacts the h63 and h64 corpora saw cut: an office's mailbox named by the office the
sentence names, a support desk's line with its hours, a switchboard in a signature, an
institute's postal address after an elided preposition, a federation's name written with '@', a
contact entry with an institute's name in guillemets, and a site list's note with acronyms. The
examples are new, in other words than the corpora's; each class has its confidential look-alike."""

from __future__ import annotations

import pytest
from support.findings import found, kept_text

from generator.screening import fields


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Per le fatture rivolgetevi all'ufficio della Ragioneria, ragioneria@unipd.it, grazie.", "ragioneria@unipd.it"),
        ("Pour les inscriptions, écrivez au bureau de la Scolarité, scolarite@univ-lyon1.fr.", "scolarite@univ-lyon1.fr"),
        ("Für Verträge ist das Referat der Rechtsabteilung zuständig, rechtsabteilung@kit.edu.", "rechtsabteilung@kit.edu"),
        ("Kontakt: odbor personalistiky, personalistiky@cuni.cz", "personalistiky@cuni.cz"),
    ],
)
def test_an_office_mailbox_named_by_the_office_in_the_sentence_stays(text, kept):
    assert kept in kept_text(text)


@pytest.mark.parametrize(
    "text",
    ["Il riferimento è l'ufficio del dott. Bianchi, bianchi@ct.infn.it.",
     "Il riferimento è l'ufficio di Bianchi, bianchi@ct.infn.it.",
     "Bitte an das Büro Schneider schreiben, schneider@kit.edu",
     "Per gli accordi scrivere a giulia.bianchi@ct.infn.it."],
)
def test_a_persons_mailbox_in_the_same_sentence_still_goes(text):
    assert found(text, "e-mail")


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Per assistenza contattate il nostro supporto utenti: tel. +39 051 609 2111 (lun–ven 9:00–17:00).",
         "+39 051 609 2111"),
        ("W sprawach ogólnych prosimy o kontakt z Helpdeskiem: telefon +48 12 632 33 55 (pon.-pt. 8-16).",
         "+48 12 632 33 55"),
        ("Kysy tukea: käyttäjätuki, puhelin +358 9 457 2821 (arkisin 9–16).", "+358 9 457 2821"),
    ],
)
def test_a_support_desks_line_with_its_hours_stays(text, kept):
    assert kept in kept_text(text)


@pytest.mark.parametrize(
    "text",
    ["Helpdesk ist zu, ruf mich an: Handy +49 171 2345678 (Mo–Fr 9–17).",
     "vaata tugiteenust; helista mulle telefon +372 5123 4567 (tööpäeviti 9–17)",
     "Kysy tukea: käyttäjätuki, tai soita minulle +358 40 123 4567 (9–16)."],
)
def test_a_persons_phone_beside_a_desk_still_goes(text):
    assert found(text, "phone")


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Distinti saluti\nINFN Sezione di Catania\nTel.: +39 095 378 5111, centralino", "+39 095 378 5111"),
        ("S pozdravem\nCESNET z. s. p. o.\nTelefon: +420 234 680 222 (ústředna)", "+420 234 680 222"),
    ],
)
def test_a_switchboard_in_a_signature_stays(text, kept):
    assert kept in kept_text(text)


@pytest.mark.parametrize(
    "text",
    ["Grüße\nTelefon: +49 721 608-24567 (Durchwahl)", "Saluti\nTelefono: +39 333 123 4567 (cellulare)"],
)
def test_a_direct_line_or_a_mobile_in_a_signature_still_goes(text):
    assert found(text, "phone")


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Per l'accordo scrivete alla segreteria dell'INFN – Sezione di Pisa, Largo Bruno Pontecorvo 3, 56127 Pisa; "
         "per il resto qui.", "Largo Bruno Pontecorvo 3"),
        ("Pour la convention, écrivez au secrétariat de l'IRFU – Saclay, rue de la Physique 12, 91191 Gif-sur-Yvette; "
         "merci.", "rue de la Physique 12"),
    ],
)
def test_an_institutes_address_after_an_elided_preposition_stays(text, kept):
    assert kept in kept_text(text)


def test_a_home_address_in_the_same_sentence_still_goes():
    assert found("Per la parte amministrativa scrivetemi a casa mia, Via Etnea 212, 95124 Catania.", "personal")


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Le mot de passe ne sert plus : la connexion passe uniquement par SSO@Renater.", "SSO@Renater"),
        ("Das Passwort entfällt; die Anmeldung läuft nur noch über IdP@SWITCH.", "IdP@SWITCH"),
    ],
)
def test_a_federations_name_with_an_at_sign_is_no_password(text, kept):
    assert found(text, "credential") == [] and kept in kept_text(text)


def test_a_password_with_an_at_sign_still_goes():
    assert found("Nova lozinka: Ljeto@Zima2024", "credential")


@pytest.mark.parametrize(
    ("entry", "shaped"),
    [
        ("Dr. Ana Popescu, IFIN-HH „Horia Hulubei”, responsabil VO", ("IFIN-HH „Horia Hulubei”", "responsabil VO")),
        ("Δρ. Νίκος Παππάς, ΙΤΕ «Ινστιτούτο Πληροφορικής», διαχειριστής VO",
         ("ΙΤΕ «Ινστιτούτο Πληροφορικής»", "διαχειριστής VO")),
    ],
)
def test_a_contact_with_an_institute_in_quotes_is_shaped(entry, shaped):
    assert fields.contact(entry) == shaped


def test_a_contact_with_a_phone_is_still_dropped():
    assert fields.contact("Prof. Jan Kowalski, Instytut „Cyfronet”, +48 601 234 567") is None


@pytest.mark.parametrize(
    ("value", "sites"),
    [
        ("INFN-T1, CNAF-CLOUD (SLA signed, VO enabled)", "INFN-T1, CNAF-CLOUD"),
        ("CYFRONET-LCG2 (OLA w przygotowaniu), PSNC", "CYFRONET-LCG2, PSNC"),
    ],
)
def test_a_site_lists_note_with_acronyms_is_left_out(value, sites):
    assert fields.site_names(value) == sites


def test_a_site_lists_note_with_a_persons_name_is_still_refused():
    assert fields.site_names("DESY-ZN, GSI-LCG2 (ask Mario Rossi)") is None
