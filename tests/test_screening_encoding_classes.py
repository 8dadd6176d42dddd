"""Classes of text a held-out corpus of machine formats and encodings (holdout 33: vCards,
iCalendar, LDIF, SQL and psql output, JSON, MIME headers, quoted-printable, base64; measured
before these rules existed) showed. Leaked: a phone in a quoted-printable body cut by a soft line
break; base64 JSON holding an e-mail address; a meeting's passcode after an escaped line break;
a reset code in a status note; an id under a qualified key or a psql table's header. Lost: mail
headers' encoded words and quoted-printable text read as random tokens; an owner, a status and
a VO with a note a field of their kind carries. The examples are new, in other words than the
corpus's."""

from __future__ import annotations

import base64
import json

import pytest
from support.findings import found

from generator.screening import fields
from generator.screening.normalise import normalise


def _word(text: str, charset: str = "UTF-8") -> str:
    return f"=?{charset}?B?{base64.b64encode(text.encode(charset)).decode()}?="


@pytest.mark.parametrize(
    "text",
    [
        _word("Überschreitung der Speicherquote für vo.example.eu"),
        "=?ISO-8859-1?Q?R=E9sultats_de_la_campagne_de_tests?=",
        "Subject: " + _word("Проблем с изпращането на задачи"),
        "Der Betreff lautete =?UTF-8?Q?Wartung_des_Speichers_am_M=C3=A4rz?= und kam zweimal.",
        "Hej,\n\nunderh=C3=A5llet av ber=C3=A4kningsklustret =C3=A4r klart sedan i g=C3=A5r.",
    ],
)
def test_mail_encodings_of_harmless_text_are_kept(text):
    assert found(text) == []


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("Subject: " + _word("Kontakt: jana.novakova@seznam.cz"), _word("Kontakt: jana.novakova@seznam.cz")),
        ("Mobil: +420 777 =\n123 456\nS pozdravem, Jana N=C3=B3vakov=C3=A1", "+420 777 =\n123 456"),
        ("Password=3Dgletscher-Fuchs-77\nBenutzer=3Dgridops", "gletscher-Fuchs-77"),
    ],
)
def test_what_mail_encodings_hide_is_found(text, secret):
    assert any(secret in f or f in secret for f in found(text))


def test_an_encoded_word_maps_back_whole():
    """A finding inside an encoded word cuts the whole word, not a piece of its base64."""
    word = _word("ring mich an: +49 171 2345678")
    view = normalise("Betreff: " + word)
    start = view.text.index("+49")
    assert view.to_original(start, start + 3) == (9, 9 + len(word))


def test_base64_json_holding_an_address_is_no_plain_data():
    blob = base64.urlsafe_b64encode(json.dumps({"sub": "7f3a", "mail": "piet.jansen@hotmail.nl"}).encode()).decode()
    assert found(f"De payload van het token:\n\n{blob.rstrip('=')}\n\nKlopt dat?")
    plain = base64.urlsafe_b64encode(json.dumps({"steps": 500, "mode": "fast"}).encode()).decode()
    assert found(f"config {plain.rstrip('=')} ok") == []


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("DESCRIPTION:Webinar on FTS3\\nMeeting ID 845 1122 3344\\nPasscode: 907731\\nSee you there.", "907731"),
        ("Der Meeting-Kenncode lautet 551204.", "551204"),
        ("waiting for user (código de restablecimiento 660134)", "660134"),
        ("Twój kod resetujący to 348812.", "348812"),
    ],
)
def test_meeting_passcodes_and_reset_codes_are_secrets(text, code):
    assert code in found(text, "credential")


def test_one_escaped_line_break_alone_changes_nothing():
    assert normalise("Path C:\\new\\data is the share").text == "Path C:\\new\\data is the share"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ('{"fullName": "Lea Novak", "userEmso": "0101990505006", "vo": "biomed"}', "0101990505006"),
        ("uid: ahorvat\nhrvatskiOib: 69435151530\nou: Grid", "69435151530"),
        (" uid | ime   | jmbg\n-----+-------+---------------\n   7 | Ana   | 0101990710006\n(1 row)",
         "0101990710006"),
        ("+----+-------+-------------+\n| id | nume  | cnp         |\n+----+-------+-------------+\n"
         "|  3 | Ioana | 2950101123456 |\n+----+-------+-------------+", "2950101123456"),
    ],
)
def test_an_id_under_a_qualified_key_or_a_table_header_is_personal(text, value):
    assert value in found(text, "personal")


def test_a_qualified_key_of_a_job_is_no_id():
    assert found('{"gridJobId": "4412987", "projectCode": "2.1.4"}') == []


@pytest.mark.parametrize(
    ("check", "value"),
    [
        (fields.owner, "Katarzyna Wójcik (Cyfronet Academic Computer Centre)"),
        (fields.rt_status, "resolved 2025-02-03 09:41:07 +0100"),
        (fields.rt_status, "erledigt (Status: resolved)"),
        (fields.vo_name, "vo.example-astro.eu (VOMS: voms2.example.org:15010)"),
    ],
)
def test_a_short_value_with_a_note_of_its_kind_is_kept(check, value):
    assert check(value) == value


@pytest.mark.parametrize(
    ("check", "value"),
    [
        (fields.owner, "Katarzyna Wójcik (Anna Nowak)"),
        (fields.rt_status, "resolved (Status: Anna Nowak)"),
        (fields.vo_name, "vo.example-astro.eu (VOMS: anna.nowak@example.org)"),
    ],
)
def test_a_short_value_with_a_person_in_its_note_is_dropped(check, value):
    assert check(value) is None


def test_json_escapes_read_as_the_characters_they_stand_for():
    assert found('{"path": "\\u002Fcvmfs\\u002Fgrid.example.org", "size": "40\\u00a0GB"}') == []
    assert found('{"contact": "eva.lind\\u0040telia.se"}')
    assert normalise('{"n": "caf\\u00e9 \\ud83d\\ude00"}').text == '{"n": "cafe \U0001F600"}'
