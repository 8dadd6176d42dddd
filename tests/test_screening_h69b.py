"""Classes of two outside corpora (h69, h70): a person's national id as an eID card's certificate
carries it (the ETSI semantics identifier of its serialNumber, the CN of names and code, a
quoted CN in openssl's output); a vCard's birthday and home address; a Czech or Slovak bank
account's number; and a device's serial number told with the device's words before it. The
examples are new, in other words than the corpora's."""

from __future__ import annotations

import pytest
from support.findings import found, kept_text


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        # [lt] openssl's subject of an identity card, the CN quoted (its commas inside)
        ('Sveiki, štai sertifikato duomenys:\nsubject=C = LT, CN = "JONAITIS,TOMAS,39001010000", '
         "SN = JONAITIS, GN = TOMAS\nAčiū", "39001010000"),
        # [en] RFC 2253 order, the CN's commas escaped
        ("The login fails with Subject: CN=SAAR\\,KATRIN\\,48506170239,SN=SAAR,GN=KATRIN,C=EE", "48506170239"),
        # [pl] a semantics identifier in JSON, a passport's number
        ('Certyfikat ma pole "serialNumber": "PASPL-EA7294413" i nie przechodzi weryfikacji.', "EA7294413"),
        # [lv] a national personal number with its own hyphen
        ("Sertifikāta serialNumber=PNOLV-010180-12342 nav atpazīts portālā.", "010180-12342"),
    ],
)
def test_a_persons_id_in_an_eid_certificate_is_personal(text, secret):
    assert found(text, "personal") and secret not in kept_text(text)


def test_an_organisations_identifier_and_an_issuer_in_a_certificate_stay():
    text = ("issuer=C = EE, O = SK ID Solutions AS, organizationIdentifier = NTREE-10747013, CN = ESTEID2018\n"
            "Our VAT identifier in the seal certificate is VATBE-0203201340.")
    kept = kept_text(text)
    assert "NTREE-10747013" in kept and "VATBE-0203201340" in kept and "ESTEID2018" in kept


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        # [fr] a vCard's birthday in ISO form, with its value type
        ("Voici sa carte :\nBEGIN:VCARD\nVERSION:4.0\nFN:Chloé Marchand\nBDAY;VALUE=date:1985-03-17\n"
         "END:VCARD", "1985-03-17"),
        # [nl] quoted, no BEGIN pasted
        ("Zie onder:\n> FN:Joris de Wit\n> BDAY:19910214\n> ORG:Nikhef", "19910214"),
        # [et] a home address, no BEGIN pasted, no street's word in it
        ("Kontaktandmed:\nFN:Kadri Kask\nADR;TYPE=home:;;Kalevi 5-12;Tartu;;50104;Eesti", "Kalevi 5-12"),
    ],
)
def test_a_vcards_birthday_and_home_address_are_personal(text, secret):
    assert secret not in kept_text(text)


def test_a_vcards_anniversary_and_work_address_stay():
    text = ("BEGIN:VCARD\nFN:Site Office\nANNIVERSARY:20100612\n"
            "ADR;TYPE=work:;;Notkestr. 85;Hamburg;;22607;Germany\nEND:VCARD")
    kept = kept_text(text)
    assert "20100612" in kept and "Notkestr. 85" in kept


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        # [sk] labelled, with its prefix
        ("Preplatok mi prosím vráťte na č. ú. 35-430218771/0100, ďakujem.", "430218771/0100"),
        # [cs] no label: the number with its bank's code
        ("Zálohu jsem poslal z 998877665/0800, vraťte ji prosím tam.", "998877665/0800"),
    ],
)
def test_a_czech_or_slovak_account_is_personal(text, secret):
    assert secret not in kept_text(text)


def test_numbers_with_a_slash_that_are_no_account_stay():
    text = ("Případ 998877664/0800 je uzavřen, data jsou v /archiv/998877665/0800 a zákon č. 89/2012 Sb. platí.")
    kept = kept_text(text)
    assert "998877664/0800" in kept and "/archiv/998877665/0800" in kept


@pytest.mark.parametrize(
    ("text", "serial"),
    [
        ("Die Seriennummer des neuen Servers ist DE4719B2XQ, die Garantie läuft bis 2028.", "DE4719B2XQ"),
        ("Bonjour, le numéro de série du serveur est FR8820C1MZ et le contrat 5512-0093.", "FR8820C1MZ"),
        ("The serial number of the replacement chassis is 7X39PQ04ZK as printed on its label.", "7X39PQ04ZK"),
    ],
)
def test_a_serial_number_told_with_the_devices_words_stays(text, serial):
    assert serial in kept_text(text)


def test_a_password_after_a_serial_number_is_still_found():
    text = "The serial number of the switch is on the box, its admin password is Qx7Lm29PzK4t"
    assert "Qx7Lm29PzK4t" not in kept_text(text)


def test_a_proxys_issuer_names_its_person():
    text = ("subject   : /DC=eu/DC=egi/C=HR/O=SRCE/CN=Ivana Horvat/CN=4418273\n"
            "issuer    : /DC=eu/DC=egi/C=HR/O=SRCE/CN=Ivana Horvat\n")
    assert "Ivana Horvat" not in kept_text(text)
