"""Classes of the held-out corpora h69 and h70 (an outsider's): a pay column named by its gross or
net and its period on a person's row, a pay net or gross a month in a story with its person, one's
own pay with two words before its word, a condition one has told in the first person, an alarm's
code, and a mobile written 3-3-3 in a sentence that says till when it answers. The examples are
new, in other words than the corpora's; each class has a harmless look-alike that stays."""

from __future__ import annotations

import pytest
from support.findings import found, kept_text


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("Export of the effort sheet:\n\nname,site,net_annual_eur,fte\nMarta Lindqvist,Lund,41.200,1.0\n"
         "Common pool,Lund,,0.5\n\nThanks", "41.200"),
        ("Stand der Personalkosten:\n\nName;Rolle;Brutto_monatlich_EUR\nJonas Pfeiffer;Admin;4.870,00\n", "4.870,00"),
        ("Rendiconto:\n\nnominativo;lordo_mensile;mesi\nG. Ferraris;3.115,40;12\n", "3.115,40"),
    ],
)
def test_a_pay_column_named_by_gross_and_period_on_a_persons_row_is_personal(text, secret):
    assert secret not in kept_text(text)


def test_an_invoice_column_of_gross_a_month_on_a_things_row_stays():
    text = "Hosting costs:\n\nitem;gross_monthly_eur;months\nVM hosting;240,00;12\nObject storage;1.100,00;12\n"
    assert "1.100,00" in kept_text(text) and "240,00" in kept_text(text)


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("Petite précision : la bourse de Camille est de 1 950 euros nets par mois jusqu'en juin.", "1 950 euros"),
        ("Ojo: la beca de Lucía son 1.400 euros netos al mes y se acaba en marzo.", "1.400 euros"),
        ("Kurz: das Stipendium von Jonas liegt bei 1.650 € netto im Monat, bis Oktober.", "1.650 €"),
    ],
)
def test_a_named_persons_pay_net_or_gross_a_month_in_a_story_is_personal(text, secret):
    assert secret not in kept_text(text)


@pytest.mark.parametrize(
    "text",
    ["Il servizio di storage costa 1.200 euro netti al mese, IVA esclusa.",
     "The training fee is 45 EUR net per hour per participant.",
     "Offerta: assegno di ricerca, compenso 1.900 euro netti al mese, scadenza 30 giugno."],
)
def test_a_price_or_a_vacancys_pay_net_a_month_or_an_hour_stays(text):
    assert found(text, "personal") == []


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("For the cost statement: my current annual salary is 52 300 EUR before tax.", "52 300 EUR"),
        ("Pro výkaz: moje hrubá měsíční mzda je 48 200 Kč.", "48 200 Kč"),
    ],
)
def test_ones_own_pay_with_two_words_before_its_word_is_personal(text, secret):
    assert secret not in kept_text(text)


@pytest.mark.parametrize(
    "text",
    ["Hi,\n\nthanks for the schedule. I have epilepsy, so please avoid strobing effects in the videos.\n\nTom",
     "Merci pour le programme. J’ai de l’asthme, donc je préfère une salle sans moquette.",
     "Hej! Jag har epilepsi, så jag ber er undvika blinkande bilder i presentationen.",
     "Grazie. Soffro di asma, quindi niente stanze con la moquette per favore."],
)
def test_a_condition_told_in_the_first_person_is_health_data(text):
    assert found(text, "personal")


def test_a_first_person_upload_of_epilepsy_recordings_stays():
    text = "I have uploaded the epilepsy EEG recordings to the storage element."
    assert found(text, "personal") == []


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("Αύριο ανοίγεις εσύ. Ο κωδικός του συναγερμού είναι 5184, μετά πατάς OFF.", "5184"),
        ("Domani apri tu: il codice dell'allarme è 2719, poi premi OFF.", "2719"),
        ("Morgen bist du zuerst da: der Code der Alarmanlage ist 6630, danach die grüne Taste.", "6630"),
    ],
)
def test_an_alarms_code_in_prose_is_a_credential(text, secret):
    assert secret not in kept_text(text)


def test_an_alarm_threshold_stays():
    text = "The alarm threshold is 7392 ms for the probe, error code 5021 raises it."
    assert "7392" in kept_text(text)


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("Hoy estoy fuera; por si acaso, 654 218 907 hasta las 19:00.", "654 218 907"),
        ("Zítra jsem na cestě, kdyby něco, 731 552 208 do 17:00.", "731 552 208"),
    ],
)
def test_a_mobile_written_three_three_three_with_till_when_is_a_phone(text, secret):
    assert secret not in kept_text(text)


@pytest.mark.parametrize(
    "text",
    ["We processed 602 417 839 events until 18:00 yesterday.",
     "The table has 1 234 567 rows, loaded until 18:00."],
)
def test_a_count_grouped_by_threes_before_a_time_stays(text):
    assert found(text, "phone") == []


@pytest.mark.parametrize(
    ("text", "pay"),
    [
        # (the month's word with its accents: the rule reads the folded view, "mesicne")
        ("Jana Nováková dostává 38 000 Kč čistého měsíčně, proto hledá druhý úvazek.", "38 000 Kč"),
        ("Stypendium Anny Nowak to 3 000 zł netto miesięcznie do końca roku.", "3 000 zł"),
        ("Kovács Péter fizetése 650 000 Ft nettó havonta.", "650 000 Ft"),
    ],
)
def test_a_named_persons_net_pay_with_an_accented_period_goes(text, pay):
    assert pay not in kept_text(text)
