"""Classes of text a held-out corpus of pasted machine output (holdout 23, measured before these
rules existed) showed: personal data under a key or a column header in structured text (LDIF,
JSON, YAML, vCard, tab-separated tables), secrets after more command-line flags, and the harmless
text next to them (quantities with a unit, job ids, documented example keys, public keys, URLs
without a password, advice about a password). The examples are new, in other words and languages
than the corpus's."""

from __future__ import annotations

import pytest

from support.findings import found


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("dn: uid=jkral,ou=people\nhomePostalAddress: Vinohradská 12$120 00 Praha 2\n", "Vinohradská 12$120 00 Praha 2"),
        ('{"login": "mrossi", "dateOfBirth": "1979-03-14", "dept": "INFN"}', "1979-03-14"),
        ('{"login": "mrossi", "nationalId": "RSSMRA79C14H501Z"}', "RSSMRA79C14H501Z"),
        ("user:\n  name: Ana Silva\n  passport_number: CB4471902\n", "CB4471902"),
        ("PRIVATE_ADDRESS=Kaivokatu 8 B 14, 00100 Helsinki", "Kaivokatu 8 B 14"),
    ],
)
def test_a_key_naming_personal_data_marks_its_value(text, value):
    assert any(value in s for s in found(text, "personal"))


def test_a_vcard_home_address_is_personal_and_its_work_address_is_not():
    card = ("BEGIN:VCARD\nVERSION:4.0\nFN:Jan Novák\nADR;TYPE=WORK:;;Zikova 4;Praha;;16000;CZ\n"
            "ADR;TYPE=HOME:;;Lipová 17;Brno;;60200;CZ\nEND:VCARD")
    personal = found(card, "personal")
    assert any("Lipová 17" in s for s in personal)
    assert not any("Zikova 4" in s for s in personal)


@pytest.mark.parametrize(
    "text",
    [
        "address: 192.0.2.10\nport: 8443",
        "home_address: <to be filled in>",
        "birth_date: null",
        "national: true",
    ],
)
def test_a_key_with_no_personal_value_marks_nothing(text):
    assert found(text, "personal") == []


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("Participants:\nSurname\tName\tBirth date\tInstitute\nNovak\tPetra\t21.11.1991\tCESNET\n"
         "Horvat\tIvan\t02.05.1988\tSRCE\n\nThanks", ["21.11.1991", "02.05.1988"]),
        ("Visa list:\nname   country   passport no   arrival\nA. Petrova  BG  383012457  2026-06-01\n",
         ["383012457"]),
    ],
)
def test_values_under_a_header_line_that_names_them_are_personal(text, values):
    personal = found(text, "personal")
    assert all(any(v in s for s in personal) for v in values)


def test_a_header_line_that_names_nothing_personal_marks_nothing():
    text = "Run\tEvents\tStart date\tSite\n4471\t120000\t01.02.2026\tCERN\n4472\t98000\t02.02.2026\tDESY\n"
    assert found(text, "personal") == []


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("./fetch.py --key 7731:0c9e2a41-77b0-4d2e-9f3a-1b2c3d4e5f60 --year 2024", "7731:0c9e2a41-77b0-4d2e-9f3a-1b2c3d4e5f60"),
        ("s3cmd --access-key=Zq81KxT0pLm2Vb7R --secret-key=hY2u9Q1wErT5yU8iOp3aSd6f", "hY2u9Q1wErT5yU8iOp3aSd6f"),
    ],
)
def test_a_secret_after_a_key_flag_is_found(text, secret):
    assert any(secret in s for s in found(text, "credential"))


@pytest.mark.parametrize(
    "text",
    [
        "curl --key client.key --cert client.crt https://portal.example.org/",
        "ssh-add --key ~/.ssh/id_ed25519",
        "sort --key 3,3 usage.txt",
    ],
)
def test_a_key_flag_naming_a_file_or_a_field_is_no_secret(text):
    assert found(text, "credential") == []


@pytest.mark.parametrize(
    "text",
    [
        "Transferred 0698765432 bytes in 12 minutes.",
        "The run produced 0412345678 events on 3 sites.",
    ],
)
def test_a_quantity_with_its_unit_is_no_phone(text):
    assert found(text, "phone") == []


def test_a_phone_word_wins_over_a_unit():
    assert found("Mobil: 0176 12345678 us", "phone")


def test_a_batch_job_id_is_no_token():
    text = "2026-02-01T08:00:00Z INFO arc-ce: job Qm7xLpT2vRk9WnB4yHc6ZdF1sJg8 finished"
    assert found(text, "credential") == []


def test_a_random_token_before_the_word_job_is_still_a_token():
    text = "my token is Qm7xLpT2vRk9WnB4yHc6ZdF1sJg8 for the job"
    assert found(text, "credential")


def test_aws_documented_example_keys_are_public_and_other_example_like_keys_are_not():
    documented = "aws_access_key_id = AKIAI44QH8DHBEXAMPLE\naws_secret_access_key = je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY"
    assert found(documented, "credential") == []
    assert found("aws_secret_access_key = Qd7vTn2LmW9xKc4RbY8pZs3HjF6gEXAMPLEKEY", "credential")


def test_a_public_key_after_a_key_word_is_no_password():
    text = "Klucz publiczny do logowania:\n\nssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQC7xY9kQ2mZ ola@laptop"
    assert found(text, "credential") == []


def test_a_url_without_a_password_after_a_password_word_is_no_password():
    text = "Wir nutzen jetzt Kerberos statt Passwort:\n\npostgresql://db.example.de:5432/meta?gssencmode=require"
    assert found(text, "credential") == []
    assert found("Passwort:\n\npostgresql://meta:Wq7!zL2p@db.example.de:5432/meta", "credential")


def test_do_not_pass_it_on_after_a_password_word_is_advice():
    text = "You will be asked for the passphrase; please do not share it in the ticket."
    assert found(text, "marker") == []
    assert found("Do not share this: the director resigns in May.", "marker")


@pytest.mark.parametrize("name", ["QOSMaxCpuPerUserLimit", "ReqNodeNotAvailableReservation", "AssocGrpCpuLimitReached"])
def test_a_camel_case_name_of_words_is_no_token(name):
    assert found(f"   JobState=PENDING Reason={name} Dependency=(null)", "credential") == []


def test_a_random_string_of_the_same_length_is_a_token():
    assert found("   JobState=PENDING Reason=QxKmVt8RwZpL3nYbJ7cHdF Dependency=(null)", "credential")


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("The verification code they texted me, after two tries, is 552183.", "552183"),
        ("Der Sicherheitscode, den ich per SMS bekam, war 771204.", "771204"),
    ],
)
def test_a_code_later_in_its_sentence_after_a_copula_is_found(text, code):
    assert code in found(text, "credential")


def test_a_year_later_in_a_code_word_sentence_is_no_code():
    assert found("Die Einführung der Bestätigungscodes, wie geplant, war 2026.", "credential") == []


@pytest.mark.parametrize("value", ["Maple-Orbit-903", "harbor-violet-candle-7", "cobalt_river_lantern"])
def test_a_quoted_value_in_the_sentence_after_a_password_word_is_found(value):
    text = f"The keystore passphrase is rejected. I am sure it is \"{value}\", I wrote it down."
    assert value in found(text, "credential")


def test_a_quoted_word_after_a_password_word_is_no_password():
    assert found("Change your password in the portal. It is \"self-service\" now.", "credential") == []
