"""Classes of two outside corpora (h58, h59) measured before these rules existed: a named person's
pay after a relative pronoun of possession with its cost to the employer beside it, a private
car's plate after a word that names other things too (beside a word of a vehicle or parking), a
birth date after a verb of being born said of oneself, and a Polish identity card's number (its
check digit read) in a text that names the card far from it. The examples are new, in other words
than the corpora's."""

from __future__ import annotations

import pytest
from support.findings import found, kept_text


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("The porting is done by Dr. Ines Halvorsen, engineer, whose monthly salary is EUR 3,870 gross.", "3,870"),
        ("Le portage sera assuré par Julie Marchand, dont le salaire brut est de 3 950 € par mois.", "3 950"),
        ("Die Arbeit übernimmt Herr Tobias Reiter, dessen Bruttogehalt 4.120 € im Monat beträgt.", "4.120"),
        ("Il lavoro sarà svolto da Paolo Neri, il cui stipendio lordo è di 2.900 euro al mese.", "2.900"),
        ("Práci udělá Jan Novák, jehož plat činí 52 000 Kč měsíčně.", "52 000"),
        ("Migrację wykona mgr Anna Zielińska, której pensja wynosi 9 800 zł brutto (koszt pracodawcy 11 800 zł).",
         "11 800"),
    ],
)
def test_a_persons_pay_after_a_relative_pronoun_is_personal(text, secret):
    assert secret not in kept_text(text)


@pytest.mark.parametrize(
    "text",
    ["The lab's budget line for travel is €4,380 per year (overheads €1,200).",
     "Die Gruppe, deren Budget 40.000 € im Jahr beträgt, hat den Antrag gestellt."],
)
def test_a_budget_without_a_persons_pay_stays(text):
    assert found(text, "personal") == []


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("Pour le parking de l'institut, mon immatriculation est FX-903-PL, une Renault Clio blanche.", "FX-903-PL"),
        ("Per il parcheggio interno: la targa della mia auto è EK 731RT.", "EK 731RT"),
        ("Necesito plaza de aparcamiento; la matrícula de mi coche es 7391 LMD.", "7391 LMD"),
        ("Przyjadę samochodem na parking przy budynku, rejestracja: KR 5521P.", "KR 5521P"),
        ("A parkolóhoz kérem: a rendszámom PLX-318.", "PLX-318"),
    ],
)
def test_a_private_cars_plate_is_personal(text, secret):
    assert secret not in kept_text(text)


@pytest.mark.parametrize(
    "text",
    ["Je viendrai avec ma Peugeot 308 grise, le parking est-il ouvert ?",
     "Matrícula 2023: plazo abierto hasta el 15 de octubre, aparcamiento gratuito en el campus.",
     "La société est immatriculée au RCS Paris B 123 456 789. Parking disponible."],
)
def test_a_car_without_its_plate_or_a_registration_of_something_else_stays(text):
    assert found(text, "personal") == []


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("Formulár mi nedovolí pokračovať, hoci som sa narodil 17. marca 1983 v Košiciach.", "17. marca 1983"),
        ("Rodila sam se 21. srpnja 1988 u Splitu, a sustav kaže da nisam punoljetna.", "21. srpnja 1988"),
        ("Nacqui il 3 maggio 1979 a Bari, ma il portale dice che sono minorenne.", "3 maggio 1979"),
        ("Jag föddes 4 maj 1985 i Umeå men portalen säger annat.", "4 maj 1985"),
        ("Synnyin 6. joulukuuta 1981 Oulussa, mutta lomake ei hyväksy sitä.", "6. joulukuuta 1981"),
    ],
)
def test_a_birth_date_after_a_verb_of_being_born_is_personal(text, secret):
    assert secret not in kept_text(text)


@pytest.mark.parametrize(
    "text",
    ["The project was born in 2019 from a collaboration between three sites.",
     "Projekt sa narodil v roku 2019 ako spolupráca troch ústavov."],
)
def test_a_thing_born_in_a_year_stays(text):
    assert "2019" in kept_text(text)


@pytest.mark.parametrize(
    "text",
    ["Do wejścia ochrona potrzebuje nazwiska i numeru dowodu osobistego. Moje dane: Jan Kowal, KRW052817.",
     "Security asks for the number of my identity card for the visit. Here it is, with my name: Ola Berg, DEF904519."],
)
def test_a_polish_identity_card_number_with_its_check_digit_is_personal(text):
    assert text[-10:-1] not in kept_text(text)


def test_a_code_of_the_same_shape_whose_check_digit_fails_stays():
    text = "Identity card holders get the sample. Here is the batch: Lot A, DEF904518."
    assert "DEF904518" in kept_text(text)


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("Gdyby serwer padł, proszę dzwonić do mojego męża, on mi od razu wszystko przekaże: 601-882-410.",
         "601-882-410"),
        ("Si el nodo se cae, llame a mi marido, que me avisará enseguida de todo: 612-345-678.", "612-345-678"),
        ("Falls etwas schiefgeht, rufen Sie bitte meine Frau an, sie leitet es sofort weiter: 171-234-567.",
         "171-234-567"),
    ],
)
def test_a_number_to_call_someone_far_after_the_verb_of_calling_is_a_phone(text, secret):
    assert secret not in kept_text(text)


def test_an_institutions_switchboard_after_a_verb_of_calling_stays():
    text = "W razie awarii proszę dzwonić na centralę instytutu, czynną w dni robocze: 618-582-000."
    assert found(text, "phone") == []


@pytest.mark.parametrize(
    "text",
    ["Der Entwurf liegt hier (bitte nicht weitergeben): https://www.overleaf.com/4821937465qwmzntrbkvcx",
     "Lien en lecture seule pour les relecteurs : https://www.overleaf.com/read/kxvbqtzrmnpw",
     "Il nostro Overleaf d'istituto: https://overleaf.example-uni.it/7351904826hjkqwertzxcv"],
)
def test_an_overleaf_share_link_is_a_key(text):
    assert "overleaf" not in kept_text(text).split()[-1]


@pytest.mark.parametrize(
    "text",
    ["Use the template: https://www.overleaf.com/latex/templates/egi-report-template/xyzkqhrtbmwd",
     "See https://www.overleaf.com/learn/latex/Bibliography_management_with_biblatex for the citations."],
)
def test_overleafs_public_pages_stay(text):
    assert found(text, "credential") == []
