"""Classes of holdout 62 (an outsider's corpus): a password named in an earlier sentence of a short
message and told in a later clause after a pronoun, a copula and a colon ("det var: ..."); a one-time
code from an SMS named by an inflected form of "code" or a compound with its definite ending; and
on the harmless side a login daemon's log line, whose words after "Failed password for" are the
log's grammar. The examples are new, in other words than the corpus's."""

from __future__ import annotations

import pytest
from support.findings import found, kept_text


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("Das Passwort aus der Begrüßungsmail geht nicht mehr. Ich habe es dreimal abgetippt, es war: "
         "Kiefer-Wald-88", "Kiefer-Wald-88"),
        ("Le mot de passe reçu par courrier ne marche plus. J'ai essayé avec et sans majuscule, c'était : "
         "Mouette-Bleue-19", "Mouette-Bleue-19"),
        ("Hasło z maila powitalnego nie działa. Próbowałem kilka razy, to było: Zielona-Zaba-77",
         "Zielona-Zaba-77"),
        ("My password from the onboarding mail stopped working. I copied it exactly. It was: tundra-kettle-42",
         "tundra-kettle-42"),
        ("Salasana ei enää toimi. Kokeilin monta kertaa, se oli: Revontuli-Kettu-55", "Revontuli-Kettu-55"),
    ],
)
def test_a_password_told_in_a_later_clause_after_it_was_and_a_colon_is_a_credential(text, secret):
    assert found(text, "credential") and secret not in kept_text(text)


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("The password policy is new. It was: announced-in-2024 by the board", "announced-in-2024"),
        ("Das Passwort wurde zurückgesetzt. Der Fehler war: ERR_AUTH_401", "ERR_AUTH_401"),
        ("Heslo jsem si změnil. Ticket, o který jde, to bylo: GGUS-165432", "GGUS-165432"),
    ],
)
def test_a_word_after_a_colon_that_is_no_password_stays(text, kept):
    assert kept in kept_text(text)


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("Gavau patvirtinimo kodą 739201 SMS žinute, bet jis nebegalioja.", "739201"),
        ("Kaptam egy SMS-t, a kódot (739201) nem fogadja el a portál.", "739201"),
        ("Dobio sam SMS, kodu 604417 nisam stigao unijeti na vrijeme.", "604417"),
        ("Engångskoden 553091 från appen fungerar inte.", "553091"),
        ("Sain tekstiviestinä koodia 553091, mutta se ei kelpaa.", "553091"),
        ("Potrditveno kodo sem dobil po SMS: 664102", "664102"),
        ("A verifikációs kódom 991823 lejárt, mielőtt beírtam.", "991823"),
    ],
)
def test_a_one_time_code_named_by_an_inflected_code_word_is_a_credential(text, secret):
    assert found(text, "credential") and secret not in kept_text(text)


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Naša SMS služba zapiše kodo napake 5023 v dnevnik ob vsakem neuspehu.", "5023"),
        ("The SMS gateway returns error code 5023 for Vodafone numbers.", "5023"),
    ],
)
def test_an_error_code_near_an_sms_word_stays(text, kept):
    assert kept in kept_text(text)


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Jan 12 03:14:07 ui01 sshd[9911]: Accepted password for egi2024 from 10.2.3.4 port 40022 ssh2, "
         "then cron4you ran as usual", "then cron4you ran as usual"),
        ("FATAL:  password authentication failed for user \"grid01\" — the pgpool2 pool keeps retrying",
         "user \"grid01\" — the pgpool2 pool keeps retrying"),
        ("Die Logs zeigen: sshd[2231]: Failed password for invalid user oracle from 185.220.101.4 port "
         "51822 ssh2 – nur Scanner, fail2ban blockt sie.", "fail2ban blockt sie"),
    ],
)
def test_the_words_of_a_login_daemons_log_line_stay(text, kept):
    assert kept in kept_text(text)


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("The password for the admin account: Xq7-pLm9-Tr2", "Xq7-pLm9-Tr2"),
        ("I keep getting Failed password for jdoe from 10.0.0.5 — but my password is Hv8-Kd2q-77", "Hv8-Kd2q-77"),
        ("password authentication is Wm4-Rt8q-Zz1", "Wm4-Rt8q-Zz1"),
    ],
)
def test_a_password_near_a_log_line_still_goes(text, secret):
    assert secret not in kept_text(text)
