"""Detectors: find confidential spans in text. Pure functions, no policy.

Every detector reads the normalised view of the text (``generator.screening.normalise``), the
same view the audit reads output files through, so screening and the audit see the same text.
One small module per family:

* ``email``: addresses, plain and obfuscated in EGI's languages;
* ``phone``: phone numbers of every region, with extensions;
* ``secrets``: credentials after password words in EGI's languages, configuration keys, HTTP
  headers, command-line flags, values handed over without a word;
* ``tokens``: vendor token formats, random-looking strings with no keyword, grouped codes;
* ``keys``: private keys in every armour, and bare base64 that decodes to one;
* ``formats``: password hashes, connection strings with a password, session cookies;
* ``urls``: secrets in a URL's user info, query, fragment or path, and contact links;
* ``personal``: IBANs, payment cards, national ids, passports, dates of birth, home addresses, person DNs,
  messenger handles, health;
* ``markers``: confidentiality markers;
* ``spoken``: values read out in words (dictated passwords, numbers said aloud);
* ``columns``: values under a table's column header that names a password, an id, a birth date
  or a phone (CSV, pipe tables, SQL inserts).

Each ``Finding`` names the rule, its category and the span it covers in the text it was given;
what to do about it (redact, withhold the message, the value, the case) is ``policy``'s
decision. Keyword lists live in ``lexicon``; public identifier shapes in ``shapes``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from generator.screening.detectors import (
    columns,
    email,
    formats,
    keys,
    markers,
    personal,
    phone,
    public,
    secrets,
    spoken,
    tokens,
    urls,
)
from generator.screening.detectors.base import (
    BOUNDARY,
    CATEGORIES,
    CREDENTIAL,
    EMAIL,
    MARKER,
    PERSONAL,
    PHONE,
    REDACTION,
    Finding,
    Text,
    load_tables,
    make_tables,
    save_tables,
)
from generator.screening.normalise import View, normalise

__all__ = ["BOUNDARY", "CATEGORIES", "CREDENTIAL", "DETECTORS", "EMAIL", "MARKER", "PERSONAL", "PHONE", "REDACTION",
           "Finding", "find_all", "find_in_view", "load_tables", "make_tables", "occurrences", "save_tables",
           "scan_normalised"]

Detector = Callable[[Text], Iterable[Finding]]

DETECTORS: dict[str, tuple[Detector, ...]] = {
    EMAIL: (email.emails, email.backwards_emails),
    PHONE: (phone.phones, phone.lettered_phones, phone.spelled_phones, phone.read_out_phones),
    CREDENTIAL: (keys.private_keys, secrets.password_values, secrets.key_values, secrets.auth_pairs, secrets.command_lines,
                 secrets.handed_over, secrets.login_values, tokens.vendor_tokens, tokens.random_tokens, tokens.labelled_hex, tokens.lasting_values,
                 tokens.grouped_secrets, urls.urls, urls.bare_userinfo, urls.query_strings, formats.stored_hashes, formats.pins, formats.bookings,
                 formats.session_cookies, formats.connection_strings, formats.secret_answers,
                 spoken.spoken_values),  # (a value read out: credential or personal, by the words before it)
    PERSONAL: (personal.ibans, personal.bank_accounts, personal.czech_accounts, personal.payment_cards, personal.national_ids, personal.glued_labels, personal.birth_dates, personal.misread_numbers, personal.addresses,
               personal.licence_plates,
               personal.person_dns, personal.eid_identifiers, personal.handles, personal.health, personal.care_needs, personal.patient_codes, personal.named_patients, personal.salaries,
               personal.employment_troubles, personal.performance_reviews, personal.union_membership, personal.personal_troubles, personal.told_of_somebody, personal.religion,
               personal.family_events,
               columns.columns),  # (a table's columns: personal, phone and credential findings)
    MARKER: (markers.markers,),
}

#: every detector, in the order of ``CATEGORIES`` (the usual call: looked up once)
_ALL: tuple[Detector, ...] = tuple(d for c in CATEGORIES for d in DETECTORS[c])


def find_in_view(view: View, categories: Iterable[str] = CATEGORIES) -> list[Finding]:
    """Every finding in the view, in the view's coordinates (ordered by start, longest first)."""
    if not view.text or view.text.isspace():  # (no stripped copy made: most texts end the test at once)
        return []
    t = Text(view)
    found: set[Finding] = set()
    update = found.update
    for detector in _ALL if categories is CATEGORIES else [d for c in categories for d in DETECTORS[c]]:
        update(detector(t))
    update(_repeated(t.text, found))
    if "\n" in t.text:
        update(personal.wrapped_numbers(t.text, found))
    if found:  # (what is public though it looks personal: an organisation's account, a test value)
        found -= public.public_findings(t, found)
    if "[" in t.text and "[redacted: " in t.text:  # (a one-character search first: much faster)
        found = {f for f in found if not _inside_redaction(t.text, f)}
    return sorted(found, key=_order)




def _inside_redaction(text: str, f: Finding) -> bool:
    for m in REDACTION.finditer(text, max(0, f.start - 22), min(len(text), f.end + 22)):
        if m.start() <= f.start and f.end <= m.end():
            return True
    return False


def _repeated(text: str, found: set[Finding]) -> list[Finding]:
    """Every other occurrence of a secret found once: a password given after "password:" may be
    repeated later in the text with no word before it."""
    secrets: dict[str, Finding] = {}
    for f in sorted(found, key=_order):  # (in order: the same rule names the copies in every run)
        if f.category in (CREDENTIAL, PERSONAL) and f.end - f.start >= 6:
            secrets.setdefault(text[f.start:f.end], f)
    return [g for secret, f in secrets.items() if secret.strip() and text.count(secret) >= 2
            for g in occurrences(text, secret, f)]


def occurrences(text: str, value: str, f: Finding) -> list[Finding]:
    """``f`` (its rule and category) at every place ``value`` stands in ``text``."""
    out = []
    i = text.find(value)
    while i >= 0:
        out.append(Finding(f.rule, f.category, i, i + len(value)))
        i = text.find(value, i + 1)
    return out


def find_all(text: str, categories: Iterable[str] = CATEGORIES) -> list[Finding]:
    """Every finding in ``text``, with spans in ``text`` itself (mapped back from the view)."""
    view = normalise(text)
    out = set()
    for f in find_in_view(view, categories):
        start, end = view.to_original(f.start, f.end)
        if f.category == CREDENTIAL and text[end:end + 1] == "*" and text[end - 1:end].isdigit():
            end += 1  # a keypad's '*' after a code, which the view read as an emphasis mark ("8821*")
        if end > start:
            out.add(Finding(f.rule, f.category, start, end))
    return sorted(out, key=_order)


def scan_normalised(text: str) -> list[Finding]:
    """Findings in a text that is already the normalised view (the audit's joined parts)."""
    return find_in_view(View(text, text, text.lower()))


def detect_emails(text: str) -> list[Finding]:
    return find_all(text, (EMAIL,))


def detect_phones(text: str) -> list[Finding]:
    return find_all(text, (PHONE,))


def detect_credentials(text: str) -> list[Finding]:
    return find_all(text, (CREDENTIAL,))


def detect_personal(text: str) -> list[Finding]:
    return find_all(text, (PERSONAL,))


def detect_markers(text: str) -> list[Finding]:
    return find_all(text, (MARKER,))


def _order(f: Finding) -> tuple[int, int, str]:
    return (f.start, -f.end, f.rule)
