"""Classes of held-out corpus 56 (helper h56a), added with their rules: a third person's pay
said with a possessive after the pay word and a currency as the language writes it ("salariul ei
brut este ... lei pe lună"); an operation named with its body part, told as an excuse; somebody in
hospital because of a condition, a name before the place; an auto-reply's subject that says where
and why its writer is away. The examples are new, in other words than the corpus's."""

from __future__ import annotations

import pytest
from support.findings import found, kept_text


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("Pentru buget: Mihai lucrează pe proiect, salariul lui net este 6.300 lei pe lună.", "6.300 lei"),
        ("Για την αναφορά κόστους: ο μισθός της είναι 1.950 ευρώ μικτά τον μήνα.", "1.950 ευρώ"),
        ("Za izvještaj o troškovima: plaća mu je 11.200 kn bruto mjesečno.", "11.200 kn"),
        ("Za poročilo: njena plača je 2.650 evrov bruto na mesec.", "2.650 evrov"),
    ],
)
def test_a_third_persons_pay_with_its_possessive_after_the_pay_word_is_personal(text, secret):
    assert found(text, "personal") and secret not in kept_text(text)


@pytest.mark.parametrize(
    "text",
    ["Salariul minim pe economie este 3.700 lei pe lună din ianuarie.",
     "Costul unui nod de calcul este 7.850 lei, conform ofertei furnizorului."],
)
def test_a_public_wage_or_a_price_in_lei_stays(text):
    assert found(text, "personal") == []


@pytest.mark.parametrize(
    "text",
    ["Entschuldigung für die späte Antwort, ich war wegen einer Operation an der Schulter zwei Wochen raus.",
     "Perdón por el retraso: estuve tres semanas parada por una operación de cadera.",
     "Przepraszam za zwłokę, byłem dwa tygodnie nieobecny z powodu operacji kręgosłupa.",
     "Sorry for the silence, I was away for a month after an operation on my shoulder."],
)
def test_an_operation_named_with_its_body_part_as_an_excuse_is_health(text):
    assert found(text, "personal")


@pytest.mark.parametrize(
    "text",
    ["Un intervento al cuore del sistema di accounting è previsto per lunedì.",
     "The knee surgery robotics dataset is 4 TB and needs a GPU queue.",
     "The operation on the storage cluster failed; please retry after the downtime."],
)
def test_an_operation_of_a_system_or_a_research_topic_stays(text):
    assert found(text, "personal") == []


@pytest.mark.parametrize(
    "text",
    ["Migracija kasni, ker je Matej od torka v bolnišnici zaradi pljučnice in zapletov.",
     "Instalace se zdrží, protože Jana je od pondělí v nemocnici kvůli komplikacím s cukrovkou.",
     "Nadogradnja kasni jer je Ivana od petka u bolnici zbog komplikacija s dijabetesom.",
     "Aktualizacja się opóźni, bo Kasia jest od środy w szpitalu z powodu zapalenia płuc."],
)
def test_somebody_named_in_hospital_because_of_a_condition_is_health(text):
    assert found(text, "personal")


def test_a_hospitals_outage_because_of_an_upgrade_stays():
    text = "Bolnica Split je zbog nadogradnje sustava nedostupna; projekt o dijabetesu nastavlja se u ponedjeljak."
    assert found(text, "personal") == []


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("Risposta automatica: Re: quota GPU – sono in ospedale fino al 12/12 (intervento al ginocchio)", "in ospedale"),
        ("Automatic reply: RE: VO membership - in hospital until 4 Dec after hip surgery", "in hospital until"),
        ("Automatyczna odpowiedź: Re: certyfikat – jestem w szpitalu do 5.12", "w szpitalu do"),
        ("Automaattinen vastaus: VS: kiintiö – olen sairaalassa 3.12. asti", "sairaalassa"),
    ],
)
def test_an_auto_reply_subject_saying_its_writer_is_in_hospital_is_health(text, secret):
    assert secret not in kept_text(text)


@pytest.mark.parametrize(
    "text",
    ["Out of office: at the University Hospital Zürich for the project meeting until 3/12.",
     "Automatische Antwort: bin bis 22.11. auf Dienstreise, Vertretung: Frau Berger.",
     "Risposta automatica: sono fuori sede fino al 15/11 per la conferenza."],
)
def test_an_auto_reply_of_a_trip_stays(text):
    assert found(text, "personal") == []
