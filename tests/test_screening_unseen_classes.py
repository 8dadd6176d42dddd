"""Classes of held-out corpora 50 and 51, written by outsiders who never saw the code: national
ids grouped as people write them or named by a word the lists lacked, birth dates with a month's
name in the next sentence or spelled out with an ordinal day, private addresses in a form's
fields, codes and credentials handed over without the usual words, a phone in a form's comments,
a marker phrased as a wish. The examples are new, in other words and languages than the corpora's."""

from __future__ import annotations

import pytest
from support.findings import found, kept_text

from generator.screening.detectors import scan_normalised

# --- national ids -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        # a Portuguese NIF after "contribuinte" alone, the word the lists lacked
        ("Emitam o recibo como contribuinte 245 719 860, em nome de Joana Pires.", "245 719 860"),
        ("Fatura-se ao contribuinte nº 123456789, obrigado.", "123456789"),
        # a Dutch BSN grouped with dots or spaces, the word far before it on the line
        ("Het portaal wil mijn BSN voor de registratie, maar weigert het steeds wanneer ik 1112.22.333 invul.",
         "1112.22.333"),
        ("Het formulier vroeg het burgerservicenummer van mijn dochter, maar gaf steeds een fout toen ik 111 222 333 invulde.",
         "111 222 333"),
        # a Spanish DNI with the dots of its thousands
        ("El DNI del formulario de alta del curso de HPC no coincide con la copia escaneada que os envié (12.345.678-Z).",
         "12.345.678-Z"),
        # a German tax id in the groups of its letter
        ("Die Steuer-ID habe ich im Formular für die Reisekosten des Workshops in Karlsruhe vertauscht, gemeint war 65 929 970 489.",
         "65 929 970 489"),
    ],
)
def test_a_grouped_or_newly_named_national_id_is_personal(text, secret):
    assert secret not in kept_text(text)


@pytest.mark.parametrize(
    "text",
    [
        # grouped numbers with no id word on their line: counts, amounts, a job's number
        "The storage holds 111 222 333 files, see job 1112.22.333 for the details.\nBSN rules apply elsewhere.",
        "Gevraagde CPU-uren: 111 222 333\nBSN: niet van toepassing",
        # a number that goes on past the grouping ("1 111 222 333" is an amount)
        "Contribuinte singular; valor total 1 111 222 333 escudos em 1990.",
    ],
)
def test_grouped_numbers_that_name_no_id_are_kept(text):
    assert found(text, "personal") == []


# --- birth dates ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        # the date with its month's name in the next sentence, in each language's order
        ("Das Geburtsdatum im Formular ist falsch. Richtig wäre 7. Mai 1983.", "7. Mai 1983"),
        ("A születési dátumot elgépeltem. A jó: 1979. október 21.", "1979. október 21."),
        ("Födelsedatumet blev fel i ansökan. Det rätta är 12 maj 1979.", "12 maj 1979"),
        ("Gimimo data formoje neteisinga. Teisinga: 1986 m. kovo 14 d.", "1986 m. kovo 14 d."),
        ("Dzimšanas datums ir nepareizs. Pareizi: 1986. gada 14. martā.", "1986. gada 14. martā"),
        # the Nordic definite form of the word ("fødselsdatoen")
        ("Fødselsdatoen mangler i søknaden, den er: 30. juni 1992.", "30. juni 1992"),
    ],
)
def test_a_birth_date_named_by_its_month_after_the_word_is_personal(text, secret):
    assert secret not in kept_text(text)


@pytest.mark.parametrize(
    ("text", "day"),
    [
        # spelled out with an ordinal day, which the number parts did not make
        ("Jeg er født den tredje marts nitten hundrede og otteogfirs.", "tredje"),
        ("Mein Geburtsdatum: zweiter Mai neunzehnhundertachtzig.", "zweiter"),
        ("Moja data urodzenia: piątego maja tysiąc dziewięćset osiemdziesiątego.", "piątego"),
    ],
)
def test_a_birth_date_spelled_with_an_ordinal_day_loses_its_day_too(text, day):
    assert day not in kept_text(text)


@pytest.mark.parametrize(
    "text",
    [
        # an event's date after a sentence that names a birth date field: recent, no one's birth
        "Please check the date of birth field. The workshop was held on 12 May 2023.",
        "A születési dátum mező hibás. A frissítés 2024. március 3. óta fut.",
        # a month and a small word that is no number ("de facto")
        "Mein Geburtsdatum steht im September de facto fest.",
    ],
)
def test_an_event_date_near_a_birth_word_is_kept(text):
    assert found(text, "personal") == []


# --- home addresses ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        # a private address's field, in a form of several fields (an institution's among them)
        ("Instituce: Univerzita Karlova\nFakulta: Matematicko-fyzikální fakulta\n"
         "Soukromá adresa: Vinohradská 1511/230, 100 00 Praha 10", "Vinohradská 1511/230, 100 00 Praha"),
        ("Instelling: Rijksuniversiteit Groningen\nAfdeling: Kapteyn Instituut\nPrivéadres: Zuiderdiep 45, 9711 HG Groningen",
         "Zuiderdiep 45, 9711 HG Groningen"),
        # an address alone in a field that asks for the organisation
        ("Ime: Ana Kovač\nOrganizacija: Dunajska cesta 104, 1000 Ljubljana\nVloga: študentka",
         "Dunajska cesta 104, 1000 Ljubljana"),
        ("Institut: Lindenstraße 4, 10969 Berlin\nRolle: Doktorand", "Lindenstraße 4, 10969 Berlin"),
    ],
)
def test_a_private_address_in_a_forms_field_is_personal(text, secret):
    assert secret not in kept_text(text)


def test_a_private_address_field_ends_with_its_line():
    text = "Woonadres: Biltstraat 88, 3572 BJ Utrecht\nProjecttitel: Bodemvocht uit radarbeelden"
    assert "Projecttitel: Bodemvocht uit radarbeelden" in kept_text(text)


@pytest.mark.parametrize(
    "text",
    [
        # the organisation named first in its field, or the field asks for its address
        "Institucija: FER, Unska 3, 10000 Zagreb",
        "Institution address: Hauptstraße 12, 80331 München",
        "Organisation: Universität Wien, Universitätsring 1, 1010 Wien",
    ],
)
def test_an_organisations_address_in_its_field_is_kept(text):
    assert found(text, "personal") == []


# --- one-time links and codes -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        # a password reset's link: its user's number and time stamp go with its token
        ("Forwarding the mail: open https://portal.example.eu/user/reset/1207/1719000000/aZ3kQ9pL2mX7vB4nR8tY1wE6uI0oP5sD/login to set it.",
         "https://portal.example.eu/user/reset/1207/1719000000"),
        ("Der Link aus der Mail: https://cloud.example.de/passwort-zuruecksetzen/MTIzNA/7f3k2m9q4x8w1z5v6b0n/ geht nicht.",
         "https://cloud.example.de/passwort-zuruecksetzen/MTIzNA"),
    ],
)
def test_a_one_time_links_whole_address_is_a_credential(text, secret):
    assert secret not in kept_text(text)


@pytest.mark.parametrize(
    "text",
    [
        "To reset your password go to https://aai.egi.eu/reset and follow the steps.",
        "See https://wiki.egi.eu/wiki/Activation/Procedure_for_VO_2024_members for the activation procedure.",
    ],
)
def test_a_reset_page_without_a_token_is_kept(text):
    assert found(text, "credential") == []


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("Il portale chiede un codice di verifica all'ultimo passo. Mi è arrivato via SMS: 5531 27", "5531 27"),
        ("Formularz prosi o kod weryfikacyjny; dostałem SMS-em: 739104, co dalej?", "739104"),
    ],
)
def test_a_code_after_its_channel_and_a_colon_is_a_credential(text, secret):
    assert secret not in kept_text(text)


def test_a_phone_after_sms_and_a_year_are_no_codes():
    assert found("The verification code step failed. SMS: 2024", "credential") == []


# --- a phone in a form's comments -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        # a call's verb with its pronoun after a hyphen
        ("Observações: se precisarem, liguem-nos para o 213 456 789 de manhã.", "213 456 789"),
        ("Dacă aveți întrebări, sunați-mă la 721 345 678 după ora 16.", "721 345 678"),
    ],
)
def test_a_phone_after_a_call_verb_with_its_pronoun_is_a_phone(text, secret):
    assert secret not in kept_text(text)


def test_a_grouped_quantity_in_a_form_is_kept():
    assert "912 384 751" in kept_text("Horas de CPU: 912 384 751\nComentários: sem pressa")


# --- a marker phrased as a wish -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Hello all. (What follows should not go out on the public web) The PI is leaving in March.",
        "Servus. (Das Folgende darf nicht auf der öffentlichen Webseite erscheinen) Der Leiter geht in Rente.",
        "Ce qui suit ne doit pas apparaître sur le site public : le directeur part en retraite.",
        "Het volgende mag niet op de publieke website verschijnen: de directeur vertrekt.",
    ],
)
def test_what_should_not_appear_on_the_public_web_is_a_marker(text):
    assert found(text, "marker")


@pytest.mark.parametrize(
    "text",
    [
        "The service does not appear on the web page: could you check the DNS?",
        "The fix (not in the ticket) is to restart the daemon.",
        "The page is not on the public web (yet) but will be soon.",
    ],
)
def test_a_fault_or_an_aside_about_the_web_is_no_marker(text):
    assert found(text, "marker") == []


# --- a title is a whole word -------------------------------------------------------------------------


def test_a_title_is_a_whole_word_wherever_the_text_holds_it_alone():
    """The audit read a case's sentence "Bitte tragt ihn im Operations Portal ein" as a patient's
    (held-out corpus 50): a title's letter "m" stood alone in another case of the same export, and
    was then looked for inside "im", the capitalised words after it taken for a name and
    "Operation" for surgery. The screening of the message alone found nothing: the two disagreed,
    and the case was withheld. A title counts where it stands as a word only."""
    sentence = "Bitte tragt ihn im Operations Portal ein; die Adresse folgt."
    assert found(sentence, "personal") == []
    joined = "Lithuanian form: 1986 m. kovo 14 d.\n\ue000\n" + sentence
    assert [f for f in scan_normalised(joined) if f.rule == "personal.patient"] == []
    # the title as a word still names a patient
    assert "Jean Dupont est hospitalise" in " ".join(
        found("Depuis lundi, M. Jean Dupont est hospitalise apres une operation du genou.", "personal"))


# --- a value "set to" in other languages; a home at one's parents' ----------------------------------


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        # an account's password given with "set to" in the writer's language, no password word
        ("Root-kontoen er satt til Tindra-1990 på den nye noden.", "Tindra-1990"),
        ("admin je nastaven na Brno.Hrad-88 na obou strojích", "Brno.Hrad-88"),
        ("Root on asetettu Kissa-2024 molemmissa koneissa.", "Kissa-2024"),
        # a home for now: one's parents', named in passing before the address
        ("I am working from my parents house at 9 Orchard Terrace, Limerick V94 K2T3 this week.",
         "9 Orchard Terrace, Limerick V94 K2T3"),
        ("Til fredag jobber jeg hos mine foreldre, Storgata 14, 9008 Tromsø.", "Storgata 14, 9008 Tromsø"),
    ],
)
def test_set_to_and_a_home_at_ones_parents(text, secret):
    assert secret not in kept_text(text)


@pytest.mark.parametrize(
    ("text", "keep"),
    [
        ("Disk quota er satt til 500 GB for prosjektet.", "500 GB"),
        ("The root filesystem is set to read-only on both nodes.", "read-only"),
        ("The meeting takes place at 14 Mill Lane, Cambridge.", "14 Mill Lane, Cambridge"),
    ],
)
def test_settings_and_venues_stay(text, keep):
    assert keep in kept_text(text)
