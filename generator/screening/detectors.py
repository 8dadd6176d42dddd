"""Detectors: find confidential spans in text. Pure functions, no policy.

Each ``Finding`` names the rule that fired, its category and the span it covers; what to do
about it (redact the span, withhold the paragraph or the case) is ``policy``'s decision.

Four categories:

* ``e-mail``: plain addresses, ``mailto:`` links and obfuscated forms (``jane [at] example
  [dot] org``, ``jane(at)example.org``, ``jane at example dot org``, ``jane.doe at
  example.org``, ``jane AT example DOT org``).
* ``phone``: numbers that ``phonenumbers`` deems *possible* (not necessarily valid), in
  international form (``+`` or ``00``) or in the national form of one of ``PHONE_REGIONS``.
* ``credential``: passwords in prose, ``KEY=value`` assignments, ``user:pass@`` in URLs, PEM /
  OpenSSH / PuTTY private keys and grid proxies, well-known token shapes (AWS, GitHub, GitLab,
  Slack, Google, JWT, OpenStack), random-looking tokens after "token"/"api key"/"Bearer", and
  whatever the ``detect-secrets`` plugins recognise.
* ``marker``: words that say a text is not for the public ("confidential", "internal only",
  "do not distribute", "not for publication"); the span is the marker words.

Speed (issue 7): ``find_all`` must screen >= 5 MB/s on one core (``bench/bench_screening.py``).
Python's ``re`` is fast only for patterns that begin with a literal string, so every detector
first looks for cheap anchors, literals (``@``, ``pass``, ``-----BEGIN``, ``AKIA``, ...) in a
lower-cased copy of the text or words in the set of its words, and runs its precise pattern
only in small windows around them. The libraries only see what such a gate let through:
``phonenumbers`` short digit runs (found in a copy where every digit is '0', so the scan is a
literal scan), each ``detect-secrets`` plugin the pieces of text around its own anchors. Ticket
text is untrusted, so no input may make a detector quadratic (tests feed degenerate text).

What counts as benign (see ``tests/screening_corpus/README.md``): version numbers, dates and
times, grant and project numbers, capacities, DOIs, ticket numbers, IPv4 addresses, commit
hashes, checksums, UUIDs, ORCID iDs, ISBNs, coordinates, SSH *public* keys, X.509
certificates that are not next to a private key, placeholders (``<password>``, ``$TOKEN``,
``********``), ``git@host:repo`` remotes, and the words "confidentiality", "non-confidential".
"""

from __future__ import annotations

import bisect
import math
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from itertools import compress

import phonenumbers


@dataclass(frozen=True)
class Finding:
    rule: str  # e.g. "email.plain", "phone.international", "credential.pem-private-key"
    category: str  # one of CATEGORIES
    start: int
    end: int


CATEGORIES: tuple[str, ...] = ("e-mail", "phone", "credential", "marker")

EMAIL, PHONE, CREDENTIAL, MARKER = CATEGORIES


def find_all(text: str) -> list[Finding]:
    """Every finding in ``text``, ordered by start (then longest first); findings may overlap."""
    t = _Text(text)
    found: set[Finding] = set()
    for detector in DETECTORS:
        found.update(detector(t))
    return sorted(found, key=_order)


def detect_emails(text: str) -> list[Finding]:
    return sorted(set(_emails(_Text(text))), key=_order)


def detect_phones(text: str) -> list[Finding]:
    return sorted(set(_phones(_Text(text))), key=_order)


def detect_credentials(text: str) -> list[Finding]:
    return sorted(set(_credentials(_Text(text))), key=_order)


def detect_markers(text: str) -> list[Finding]:
    return sorted(set(_markers(_Text(text))), key=_order)


def _order(f: Finding) -> tuple[int, int, str]:
    return (f.start, -f.end, f.rule)


# --- anchors and windows --------------------------------------------------------------------


class _Text:
    """One text being screened, with what the detectors share, each computed once: a
    lower-cased copy of the same length (so positions carry over), the set of its words (the
    cheap gate for anchor words: one pass instead of one search per word), the positions of
    anchor literals, and a copy with every digit turned into '0' (for the phone scan)."""

    __slots__ = ("text", "low", "ascii", "_hits", "_words", "_digits", "_tokenish")

    def __init__(self, text: str) -> None:
        self.text = text
        low = text.lower()
        if len(low) != len(text):  # a few characters ('İ') grow when lower-cased
            low = "".join(c if len(lc := c.lower()) != 1 else lc for c in text)
        self.low = low
        self.ascii = text.isascii()
        self._hits: dict[tuple[str, bool], list[int]] = {}
        self._words: set[bytes] | None = None
        self._digits: str | bytes | None = None
        self._tokenish: bool | None = None

    @property
    def words(self) -> set[bytes]:
        """Lower-case words: runs of letters and digits (UTF-8), split at everything else."""
        if self._words is None:
            raw = self.low.encode("utf-8", "ignore").translate(_WORD_BYTES)
            self._words = set(raw.split())
        return self._words

    @property
    def tokenish(self) -> bool:
        """Could the text hold a token? It has a word of 16+ letters, or of 10+ letters and
        digits mixed (not a number, not a hex hash: those are everywhere)."""
        if self._tokenish is None:
            words = self.words  # a set iterates in the same order twice
            long = compress(words, map((9).__lt__, map(len, words)))  # C speed: few are long
            self._tokenish = any(
                (len(w) >= 16 or not w.isalpha()) and not w.isdigit() and w.strip(_HEX)
                for w in long
            )
        return self._tokenish

    def present(self, words: frozenset[bytes]) -> frozenset[bytes] | set[bytes]:
        """Which of ``words`` the text holds."""
        return self.words.intersection(words)

    def hits(self, literal: str, case_sensitive: bool = False) -> list[int]:
        """Every position of ``literal`` (searched in the lower-cased copy unless told)."""
        key = (literal, case_sensitive)
        found = self._hits.get(key)
        if found is None:
            hay = self.text if case_sensitive else self.low
            found = []
            if not (self.ascii and not literal.isascii()):
                i = hay.find(literal)
                while i >= 0:
                    found.append(i)
                    i = hay.find(literal, i + 1)
            self._hits[key] = found
        return found

    def windows(
        self, literals: Iterable[str], before: int, after: int, case_sensitive: bool = False
    ) -> list[tuple[int, int]]:
        """Merged windows [hit - before, hit + after) around every hit of the literals."""
        hits: list[int] = []
        for literal in literals:
            hits += self.hits(literal, case_sensitive)
        return _merge(hits, before, after, len(self.text))

    def word_windows(self, words: frozenset[bytes], before: int, after: int) -> list[tuple[int, int]]:
        """Windows around the words of ``words`` that the text holds (as substrings)."""
        return self.windows([w.decode() for w in self.present(words)], before, after)

    @property
    def digits(self) -> str | bytes:
        """The text with every ASCII digit replaced by '0' (bytes if the text is ASCII), and
        the commonest numbers that are never phones (ISO dates, ORCID iDs) masked,
        by exact replacement: cheap, and the phone scan then never sees them. (Not dotted
        dates: '+44.20.7946.0958' holds '00.00.0000'.)"""
        if self._digits is None:
            if self.ascii:
                folded: str | bytes = self.text.encode("ascii").translate(_DIGITS_TO_ZERO_BYTES)
                for shape, mask in _NEVER_PHONES_BYTES:
                    folded = folded.replace(shape, mask)  # type: ignore[arg-type]
            else:
                folded = _NONZERO_DIGIT.sub("0", self.text)  # str.translate is slow on non-ASCII text
                for shape, mask in _NEVER_PHONES:
                    folded = folded.replace(shape, mask)  # type: ignore[arg-type]
            self._digits = folded
        return self._digits


# Shapes (digits folded to '0') that are never phone numbers; masked with letters.
_NEVER_PHONES = tuple(
    (shape, "d" * len(shape))
    for shape in (
        "0000-0000-0000-000",  # ORCID (the last character may be X)
        "0000-00-00",  # ISO dates
    )
)  # fmt: skip
_NEVER_PHONES_BYTES = tuple((a.encode(), b.encode()) for a, b in _NEVER_PHONES)
_WORD_BYTES = bytes(c if (97 <= c <= 122 or 48 <= c <= 57 or c >= 128) else 32 for c in range(256))
_HEX = b"0123456789abcdef"
_NONZERO_DIGIT = re.compile("[1-9]")
_DIGITS_TO_ZERO_BYTES = bytes.maketrans(b"123456789", b"000000000")


def _words(text: str) -> frozenset[bytes]:
    return frozenset(w.encode() for w in text.split())


def _merge(hits: list[int], before: int, after: int, n: int) -> list[tuple[int, int]]:
    if not hits:
        return []
    hits.sort()
    merged = []
    lo, hi = max(0, hits[0] - before), min(n, hits[0] + after)
    for h in hits[1:]:
        s, e = max(0, h - before), min(n, h + after)
        if s <= hi:
            hi = max(hi, e)
        else:
            merged.append((lo, hi))
            lo, hi = s, e
    merged.append((lo, hi))
    return merged


def _merge_windows(*lists: list[tuple[int, int]]) -> list[tuple[int, int]]:
    spans = sorted(w for windows in lists for w in windows)
    merged: list[tuple[int, int]] = []
    for lo, hi in spans:
        if merged and lo <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(hi, merged[-1][1]))
        else:
            merged.append((lo, hi))
    return merged


def _matches(
    pattern: re.Pattern[str], text: str, windows: list[tuple[int, int]]
) -> Iterator[re.Match[str]]:
    for lo, hi in windows:
        yield from pattern.finditer(text, lo, hi)


# --- e-mail ---------------------------------------------------------------------------------

_LOCAL = r"[A-Za-z0-9%&'*+=_-]+(?:\.[A-Za-z0-9%&'*+=_-]+)*"
_DOMAIN = r"(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,24}"
_EMAIL_PLAIN = re.compile(r"(?<![A-Za-z0-9._%+-])" + _LOCAL + r"@" + _DOMAIN + r"\b")
_USERINFO_BEFORE = re.compile(r"://[^\s/@]*:$")

_TLDS = (
    "org|com|net|eu|int|edu|gov|info|io|ac|uk|de|fr|it|es|pl|gr|nl|cz|hu|pt|ch|at|be|se|no|"
    "fi|dk|ie|lu|si|sk|hr|ro|bg|lt|lv|ee|cy|mt|rs|tr|il|us|ca|au|jp|cn|in|br|za|ru|ua|mk|ba|"
    "me|al|md|ge|am|is|li|mc"
)
_AT_BRACKET = r"\s*[\[\(\{<]\s*(?:at|@)\s*[\]\)\}>]\s*"
_DOT_BRACKET = r"\s*[\[\(\{<]\s*(?:dot|\.)\s*[\]\)\}>]\s*"
_DOT_ANY = rf"(?:{_DOT_BRACKET}|\s+dot\s+|\s+DOT\s+|\s\.\s|\.)"
_DOT_WORD = rf"(?:{_DOT_BRACKET}|\s+(?:dot|DOT)\s+)"
_LABEL = r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
_OBF_LOCAL = r"(?<![\w.+-])[A-Za-z0-9][A-Za-z0-9._+-]*"
_EMAIL_OBFUSCATED = re.compile(
    # a bracketed 'at': name [at] host [dot] org, name(at)host.org, name {at} host . org
    rf"{_OBF_LOCAL}{_AT_BRACKET}{_LABEL}(?:{_DOT_ANY}{_LABEL})*{_DOT_ANY}(?:{_TLDS})\b"
    # '@' with spaces around it: name @ host . org
    rf"|{_OBF_LOCAL}(?:\s+@\s*|\s*@\s+){_LABEL}(?:{_DOT_ANY}{_LABEL})*{_DOT_ANY}(?:{_TLDS})\b"
    # an upper-case 'AT' as a word is an obfuscation, never prose: name AT host.org
    rf"|{_OBF_LOCAL}\s+AT\s+{_LABEL}(?:{_DOT_ANY}{_LABEL})*{_DOT_ANY}(?:{_TLDS})\b"
    # 'at' as a word needs 'dot' as a word too: name at host dot org ...
    rf"|{_OBF_LOCAL}\s+at\s+{_LABEL}(?:{_DOT_ANY}{_LABEL})*{_DOT_WORD}(?:{_TLDS})\b"
    # ... or a local part that cannot be an English word: jane.doe at example.org
    rf"|(?<![\w.+-])[A-Za-z][A-Za-z0-9]*[._+][A-Za-z][A-Za-z0-9._+-]*[A-Za-z0-9]\s+at\s+{_LABEL}"
    rf"(?:\.{_LABEL})*\.(?:{_TLDS})\b",
)
_AT_BEFORE_BRACKET = ("at", "at ", "@", "@ ")


def _emails(t: _Text) -> Iterator[Finding]:
    text, low = t.text, t.low
    for m in _matches(_EMAIL_PLAIN, text, t.windows("@", 130, 260)):
        start, end = m.span()
        if m.group().startswith("git@") and text.startswith(":", end):
            continue  # git@github.com:org/repo.git is an SSH remote, not an address
        if start and text[start - 1] == ":" and _USERINFO_BEFORE.search(text, 0, start):
            continue  # https://user:pass@host: the credential rule covers it
        if low[max(0, start - 7) : start] == "mailto:":
            yield Finding("email.mailto", EMAIL, start - 7, end)
        else:
            yield Finding("email.plain", EMAIL, start, end)
    hits = []
    for bracket in ")]}>":  # name(at)host, name [at] host, name {@} host
        for i in t.hits(bracket, case_sensitive=True):
            if low.endswith(_AT_BEFORE_BRACKET, max(0, i - 3), i):
                hits.append(i)
    hits += t.hits("@")  # name @ host . org
    if b"dot" in t.words:  # name at host dot org
        hits += t.hits(" dot ") + t.hits("dot]") + t.hits("dot)")
    # 'at' as a word: upper case always, lower case only after a local part with a separator
    for i in t.hits(" at "):
        if text[i + 1] == "A":
            hits.append(i)
            continue
        j = low.rfind(" ", max(0, i - 64), i)
        token = text[j + 1 : i]
        if ("." in token or "_" in token or "+" in token) and token[-1:].isalnum():
            hits.append(i)
    seen = set()
    for m in _matches(_EMAIL_OBFUSCATED, text, _merge(hits, 80, 140, len(text))):
        if m.span() not in seen:
            seen.add(m.span())
            yield Finding("email.obfuscated", EMAIL, m.start(), m.end())


# --- phone ----------------------------------------------------------------------------------

#: Regions whose national formats are tried, in order, for numbers without a country code.
PHONE_REGIONS: tuple[str, ...] = (
    "GB", "DE", "FR", "IT", "ES", "PL", "GR", "NL", "CZ", "HU", "PT",
    "BE", "AT", "CH", "SE", "DK", "FI", "IE", "SK", "SI", "HR", "RO", "BG",
)  # fmt: skip

# A run of digits with phone-like separators, searched in ``_Text.digits`` (every digit is
# '0' there, so the pattern starts with a literal and only digit runs are tried). The
# lookbehind, placed after the first '0', drops runs glued to identifiers, versions, DOIs,
# paths and ticket numbers (v1.2, 10.5281/zenodo.1234567, #12345, ab1234567).
_PHONE_CANDIDATE_STR = (
    r"0(?<![\w.,/#:@=$%&?\\-]0)[0 \-./()\u00a0]{5,26}0\)?(?![\w%/@-]|[.,:]\w)"
)
_PHONE_CANDIDATE = re.compile(_PHONE_CANDIDATE_STR)
_PHONE_CANDIDATE_BYTES = re.compile(_PHONE_CANDIDATE_STR.replace("\\u00a0", "").encode())
_IPV4 = re.compile(r"\d{1,3}(?:\.\d{1,3}){3}(?:/\d{1,2})?$")
# versions, dotted dates, IPs: never phones (French numbers have five dotted groups)
_DOTTED = re.compile(r"\d+(?:\.\d+){1,3}$")
_DATE = re.compile(
    r"(?:19|20)\d\d[-/.](?:0?[1-9]|1[0-2])[-/.](?:0?[1-9]|[12]\d|3[01])(?!\d)"
    r"|(?<!\d)(?:0?[1-9]|[12]\d|3[01])[-/.](?:0?[1-9]|1[0-2])[-/.](?:19|20)\d\d"
    r"|(?<!\d)(?:19|20)\d\d\s?[-/]\s?(?:19|20)\d\d(?!\d)"  # year ranges
)
_ONE_DIGIT_GROUPS = re.compile(r"\d(?:[ .-]\d)+")  # 0 1 2 3 4 5 6 7: a sequence, not a phone
_ORCID = re.compile(r"\d{4}-\d{4}-\d{4}-\d{3}[\dX]")
_ISBN = re.compile(r"97[89][- ]?\d{1,5}[- ]\d{1,7}[- ]\d{1,7}[- ][\dX]")
# Words that, just before a digit run, say it is not a phone number ...
_NOT_PHONE_WORDS = frozenset(
    "grant agreement no number nr n° project contract ticket tickets issue case rt id isbn "
    "issn orcid doi pmid pmcid arxiv handle hdl version release v build job jobs pid uid gid "
    "port serial invoice order ref reference run batch task request pr commit ip address "
    "hours cores size bytes checksum sum code zip postcode iban bic account vat ga epsg "
    "events files records".split()
)
# ... and words that say it is one (so national numbers without a trunk '0' count too).
_PHONE_WORDS = frozenset(
    "tel tél tele phone telephone telefon téléphone mobile mob mobil cell cel cellulare "
    "fax handy call ring tlf tfn puhelin telefono teléfono telefone τηλ τηλέφωνο gsm "
    "telefonnummer rufnummer t m f ph kom komórka tel/fax phone/fax reach dial".split()
)
_NUMBER_WORDS = frozenset("number no nr nummer numéro número numero numer n°".split())
# The two words before a position, read backwards (reversed text: the match is anchored).
_WORDS_BEFORE_REVERSED = re.compile(
    r"[\s:#.()\-]*((?:[^\W\d]|/|°)+)(?:[\s:#.()\-]*((?:[^\W\d]|/|°)+))?"
)


def _phone_context(low: str, start: int) -> bool | None:
    """True: a phone word stands before ``start``; False: a word saying it is some other
    number (ticket, grant, version, ...); None: neither."""
    m = _WORDS_BEFORE_REVERSED.match(low[max(0, start - 40) : start][::-1])
    if not m:
        return None
    last = m.group(1)[::-1]
    before = (m.group(2) or "")[::-1]
    if last in _PHONE_WORDS or (last in _NUMBER_WORDS and before in _PHONE_WORDS):
        return True
    if last in _NOT_PHONE_WORDS:
        return False
    return None


def _phones(t: _Text) -> Iterator[Finding]:
    text, digits = t.text, t.digits
    pattern, zero = (_PHONE_CANDIDATE_BYTES, b"0") if t.ascii else (_PHONE_CANDIDATE, "0")
    for m in pattern.finditer(digits):  # type: ignore[call-overload]
        start, end = m.span()
        if digits.count(zero, start, end) < 7:  # type: ignore[arg-type]
            continue
        if start and text[start - 1] in "+(":  # +44 20 ..., (030) ..., (+44) ...
            start -= 1
            if start and text[start - 1] == "(":
                start -= 1
        cand = text[start:end]
        if _is_benign_number(cand) or _ONE_DIGIT_GROUPS.fullmatch(cand):
            continue
        context = _phone_context(t.low, start)
        if context is False and cand[0] not in "+(":
            continue
        for offset, piece in _split_out_dates(cand):
            for rule, s, e in _phone_spans(piece, bool(context)):
                yield Finding(rule, PHONE, start + offset + s, start + offset + e)


def _is_benign_number(cand: str) -> bool:
    stripped = cand.strip()
    return bool(
        _DOTTED.match(stripped)
        or _IPV4.match(stripped)
        or _ORCID.search(stripped)
        or _ISBN.search(stripped)
    )


def _split_out_dates(cand: str) -> list[tuple[int, str]]:
    if not _DATE.search(cand):
        return [(0, cand)]
    masked = _DATE.sub(lambda d: "\x00" * len(d.group()), cand)
    return [(p.start(), p.group()) for p in re.finditer(r"[^\x00]+", masked)]


_GLUED = "0123456789.,"
# '+' or the 00 international prefix, then a country code (none starts with 0: 00012345 is not)
_INTERNATIONAL = ("+",) + tuple(f"00{d}" for d in "123456789")
_GLUED_AFTER = tuple(f"{p}{d}" for p in ".," for d in "0123456789")


@lru_cache(maxsize=8192)
def _phone_spans(cand: str, has_context: bool) -> tuple[tuple[str, int, int], ...]:
    """Spans (rule, start, end) of possible phone numbers in a short candidate string."""
    digits = sum(ch.isdigit() for ch in cand)
    international = cand.lstrip("( ").startswith(_INTERNATIONAL)
    if international:
        regions: tuple[str, ...] = ("DE",)  # any region that dials out with 00 will do
    else:
        if not (7 if has_context else 9) <= digits <= 13:
            return ()
        regions = PHONE_REGIONS
    for region in regions:
        spans = []
        for m in phonenumbers.PhoneNumberMatcher(
            cand, region, leniency=phonenumbers.Leniency.POSSIBLE
        ):
            raw = m.raw_string.lstrip("( ")
            if raw.startswith(_INTERNATIONAL):
                rule = "phone.international"
            elif raw.startswith("00"):
                continue  # neither: 00 dials abroad, and no country code starts with 0
            elif raw.startswith("0") or has_context:
                # A national number: with its trunk '0' (GB, DE, FR, IT, NL, HU, ...), or,
                # where there is none (ES, PL, GR, PT, CZ, mobiles in IT), after a phone word;
                # a bare 9-digit number is more often an id or an amount than a phone.
                rule = "phone.national"
            else:
                continue
            if (m.start and cand[m.start - 1] in _GLUED) or cand.startswith(_GLUED_AFTER, m.end):
                continue  # a piece of a longer number: 50.0755 14.4378 holds '0755 14'
            spans.append((rule, m.start, m.end))
        if spans:
            return tuple(spans)
    return ()


# --- credentials ----------------------------------------------------------------------------

# PEM armour: BEGIN lines are found by regex, each block's END by a search for its own END line
# (linear however many blocks there are). A key without its END line (cut off in a mail) runs
# as far as base64 and header characters go, stopping at the next '-----'.
_PEM_BEGIN = re.compile(r"-----BEGIN ((?:[A-Z0-9]+ )*(?:PRIVATE KEY(?: BLOCK)?|CERTIFICATE))-----")
_PEM_TRUNCATED_BODY = re.compile(r"(?:[A-Za-z0-9+/=:,. \t\r\n]|-(?!----))*+")
_PUTTY_KEY = re.compile(r"PuTTY-User-Key-File-\d+:(?s:.{0,20000}?)(?:Private-MAC:\s*[0-9a-fA-F]+|\Z)")

# Password words: English ones as substrings (they hide in identifiers: OS_PASSWORD, dbPwd),
# the others as whole words (through the word gate).
_PASSWORD_ANCHORS = ("pass", "pwd")
_PASSWORD_GATE = _words(
    "kennwort hasło haslo contraseña contrasena senha parola wachtwoord heslo jelszó jelszo "
    "κωδικός κωδικό salasana adgangskode lösenord losenord passord"
)
_PASSWORD_WORDS = (
    r"passwords?|passwd|pwd|pass(?:phrase|code|wort|word)?|kennwort|has(?:ł|l)o|mot\s+de\s+passe|"
    r"contrase(?:ñ|n)a|senha|parola(?:\s+d'ordine)?|wachtwoord|heslo|jelsz(?:ó|o)|"
    r"κωδικός(?:\s+πρόσβασης)?|salasana|adgangskode|l(?:ö|o)senord|passord"
)
# A quoted value: ASCII, typographic, JSON-escaped quotes, or a bracketed placeholder (the
# redaction marker '[redacted: credential]' itself must never count as a secret).
_QUOTES = "\"'`‘’‚“”„«»ʹ"  # not ‹›, <>, []: those enclose placeholders
_QUOTED = (
    r"\\?\"[^\"\n]{1,200}\"|\\?'[^'\n]{1,200}'|`[^`\n]{1,200}`|[‘’‚][^‘’\n]{1,200}[‘’]"
    r"|[“”„][^“”\n]{1,200}[“”]|«[^»\n]{1,200}»|‹[^›\n]{1,200}›|ʹ[^ʹ\n]{1,200}ʹ"
    r"|\[[^\]\n]{0,80}\]?|<[^>\n]{0,80}>"
)
_PASSWORD_PROSE = re.compile(
    rf"(?<![\w-])(?:{_PASSWORD_WORDS})(?![\w-])"
    r"(?:\s+(?:for|für|pour|per|para|dla|of|van|do|na)\s+(?:the\s+|das\s+|den\s+|le\s+|la\s+|l')?"
    r"[\w.@-]+(?:\s+(?:account|user|vm|host|server|database|db|konto|compte))?)?"
    r"(?:[\"'’”]?\s*(?:[:=]|->|=>)\s*|\s+(?:(?:(?:is|was|has\s+been|will\s+be)\s+(?:now\s+|still\s+)?)?"
    r"(?:changed|reset|set|updated)\s+to|is|was|will\s+be|has\s+been|is\s+now|ist|lautet|war|"
    r"est|était|es|era|è|to|jest|je|är|er|on|is:)\s*:?\s*)"
    r"(?P<value>" + _QUOTED + r"|\S{1,200})",
    re.IGNORECASE,
)
# NAME_WITH_SECRET = value, secret_key: value, "api_key": "value", token := value
_SECRET_NAME_ANCHORS = ("secret", "token", "passw", "pwd", "key", "auth")
_SECRET_NAME_GATE = _words("credential credentials bearer")
_KEY_VALUE = re.compile(
    r"(?P<name>(?<![\w.-])(?=[A-Za-z])[A-Za-z0-9_.-]*?(?:secret|token|passw(?:or)?d|pwd|api[_-]?key|"
    r"apikey|access[_-]?key|private[_-]?key|auth[_-]?key|credentials?|_key)[A-Za-z0-9_]*)"
    r"[\"'’”]?\s*(?::=|=>|=|:)\s*"
    r"(?P<value>" + _QUOTED + r"|[^\s\"'`,;]{1,300})",
    re.IGNORECASE,
)
_NAME_NOT_SECRET = re.compile(
    r"(?:url|uri|endpoint|file|path|dir|type|name|lifetime|expiry|expires|ttl|length|size|"
    r"_id|issuer|scope|format|method|mode|policy|header|field|prefix|version|count|enabled|"
    r"required|location|server|host|port|user(?:name)?|algorithm|manager|store|vault|"
    r"fingerprint|pair|ring|board|note)s?$",
    re.IGNORECASE,
)
_URL_USERINFO = re.compile(
    r"(?<![\w+.-])[A-Za-z][A-Za-z0-9+.-]{1,20}://(?P<userinfo>[^\s/:@\"'<>]+:[^\s/@\"'<>]+)@[\w.-]+"
)
# A random-looking token after a word that introduces one.
_TOKEN_AFTER_WORD = re.compile(
    r"(?:\b(?:bearer|tokens?|api[\s_-]?key|apikey|access[\s_-]?key|secret(?:[\s_-]?key)?|"
    r"auth(?:orization)?|x-auth-token|x-api-key|(?:refresh|access|id|api|auth)[\s_-]?token)\b)"
    r"(?:\s+(?:is|was|:|=|->|of))?[\"']?\s*[:=]?\s*[\"']?"
    r"(?:(?:bearer|basic|token|digest)\s+)?(?P<value>[A-Za-z0-9_\-+/=.~]{16,})",
    re.IGNORECASE,
)
# rule, words that gate it (else it runs on tokenish texts only), anchors (case!), pattern
_TOKEN_SHAPES: tuple[tuple[str, frozenset[bytes], tuple[str, ...], re.Pattern[str]], ...] = (
    ("credential.aws-access-key", _words(""), ("AKIA", "ASIA"),
     re.compile(r"A[KS]IA[A-Z0-9]{16}(?![A-Za-z0-9])")),
    ("credential.github-token", _words("ghp gho ghu ghs ghr github"),
     ("ghp_", "gho_", "ghu_", "ghs_", "ghr_", "github_pat_"),
     re.compile(r"(?<![A-Za-z0-9])(?:gh[pousr]_[A-Za-z0-9]{30,255}|github_pat_[A-Za-z0-9_]{22,255})")),
    ("credential.gitlab-token", _words("glpat"), ("glpat-",),
     re.compile(r"glpat-[A-Za-z0-9_-]{20,}")),
    ("credential.slack-token", _words("xoxa xoxb xoxo xoxp xoxr xoxs hooks"),
     ("xox", "hooks.slack.com"),
     re.compile(r"xox[abposr]-[A-Za-z0-9-]{10,}|https://hooks\.slack\.com/services/[A-Za-z0-9_/]+")),
    ("credential.google-api-key", _words(""), ("AIza",), re.compile(r"AIza[0-9A-Za-z_-]{35}")),
    ("credential.jwt", _words(""), ("eyJ",),
     re.compile(r"eyJ[A-Za-z0-9_-]{5,}+\.eyJ[A-Za-z0-9_-]{5,}+\.[A-Za-z0-9_-]*+")),
    ("credential.openstack-token", _words(""), ("gAAAAA",),
     re.compile(r"gAAAAA[A-Za-z0-9_-]{50,}={0,2}")),
)  # fmt: skip

# Values that are placeholders or prose, never secrets.
_NOT_A_VALUE = re.compile(
    r"(?:[<‹\[].*|(?:\\[nrt])+|\$\{?[\w.]+\}?|\$\(.*|%\(?\w+\)?s?|\{\{[^}]*\}\}|\{[\w.]*\}|"
    r"[*•●x.\-_?#]+|(?:xxx+|\*\*\*+)[\w*]*|"
    r"none|null|nil|true|false|yes|no|n/?a|tbd|todo|redacted|removed|hidden|empty|omitted|"
    r"required|optional|set|unset|not|the|a|an|your|my|our|their|this|that|it|its|same|"
    r"stored|expired|changed|reset|correct|incorrect|wrong|valid|invalid|missing|needed|"
    r"provided|sent|available|protected|encrypted|managed|generated|given|used|known|unknown|"
    r"mandatory|authentication|based|less|field|prompt|policy|via|in|on|from|by|with|at|"
    r"for|of|and|or|to|also|still|only|now|then|again|here|there|below|above|see|check|"
    r"ask|contact|please|use|attached|follows|ok|fine|good|too|very|being|been|be|is|are|"
    r"was|were|will|should|must|can|cannot|could|would|may|might|has|have|had|do|does|did|"
    r"ist|nicht|wird|der|die|das|est|le|la|les|un|une|il|non|jest|nie|"
    r"[a-z]+(?:ed|ing|ly|tion|ment|ness|able|ible|less|ful)|"
    r"https?://\S*|/[\w./-]*|~/[\w./-]*|[\w-]+\.(?:pem|key|crt|p12|pfx|txt|json|yaml|yml|"
    r"conf|cfg|env|ini|sh|py))",
    re.IGNORECASE,
)
_CSV_CELL_END = re.compile(r"[,;]")
_SECRETISH = re.compile(r"\d|[^\w\s]|[a-z][A-Z]|[A-Z][a-z]*[A-Z]")
_PROSE_GOES_ON = re.compile(r" [a-z]{2,} [a-z]")
_SEPARATOR_SIGN = re.compile(r"[:=>]")


def _strip_value(text: str, start: int, end: int) -> tuple[int, int]:
    """Drops quotes (ASCII, typographic, JSON-escaped) and sentence punctuation around a value
    span; '!' and '?' stay (they may be the secret's last characters)."""
    while end - start >= 2 and text[start] == "\\" and text[start + 1] in _QUOTES:
        start += 1  # \"value\" in JSON
        if text[end - 1] in _QUOTES and text[end - 2] == "\\":
            end -= 1
    if end - start >= 2 and text[start] in _QUOTES and text[end - 1] in _QUOTES:
        return start + 1, end - 1
    while end > start and text[end - 1] in ".,;:)]}>\\…" + _QUOTES:
        end -= 1
    while start < end and text[start] in "({" + _QUOTES:
        start += 1
    return start, end


def _plausible_secret(value: str, strict: bool, after: str = "") -> bool:
    if len(value) < 3 or _NOT_A_VALUE.fullmatch(value):
        return False
    head = _CSV_CELL_END.split(value, 1)[0]
    if head != value and (len(head) < 3 or _NOT_A_VALUE.fullmatch(head)):
        return False  # 'password: ********,next-cell' in a CSV export
    if value.isalpha() and value.islower() and _PROSE_GOES_ON.match(after):
        return False  # "password: ask the site admin" is prose, not a value
    if strict:  # after 'is'/'was': an ordinary word is prose ("the password is simple")
        return len(value) >= 4 and bool(_SECRETISH.search(value))
    return True


def _credentials(t: _Text) -> Iterator[Finding]:
    text = t.text
    if "-----BEGIN" in text:
        yield from _pem_blocks(text)
    if "PuTTY-User-Key-File" in text:
        for m in _PUTTY_KEY.finditer(text):
            yield Finding("credential.putty-private-key", CREDENTIAL, m.start(), m.end())
    yield from _url_userinfo(t)
    windows = t.windows(_PASSWORD_ANCHORS, 16, 300)
    if not t.ascii or t.present(_PASSWORD_GATE):
        windows = _merge_windows(windows, t.word_windows(_PASSWORD_GATE, 0, 300))
    for m in _matches(_PASSWORD_PROSE, text, windows):
        start, end = _strip_value(text, *m.span("value"))
        quoted = m.group("value").lstrip("\\")[:1] in _QUOTES
        separator = text[m.start() : m.start("value")]
        strict = not quoted and not _SEPARATOR_SIGN.search(separator)
        if _plausible_secret(text[start:end], strict, text[end : end + 40]):
            yield Finding("credential.password-prose", CREDENTIAL, start, end)
    windows = t.windows(_SECRET_NAME_ANCHORS, 64, 360)
    if t.present(_SECRET_NAME_GATE):
        windows = _merge_windows(windows, t.word_windows(_SECRET_NAME_GATE, 64, 360))
    for m in _matches(_KEY_VALUE, text, windows):
        if _NAME_NOT_SECRET.search(m.group("name")):
            continue
        start, end = _strip_value(text, *m.span("value"))
        value = text[start:end]
        if _plausible_secret(value, False, text[end : end + 40]) and (
            m.group("value").lstrip("\\")[:1] in _QUOTES or len(value) >= 6 or _SECRETISH.search(value)
        ):
            yield Finding("credential.key-value", CREDENTIAL, start, end)
    for m in _matches(_TOKEN_AFTER_WORD, text, windows):
        start, end = _strip_value(text, *m.span("value"))
        if _looks_random(text[start:end]):
            yield Finding("credential.token", CREDENTIAL, start, end)
    tokenish = t.tokenish
    for rule, words, anchors, pattern in _TOKEN_SHAPES:
        if tokenish or t.present(words):
            yield from _token_shape(t, rule, anchors, pattern)
    yield from _detect_secrets(t)


def _token_shape(
    t: _Text, rule: str, anchors: tuple[str, ...], pattern: re.Pattern[str]
) -> Iterator[Finding]:
    """Matches of a token pattern at its anchors. An anchor inside a token already read (or
    already failed) is skipped: 'eyJ' repeated 60,000 times costs one pass, not 60,000."""
    text = t.text
    hits = sorted({i for anchor in anchors for i in t.hits(anchor, case_sensitive=True)})
    done = 0
    for i in hits:
        if i < done:
            continue
        m = pattern.match(text, i)
        if m:
            yield Finding(rule, CREDENTIAL, m.start(), m.end())
            done = m.end()
        else:
            done = _TOKEN_RUN.match(text, i).end()  # type: ignore[union-attr]


_TOKEN_RUN = re.compile(r"[A-Za-z0-9_-]*+")  # not "." : eyJbad.eyJ... holds a JWT
_WHITESPACE = re.compile(r"\s")


def _url_userinfo(t: _Text) -> Iterator[Finding]:
    text = t.text
    for i in t.hits("://", case_sensitive=True):
        at = text.find("@", i, i + 300)
        if at < 0 or _WHITESPACE.search(text, i, at):
            continue  # no '@' in this URL: no user info
        for m in _URL_USERINFO.finditer(text, max(0, i - 24), at + 256):
            yield Finding("credential.url-userinfo", CREDENTIAL, *m.span("userinfo"))


def _pem_blocks(text: str) -> Iterator[Finding]:
    keys, certs = [], []
    ends: dict[str, list[int]] = {}
    for m in _PEM_BEGIN.finditer(text):
        label = m.group(1)
        if label not in ends:
            end_line = f"-----END {label}-----"
            ends[label] = [i + len(end_line) for i in _all(text, end_line)]
        found = ends[label]
        k = bisect.bisect_left(found, m.end())
        nxt = text.find("-----BEGIN", m.end())
        if k < len(found) and (nxt < 0 or found[k] - len(label) - 14 <= nxt):
            span = (m.start(), found[k])
        else:  # no END line before the next block: cut off
            end = _PEM_TRUNCATED_BODY.match(text, m.end()).end()  # type: ignore[union-attr]
            while end > m.end() and text[end - 1].isspace():
                end -= 1
            span = (m.start(), end)
        (certs if label == "CERTIFICATE" else keys).append(span)
    for start, end in keys:
        yield Finding("credential.pem-private-key", CREDENTIAL, start, end)
    if not keys:
        return
    # A grid proxy: certificate(s) and a private key in one PEM bundle. The certificates next
    # to a key go with it (they name the person the proxy stands for).
    cert_starts = [c[0] for c in certs]
    cert_ends = [c[1] for c in certs]
    for key_start, key_end in keys:
        lo, hi = key_start, key_end
        i = bisect.bisect_right(cert_ends, lo) - 1  # certificates just before, walking back
        while i >= 0 and cert_ends[i] <= lo and not text[cert_ends[i] : lo].strip():
            lo, i = cert_starts[i], i - 1
        j = bisect.bisect_left(cert_starts, hi)  # and just after, walking on
        while j < len(certs) and not text[hi : cert_starts[j]].strip():
            hi, j = cert_ends[j], j + 1
        if (lo, hi) != (key_start, key_end):
            yield Finding("credential.proxy-certificate", CREDENTIAL, lo, hi)


def _all(text: str, literal: str) -> list[int]:
    out, i = [], text.find(literal)
    while i >= 0:
        out.append(i)
        i = text.find(literal, i + 1)
    return out


def _entropy(value: str) -> float:
    n = len(value)
    return -sum(c / n * math.log2(c / n) for c in map(value.count, set(value)))


_IDENTIFIER = re.compile(
    r"[0-9a-f]{7,64}|[0-9A-F]{7,64}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"
    r"|[\w.-]+\.(?:org|com|net|eu|io|de|fr|it|uk|nl|pl|es|cz|gr|hu|pt|ch|at|be|int|edu)"
    r"|[a-z]+(?:[_-][a-z]+)*\d*(?:\.\d+)*"
)


_WORD_PART = re.compile(r"[A-Z]?[a-z]+|[A-Z]+|\d+")
_PART_SPLIT = re.compile(r"[-_./+=~]+")


def _looks_random(value: str) -> bool:
    """A token-like string: long, mixes letters and digits, high entropy, not an identifier."""
    if len(value) < 16 or _IDENTIFIER.fullmatch(value):
        return False
    if not any(c.isdigit() for c in value) or not any(c.isalpha() for c in value):
        return False
    parts = [p for p in value.split("/") if len(p) >= 8 and not _IDENTIFIER.fullmatch(p)]
    if not parts:
        return False  # a path of words and hashes: /example/repo/commit/3f78...
    if all(_WORD_PART.fullmatch(p) for p in _PART_SPLIT.split(value) if p):
        return False  # words and numbers joined by separators: a path, a name, a version
    return _entropy(value) >= 3.3


# detect-secrets: its regex-based plugins, instantiated directly (``scan_line`` resets the
# global filter caches on every call and runs every plugin: ~0.2 ms a line). Each plugin runs
# only on the lines holding one of its anchors, literals that its secrets (or the words next
# to them) always contain. Plugins left out: ours do their job, whole-block or in prose.
_DS_ANCHORS: dict[str, tuple[str, str]] = {
    # plugin: (words that gate it, literals inside its tokens: searched if the text is tokenish)
    "ArtifactoryDetector": ("artifactory jfrog", ""),
    "AWSKeyDetector": ("aws", "akia asia"),
    "AzureStorageKeyDetector": ("accountkey", ""),
    "CloudantDetector": ("cloudant", ""),
    "DiscordBotTokenDetector": ("discord", ""),
    "GitHubTokenDetector": ("ghp gho ghu ghs ghr", "ghp_ gho_ ghu_ ghs_ ghr_"),
    "GitLabTokenDetector": ("glpat gldt glft glsoat glrt glcbt glimt glptt glagent", ""),
    "IbmCloudIamDetector": ("ibm iam", ""),
    "IbmCosHmacDetector": ("hmac cos", ""),
    "MailchimpDetector": ("mailchimp", ""),
    "NpmDetector": ("authtoken npm npmrc", ""),
    "OpenAIDetector": ("openai", "t3blbkfj"),
    "PypiTokenDetector": ("pypi", ""),  # pypi-AgEI...: 'pypi' is a word of its own
    "SendGridDetector": ("sendgrid sg", ""),
    "SlackDetector": ("slack xoxa xoxb xoxo xoxp xoxr xoxs", "xox"),
    "SoftlayerDetector": ("softlayer", ""),
    "SquareOAuthDetector": ("sq0csp", ""),
    "StripeDetector": ("stripe sk rk", "k_live_"),
    "TelegramBotTokenDetector": ("telegram bot", ""),
    "TwilioKeyDetector": ("twilio", ""),
}  # fmt: skip
_DS_GATES = {name: (_words(w), tuple(lits.split())) for name, (w, lits) in _DS_ANCHORS.items()}
_DS_ALL_WORDS = frozenset().union(*(words for words, _ in _DS_GATES.values()))
# Not used: JwtTokenDetector (ours: credential.jwt; its pattern backtracks quadratically on a
# long run of 'eyJ'), KeywordDetector (ours: _PASSWORD_PROSE, _KEY_VALUE), IPPublicDetector (IPs are not
# secrets here), the high-entropy plugins (commit hashes and checksums are everywhere in
# tickets; ours: _looks_random after a keyword), PrivateKeyDetector (ours covers the whole
# block), BasicAuthDetector (ours: _url_userinfo).
_TOKEN_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-+/=.~")
_DS_PIECE = 1200  # characters a plugin sees at once (their tokens are far shorter)
_DS_MAX_PIECES = 256  # per plugin and text


@lru_cache(maxsize=1)
def _ds_plugins() -> dict[str, object]:
    from detect_secrets.core.plugins.util import get_mapping_from_secret_type_to_class

    classes = get_mapping_from_secret_type_to_class().values()
    return {cls.__name__: cls() for cls in classes if cls.__name__ in _DS_ANCHORS}


def _detect_secrets(t: _Text) -> Iterator[Finding]:
    text = t.text
    tokenish = t.tokenish
    if not tokenish and not t.present(_DS_ALL_WORDS):
        return
    for name, (words, literals) in _DS_GATES.items():
        anchors = [w.decode() for w in t.present(words)]
        if tokenish:
            anchors += literals
        hits = [i for anchor in anchors for i in t.hits(anchor)]
        plugin = _ds_plugins().get(name) if hits else None
        if plugin is None:
            continue
        budget = _DS_MAX_PIECES  # a degenerate text must not make this quadratic
        for lo, hi in _merge(hits, 300, 300, len(text)):
            for start in range(lo, hi, _DS_PIECE - 300):  # overlapping pieces of bounded size
                yield from _ds_scan(plugin, text[start : min(hi, start + _DS_PIECE)], start)
                budget -= 1
                if budget <= 0 or start + _DS_PIECE >= hi:
                    break
            if budget <= 0:
                break


def _ds_scan(plugin, chunk: str, offset: int) -> Iterator[Finding]:
    rule = "credential.detect-secrets." + _slug(plugin.secret_type)
    for secret in set(plugin.analyze_string(chunk)):
        if not secret:
            continue
        pos = chunk.find(secret)
        while pos >= 0:
            start, end = pos, pos + len(secret)
            # widen to the whole token (some plugins report only a prefix: 'ghp')
            while start > 0 and chunk[start - 1] in _TOKEN_CHARS:
                start -= 1
            while end < len(chunk) and chunk[end] in _TOKEN_CHARS:
                end += 1
            start, end = _strip_value(chunk, start, end)
            yield Finding(rule, CREDENTIAL, offset + start, offset + end)
            pos = chunk.find(secret, pos + 1)


def _slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


# --- confidentiality markers ----------------------------------------------------------------

_MARKER_ANCHORS = ("confiden", "intern", "not ", "n't")
_MARKER_GATE = _words(
    "vertraulich riservato riservata poufne důvěrné důvěrný duverne duverny"
)
_MARKERS = re.compile(
    r"(?P<confidential>(?<!non-)(?<!non\s)(?<!not\s)(?<!un)(?<![\w-])(?:strictly\s+|streng\s+)?"
    r"(?:confidential|vertraulich|confidentiel(?:le)?|riservat[oa]|confidencial|poufne|"
    r"d[uů]v[eě]rn[eéý])(?![\w-])(?!\s+comput))"
    r"|(?P<internal>\b(?:for\s+)?internal(?:\s+use)?[\s-]+only\b|\bnur\s+f(?:ü|ue)r\s+den\s+"
    r"internen\s+gebrauch\b|\busage\s+interne\b)"
    r"|(?P<distribute>\b(?:please\s+)?(?:do\s+not|don'?t)\s+(?:distribute|share|forward|publish|"
    r"disclose|circulate|redistribute)\b(?!\s+(?:your|their|his|her|any|passwords?|credentials?|"
    r"private|keys?|prox(?:y|ies)|tokens?|secrets?|accounts?|jobs?|load|work)\b)|\bnot\s+to\s+be\s+(?:distributed|shared|published|"
    r"disclosed|circulated)\b)"
    r"|(?P<publication>\bnot\s+for\s+(?:publication|public(?:\s+(?:release|distribution|"
    r"disclosure|consumption|use|view))?|distribution|release|circulation)\b)",
    re.IGNORECASE,
)
_MARKER_RULES = {
    "confidential": "marker.confidential",
    "internal": "marker.internal-only",
    "distribute": "marker.do-not-distribute",
    "publication": "marker.not-for-publication",
}


def _markers(t: _Text) -> Iterator[Finding]:
    windows = t.windows(_MARKER_ANCHORS, 16, 60)
    if t.present(_MARKER_GATE):
        windows = _merge_windows(windows, t.word_windows(_MARKER_GATE, 16, 60))
    for m in _matches(_MARKERS, t.text, windows):
        yield Finding(_MARKER_RULES[m.lastgroup or "confidential"], MARKER, m.start(), m.end())


DETECTORS: tuple[Callable[[_Text], Iterable[Finding]], ...] = (
    _emails,
    _phones,
    _credentials,
    _markers,
)
