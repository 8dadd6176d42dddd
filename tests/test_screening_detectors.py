"""The publishing gate's detectors (issue 4): a labelled corpus, then one detector at a time.

The corpus (``tests/screening_corpus/``, see its README) has planted secrets, each of which must
be covered in full by findings of its category (recall must be 100%), and benign look-alikes,
of which at least 95% must come through without any finding. The numbers are printed and
written to ``reports/screening-corpus.json`` so they are visible without ``-s``.
"""

from __future__ import annotations

import dataclasses
import json
import time
from collections import Counter
from pathlib import Path

import phonenumbers
import pytest

from devtools.ticket_text import SECRETS, ticket_text
from generator.screening.detectors import (
    CATEGORIES,
    Finding,
    detect_credentials,
    detect_emails,
    detect_markers,
    detect_phones,
    find_all,
)

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "screening_corpus"
REPORT = ROOT / "reports" / "screening-corpus.json"
MIN_PRESERVATION = 0.95


def _load(name: str) -> list[dict]:
    with open(CORPUS / name, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


PLANTED = _load("planted.jsonl")
BENIGN = _load("benign.jsonl")


# --- scoring --------------------------------------------------------------------------------


def uncovered(item: dict, findings: list[Finding]) -> str:
    """The part of the planted secret that no finding of its category covers ('' if none)."""
    text, secret = item["text"], item["secret"]
    start = text.index(secret)
    covered = [False] * len(secret)
    for f in findings:
        if f.category != item["category"]:
            continue
        for i in range(max(start, f.start), min(start + len(secret), f.end)):
            covered[i - start] = True
    return "".join(ch if not ok else "" for ch, ok in zip(secret, covered))


def score(detect=find_all) -> dict:
    misses = []
    per_category: Counter = Counter()
    found_per_category: Counter = Counter()
    for item in PLANTED:
        per_category[item["category"]] += 1
        left = uncovered(item, detect(item["text"]))
        if left:
            misses.append({"id": item["id"], "category": item["category"], "uncovered": len(left)})
        else:
            found_per_category[item["category"]] += 1
    false_positives = []
    for item in BENIGN:
        findings = detect(item["text"])
        if findings:  # preserved only if nothing at all is found in it
            false_positives.append({"id": item["id"], "kind": item["kind"],
                                    "rules": sorted({f.rule for f in findings})})
    return {
        "planted": len(PLANTED),
        "recall": (len(PLANTED) - len(misses)) / len(PLANTED),
        "recall_by_category": {c: found_per_category[c] / n for c, n in sorted(per_category.items())},
        "misses": misses,
        "benign": len(BENIGN),
        "preservation": (len(BENIGN) - len(false_positives)) / len(BENIGN),
        "false_positives": false_positives,
    }


@pytest.fixture(scope="module")
def corpus_score() -> dict:
    result = score()
    REPORT.parent.mkdir(parents=True, exist_ok=True)
    REPORT.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(
        f"\nscreening corpus: recall {result['recall']:.1%} of {result['planted']} planted, "
        f"preservation {result['preservation']:.1%} of {result['benign']} benign "
        f"(written to {REPORT.relative_to(ROOT)})"
    )
    return result


# --- the corpus -----------------------------------------------------------------------------


def test_the_corpus_is_large_and_labelled():
    assert len(PLANTED) >= 200 and len(BENIGN) >= 200
    assert {p["category"] for p in PLANTED} == set(CATEGORIES)
    assert min(Counter(p["category"] for p in PLANTED).values()) >= 25
    for item in PLANTED:
        assert item["secret"] and item["secret"] in item["text"], item["id"]
        assert item["text"].count(item["secret"]) == 1, f"{item['id']}: secret must be unambiguous"
    ids = [i["id"] for i in PLANTED + BENIGN]
    assert len(ids) == len(set(ids))


def test_recall_over_planted_secrets_is_total(corpus_score):
    assert corpus_score["misses"] == [], f"recall {corpus_score['recall']:.1%}"
    assert corpus_score["recall"] == 1.0


def test_benign_look_alikes_are_preserved(corpus_score):
    assert corpus_score["preservation"] >= MIN_PRESERVATION, corpus_score["false_positives"]


def test_the_scoring_can_fail():
    """A blind detector scores recall 0; one that flags everything preserves nothing."""
    blind = score(lambda text: [])
    assert blind["recall"] == 0.0 and blind["preservation"] == 1.0
    paranoid = score(lambda text: [Finding("x", c, 0, len(text)) for c in CATEGORIES])
    assert paranoid["recall"] == 1.0 and paranoid["preservation"] == 0.0
    half = {"text": "pw: abcdef", "secret": "abcdef", "category": "credential"}
    assert uncovered(half, [Finding("x", "credential", 4, 7)]) == "def"
    assert uncovered(half, [Finding("x", "phone", 4, 10)]) == "abcdef"  # wrong category


# --- the forms text takes on its way to the site ---------------------------------------------

#: the look-alikes the site puts in page titles and descriptions (generator/site/text.py)
LOOKALIKES = str.maketrans({"<": "‹", ">": "›", "&": "+", '"': "”", "'": "’", "`": "ʹ",
                            "{": "(", "}": ")", "\\": "/"})
FORMS = {
    "as is": lambda t: t,
    "look-alikes": lambda t: t.translate(LOOKALIKES),
    "in JSON": lambda t: json.dumps(t, ensure_ascii=False),
    "one line": lambda t: " ".join(t.split()),
}


def redact(text: str) -> str:
    """What screening makes of a text: each run of findings becomes '[redacted: <category>]'."""
    runs: list[list] = []
    for f in sorted(find_all(text), key=lambda f: (f.start, f.end)):
        if runs and f.start <= runs[-1][1]:
            runs[-1][1] = max(runs[-1][1], f.end)
        else:
            runs.append([f.start, f.end, f.category])
    out, pos = [], 0
    for start, end, category in runs:
        out += [text[pos:start], f"[redacted: {category}]"]
        pos = end
    return "".join(out) + text[pos:]


@pytest.mark.parametrize("form", FORMS)
def test_redacted_text_screens_clean(form):
    """Screening is idempotent: its own output, in every form the site gives it (page titles,
    JSON exports, search text), holds nothing the audit would stop."""
    left = {}
    for item in PLANTED:
        text = FORMS[form](redact(item["text"]))
        if find_all(text):
            left[item["id"]] = sorted({f.rule for f in find_all(text)})
    assert left == {}


@pytest.mark.parametrize("form", FORMS)
def test_benign_look_alikes_survive_every_form(form):
    lost = [item["id"] for item in BENIGN if find_all(FORMS[form](item["text"]))]
    assert 1 - len(lost) / len(BENIGN) >= MIN_PRESERVATION, lost


# --- the interface --------------------------------------------------------------------------


def test_interface():
    assert CATEGORIES == ("e-mail", "phone", "credential", "marker")
    assert [f.name for f in dataclasses.fields(Finding)] == ["rule", "category", "start", "end"]
    with pytest.raises(dataclasses.FrozenInstanceError):
        Finding("email.plain", "e-mail", 0, 1).start = 2  # type: ignore[misc]
    assert find_all("") == []
    assert find_all("Nothing to see here, just prose about storage and compute.") == []


def test_findings_are_ordered_and_well_formed():
    text = "\n".join(p["text"] for p in PLANTED[::7])
    findings = find_all(text)
    assert findings == sorted(findings, key=lambda f: (f.start, -f.end, f.rule))
    for f in findings:
        assert f.category in CATEGORIES
        assert 0 <= f.start < f.end <= len(text)
        assert f.rule.split(".")[0] in {"email", "phone", "credential", "marker"}


def test_find_all_is_the_union_of_the_detectors():
    text = "Mail jane@example.org, tel +44 20 7946 0958, pwd=S3cr3t!, CONFIDENTIAL."
    parts = detect_emails(text) + detect_phones(text) + detect_credentials(text) + detect_markers(text)
    assert set(find_all(text)) == set(parts)


def _spans(findings: list[Finding], text: str) -> list[tuple[str, str]]:
    return [(f.rule, text[f.start : f.end]) for f in findings]


# --- e-mail ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Write to jane.doe@example.org today.", ("email.plain", "jane.doe@example.org")),
        ("<a href='mailto:pi@example.net'>", ("email.mailto", "mailto:pi@example.net")),
        ("Mail jane [at] example [dot] org", ("email.obfuscated", "jane [at] example [dot] org")),
        ("Mail j.smith(at)example.org.", ("email.obfuscated", "j.smith(at)example.org")),
        ("Mail jane at example dot org", ("email.obfuscated", "jane at example dot org")),
        ("Mail anna AT example DOT com", ("email.obfuscated", "anna AT example DOT com")),
        ("Mail jan.de.vries at example.nl", ("email.obfuscated", "jan.de.vries at example.nl")),
        ("Mail joao @ example . pt", ("email.obfuscated", "joao @ example . pt")),
    ],
)
def test_email(text, expected):
    assert expected in _spans(detect_emails(text), text)


@pytest.mark.parametrize(
    "text",
    [
        "Have a look at example.org and at vo.example-science.eu.",
        "We installed UMD 5.1 at site.example.org.",
        "git clone git@github.com:example-org/pipeline.git",
        "[root@ui01 ~]# voms-proxy-init",
        "docker pull registry.example.org/image@sha256:9f86d081884c7d659a2feaa0c55ad015",
        "Follow @egi_eu; npm i pkg@1.2.3",
    ],
)
def test_email_look_alikes(text):
    assert detect_emails(text) == []


def test_userinfo_in_a_url_is_a_credential_not_an_address():
    text = "https://alice:Pa55word@git.example.org/repo.git"
    assert _spans(find_all(text), text) == [("credential.url-userinfo", "alice:Pa55word")]


# --- phone ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, number, rule",
    [
        ("Call +44 20 7946 0958 now", "+44 20 7946 0958", "phone.international"),
        ("Tel: +49 (0)30 1234 5678", "+49 (0)30 1234 5678", "phone.international"),
        ("Please ring 0033 1 23 45 67 89", "0033 1 23 45 67 89", "phone.international"),
        ("Call 020 7946 0958 if the CE is down", "020 7946 0958", "phone.national"),
        ("Office (030) 1234-5678", "(030) 1234-5678", "phone.national"),
        ("Portable 06.12.34.56.78", "06.12.34.56.78", "phone.national"),
        ("Telefon: 512 345 678", "512 345 678", "phone.national"),  # PL: no trunk 0, context
        ("My phone number 030 98765432, ask for Anna", "030 98765432", "phone.national"),
    ],
)
def test_phone(text, number, rule):
    assert (rule, number) in _spans(detect_phones(text), text)


def test_phone_possible_but_not_valid_is_found():
    number = "+49 123 4567890"
    parsed = phonenumbers.parse(number)
    assert phonenumbers.is_possible_number(parsed) and not phonenumbers.is_valid_number(parsed)
    text = f"Call {number} please"
    assert ("phone.international", number) in _spans(detect_phones(text), text)


@pytest.mark.parametrize(
    "text",
    [
        "Version 1.2.3 and v10.4.12, kernel 5.14.0-362.8.1.el9_3",
        "On 2026-11-27, 27.11.2026 and 2026-11-27T14:30:00Z; from 01.02.2026 to 03.02.2026",
        "Funded under grant agreement No 654142 (H2020-EINFRA-2015-1), GA 101057344",
        "We need 2,000,000 CPU hours, 500 TB, 150 000 000 events and 1 000 000 files",
        "Cite 10.5281/zenodo.1234567 or arXiv:2101.01234",
        "See ticket #12345, ticket 4567, RT#987654, job 4567890123",
        "Hosts 192.0.2.15, 198.51.100.254 and 10.0.0.0/8",
        "Commit 3f786850e387550fdab836ed7e6dc881de23001b",
        "ORCID 0000-0002-1825-0097, ISBN 978-3-16-148410-0",
        "Stations at 45.4642, 9.1900 and 50.0755 14.4378",
        "Serial number: 0123456789; the file 0123456789.dat",
        "Sequence 0 1 2 3 4 5 6 7 8 9",
        "A bare 612345678 is an id more often than a phone",
        '"00012345678", [12, 1]',  # no country code starts with 0
    ],
)
def test_phone_look_alikes(text):
    assert detect_phones(text) == []


# --- credentials ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, value, rule",
    [
        ("The password is hunter2 for now", "hunter2", "credential.password-prose"),
        ("password: Xk3!trl9Qw", "Xk3!trl9Qw", "credential.password-prose"),
        ("pwd=S3cr3t, ok?", "S3cr3t", "credential.password-prose"),
        ("Das Passwort lautet geheim123.", "geheim123", "credential.password-prose"),
        ("mot de passe : Azerty#1", "Azerty#1", "credential.password-prose"),
        ("hasło: zaq1@WSX", "zaq1@WSX", "credential.password-prose"),
        ("The root password was changed to correct-horse-42.", "correct-horse-42",
         "credential.password-prose"),
        ('"password": "s3cr3t"', "s3cr3t", "credential.password-prose"),
        ("SECRET_TOKEN=abcdef123456", "abcdef123456", "credential.key-value"),
        ("client_secret: 'Zm9vYmFyYmF6cXV4'", "Zm9vYmFyYmF6cXV4", "credential.key-value"),
        ("AWS key AKIAEXAMPLE7Q3ZXK2LM", "AKIAEXAMPLE7Q3ZXK2LM", "credential.aws-access-key"),
        ("token ghp_Ex4mpleT0kenAbCdEfGhIjKlMnOpQrStUv12", "ghp_Ex4mpleT0kenAbCdEfGhIjKlMnOpQrStUv12",
         "credential.github-token"),
        ("slack xoxb-123456789012-123456789012-AbCdEfGhIjKlMnOpQrStUvWx",
         "xoxb-123456789012-123456789012-AbCdEfGhIjKlMnOpQrStUvWx", "credential.slack-token"),
        ("key AIzaSyA1234567890abcdefghijklmnopqrstuv", "AIzaSyA1234567890abcdefghijklmnopqrstuv",
         "credential.google-api-key"),
        ("Authorization: Bearer Zx81kQ0pLm2nB7vC3xZ9aS4dF6gH",
         "Zx81kQ0pLm2nB7vC3xZ9aS4dF6gH", "credential.token"),
    ],
)
def test_credential(text, value, rule):
    assert (rule, value) in _spans(detect_credentials(text), text)


def test_jwt_is_found_whole():
    jwt = ("eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0."
           "dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U")
    text = f"my token: {jwt}\n"
    assert ("credential.jwt", jwt) in _spans(detect_credentials(text), text)


def test_detect_secrets_plugins_add_what_we_have_no_rule_for():
    key = "SG." + "a1B2c3D4e5F6g7H8i9J0kL" + "." + "m1N2o3P4q5R6s7T8u9V0w1X2y3Z4a5B6c7D8e9F0g1H"
    text = f"SendGrid {key} in the config"
    assert ("credential.detect-secrets.sendgrid-api-key", key) in _spans(detect_credentials(text), text)


PEM_BODY = "MIIEpAIBAAKCAQEA7examplefakekeyonly0123456789abcdefghijklmnopqrstu\nQm9ndXMga2V5IGZvciB0ZXN0cw=="


@pytest.mark.parametrize(
    "label", ["RSA PRIVATE KEY", "OPENSSH PRIVATE KEY", "ENCRYPTED PRIVATE KEY", "EC PRIVATE KEY"]
)
def test_private_key_block_is_covered_whole(label):
    block = f"-----BEGIN {label}-----\n{PEM_BODY}\n-----END {label}-----"
    text = f"Here it is:\n{block}\nthanks"
    assert ("credential.pem-private-key", block) in _spans(detect_credentials(text), text)


def test_grid_proxy_covers_its_certificates():
    cert = f"-----BEGIN CERTIFICATE-----\n{PEM_BODY}\n-----END CERTIFICATE-----"
    key = f"-----BEGIN RSA PRIVATE KEY-----\n{PEM_BODY}\n-----END RSA PRIVATE KEY-----"
    proxy = f"{cert}\n{key}\n{cert}"
    text = f"x509up_u1000:\n{proxy}\nend"
    assert ("credential.proxy-certificate", proxy) in _spans(detect_credentials(text), text)
    assert detect_credentials(f"Our CA certificate:\n{cert}\n") == []  # public on its own


@pytest.mark.parametrize(
    "text",
    [
        "The password policy requires at least 12 characters.",
        "A password is required. Password: see the vault. password: ********",
        "password=<your password>, Password: (sent separately), password: same as before",
        "Passwords are stored hashed; password authentication is disabled.",
        "token_lifetime=3600, TOKEN_URL=https://aai.example.org/oidc/token, token_type: Bearer",
        "access_token=$(oidc-token egi); export TOKEN=${ACCESS_TOKEN}; --token $TOKEN",
        "X509_USER_KEY=/tmp/userkey.pem and KEY_FILE=/etc/grid-security/hostkey.pem",
        "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl vo@ui01",
        "sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
        "https://github.com/example-org/pipeline/commit/3f786850e387550fdab836ed7e6dc881de23001b",
        "https://example.org:8443/path and https://user@example.org/ (no password)",
        "The key point: tokens expire; it's no secret; the bearer of this role.",
    ],
)
def test_credential_look_alikes(text):
    assert detect_credentials(text) == []


# --- markers --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, marker, rule",
    [
        ("CONFIDENTIAL: budget", "CONFIDENTIAL", "marker.confidential"),
        ("Strictly confidential - draft", "Strictly confidential", "marker.confidential"),
        ("Note: internal only.", "internal only", "marker.internal-only"),
        ("For internal use only: the list", "For internal use only", "marker.internal-only"),
        ("Please do not distribute this.", "Please do not distribute", "marker.do-not-distribute"),
        ("Not for publication: review", "Not for publication", "marker.not-for-publication"),
        ("not for public release yet", "not for public release", "marker.not-for-publication"),
        ("Vertraulich: Angebot", "Vertraulich", "marker.confidential"),
    ],
)
def test_marker(text, marker, rule):
    assert (rule, marker) in _spans(detect_markers(text), text)


@pytest.mark.parametrize(
    "text",
    [
        "The confidence interval is 95%.",
        "The confidentiality agreement was signed.",
        "This document is non-confidential; the data are not confidential.",
        "Confidential computing enclaves are not offered.",
        "International partners; internal review; do not hesitate to ask.",
        "Do not share your password with anyone.",
        "A public release is planned; the publication list; not for profit.",
    ],
)
def test_marker_look_alikes(text):
    assert detect_markers(text) == []


# --- speed (issue 7) ------------------------------------------------------------------------


def test_throughput_has_no_cliff():
    """A smoke test with a low bar (CI machines are shared): the real number comes from
    ``make bench`` (target >= 5 MB/s). This catches quadratic blow-ups."""
    messages = ticket_text(0.5, seed=3)
    find_all("\n".join(SECRETS))  # warm up
    size = sum(len(m.encode()) for m in messages)
    start = time.process_time()
    for m in messages:
        find_all(m)
    rate = size / 1e6 / max(time.process_time() - start, 1e-9)
    one_big = "\n\n".join(messages[:200])  # one long text: no per-text quadratic cost either
    start = time.process_time()
    find_all(one_big)
    big_rate = len(one_big.encode()) / 1e6 / max(time.process_time() - start, 1e-9)
    print(f"\nscreening throughput (smoke): {rate:.1f} MB/s per message, {big_rate:.1f} MB/s one text")
    assert rate >= 1.0 and big_rate >= 1.0


@pytest.mark.parametrize(
    "text",
    [
        "eyJ" * 20_000,
        "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n" * 1_500
        + "-----BEGIN PRIVATE KEY-----\nAA\n-----END PRIVATE KEY-----",
        "-----BEGIN RSA PRIVATE KEY-----\n" * 2_000,
        "x@" * 30_000,
        "password: " * 6_000,
        "jane.doe at " * 5_000,
        "0 " * 30_000,
        ("ghp_" + "A1" * 20 + " ") * 1_500,
    ],
    ids=["eyJ", "certs", "begins", "at-signs", "passwords", "bare-at", "digits", "tokens"],
)
def test_degenerate_text_costs_no_more_than_a_pass(text):
    """Ticket text is untrusted: no input may make a detector quadratic."""
    start = time.process_time()
    find_all(text)
    assert time.process_time() - start < 2.0
