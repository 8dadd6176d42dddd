"""Tokens by their looks: vendor formats, random-looking strings, lists of one-time codes.

* Vendor formats: the prefixes and shapes of the usual services' tokens (AWS, GitHub, GitLab,
  Slack, Google, Hugging Face, OpenAI, Stripe, npm, PyPI, Docker Hub, Vault, Grafana, JWTs,
  OpenStack Fernet tokens, age keys, ...), and the plugins of ``detect-secrets`` (a maintained
  rule set) for the ones we have no rule for. Several carry hexadecimal bodies, which the
  keyword-free test lets pass (commit ids look the same).
* Random-looking strings anywhere (``shapes.looks_random``): no keyword needed, so a token whose
  vendor prefix nobody listed, or a password pasted alone, is still found. A token alone on its
  line, in quotes, or after "here it is:" needs less noise to count.
* Grouped secrets: TOTP seeds in groups (``4L7Z 5AHM TB6Q ...``, not hexadecimal: those are
  fingerprints) and lists of backup codes (``8592-1437  3106-1132  9881-0499``).
"""

from __future__ import annotations

import base64
import binascii
import json
from collections.abc import Iterator
from functools import lru_cache

from generator.screening import lazy_re as re
from generator.screening.detectors.base import (
    CREDENTIAL,
    Finding,
    Lexicon,
    Text,
    WordClass,
    holds_one,
    lex,
    odd_word,
    windows_around,
)
from generator.screening.detectors.keys import public_blocks
from generator.screening.detectors.shapes import ORCID, looks_random, masked, public_shape
from generator.screening.lexicon import (
    COPULAS,
    JOB_ID_LABELS,
    PUBLIC_KEY_WORDS,
    REFERENCE_WORDS,
    REVEAL_PHRASES,
    SERIAL_NUMBER_WORDS,
    TOKEN_WORDS,
)

_VENDOR = re.compile(
    r"(?<![A-Za-z0-9])(?:"
    r"(?:A3T[A-Z0-9]|AKIA|ASIA|ABIA|ACCA|AGPA|AIDA|AROA|AIPA|ANPA|ANVA|APKA)[A-Z0-9]{16}"
    r"|gh[pousr]_[A-Za-z0-9]{30,255}|github_pat_[A-Za-z0-9_]{22,255}"
    r"|gl(?:pat|dt|ft|soat|rt|cbt|imt|ptt|agent|oas)-[A-Za-z0-9_-]{20,}"
    r"|glsa_[A-Za-z0-9]{32}_[A-Fa-f0-9]{8}|glc_[A-Za-z0-9+/]{32,400}={0,2}"
    r"|xox[abposre]-[A-Za-z0-9-]{10,}|xapp-\d-[A-Za-z0-9-]{10,}"
    r"|AIza[0-9A-Za-z_-]{35}|ya29\.[0-9A-Za-z_-]{20,}|1//0[0-9A-Za-z_-]{20,}"
    r"|eyJ[A-Za-z0-9_-]{5,}+\.eyJ[A-Za-z0-9_-]{5,}+\.[A-Za-z0-9_-]*+"
    r"|gAAAAA[A-Za-z0-9_-]{50,}={0,2}"
    r"|hv[sbr]\.[A-Za-z0-9_-]{20,}"
    r"|hf_[A-Za-z0-9]{30,}"
    r"|sk-(?:proj-|svcacct-|admin-|ant-)?[A-Za-z0-9_-]{20,}"
    r"|(?:sk|rk|pk)_(?:live|test)_[A-Za-z0-9]{16,}|whsec_[A-Za-z0-9]{20,}"
    r"|npm_[A-Za-z0-9]{36}|pypi-[A-Za-z0-9_-]{50,}|dckr_pat_[A-Za-z0-9_-]{20,}"
    r"|SG\.[A-Za-z0-9_-]{16,}\.[A-Za-z0-9_-]{16,}"
    r"|(?:SK|AC)[0-9a-fA-F]{32}|[0-9a-f]{32}-us\d{1,2}"
    r"|[MN][A-Za-z\d]{23,25}\.[\w-]{6}\.[\w-]{27,38}|\d{8,10}:AA[A-Za-z0-9_-]{33}"
    r"|AGE-SECRET-KEY-1[02-9AC-HJ-NP-Z]{58}"
    r"|do[opr]_v1_[a-f0-9]{64}|shp(?:at|ca|pa|ss)_[a-fA-F0-9]{32}|ATATT3[A-Za-z0-9_=-]{100,}"
    r"|dapi[a-h0-9]{32}|sl\.[A-Za-z0-9_-]{100,}|lin_api_[A-Za-z0-9]{40}|PMAK-[a-f0-9]{24}-[a-f0-9]{34}"
    r"|pul-[a-f0-9]{40}|sntry[su]_[A-Za-z0-9+/=_-]{40,}|MDAx[A-Za-z0-9+/_-]{40,}={0,2}"
    r"|AccountKey=[A-Za-z0-9+/]{40,}={0,2}|SharedAccessSignature=\S+"
    r")"
)
#: a token body that is only a placeholder ("hf_xxxxxxxx", "ghp_XXXX", "AKIA................")
#: (and a body of words, no digit: "xoxb-not-a-real-token-this-will-not-work" in a vendor's docs)
_PLACEHOLDER_BODY = re.compile(r"^[^_.-]{0,12}[_.-]?(?:x+|X+|\*+|0+|\.+|_+|-+)$|EXAMPLE(?:KEY)?$|"
                               r"^[a-z]{2,8}[-_](?:[a-z]{1,12}[-_]){2,}[a-z]{2,12}$")

_NAME_VALUE = re.compile(r"^[A-Za-z_][A-Za-z0-9_.-]{1,60}[:=](?=.)")
_PUBLIC_BEFORE = re.compile(rf"(?:{lex(PUBLIC_KEY_WORDS)})(?:\s+(?:is|är|ar|er|ist|est|è|e|es|é|on|jest|je|je to))?"
                            r"\s*[:=]?\s*['\"]?$")
#: a serial number's word right before the value (a copula, a sign or "0x" between): a certificate's
#: serial, printed in it ("със сериен номер 0x4A3F21", "Seriennummer: 3E11C0D9")
#: (the device's words may stand between the serial's word and its copula or colon: "número de serie
#: del servidor es CZ2318A0KF", "Seriennummer des neuen Servers: ...", "serial number of the box is ...")
_SERIAL_BEFORE = re.compile(rf"(?<![\w])(?:{lex(SERIAL_NUMBER_WORDS)})(?:(?:[ \t]+[^\W\d_][\w'’-]{{0,14}}){{1,4}}?"
                            rf"(?:[ \t]+(?:{lex(COPULAS)})(?![\w])|[ \t]*:)|(?:[ \t]+(?:{lex(COPULAS)}))?)[ \t]*[:=#]?[ \t]*['\"]?$")
_REVEAL_BEFORE = re.compile(rf"(?:{lex(REVEAL_PHRASES)})\s*[:\-]?\s*['\"«]?$")


#: the words (as ``Text.words`` splits) a vendor token starts with, and prefixes of such words
_VENDOR_WORDS = frozenset(
    b"ghp gho ghu ghs ghr github glpat gldt glft glsoat glrt glcbt glimt glptt glagent gloas glsa glc xoxa xoxb "
    b"xoxp xoxo xoxr xoxs xoxe xapp hvs hvb hvr hf sk rk pk whsec npm pypi dckr sg age dop doo dor shpat shpca "
    b"shppa shpss lin pmak pul sntrys sntryu accountkey sharedaccesssignature sl".split()
)
#: (a kind of word: a text's few are found among the words met so far that are such)
_VENDOR_KIND = WordClass(_VENDOR_WORDS)
_VENDOR_PREFIXES = (b"akia", b"asia", b"abia", b"acca", b"agpa", b"aida", b"aroa", b"aipa", b"anpa", b"anva",
                    b"apka", b"a3t", b"aiza", b"ya29", b"eyj", b"gaaaaa", b"mdax", b"dapi", b"atatt3")
_TWILIO_OR_BOTS = re.compile(rb"(?:sk|ac)[0-9a-f]{32}|[0-9a-f]{32}|[mn][a-z0-9]{23,25}|aa[a-z0-9]{33}")
#: the odd words (``Text.odd_words``) a vendor token may start with: a kind of word, each judged
#: once (a text's few are then one set intersection, not a test of each of its odd words)
_VENDOR_ODD = WordClass(lambda w: (w.startswith(_VENDOR_PREFIXES) or len(w) >= 24 and _TWILIO_OR_BOTS.fullmatch(w) is not None)
                        and odd_word(w))


def _vendor_starts(t: Text) -> list[int]:
    """Where a vendor token may start: at the words one starts with (a bot token: at the
    digits before its "AA" word)."""
    low = t.low
    hits = [p for w in _VENDOR_KIND.among(t.words) for p in t.word_positions(w.decode())]
    hits += [p for w in _VENDOR_ODD.among(t.words) for p in t.positions(w.decode())]
    hits += t.positions("1//0")
    starts = set(hits)
    for p in hits:
        if low.startswith(":aa", p - 1):
            q = p - 1
            while q > 0 and low[q - 1].isdigit():
                q -= 1
            starts.add(q)
    return sorted(starts)


def vendor_tokens(t: Text) -> Iterator[Finding]:
    text, end = t.text, -1
    for start in _vendor_starts(t):
        m = _VENDOR.match(text, start) if start >= end else None
        if m is None or _PLACEHOLDER_BODY.search(m.group()):
            continue  # (a placeholder's body, or a vendor's documented sample: "AKIAIOSFODNN7EXAMPLE")
        end = m.end()
        yield Finding("credential.vendor-token", CREDENTIAL, m.start(), m.end())
    yield from _detect_secrets(t)


_DELIMITERS = r"\s\"'`<>()\[\]{},;|«»"
_TOKEN_REST = re.compile(rf"[^{_DELIMITERS}]*")
_SYMBOLS = "!#$%^&*?~|"
#: ASCII text with each delimiter as b" ", each password symbol but '|' (a delimiter too) as b"!",
#: and every other byte as b"x": where a token ends, and where a symbol stands, is then a
#: ``bytes.find`` (a search in C at memchr speed; the class of ``_TOKEN_REST`` is tested
#: character by character). Made from the class itself, so the two agree on every ASCII byte.
_BREAKS = bytes(32 if re.fullmatch(rf"[{_DELIMITERS}]", chr(c)) else 33 if chr(c) in _SYMBOLS else 120
                for c in range(128)) + b"x" * 128


def _places(text, char):  # type: ignore[no-untyped-def]
    """Every place of ``char`` in ``text`` (str or bytes alike)."""
    out = []
    i = text.find(char)
    while i >= 0:
        out.append(i)
        i = text.find(char, i + 1)
    return out


def _candidates(t: Text) -> list[tuple[int, int]]:
    """Spans of the tokens worth a look: those holding a word that mixes letters and digits or is
    very long, and those with a password symbol between letters or digits."""
    text = t.text
    starts = [p for w in t.odd_words[0] for p in t.positions(w)]
    last = len(text) - 1
    breaks = text.encode("ascii").translate(_BREAKS) if t.ascii else None
    # (a search for each symbol: faster than one for the class, as these are rare; in ASCII, one
    # for '|' and one for b"!", which stands for the others in ``breaks``)
    symbols = _places(text, "|") + _places(breaks, b"!") if breaks is not None \
        else [i for symbol in _SYMBOLS for i in _places(text, symbol)]
    starts += [i for i in symbols if 0 < i < last and text[i - 1].isalnum() and text[i + 1].isalnum()]
    if not starts:
        return []
    spans = set()
    n = len(text)
    start = end = -1
    if breaks is not None:  # (the delimiters found by ``bytes.find``, see ``_BREAKS``)
        for p in sorted(starts):
            if start <= p < end and p - start <= 300:
                continue  # inside the token just read: the same span (odd words often share a token)
            lo = max(0, p - 300)  # (a token's start is looked for at most 300 characters back)
            start = breaks.rfind(b" ", lo, p) + 1 or lo
            end = breaks.find(b" ", p)
            if end < 0:
                end = n
            spans.add((start, end))
        return sorted(spans)
    backwards = text[::-1]  # the token's start: its rest read backwards (at most 300 characters)
    for p in sorted(starts):
        if start <= p < end and p - start <= 300:
            continue  # inside the token just read: the same span (odd words often share a token)
        start = n - _TOKEN_REST.match(backwards, n - p, n - max(0, p - 300)).end()  # type: ignore[union-attr]
        end = _TOKEN_REST.match(text, p).end()  # type: ignore[union-attr]
        spans.add((start, end))
    return sorted(spans)


#: a word saying the value after it is a reference of a file, a grant or a project ("Aktenzeichen
#: des Förderprojekts: 01IS22045B", "Grant agreement: 101057388", "contrat n° ANR22CE45X")
_REFERENCE_BEFORE = re.compile(rf"(?<![\w-])(?:{REFERENCE_WORDS})(?![\w-])[^:\n]{{0,40}}:\s*$")
#: a name a system generates for a run, a pod or a job: a word, then short parts with digits
#: ("run-7f3a9", "jupyter-5d8f9c7b6-x2kq9", "job-a1b2c3")
#: ... and a machine's name, letters then groups of digits ("wn-482-19", "ce-03")
_RESOURCE_NAME = re.compile(r"[a-z]{3,20}(?:-[a-z]{2,20})*(?:-(?=[a-z]*\d)[a-z0-9]{3,10}){1,2}|[a-z]{2,12}(?:-\d{1,6}){1,3}")


#: a serial number's word and its value, earlier in the sentence
_SERIAL_TOLD = re.compile(rf"(?<![\w])(?:{lex(SERIAL_NUMBER_WORDS)})(?:[ \t]+(?:{lex(COPULAS)}))?[ \t]*[:=#]?[ \t]*"
                          r"['\"]?(?P<value>[a-z0-9][a-z0-9-]{3,30})(?![\w])")
_CLAUSE_BREAK = re.compile(r"[.!?;\n](?:\s|$)")


def _sibling_serial(text: str, low: str, start: int, end: int, line_start: int) -> bool:
    """A value of the same shape as a serial number told earlier in its sentence ("vadný disk so
    sériovým číslom ZL2B7H4Q, nový disk má ZL2C91KM", "Seriennummer der alten Platte: WX41A0C9,
    die neue hat WX41B7D2"): a second device's serial, which a password word between would not be."""
    lo = max(line_start, start - 160)
    lo = max((m.end() for m in _CLAUSE_BREAK.finditer(low, lo, start)), default=lo)
    if not _SERIAL_WORD.search(low, lo, start):
        return False
    value = text[start:end]
    for m in _SERIAL_TOLD.finditer(low, lo, start):
        told = text[m.start("value"):m.end("value")]
        if abs(len(told) - len(value)) <= 2 and _same_alphabet(told, value) \
                and not _SECRET_WORD_BETWEEN.search(low, m.end(), start):
            return True
    return False


def _same_alphabet(a: str, b: str) -> bool:
    """Both in capitals and digits, or both in lower case and digits (a vendor's serials are written alike)."""
    return all(any(c.isdigit() for c in x) and (x.upper() == x or x.lower() == x) for x in (a, b)) \
        and (a.upper() == a) == (b.upper() == b)


_SERIAL_WORD = re.compile(rf"(?<![\w])(?:{lex(SERIAL_NUMBER_WORDS)})")
_SECRET_WORD_BETWEEN = re.compile(r"pass|token|secret|key|kennw|mot de|contrase|senha|wachtw|lösen|losen|"
                                  r"salasan|jelsz|hasł|hasl|heslo|geslo|lozink|parol|şifre|sifre|pin\b|code|kod|kód")


#: a helpdesk's ticket, case or issue number written glued to its word by '#' ("Ticket#2024031410000122",
#: an OTRS/Znuny ticket: its day and a counter; "GGUS#165432", "Incident#00412", "Issue#1234"): digits only
_TICKET_NUMBER = re.compile(r"[(\[\"'“]?(?:ticket|tickets|tn|case|incident|issue|request|req|ggus|rt|otrs|znuny|"
                            r"jira|helpdesk|ticketnummer|ticketnr|zgłoszenie|zgloszenie|požadavek|pozadavek|"
                            r"dossier|caso|ärende|arende|tiketti|sag)[ ]?#[ ]?\d{4,20}[)\]\"'”]?")


def random_tokens(t: Text) -> Iterator[Finding]:
    """Random-looking strings, with no keyword (see the module's docstring)."""
    text, low = t.text, t.low
    spans = _candidates(t)
    if not spans:
        return
    public = None
    for start, end in spans:
        while end > start and text[end - 1] in ".,:;":
            end -= 1
        parts = _random_parts(text[start:end])  # (first: most tokens have none, and it is remembered)
        if not parts:
            continue  # (a URL among them: ``_random_parts`` says no to it)
        if _TICKET_NUMBER.fullmatch(low, start, end):
            continue  # "Ticket#2024031410000122": a helpdesk's ticket number (OTRS: a date and a counter)
        if text.find("data:", max(0, start - 60), start + 30) >= 0 \
                and _MEDIA_DATA.search(text, max(0, start - 60), start + 30):
            continue  # an embedded image or font ("data:image/png;base64,..."): media, not a secret
        if text[end:end + 1] in (">", " ", "/") and _MARKUP_NAME_BEFORE.search(text, max(0, start - 40), start):
            continue  # an element's name: "<ds:X509Certificate>", "</X509Data>"
        public = public_blocks(t) if public is None else public
        if _inside(public, start):
            continue
        line_start, line_end = t.line_span(start)
        before = low[max(line_start, start - 48):start]
        if _PUBLIC_BEFORE.search(before):
            continue  # PublicKey = ..., "public key:", a fingerprint
        serial = _SERIAL_BEFORE.search(before)
        if serial and not _SECRET_WORD_BETWEEN.search(serial.group()):
            continue  # "сериен номер 0x4A3F21": a certificate's serial number, printed in it
        if end - start <= 24 and _sibling_serial(text, low, start, end, line_start):
            continue  # "so sériovým číslom ZL2B7H4Q, nový disk má ZL2C91KM": the replacement's serial
        if _PUBLIC_CODE_BEFORE.search(before[-40:]):
            continue  # "CUP I53C22000690001", "grant agreement no. 101057388": a project's public code
        if _ID_PREFIXED_UUID.fullmatch(low, start, end):
            continue  # "req-7a31c2e4-6e2b-...", "trace_0b9e...": a request's or a job's id in a log, as systems name them
        if _DIGEST_BASE64.fullmatch(text, start, end) and _DIGEST_BEFORE.search(before[-40:]):
            continue  # "MD5 (base64): MYKL7gfTbjN40thTCNKdiA==": a file's checksum, as storage shows it
        alone = not text[line_start:start].strip(" >-*•") and not text[end:line_end].strip(" .")
        quoted = start > 0 and text[start - 1] in "\"'«“" and text[end:end + 1] in "\"'»”"
        relaxed = alone or quoted or bool(_REVEAL_BEFORE.search(before)) \
            or before.rstrip().endswith(":") and not _REFERENCE_BEFORE.search(before)
        for a, b, strict in parts:
            if b - a < 12 and _HOST_PORT_BEFORE.search(text, max(0, start + a - 80), start + a):
                continue  # "db-fts.example.de:3306/fts3db": a database or a service named after host and port
            if strict or relaxed:
                yield Finding("credential.random-token", CREDENTIAL, start + a, start + b)


#: a UUID after the short word a system names a request, a trace, a transaction or a job by
#: ("req-7a31c2e4-6e2b-4f8d-91b0-3c5d2a0e6f19"): an id a log keeps, no secret (a token's or a
#: key's prefix, "tok-", "sk-", "key-", is none of these)
_ID_PREFIXED_UUID = re.compile(
    r"(?:req|request|trace|span|corr|correlation|tx|txn|transaction|op|operation|job|task|run|msg|message|"
    r"event|evt|incident|case|upload|download|transfer|order|vm|instance|server|volume|snapshot|image|"
    r"deployment|pod|build|pipeline)[-_:]?[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
#: a host and its port before a short part: "db.example.org:5432/"
_HOST_PORT_BEFORE = re.compile(r"(?<![\w.-])[\w-]+(?:\.[\w-]+)+:\d{2,5}/$")
#: a digest in base64, of the length of MD5, SHA-1, SHA-256 or SHA-512 ...
_DIGEST_BASE64 = re.compile(r"[A-Za-z0-9+/]{21}[AQgw]==|[A-Za-z0-9+/]{26}[AEIMQUYcgkosw048]=|"
                            r"[A-Za-z0-9+/]{42}[AEIMQUYcgkosw048]=|[A-Za-z0-9+/]{85}[AQgw]==")
#: ... after the name of its algorithm or the word for a checksum
_DIGEST_BEFORE = re.compile(r"(?<![\w-])(?:md5|sha-?(?:1|256|512)|checksums?|digest|etag|content-md5|"
                            r"prüfsumme|somme de contrôle|checksumme|kontrolní součet|suma kontrolna|"
                            r"ellenőrzőösszeg|tarkistussumma|kontrollsumma|suma de control|soma de verificação)"
                            r"(?![\w-])")
#: the labels of public codes (projects, grants, contracts, publications): never of a secret
_PUBLIC_CODE_BEFORE = re.compile(
    r"(?<![\w-])(?:cup|cig|cui|isbn|issn|doi|orcid|pmid|arxiv|ggus(?: ticket)?|ticket(?: no| nr| number)?|"
    # a batch system's job id ("A-REX: job 8kXLDmR1h0unQ9Yp1m... failed"): reading it needs the owner's proxy
    rf"{JOB_ID_LABELS}|"
    # a mail server's queue id, a request's trace id: what a log names the message or the call by
    # (a few words may say which: "Request ID for the failed call:")
    r"queued as|queue id|(?:request[ _-]?id|trace[ _-]?id|correlation[ _-]?id|x-request-id)(?:[ \t]+[^\W\d_]+){0,4}|"
    # ... as a service's response header names it: "x-amz-request-id:", "x-openstack-request-id:",
    # Swift's and Ceph's "x-trans-id:", S3's "x-amz-id-2:"
    r"x-(?:[a-z0-9]+-){0,3}(?:request-id|trans-id|trace-id|correlation-id|id-2|cf-id)|"
    # a data set's or a record's public identifier: "the dataset identifier is ds_8f3K..."
    r"(?:dataset|data set|record|object|sample|resource|collection|deposit)[ _-]?(?:id|identifier|pid)"
    rf"(?:[ \t]+(?:{lex(COPULAS)}))?|"
    r"grant(?: agreement)?(?: no\.?| nr\.?| number)?|contract(?: no\.?| number)|invoice(?: no\.?| number)?|"
    r"project(?: code| number| no\.?)|codice (?:progetto|cup)|code (?:du )?projet|código (?:de|del) proyecto|"
    r"projektnummer|förderkennzeichen|aktenzeichen|"
    # a project named, then its code: "progetto PRIN 2022 codice 2022LK7F3A"
    r"(?:project|progetto|projekt|projet|proyecto|projeto|projekt|grant|prin)(?![\w-])[^.\n:;]{0,30}?"
    r"(?:code|codice|código|codigo|kód|kod|kode|koodi|nummer|number|numero|número))[ \t]*[:#]?[ \t]*$")
_MARKUP_NAME_BEFORE = re.compile(r"</?(?:[\w.-]{1,30}:)?$")
_MEDIA_DATA = re.compile(r"data:(?:image|font|audio|video)/[\w.+-]{1,40};base64,(?=[A-Za-z0-9+/])")
_B64 = re.compile(r"[A-Za-z0-9+/_-]{8,}={0,2}")
#: two words apart: what a sentence has and a random string decoded has not
_TWO_WORDS = re.compile(r"[^\W\d_]+[ \t\n,.;!?'-]+[^\W\d_]+")
#: what base64 of a secret decodes to: its words, or key and certificate armour
_SECRET_WORDS_DECODED = re.compile(r"pass|secret|token|key|private|cred|auth|session|cookie|bearer|pwd|-----",
                                   re.IGNORECASE)

#: a DNS-style name of words (what a host or VO name decodes to)
_DOTTED_NAME = re.compile(r"[a-z][a-z0-9-]{1,62}(?:\.[a-z][a-z0-9-]{1,62})+")
_VOWEL = re.compile(r"[aeiouy]")


def _readable_base64(token: str) -> bool:
    """Base64 of readable, non-secret text (a public config snippet, a sentence): printable words
    and spaces when decoded, none of them a secret's word. Random bytes and binary keys do not
    decode to text."""
    if len(token) < 8 or not _B64.fullmatch(token):
        return False
    body = token.rstrip("=")
    try:
        raw = base64.b64decode(body.replace("-", "+").replace("_", "/") + "=" * (-len(body) % 4), validate=True)
        decoded = raw.decode("utf-8")
    except (binascii.Error, ValueError):
        return False
    if _DOTTED_NAME.fullmatch(decoded) and all(_VOWEL.search(label) for label in decoded.split(".")):
        return not _SECRET_WORDS_DECODED.search(decoded)  # a host or VO name: "vo.example.eu"
    if _PLAIN_URL.fullmatch(decoded) or _jose_header(decoded) or _settings(decoded):
        return True
    if len(decoded) < 6 or sum(c.isprintable() or c in "\n\t" for c in decoded) < len(decoded) \
            or not _TWO_WORDS.search(decoded):
        return False
    letters = sum(c.isalpha() for c in decoded)
    spaces = sum(c in " \n\t" for c in decoded)
    return letters >= 0.6 * len(decoded) and spaces >= max(1, len(decoded) // 12) \
        and not _SECRET_WORDS_DECODED.search(decoded)


#: a link with no user, query or fragment (what a repository's address in a ConfigMap decodes to)
_PLAIN_URL = re.compile(r"https?://[\w-]+(?:\.[\w-]+)+(?::\d{1,5})?(?:/[\w.~/-]*)?")
#: the names a JSON Web Token's header holds (the header alone says how a token is signed)
_JOSE_HEADER_NAMES = frozenset("alg typ kid cty x5t x5t#S256 x5u jku crit enc zip b64".split())
#: one setting per line, "name=value" or "name: value" (a public configuration file)
_SETTING = re.compile(r"[ \t]*[A-Za-z_][\w.-]{0,60}[ \t]*[=:][ \t]*[^\n]{0,200}")


def _jose_header(decoded: str) -> bool:
    """A JSON Web Token's header alone ('{"alg":"RS256","typ":"JWT"}'): no claim, no signature."""
    if not decoded.startswith("{") or '"alg"' not in decoded:
        return False
    try:
        header = json.loads(decoded)
    except ValueError:
        return False
    return isinstance(header, dict) and set(header) <= _JOSE_HEADER_NAMES \
        and all(isinstance(v, str) and not looks_random(v) for v in header.values())


def _settings(decoded: str) -> bool:
    """Lines of settings none of which names or holds a secret (log levels, sizes, endpoints)."""
    lines = [ln for ln in decoded.strip().split("\n") if ln.strip()]
    return len(lines) >= 2 and all(_SETTING.fullmatch(ln) for ln in lines) \
        and not _SECRET_WORDS_DECODED.search(decoded) \
        and not any(looks_random(v) for v in re.findall(r"[=:][ \t]*(\S+)", decoded))


@lru_cache(maxsize=16384)
def _random_parts(token: str) -> tuple[tuple[int, int, bool], ...]:
    """The parts of a token that look random in a context that asks for less ([start, end), and
    whether they look random in any context). A pure function of the token, so remembered."""
    if "://" in token or token.startswith(("http", "www.")):
        return ()  # URLs: their parts are judged in urls
    if len(token) < 6 or public_shape(token) or _readable_base64(token) or _RESOURCE_NAME.fullmatch(token) or masked(token):
        return ()
    offset = 0
    name = _NAME_VALUE.match(token)
    if name and not looks_random(name.group()[:-1]):
        offset = name.end()  # KEY=value: the value is the candidate
        token = token[offset:]
    if "@" in token and not token.startswith("@") and "." in token.split("@")[-1]:
        return ()  # an address: the e-mail detector's
    query = _QUERY.fullmatch(token)
    structured = query or _STRUCTURED.search(token) and not _BASE64ISH.fullmatch(token) \
        and not (_PASSWORD_SYMBOL.search(_GLOB.sub("", token)) and looks_random(token, True))
    if not structured:
        return ((offset, offset + len(token), looks_random(token)),) if looks_random(token, True) else ()
    # a path, a reference, user@host, a query: its parts are judged one by one
    splitter = _QUERY_PART if query else _PART
    parts = []
    for p in splitter.finditer(token):
        start, part = p.start(), p.group()
        named = None if query else _NAME_VALUE.match(part)
        if named and not looks_random(named.group()[:-1]):
            start, part = start + named.end(), part[named.end():]  # "/CN=se01.lal.in2p3.fr": a DN's value
        if len(part) >= 6 and not public_shape(part) and not _RESOURCE_NAME.fullmatch(part) and looks_random(part, True):
            parts.append((offset + start, offset + start + len(part), looks_random(part)))
    return tuple(parts)


_STRUCTURED = re.compile(r"[/@:]")
#: a wildcard of a path or a pattern ("@world-net-*/*", "/data/*.root"): no password's symbol
_GLOB = re.compile(r"(?<=[/.-])\*(?=[/.]|$)")
#: a sign passwords have and structured strings have not ('?' and '&' open a query's "name=")
_PASSWORD_SYMBOL = re.compile(r"[!#$%^*~|]|[?&](?![\w.-]+=)")
#: a query string's tail ("&a=1&b=2"): its names and values are judged one by one
_QUERY = re.compile(r"[&?]?(?:[\w.-]+=[^&=\s]*&){1,}(?:[\w.-]+=[^&=\s]*)?")
_QUERY_PART = re.compile(r"[^&=?]+")
_BASE64ISH = re.compile(r"[A-Za-z0-9+/]{16,}={0,2}")
_PART = re.compile(r"[^/@:]+")


#: a label that names secret key material: "seed", "HMAC key", "master key", "private key (hex)",
#: "key material", "signing key", "shared secret", "Schlüssel", "clé", ...
_SECRET_LABEL = re.compile(
    r"(?<![\w-])(?:seed|seeds|(?:hmac|master|private|secret|signing|encryption|decryption|session|shared|"
    r"symmetric|root|wallet|aes(?:-?\d{3})?|api|app|client|kek|dek|data)[ _-]?(?:key|secret|seed)s?|key[ _-]?material|"
    r"keymat|secret|secret[ _-]key|priv(?:ate)?[ _-]?key|privkey|sk|psk|pre-shared key|preshared key|"
    r"ed25519(?: [a-z]+)?|x25519(?: [a-z]+)?|secp256k1(?: [a-z]+)?|mnemonic|entropy|"
    r"schlüssel|geheimer schlüssel|clé(?: secrète| privée)?|chiave(?: segreta| privata)?|clave(?: secreta| privada)?|"
    r"chave(?: secreta| privada)?|sleutel|klucz(?: prywatny| tajny)?|klíč|kulcs|nyckel|nøgle|nøkkel|avain|võti|"
    r"ключ|κλειδί|anahtar|cheie)(?![\w-])")
#: a label that says the hexadecimal string is public: a checksum, a digest, a commit, a fingerprint
_CHECKSUM_LABEL = re.compile(
    r"(?<![\w-])(?:sha-?\d*(?:sum)?|md5(?:sum)?|blake2\w*|b2sum|crc\d*|checksums?|digests?|hash(?:es)?|commit|"
    r"revision|rev|tree|object|fingerprints?|thumbprint|public(?:[ _-]?key)?|pubkey|pub|uuid|guid|id|"
    r"build|image|tag|etag|prüfsumme|somme de contrôle|empreinte|impronta|suma de control|kontrolsumma)(?![\w-])")
_HEX = re.compile(r"(?<![\w/@:.+-])(?:0x)?[0-9a-fA-F]{32,128}(?![\w/.@+-]|\.\w)")
#: between a label and its value: a qualifier in brackets ("(hex)", "(base16)"), is/=/:, quotes
_LABEL_GAP = re.compile(rf"(?:[ \t]*\([^()\n]{{0,20}}\))?[ \t]*(?:[:=]|(?<!\w)(?:{lex(COPULAS)})(?!\w))?[ \t]*[:=]?[ \t]*['\"`]?$")


#: the lengths of the public hexadecimal strings: MD5, SHA-1 and a commit, SHA-224, SHA-256,
#: SHA-384, SHA-512 (a hex string of another length is no digest: a server's or a notebook's token)
_DIGEST_LENGTHS = frozenset((32, 40, 56, 64, 96, 128))
#: a token's word in its clause before the string, in EGI's languages and their endings ("asks for
#: token, 5d23f072...", "le jeton 9a1f... est refusé", "tokenu 3c0e...")
_TOKEN_NEAR = re.compile(rf"(?<![\w-])(?:(?:token|jeton|žeton|zeton|токен)[^\W\d_]{{0,4}}|{lex(TOKEN_WORDS)})(?![\w-])")
_CLAUSE_STOP = re.compile(r"[.!?;](?:\s|$)")


def _token_hex(low: str, before: str, start: int, end: int) -> bool:
    """A hexadecimal string no digest's length, a token's word before it in its clause (or the
    next word after it), and no checksum's or an id's word closer: a token."""
    length = end - start - (2 if low.startswith("0x", start) else 0)
    if length in _DIGEST_LENGTHS:
        return False
    stops = list(_CLAUSE_STOP.finditer(before))
    clause = before[stops[-1].end():] if stops else before
    words = list(_TOKEN_NEAR.finditer(clause))
    if words:
        return not _CHECKSUM_LABEL.search(clause, words[-1].end())
    after = _TOKEN_NEAR.match(low, end + 1) if low[end:end + 1] == " " else None
    return after is not None and not _CHECKSUM_LABEL.search(clause[-24:])


def labelled_hex(t: Text) -> Iterator[Finding]:
    """A hexadecimal string of 32 to 128 digits under a label that names key material ("seed
    (hex): ...", "HMAC key ...", "master key ..."): a secret. Under a checksum, digest, commit or
    fingerprint label it is public, and the keyword-free detector lets it pass."""
    long_words = t.odd_words[1]
    if not long_words:
        return
    low = t.low
    for word in long_words:
        if not (32 <= len(word) <= 130 and _HEX.fullmatch(word)):
            continue
        for pos in t.word_positions(word):
            m = _HEX.match(low, pos)
            if m is None:
                continue
            line_start = low.rfind("\n", 0, pos) + 1
            before = low[max(line_start, pos - 60):pos]
            labels = list(_SECRET_LABEL.finditer(before))
            label = labels[-1] if labels else None
            if label is None and not before.strip() and line_start:
                # alone on its line, under a line that names key material and ends with a colon
                # ("ed25519 seed (hex), import it with the helper script:")
                previous = low[low.rfind("\n", 0, line_start - 1) + 1:line_start - 1]
                labels = list(_SECRET_LABEL.finditer(previous)) if previous.rstrip().endswith(":") else []
                rest_end = low.find("\n", m.end())
                if labels and not _CHECKSUM_LABEL.search(previous) \
                        and not low[m.end():rest_end if rest_end >= 0 else len(low)].strip():
                    yield Finding("credential.labelled-hex", CREDENTIAL, m.start(), m.end())
                continue
            if label is None or not _LABEL_GAP.match(before, label.end()):
                if _token_hex(low, before, m.start(), m.end()):
                    yield Finding("credential.token-hex", CREDENTIAL, m.start(), m.end())
                continue
            if _CHECKSUM_LABEL.search(before[max(0, label.start() - 24):]):
                continue  # "public key", "sha256 key": public
            yield Finding("credential.labelled-hex", CREDENTIAL, m.start(), m.end())


def _inside(spans: list[tuple[int, int]], pos: int) -> bool:
    return any(a <= pos < b for a, b in spans)


_GROUPED = re.compile(r"(?<![\w-])(?:[A-Za-z0-9]{4,8}[ -]){3,}[A-Za-z0-9]{4,8}(?![\w-])")
_GROUP = re.compile(r"[A-Za-z0-9]+")
#: the groups before a group, read backwards (the text reversed): where the code starts
_GROUPS_BEFORE = re.compile(r"(?:[ -][A-Za-z0-9]{4,8}(?![A-Za-z0-9]))*")
_YEAR = re.compile(r"(?:19|20)\d\d")
#: in the digits-as-'0' copy: a group of four or more digits and the next two, not words ("1234
#: jobs finished") (a literal-led search)
_DIGIT_GROUP = r"0000[ -](?:[A-Z0-9]{4,8}[ -][A-Za-z0-9]{4}|[a-z]{4,8}[ -]0000)"
_DIGIT_GROUPS = re.compile(_DIGIT_GROUP)
_DIGIT_GROUPS_BYTES = re.compile(_DIGIT_GROUP.encode())
_HEX_GROUPS = re.compile(r"[0-9A-Fa-f \-]+")
_CODE = r"(?:\d{3,5}[- ]\d{3,5}|[a-z0-9]{4,6}-[a-z0-9]{4,6}|\d{6,10})"
_CODE_LIST = re.compile(rf"(?<![\w.-]){_CODE}(?:(?:[ \t]{{1,4}}|[ \t]*[,;\n][ \t]*|\n[ \t]*[-*\d.)]+[ \t]+){_CODE}){{2,}}(?![\w.-])")
_DATE_LIKE = re.compile(r"(?:19|20)\d\d[- ](?:19|20)\d\d|\d{1,2}[- ]\d{1,2}")
#: in the digits-as-'0' copy: a code of digits in two groups (a literal search, led by the three
#: digits every match begins with: a number of two digits is not tried)
_CODE_PAIR = re.compile(r"0000{0,2}[- ]000")
_CODE_PAIR_BYTES = re.compile(rb"0000{0,2}[- ]000")
#: what every match of ``_CODE_PAIR`` holds
_CODE_PAIR_SIGNS = ("000 000", "000-000")


def _grouped_code(code: str) -> tuple[int, int] | None:
    """The span of a grouped code within a run of groups, or None if the groups are words, a
    fingerprint, years or a list of numbers."""
    if ORCID.search(code):
        return None  # "ORCID 0000-0002-1825-0097": the commonest run of digit groups in tickets
    groups = [(m.start(), m.end()) for m in _GROUP.finditer(code)]
    while len(groups) > 1 and _word_group(code[groups[0][0]:groups[0][1]]) and code[groups[0][1]] == " ":
        groups.pop(0)  # "license X7K2-...": the word before is not part of it
    while len(groups) > 1 and _word_group(code[groups[-1][0]:groups[-1][1]]) and code[groups[-1][0] - 1] == " ":
        groups.pop()
    if len(groups) < 4:
        return None
    start, end = groups[0][0], groups[-1][1]
    values = [code[a:b] for a, b in groups]
    with_digits = sum(any(c.isdigit() for c in g) for g in values)
    prose = any(g.isalpha() and g.islower() and len(g) >= 3 for g in values)
    if with_digits < 2 or sum(_word_group(g) or _formula_group(g, prose) for g in values) > len(values) // 2:
        return None  # words, not a code
    if not all(any(c.isdigit() for c in g) or g.isupper() or g.islower() for g in values):
        return None  # capitalised words
    if " " in code[start:end] and any(g.isupper() for g in values) and any(g.islower() and g.isalpha() for g in values):
        return None  # words of a log line in both cases ("SOURCE checksum ADLER32 0fafa2e6"), not one code's groups
    if _HEX_GROUPS.fullmatch(code, start, end) and any(c.isalpha() for c in code[start:end]):
        return None  # a fingerprint
    if public_shape(code[start:end]):
        return None  # an ORCID iD
    if all(g.isdigit() for g in values):
        if all(_YEAR.fullmatch(g) for g in values) or " " in code[start:end]:
            return None  # years; numbers in a list (a card number is the personal detector's)
    return start, end


def _word_group(group: str) -> bool:
    return group.isalpha() and (group.islower() or group.istitle())


def _formula_group(group: str, prose: bool) -> bool:
    """A chemical formula among words ("Fe2O3 and TiO2 surfaces with CH3OH"): one with a two-letter
    element ("TiO2") anywhere, one in capitals ("CH3OH") only beside words of prose (a code's
    groups such as "C4N2" parse as formulas too)."""
    if not (any(c.isdigit() for c in group) and group[0].isupper() and public_shape(group)):
        return False
    return prose or not group.isupper()


def _in_group(text: str, start: int, end: int) -> bool:
    """Is the word at [start, end) a group of a grouped code: "-" or " " and another group of
    letters or digits on one side, and not part of a longer name ("ce01.example.org")?"""
    if text[start - 1:start] not in ("", " ", "-", "\n") or text[end:end + 1] not in ("", " ", "-", "\n", ".", ","):
        return False
    return text[end:end + 1] in (" ", "-") and text[end + 1:end + 2].isalnum() or \
        text[start - 1:start] in (" ", "-") and text[start - 2:start - 1].isalnum()


def grouped_secrets(t: Text) -> Iterator[Finding]:
    """Codes written in groups ("X7K2-P9QM-4HT8-ZW3R", a recovery key "123456-234567-...", a
    licence), and lists of codes (backup codes)."""
    text = t.text
    anchors = [p for w in t.odd_words[0] if 4 <= len(w) <= 8 for p in t.word_positions(w) if _in_group(text, p, p + len(w))]
    groups_after = _DIGIT_GROUPS_BYTES if isinstance(t.digits, bytes) else _DIGIT_GROUPS
    anchors += [m.start() for m in groups_after.finditer(t.plain_digits)]  # type: ignore[arg-type]
    done, n, backwards = -1, len(text), ""
    for p in sorted(set(anchors)):
        while p > 0 and text[p - 1].isalnum():
            p -= 1  # the start of the anchor's group
        if p < done:
            continue
        backwards = backwards or text[::-1]
        start = n - _GROUPS_BEFORE.match(backwards, n - p).end()  # type: ignore[union-attr]
        m = _GROUPED.match(text, start)
        if m is None:
            continue
        done = m.end()
        span = _grouped_code(m.group())
        if span:
            yield Finding("credential.grouped-secret", CREDENTIAL, m.start() + span[0], m.start() + span[1])
    anchors = []
    if holds_one(t.plain_digits, _CODE_PAIR_SIGNS):
        pairs = _CODE_PAIR_BYTES if isinstance(t.digits, bytes) else _CODE_PAIR
        anchors = [m.start() for m in pairs.finditer(t.plain_digits)]  # type: ignore[arg-type]
    if len(anchors) < 3:
        anchors += [p for w in t.odd_words[0] if 9 <= len(w) <= 13 for p in t.word_positions(w)]
    if len(anchors) >= 2:
        for lo, hi in windows_around(anchors, 60, 60, len(text)):
            for m in _CODE_LIST.finditer(text, lo, hi):
                codes = re.findall(_CODE, m.group())
                if len(codes) >= 3 and not all(_DATE_LIKE.fullmatch(c) for c in codes):
                    yield Finding("credential.code-list", CREDENTIAL, m.start(), m.end())


# --- detect-secrets: the plugins for vendors we have no rule for -----------------------------------

#: plugin -> words that gate it (its tokens are only looked for where one of them is)
_DS_GATES: dict[str, tuple[str, ...]] = {
    "ArtifactoryDetector": ("artifactory", "jfrog"),
    "AzureStorageKeyDetector": ("accountkey",),
    "CloudantDetector": ("cloudant",),
    "DiscordBotTokenDetector": ("discord",),
    "IbmCloudIamDetector": ("ibm",),
    "IbmCosHmacDetector": ("hmac",),
    "MailchimpDetector": ("mailchimp", "-us"),
    "SoftlayerDetector": ("softlayer",),
    "SquareOAuthDetector": ("sq0csp",),
    "TwilioKeyDetector": ("twilio",),
}
_DS_PIECE = 1200


@lru_cache(maxsize=1)
def _ds_plugins() -> dict[str, object]:
    from detect_secrets.core.plugins.util import get_mapping_from_secret_type_to_class

    classes: list[type] = list(get_mapping_from_secret_type_to_class().values())
    return {cls.__name__: cls() for cls in classes if cls.__name__ in _DS_GATES}


_DS_WORDS = frozenset(g.encode() for gates in _DS_GATES.values() for g in gates if g.isalnum())


def _detect_secrets(t: Text) -> Iterator[Finding]:
    text, low = t.text, t.low
    if _DS_WORDS.isdisjoint(t.words) and "-us" not in low:
        return
    for name, gates in _DS_GATES.items():
        hits = [i for g in gates for i in _positions(low, g)]
        if not hits:
            continue
        plugin = _ds_plugins().get(name)
        if plugin is None:
            continue
        for i in sorted(hits)[:64]:  # bounded: a degenerate text must not make this quadratic
            lo = max(0, i - 300)
            chunk = text[lo:i + _DS_PIECE]
            for secret in set(plugin.analyze_string(chunk)):  # type: ignore[attr-defined]
                if not secret or len(secret) < 8:
                    continue
                pos = chunk.find(secret)
                while pos >= 0:
                    yield Finding("credential.detect-secrets", CREDENTIAL, lo + pos, lo + pos + len(secret))
                    pos = chunk.find(secret, pos + 1)


def _positions(low: str, literal: str) -> list[int]:
    out: list[int] = []
    i = low.find(literal)
    while i >= 0 and len(out) < 256:
        out.append(i)
        i = low.find(literal, i + 1)
    return out


# --- a value given with its time to live ------------------------------------------------------

#: how long a value lasts, as a token's or a code's is said ("valable 24 h", "valid for 12 hours",
#: "gültig 30 Minuten"): what follows in the sentence is a credential, whatever its shape
_VALID_FOR = Lexicon(
    r"valid|valid for|valable|valable pendant|gültig|gültig für|valido|valido per|válido|válido por|geldig|"
    r"geldig voor|ważny|ważny przez|platný|platný po|platí|érvényes|voimassa|giltig|giltig i|gyldig|"
    r"kehtib|galioja|derīgs|geçerli|ισχύει|действителен|действует|дійсний|expires in|läuft ab in|expire dans",
    template=r"(?<![\w-])(?:{body})[ \t]*\d{1,3}[ \t]*(?:h|hrs?|hours?|heures?|stunden|std|ore|horas|uur|godz\.?|"
             r"godzin|hodin|óra|órát|tuntia|timmar|timer|tundi|val\.?|stundas|saat|ώρες|час(?:а|ов)?|годин|"
             r"min|mins|minutes?|minuten|minuti|minutos|minut|perc|minuuttia|days?|jours?|tage|giorni|días|dagen|dni|dní)"
             r"(?![\w])")
_VALUE_AFTER_TTL = re.compile(r"[^\n.!?]{0,40}?[:=][ \t]*[\"'`]?(?P<value>[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-"
                              r"[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|[A-Za-z0-9_\-.~+/]{16,}={0,2})(?![\w-])")


def lasting_values(t: Text) -> Iterator[Finding]:
    """A value given with how long it lasts ("valable 24 h : 7f3c9e2a-41b8-..."): a credential, a
    UUID too (public ids do not expire)."""
    if not t.has_digit:
        return
    for m in _VALID_FOR.finditer(t, 20, 80):
        v = _VALUE_AFTER_TTL.match(t.text, m.end())
        if v and not masked(v.group("value")):
            yield Finding("credential.lasting-value", CREDENTIAL, v.start("value"), v.end("value"))
