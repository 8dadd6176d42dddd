"""Classes of the outside corpora h53 and h54 that the screening cut though harmless (written
before these rules existed): an organisation's bank account given for a fee or an invoice, an
organisation's tax or registry number, a famous test value called one. Each with its personal
look-alike, still cut: somebody's own account, a person's number beside an affiliation, a
real-looking value beside a test word. The examples are new, in other words than the corpora's."""

from __future__ import annotations

import pytest
from support.findings import found, kept_text


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Les frais d'inscription à l'école d'été (250 EUR) sont à verser sur le compte de l'Université de "
         "Lille : IBAN FR50 3000 4000 0310 0012 3456 789, en indiquant le numéro de facture.",
         "FR50 3000 4000 0310 0012 3456 789"),
        ("La fattura n. 2024/0311 per l'uso del cluster va saldata sul conto della Fondazione Bruno Kessler, "
         "IBAN IT63 X030 6909 6061 0000 0063 913.", "IT63 X030 6909 6061 0000 0063 913"),
        ("Het inschrijfgeld voor de training kunt u overmaken naar de rekening van Stichting SURF, "
         "IBAN NL76 RABO 0318 2457 93, onder vermelding van uw naam.", "NL76 RABO 0318 2457 93"),
        ("A részvételi díjat az egyetem számlájára kérjük utalni: HU65 1177 3016 2222 2018 0000 0000.",
         "HU65 1177 3016 2222 2018 0000 0000"),
        ("Deltagaravgiften betalas till Vetenskapsrådet, organisationsnummer 202100-5208, "
         "IBAN SE18 5000 0000 0583 9825 7467.", "SE18 5000 0000 0583 9825 7467"),
    ],
)
def test_an_organisations_account_for_a_fee_or_an_invoice_is_kept(text, value):
    assert value in kept_text(text)


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("The university will refund the registration fee to my account, IBAN DE02 3704 0044 0532 0131 11.",
         "DE02 3704 0044 0532 0131 11"),
        ("Bitte erstatten Sie die Teilnahmegebühr des Instituts auf mein Konto DE02 3704 0044 0532 0131 11.",
         "DE02 3704 0044 0532 0131 11"),
        ("Opłatę za warsztaty uczelni proszę wpłacić na konto Jana Kowalskiego: "
         "PL34 1090 1014 0000 0712 1981 2875.", "PL34 1090 1014 0000 0712 1981 2875"),
        ("Fee for the foundation's summer school: account holder Maria Rossi, IBAN DK93 0040 0440 1162 45.",
         "DK93 0040 0440 1162 45"),
        ("Here is my IBAN for the invoice of the institute: DK93 0040 0440 1162 45", "DK93 0040 0440 1162 45"),
    ],
)
def test_somebodys_own_account_beside_a_fee_and_an_organisation_is_still_cut(text, secret):
    assert secret not in kept_text(text)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Partita IVA 01234567890 del consorzio che emette la fattura.", "01234567890"),
        ("VAT number of the university: GB 123 4567 89", "123 4567 89"),
        ("Die USt-IdNr. der Stiftung ist DE 123 4567 89, bitte auf der Rechnung angeben.", "123 4567 89"),
        ("L'ente creditore è l'Agenzia Spaziale Italiana (C.F. 97061010589).", "97061010589"),
    ],
)
def test_an_organisations_tax_or_registry_number_is_kept(text, value):
    assert value in kept_text(text)


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("Mój NIP 525-000-58-34, proszę o fakturę na mnie.", "525-000-58-34"),
        ("Marko Horvat, OIB 69435151530, Institut Ruđer Bošković", "69435151530"),
    ],
)
def test_a_persons_tax_number_beside_an_affiliation_is_still_cut(text, secret):
    assert secret not in kept_text(text)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The sandbox accepts the test card 4242 4242 4242 4242 with any future expiry date.",
         "4242 4242 4242 4242"),
        ("Beispiel-IBAN aus der Dokumentation: GB82 WEST 1234 5698 7654 32 (gehört niemandem).",
         "GB82 WEST 1234 5698 7654 32"),
        ("Ejemplo de DNI en el manual del formulario: 12345678-Z.", "12345678-Z"),
        ("Numer testowy w walidatorze: PESEL 11111111111 (fikcyjny).", "11111111111"),
        ("Le spécimen de la norme OACI montre la ligne I<UTOD231458907<<<<<<<<<<<<<<< pour la carte.",
         "I<UTOD231458907"),
    ],
)
def test_a_famous_test_value_called_one_is_kept(text, value):
    assert value in kept_text(text)


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("Test card for the sandbox: 4539 1488 0343 6467", "4539 1488 0343 6467"),
        ("DNI de ejemplo para el formulario: 54362315K", "54362315K"),
        ("Esempio di codice fiscale: RSSMRA85T10A562S", "RSSMRA85T10A562S"),
        ("Przykładowy PESEL z mojego dowodu: 44051401359", "44051401359"),
    ],
)
def test_a_real_looking_value_beside_a_test_word_is_still_cut(text, secret):
    assert secret not in kept_text(text)


def test_a_test_value_with_no_word_calling_it_one_is_still_cut():
    text = "Please charge the card 4111 1111 1111 1111 for the hotel."
    assert found(text, "personal")
