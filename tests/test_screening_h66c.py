"""Public mailboxes the h65 and h66 corpora saw cut: a service's short mailbox after the desk's
word in its cases ("podporu MetaCentra"), a training, events or admissions desk's mailbox, a
helpdesk's address of a project's name and a desk's word where the sentence calls it the helpdesk
address, a service's account on a machine, and a contact entry whose organisation's acronym is
also a degree's spelling ("CSC"). The examples are new, in other words than the corpora's; each
class has its confidential look-alike."""

from __future__ import annotations

import pytest
from support.findings import found, kept_text

from generator.screening import fields


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Wsparcia PLGrid udziela zespół pod adresem plgrid@cyfronet.pl.", "plgrid@cyfronet.pl"),
        ("Technische Unterstützung für bwUniCluster erhalten Sie unter bwunicluster@kit.edu.", "bwunicluster@kit.edu"),
        ("For the support of LOFAR you can reach lofar@astron.nl on weekdays.", "lofar@astron.nl"),
    ],
)
def test_a_services_mailbox_after_the_desks_word_in_its_cases_stays(text, kept):
    assert kept in kept_text(text)


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("technickou podporu MetaCentra vám poskytne kolega Novák na adrese novak@cesnet.cz", "novak@cesnet.cz"),
        ("Wsparcia PLGrid udziela Anna Wiśniewska, anna.wisniewska@cyfronet.pl.", "anna.wisniewska@cyfronet.pl"),
    ],
)
def test_a_persons_mailbox_after_the_desks_word_still_goes(text, secret):
    assert secret in found(text, "e-mail")


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Per l'iscrizione al corso scrivete alla segreteria: formazione@ct.infn.it.", "formazione@ct.infn.it"),
        ("Pour l'inscription à l'école d'été, écrivez à inscriptions@ijclab.in2p3.fr.", "inscriptions@ijclab.in2p3.fr"),
        ("Ilmoittautumiset kurssille osoitteeseen koulutus@csc.fi.", "koulutus@csc.fi"),
        ("Eğitim kaydı için egitim@ulakbim.gov.tr adresine yazabilirsiniz.", "egitim@ulakbim.gov.tr"),
        ("Zapisy na warsztaty: szkolenia@cyfronet.pl", "szkolenia@cyfronet.pl"),
    ],
)
def test_a_training_events_or_admissions_desks_mailbox_stays(text, kept):
    assert kept in kept_text(text)


def test_a_persons_mailbox_for_a_course_still_goes():
    text = "Per l'iscrizione al corso scrivete a mario.rossi@infn.it."
    assert "mario.rossi@infn.it" in found(text, "e-mail")


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Per domande usate l'indirizzo di supporto egida-supporto@ingv.it, grazie.", "egida-supporto@ingv.it"),
        ("Bitte nutzen Sie die Adresse des Supports: nfdi-hilfe@fiz.de", "nfdi-hilfe@fiz.de"),
        ("S dotazy pište na adresu podpory sage-podpora@fzu.cz.", "sage-podpora@fzu.cz"),
    ],
)
def test_a_projects_desk_address_the_sentence_calls_the_helpdesks_stays(text, kept):
    assert kept in kept_text(text)


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("For questions please use the support address, or write to me at ayse-destek.demir@ulakbim.gov.tr",
         "ayse-destek.demir@ulakbim.gov.tr"),
        ("Bitte nutzen Sie die Adresse des Supports oder meine: petra.lang@fiz.de", "petra.lang@fiz.de"),
    ],
)
def test_a_persons_mailbox_beside_the_helpdesk_address_still_goes(text, secret):
    assert secret in found(text, "e-mail")


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Na stroji atlasprd@ce02.farm.example.cz jsem smazal crontab.", "atlasprd@ce02.farm.example.cz"),
        ("Logged into the node as root@wn-12.cluster.example.org and restarted the daemon.",
         "root@wn-12.cluster.example.org"),
        ("Koneella pilot@wn042.cluster.example.fi ajetaan työt.", "pilot@wn042.cluster.example.fi"),
    ],
)
def test_a_services_account_on_a_machine_is_no_mailbox(text, kept):
    assert kept in kept_text(text)


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("die Maschine jan.novak@ui01.grid.example.de ist bereinigt.", "jan.novak@ui01.grid.example.de"),
        ("Na stroji monika@ce02.farm.example.cz jsem smazal crontab.", "monika@ce02.farm.example.cz"),
        ("Koneella pilot@wn042.cluster.example.fi ajetaan työt; kysy liisa.korhonen@wn042.cluster.example.fi",
         "liisa.korhonen@wn042.cluster.example.fi"),
    ],
)
def test_a_persons_login_on_a_machine_still_goes(text, secret):
    assert secret in found(text, "e-mail")


@pytest.mark.parametrize(
    ("entry", "shaped"),
    [
        ("Marta García, BSC, investigadora", ("BSC", "investigadora")),
        ("Mikko Virtanen, CSC, projektipäällikkö", ("CSC", "projektipäällikkö")),
    ],
)
def test_a_contact_whose_organisations_acronym_spells_a_degree_is_shaped(entry, shaped):
    assert fields.contact(entry) == shaped


def test_a_contact_with_a_degree_and_a_phone_is_still_dropped():
    assert fields.contact("Mikko Virtanen, CSC, +358 40 123 4567") is None
    assert fields.contact("Jan Novák, CSc., CESNET") is None
    assert fields.contact("Jana Dvořáková, Ph.D., CESNET, správkyně gridu") == ("CESNET", "správkyně gridu")
