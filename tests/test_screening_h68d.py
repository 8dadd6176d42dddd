"""Classes of the h67 and h68 corpora: a marker word after "nor" ("nie jest tajny ani poufny",
"weder ... noch"), or glossing a negated level's code ("nu CO (confidențial)"); a marker word
naming a kind of key ("gizli anahtar dosyası", "salainen avain"); a birthday word before a
sentence saying a VO or project was made on a date; a mail footer's notice whose message word ends
a compound ("dit e-mailbericht"). The examples are new, in other words than the corpora's."""

from __future__ import annotations

import pytest
from support.findings import found, kept_text


@pytest.mark.parametrize(
    "text",
    [
        "Das Protokoll der Sitzung ist weder geheim noch vertraulich, ihr könnt es verlinken.",
        "The dataset is neither personal nor confidential, so the link can go into the case.",
        "Notatet er hverken internt eller fortroligt, så det kan linkes.",
        "Ten plik nie jest prywatny ani poufny, możesz go wkleić do zgłoszenia.",
        "Fișierul nu este nici personal, nici confidențial.",
        "Dokument neobsahuje osobní ani důvěrné údaje, můžete ho zveřejnit.",
        "Zpráva má úroveň šíření PU (veřejné), ne CO (důvěrné), takže ji lze odkázat.",
        "The deliverable's dissemination level is PU (public), not CO (confidential), so link it.",
    ],
)
def test_a_marker_word_after_nor_or_glossing_a_negated_level_is_not_a_marking(text):
    assert found(text, "marker") == []


@pytest.mark.parametrize(
    "text",
    [
        "to jest poufne, proszę nie przekazywać dalej",
        "Das ist noch vertraulich, bitte bis Montag warten.",
        "Level: CO (confidential) – the annex lists the site contacts.",
    ],
)
def test_a_marking_without_nor_still_marks(text):
    assert found(text, "marker")


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Gizli anahtarınızı sunucuya kopyalayın ve izinleri chmod 600 ~/.ssh/id_ed25519 ile ayarlayın.",
         "chmod 600"),
        ("A titkos kulcs fájl (hostkey.pem) jogosultsága legyen 400, különben a szolgáltatás nem indul.",
         "legyen 400"),
        ("Salainen avain -tiedoston (userkey.pem) oikeudet pitää olla 400.", "pitää olla 400"),
    ],
)
def test_a_marker_word_naming_a_kind_of_key_is_not_a_marking(text, kept):
    assert found(text, "marker") == [] and kept in kept_text(text)


def test_a_real_key_after_a_secret_key_label_still_goes():
    text = "Gizli anahtar: 4c1e9a7b2f6d8e0a3b5c7d9e1f2a4b6c8d0e2f4a"
    assert found(text, "marker") and "4c1e9a7b2f6d8e0a" not in kept_text(text)


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Our consortium's birthday: the VO vo.example.eu was registered on 2019-03-14 and has 80 members.",
         "2019-03-14"),
        ("Il progetto compie gli anni, compleanno: la VO è stata creata il 01.05.2020 con 40 membri.",
         "01.05.2020"),
    ],
)
def test_a_birthday_of_a_vo_made_on_a_date_stays(text, kept):
    assert kept in kept_text(text)


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("Geburtstag: 14.03.1987", "14.03.1987"),
        ("Heute ist Katrins Geburtstag: sie wurde am 14.03.1987 in Graz geboren.", "14.03.1987"),
        ("Date of birth (as in the project form): 12.03.1985", "12.03.1985"),
    ],
)
def test_a_persons_birthday_still_goes(text, secret):
    assert secret not in kept_text(text)


@pytest.mark.parametrize(
    "text",
    [
        "Tack!\n\nInnehållet i detta e-postmeddelande är konfidentiellt och endast avsett för mottagaren.",
        "Kiitos!\n\nTämän sähköpostiviestin sisältö on luottamuksellinen ja tarkoitettu vain vastaanottajalle.",
    ],
)
def test_a_footer_whose_message_word_ends_a_compound_is_a_notice(text):
    assert found(text, "marker") == []


def test_a_compound_message_said_confidential_before_a_colon_still_marks():
    assert found("Dit e-mailbericht is vertrouwelijk: het wachtwoord staat hieronder.", "marker")
