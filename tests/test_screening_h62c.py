"""Classes of holdout 62 that cut harmless text: a service desk's mailbox after a desk's word and
the service's name ("Helpdesk MetaCentra: meta@..."), a lot, batch, serial or part number read as a
phone, two host names joined by a conjunction that also spells '@' read as an obfuscated address,
and a CA's issuer DN cut together with the person's subject DN before it. The examples are new,
in other words than the corpus's; each class has its confidential look-alike that must still go."""

from __future__ import annotations

import pytest
from support.findings import found, kept_text

# --- a desk's mailbox named after its service, the desk's word before the service's name ---------


@pytest.mark.parametrize(
    ("text", "mailbox"),
    [
        ("Support LOFAR: lofar@astron.nl, Zentrale ASTRON +31 521 595 100.", "lofar@astron.nl"),
        ("Podpora MetaCentra: meta@cesnet.cz (ústředna +420 234 680 222).", "meta@cesnet.cz"),
        ("Assistenza GARR: garr@garr.it, centralino +39 06 4962 2000.", "garr@garr.it"),
        ("Servicedesk EOSC: eosc@egi.eu — switchboard +31 20 89 32 007.", "eosc@egi.eu"),
    ],
)
def test_a_desks_mailbox_after_the_desks_word_and_the_services_name_stays(text, mailbox):
    assert mailbox in kept_text(text)


@pytest.mark.parametrize(
    ("text", "mailbox"),
    [
        ("Helpdesk MetaCentra: petra.svobodova@cesnet.cz, tel. ústředny +420 234 680 222.", "petra.svobodova@cesnet.cz"),
        ("Support LOFAR: dijkstra@astron.nl, Zentrale +31 521 595 100.", "dijkstra@astron.nl"),
        ("Support Pierre DUPONT: dupont@in2p3.fr", "dupont@in2p3.fr"),
    ],
)
def test_a_persons_mailbox_beside_a_desk_and_a_switchboard_still_goes(text, mailbox):
    assert mailbox in found(text, "e-mail")


# --- a lot, batch, serial or part number after its label --------------------------------------------


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("Chargennummer der Ersatznetzteile: 0731 5520 19", "0731 5520 19"),
        ("Numéro de lot : 0478 2291 63, à conserver pour la garantie.", "0478 2291 63"),
        ("numero di lotto 0321 7740 58 sulla scatola", "0321 7740 58"),
        ("Numer partii dysków: 0612 3307 94", "0612 3307 94"),
        ("Číslo šarže: 0555 1290 37", "0555 1290 37"),
        ("P/N 0652 1188 40 (controller board)", "0652 1188 40"),
        ("Eränumero 0409 8861 25 on laatikon kyljessä.", "0409 8861 25"),
    ],
)
def test_a_lot_or_part_number_after_its_label_is_no_phone(text, number):
    assert number in kept_text(text)


@pytest.mark.parametrize(
    ("text", "phone"),
    [
        ("Číslo šarže je na krabici, volejte mi na 0602 4411 83.", "0602 4411 83"),
        ("Die S/N steht auf dem Etikett, meine Handynummer: 0171 4420 93", "0171 4420 93"),
        ("Lot number is on the box; tel. 0612 4893 07", "0612 4893 07"),
    ],
)
def test_a_phone_beside_a_lot_label_still_goes(text, phone):
    assert phone in found(text, "phone")


# --- two host names joined by a conjunction that also spells '@' ------------------------------------


@pytest.mark.parametrize(
    ("text", "host"),
    [
        ("I trasferimenti da storm.cnaf.infn.it a dcache.desy.de falliscono da ieri.", "dcache.desy.de"),
        ("Přenosy mezi golias.farm.particle.cz a se.grid.sara.nl padají od rána.", "se.grid.sara.nl"),
        ("Les copies entre cern.ch et lapp.in2p3.fr sont lentes.", "lapp.in2p3.fr"),
    ],
)
def test_two_hosts_joined_by_a_conjunction_stay(text, host):
    assert host in kept_text(text)


@pytest.mark.parametrize(
    "text",
    ["Écrivez-moi : marie.lefebvre et cnrs.fr, merci.",
     "Kirjuta: kadri.tamm et ut.ee"],
)
def test_an_address_with_et_for_at_still_goes(text):
    assert found(text, "e-mail")


# --- a CA's issuer DN after a person's subject DN ----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "issuer", "person"),
    [
        ("Sujeto: /DC=es/DC=irisgrid/O=ifca/CN=Maria Lopez Fernandez, emitido por "
         "/DC=es/DC=irisgrid/CN=IRISGridCA", "/DC=es/DC=irisgrid/CN=IRISGridCA", "Lopez Fernandez"),
        ("Betreff: /C=DE/O=GermanGrid/OU=KIT/CN=Hans Maier — Aussteller /C=DE/O=GermanGrid/CN=GridKa-CA",
         "/C=DE/O=GermanGrid/CN=GridKa-CA", "Hans Maier"),
        ("Certificado /C=PT/O=LIPCA/O=LIP/OU=Lisboa/CN=Joana Ferreira, emissor /C=PT/O=LIPCA/CN=LIP Certification Authority",
         "/C=PT/O=LIPCA/CN=LIP Certification Authority", "Joana Ferreira"),
    ],
)
def test_a_cas_issuer_dn_after_a_persons_subject_dn_stays(text, issuer, person):
    kept = kept_text(text)
    assert issuer in kept and person not in kept
