"""People, not passwords: classes of personal data an outside corpus found published, each with
its harmless look-alikes. Identity, tax, social security and driving licence numbers after a
label in EGI's languages (a few words and a copula, "n.", "no", a colon between); bank accounts
in national formats after an account word, and IBANs whose check digits are wrong; dates of birth
after a birth word, in numbers, with month names and spelled out; home addresses after a home word
in each country's order; health and family details; and, kept, organisations' registry and VAT
numbers and institutional addresses. The examples are written here, in other languages and
phrasings than the corpus's."""

from __future__ import annotations

import pytest

from generator.screening.detectors import find_all


def covered(text: str, part: str, category: str | None = None) -> bool:
    """Is every character of ``part`` inside a finding (of ``category``)?"""
    start = text.index(part)
    spans = [(f.start, f.end) for f in find_all(text) if category is None or f.category == category]
    return all(any(a <= i < b for a, b in spans) for i in range(start, start + len(part)))


def untouched(text: str, part: str) -> bool:
    """Does no finding overlap ``part``?"""
    start = text.index(part)
    end = start + len(part)
    return not [f for f in find_all(text) if f.start < end and f.end > start]


# --- 1. identity, tax, social security, licence and residence numbers after a label ----------


@pytest.mark.parametrize(("text", "value"), [
    ("Für die Lohnabrechnung: meine Sozialversicherungsnummer beim neuen Arbeitgeber lautet 12 150385 K 123.",
     "12 150385 K 123"),
    ("Voici mon numéro de sécurité sociale pour le contrat de vacation : 2 91 07 13 055 118 42",
     "2 91 07 13 055 118 42"),
    ("Para el alquiler necesito mi permiso de conducir, número B-4827193, que caduca pronto.", "B-4827193"),
    ("Zijn verblijfsvergunning heeft nummer V 8273641 en verloopt in mei.", "V 8273641"),
    ("Karta pobytu nr RP 4928173 jest ważna do końca roku.", "RP 4928173"),
    ("Prof. Jan Kowal (employee no. 4471829) needs the quota raised.", "4471829"),
    ("Sein Aufenthaltstitel ist beantragt, Aktenzeichen 5-2938471, bei der Ausländerbehörde.", "5-2938471"),
    ("Mă puteți identifica după buletinul meu, seria și numărul: XT 719264.", "XT 719264"),
    ("Potrzebny jest mój numer dowodu osobistego? Proszę: ABC 123456", "ABC 123456"),
    ("Mitt körkort har nummer 850312-77, om det behövs för hyrbilen.", "850312-77"),
    ("Il mio codice INPS, numero di previdenza: 7731 002 918", "7731 002 918"),
])
def test_a_number_after_an_id_label_goes(text, value):
    assert covered(text, value, "personal")


@pytest.mark.parametrize(("text", "keep"), [
    ("Fakturu prosím vystavte na Masarykova univerzita, IČO 00216224, DIČ CZ00216224.", "IČO 00216224"),
    ("Fattura intestata all'Università di Pisa, partita IVA 00286820501.", "partita IVA 00286820501"),
    ("Rechnung an: Forschungszentrum Jülich GmbH, USt-IdNr. DE122624631", "DE122624631"),
    ("Our passport office opens at 9; ticket 2026031210000042 tracks it.", "2026031210000042"),
    ("The driving licence of the van was checked in 2024.", "2024"),
    ("The ID card readers at the entrance were down on 2025-11-03, fixed since.", "2025-11-03"),
])
def test_an_organisations_number_or_a_plain_date_stays(text, keep):
    assert untouched(text, keep)


# --- 2. bank accounts -------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "value"), [
    ("Proszę o zwrot na rachunek bankowy 61 1090 1014 0000 0712 1981 2874, dziękuję.",
     "61 1090 1014 0000 0712 1981 2874"),
    ("Refundace prosím na bankovní účet 2801234567/2010.", "2801234567/2010"),
    ("Kérem a díjat a bankszámlámra utalni: 10918001-00000068-64480008", "10918001-00000068-64480008"),
    ("Sort code 20-45-77, account number 41823390, for the travel refund.", "41823390"),
    ("Hyvitys tililleni, tilinumero 4812 3300 1927, kiitos.", "4812 3300 1927"),
    # an IBAN whose check digits are wrong is still somebody's account
    ("Bitte auf mein Konto DE12 5001 0517 0648 4898 91 überweisen.", "DE12 5001 0517 0648 4898 91"),
    # a valid IBAN of a bank that python-stdnum's table does not list
    ("Remboursement sur le compte BE68 5390 0754 7034 svp.", "BE68 5390 0754 7034"),
])
def test_an_account_number_after_an_account_word_goes(text, value):
    assert covered(text, value, "personal")


@pytest.mark.parametrize(("text", "keep"), [
    ("Please link the account to my ORCID iD 0000-0002-1825-0097.", "0000-0002-1825-0097"),
    ("The account was created on 2024-03-01 12:00 by the portal.", "2024-03-01 12:00"),
    ("The group account has 12000000000 bytes of quota left.", "12000000000"),
    ("Konto 3 is disabled; 12 users moved.", "3"),
])
def test_a_number_near_an_account_word_that_is_no_account_stays(text, keep):
    assert untouched(text, keep)


# --- 3. dates of birth --------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "value"), [
    ("For the visa form: my date of birth, as the embassy wants it, is 09/11/1984.", "09/11/1984"),
    ("She was born on the 21st of October 1979 in Leeds.", "21st of October 1979"),
    ("Mój PESEL się nie zgadza; data urodzenia według dowodu (strona 2): 04.07.1993", "04.07.1993"),
    ("Narodila jsem se 4. června 1992, pokud je to potřeba.", "4. června 1992"),
    ("Sono nata a Trieste il 30/01/1988.", "30/01/1988"),
    ("Doğum tarihim 12.05.1987, kimlik doğrulaması için.", "12.05.1987"),
    ("Sünnipäev: 3.11.1991", "3.11.1991"),
    ("My birthday is the twelfth of June nineteen ninety-one, if it matters.",
     "twelfth of June nineteen ninety-one"),
    ("Mein Geburtsdatum ist der dritte März neunzehnhundertachtundachtzig.", "dritte März neunzehnhundertachtundachtzig"),
    ("Ma date de naissance est le douze mai mille neuf cent quatre-vingt-cinq.",
     "douze mai mille neuf cent quatre-vingt-cinq"),
    ("La mia data di nascita è il ventuno aprile millenovecentottantasei.", "ventuno aprile millenovecentottantasei"),
])
def test_a_date_after_a_birth_word_goes(text, value):
    assert covered(text, value, "personal")


@pytest.mark.parametrize(("text", "keep"), [
    ("The project was born in a workshop in 2019 and runs until 31.12.2026.", "31.12.2026"),
    ("Happy birthday to the grid! Ten years of service in May.", "Ten years of service in May"),
    ("NATO summit on 12.07.2023 delayed the network upgrade.", "12.07.2023"),
])
def test_a_date_that_is_no_birth_date_stays(text, keep):
    assert untouched(text, keep)


# --- 4. home addresses --------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "value"), [
    ("Mandadme la tarjeta a casa: Calle de Alcalá 120, 5º dcha., 28009 Madrid.", "Calle de Alcalá 120"),
    ("Envoyez-la plutôt chez moi, 8 rue Victor Hugo, 33000 Bordeaux.", "8 rue Victor Hugo, 33000 Bordeaux"),
    ("Pošlite mi ho domov, na naslov Prešernova cesta 14, 1000 Ljubljana.", "Prešernova cesta 14, 1000 Ljubljana"),
    ("Моля, пратете го на домашния ми адрес: ж.к. Люлин 5, бл. 512, вх. А, ап. 7, 1343 София.",
     "ж.к. Люлин 5, бл. 512, вх. А, ап. 7, 1343 София"),
    ("Надішліть на домашню адресу: вул. Шевченка, 12, кв. 4, Львів, 79000.", "вул. Шевченка, 12, кв. 4, Львів, 79000"),
    ("Kargoyu ev adresime yollayın: Atatürk Cad. No:45 D:3, Çankaya / Ankara.", "Atatürk Cad. No:45 D:3, Çankaya / Ankara"),
    ("WFH until March, so please ship to 27 Elm Grove, Bristol BS6 6AH.", "27 Elm Grove, Bristol BS6 6AH"),
    ("Στείλτε το στη διεύθυνση της κατοικίας μου: Ερμού 45, 105 63 Αθήνα.", "Ερμού 45, 105 63 Αθήνα"),
    # a person's own signature, with no institute above the address
    ("Regards,\nJEAN DUPONT\nMarie Dupont\n12 rue des Acacias, 69003 Lyon", "12 rue des Acacias, 69003 Lyon"),
])
def test_an_address_after_a_home_word_goes(text, value):
    assert covered(text, value, "personal")


@pytest.mark.parametrize(("text", "keep"), [
    ("Les serveurs sont livrés au LAPP-IN2P3, 9 chemin de Bellevue, 74940 Annecy.", "9 chemin de Bellevue, 74940 Annecy"),
    ("A morada do INESC TEC é Rua Dr. Roberto Frias 400, 4200-465 Porto.", "Rua Dr. Roberto Frias 400, 4200-465 Porto"),
    ("Bitte an das DESY schicken, Notkestraße 85, 22607 Hamburg.", "Notkestraße 85, 22607 Hamburg"),
    ("Jan Novák\nInstitute of Physics of the Czech Academy of Sciences\nNa Slovance 1999/2, 182 00 Praha 8",
     "Na Slovance 1999/2, 182 00 Praha 8"),
    ("Cordialement,\nMarie Curie\nIJCLab - Laboratoire de Physique\n15 rue Georges Clemenceau, 91405 Orsay",
     "15 rue Georges Clemenceau, 91405 Orsay"),
    ("Met vriendelijke groet,\nPieter Jansen\nNIKHEF / Nationaal instituut\nScience Park 105, 1098 XG Amsterdam",
     "Science Park 105, 1098 XG Amsterdam"),
    # a signature as the audit reads a page: its lines apart, with a separator between them
    ("Pozdrawiam\n\ue000\n\nJan Kowalski\n\ue000\n\nAkademickie Centrum Komputerowe Cyfronet\n\ue000\n\n"
     "ul. Nawojki 11, 30-950 Kraków", "ul. Nawojki 11, 30-950 Kraków"),
    ("I am working from home today; the CE has 48 cores and 2 GPUs.", "48 cores and 2 GPUs"),
    ("Sono a casa con la febbre, rispondo domani alle 10.", "10"),
])
def test_an_institutions_address_or_home_without_an_address_stays(text, keep):
    assert untouched(text, keep)


# --- 5. health and family -----------------------------------------------------------------------


@pytest.mark.parametrize(("text", "value"), [
    ("Our admin is in hospital after a stroke, so the upgrade waits.", "in hospital after a stroke"),
    ("Frau Lange ist in Elternzeit bis Oktober, bitte an mich wenden.", "in Elternzeit bis Oktober"),
    ("La collega è in maternità fino a giugno.", "in maternità fino a giugno"),
    ("Jarmila je na mateřské, tiket převezme Petr.", "je na mateřské"),
    ("Kollegan genomgår cellgiftsbehandling och är borta i vår.", "cellgiftsbehandling"),
    ("Pani Ewa leży w szpitalu po operacji, odpowie później.", "leży w szpitalu po operacji"),
    ("Ο διαχειριστής νοσηλεύεται μετά από ατύχημα.", "νοσηλεύεται μετά από ατύχημα"),
    ("Колега в декреті до кінця року.", "в декреті до кінця року"),
])
def test_a_sentence_about_somebodys_health_or_family_goes(text, value):
    assert covered(text, value, "personal")


@pytest.mark.parametrize(("text", "keep"), [
    ("The biomedical VO stores images from the hospital PACS in the grid.", "from the hospital PACS"),
    ("The parental leave policy is on the intranet.", "parental leave policy"),
])
def test_health_words_about_things_stay(text, keep):
    assert untouched(text, keep)
