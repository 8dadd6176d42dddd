"""Classes of the h63 and h64 held-out corpora: a family event of the writer or of somebody named,
given as the reason for an absence (a relative's death and funeral, a divorce, a child's baptism
or a religious rite); a person's religious practice told as a reason (a Friday prayer, a holy
day's rest); a person's immigration status (a work or residence permit, a Blue Card, a visa
waited for, an embassy's appointment). The examples are new, in other words than the corpora's."""

from __future__ import annotations

import pytest
from support.findings import found, kept_text


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("Ich bin nächste Woche nicht da, meine Mutter ist gestorben und die Beerdigung ist am Donnerstag.",
         "meine Mutter ist gestorben"),
        ("Jutro mnie nie będzie, mam pogrzeb babci w Krakowie.", "pogrzeb babci"),
        ("Isäni kuoli viime viikolla, joten olen poissa perjantaihin asti.", "Isäni kuoli"),
        ("I'm out on Friday for my sister's funeral in Leeds.", "my sister's funeral"),
        ("Since my divorce last spring I work from home on Wednesdays.", "my divorce"),
        ("Tomás está en pleno divorcio y ha pedido unos días libres.", "pleno divorcio"),
        ("Boşanmam yüzünden iki ay ofise gelemedim.", "Boşanmam yüzünden"),
        ("Sono assente domani per la prima comunione di mio figlio.", "prima comunione di mio figlio"),
        ("Syn naší kolegyně má v sobotu křest, takže Jana nebude k zastižení.", "v sobotu křest"),
    ],
)
def test_a_family_event_given_as_a_reason_is_personal(text, secret):
    assert secret not in kept_text(text)


@pytest.mark.parametrize(
    "text",
    ["When the child process died, the pilot was killed and the job lost.",
     "So far the disk died twice this month, we replaced it.",
     "A dataset of funeral records from 19th-century parishes is being digitised.",
     "Funeral Records Digitisation: the archive of the parish is scanned.",
     "The divorce of storage from compute is the main design goal.",
     "Please answer (válasz) by Friday."],
)
def test_a_death_a_funeral_or_a_divorce_of_nobody_stays(text):
    assert found(text, "personal") == []


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("Le vendredi après-midi je suis absent pour la prière du vendredi à la mosquée.", "prière du vendredi"),
        ("Freitags gehe ich mittags zum Freitagsgebet, danach bin ich wieder erreichbar.", "Freitagsgebet"),
        ("On Shabbat I don't work, so please schedule the call for Sunday.", "On Shabbat I don't work"),
        ("Na Sabat nie pracuję.", "Sabat nie pracuję"),
    ],
)
def test_a_religious_practice_told_as_a_reason_is_personal(text, secret):
    assert secret not in kept_text(text)


@pytest.mark.parametrize(
    "text",
    ["The workshop is in the former St. Mark's church, next to the town hall.",
     "The conference dinner is held next to the Great Mosque; we walk there together.",
     "The office is closed on 24 December (Christmas Eve) and on Good Friday.",
     "Der Gottesdienst im Dom beginnt um 10 Uhr; die Tagung danach im Gemeindesaal.",
     "The mosque tour is on Saturday at 14:00 for all participants.",
     "The Ramadan holidays close the university from 10 to 12 April."],
)
def test_a_church_or_a_holiday_as_a_venue_or_a_date_stays(text):
    assert found(text, "personal") == []


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("Mein Visum ist noch nicht genehmigt, ich warte auf einen Termin bei der Botschaft.", "Visum ist noch nicht"),
        ("Her work visa was rejected last month and she is appealing the decision.", "work visa was rejected"),
        ("Czekam na wizę pracowniczą, rozmowę w ambasadzie mam 3 czerwca.", "Czekam na wizę"),
        ("Çalışma iznim reddedildi, itiraz ediyorum.", "Çalışma iznim reddedildi"),
        ("Seine Blaue Karte läuft im März ab und die Verlängerung hängt noch.", "Seine Blaue Karte"),
    ],
)
def test_a_persons_visa_permit_or_blue_card_is_personal(text, secret):
    assert secret not in kept_text(text)


@pytest.mark.parametrize(
    "text",
    ["Law – Migration and asylum law (visa policy analysis)",
     "The organisers can send an invitation letter for your visa; please ask early.",
     "If your visa is refused, please contact the local organisers.",
     "We need a visa support letter for participants from outside the Schengen area.",
     "Kan du visa loggen? Jag väntar på svaret."],
)
def test_a_visa_as_a_topic_or_an_offer_stays(text):
    assert found(text, "personal") == []
