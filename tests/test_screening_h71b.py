"""Special categories and financial troubles told in passing (holdouts h71 and h72): one's trade-union
membership said by a word's ending or a fixed phrase ("sendikalıyım", "należę do związku"), a
person's debts under enforcement or garnished pay ("mám exekuci na plat", "Lohnpfändung"), and a
person's criminal record ("ha precedenti penali", "er ist vorbestraft"); with their harmless
look-alikes (a union of sets, a company's bankruptcy, a record check asked of all staff, a garnish).
The examples are new, in other words than the corpora's."""

from __future__ import annotations

import pytest
from support.findings import found, kept_text


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("Sendikalıyım, bu yüzden yarınki eğitime katılamayacağım.", "Sendikalıyım"),
        ("Należę do związku zawodowego, w piątek mamy zebranie, więc przesuńmy spotkanie.", "Należę do związku"),
        ("Jeg er med i fagforeningen og går til møte fredag, kan vi ta det mandag?", "med i fagforeningen"),
    ],
)
def test_ones_union_membership_by_its_ending_or_phrase_is_personal(text, secret):
    assert found(text, "personal") and secret not in kept_text(text)


@pytest.mark.parametrize(
    "text",
    ["The union of both result sets is taken with UNION ALL in the SQL view.",
     "Die Vereinigung zweier Mengen heißt auf Türkisch birleşim, nicht sendika."],
)
def test_a_union_of_sets_stays(text):
    assert found(text, "personal") == [] and kept_text(text) == text


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("Mein Gehalt wird bis Juni gepfändet, die Gebühr kann ich nicht vorstrecken.", "gepfändet"),
        ("Mám exekuci na plat do konce roku, poplatek prosím fakturujte ústavu.", "exekuci"),
        ("Komornik zajął mi pensję, proszę o fakturę na wydział.", "Komornik"),
        ("Tengo la nómina embargada hasta marzo, ¿se puede facturar al departamento?", "nómina embargada"),
    ],
)
def test_a_persons_debt_enforcement_or_garnished_pay_is_personal(text, secret):
    assert found(text, "personal") and secret not in kept_text(text)


@pytest.mark.parametrize(
    "text",
    ["The hosting company went bankrupt last year, so we migrated the VMs to the new provider.",
     "Garnish the plot with a legend and a title before exporting it."],
)
def test_a_companys_bankruptcy_and_a_garnish_stay(text):
    assert found(text, "personal") == [] and kept_text(text) == text


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("Il nuovo dottorando ha precedenti penali, la verifica di sicurezza non è passata.", "precedenti penali"),
        ("Unser Techniker ist vorbestraft, deshalb lehnt die Klinik den Zugang ab.", "vorbestraft"),
        ("Our postdoc has a criminal record from his student days; can he still get access?", "criminal record"),
    ],
)
def test_a_persons_criminal_record_is_personal(text, secret):
    assert found(text, "personal") and secret not in kept_text(text)


@pytest.mark.parametrize(
    "text",
    ["A criminal record check is required for all staff with access to patient data.",
     "Please attach a criminal record certificate (extract) to the application form."],
)
def test_a_criminal_record_check_asked_of_all_staff_stays(text):
    assert found(text, "personal") == [] and "criminal record" in kept_text(text)
