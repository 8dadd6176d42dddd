"""Personal identifiers: numbers and strings that point at one person.

* Payment card numbers (a network's prefix and length, and the Luhn digit).
* IBANs (``python-stdnum`` checks the mod-97 digits) and national identity numbers of EGI's
  countries whose check digits (and embedded birth dates) ``python-stdnum`` validates: PESEL, CNP,
  DNI/NIE, codice fiscale, NIR, BSN, rodné číslo, personnummer, henkilötunnus, isikukood,
  fødselsnummer, TC Kimlik, EGN, kennitala, EMŠO, AHV, ... The strong ones (a date and a check
  digit, or two check digits) count alone; the weak ones (a 9-digit check like the BSN, which one
  number in eleven passes) only after a word that names them.
* Whatever id-like token follows a word naming an identity document or number
  (``lexicon.ID_WORDS``: passport, Reisepass, ΑΔΤ, Matrikelnummer, AFM, ...), and passport
  machine-readable lines (MRZ).
* A date after a birth word (``lexicon.BIRTH_WORDS``), in any spelling; after an ambiguous one
  ("born", which projects are too) only a year a person could be born in (before 2011).
* A street address: after a home word (``lexicon.HOME_WORDS``), or anywhere unless a venue word
  says it is a public place.
* A person's certificate DN (``/DC=eu/.../CN=Jan de Vries``, ``CN=Maria Rossi,OU=...``): a DN with
  a CN that is not a host or a service.
* Messenger handles: Matrix ``@user:server``, Skype ``live:...``, ``@name`` after a messenger's name.
* Health: a sentence saying somebody is ill (``lexicon.HEALTH_PHRASES``: on sick leave,
  krankgeschrieben, en arrêt maladie, diagnosed with, ...), whole.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable, Iterator
from functools import cache, lru_cache
from itertools import chain

from generator.screening import lazy_re as re
from generator.screening.detectors.base import (
    DIGITS_FOR_LETTERS,
    LETTERED_WORDS,
    PERSONAL,
    SAID_NUMBERS,
    Finding,
    Lexicon,
    Text,
    WordClass,
    WordPhrases,
    WordStarts,
    fold,
    folded_too,
    holds_one,
    lex,
    shaped_matches,
    starts_from,
    windows_around,
    words,
)
from generator.screening.detectors.shapes import ORCID
from generator.screening.lexicon import (
    ABSENCE_WORDS,
    ACCESSIBLE_WORDS,
    ACCOUNT_WORDS,
    AGE_WORDS,
    AID_STEMS,
    ALLERGY_DETAIL_WORDS,
    AT_HANDLE_WORDS,
    AUTO_REPLY_WORDS,
    BALTIC_STREET_WORDS,
    BILLING_ADDRESS_WORDS,
    BIRTH_WORDS,
    BIRTH_YEAR_WORDS,
    CARE_BY_CONDITION_STEMS,
    CARE_BY_CONDITION_WORDS,
    CARE_NEED_STEMS,
    CARE_STAY_PLACES,
    CARE_STAY_VERBS,
    CARE_STEMS,
    CARE_VISIT_WORDS,
    CASE_NUMBER_WORDS,
    CONDITION_BECAUSE,
    CONDITION_CAUSE_AFTER,
    CONDITION_CAUSE_BEFORE,
    CONDITION_FOR_BEFORE,
    CONDITION_STEMS,
    CONDITION_WITH,
    CONVICTED_BODY_WORDS,
    CONVICTION_WORDS,
    COPULAS,
    CORRECTION_WORDS,
    CRIMINAL_RECORD_FILLERS,
    CRIMINAL_RECORD_HAVERS,
    CRIMINAL_RECORD_WORDS,
    CURRENCIES,
    CURRENT_PAY_WORDS,
    DEATH_VERBS,
    DEBT_ENFORCEMENT_WORDS,
    DIAGNOSIS_STEMS,
    DOCTOR_WORDS,
    EARNING_VERBS,
    EARNING_VERBS_AFTER,
    EMERGENCY_DRUG_WORDS,
    EMERGENCY_WORDS,
    FAILED_EXAM_WORDS,
    FAMILY_EVENT_OWN,
    FAMILY_EVENT_RELATIVES,
    FAMILY_EVENT_STEMS,
    FAMILY_EVENT_WORDS,
    FIRST_PERSON_POSSESSIVES,
    FIRST_PERSON_WORDS,
    FLAT_UNIT_WORDS,
    FLOOR_UNIT_WORDS,
    FORM_STREET_LABELS,
    FORM_TOWN_LABEL_WORDS,
    FOUNDED_THING_WORDS,
    FUTURE_EARNING_VERBS,
    GRADE_AVERAGE_WORDS,
    GROSS_WORDS,
    HAD_A_STROKE_WORDS,
    HANDLE_WORDS,
    HAVING_ALLERGY_VERBS,
    HEALTH_PHRASES,
    HEART_ATTACK_STEMS,
    HEBREW_HEALTH_STEMS,
    HEBREW_PERSON_WORDS,
    HEBREW_TOPIC_WORDS,
    HOLY_DAY_REST,
    HOME_ADDRESS_KEY_WORDS,
    HOME_AFTER_WORDS,
    HOME_NEGATIONS,
    HOME_WORDS,
    HONORIFICS,
    ID_LINKS,
    ID_WORDS,
    IDENTITY_CHECK_WORDS,
    IF_WORDS,
    IN_CASE_WORDS,
    INSTITUTION_WORDS,
    JOB_ID_LABELS,
    LEAVE_STEMS,
    MEDICAL_LABELS,
    MINE_IS,
    MOBILITY_AID_STEMS,
    MONTH_NAMES,
    MORE_NUMBER_MORPHEMES,
    MOVED_ADDRESS_WORDS,
    NAME_PARTICLES,
    NEEDS_LABELS,
    NET_PAY_PERIODS,
    NO_NEEDS,
    NOT_PHONE_WORDS,
    NOTE_ROLE_WORDS,
    NUMBER_MORPHEMES,
    OFFICIAL_ADDRESS_WORDS,
    ORDINAL_ENDINGS,
    ORDINAL_MORPHEMES,
    OWN_CAR_WORDS,
    OWN_CONDITION_BEFORE,
    OWN_EARNING_VERBS,
    OWN_GETTING_VERBS,
    OWN_PAYMENT_WORDS,
    OWN_STRIKES,
    PASSING_FIRST_PERSON,
    PASSING_ILLNESS_STEMS,
    PASSING_TREATMENT_STEMS,
    PASSPORT_WORDS,
    PATIENT_NUMBER_LABELS,
    PATIENT_WORDS,
    PAY_PERIODS,
    PERSON_FORMS,
    PERSON_OWNER_STEMS,
    PERSON_WORDS,
    PERSONAL_CONDITION_STEMS,
    PERSONNEL_COST_WORDS,
    PLATE_WORDS,
    POSSESSED_PAY_ANCHORS,
    POSSESSED_PAY_WORDS,
    POSSESSIVE_ENDING_STEMS,
    POSSESSIVES,
    POSTAL_ADDRESS_WORDS,
    POSTPOSED_POSSESSIVES,
    PREGNANCY_STEMS,
    PRICE_WORDS,
    PUBLIC_OFFICE_STEMS,
    RATE_WORDS,
    RECORDED_SANCTIONS,
    REFUGEE_STATUS,
    REHABILITATION_WORDS,
    RELATIVE_POSSESSIVES,
    RELATIVE_WORDS,
    RELIGION_AFTER_ARTICLE,
    RELIGION_AFTER_COPULAS,
    RELIGION_BETWEEN,
    RELIGION_FIRST_COPULAS,
    RELIGION_THIRD_COPULAS,
    RELIGION_WORDS,
    RELIGIOUS_OBSERVANCES,
    RELIGIOUS_PRACTICE,
    RELIGIOUS_PRACTICE_FIRST,
    RELIGIOUS_SEASONS,
    RESEARCH_TOPIC_WORDS,
    RESIDENCE_PERMITS,
    REVIEW_OUTCOMES,
    REVIEW_PAY_CUTS,
    REVIEW_WORDS,
    ROLE_WORDS,
    SAID_DATE_WORDS,
    SALARY_WORDS,
    SANCTION_WORDS,
    SCHOLARSHIP_CUT_WORDS,
    SEND_VERB_STEMS,
    SENSE_IMPAIRMENT_STEMS,
    SHIPMENT_ADDRESS_KEY_WORDS,
    SICK_NOTE_STEMS,
    SPECIFIC_ACCOUNT_WORDS,
    STIPEND_STEMS,
    STIPEND_WORDS,
    STOPWORDS,
    STREET_NAME_PARTICLES,
    SURGERY_COMPOUND_ENDS,
    SURGERY_COMPOUND_PARTS,
    SURGERY_ON_BODY_PARTS,
    TREATMENT_FIRST_PERSON_VERBS,
    TROUBLE_STEMS,
    UNION_SELF_WORDS,
    UNION_WORDS,
    VEHICLE_WORDS,
    VENUE_WORDS,
    VISA_LETTER_WORDS,
    VISA_STATUS,
    VISA_WORDS,
    WEAK_BIRTH_WORDS,
    WEAK_PLATE_WORDS,
    WEEK_STEMS,
    WORK_CONTRACT_WORDS,
)
from generator.screening.normalise import PART_BREAK, View

# --- IBAN ---------------------------------------------------------------------------------------

#: (its lookbehind stands after the first capital, so that the search skips to where a capital is:
#: a pattern led by a lookbehind is tried at every character)
_IBAN = re.compile(r"[A-Z](?<![A-Za-z0-9][A-Z])[A-Z]\d{2}(?:[ ]?[A-Z0-9]){11,31}(?![A-Za-z0-9])")


_IBAN_WORD = re.compile(rb"[a-z]{2}[0-9]{2}[a-z0-9]*")
#: the words an IBAN may start with (a kind of word: each is judged once, not in every text)
_IBAN_WORDS = WordClass(lambda w: 4 <= len(w) <= 34 and 48 <= w[2] <= 57 and _IBAN_WORD.fullmatch(w) is not None)


#: an IBAN whose groups go on on the next line ("przelać na konto prywatne:\nPL62 1020 5558 1111\n4829
#: 3756 0042", h54): the country and its check digits, the groups, a line break, more groups
_SPLIT_IBAN = re.compile(r"(?<![0-9A-Za-z])[A-Z]{2}\d\d(?:[ ]?[0-9A-Z]{1,4}){1,8}[ \t]*\n[ \t]*[0-9A-Z]{1,4}(?:[ ]?[0-9A-Z]{1,4}){0,7}")


def _split_ibans(t: Text) -> Iterator[Finding]:
    """IBANs broken over two lines, valid only whole: the span runs over the line break."""
    # (a line break with a digit after it and a digit or a capital before it, spaces between: the
    # first line may end in letters, "contul meu personal este:\nRO35BTRLRONCRT\n0351249801", h71)
    digits = t.digits
    mark = b"\n0" if isinstance(digits, bytes) else "\n0"
    at = digits.find(mark)  # type: ignore[arg-type]
    if at < 0:
        return
    from stdnum import iban

    text, done = t.text, -1
    while at >= 0:
        before = text[max(0, at - 8):at].rstrip(" \t")
        if not before or not (before[-1].isdigit() or "A" <= before[-1] <= "Z"):
            at = digits.find(mark, at + 1)  # type: ignore[arg-type]
            continue
        mark_at, at = at, len(before) + max(0, at - 8) - 1
        for m in _SPLIT_IBAN.finditer(text, max(done, at - 40), min(len(text), at + 44)):
            if not m.start() <= at < m.end():
                continue
            compact = re.sub(r"\s", "", m.group())
            for length in range(min(len(compact), 34), 14, -1):
                if iban.is_valid(compact[:length], check_country=False):
                    end, seen = m.start(), 0
                    while seen < length:
                        seen += not text[end].isspace()
                        end += 1
                    if end > at + 1:  # (whole on its first line, the other passes have it)
                        yield Finding("personal.iban", PERSONAL, m.start(), end)
                        done = end
                    break
        at = digits.find(mark, mark_at + 1)  # type: ignore[arg-type]


def ibans(t: Text) -> Iterator[Finding]:
    if t.has_digit and "\n" in t.text:
        yield from _split_ibans(t)
    starts = [w.decode() for w in _IBAN_WORDS.among(t.words)]
    if not starts:
        return
    from stdnum import iban

    text = t.text
    anchors = [p for w in starts for p in t.word_positions(w)]
    for m in (m for lo, hi in windows_around(anchors, 0, 60, len(text)) for m in _IBAN.finditer(text, lo, hi)):
        raw = m.group()
        compact = raw.replace(" ", "")
        for length in range(min(len(compact), 34), 14, -1):
            # (the ISO check digits and the country's length and format; not the country's own
            # checks, which refuse real IBANs of banks their table does not list: "BE68 5390 ...")
            if iban.is_valid(compact[:length], check_country=False):
                end = m.start()
                seen = 0
                while seen < length:
                    if text[end] != " ":
                        seen += 1
                    end += 1
                yield Finding("personal.iban", PERSONAL, m.start(), end)
                break


# --- bank accounts in national formats ---------------------------------------------------------

_ACCOUNT_WORD = Lexicon(ACCOUNT_WORDS)
_SPECIFIC_ACCOUNT = re.compile(lex(SPECIFIC_ACCOUNT_WORDS))
#: after the word, a few words on its line and what joins them to the number (a copula, a colon,
#: "n.", or nothing: "účet 19-2000145399/0800"), then the number: digits in groups, an IBAN's
#: letters ("rekening BE23 0014 8273 9163", whose check digits are wrong: a mistyped account is
#: still somebody's)
_ACCOUNT_WORDS_BETWEEN = r"(?:[ \t]*[,(]?[ \t]*[^\W\d_][\w'’-]{0,24}\)?)"
_ACCOUNT_LATER = re.compile(
    rf"(?:{_ACCOUNT_WORDS_BETWEEN}{{0,6}}?[ \t]*(?:(?:{lex(ID_LINKS)})(?![\w])\.?|:)|{_ACCOUNT_WORDS_BETWEEN}{{0,2}}?)"
    rf"[ \t:#]*(?=(?:[a-z]{{2}}\d\d[ ]?)?\d)")
#: a date, or a quantity with its unit after it, is no account number ("created on 2024-03-01
#: 12:00", "the account has 12000000000 bytes")
_NOT_ACCOUNT_NUMBER = re.compile(r"(?:19|20)\d\d[-/.]\d\d?[-/.]\d\d?(?!\d)|\d\d?[-/.]\d\d?[-/.](?:19|20)?\d\d(?!\d)")
_UNIT_AFTER = re.compile(rf"[ \t]*(?:{lex(NOT_PHONE_WORDS, 'b|kb|mb|gb|tb|pb|kib|mib|gib|tib|bytes?|jobs?|hours?|h|hs|hepspec|events?|files?|cpus?|gpus?|cores?|%')})(?![\w])")
#: a word between the account word and the number that says the number is something else
#: ("account to my ORCID iD 0000-...", "account, ticket 2026041210000123"); "no", "nr" are the
#: account's own
_NOT_ACCOUNT = re.compile(rf"(?<![\w-])(?:{lex(NOT_PHONE_WORDS, 'orcid|doi|id|uid|login|user|username|user name')})(?![\w-])")
_ACCOUNT_OWN = frozenset("no nr n° num number numer numero número nummer cislo číslo szám".split())
_ACCOUNT_NUMBER = re.compile(r"(?:[A-Z]{2}\d\d[ ]?)?\d[\dA-Z]*(?:(?:[ ./-]|, ?)(?:[\dA-Z]*\d[\dA-Z]*))*(?![\w-])")


def bank_accounts(t: Text) -> Iterator[Finding]:
    """A bank account's number after a word naming the account: ten digits at least, or five
    after a word that names the number itself ("kontonummer", "clearingnummer", "sort code")."""
    text, low = t.text, t.low
    if not t.has_digit:
        return
    for m in _ACCOUNT_WORD.finditer(t, 40, 150):
        later = _ACCOUNT_LATER.match(low, m.end(), min(len(low), m.end() + 140))
        if later is None:
            continue
        v = _ACCOUNT_NUMBER.match(text, later.end(), min(len(text), later.end() + 50))
        if v is None or ORCID.match(text, v.start()):
            continue
        if any(w.group() not in _ACCOUNT_OWN for w in _NOT_ACCOUNT.finditer(low, m.end(), later.end())):
            continue
        value = v.group().rstrip(", ")
        if _NOT_ACCOUNT_NUMBER.match(value) or _UNIT_AFTER.match(low, v.start() + len(value)):
            continue
        digits = sum(c.isdigit() for c in value)
        if digits >= 10 or digits >= 5 and _SPECIFIC_ACCOUNT.fullmatch(m.group()):
            yield Finding("personal.bank-account", PERSONAL, v.start(), v.start() + len(value))


#: a Czech or Slovak account's number as its banks write it: an optional prefix and '-', the
#: number, '/' and the bank's four-digit code ("č. ú. 19-2000145399/0800", "2700184524/2010"),
#: found from its slash (a literal-led search), each part checked with the weights 6 3 7 9 10 5 8 4 2 1
_CZ_BANK_CODE = re.compile(r"/(\d{4})(?![\w/-]|[.,]\d)")
_CZ_ACCOUNT_BEFORE = re.compile(r"(?:(\d{1,6})-)?(\d{6,10})$")
#: the codes of the Czech and Slovak banks (the Czech National Bank's and the Slovak one's lists)
_CZ_BANKS = frozenset(
    "0100 0300 0600 0710 0800 2010 2020 2060 2070 2100 2200 2220 2250 2260 2275 2600 2700 3030 3050 3060 3500 "
    "4000 4300 5500 5800 6000 6100 6200 6210 6300 6363 6700 6800 7910 7950 7960 7970 7990 8030 8040 8060 8090 "
    "8150 8190 8198 8199 8200 8220 8230 8240 8250 8255 8265 8270 8280 8293 8299 8500 "
    "0200 0720 0900 1100 1111 3000 3100 5200 5600 5900 6500 7300 7500 7930 8050 8120 8130 8160 8170 8180 "
    "8191 8320 8330 8360 8370 8420 8430 9952".split())
_CZ_WEIGHTS = (6, 3, 7, 9, 10, 5, 8, 4, 2, 1)


def _cz_part_valid(digits: str) -> bool:
    padded = digits.rjust(10, "0")
    return sum(w * int(d) for w, d in zip(_CZ_WEIGHTS, padded, strict=True)) % 11 == 0 and padded.strip("0") != ""


def czech_accounts(t: Text) -> Iterator[Finding]:
    """A Czech or Slovak bank account's number, labelled or not: its checks and its bank's code
    valid, it is somebody's account (an organisation's for a fee is kept by ``public``)."""
    if not t.has_digit or "/" not in t.text:
        return
    text = t.text
    for m in _CZ_BANK_CODE.finditer(text):
        if m.group(1) not in _CZ_BANKS:
            continue
        before = _CZ_ACCOUNT_BEFORE.search(text, max(0, m.start() - 17), m.start())
        if before is None:
            continue
        start = before.start()
        if start and (text[start - 1].isalnum() or text[start - 1] in "_./-:#"):
            continue  # inside a path, a reference, a longer number
        prefix, number = before.group(1), before.group(2)
        if _cz_part_valid(number) and (prefix is None or _cz_part_valid(prefix)):
            yield Finding("personal.bank-account", PERSONAL, start, m.end())


# --- payment cards -------------------------------------------------------------------------------

#: 13 to 19 digits, whole or in groups (4-4-4-4, Amex 4-6-5), in the digits-as-'0' copy (a
#: literal-led search)
_CARD_RUN = r"0000(?:0{9,15}|[ -]0000[ -]0000[ -]0{1,4}(?:[ -]0{1,3})?|[ -]000000[ -]0000{1,2})"
_CARD_RUNS = re.compile(_CARD_RUN)
_CARD_RUNS_BYTES = re.compile(_CARD_RUN.encode())
#: what every match of ``_CARD_RUN`` holds: thirteen digits, or two groups of four
_CARD_SIGNS = ("0000000000000", "0000 0000", "0000-0000")
_NOT_DIGIT_AFTER = re.compile(r"(?![\w-]|[.,]\d)|[ -]\d")
_CARD_GROUP = re.compile(r"\d+")


def payment_cards(t: Text) -> Iterator[Finding]:
    """Payment card numbers: a card network's prefix and length, and a valid Luhn digit."""
    text = t.text
    if not holds_one(t.digits, _CARD_SIGNS):
        return
    runs = _CARD_RUNS_BYTES if isinstance(t.digits, bytes) else _CARD_RUNS
    for m in runs.finditer(t.digits):  # type: ignore[arg-type]
        start = m.start()
        if text[start] not in "23456" or start and (text[start - 1].isalnum() or text[start - 1] in "-.,/"):
            continue  # no card network's first digit; part of a longer number or name
        ends = [g.end() for g in _CARD_GROUP.finditer(text, start, m.end())]
        for end in reversed(ends):  # the longest reading that ends a number and is a card's
            if (end == m.end() or not text[end].isdigit()) and _NOT_DIGIT_AFTER.match(text, end) \
                    and _card_grouping(text[start:end]) and _card_number(re.sub(r"[ -]", "", text[start:end])):
                yield Finding("personal.payment-card", PERSONAL, start, end)
                break


_CARD_GROUPINGS = frozenset({(4, 4, 4, 4), (4, 4, 4, 4, 3), (4, 4, 4, 3), (4, 6, 5), (4, 6, 4), (4, 4, 4, 1), (4, 4, 4, 2),
                             (4, 4, 4, 4, 1), (4, 4, 4, 4, 2)})


def _card_grouping(number: str) -> bool:
    """Whole, or grouped the way cards print their numbers (4-4-4-4, 4-6-5, ...): "4096 256 512
    256" is a list of numbers."""
    groups = tuple(len(g) for g in re.split(r"[ -]", number))
    return len(groups) == 1 or groups in _CARD_GROUPINGS


def _card_number(digits: str) -> bool:
    from stdnum import luhn

    n = len(digits)
    if not 13 <= n <= 19:
        return False
    two, three, four = int(digits[:2]), int(digits[:3]), int(digits[:4])
    return luhn.is_valid(digits) and (
            digits[0] == "4" and n in (13, 16, 19)  # Visa
            or (51 <= two <= 55 or 2221 <= four <= 2720) and n == 16  # Mastercard
            or two in (34, 37) and n == 15  # American Express
            or (four == 6011 or two == 65 or 644 <= three <= 649) and n >= 16  # Discover
            or 3528 <= four <= 3589 and n >= 16  # JCB
            or (two in (36, 38, 39) or 300 <= three <= 305) and n >= 14  # Diners Club
            or two == 62 and n >= 16)  # UnionPay


# --- national identity numbers ------------------------------------------------------------------

#: what every shape's lookbehind (``_ID_LEAD``) refuses before an id, with the letters and digits (``\w`` is
#: ``str.isalnum`` and '_'): an id is never tried after one
_ID_LEAD = r"(?<![\w.,/-])"
_ID_NOT_AFTER = "_.,/-"
#: shape, validators that count alone, validators that need a word naming them
_ID_SHAPES: tuple[tuple[re.Pattern[str], tuple[str, ...], tuple[str, ...]], ...] = tuple(
    (re.compile(shape), tuple(strong.split()), tuple(weak.split()))
    for shape, strong, weak in (
        (r"(?<![\w.,/-])\d{11}(?![\w/-]|[.,]\d)", "pl.pesel ee.ik no.fodselsnummer lt.asmens tr.tckimlik gr.amka",
         "de.idnr hr.oib ua.rntrc lv.pk"),
        # a Latvian personal code as written, six digits, a hyphen and five: a birth date's (DDMMYY) or,
        # since 2017, one beginning "32"; its check digit makes it one
        (r"(?<![\w.,/-])\d{6}-\d{5}(?![\w/-]|[.,]\d)", "lv.pk", ""),
        (r"(?<![\w.,/-])\d{13}(?![\w/-]|[.,]\d)", "ro.cnp si.emso", "mk.edb"),
        (r"(?<![\w.,/-])\d{10}(?![\w/-]|[.,]\d)", "bg.egn is_.kennitala cz.rc", "dk.cpr ua.rntrc"),
        (r"(?<![\w.,/-])\d{6}[-/]\d{3,4}(?![\w/-]|[.,]\d)", "cz.rc sk.rc dk.cpr is_.kennitala", ""),
        (r"(?<![\w.,/-])\d{9}(?![\w/-]|[.,]\d)", "", "nl.bsn pt.nif gr.vat il.idnr"),
        (r"(?<![\w.,/-])\d{8}[ -]?[A-Z](?![\w/-])", "es.dni", ""),
        (r"(?<![\w.,/-])[XYZ][ -]?\d{7}[ -]?[A-Z](?![\w/-])", "es.nie", ""),
        (r"(?<![\w.,/-])[A-Z]{6}\d{2}[A-Z]\d{2}[A-Z]\d{3}[A-Z](?![\w/-])", "it.codicefiscale", ""),
        (r"(?<![\w.,/-])[12] ?\d{2} ?\d{2} ?(?:\d{2}|2[AB]) ?\d{3} ?\d{3} ?\d{2}(?![\w/-]|[.,]\d)", "fr.nir", ""),
        (r"(?<![\w.,/-])\d{6}[-+A-FU-Y]\d{3}[0-9A-Y](?![\w/-])", "fi.hetu", ""),
        (r"(?<![\w.,/-])(?:19|20)?\d{6}[-+]?\d{4}(?![\w/-]|[.,]\d)", "se.personnummer", ""),
        (r"(?<![\w.,/-])756\.?\d{4}\.?\d{4}\.?\d{2}(?![\w/-]|[.,]\d)", "ch.ssn", ""),
        (r"(?<![\w.,/-])\d{2}\.?\d{2}\.?\d{2}-?\d{3}\.?\d{2}(?![\w/-]|[.,]\d)", "be.nn", ""),
    )
)
#: ids as people group them with dots or spaces, each kind with one sign throughout ("2741.93.863" and
#: "274 193 863", a Dutch BSN; "238 471 950", a Portuguese NIF; "12.345.678-Z", a Spanish DNI; "12 345
#: 678 901", a German tax id; "010190 12345", a Norwegian birth number): counted only after a word that
#: names an id, on the value's line (their checksums pass for one number in ten or eleven, and a
#: phone or an amount is grouped so too); found from where the digits view holds the grouping
_GROUPED_ID_SHAPES: tuple[tuple[re.Pattern[str], tuple[str, ...]], ...] = tuple(
    (re.compile(shape), tuple(names.split()))
    for shape, names in (
        (r"\d{4}\.\d{2}\.\d{3}(?![\w/-]|[.,]\d)", "nl.bsn"),
        (r"\d{3}([ .])\d{3}\1\d{3}(?![\w/-]|[.,]\d|[ .]\d)", "nl.bsn pt.nif gr.vat"),
        (r"\d{2}\.\d{3}\.\d{3}[ -]?[A-Z](?![\w/-])", "es.dni"),
        (r"\d{2}([ .])\d{3}\1\d{3}\1\d{3}(?![\w/-]|[.,]\d|[ .]\d)", "de.idnr"),
        (r"\d{6} \d{4,5}(?![\w/-]|[.,]\d|[ .]\d)", "dk.cpr no.fodselsnummer"),
        # a Yugoslav JMBG (and a Slovenian EMŠO) in its logical groups: birth date, region, serial,
        # check ("2907990 71 503 6")
        (r"\d{7} \d{2} \d{3} \d(?![\w/-]|[.,]\d|[ .]\d)", "si.emso"),
    )
)
_GROUPED_ID_PREFIXES = ("0000.00.000", "000 000 000", "000.000.000", "00.000.000", "00 000 000 000", "000000 0000",
                        "0000000 00 000 0")
_GROUPED_ID_PREFIX_BYTES = tuple(p.encode() for p in _GROUPED_ID_PREFIXES)
#: a date of birth and a serial: YYMMDD, then '/', '-' or '+' and three or four digits
_BIRTH_NUMBER = re.compile(r"\d{6}[-/+]\d{3,4}")
_POSSESSIVE_BEFORE = re.compile(rf"(?<![\w])(?:{lex(POSSESSIVES)}|mitt|mit|mina|mío|mia|meu|minun|mano|mans)[ \t]+$")


#: a numbering the number belongs to, said before it: a version's, a build's, a ticket's
_NUMBERING_BEFORE = re.compile(r"(?<![\w])(?:version|verzia|verze|wersja|versione|versión|versão|versie|verzió|build|"
                               r"release|ticket|ref|job|run|invoice|order|číslo|cislo|čísla|nummer|number|numer|numéro|"
                               r"numero|número|no|nr|č)\.?(?:[ \t]+\S+){0,3}?[ \t:#]*$")


#: what numbers runs, jobs, builds and requests, said just before a bare number (an id's checksum
#: passes for one number in ten or eleven: a run's number is none the less a run's)
_RUN_NUMBER_BEFORE = re.compile(rf"(?<![\w])(?:{JOB_ID_LABELS}|jobs|run|runs|run id|build|builds|pipeline|workflow|"
                                r"task|attempt|request|transfer|transaction|lauf|exécution|esecuzione|ejecución|"
                                r"execução|zadanie|úloha|feladat|iş|görev)(?:[ \t]+(?:id|no\.?|nr\.?|number|#))?"
                                r"[ \t]*[:#=]?[ \t]*#?$")


def _born_on_a_day(value: str) -> bool:
    """Do the first six digits read as a day (the month may carry +50 for a woman, +20 or +70 when a
    day's numbers ran out, as Czech and Slovak birth numbers do)?"""
    month, day = int(value[2:4]), int(value[4:6])
    return (1 <= month % 50 <= 12 or 21 <= month % 50 <= 32) and 1 <= day <= 31


#: an abbreviation may carry its inflection after a hyphen or an apostrophe ("CNP-ul", "TC'm",
#: "AMKA-s")
_ID_WORD = Lexicon(ID_WORDS, template=r"(?<![\w'-])(?:{body})(?:[-'’][^\W\d_]{1,6})?(?![\w-])")
#: between the word and its number, a few words and a verb: "rodné číslo pro registraci je",
#: "Ο ΑΜΚΑ μου είναι", "CNP-ul meu este", "my passport number for the booking is"
_ID_SAID = re.compile(rf"\.?(?:[ \t]+(?:[^\W\d_]{{1,20}}|\([^\W\d_]{{1,10}}\))){{0,4}}?[ \t]+(?:{lex(COPULAS)})(?!\w)[ \t]*:?")
#: or a few words (whose document), a dash or a colon, then a verb or two saying it was written
#: somewhere ("numer dokumentu tożsamości – wpisaliśmy RF4729183", "Ausweisnummer: eingetragen
#: haben wir CZ1234567"), then a document's number: capitals and five to nine digits (an Italian
#: card's two closing capitals too: "CA12345AB")
_ID_ENTERED = re.compile(r"(?:[ \t]+[^\W\d_][\w'’]{0,20}){0,3}[ \t]*(?:[:–—]|-(?=[ \t]))[ \t]*"
                         r"(?:[^\W\d_][\w'’]{1,20}[ \t]*:?[ \t]+){0,3}"
                         r"(?P<value>[A-Z]{1,3}[ -]?\d{5,9}(?:[A-Z]{1,2})?)(?![\w-])")
#: a short aside between the verb and the number: "ist bei mir", "is for me", "jest u mnie", "est chez moi"
_ASIDE_WORDS = re.compile(r"[ \t]*[^\W\d_]{2,5}(?:[ \t]+[^\W\d_]{2,5})?[ \t]*:?(?=[ \t]*\d)")
#: or, in the next sentence, "mine is" ("... your CNP. Al meu este 1840...", "Mine is ...")
_MINE_NEXT = re.compile(rf"[^.!?\n]{{0,100}}[.!?][ \t]+(?:{lex(MINE_IS)})(?!\w)[ \t]*:?")
#: or a few words saying what it is for, then a colon: "Personnummer för behörighetsansökan:",
#: "Henkilötunnus pääsykorttia varten:", "PESEL do umowy:", "adóazonosító jelet, az enyém:", "NIF
#: pessoal; confirmei:"
#: or a dash after a verb saying who asked for it: "meine Sozialversicherungsnummer verlangt – 1289
#: 150679", "my PESEL, as HR asked — 85..." (a dash standing apart, not a compound's hyphen)
_ID_FOR = re.compile(r",?(?:[,;]?[ \t]+[^\W\d_]{1,25}){1,5}?[ \t]*(?::|[–—]|-(?=[ \t]))")
#: (a table's cell bar between them too: an HTML table is read one row to a line, "Versichertennr. | T482139074 |")
_ID_VALUE = re.compile(
    r"[\s:՝#.,()№nNoº°|-]{0,8}(?:(?:nr|no|number|nummer|numer|numero|numéro|número|číslo|szám|numaram|numarası|numarasi|αρ)\.?[\s:#.]{0,3})?"
    r"(?P<value>(?:[A-Z]{1,3}[ -]?)?\d[\d ./-]{3,20}\d(?:[ -]?[A-Z](?![\w-]))?|(?=[^\W_]{0,4}[ -]?\d)[^\W_]{1,4}[ -]?\d[\dA-Z<-]{3,16}|[A-Z0-9]{6,12})(?![\w-])"
)
#: a document's series and number after its word: "паспорт серія АВ № 123456", "паспорт серия 45 06
#: № 123456", "διαβατήριο αριθμός ΑΒ1234567", "пасош број 012345678" (letters of any script: the
#: view folds only the look-alikes of Latin letters)
_SERIES_WORDS = r"серия|серії|серія|серію|серија|серии|series|serie|série|seria|serija|σειρά|σειράς|seri|sorozat"
_NUMBER_WORDS = (r"no|nr|n|номер|номера|номеру|број|бр|broj|br|αριθμός|αριθμό|αριθ|αρ|number|nummer|numer|"
                 r"numéro|número|numero|číslo|szám|numara|numarası")
_ID_SERIES = re.compile(
    rf"[\s:,.()-]{{0,4}}(?:(?:(?:{lex(_SERIES_WORDS)})[\s:.]{{0,3}})?(?P<series>[^\W\d_]{{1,3}}(?:[ -]?\d{{2}}[ ]?\d{{2}})?|"
    rf"\d{{2}}[ ]?\d{{2}}|\d{{1,4}})[\s,-]{{0,3}})?(?:(?:{lex(_NUMBER_WORDS)})\.?[\s:#.]{{0,3}})?"
    rf"(?P<value>(?:[^\W\d_]{{1,3}}[ -]?)?\d[\d ]{{4,12}}\d)(?![\w-])")
#: a few more words after the id word (a parenthesis, a question, a purpose: "(ідентифікаційний
#: код)", "elettronica", "für die Abrechnung der Reisekosten zum EGI-Workshop", "? Proszę"), then
#: what joins a value to them (a copula, "n.", "no", "ná", "הוא", a colon), read in the lower-cased view;
#: the words are apart (a space or a sign between): a word read as several, every way of cutting it
#: tried when no link follows, cost a millisecond a word of the id's kind
_ID_LATER = re.compile(
    rf"\.?(?:[ \t]*,?[ \t]*\([^()\n]{{1,30}}\)|(?:[ \t]+[,(?]?|[,(?])[ \t]*[^\W\d_][\w'’-]{{0,24}}\)?){{0,8}}?[ \t]*"
    rf"(?:(?:{lex(ID_LINKS)})(?![\w])\.?|:)[ \t:#]*(?:(?:{lex(ID_LINKS)})(?![\w])\.?[ \t:#]*)?(?=(?:[a-z]{{1,3}}[ -]?)?\d)")
#: the value: groups of capitals and digits joined by a space, '-', '/' or '.' ("53 140679 M 018",
#: "14729385 4 ZX7", "RX 582913", "4-3827195"), five digits at least (counted by the caller)
_ID_GROUPS = re.compile(
    r"(?P<value>(?:[A-Z]{1,3}[ -]?)?\d[\dA-Z]*(?:[ ./-](?:[\dA-Z]*\d[\dA-Z]*|[A-Z]{1,3}(?![\w-])))*)(?![\w-])")
#: a date is no id number ("the ID card system was down on 2024-05-01", "passport, issued: 12/05/2021")
_A_DATE = re.compile(r"(?:19|20)\d\d[-/.]\d\d?[-/.]\d\d?|\d\d?[-/.]\d\d?[-/.](?:19|20)?\d\d")
#: id words too common in other senses for the longer reach ("pass", "passi", "pasas", "patente")
_ID_SHORT_REACH = frozenset({"pass", "passi", "pasas", "pase", "insee", "patente", "psp"})
#: a residence permit's case number, after the permit's word: "uppehållstillstånd från
#: Migrationsverket, ärendenummer 4-3827195"
_CASE_NUMBER = re.compile(rf"[^\n.!?]{{0,80}}?(?<![\w])(?:{lex(CASE_NUMBER_WORDS)})(?![\w])[ \t:#.]*(?:(?:{lex(ID_LINKS)})(?![\w])\.?[ \t:#]*)?")
_RESIDENCE = re.compile(lex(
    r"residence|soggiorno|aufenthalt|séjour|residencia|residência|verblijf|pobyt|pobytu|tartózkodási|"
    r"uppehållstillstånd|opholdstilladelse|oppholdstillatelse|oleskelulupa|elamisluba|gyventi|uzturēšanās|"
    r"ședere|oturma|ikamet|διαμονής|жительство|проживання|пребиваване|boravišna|boravka|prebivanje|dvalarleyfi|ישיבה|שהייה"))


@cache
def _validator(name: str):
    return importlib.import_module(f"stdnum.{name}")


#: validators whose numbers include a temporary range the library refuses by default: a Finnish
#: identity code with the individual number 900 to 999 ("070393-924R") is given to a person not
#: yet in the register (a visiting researcher), and is still that person's
_TEMPORARY_TOO = frozenset({"fi.hetu"})


@lru_cache(maxsize=8192)
def _valid(value: str, names: tuple[str, ...]) -> bool:
    for name in names:
        try:
            if name == "lv.pk":  # a person's code, not a company's VAT number (its first digit 4 or more)
                if value.replace("-", "")[:1] in "0123" and _validator("lv.pvn").is_valid(value):
                    return True
                continue
            if name in _TEMPORARY_TOO:
                _validator(name).validate(value, allow_temporary=True)
                return True
            if _validator(name).is_valid(value):
                return True
        except Exception:  # noqa: BLE001  a validator that cannot read the shape: not this kind of number
            continue
    return False


#: where a national id may be, in the digits-as-'0' copy: seven digits in a row, six and a
#: separator and three, or the Belgian, Swiss and French groupings (each search led by a long
#: literal, which Python's re finds fast)
_DIGIT_RUN = (r"0000000", r"000000[-/+A-Z]000", r"00\.00\.00-?000\.?00", r"000\.0000\.0000\.00", r"0 00 00 [0AB]{2}")
#: what every match of each begins with
_DIGIT_RUN_PREFIX = ("0000000", "000000", "00.00.00", "000.0000.0000.00", "0 00 00 ")
_DIGIT_RUNS = tuple(zip((re.compile(p) for p in _DIGIT_RUN), _DIGIT_RUN_PREFIX))
_DIGIT_RUNS_BYTES = tuple(zip((re.compile(p.encode()) for p in _DIGIT_RUN), (p.encode() for p in _DIGIT_RUN_PREFIX)))
_CODICE_FISCALE = re.compile(rb"[a-z]{6}[0-9]{2}[a-z][0-9]{2}[a-z][0-9]{3}[a-z]")
_CODICI_FISCALI = WordClass(lambda w: len(w) == 16 and _CODICE_FISCALE.fullmatch(w) is not None)


#: a UK National Insurance number: two letters, six digits in pairs, a letter (its own shape)
_NINO = re.compile(r"(?<![\w-])[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z] ?\d{2} ?\d{2} ?\d{2} ?[A-D](?![\w-])")
#: where one may be: a word "ab123456c" (lower-cased), or its digits spaced in pairs or standing
#: alone, in the digits-as-'0' copy (literal-led searches)
_NINO_WORD = re.compile(rb"[a-z]{2}[0-9]{6}[a-d]?")
_NINO_WORDS = WordClass(lambda w: 8 <= len(w) <= 9 and _NINO_WORD.fullmatch(w) is not None)
_NINO_DIGIT = ("00 00 00", "000000 ")
_NINO_DIGITS = tuple((re.compile(p), p) for p in _NINO_DIGIT)
_NINO_DIGITS_BYTES = tuple((re.compile(p.encode()), p.encode()) for p in _NINO_DIGIT)


#: a label of a person's birth date or number glued into a token with its value, as file names and
#: sample labels carry them ("donor=OLIVER_GRANT_DOB_1983-06-19_NHS_9434765919"): the whole token
_GLUED_LABELS = ("dob", "birth", "born", "nhs", "ssn", "pesel", "bsn", "cpr", "nino", "amka")
_GLUED_LABEL = re.compile(rf"[^\s\"'<>=:,;]*(?<![^\W\d_])(?:{'|'.join(_GLUED_LABELS)})[_.-]?\d[\d_.-]{{5,}}[^\s\"'<>,;]*",
                          re.IGNORECASE)
#: (the labels, as the text's words: a text with none of them is not searched)
_GLUED_LABEL_WORDS = WordClass(frozenset(w.encode() for w in _GLUED_LABELS))


def glued_labels(t: Text) -> Iterator[Finding]:
    """A token that carries a birth date's or an identity number's label and its value glued
    together with '_' or '-': the token names a person."""
    if not t.has_digit or not _GLUED_LABEL_WORDS.among(t.words):
        return
    for m in _GLUED_LABEL.finditer(t.text):
        yield Finding("personal.glued-label", PERSONAL, m.start(), m.end())


#: a person's name in brackets after their number: "ЕМБГ 1205985450012 (Марија Стојановска)"
_NAME_IN_BRACKETS = re.compile(r"[ \t]*[(\[][ \t]*(?P<name>[^\W\d_][^\W\d_'’.-]+(?:[ \t]+[^\W\d_][^\W\d_'’.-]+){1,3})[ \t]*[)\]]")


def national_ids(t: Text) -> Iterator[Finding]:
    """Identity numbers (see the module's docstring), with the name of their holder when it
    follows in brackets: the number and the name are one person's record."""
    for f in _identity_numbers(t):
        m = _NAME_IN_BRACKETS.match(t.text, f.end)
        yield Finding(f.rule, f.category, f.start, m.end()) if m and all(
            w[0].isupper() for w in m.group("name").split()) else f


#: an identity card's number of three letters and six digits, the first digit checking the rest
#: (the Polish "dowód osobisty": "CBA748213"): read only in a text that names an identity document
_CARD_WORD = re.compile(rb"[a-z]{3}[0-9]{6}")
_CARD_WORDS = WordClass(lambda w: len(w) == 9 and _CARD_WORD.fullmatch(w) is not None)
_CARD_NUMBER = re.compile(r"(?<![\w-])[A-Z]{3}[ ]?\d{6}(?![\w-])")


def _polish_card(value: str) -> bool:
    """The check digit of a Polish identity card: weights 7 3 1 9 7 3 1 7 3, letters read A=10,
    the fourth character (weight 9) the check."""
    value = value.replace(" ", "")
    numbers = [ord(c) - 55 if c.isalpha() else int(c) for c in value]
    return sum(w * n for w, n in zip((7, 3, 1, 0, 7, 3, 1, 7, 3), numbers)) % 10 == numbers[3]


def _identity_cards(t: Text) -> Iterator[Finding]:
    if not _CARD_WORDS.among(t.words) or not _ID_WORD.present(t) and t.ascii:
        return
    for m in _CARD_NUMBER.finditer(t.text):
        if _polish_card(m.group()) and _ID_WORD.pattern.search(t.low, max(0, m.start() - 300), m.start()):
            yield Finding("personal.national-id", PERSONAL, m.start(), m.end())


#: a German pension insurance number (Rentenversicherungsnummer) as its card prints it: area,
#: birth date (DDMMYY), the birth name's initial, serial and check digit ("12 240785 K 514"); in
#: the digits copy, where it may begin
_RVNR = re.compile(r"00 ?000000 ?[A-Z] ?000")
_RVNR_BYTES = re.compile(rb"00 ?000000 ?[A-Z] ?000")
_RVNR_VALUE = re.compile(r"(\d{2})( ?)(\d{6})\2([A-Z])\2(\d{3})(?![\w/-]|[.,]\d)")
#: a European health insurance card's number (EHIC, TEAM, EKVK, EKUZ, CEAM): '80', the country's
#: numeric code and fifteen digits, Luhn's check last, printed in groups of five
_EHIC = re.compile(r"00000( ?)00000\1 ?00000\1 ?00000")
_EHIC_BYTES = re.compile(rb"00000( ?)00000\1 ?00000\1 ?00000")
_EHIC_VALUE = re.compile(r"80\d{3}( ?)\d{5}\1\d{5}\1\d{5}(?![\w/-]|[.,]\d)")
_EHIC_WORD = re.compile(lex(r"ehic|ekvk|ekuz|ceam|tse|cesd|eekk|epzp|ezok|ekzz|ekzo|esdk|evak|"
                            r"ceass|εκαα|езок|health insurance card|krankenversicherungskarte|"
                            r"carte européenne d'assurance maladie|tessera europea|tarjeta sanitaria europea|"
                            r"karta ubezpieczenia|průkaz zdravotního pojištění|zorgpas|sjukförsäkringskort|"
                            r"sygesikringskort|sairaanhoitokortti|egészségbiztosítási kártya") + r"(?![\w])")


def _rvnr_valid(area: str, born: str, initial: str, serial: str) -> bool:
    """The check digit of a German pension insurance number: the initial read as its place in the
    alphabet (two digits), weights 2 1 2 5 7 1 2 1 2 1 2 1, each product's digit sum, mod 10; the
    birth date's day and month real."""
    day, month = int(born[:2]), int(born[2:4])
    if not (1 <= day <= 31 and 1 <= month <= 12):
        return False
    digits = [int(c) for c in area + born + f"{ord(initial) - 64:02d}" + serial[:2]]
    total = sum(sum(divmod(w * d, 10)) for w, d in zip((2, 1, 2, 5, 7, 1, 2, 1, 2, 1, 2, 1), digits, strict=True))
    return total % 10 == int(serial[2])


def _insurance_numbers(t: Text) -> Iterator[Finding]:
    """A German pension insurance number and a European health insurance card's number: found in
    their printed groups with a valid check digit, or joined with a word naming them in the paragraph."""
    text, digits_view = t.text, t.digits
    as_bytes = isinstance(digits_view, bytes)
    for start in starts_from(_RVNR_BYTES if as_bytes else _RVNR, b"00" if as_bytes else "00", digits_view):
        if start and (text[start - 1].isalnum() or text[start - 1] in _ID_NOT_AFTER):
            continue
        m = _RVNR_VALUE.match(text, start)
        if m and _rvnr_valid(m.group(1), m.group(3), m.group(4), m.group(5)) and (
                m.group(2) or _named_in_paragraph(t, start)):
            yield Finding("personal.national-id", PERSONAL, m.start(), m.end())
    for start in starts_from(_EHIC_BYTES if as_bytes else _EHIC, b"00000" if as_bytes else "00000", digits_view):
        if start and (text[start - 1].isalnum() or text[start - 1] in _ID_NOT_AFTER):
            continue
        m = _EHIC_VALUE.match(text, start)
        if m is None or not _card_luhn(m.group().replace(" ", "")):
            continue
        if m.group(1) or _EHIC_WORD.search(t.low, max(0, start - 200), start) \
                or text.find("TEAM", max(0, start - 200), start) >= 0:  # Italian "TEAM", in capitals
            yield Finding("personal.national-id", PERSONAL, m.start(), m.end())


def _card_luhn(digits: str) -> bool:
    from stdnum import luhn
    return luhn.is_valid(digits)


def _identity_numbers(t: Text) -> Iterator[Finding]:
    yield from _identity_cards(t)
    if t.has_digit:
        yield from _insurance_numbers(t)
    text, low = t.text, t.low
    m: re.Match[str] | None
    digits_view = t.digits
    as_bytes = isinstance(digits_view, bytes)
    ninos = [p for w in _NINO_WORDS.among(t.words) for p in t.positions(w.decode())]
    ninos += [p for pattern, prefix in (_NINO_DIGITS_BYTES if as_bytes else _NINO_DIGITS)
              for p in starts_from(pattern, prefix, digits_view)]
    for p in ninos:
        lo, hi = max(0, p - 3), p + 16
        if text[lo:hi] == low[lo:hi]:
            continue  # no capital letter, as a NI number's two letters are (most windows: a number in prose)
        for m in _NINO.finditer(text, lo, hi):
            yield Finding("personal.national-id", PERSONAL, m.start(), m.end())
    starts = []
    runs = sorted({p for pattern, prefix in (_DIGIT_RUNS_BYTES if as_bytes else _DIGIT_RUNS)
                   for p in starts_from(pattern, prefix, digits_view)})
    for run in runs:
        if text[run - 1:run] in (".", ",", "/"):
            continue  # inside a reference, a path, a decimal number: no id starts here
        starts.append(run)  # an id starts with its digits, or with a letter or two before them
        starts += [p for p in (run - 1, run - 2) if p >= 0 and text[p] in "XYZ"]
    starts += [p for w in _CODICI_FISCALI.among(t.words) for p in t.positions(w.decode())]
    for start in starts:
        if start and (text[start - 1].isalnum() or text[start - 1] in _ID_NOT_AFTER):
            continue  # every shape's lookbehind fails (digits inside a word: a commit id, a host name)
        for pattern, strong, weak in _ID_SHAPES:
            m = pattern.match(text, start)
            if m is None:
                continue
            value = m.group()
            if _organisations_number(text, low, m.start()):
                continue
            if value.isdigit() and _RUN_NUMBER_BEFORE.search(low, max(0, m.start() - 30), m.start()):
                continue  # "run 9412233801", "job #4418230571": a run's or a job's number, its digits anyone's
            if strong and _valid(value, strong):
                yield Finding("personal.national-id", PERSONAL, m.start(), m.end())
            elif weak and (_named_before(t, m.start()) or _named_in_paragraph(t, m.start())) and _valid(value, weak):
                yield Finding("personal.national-id", PERSONAL, m.start(), m.end())
            elif _BIRTH_NUMBER.fullmatch(value) and _born_on_a_day(value) and (
                    "/" in value and not _NUMBERING_BEFORE.search(low, max(0, m.start() - 40), m.start())
                    or _POSSESSIVE_BEFORE.search(low, max(0, m.start() - 12), m.start())):
                # a birth number as Czech and Slovak write it (a slash after the date), or one said to
                # be someone's ("Mitt 850612-2398"), its check digit mistyped: still a person's number
                yield Finding("personal.national-id", PERSONAL, m.start(), m.end())
    if _ID_WORD.present(t):
        yield from _grouped_ids(t)
    for word in _ID_WORD.present(t):
        for pos in t.word_positions(word):
            m = _ID_WORD.phrase_at(low, word, pos)
            if not m or _organisations_label(text, low, m.start(), m.end()):
                continue
            v = _ID_VALUE.match(text, m.end(), min(len(text), m.end() + 60))
            if v and sum(c.isdigit() for c in v.group("value")) >= 4:
                yield Finding("personal.id-number", PERSONAL, *v.span("value"))
            said = _ID_SAID.match(low, m.end(), min(len(low), m.end() + 120)) \
                or _ID_FOR.match(low, m.end(), min(len(low), m.end() + 90)) \
                or _MINE_NEXT.match(low, m.end(), min(len(low), m.end() + 160))
            entered = _ID_ENTERED.match(text, m.end(), min(len(text), m.end() + 80))
            if entered:  # "numer dokumentu tożsamości – wpisaliśmy RF4729183"
                yield Finding("personal.id-number", PERSONAL, *entered.span("value"))
            if said:  # a number said to be the id: six digits at least, as ids have
                v = _ID_VALUE.match(text, said.end(), min(len(text), said.end() + 60))
                aside = v is None and _ASIDE_WORDS.match(low, said.end(), min(len(low), said.end() + 16))
                if aside:  # "Personalnr. ist bei mir 00481723", "is for me 004812"
                    v = _ID_VALUE.match(text, aside.end(), min(len(text), aside.end() + 40))
                if v and sum(c.isdigit() for c in v.group("value")) >= 6:
                    yield Finding("personal.id-number", PERSONAL, *v.span("value"))
            if len(m.group()) >= 4 and m.group() not in _ID_SHORT_REACH:
                later = _ID_LATER.match(low, m.end(), min(len(low), m.end() + 110))
                v = later and _ID_GROUPS.match(text, later.end(), min(len(text), later.end() + 40))
                if v and sum(c.isdigit() for c in v.group("value")) >= 5 and not _A_DATE.fullmatch(v.group("value")):
                    yield Finding("personal.id-number", PERSONAL, *v.span("value"))
                if _RESIDENCE.search(m.group()):
                    case = _CASE_NUMBER.match(low, m.end(), min(len(low), m.end() + 160))
                    v = case and _ID_GROUPS.match(text, case.end(), min(len(text), case.end() + 40))
                    if v and sum(c.isdigit() for c in v.group("value")) >= 5:
                        yield Finding("personal.id-number", PERSONAL, *v.span("value"))
            series = _ID_SERIES.match(low, m.end(), min(len(low), m.end() + 60))
            if series:
                yield Finding("personal.id-number", PERSONAL, series.start("series") if series.group("series")
                              else series.start("value"), series.end("value"))
    if t.has_digit and _PASSPORT_WORDS.among(t.words):
        for m in _PASSPORT_WORD.finditer(low):  # "паспорт ... для виїзду за кордон FE482917"
            v = _PASSPORT_NUMBER.match(text, m.end(), min(len(text), m.end() + 90)) \
                or _PASSPORT_DIGITS.match(text, m.end(), min(len(text), m.end() + 40))
            if v:
                yield Finding("personal.id-number", PERSONAL, *v.span("value"))
    if "<<" in text:
        yield from _mrz_in_lines(text)


#: the rest of a person's number wrapped onto the next line, a quote's marks before it ("> N° INSEE :
#: 1 92 03 13" then "> 055 187 92"): that line holds digit groups and nothing else
_WRAPPED_GROUPS = re.compile(r"[ \t]*\n[ \t>|]*(?P<rest>\d{1,6}(?:[ \t.-]\d{1,6}){0,5})[ \t]*(?=\n|$)")
#: the rules of a person's number read after its label or under its column
_WRAPPING_RULES = frozenset({"personal.id-number", "personal.national-id", "personal.column"})


def wrapped_numbers(text: str, found: Iterable[Finding]) -> list[Finding]:
    """A person's number found on its label's line whose digit groups go on at the next line's start
    (a mail's line wrapped, then quoted): the number whole, over the line break and the quote's marks
    (the audit, which reads the page line by line, would see the rest alone)."""
    out = []
    for f in found:
        if f.rule not in _WRAPPING_RULES or "\n" in text[f.start:f.end]:
            continue
        value = text[f.start:f.end]
        if not value[-1:].isdigit() or sum(c.isdigit() for c in value) < 4 or set(value) - set("0123456789 .-/"):
            continue
        m = _WRAPPED_GROUPS.match(text, f.end)
        if m and sum(c.isdigit() for c in value + m.group("rest")) <= 24:
            out.append(Finding(f.rule, f.category, f.start, m.end("rest")))
    return out


def _grouped_ids(t: Text) -> Iterator[Finding]:
    """Ids grouped with dots or spaces (``_GROUPED_ID_SHAPES``) after a word naming an id on their line."""
    text, digits_view = t.text, t.digits
    starts = set()
    for prefix in _GROUPED_ID_PREFIXES if isinstance(digits_view, str) else _GROUPED_ID_PREFIX_BYTES:
        i = digits_view.find(prefix)  # type: ignore[arg-type]
        while i >= 0:
            starts.add(i)
            i = digits_view.find(prefix, i + 1)  # type: ignore[arg-type]
    for start in sorted(starts):
        if start and (text[start - 1].isalnum() or text[start - 1] in "_.,/-+"
                      or text[start - 1] in " ." and text[start - 2:start - 1].isdigit()):
            continue  # inside a longer number ("1 000 000 000"), a reference, a path
        for pattern, names in _GROUPED_ID_SHAPES:
            m = pattern.match(text, start)
            if m and _valid("".join(c for c in m.group() if c.isalnum()), names) and _named_before(t, start, 200):
                yield Finding("personal.national-id", PERSONAL, m.start(), m.end())
                break


#: a line of a machine-readable zone standing among other words (a table's cell: "| scan |
#: P<D<<KESSLER<<ANNIKA<MARIE<<<<<<<<<<<<<<<<<< |"): a run of capitals, digits and '<' fillers
_MRZ_RUN = re.compile(r"[A-Z0-9<]{26,46}")


def _mrz_like(zone: str) -> bool:
    """Is a run of ``[A-Z0-9<]`` a zone's line? A name's line begins with its document's kind ("P<",
    "ID", "AC"); a number's line has digits (its birth and expiry dates); not a row of fillers or
    arrows alone."""
    return sum(c.isalnum() for c in zone) >= 8 and (
        zone[:1] in "PIACV" and (zone[1:2] == "<" or zone[1:2].isupper()) or sum(c.isdigit() for c in zone) >= 6)


def _mrz_in_lines(text: str) -> Iterator[Finding]:
    i = text.find("<<")
    while i >= 0:
        start = i
        while start > 0 and (text[start - 1] in "<" or text[start - 1].isascii()
                             and (text[start - 1].isupper() or text[start - 1].isdigit())):
            start -= 1
        m = _MRZ_RUN.match(text, start)
        end = m.end() if m else i + 2
        if m and (end == len(text) or not (text[end].isalnum() or text[end] in "<_-")) and \
                (start == 0 or not (text[start - 1].isalnum() or text[start - 1] in "_-")) and _mrz_like(m.group()):
            yield Finding("personal.mrz", PERSONAL, start, end)
        i = text.find("<<", max(end, i + 2))


#: a passport's word (any case ending) and, a few words later in its sentence, a number of a
#: passport's shape: a letter or two and six to eight digits ("FE482917", "EA 1234567")
_PASSPORT_WORD = re.compile(rf"(?<![\w])(?:{lex(PASSPORT_WORDS)})\w*")
#: (what each of those words holds, looked for first: most texts name no passport)
_PASSPORT_STEMS = tuple(sorted({fold(w)[:5].strip().encode() for w in PASSPORT_WORDS.split("|")}))
#: ... as the view's words that begin with one (a word is judged once, not every text searched 21 times)
_PASSPORT_WORDS = WordClass(lambda w: w.startswith(_PASSPORT_STEMS))
#: (a two-letter word's dot, "Nr.", "No.", does not end the sentence)
_PASSPORT_NUMBER = re.compile(r"(?:[^\n.!?]|(?<![\w][\w][\w])(?<=[A-Za-z]{2})\.){0,80}?(?<![\w-])"
                              r"(?P<value>[A-Z]{1,2}[ ]?\d{6,8})(?![\w-])")
#: a passport's number of digits only, right after its "Nr." ("paso Nr. 23456789": Lithuania's,
#: Estonia's and others have no letters)
_PASSPORT_DIGITS = re.compile(r"[ \t]*(?:(?:nr|no|n°|number|numer|numero|número|nummer|numeris|numurs|numbriga|"
                              r"číslo|č)(?![\w]))?\.?[ \t]*:?[ \t]*(?P<value>\d{7,9})(?![\w,/-]|\.\d)", re.IGNORECASE)
#: the tax and registry numbers that organisations have too ("NIP", "NIF", "ΑΦΜ", "adószám", "VAT")
_TAX_LABEL = re.compile("(?:%s)" % lex(r"nip|nif|cif|αφμ|afm|α\.φ\.μ\.?|davčna št\.?|davčna številka|adószám|adoszam|vat(?: no| number| id)?|"
                                        r"p\. ?iva|partita iva|ust-?idnr|steuernummer|tax (?:number|id)|"
                                        r"vergi (?:no|numarası)|ičo|ico|dič|oib"))
#: a word naming an organisation, by its stem ("Tudományegyetem", "instytutu", "Universitat")
_ORGANISATION_STEM = re.compile(lex(
    r"univers|uniwersytet|univerzit|egyetem|yliopisto|ülikool|πανεπιστ|университет|університет|institu|"
    r"instytut|intézet|ινστιτούτ|институт|інститут|istitut|akadem|academ|politechn|politécn|hochschule|"
    r"uczeln|fakult|facult|laborator|zentrum|centre|center|centro|centrum|foundation|stiftung|fundac|"
    r"gmbh|ministr|agenc|konsorc|consorz|consorti|company|firma|společnost|spółk|társaság|"
    # research facilities: "Deutsches Elektronen-Synchrotron DESY", "Osservatorio ...", "... Reactor Centre"
    r"synchrotr|sincrotr|accelerat|beschleunig|acceleratore|observat|osservat|sternwart|collider|"
    r"rechenzentr|datacent|reaktor|reactor|"
    # a research centre's or an institute's compound: "Kutatóközpont", "laskentakeskus", "Fyzikální ústav"
    r"központ|kutató|keskus|tutkimus|ústav"))
#: an organisation's acronym just before the label ("AGH, NIP ...", "ΑΠΘ, ΑΦΜ ...", "НАН України, код")
_ACRONYM_BEFORE = re.compile(r"(?<![\w])[^\W\d_a-zà-ÿα-ωа-яіїє]{3,}[ \t]*,[ \t]*$")


def _organisations_label(text: str, low: str, start: int, end: int) -> bool:
    """Is the tax or registry label at ``start:end`` an organisation's: an organisation named on
    its line before it ("Universitat de Barcelona, NIF ...", "AGH, NIP ...") or just after it
    ("NIP instytutu")? (A person's tax number has the person's name there.)"""
    if not _TAX_LABEL.fullmatch(low, start, end):
        return False
    line_start = max(low.rfind("\n", 0, start) + 1, start - 100)
    # (in the label's own clause: "fakultet ne pokriva troškove, pa neka račun glasi na mene: Tena
    # Horvat, OIB ..." names a faculty in a clause before the colon, and the number is the person's)
    clause = max(low.rfind(":", line_start, start), low.rfind(";", line_start, start))
    if clause >= 0 and any(c.isalpha() for c in low[clause + 1:start]):
        line_start = clause + 1
    acronym = _ACRONYM_BEFORE.search(text, line_start, start)
    return bool(_ORGANISATION_STEM.search(low, line_start, start) or _ORGANISATION_STEM.search(low, end, end + 16)
                or acronym and any(c.isupper() for c in acronym.group()))


def _organisations_number(text: str, low: str, start: int) -> bool:
    """Is the number at ``start`` after an organisation's tax or registry label (``_organisations_label``)?"""
    lo = max(0, start - 24)
    for m in _TAX_LABEL.finditer(low, lo, start):
        if not low[m.end():start].strip(" :#.\t") and _organisations_label(text, low, m.start(), m.end()):
            return True
    return False


def _named_before(t: Text, start: int, reach: int = 50) -> bool:
    """Does a word naming an id stand before ``start`` on its line (50 characters at most)? In
    an ASCII text, only if the text has one of the words' anchors (each of their ASCII spellings
    has one, a test checks): the search tries the whole list at every character."""
    if t.ascii and not _ID_WORD.present(t):
        return False
    low = t.low
    return bool(_ID_WORD.pattern.search(low, max(0, low.rfind("\n", 0, start) + 1, start - reach), start))


#: how far back in its paragraph a word naming an id is looked for, for a number whose check digit
#: passes: "vroeg HR om mijn BSN – ik weet niet waarom dat nodig is, maar ... : 174839261" (the
#: check passes for one number in eleven: with the word in the paragraph, the number is the id)
_PARAGRAPH_REACH = 300


def _named_in_paragraph(t: Text, start: int) -> bool:
    """Does a word naming an id (not one of the words common in other senses) stand before
    ``start`` in its paragraph, ``_PARAGRAPH_REACH`` characters at most?"""
    if t.ascii and not _ID_WORD.present(t):
        return False
    low = t.low
    lo = max(0, low.rfind("\n\n", 0, start) + 2, start - _PARAGRAPH_REACH)
    return any(m.group().split("-")[0].split("'")[0] not in _ID_SHORT_REACH for m in _ID_WORD.pattern.finditer(low, lo, start))


# --- licence plates ------------------------------------------------------------------------------

_PLATE_WORD = Lexicon(PLATE_WORDS)
#: the words between the word and the plate, then the plate: groups of capitals and digits
#: joined by a space or a hyphen, two digits and a letter at least ("(Kennzeichen KA-MW 4711)",
#: "nr rej. KR 4821X", "Kenteken van de monteur: XK-482-B", "Kenteken van mijn auto (voor de
#: vergunning): K-917-PH")
_PLATE = re.compile(r"(?:[ \t]+\(?[^\W\d_]{1,20}[),]?){0,8}?[ \t]*[:՝]?[ \t]*(?:(?:is|ist|est|je)[ \t]+)?"
                    r"(?P<plate>(?=[A-Z0-9 -]{0,10}\d[A-Z0-9 -]{0,10}\d)(?=[A-Z0-9 -]{0,10}[A-Z])"
                    r"[A-Z0-9]{1,5}(?:[ -][A-Z0-9]{1,5}){0,3})(?![\w-])")


_WEAK_PLATE_WORD = Lexicon(WEAK_PLATE_WORDS)
_OWN_CAR = Lexicon(OWN_CAR_WORDS)
_VEHICLE = Lexicon(VEHICLE_WORDS)
#: a plate after a weak word: its groups of capitals and digits, letters and digits both in it, a
#: hyphen or a space between two groups at least or letters and digits mixed ("GH-482-KT", "WX 4821K")
_WEAK_PLATE = re.compile(r"(?:[ \t]+\(?[^\W\d_]{1,20}[),]?){0,6}?[ \t]*[:՝]?[ \t]*(?:(?:is|ist|est|è|es|é|je|jest|to|on|är|er)[ \t]+)?"
                         r"(?P<plate>(?=[A-Z0-9 -]{0,10}\d)(?=[A-Z0-9 -]{0,10}[A-Z])"
                         r"[A-Z0-9]{1,4}(?:[ -][A-Z0-9]{1,5}){1,3}|[A-Z]{1,3}\d{3,5}[A-Z]{0,3}|\d{1,4}[A-Z]{2,3}\d{0,4})(?![\w-])")


#: the plate right after one's own car's words: an "is" at most between ("moj auto je ZG 4417-KT")
_OWN_CAR_PLATE = re.compile(r"[ \t]*[:,]?[ \t]*(?:(?:is|ist|est|è|e|es|é|je|jest|to|on|är|er|ir|on)[ \t]+)?"
                            r"(?P<plate>(?=[A-Z0-9 -]{0,10}\d)(?=[A-Z0-9 -]{0,10}[A-Z])"
                            r"[A-Z0-9]{1,4}(?:[ -][A-Z0-9]{1,5}){1,3}|[A-Z]{1,3}\d{3,5}[A-Z]{0,3})(?![\w-])")


#: the plate told in the next sentence, after the plate word's question or request ("Kunnen jullie het
#: kenteken doorgeven aan de parkeerbeheerder? Het is GZ-481-K (grijze Skoda)", "Bitte das
#: Kennzeichen an den Pförtner geben. Es ist M-AB 1234"): the sentence's end, then "it is" in EGI's
#: languages (or nothing), then a plate's shape (letters and digits both, in groups), a word of a
#: vehicle or its parking near (not "The licence plate reader failed. It is VM-04 in rack B2")
_PLATE_NEXT_SENTENCE = re.compile(
    r"[^.?!\n]{0,100}[.?!:][ \t]+(?i:(?:it is|it's|its|that is|het is|dat is|die is|hij is|es ist|das ist|er ist|"
    r"c'est|c’est|il s'agit de|è|é|es|eso es|to je|to jest|je to|det är|det er|den er|se on|az|ez|to|είναι|"
    r"это|це|е|bu|on|tas ir|tai|ta on|ist|is)[ \t]*:?[ \t]+)?"
    r"(?P<plate>(?=[A-Z0-9 -]{0,10}\d)(?=[A-Z0-9 -]{0,10}[A-Z])"
    r"[A-Z0-9]{1,4}(?:[ -][A-Z0-9]{1,5}){1,3}|[A-Z]{1,3}\d{3,5}[A-Z]{0,3})(?![\w-])")


def licence_plates(t: Text) -> Iterator[Finding]:
    """A vehicle's plate after a word naming it (a plate points at its owner)."""
    text = t.text
    if not t.has_digit:
        return
    for m in _OWN_CAR.finditer(t, 30, 60):
        plate = _OWN_CAR_PLATE.match(text, m.end(), min(len(text), m.end() + 30))
        if plate and 5 <= len(plate.group("plate")) <= 11:
            yield Finding("personal.licence-plate", PERSONAL, *plate.span("plate"))
    for m in _PLATE_WORD.finditer(t, 30, 60):
        plate = _PLATE.match(text, m.end(), min(len(text), m.end() + 100))
        if plate and 4 <= len(plate.group("plate")) <= 12:
            yield Finding("personal.licence-plate", PERSONAL, *plate.span("plate"))
        elif (later := _PLATE_NEXT_SENTENCE.match(text, m.end(), min(len(text), m.end() + 160))) \
                and 5 <= len(later.group("plate")) <= 11 and _VEHICLE.pattern.search(
                    t.low, max(0, m.start() - 200), min(len(text), later.end() + 60)):
            yield Finding("personal.licence-plate", PERSONAL, *later.span("plate"))
    # a weak word of a plate, beside a word of a vehicle or its parking in 200 characters
    weak = [m for m in _WEAK_PLATE_WORD.finditer(t, 30, 60)]
    if not weak or not _VEHICLE.present(t):
        return
    for m in weak:
        plate = _WEAK_PLATE.match(text, m.end(), min(len(text), m.end() + 80))
        if plate and 5 <= len(plate.group("plate")) <= 11 and _VEHICLE.pattern.search(
                t.low, max(0, m.start() - 200), min(len(text), plate.end() + 200)):
            yield Finding("personal.licence-plate", PERSONAL, *plate.span("plate"))


# --- dates of birth -------------------------------------------------------------------------------

_BIRTH = Lexicon(BIRTH_WORDS)
_IDENTITY_CHECK = Lexicon(IDENTITY_CHECK_WORDS)
#: the word "date" between an identity check and the date it asked for ("wanted the date in US
#: order ... 05/22/1977"); "the identity check was set up on 2009-05-01" has none
_DATE_WORD = re.compile(r"(?<![\w])(?:date|datum|data|datę|datą|dato|fecha|dátum|dátumot|päivämäärä|kuupäev|"
                        r"kuupäeva|tarih|tarihi|ημερομηνία|ημερομηνια|дата|датум|datums|datumu)(?![\w])")
_WEAK_BIRTH = re.compile(rf"(?:{lex(WEAK_BIRTH_WORDS)})")
_MONTH = r"[^\W\d_]{3,12}\.?"
_ORDINAL = r"(?:st|nd|rd|th|er|e|eme|ème|º|ª|o|a)?"
#: a month in Roman numerals, I to XII (capitals: the view keeps the case of ``Text.text``)
_ROMAN_MONTH = r"(?:XII|XI|X|IX|VIII|VII|VI|V|IV|III|II|I)(?![\w])"
_DATE_AFTER = re.compile(
    # (an article elided before the day, as Italian and French write it: "nata a Bari l'8 giugno 1991")
    r"[\s:՝,.()*|│┃║-]{0,6}(?:(?:am|on|le|il|el|em|op|dne|den|the|a|o)\s+|(?:[lL]|dell|all|dall|nell|[dD])['’])?(?P<date>"
    r"\d{1,2}[./-][ ]?\d{1,2}[./-][ ]?\d{2,4}\.?"
    r"|\d{4}[./-][ ]?\d{1,2}[./-][ ]?\d{1,2}\.?"
    rf"|\d{{1,2}}{_ORDINAL}\.?[ ]+(?:de[ ]+|of[ ]+)?{_MONTH}[ ]+(?:de[ ]+)?\d{{4}}"
    rf"|{_MONTH}[ ]+(?:the[ ]+)?\d{{1,2}}{_ORDINAL},?[ ]+\d{{4}}"
    # (the year, a word, the day, then a month: "1986. gada 14. martā", "1990 წლის 23 ნოემბერი"; not a
    # capital's word after the day's dot, as the Hungarian order ends its sentence so: "1988. március 14. Ezt")
    rf"|\d{{4}}\.?[ ]+(?:[^\W\d_]{{1,8}}[ ]+)?\d{{1,2}}(?:\.[ ]+(?:(?![A-Z])|(?=(?i:{lex(MONTH_NAMES)})\.?(?![\w])))|[ ]+){_MONTH}"
    rf"|\d{{4}}\.?[ ]+(?:m\.[ ]+)?{_MONTH}[ ]+\d{{1,2}}\.?"  # (the Lithuanian year's "m.": "1990 m. gegužės 3 d.")
    # a Roman month ("19-IV-1986", "19.IV.1986", "19 IV 1986", as Polish, Czech, Romanian and Spanish write it)
    rf"|\d{{1,2}}[./ -][ ]?{_ROMAN_MONTH}[./ -][ ]?\d{{4}}"
    # a year written short after an apostrophe ("the 3rd of June '84", "June 3rd, '84")
    rf"|\d{{1,2}}{_ORDINAL}\.?[ ]+(?:de[ ]+|of[ ]+)?{_MONTH}[ ]+['’]\d\d(?![\w])"
    rf"|{_MONTH}[ ]+(?:the[ ]+)?\d{{1,2}}{_ORDINAL},?[ ]+['’]\d\d(?![\w])"
    r"|(?<!\w-)(?:19|20)\d\d(?![-/]\d))"  # (a year alone, not one inside a code: "P-2024-0117")
)


#: a few words, then a colon (or an Armenian comma, which ends a label there)
_BIRTH_OF = re.compile(r"[^\W\d_]{0,4}(?:[ \t]+[^\W\d_]{1,25}){0,4}[ \t]*[:՝]")


#: a few words between the birth word and the date, in its clause: "birthday, which is the",
#: "van de nieuwe gebruiker (Anouk Jansen):", "nato a Bologna il"; a day and its month said
#: first are such words ("born on the 3rd of March (03/03/1985)"); a form's birth place before the
#: date ("Születési hely, idő: Debrecen, 1988. március 14.")
_BIRTH_LATER = re.compile(r"(?:[ \t]*,?[ \t]*\([^()\n]{1,30}\)|[ \t]*[,(:]?[ \t]*[^\W\d_][\w'’-]{0,24}\)?"
                          rf"|[ \t]+\d{{1,2}}{_ORDINAL}\.?(?=[ \t]+(?:of[ \t]+|de[ \t]+)?{_MONTH}[ \t]*[,(]))"
                          r"{1,8}?[ \t]*[:,]?" + _DATE_AFTER.pattern)
#: (a year someone alive was born in)
_BORN_YEAR = r"(?:19[2-9]\d|200\d|2010)"
#: a month named: only a month's name, not any word, as the next sentence may hold any other words
_MONTH_NAMED = rf"(?:{lex(MONTH_NAMES)})\.?"
_BORN_DATE = (
    r"(?P<date>"
    rf"\d{{1,2}}[./-]\d{{1,2}}[./-]{_BORN_YEAR}(?![\d])"
    # the month named, in the orders of EGI's languages: "4. september 1990", "3 de março de 1984",
    # "March 3, 1984", "1984. április 9." (the Hungarian and Lithuanian order, the year first)
    rf"|\d{{1,2}}{_ORDINAL}\.?[ ]+(?:de[ ]+|of[ ]+)?{_MONTH_NAMED}[ ]+(?:de[ ]+)?{_BORN_YEAR}(?![\d])"
    rf"|{_MONTH_NAMED}[ ]+(?:the[ ]+)?\d{{1,2}}{_ORDINAL},?[ ]+{_BORN_YEAR}(?![\d])"
    rf"|{_BORN_YEAR}\.?[ ]+(?:m\.[ ]+)?{_MONTH_NAMED}[ ]+\d{{1,2}}\.?(?:[ ]+d\.)?(?![\d])"
    rf"|{_BORN_YEAR}\.?[ ]+gada[ ]+\d{{1,2}}\.[ ]+{_MONTH_NAMED}"  # ("1986. gada 14. martā")
    rf"|{_BORN_YEAR}[./-]\d{{1,2}}[./-]\d{{1,2}}(?![\d])"
    rf"|\d{{1,2}}[./ -]{_ROMAN_MONTH.lower()}[./ -]{_BORN_YEAR}(?![\d]))")
_BIRTH_NEXT_SENTENCE = re.compile(r"[^\n.!?]{0,40}[.!?][ \t]+[^\n.!?\d]{0,60}?(?<![\d./-])" + _BORN_DATE)
#: or further on in its own sentence, past a dash or a clause, a full date of a year someone alive
#: was born in (a month named, not any word): "the date of birth on the invitation letter was wrong
#: – it should be 21 Sept 1988", "das Geburtsdatum im Vertrag stimmt nicht, richtig wäre der 3. März 1984"
_BIRTH_SAME_SENTENCE = re.compile(r"[^\n.!?\d]{0,140}?(?<![\d./-])" + _BORN_DATE)
#: a date spelled out: number words (a word made of number parts: "novecientos", "neunzehnhundert")
#: and a month, joined by the small words of dates ("el nueve de mayo de mil novecientos ochenta
#: y ocho", "the third of March nineteen eighty-seven")
_SPELLED_TOKEN = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*|\d{1,4}|[,.]")
_NUMBER_PART = lex(NUMBER_MORPHEMES, MORE_NUMBER_MORPHEMES, ORDINAL_MORPHEMES)
_NUMBER_WORD = re.compile(rf"(?:{_NUMBER_PART})-?(?:(?:{_NUMBER_PART}|{lex(ORDINAL_ENDINGS)})-?)*")
_MONTH_NAME = re.compile(rf"(?:{lex(MONTH_NAMES)})\.?")
_DATE_GLUE = frozenset("of the and y e et und en i a de del di el il le la am on den op em o ,".split())


def _spelled_date(low: str, pos: int) -> tuple[int, int] | None:
    """A date spelled out in words from ``pos`` (after a few words: "es el", ", which is the"):
    a month and a number word at least, joined only by a date's small words."""
    first = last = -1
    month = number = False
    skipped = 0
    for tok in _SPELLED_TOKEN.finditer(low, pos, min(len(low), pos + 160)):
        word = tok.group()
        if word == "." or (word.isdigit() and first < 0 and len(word) > 2):
            break
        is_month = _MONTH_NAME.fullmatch(word) is not None
        is_number = word.isdigit() or (len(word) > 1 and _NUMBER_WORD.fullmatch(word) is not None)
        if is_month or is_number:
            month, number = month or is_month, number or (is_number and not word.isdigit())
            first = tok.start() if first < 0 else first
            last = tok.end()
        elif word in _DATE_GLUE:
            continue
        elif first < 0 and skipped < 4:
            skipped += 1
        else:
            break
    return (first, last) if month and number else None


#: "I am" in the languages that put it after "born" ("Rođen sam", "narozen jsem", "syntynyt olen")
_AUXILIARY = re.compile(r"[ \t]+(?:sam|sem|som|jsem|jsem se|je|bin|olen|esmu|sunt|jestem|vagyok|sum|съм|сам|sam se)(?=[ \t])")


#: the date before the word, as German and Dutch say it: "am 14. März 1979 (in Rostock) geboren"
_BORN_BEFORE = re.compile(r"(?<![\w])(?:am|op)[ \t]+(?P<date>\d{1,2}\.?[ ]?(?:\d{1,2}\.|[^\W\d_]{3,12}\.?)[ ]?\d{4})"
                          r"(?:[ \t]+[^\W\d_]{1,25}){0,3}[ \t]*$")


#: a thing said to be born, not a person: "the VO was born on", "this project was born" (a determiner, a
#: noun that is no person's word, a verb)
_THING_BORN = re.compile(rf"(?<![\w])(?:the|this|that|our|their|its|a|an)[ \t]+(?!(?:{lex(PERSON_WORDS.replace(' ', '|'))}|"
                         r"girl|boy|baby|son|daughter|child|kid|brother|sister|wife|husband|partner|colleague|"
                         r"student|niece|nephew|grandson|granddaughter|twins?|author|postdoc|tutor)[ \t])"
                         r"[\w-]+[ \t]+(?:was|were|is|got)[ \t]+$")
#: a founded thing as the weak birth verb's subject, in any language: "Il sito è nato il 17/09/2005",
#: "le centre est né le", "el proyecto nació el", "projekt INFN-Bari se narodil" (its name and an
#: auxiliary between); not a thing's person ("il figlio del direttore del sito è nato": a genitive's
#: word before the thing makes it no subject)
_FOUNDED_SUBJECT = re.compile(
    rf"(?<![\w])(?<!of the )(?<!del )(?<!della )(?<!des )(?<!du )(?<!de la )(?<!of )(?<!de )(?<!von )(?<!van )"
    rf"(?:{lex(FOUNDED_THING_WORDS)})(?![\w])(?:[ \t]+[\w.-]+){{0,2}}?"
    r"(?:[ \t]+(?:e|e stato|e stata|est|ist|is|was|wurde|je|sa|se|s-a|foi|fue|ha|har|on|oli|blev|ble|εχει|a))?[ \t]*$")
#: a founded thing between a birth word and its date, said to be made then (a verb's auxiliary after
#: it and its name): "Geburtstag: Die VO vo.example.de wurde am ...", "compleanno: la VO è stata creata il"
_FOUNDED_SAID = re.compile(
    rf"(?<![\w])(?:{lex(FOUNDED_THING_WORDS)})(?![\w])(?:[ \t]+[\w.-]+){{0,2}}?"
    r"[ \t]+(?:e stato|e stata|e|est|ist|is|was|wurde|werd|je|sa|se|s-a|foi|fue|ha|har|on|oli|blev|ble|a|została|zostal|został)(?![\w])")
#: a birth word that is the verb "born" (alone or with its preposition: "nato il", "né le", "born on")
_BORN_VERB = re.compile(rf"(?:{lex(WEAK_BIRTH_WORDS)})(?![\w])")
#: another date after a birth date, joined by the words of a correction ("instead of", "not", "statt",
#: "au lieu de", "invece di", "en lugar de", "zamiast", "helyett", ...) or an arrow
_OTHER_DATE = re.compile(
    rf"[ \t]*[,;(]?[ \t]*(?:(?:{lex(CORRECTION_WORDS)})(?![\w])|->|→|=>)[ \t:]*(?:(?:the|le|el|il|den|am)[ \t]+)?"
    r"(?P<date>\d{1,2}[./-][ ]?\d{1,2}[./-][ ]?(?:19[2-9]\d|200\d|2010)(?![\d])|(?:19[2-9]\d|200\d|2010)[./-]\d{1,2}[./-]\d{1,2}(?![\d])"
    rf"|\d{{1,2}}{_ORDINAL}\.?[ ]+(?:de[ ]+|of[ ]+)?{_MONTH}[ ]+(?:de[ ]+)?(?:19[2-9]\d|200\d|2010)(?![\d]))")
_TIME_OF_DAY = re.compile(r"(?:T|[ ]?)\d{2}:\d{2}:\d{2}")


#: a full date after the abbreviation of "born" in a person's bracket or after a name's comma:
#: "Ana Popa (n. 04.11.1996)" (Romanian născut), "(nar. 3. 5. 1990)", "(ur. 1996-11-04)", "(geb.
#: 4.11.1996)", "(f. 04.11.1996)" (født, född), "(s. 4.11.1996)" (syntynyt), "(sz. 1996.11.04.)",
#: "(b. 4/11/1996)"; one letter alone is "born" only there, before a whole date of a living person's year
_BORN_ABBREVIATED = re.compile(
    r"(?:\(|,[ \t])[ \t]*(?:"
    + lex("n|b|f|s|sz|szül|nasc|născ|nar|ur|urodz|geb|rođ|roj|rod|dz|dzim|gim|sünd|synt|né|née|γεν|род|р|doğ")
    + r")\.[ \t]*(?:(?:le|am|dne|den|el|il|em|on|op)[ \t]+)?(?P<date>"
    rf"\d{{1,2}}[./-][ ]?\d{{1,2}}[./-][ ]?{_BORN_YEAR}|{_BORN_YEAR}[./-][ ]?\d{{1,2}}[./-][ ]?\d{{1,2}})(?![\d])")


#: the genealogical star before a whole date of a living person's year, after a name or in its
#: brackets ("Weber, Lukas (*14.02.1996)", "Anna Nowak * 3.5.1990", "Rossi (* 1988-07-21)"): read in
#: the text as written, as the view drops a star glued to a word as Markdown's emphasis (a name ends in
#: a small letter: an acronym's "KIT (*01.10.2009)" is an institute's founding)
_BORN_STAR = re.compile(r"[a-zß-öø-ÿ\u0100-\u024f](?:,?[ \t]|[ \t]?\()[ \t]*\*[ \t]?(?P<date>"
                        rf"\d{{1,2}}[./-][ ]?\d{{1,2}}[./-][ ]?{_BORN_YEAR}|{_BORN_YEAR}[./-][ ]?\d{{1,2}}[./-][ ]?\d{{1,2}})(?![\d*])")


#: a person telling a date (``lexicon.SAID_DATE_WORDS``), then the date in its clause: "He says it's
#: 2 June 1986", "elle dit que c'est le 3 mars 1984" (h74)
_SAID_DATE = Lexicon(SAID_DATE_WORDS)
#: (between them only a few small words and a copula or an elided one: "says it's", "sagt, es ist der",
#: "écrit que c'est le", or nothing: "his is 2 June 1986"; not a clause of its own: "said the venue
#: opened on ...")
_SAID_THEN_DATE = re.compile(
    r"[ \t,:]*(?:(?:[^\W\d_]{1,10}[ \t,]+){0,3}?(?:(?:is|was|ist|war|wäre|est|etait|es|era|e|ar|er|jest|je|to|van|"
    r"este|yra|ir|ειναι|е|је|dır|dir)|[^\W\d_]{1,6}['’](?:s|est|e))[ \t,:]+)?"
    r"(?:(?:the|der|den|le|il|el|o|a|de|am|on|op)[ \t]+)?" + _BORN_DATE)
_SENTENCE_END = re.compile(r"[.!?](?=\s|$)|\n[ \t>|]*\n")


def _said_dates(t: Text) -> Iterator[Finding]:
    """A date a person tells (or is told for them) in the two sentences after the one with a birth
    word: "it wants a date of birth and ours auto-filled 01/01/1900. He says it's 2 June 1986" (the
    date of a year someone alive was born in; "the deadline is 2 June 2026" is none)."""
    said = list(_SAID_DATE.finditer(t, 30, 30))
    if not said:
        return
    low = t.low
    for m in _BIRTH.finditer(t, 30, 30):
        if _WEAK_BIRTH.fullmatch(m.group().strip()):
            continue
        reach, ends = m.end(), 0
        for e in _SENTENCE_END.finditer(low, m.end(), min(len(low), m.end() + 400)):
            reach, ends = e.end(), ends + 1
            if ends == 3:
                break
        else:
            reach = min(len(low), m.end() + 400)
        for s in said:
            if m.end() <= s.start() < reach:
                d = _SAID_THEN_DATE.match(low, s.end(), min(len(low), s.end() + 80))
                if d and not _TIME_OF_DAY.match(t.text, d.end("date")):
                    yield Finding("personal.birth-date", PERSONAL, *d.span("date"))


def birth_dates(t: Text) -> Iterator[Finding]:
    text = t.text
    if t.has_digit:
        yield from _said_dates(t)
    has_digit = t.has_digit
    if has_digit and "*" in t.view.original:
        for date in {b.group("date") for b in _BORN_STAR.finditer(t.view.original)}:
            at = text.find(date)  # (the same date in the view, which keeps a date's characters)
            while at >= 0:
                yield Finding("personal.birth-date", PERSONAL, at, at + len(date))
                at = text.find(date, at + 1)
    if has_digit and "." in text and ("(" in text or ", " in text):
        for b in _BORN_ABBREVIATED.finditer(t.low):
            yield Finding("personal.birth-date", PERSONAL, *b.span("date"))
    if has_digit:
        for m in _IDENTITY_CHECK.finditer(t, 30, 30):
            d = _BIRTH_SAME_SENTENCE.match(t.low, m.end(), min(len(text), m.end() + 170))
            if d and _DATE_WORD.search(t.low, m.end(), d.start("date")) and not _TIME_OF_DAY.match(text, d.end("date")):
                yield Finding("personal.birth-date", PERSONAL, *d.span("date"))
    for m in _BIRTH.finditer(t, 30, 30):
        if not has_digit:  # only a date spelled out in words
            spelled = None if _WEAK_BIRTH.fullmatch(m.group().strip()) else _spelled_date(t.low, m.end())
            if spelled:
                yield Finding("personal.birth-date", PERSONAL, *spelled)
            continue
        d = _DATE_AFTER.match(text, m.end(), min(len(text), m.end() + 60))
        aux = not d and _AUXILIARY.match(t.low, m.end())
        if aux:  # "Rođen sam 3. ožujka 1985.", "narozen jsem 3. 3. 1985"
            d = _DATE_AFTER.match(text, aux.end(), min(len(text), aux.end() + 60))
        if not d and not _WEAK_BIRTH.fullmatch(m.group().strip()):
            # whose date it is between the word and a colon: "Geboortedatum van de gast: ..."
            label = _BIRTH_OF.match(text, m.end(), min(len(text), m.end() + 80))
            d = label and _DATE_AFTER.match(text, label.end(), min(len(text), label.end() + 60))
        if not d:  # a few words between, in its clause: "birthday, which is the 3rd of ..."
            d = _BIRTH_LATER.match(text, m.end(), min(len(text), m.end() + 140))
        if not d and not _WEAK_BIRTH.fullmatch(m.group().strip()):
            # the date in the next sentence, of a year someone alive was born in ("έβαλα λάθος
            # ημερομηνία γέννησης. Η σωστή είναι 14/03/1978")
            d = _BIRTH_NEXT_SENTENCE.match(t.low, m.end(), min(len(text), m.end() + 160)) \
                or _BIRTH_SAME_SENTENCE.match(t.low, m.end(), min(len(text), m.end() + 170))  # (month names folded)
        if not d and not _WEAK_BIRTH.fullmatch(m.group().strip()):
            spelled = _spelled_date(t.low, m.end())
            if spelled:
                yield Finding("personal.birth-date", PERSONAL, *spelled)
            continue
        if not d and m.group() == "geboren":  # "Ich bin am 14. März 1979 in Rostock geboren"
            d = _BORN_BEFORE.search(text, max(0, m.start() - 80), m.start())
        if not d:
            continue
        date = d.group("date")
        years = [int(y) for y in re.findall(r"(?<!\d)(?:19|20)\d\d(?!\d)", date)] or [
            int(y) + (1900 if int(y) > 10 else 2000) for y in re.findall(r"['’](\d\d)$", date)]  # ("'84")
        if _WEAK_BIRTH.fullmatch(m.group().strip()) and (not (years and years[0] <= 2010) or _THING_BORN.search(
                t.low, max(0, m.start() - 40), m.start())):
            continue  # "the project was born on 1 March 2021", "the VO was born on 3 June 2004"
        if _BORN_VERB.match(m.group().strip()) and _FOUNDED_SUBJECT.search(t.low, max(0, m.start() - 60), m.start()):
            continue  # "Il sito è nato il 17/09/2005 come Tier-2", "el proyecto nació el 3/5/2004"
        if date.isdigit() and len(date) == 4 and _WEAK_BIRTH.fullmatch(m.group().strip()):
            continue
        if d.start("date") - m.end() > 12 and _FOUNDED_SAID.search(t.low, m.end(), d.start("date")):
            continue  # "compleanno: la VO è stata creata il 01.05.2020", "birthday: the VO was registered on ..."
        if _TIME_OF_DAY.match(text, d.end("date")):
            continue  # "epoch 1991-07-12T03:14:15Z": a timestamp to the second; no one gives a birth so
        yield Finding("personal.birth-date", PERSONAL, *d.span("date"))
        # another date beside it, said as a correction ("took her DOB as 2007-03-22 instead of
        # 1997-03-22", "Geburtsdatum 12.03.1985 statt 21.03.1985"): the same person's
        end = d.end("date")
        while (other := _OTHER_DATE.match(text, end, min(len(text), end + 60))) is not None:
            yield Finding("personal.birth-date", PERSONAL, *other.span("date"))
            end = other.end("date")


#: a word of digits with letters read for some of them ("l2", "O5", "4l7O93"), not inside a word
_READ_AS_DIGITS = re.compile(r"(?<![^\W\d_])(?=[\dOoIl]*\d)(?=[\dOoIl]*[OoIl])[\dOoIl]+(?![^\W\d_])")


def misread_numbers(t: Text) -> Iterator[Finding]:
    """A birth date or an identity number with letters typed or read for some of its digits, as
    the OCR of a scanned form gives them ("Date de naissance : l2/O5/l987", "dowód osobisty AYN
    4l7O93"): the same detectors over the text with those words read as digits (each letter
    stands where its digit would, so the spans are the text's own), and only what such a word
    is part of."""
    if not LETTERED_WORDS.among(t.words):
        return
    read = list(_READ_AS_DIGITS.finditer(t.text))
    if not read:
        return
    text, low = list(t.text), list(t.low)
    for m in read:
        digits = list(m.group().translate(DIGITS_FOR_LETTERS))
        text[m.start():m.end()] = digits
        low[m.start():m.end()] = digits
    as_digits = Text(View("".join(text), "".join(text), "".join(low)))
    for f in chain(birth_dates(as_digits), national_ids(as_digits)):
        if any(f.start < m.end() and m.start() < f.end for m in read):
            yield f


# --- health -------------------------------------------------------------------------------------

_HEALTH = Lexicon(HEALTH_PHRASES, REHABILITATION_WORDS)
_ABOUT_RULES = re.compile(r"(?:['’]s)?[ \t-]+(?:policy|policies|rules|regulations?|form|forms|entitlement|allowance|days|"
                          r"requests?|procedure|regelung|antrag|formular|règles|formulaire|regole|modulo|"
                          # a treatment named as a field of work ("radiotherapy planning", "Strahlentherapie-Physik")
                          r"planning|physics|dosimetry|research|software|planung|physik|planification|physique|"
                          r"pianificazione|fisica|planificación|física|planeamento|fizyka|fyzika)(?![\w-])")
_CLAUSE_END = re.compile(r"[.!?;](?=\s|$)|\n")
#: a place's part after a place of care: the hospital as a site, not a stay ("in the hospital campus")
_PLACE_AFTER = re.compile(r"['’]?s?[ \t-]+(?:campus|grounds|building|buildings|premises|site|area|complex|network|"
                          r"data cent(?:re|er)|datacent(?:re|er)|server room|it department|gelände|areal|campus)(?![\w-])")


#: somebody (``lexicon.PERSON_WORDS``), as the view's words
_PERSON_WORDS = frozenset(fold(w).encode() for w in PERSON_WORDS.split())
#: (one search of a new word for all the one-word stems, as ``columns`` tells its key words: a test of
#: each stem in turn cost a sixth of a fresh process's screening)
_CONDITION_STEM = re.compile(b"|".join(re.escape(fold(s).encode()) for s in CONDITION_STEMS if " " not in s))
#: (the stems of two words, which no one word holds: "heart attack")
_CONDITION_PHRASES = tuple(fold(s) for s in CONDITION_STEMS if " " in s)
#: (their first words, as the view's words: most texts hold none, and then no phrase is looked for)
_CONDITION_PHRASE_FIRST = frozenset(p.split()[0].encode() for p in _CONDITION_PHRASES)
_CONDITION_WORDS = WordClass(lambda w: _CONDITION_STEM.search(w) is not None)
_CARE = re.compile("|".join(re.escape(fold(s)) for s in CARE_STEMS))
#: (the words holding a place of care's stem, judged once each, and the stems that are no word's
#: part: a text has a place of care only if it holds one of them; the whole text was read for the
#: stems whenever it named a condition, as a research ticket often does)
_CARE_BYTES = re.compile(b"|".join(re.escape(fold(s).encode()) for s in CARE_STEMS if fold(s).isalnum()))
_CARE_WORDS = WordClass(lambda w: _CARE_BYTES.search(w) is not None)
_CARE_PHRASES = tuple(fold(s) for s in CARE_STEMS if not fold(s).isalnum())
_LEAVE = re.compile("|".join(re.escape(fold(s)) for s in LEAVE_STEMS))
_CONDITION = re.compile("|".join(re.escape(fold(s)) for s in CONDITION_STEMS))
#: an emergency department as its own word ("na SOR-ze", "aux urgences"): a place of care too
#: (looked for around its words' anchors: "operation" and "surgery" are in many texts that name no
#: place of care)
_EMERGENCY = Lexicon(EMERGENCY_WORDS, template=r"(?<![\w&-])(?:{body})(?![^\W\d_])")
#: a doctor, who advises or forbids somebody something: care, with a person in the sentence
_DOCTOR = Lexicon(DOCTOR_WORDS, template=r"(?<![\w])(?:{body})(?![\w])")


def _condition_starts(t: Text) -> Iterator[int]:
    """Every place a condition's stem may begin: inside the words that hold a stem of one word,
    and where a stem of two words stands."""
    for w in _CONDITION_WORDS.among(t.words):
        size = len(w.decode())
        for p in t.positions(w.decode()):
            yield from range(p, p + size)
    low = t.low
    for phrase in _CONDITION_PHRASES:
        if phrase in low:
            yield from t.positions(phrase)


def _names_a_condition(t: Text) -> bool:
    """Does the text hold a condition's stem (in one of its words, or a stem of two words)?"""
    return bool(_CONDITION_WORDS.among(t.words)) or (
        not _CONDITION_PHRASE_FIRST.isdisjoint(t.words) and any(p in t.low for p in _CONDITION_PHRASES))
#: a text of one short line: a status, a subject, a cell (its condition and place of care are
#: somebody's when a role or a name stands before the place: "stalled - řešitel v nemocnici
#: (operace kolene)")
_SHORT_SLOT = 160




def _conditions(t: Text) -> Iterator[Finding]:
    """A sentence naming a medical condition or treatment and a place of care or a sick leave,
    about somebody: "utilizatorul e în spital (infarct)", "wegen meines Typ-1-Diabetes im
    Krankenhaus", "operacija kolena in bolniška do petka". (A condition and a hospital alone
    are also a biomedical community's research: "diabetes cohorts from three hospitals".)"""
    low = t.low
    short_slot = len(low) <= _SHORT_SLOT and "\n" not in low.strip()
    # (a surgery as German notes shorten it, "OP", is no stem: looked for in a short field only)
    ops = list(_OP.finditer(t.text)) if short_slot and "op" in low else []
    if not ops and not _names_a_condition(t):
        return
    if short_slot and not _RESEARCH_TOPIC.search(low):
        # a short field's private note: a role and a condition ("Ökologie – PI derzeit in Reha nach
        # Herzinfarkt", "contact: postdoc on leave, pneumonia"), no place of care needed
        role = next((w for w in _VIEW_WORD.finditer(low) if w.group().encode() in _NOTE_ROLES), None)
        m = role and _CONDITION.search(low, role.end())
        # (something said of the role before the condition, not a label's topic: "PI: cancer genomics")
        # (within five words of the role: "intern bleiben sollen, besprechen wir im nächsten Operations-Meeting"
        # is about tickets)
        if role and m and ":" not in low[role.end():m.start()] and \
                1 <= len(_VIEW_WORD.findall(low, role.end(), m.start())) <= 5:
            yield Finding("personal.health", PERSONAL, min(role.start(), m.start()), max(m.end(), t.line_span(m.start())[1]))
            return
        # a name, a condition told as a cause or a time (a compound's part too: "térdműtét után"),
        # and an absence: "Átadás: Gergő térdműtét után 3 hétig nem elérhető"
        # or the writer themselves, a condition after a purpose's word: "I'm off for knee surgery until
        # 20 May", "bin ab Montag wegen einer OP weg", "je suis absent pour une opération du genou"
        absent = _ABSENCE.search(low)
        if absent:
            for m in chain(t.matches(_CONDITION, _condition_starts), ops):
                if _ops_word(low, m.start(), m.end()):
                    continue
                purpose = not _told_as_cause(low, m.start(), m.end()) and _FOR_BEFORE.search(
                    low, max(0, m.start() - 40), m.start())
                if purpose is None or purpose and not _ABSENCE.search(low, max(0, purpose.start() - 25), purpose.start()):
                    continue  # (a purpose's word right after the absence: "off for", not "quota for surgery robotics")
                if _name_in_line(t, m.start()) or _FIRST_PERSON.search(low, *t.line_span(m.start())):
                    lo, hi = t.line_span(m.start())
                    yield Finding("personal.health", PERSONAL, lo + len(t.text[lo:hi]) - len(t.text[lo:hi].lstrip()), hi)
                    return
        # the writer some time after a heart attack or a stroke, no absence said: "jsem týden po
        # infarktu", "nach meinem Herzinfarkt", "jestem po zawale", "két hete vagyok infarktus után"
        for m in _HEART_ATTACK.finditer(low):
            if _after_own(low, m.start(), m.end()):
                lo, hi = t.line_span(m.start())
                yield Finding("personal.health", PERSONAL, lo + len(t.text[lo:hi]) - len(t.text[lo:hi].lstrip()), hi)
                return
    # the writer some time after a condition, in a text's sentence: "jsem měsíc po infarktu",
    # "I'm two weeks after my heart attack", "jestem po operacji kolana"
    yield from _self_after_condition(t)
    # a stay in a place of care named by its abbreviation, with a condition: "mijn dochter ligt in
    # het WKZ met een ernstige longontsteking"
    yield from _stays_in_abbreviated_care(t)
    # an emergency department, or a doctor ("lekarz zabronił mi podróży"): care, with no place named
    emergencies = sorted([e.start() for e in _EMERGENCY.finditer(t, 40, 40)] + [d.start() for d in _DOCTOR.finditer(t, 10, 10)])
    if not (emergencies or (_CARE_WORDS.among(t.words) or any(p in low for p in _CARE_PHRASES)) and _CARE.search(low)):
        return
    short = len(low) <= _SHORT_SLOT and "\n" not in low.strip()
    for m in t.matches(_CONDITION, _condition_starts):
        start, end = _sentence_around(t.text, m.start(), m.end())
        sentence = low[start:end]
        care = _CARE.search(sentence)
        at = start + care.start() if care else next((e for e in emergencies if start <= e < end), -1)
        if at >= 0 and (_LEAVE.search(sentence) or _somebodys(low, at, 3) or _somebodys(low, m.start(), 2)
                     or (short and _role_or_name_before(t.text, low, at))
                     # (one ends up in an emergency department, or a doctor forbids one something:
                     # whoever the sentence names, "I spent the night in the emergency room with a
                     # hypoglycaemia")
                     or (not care and not _RESEARCH_TOPIC.search(sentence)
                         and any(w.encode() in _PERSON_WORDS for w in _VIEW_WORD.findall(sentence)))
                     # (a name before the place, the condition told as its cause after it: "je Tadej od
                     # ponedeljka v bolnišnici zaradi zapletov s sladkorno boleznijo", "Marek jest w
                     # szpitalu z powodu powikłań cukrzycy")
                     or (care and _stay_because(low, start + care.end(), m.start())
                         and not _RESEARCH_TOPIC.search(sentence)
                         # (the sentence's first word is capitalised whatever it is: "Podatki iz bolnišnice")
                         and _somebody_before(t.text, low, at, 5, _first_word_end(low, start)))
                     # (a name lying in the place, its condition in the sentence: "Pavel měl infarkt
                     # a leží na JIP", "Marek jest po zawale, leży na kardiologii")
                     or (care and _lies_named(t.text, low, start, at))):
            yield Finding("personal.health", PERSONAL, start, end)


#: a person's verb of lying somewhere, right before the place of care ("leży na", "leží na",
#: "fekszik", "liegt im", "ligt in", "is lying in", "ricoverato in", "ingresado en", "hospitalisé à")
_LYING_WORDS = ("leży|leżała|leżał|leží|ležel|ležela|leži|fekszik|liegt|lag|ligt|lies|is lying|ligger|låg|"
                "makaa|yatıyor|guli|лежи|лежит|νοσηλεύεται|ricoverato|ricoverata|ingresado|ingresada|"
                "internado|internada|hospitalisé|hospitalisée|opgenomen|hospitalizowany|hospitalizowana|"
                "hospitalizován|hospitalizována|hospitalizovaný|hospitalizovaná|hospitalised|hospitalized|"
                "zace|ist|est|jest|je|is")
_LYING = re.compile(rf"(?<![\w])(?:{lex(_LYING_WORDS)})(?![\w])")


def _lies_named(text: str, low: str, start: int, at: int) -> bool:
    """Is the place of care at ``at`` where somebody named lies, a verb of lying in the 25
    characters before it and a capitalised name (not a small word, not in capitals) earlier in the
    sentence from ``start``? Not in a research topic's sentence."""
    hits = list(_LYING.finditer(low, max(start, at - 25), at))
    verb = hits[-1] if hits else None
    if verb is None:  # (or after it, as Hungarian says it: "az intenzíven fekszik")
        verb = _LYING_STRONG.search(low, at, min(len(low), at + 30))
        if verb is None:
            return False
    elif verb.group() in ("ist", "est", "jest", "je", "is") and not _LYING_STRONG.search(low, start, at):
        return False
    if _RESEARCH_TOPIC.search(low, start, at):
        return False
    return any(len(w.group()) >= 3 and w.group()[0].isupper() and not w.group().isupper()
               and w.group().lower() not in _NOT_A_NAME for w in _NAME_WORD.finditer(text, start, min(at, verb.start())))


#: (after a copula, the verb of lying is elsewhere in the sentence: "jest po zawale, leży na")
_LYING_STRONG = re.compile(r"(?<![\w])(?:lezy|lezal|lezala|lezi|lezel|lezela|fekszik|liegt|ligt|lies|is lying|ligger)(?![\w])")


#: "because of" or "with" (``CONDITION_BECAUSE``), a few words before a condition
_BECAUSE = re.compile(rf"(?<![\w])(?:{lex(CONDITION_BECAUSE)})(?![\w])")


def _first_word_end(low: str, start: int) -> int:
    """Where the first word from ``start`` ends."""
    w = _VIEW_WORD.search(low, start)
    return w.end() if w else start


def _stay_because(low: str, care_end: int, condition: int) -> bool:
    """Is the condition at ``condition`` told as the cause of the stay ending at ``care_end``, a
    few words after it ("v bolnišnici zaradi zapletov s sladkorno", "u bolnici zbog dijabetesa")?"""
    return 0 <= condition - care_end <= 60 and _BECAUSE.search(low, care_end, condition) is not None


#: an absence (``ABSENCE_WORDS``) as whole words
_ABSENCE = re.compile(words(ABSENCE_WORDS))
#: the writer, in a note about their own absence (``FIRST_PERSON_WORDS``)
_FIRST_PERSON = re.compile(words(FIRST_PERSON_WORDS))
#: a purpose's word just before a condition, a word or two between ("for knee surgery", "pour une opération")
_FOR_BEFORE = re.compile(rf"(?<![\w])(?:{lex(CONDITION_FOR_BEFORE)})(?:[ \t]+[^\W\d_]+){{0,2}}?[ \t]+[\w'’-]*$")
#: a surgery as German notes shorten it ("wegen einer OP", "nach der Knie-OP"), not a compound's first part ("OP-Plan")
_OP = re.compile(r"(?<![\w])OP(?![\w-])")
#: the operations of a service, not a surgery ("Operations meeting", "operational", "Betriebs-Operation")
_OPS_WORDS = frozenset(("operations", "operational", "operationally", "operationen", "operaties", "operationeel", "operationele"))


def _ops_word(low: str, start: int, end: int) -> bool:
    """Is the condition's stem at ``[start, end)`` part of a service's "operations" word?"""
    a, b = start, end
    while a > 0 and (low[a - 1].isalnum() or low[a - 1] == "-"):
        a -= 1
    while b < len(low) and low[b].isalnum():
        b += 1
    return low[a:b].split("-")[-1] in _OPS_WORDS or low[a:b] in _OPS_WORDS


def _name_in_line(t: Text, at: int) -> bool:
    """A name in the line of ``at``, other than its first word and the word at ``at``: a
    capitalised word of three letters or more, not all capitals ("Átadás: Gergő térdműtét után")."""
    words_ = list(_NAME_WORD.finditer(t.text, *t.line_span(at)))[1:]
    return any(w.group()[0].isupper() and not w.group().isupper() and len(w.group()) >= 3
               and not (w.start() <= at < w.end()) and w.group().lower() not in _NOT_A_NAME for w in words_)


#: a stay in a place named by its abbreviation, then the condition after "with" or "since": "ligt
#: in het WKZ met een ernstige", "liegt seit Montag im UKE mit einer", "is in the UMCG with" (the
#: condition's word follows the match)
_ABBREVIATED_STAY = re.compile(
    rf"(?<![\w])(?P<verb>{lex(CARE_STAY_VERBS)})(?:[ \t]+[^\W\d_]+){{0,3}}?[ \t]+(?:{lex(CARE_STAY_PLACES)})[ \t]*"
    rf"(?P<place>[^\W\d_]{{2,6}})[ \t]+(?:{lex(CONDITION_WITH)})(?:[ \t]+[^\W\d_]+){{0,3}}?[ \t]+[\w-]*$")


def _stays_in_abbreviated_care(t: Text) -> Iterator[Finding]:
    """Somebody staying in a place named by its abbreviation (a hospital: "WKZ", "UKE", "CHUV") with
    a condition: the sentence. The stay's verb has somebody before it ("mijn dochter ligt in het
    WKZ met een ernstige longontsteking"); the place is written in capitals."""
    text, low = t.text, t.low
    for c in t.matches(_CONDITION, _condition_starts):
        if _ops_word(low, c.start(), c.end()):
            continue
        start, end = _sentence_around(text, c.start(), c.end())
        m = _ABBREVIATED_STAY.search(low, max(start, c.start() - 120), c.start())
        if m is None:
            continue
        place = text[m.start("place"):m.end("place")]
        if not (place[0].isupper() and sum(ch.isupper() for ch in place) >= 2):
            continue
        if _RESEARCH_TOPIC.search(low, start, end):
            continue
        if _somebody_before(text, low, m.start("verb"), 3):
            yield Finding("personal.health", PERSONAL, start, end)
            return


def _role_or_name_before(text: str, low: str, at: int) -> bool:
    """In a short slot, is one of the three words before the place of care at ``at`` a role
    ("řešitel v nemocnici", "contact person in hospital") or a name, capitalised after the text's
    first word ("stalled – Tomek w szpitalu")?"""
    spans = [m.span() for m in _VIEW_WORD.finditer(low, max(0, at - 60), at)][-3:]
    return any(low[a:b].encode() in _ROLE_WORDS or (a > 0 and text[a].isupper() and text[a + 1:b].islower())
               for a, b in spans)


def _somebodys(low: str, at: int, reach: int) -> bool:
    """Is somebody (``_PERSON_WORDS``) among the ``reach`` words before the word at ``at``? ("the
    user is in hospital", "wegen meines Typ-1-Diabetes"; not "my analysis of stroke outcomes")"""
    word_start = at
    while word_start > 0 and (low[word_start - 1].isalnum() or low[word_start - 1] in "-"):
        word_start -= 1
    words = re.findall(r"[^\W\d_]+", low[max(0, word_start - 80):word_start])[-reach:]
    return any(w.encode() in _PERSON_WORDS for w in words)


#: an operation named with its body part (``SURGERY_ON_BODY_PARTS``: "un'operazione al menisco")
_SURGERY_ON_BODY = Lexicon(SURGERY_ON_BODY_PARTS, template=r"(?<![\w-])(?:{body})(?![\w-])")
_SURGERY_COMPOUND = re.compile(
    rf"(?<![\w-])(?:{'|'.join(re.escape(fold(p)) for p in sorted(set(SURGERY_COMPOUND_PARTS), key=len, reverse=True))})"
    rf"-?(?:{'|'.join(re.escape(fold(e)) for e in sorted(set(SURGERY_COMPOUND_ENDS), key=len, reverse=True))})[^\W\d_]*")
_SURGERY_COMPOUND_BYTES = re.compile(_SURGERY_COMPOUND.pattern[len("(?<![\\w-])"):].replace("-?", "").replace(
    "[^\\W\\d_]*", "").encode())
_SURGERY_COMPOUNDS = WordClass(lambda w: _SURGERY_COMPOUND_BYTES.match(w) is not None)
#: a small word after the body part that makes it a figure of speech ("intervento al cuore del sistema",
#: "opération au cœur du réseau", "surgery on the heart of the pipeline")
_FIGURE_AFTER = re.compile(r"[ \t]+(?:of|del|della|dello|dei|degli|delle|di|du|de|des|do|da|dos|das|van)(?![\w])")


def _operations_on_body(t: Text) -> Iterator[Finding]:
    """An operation named with its body part, told as a cause or a purpose ("sono stato fermo tre
    settimane per un'operazione al menisco", "wegen einer Operation am Knie", "z powodu operacji
    kolana") or said of somebody ("Jan's knee surgery", "Tadej ima operacijo kolena"): the sentence. An
    operation in a research topic's sentence ("knee surgery outcomes in the cohort") is the research's."""
    low = t.low
    hits = [(m.start(), m.end(), True) for m in _SURGERY_ON_BODY.finditer(t, 40, 40)]
    if _SURGERY_COMPOUNDS.among(t.words) or ("-op" in low and b"op" in t.words) or "-operation" in low:
        hits += [(m.start(), m.end(), False) for m in _SURGERY_COMPOUND.finditer(low)]
    done = -1
    for a, b, phrase in sorted(hits):
        if a < done:
            continue
        if phrase and _FIGURE_AFTER.match(low, b) or _ABOUT_RULES.match(low, b):
            continue
        start, end = _health_span(t, a, b)
        if _RESEARCH_TOPIC.search(low, start, end):
            continue
        if (_FOR_BEFORE.search(low, max(0, a - 40), a) or _CAUSE_BEFORE.search(low, max(0, a - 40), a)
                or _CAUSE_AFTER.match(low, b) or _somebody_in(t, start, end, short_names=False)
                or _FIRST_PERSON.search(low, start, end) or _ABSENCE.search(low, start, end)):
            yield Finding("personal.health", PERSONAL, start, end)
            done = end


#: an auto-reply's marker (``AUTO_REPLY_WORDS``)
_AUTO_REPLY = Lexicon(AUTO_REPLY_WORDS)
#: a stay's small word before a place of care ("im Krankenhaus", "in ospedale", "w szpitalu"), not
#: "at the", as a visit is told
_STAY_BEFORE = re.compile(rf"(?<![\w'])(?:{lex('|'.join(p for p in CARE_STAY_PLACES.split('|') if p not in ('at', 'at the')))})[ \t]+$")
#: a place of care in its locative form, the stay said by the word ("sairaalassa", "kórházban")
_CARE_LOCATIVES = folded_too(["sairaalassa", "kórházban", "haiglas", "haiglasse", "slimnīcā", "ligoninėje",
                              "hastanede", "hastanedeyim", "hospitalisé", "hospitalisée", "hospitalizado",
                              "hospitalizada", "hospitalizzato", "hospitalizzata", "hospitalised", "hospitalized"])


def _away_replies(t: Text) -> Iterator[Finding]:
    """An auto-reply's or an out-of-office note's line that says its writer is in a place of care or
    has a condition ("Automatische Antwort: ... bin bis 22.11. im Krankenhaus (Knie-OP)", "Risposta
    automatica: in ospedale fino al 15/11", "Out of office: recovering from hip surgery"): the line
    after the marker. A note of a trip ("Out of office: at the University Hospital for a meeting")
    says no stay."""
    low = t.low
    for m in _AUTO_REPLY.finditer(t, 30, 30):
        hi = t.line_span(m.start())[1]
        line = low[m.end():hi]
        said = False
        for c in _CONDITION.finditer(line):
            if not _ops_word(low, m.end() + c.start(), m.end() + c.end()):
                said = True
                break
        if not said and "op" in line:
            said = _OP.search(t.text, m.end(), hi) is not None
        if not said:
            for c in _CARE.finditer(line):
                word = _NAME_WORD.match(line, c.start())
                if _STAY_BEFORE.search(line, 0, c.start()) or (word and word.group() in _CARE_LOCATIVES):
                    said = True
                    break
        if not said:  # (a stay or an illness by its noun: "absente (hospitalisation)", "(Gürtelrose)")
            said = any(True for _ in _passing_hits(t, m.end(), hi))
        if said and not _RESEARCH_TOPIC.search(line):
            start = m.end()
            while start < hi and not low[start].isalnum():
                start += 1
            yield Finding("personal.health", PERSONAL, start, hi)


#: an illness, a treatment, an aid, a pregnancy, a sick note or a stay in hospital told in passing
#: (``PASSING_ILLNESS_STEMS``, ``PASSING_TREATMENT_STEMS``, ``MOBILITY_AID_STEMS``), each beginning a word
_PASSING_TREATMENTS = frozenset(fold(s) for s in PASSING_TREATMENT_STEMS)
_SICK_NOTES = frozenset(fold(s) for s in SICK_NOTE_STEMS)
_PASSING_STEMS = tuple(sorted({*(fold(s) for s in PASSING_ILLNESS_STEMS), *_PASSING_TREATMENTS, *_SICK_NOTES, *(fold(s) for s in MOBILITY_AID_STEMS)},
                              key=len, reverse=True))
_PASSING_BYTES = re.compile(b"|".join(re.escape(s.encode()) for s in _PASSING_STEMS if " " not in s))
#: (a stem of two words is looked for when the text has its longest word: "ciazy" of "w ciazy")
_PASSING_KEY = {s: max(s.split(), key=len).encode() for s in _PASSING_STEMS if " " in s}
_PASSING_KEYS = frozenset(_PASSING_KEY.values())
_PASSING_WORDS = WordClass(lambda w: w in _PASSING_KEYS or _PASSING_BYTES.match(w) is not None)
_PASSING_BY_KEY: dict[bytes, tuple[str, ...]] = {}
for _stem, _key in _PASSING_KEY.items():
    _PASSING_BY_KEY[_key] = (*_PASSING_BY_KEY.get(_key, ()), _stem)
_PASSING_ONE_WORD = tuple((s, s.encode()) for s in _PASSING_STEMS if " " not in s)


@lru_cache(maxsize=1 << 14)
def _passing_stems_of(word: bytes) -> tuple[str, ...]:
    """The passing words' stems a word of the text is of: the one-word stems it begins with, the
    two-word stems whose longest word it is (judged once a word, not once a stem each text)."""
    return (*(s for s, b in _PASSING_ONE_WORD if word.startswith(b)), *_PASSING_BY_KEY.get(word, ()))
#: the writer as a case of "I" or a Hungarian ending ("vár rám", "nekem"), "self" after a role
_PASSING_ME = frozenset(fold(w).encode() for w in PASSING_FIRST_PERSON.split())
#: the writer going to or getting a treatment, by the verb alone ("kemoterápiára járok", "chodím na chemoterapii")
_TREATMENT_ME = frozenset(fold(w).encode() for w in TREATMENT_FIRST_PERSON_VERBS.split())
#: a word of the work inside the illness's word or right after it: the illness is a research topic's
#: ("Krebsforschung", "kreftforskning", "cancer genomics", "flu forecasting", "surgery robot simulation")
_WORK_PART = re.compile(
    r"forsch|forskn|research|onderzoek|recherch|ricerc|investig|pesquis|badan|vyzkum|kutat|tutkim|tyrim|uuring|"
    r"arastirm|studi|model|daten|data|simul|forecast|prognos|robot|regist|cohort|kohort|atlas|genom|screening|"
    r"access|zugang|toegank|accesib|accessib|dostep|pristup|user|nutzer|gebruiker|utilisat|utent|usuari|"
    r"cell|zell|sejt|imag|bild|sampl|probe|proef|lab|group|gruppe|groep|grupp|projekt|project|progett|proyect|"
    r"network|netz|center|centre|zentrum|centrum|institut|klinik|clinic|ward|station|unit|vaccin|impf|surveil|"
    r"detect|classif|segment|predict|therapy|therap|drug|treatment|mechan|biolog|marker|gene|omics|trial|"
    r"survival|mortal|incidence|risk|epidem|awareness|charity|day|week|month|season|saison|dashboard|tracker|app|"
    r"portal|server|service|node|cluster|job|case|fall|cas|casi|casos|vaccin|physic|physik|fizyk|fyzik|dosimetr|"
    r"planning|planung|oncolog|onkolog|software"
)
#: a verb of one's work between the person and the illness ("I work on leukaemia", "ich arbeite zu Krebs")
_WORK_VERB = re.compile(
    r"(?<![\w])(?:work|working|worked|works|studying|study|studies|analys|analyz|arbeit|travaill|lavor|trabaj|"
    r"trabalh|werk|prac|dolgoz|tyoskent|arbet|arbejd|jobb|lucrez|focus|specialis|specializ|project|projekt|"
    r"projet|progett|proyect|projeto|thesis|these|tesi|tesis|dissert|disert|paper|topic|thema|tema)")

def _in_address(low: str, at: int) -> bool:
    """Is ``at`` inside a host's name, an address or a path ("vo.pan-cancer.eu", "covid19.example.org")?"""
    a, b = at, at
    while a > 0 and not low[a - 1].isspace():
        a -= 1
    while b < len(low) and not low[b].isspace():
        b += 1
    token = low[a:b].rstrip(".,;:!?)]»\"'")
    return "/" in token or "@" in token or re.search(r"\.[^\W\d_]", token) is not None


#: "if" or "whether" ("let me know if anyone is pregnant"), in the words no other language's common
#: word folds to ("ce", Slovene's "če", is French's "this")
_IF_ASKED = re.compile(r"(?<![\w'’])(?:if|whether|wenn|falls|si|indien|jesli|jezeli|pokud|jestli|hvis|jos|daca|eger|kui|jei)(?![\w'’])")
#: a topic's word right after the illness ("leukémie je téma jeho disertace")
_TOPIC_AFTER = re.compile(r"(?<![\w])(?:thesis|these|tesi|tesis|dissert|disert|paper|topic|thema|tema|project|projekt|projet)")


def _passing_hits(t: Text, lo: int = 0, hi: int | None = None) -> Iterator[tuple[int, int, str]]:
    """The passing words' stems that begin a word in ``t.low[lo:hi]``, not a research topic's
    compound ("kreftforskning") nor followed by a word of the work ("cancer research", "a wheelchair
    accessible room", "flu forecasting"): (start, the word's end, the stem)."""
    hits = _PASSING_WORDS.among(t.words)
    if not hits:
        return
    low = t.low
    hi = len(low) if hi is None else hi
    present = {s for w in hits for s in _passing_stems_of(w)}
    seen: set[int] = set()
    for s in sorted(present, key=len, reverse=True):
        at = low.find(s, lo, hi)
        while at >= 0:
            if at not in seen and not (at and low[at - 1].isalnum()) and not _in_address(low, at):
                seen.add(at)
                end = at + len(s)
                while end < len(low) and (low[end].isalnum() or low[end] == "-"):
                    end += 1
                after = _VIEW_WORD.search(low, end, min(len(low), end + 30))
                rest = low[at + len(s):end]
                if not (_WORK_PART.search(rest) or _ABOUT_RULES.match(low, end) or (after and low[end:after.start()].strip(" \t-") == ""
                                                    and _WORK_PART.match(after.group()))):
                    yield at, end, s
            at = low.find(s, at + 1, hi)


#: the other languages' words among somebody's ("sein" is a breast in French: "le cancer du sein";
#: "eu" is the EU)
_NOT_SOMEBODY = frozenset(("sein", "eu"))
#: the separators of a short field's parts ("Training in Amsterdam – jeg er gravid", "Medisin / ...")
_PART_SEPARATOR = re.compile(r"[ \t](?:–|—|-|/|\|)[ \t]|:[ \t]")


#: a first person's possessive ending on the illness's word, in the languages that write it so
#: (Turkish "diyabetim", "kanserim", "migrenim"; Finnish "syöpäni", "diabetekseni")
_MY_ENDING = re.compile(r"[a-z]{0,4}?(?:y?[iu]m|[iu]m[iu]z|ni)")
_MY_ENDING_STEMS = frozenset(fold(s) for s in POSSESSIVE_ENDING_STEMS)
#: the writer having or suffering from the condition right before its word ("I have epilepsy", "j'ai
#: de l'asthme", "soffro di asma"): two articles or words of degree between at most, or an elided
#: article ("I have uploaded the epilepsy recordings" is no condition of the writer's)
_OWN_CONDITION = re.compile(rf"(?<![\w'’])(?:{lex(OWN_CONDITION_BEFORE)})"
                            r"(?:[ \t]+(?:a|an|had|got|been|mild|severe|chronic|some|bad|light|de|la|le|une|un|di|il|una|"
                            r"el|um|uma|een|ernstige|lichte|na|av|af|lett|lätt|από|την|το|τη|leichte|schwere|"
                            r"chronische|lieve|grave|forte|leggera|leve|lekką|ciężką|przewlekłą)|[ \t]*(?:d|l|de l)['’]){0,2}?[ \t]*$")


def _told_in_passing(t: Text) -> Iterator[Finding]:
    """An illness, a treatment, an aid, a pregnancy, a sick note or a stay in hospital told in
    passing, of the writer or of somebody in its sentence ("Syn má leukémii", "soy celíaca", "Ik zit
    sinds een ongeluk in een rolstoel", "jeg er gravid i uge 30", "bin bis 3.6. raus (Gürtelrose)"):
    the sentence, or a short field's part. A treatment in a short field ("prosjektleder selv under
    cellegiftbehandling") needs nobody. Not a research topic's sentence, nor a question or a
    condition ("if anyone uses a wheelchair"), nor one's work ("I work on leukaemia")."""
    low = t.low
    short = len(low) <= _SHORT_SLOT and "\n" not in low.strip()
    done = -1
    hits = sorted(_passing_hits(t))
    # (a short field with a sick note: its illness is the writer's)
    noted = short and any(stem in _SICK_NOTES for _, _, stem in hits)
    for a, b, stem in hits:
        if a < done:
            continue
        if short:
            parts = [m.end() for m in _PART_SEPARATOR.finditer(t.text, 0, a)]
            start = parts[-1] if parts else 0
            nxt = _PART_SEPARATOR.search(t.text, b)
            end = nxt.start() if nxt else len(t.text)
            while start < end and t.text[start].isspace():
                start += 1
        else:
            start, end = _health_span(t, a, b)
        if _RESEARCH_TOPIC.search(low, start, end):
            continue
        lo, hi = max(start, a - 100), min(end, b + 40)
        if _IF_ASKED.search(low, lo, a):
            continue
        # (one's work before it, or a topic's word right after it: "je travaille sur le cancer",
        # "leukémie je téma jeho disertace")
        if _WORK_VERB.search(low, lo, a) or _TOPIC_AFTER.search(low, b, min(hi, b + 15)):
            continue
        told = short and (stem in _PASSING_TREATMENTS or noted and stem not in _SICK_NOTES)
        # (the writer's by the word's own ending, a first person's possessive: "diyabetim var", "syöpäni")
        told = told or stem in _MY_ENDING_STEMS and _MY_ENDING.fullmatch(low, a + len(stem), b) is not None
        told = told or _OWN_CONDITION.search(low, max(0, a - 50), a) is not None
        if not told:
            treatment = stem in _PASSING_TREATMENTS
            told = _FIRST_PERSON.search(low, lo, hi) is not None or any(
                w.encode() in _SOMEBODY_WORDS or w.encode() in _PASSING_ME or w.encode() in _NOTE_ROLES
                # (a treatment the writer goes to or gets, by the verb in the clause: "kemoterápiára járok")
                or treatment and w.encode() in _TREATMENT_ME
                for w in _VIEW_WORD.findall(low, lo, hi) if w not in _NOT_SOMEBODY)
        if told:
            yield Finding("personal.health", PERSONAL, start, end)
            done = end


#: a sense impairment's or a learning disorder's word (``SENSE_IMPAIRMENT_STEMS``): a stem of six
#: letters or more begins its word, a shorter one is the word with an ending of up to three letters
#: ("sourde", "głucha", "blinde"); a stem of two words is looked for when the text has its last word
_SENSE_STEMS = tuple(sorted({fold(s) for s in SENSE_IMPAIRMENT_STEMS}, key=len, reverse=True))
_SENSE = re.compile("|".join(re.escape(s) + (r"[\w]*" if len(s) >= 6 else r"\w{0,3}(?![\w])") for s in _SENSE_STEMS))
_SENSE_BYTES = re.compile(b"|".join(re.escape(s.split()[-1].encode()) for s in _SENSE_STEMS))
_SENSE_WORDS = WordClass(lambda w: _SENSE_BYTES.match(w) is not None)
#: a first person's "am" before it, up to two words between ("I'm partially deaf", "ich bin seit
#: Geburt taub"), or the copula after it ("nagyothalló vagyok", "gluha sam"); Turkish says the
#: person by the word's ending ("işitme engelliyim")
_SELF_BEFORE = re.compile(rf"(?<![\w'])(?:{lex(RELIGION_FIRST_COPULAS)})(?:[ \t]+[^\W\d_]{{1,12}}){{0,2}}?[ \t]+$")
_SELF_AFTER = re.compile(rf"[ \t]+(?:{lex(RELIGION_AFTER_COPULAS)})(?![\w])")


def _impaired_self(t: Text) -> Iterator[Finding]:
    """A sense impairment or a learning disorder told of oneself ("Ik ben slechthorend, dus graag
    ondertiteling", "je suis malentendante", "I'm deaf, please enable captions", "jestem
    niedosłysząca"): the sentence. Not a group's or a method's ("subtitles for hard-of-hearing
    participants", "a blind review"), which no first person's "am" says."""
    if not _SENSE_WORDS.among(t.words):
        return
    low = t.low
    done = -1
    for m in _SENSE.finditer(low):
        a, b = m.start(), m.end()
        if a < done or (a and (low[a - 1].isalnum() or low[a - 1] == "-")):
            continue
        if not (_SELF_BEFORE.search(low, max(0, a - 50), a) or _SELF_AFTER.match(low, b)
                or low.startswith("engelliyim", b - 7)):
            continue
        start, end = _health_span(t, a, b)
        if _RESEARCH_TOPIC.search(low, start, end):
            continue
        yield Finding("personal.health", PERSONAL, start, end)
        done = end


def health(t: Text) -> Iterator[Finding]:
    """A sentence saying somebody is ill ("Jan is on sick leave after his surgery", "sie ist
    krankgeschrieben"): the whole sentence, whose other words say who and why (a table's row
    whole: "Miriam | Krankgeschrieben bis 28.3. (Bandscheiben-OP)"); a condition with a place of
    care about somebody (``_conditions``); a person's disability or a condition one lives with
    (``_personal_conditions``)."""
    yield from _conditions(t)
    yield from _personal_conditions(t)
    yield from _residence_status(t)
    yield from _pregnancy_weeks(t)
    yield from _aids_since(t)
    yield from _operations_on_body(t)
    yield from _away_replies(t)
    yield from _told_in_passing(t)
    yield from _impaired_self(t)
    yield from _care_by_condition(t)
    yield from _hebrew_health(t)
    for m in _HEALTH.finditer(t, 40, 40):
        if _ABOUT_RULES.match(t.low, m.end()):
            continue  # "the sick leave policy": about the rules, not about somebody
        if _PLACE_AFTER.match(t.low, m.end()) or _IF_ASKED.search(t.low, max(t.line_span(m.start())[0], m.start() - 25), m.start()):
            continue  # "the site is in the hospital campus", "let me know if anyone is pregnant": nobody's
        yield Finding("personal.health", PERSONAL, *_health_span(t, m.start(), m.end()))


#: a care's condition ``CARE_BY_CONDITION_STEMS`` beginning a word (the short ones whole:
#: ``CARE_BY_CONDITION_WORDS``), as the view's words
_CBC_WORDS_EXACT = frozenset(fold(w).encode() for w in CARE_BY_CONDITION_WORDS.split())
_CBC_STEMS = tuple(sorted({fold(s).rstrip("-") for s in CARE_BY_CONDITION_STEMS
                           if fold(s).rstrip("-").encode() not in _CBC_WORDS_EXACT}, key=len, reverse=True))
_CBC_BYTES = re.compile(b"|".join(re.escape(s.encode()) for s in _CBC_STEMS))
_CBC_WORDS = WordClass(lambda w: w in _CBC_WORDS_EXACT or _CBC_BYTES.match(w) is not None)
_CBC_CONDITION = (r"(?:" + "|".join(re.escape(s) for s in _CBC_STEMS) + r")[^\W\d_]{0,5}?|"
                  + "|".join(re.escape(fold(w)) for w in CARE_BY_CONDITION_WORDS.split()))
_CBC_VISIT = lex(CARE_VISIT_WORDS)
#: the condition, then its clinic or appointment (one word, a compound or a hyphen between: "HIV
#: clinic", "Dialysetermine", "HIV-Ambulanz"), or the visit first, two small words between at most
#: ("rendez-vous en oncologie", "visite in psichiatria", "citas de VIH")
_CARE_BY_CONDITION = re.compile(
    rf"(?<![\w-])(?:(?:{_CBC_CONDITION})[ \t-]?(?:{_CBC_VISIT})|(?:{_CBC_VISIT})(?:[ \t]+[^\W\d_]{{1,4}}){{0,2}}[ \t]+(?:{_CBC_CONDITION}))(?![\w])")


def _care_by_condition(t: Text) -> Iterator[Finding]:
    """A clinic, an appointment or a treatment named by its condition, of somebody: "My HIV clinic
    appointments are on Thursdays", "meine Dialysetermine", "j'ai mes rendez-vous en oncologie le
    mardi", "mój ojciec ma wizyty w poradni onkologicznej": the sentence, when the writer or
    somebody (a pronoun, a relative, a colleague) is among the three words before it. Not a study's
    ("our HIV cohort study": no visit), nor an institution's ("data from the oncology clinic's PACS":
    nobody before it)."""
    if not _CBC_WORDS.among(t.words):
        return
    low = t.low
    done = -1
    for m in _CARE_BY_CONDITION.finditer(low):
        if m.start() < done:
            continue
        start, end = _sentence_around(t.text, m.start(), m.end())
        before = [w.encode() for w in _VIEW_WORD.findall(low, max(start, m.start() - 40), m.start())][-3:]
        if not any(w in _PERSON_WORDS or w in _SOMEBODY_WORDS for w in before):
            continue
        if _RESEARCH_TOPIC.search(low, start, end):
            continue
        yield Finding("personal.health", PERSONAL, start, end)
        done = end


#: Hebrew's words of health with their prefix letters (``HEBREW_HEALTH_STEMS``), somebody's words
#: and a research topic's
_HE_LETTERS = "\u05d0-\u05ea"
_HE_HEALTH = re.compile(rf"(?<![{_HE_LETTERS}])[ובכלמהש]{{0,3}}(?:{'|'.join(re.escape(s) for s in HEBREW_HEALTH_STEMS)})")
_HE_PERSON = frozenset(HEBREW_PERSON_WORDS.split())
_HE_TOPIC = frozenset(HEBREW_TOPIC_WORDS.split())
_HE_WORD = re.compile(rf"[{_HE_LETTERS}]+")
_HEBREW_WORDS = WordClass(lambda w: b"\xd7" in w)


def _he_is(word: str, words_: frozenset[str]) -> bool:
    """Is the Hebrew word one of ``words_``, itself or after one or two prefix letters?"""
    return word in words_ or any(word[i:] in words_ for i in (1, 2) if len(word) > i + 1 and word[i - 1] in "ובכלמהש")


def _hebrew_health(t: Text) -> Iterator[Finding]:
    """Health told in Hebrew of somebody: "אני כרגע בחופשת מחלה אחרי ניתוח בברך", "אמא שלי
    מאושפזת בבית החולים": the sentence, when it names somebody (I, a relative, a colleague, a role)
    and no research or data ("נתונים מבית החולים", a hospital as a data source, stays)."""
    if not _HEBREW_WORDS.among(t.words):
        return
    low = t.low
    done = -1
    for m in _HE_HEALTH.finditer(low):
        if m.start() < done:
            continue
        start, end = _sentence_around(t.text, m.start(), m.end())
        words_ = _HE_WORD.findall(low, start, end)
        if any(_he_is(w, _HE_TOPIC) for w in words_) or not any(_he_is(w, _HE_PERSON) for w in words_):
            continue
        yield Finding("personal.health", PERSONAL, start, end)
        done = end


#: a permit to live or work in a country ("titre de séjour", "Aufenthaltstitel", "residence permit")
_PERMIT = Lexicon(RESIDENCE_PERMITS, REFUGEE_STATUS, template=r"(?<![\w])(?:{body})(?![\w])")


#: a field of study or a rule after the permit's word: "asylum law", "visa policy", "Asylrecht"
#: name a discipline or a policy, nobody's status
_FIELD_AFTER = re.compile(
    r"[ \t-]*(?:law|laws|policy|policies|research|studies|system|systems|procedure|procedures|recht|rechts|politik|"
    r"droit|politique|diritto|politica|derecho|politica|direito|beleid|prawo|polityka|pravo|pravu|politika|jog|"
    r"oikeus|ratt|ret|rett|drept|dikaio|hukuku|oigus|tiesibas|teise)(?![\w])")
#: the permit's or the visa's forms that say whose by their ending ("oturma iznim", "vizem")
_OWN_PERMIT_ENDINGS = ("iznim", "iznimi", "iznimin", "engedelyem", "kartyam", "oleskelulupani", "vizem", "vizemi",
                       "vizumom")
_VISA = Lexicon(VISA_WORDS, template=r"(?<![\w])(?:{body})(?![\w])")
_VISA_STATUS = re.compile(rf"(?<![\w'])(?:{lex(VISA_STATUS)})")
_VISA_LETTER = re.compile(rf"(?<![\w'])(?:{lex(VISA_LETTER_WORDS)})")
#: the visa's status said by a first person's verb, in the languages that drop the pronoun ("čekam
#: radnu vizu", "czekam na wizę", "várom a vízumot", "vizemi bekliyorum")
_VISA_ME = re.compile(words(
    r"cekam|czekam|cekam na|warte|j'attends|aspetto|espero|aguardo|wacht|varom|varok|odotan|vantar pa|venter pa|"
    r"astept|perimeno|cakam|чакам|bekliyorum|ootan|gaidu|laukiu|i'm waiting|i am waiting|i'm still waiting|"
    r"ich warte|ik wacht|jag vantar|jeg venter"))


def _residence_status(t: Text) -> Iterator[Finding]:
    """Somebody's permit to live or work in a country, and where it stands: "mon titre de séjour a
    expiré le mois dernier", "my residence permit renewal is still pending" (h52), "his EU Blue
    Card application was refused", "Almanya'daki çalışma iznim henüz onaylanmadı" (the owner in
    the word's ending): the sentence. A visa, with where it stands and whose ("čekam radnu vizu,
    razgovor u nemačkoj ambasadi mi je 12. maja", "his visa was refused"). A permit nobody owns
    ("the residence permit office helps new staff"), a discipline ("Migration and asylum law"),
    a visa letter an event offers ("an invitation letter for your visa") is nobody's status."""
    text, low = t.text, t.low
    done = -1
    for m in _PERMIT.finditer(t, 20, 20):
        if m.start() < done or _FIELD_AFTER.match(low, m.end()):
            continue
        own = low[m.start():m.end()].endswith(_OWN_PERMIT_ENDINGS)
        if own or _somebody_before(text, low, m.start(), 3):
            start, end = _sentence_around(text, m.start(), m.end())
            yield Finding("personal.residence", PERSONAL, start, end)
            done = end
    for m in _VISA.finditer(t, 20, 20):
        if m.start() < done or _FIELD_AFTER.match(low, m.end()):
            continue
        start, end = _sentence_around(text, m.start(), m.end())
        if not _VISA_STATUS.search(low, start, end) or _IF_ASKED.search(low, start, m.start()) \
                or _in_address(low, m.start()) or _VISA_LETTER.search(low, start, end):
            continue
        own = low[m.start():m.end()].endswith(_OWN_PERMIT_ENDINGS) or _VISA_ME.search(low, start, end) is not None
        if own or _somebody_before(text, low, m.start(), 3, start) or _somebody_in(t, start, end, short_names=False):
            yield Finding("personal.residence", PERSONAL, start, end)
            done = end


#: (the small words that begin a sentence capitalised, and are nobody's name)
_NOT_A_NAME = folded_too(list(STOPWORDS))


def _somebody_before(text: str, low: str, at: int, reach: int, lo: int = 0) -> bool:
    """Is one of the ``reach`` words before the word at ``at`` somebody: a person's word
    (``_somebodys``: "my residence permit"), a relative, a title, a pronoun's other form
    (``_SOMEBODY_WORDS``: "his wife has refugee status", "Frau Schulze") or a name, a capitalised
    word that is no small word ("Amira has refugee status"; not "The asylum office")?"""
    spans = [m.span() for m in _VIEW_WORD.finditer(low, max(lo, at - 80), at)][-reach:]
    return any(low[a:b].encode() in _PERSON_WORDS or low[a:b].encode() in _SOMEBODY_WORDS or (
        text[a].isupper() and text[a + 1:b].islower() and b - a >= 3 and low[a:b] not in _NOT_A_NAME) for a, b in spans)


def _health_span(t: Text, start: int, end: int) -> tuple[int, int]:
    """The sentence around ``[start, end)``, or its line when the line is a table's row (a cell's
    dates and abbreviations end no sentence there: "| Krankgeschrieben bis 28.3. (OP) |")."""
    lo, hi = t.line_span(start)
    if "|" in t.text[lo:hi] or "\t" in t.text[lo:hi]:
        while lo < hi and t.text[lo] in " \t|":
            lo += 1
        while hi > lo and t.text[hi - 1] in " \t|":
            hi -= 1
        if hi - lo <= 400:
            return lo, hi
    return _sentence_around(t.text, start, end)


_PERSONAL_CONDITIONS = tuple(fold(s) for s in PERSONAL_CONDITION_STEMS)
_PERSONAL_CONDITION_BYTES = re.compile(b"|".join(re.escape(s.encode()) for s in _PERSONAL_CONDITIONS if " " not in s))
#: (a stem of two words is looked for when the text has its last word, the rarer: "sighted", "104";
#: "mit", "visual", "registered" are in many texts)
_PERSONAL_CONDITION_FIRST = frozenset(s.split()[-1].encode() for s in _PERSONAL_CONDITIONS if " " in s)
_PERSONAL_CONDITION_WORDS = WordClass(
    lambda w: w in _PERSONAL_CONDITION_FIRST or _PERSONAL_CONDITION_BYTES.search(w) is not None)
#: somebody, or one of their family, as the view's words
#: (a word of two letters is another language's small word too: "on", "je", "es", "ma", "mi")
_SOMEBODY_WORDS = frozenset(w for w in _PERSON_WORDS if len(w.decode()) >= 3 and w not in (b"min", b"ben", b"mis")) | {
    b"he", b"ik", b"io", b"yo", b"eu"} | frozenset(fold(w).encode() for w in PERSON_FORMS.split() if len(w) >= 3) | frozenset(fold(w).encode() for w in RELATIVE_WORDS.split()) | frozenset(
    fold(w).encode() for w in HONORIFICS.split() if len(w) > 1)
_RESEARCH_TOPIC = re.compile(words(RESEARCH_TOPIC_WORDS))
#: an initial and a surname ("K. Osei", "M. Nováková")
_INITIAL_NAME = re.compile(r"(?<![\w.])[^\W\d_a-zß-ÿ]\.[ ]?[^\W\d_a-zß-ÿ][^\W\d_A-Z]{2,}")
_VIEW_WORD = re.compile(r"[^\W\d_]+")
#: English's "I" with its verb ("I am asthmatic", "I've had diabetes since"): "i" alone is "and" or
#: "in" in other languages
_I_AM = re.compile(r"(?<![\w])i(?:'m|'ve| am| have| had| was| suffer| live)(?![\w])")
#: the Italian verb of switching off ("disabilitato", "disabilitare", "disabilitazione") begins as "disabilità"
_SWITCHED_OFF = ("disabilitat", "disabilitar", "disabilitaz")


#: the diseases of old age among the personal conditions (dementia, Alzheimer's, Parkinson's)
_AGE_DISEASES = tuple(fold(s) for s in ("dement", "demenz", "démence", "demenc", "demens", "άνοια", "деменц",
                                        "dementsus", "demanș", "demenț", "alzheimer", "альцгеймер", "алцхаймер",
                                        "αλτσχάιμερ", "parkinson", "паркинсон", "πάρκινσον"))


def _personal_conditions(t: Text) -> Iterator[Finding]:
    """A named person's disability, impairment or a condition one lives with ("Ms. Okafor ... her
    visual impairment", "il collega Rinaldi ... il figlio disabile", "Kovács Péter ... cukorbeteg és
    inzulinpumpát kapott"): the sentence (a table's row), when somebody is in it (a name, an
    initial and a surname, a pronoun, a relative, a title; a capitalised word in a short line, as
    a status field has it) and it is no research topic's ("a cohort of diabetes patients", "the
    depression study's data", "disability statistics")."""
    hits = _PERSONAL_CONDITION_WORDS.among(t.words)
    if not hits:
        return
    low = t.low
    done = -1
    # (only the stems that the text's words hold are looked for: a search of all the stems read a
    # long text once for each)
    present = {s for s in _PERSONAL_CONDITIONS if (s.split()[-1].encode() in hits if " " in s else
                                                   any(s.encode() in w for w in hits))}
    for m in sorted((m for s in present for m in re.finditer(re.escape(s), low)), key=lambda m: m.start()):
        if m.start() < done or (m.start() and low[m.start() - 1].isalnum()):
            continue  # (a stem begins its word, or a compound's part after a hyphen: "Typ-1-Diabetes")
        if low.startswith(_SWITCHED_OFF, m.start()):
            continue  # "il client è stato disabilitato": a service switched off, not a disability
        start, end = _health_span(t, m.start(), m.end())
        if _RESEARCH_TOPIC.search(low, start, end):
            continue
        # (a neurodegenerative disease is a project's title's as often: "Tytuł: Dynamika molekularna
        # białek ... z chorobą Alzheimera" names nobody by its capitalised words)
        if _somebody_in(t, start, end, short_names=not low.startswith(_AGE_DISEASES, m.start())):
            yield Finding("personal.health", PERSONAL, start, end)
            done = end


#: two capitalised words side by side, a name's particle between them allowed
_NAME_PAIR = re.compile(r"(?<![\w'’-])[^\W\d_a-zß-ÿ][^\W\d_A-Z]+[ ]+(?:(?:van|de|der|den|von|da|di|del|le|la|du|dos|das)[ ]+)?"
                        r"[^\W\d_a-zß-ÿ][^\W\d_A-Z]+(?![\w'’-])")


def _somebody_in(t: Text, start: int, end: int, short_names: bool = True) -> bool:
    """Is somebody in the sentence ``[start, end)``: a pronoun, a relative, a title (``_SOMEBODY_WORDS``),
    English's "I am", a name, an initial and a surname; in a short one (a status field, a row:
    "stalled – Tomek na zwolnieniu, depresja") a capitalised word after its first?"""
    text, clause = t.text, t.low[start:end]
    # (a title's or an initial's dot ends the sentence before the name: "Ms. Okafor", "K. Osei")
    before = max(t.line_span(start)[0], start - 12)
    if any(w.encode() in _SOMEBODY_WORDS for w in _VIEW_WORD.findall(clause)) or _I_AM.search(clause) or _INITIAL_NAME.search(
            text, before, end) is not None:
        return True
    if not short_names:
        # (a name's words side by side, a particle between them: "Mevrouw De Vries"; not "Ab der 12.
        # Schwangerschaftswoche", German's nouns with small words and numbers between)
        return _NAME_PAIR.search(text, before, end) is not None
    if _person_named(text, before, end):
        return True
    return short_names and end - start <= 160 and any(w.group()[0].isupper() and not w.group().isupper() and len(w.group()) >= 3
                                      for w in list(_NAME_WORD.finditer(text, start, end))[1:])


#: a pregnancy's word (``PREGNANCY_STEMS``), and "SSW", German's week of a pregnancy, as a word
_PREGNANCY_BYTES = re.compile(b"|".join(re.escape(fold(s).encode()) for s in PREGNANCY_STEMS))
_PREGNANCY_WORDS = WordClass(lambda w: w == b"ssw" or _PREGNANCY_BYTES.search(w) is not None)
_PREGNANCY = re.compile(rf"(?<![\w])ssw(?![\w])|{'|'.join(re.escape(fold(s)) for s in PREGNANCY_STEMS)}")
_WEEK = re.compile(rf"(?<![\w])ssw(?![\w])|{'|'.join(re.escape(fold(s)) for s in WEEK_STEMS)}")
#: a week's number: "30.", "30th", "30e", "30ª", "30-та" (not a share, "30 %", nor a part of a date)
_WEEK_NUMBER = re.compile(r"(?<![\d.,/:-])(?:[1-9]|[1-3]\d|4[0-2])(?:\.|st|nd|rd|th|e|de|ème|eme|ª|ª|a|o|η|ή|-?та|-?я|-?й)?(?![\d,/:]|\.\d|[ \t]*%)")


def _pregnancy_weeks(t: Text) -> Iterator[Finding]:
    """A pregnancy told by its week, of somebody ("Frau Schulze ist in der 30. Schwangerschaftswoche",
    "she is 24 weeks into her pregnancy", "à 30 semaines de grossesse"): the sentence. (Not the
    law's "ab der 12. Schwangerschaftswoche", which names nobody, nor a study's.)"""
    if not t.has_digit or not _PREGNANCY_WORDS.among(t.words):
        return
    low = t.low
    done = -1
    for m in _PREGNANCY.finditer(low):
        if m.start() < done:
            continue
        lo, hi = max(0, m.start() - 40), min(len(low), m.end() + 40)
        # (the week, its number within the clause: "in week 30 of her pregnancy", "a 30. hetében terhes")
        if not (_WEEK.search(low, lo, hi) and _WEEK_NUMBER.search(low, lo, hi)):
            continue
        start, end = _health_span(t, m.start(), m.end())
        # (a week's ordinal dot ends no sentence: "Frau Schulze ist in der 30. Schwangerschaftswoche")
        number = _WEEK_NUMBER.search(low, lo, hi)
        if number and number.start() < start:
            start = _titled_sentence(t.text, number.start(), number.end())[0]
        # (no capitalised word alone: German's nouns are, "ab der 12. Schwangerschaftswoche gilt das
        # Beschäftigungsverbot")
        if _RESEARCH_TOPIC.search(low, start, end) or not _somebody_in(t, start, end, short_names=False):
            continue
        yield Finding("personal.health", PERSONAL, start, end)
        done = end


#: a title's or an initial's dot before a name, which ends no sentence ("Dr. Osei", "Prof. Weber", "K. Osei")
_TITLE_DOT_BEFORE = re.compile(r"(?<![\w.])[A-Z][a-z]{0,3}\.[ \t]*$")


def _titled_sentence(text: str, start: int, end: int) -> tuple[int, int]:
    """``_sentence_around``, its start moved back over a title's or an initial's dot ("Dr. Osei
    uses a wheelchair": the title and the name go with it)."""
    lo, hi = _sentence_around(text, start, end)
    while lo > 0 and (m := _TITLE_DOT_BEFORE.search(text, max(0, lo - 8), lo)):
        lo = min(m.start(), _sentence_around(text, m.start(), m.start())[0])
    return lo, hi


#: a mobility aid's words (``MOBILITY_AID_STEMS``), as the view's words (a stem of two words by its first)
_AID_STEMS = tuple(fold(s) for s in MOBILITY_AID_STEMS)
_AID_BYTES = re.compile(b"|".join(re.escape(s.encode()) for s in _AID_STEMS if " " not in s))
_AID_FIRST = frozenset(s.split()[0].encode() for s in _AID_STEMS if " " in s)
_AID_WORDS = WordClass(lambda w: w in _AID_FIRST or _AID_BYTES.search(w) is not None)
_AID = re.compile("|".join(re.escape(s) for s in sorted(_AID_STEMS, key=len, reverse=True)))
#: a condition told as a cause or a time: the word before it, two words between at most ("since
#: his stroke", "nach ihrer Knie-OP", "after her knee surgery"), or the word after it ("térdműtét után")
_CAUSE_BEFORE = re.compile(rf"(?<![\w])(?:{lex(CONDITION_CAUSE_BEFORE)})(?:[ \t]+[^\W\d_]+){{0,2}}?[ \t]+[\w'’-]*$")
_CAUSE_AFTER = re.compile(rf"[\w-]*[ \t]+(?:{lex(CONDITION_CAUSE_AFTER)})(?![\w])")


_HEART_ATTACK = re.compile("|".join(re.escape(fold(s)) for s in HEART_ATTACK_STEMS))
#: the writer's own ("meinem", "my", "mém"), between the word of time and the condition
_OWN = re.compile(rf"(?<![\w])(?:{lex(FIRST_PERSON_POSSESSIVES)})[ \t]+")
#: the writer a few words before the word of time ("jsem týden po", "bin noch zwei Wochen krank nach")
_FIRST_PERSON_NEAR = re.compile(rf"{words(FIRST_PERSON_WORDS)}(?:[ \t]+[^\W\d_]+){{0,4}}[ \t]*$")


def _after_own(low: str, start: int, end: int) -> bool:
    """Is the condition at ``[start, end)`` told as a time after which the writer is: the writer's
    own condition after a word of time ("nach meinem Herzinfarkt"), or the writer a few words before
    it ("jsem týden po infarktu", "I'm two weeks after a stroke"), or before the condition with the
    word of time after it ("két hete vagyok infarktus után")?"""
    cause = _CAUSE_BEFORE.search(low, max(0, start - 60), start)
    if cause is not None:
        between = low[cause.start():start]
        word = _VIEW_WORD.match(low, cause.start())
        if word and _OWN.search(between, word.end() - cause.start()):
            return True
        return _FIRST_PERSON_NEAR.search(low, max(0, cause.start() - 60), cause.start()) is not None
    if _CAUSE_AFTER.match(low, end):
        return _FIRST_PERSON_NEAR.search(low, max(0, start - 60), start) is not None
    return False


#: a thing's word after the condition's: an operation of something is a task's ("after the operation
#: of the new cluster", "après l'opération de migration")
_OF_SOMETHING = re.compile(r"\w*[ \t]+(?:of|du|des|de|della|dello|dei|del|degli|van|der|des)(?![\w])")


def _self_after_condition(t: Text) -> Iterator[Finding]:
    """The writer some time after a condition, in a sentence of any text: a first person's "am"
    a few words before the word of time ("jsem měsíc po infarktu", "jestem tydzień po operacji",
    "I'm a month after surgery", "ich bin zwei Wochen nach der OP"), or, for a heart attack or a
    stroke, the writer's own after it ("since my stroke"): the sentence. Not a research topic's
    ("we are after stroke patients' data"), nor a machine's ("the node after the crash": no
    condition), nor a sentence whose "after" is a task's ("I am busy after the operation of the
    cluster": no first person's "am" right before the word of time)."""
    low = t.low
    done = -1
    for m in t.matches(_CONDITION, _condition_starts):
        a, b = m.start(), m.end()
        if a < done or (a and low[a - 1].isalnum() and not _HEART_ATTACK.match(low, a)):
            continue  # (a stem begins its word, a heart attack's may end a compound: "hartinfarct")
        start, end = _sentence_around(t.text, a, b)
        cause = _CAUSE_BEFORE.search(low, max(start, a - 60), a)
        if cause is None:
            continue
        own = _SELF_BEFORE.search(low, max(start, cause.start() - 50), cause.start()) is not None
        if not own and _HEART_ATTACK.match(low, a):
            own = _after_own(low[start:end], a - start, b - start)
        if own and not _RESEARCH_TOPIC.search(low, start, end) and not _ops_word(low, a, b) \
                and not _OF_SOMETHING.match(low, b):
            yield Finding("personal.health", PERSONAL, start, end)
            done = end


def _told_as_cause(low: str, start: int, end: int) -> bool:
    """Is the condition at ``[start, end)`` told with a word of cause or time ("since his stroke",
    "térdműtét után")?"""
    return _CAUSE_BEFORE.search(low, max(0, start - 60), start) is not None or _CAUSE_AFTER.match(low, end) is not None


def _aids_since(t: Text) -> Iterator[Finding]:
    """A mobility aid used since or because of a condition ("Dr. Osei uses a wheelchair since his
    stroke", "sitzt seit dem Schlaganfall im Rollstuhl", "camina con muletas tras la operación"):
    the sentence, whoever it names. (Not "the venue is wheelchair accessible", nor a study's
    "wheelchair users after stroke".)"""
    if not _AID_WORDS.among(t.words) or not _names_a_condition(t):
        return
    low = t.low
    done = -1
    for m in _AID.finditer(low):
        if m.start() < done or _ACCESSIBLE.match(low, m.end()):
            continue
        start, end = _titled_sentence(t.text, m.start(), m.end())
        if _RESEARCH_TOPIC.search(low, start, end):
            continue
        for c in _CONDITION.finditer(low, start, end):
            if abs(c.start() - m.start()) <= 80 and _told_as_cause(low, c.start(), c.end()):
                yield Finding("personal.health", PERSONAL, start, end)
                done = end
                break


#: the words of a care need (``lexicon.CARE_NEED_STEMS``), as the view's words: a text without one
#: is not looked at
_CARE_NEED_BYTES = re.compile(b"|".join(re.escape(fold(s).encode()) for s in CARE_NEED_STEMS if " " not in s))
#: (a stem of two words is looked for when the text has its first word: "fauteuil", "wózek")
_CARE_NEED_FIRST = frozenset(fold(s).split()[0].encode() for s in CARE_NEED_STEMS if " " in s)
_CARE_NEED_WORDS = WordClass(lambda w: w in _CARE_NEED_FIRST or _CARE_NEED_BYTES.search(w) is not None)
_CARE_NEED = re.compile("|".join(re.escape(fold(s)) for s in sorted(CARE_NEED_STEMS, key=len, reverse=True)))
#: the small words inside a name ("Seán Ó Briain", "Jan van Dijk", "Maria da Silva")
_NAME_PARTICLES = folded_too(NAME_PARTICLES)


def _person_named(text: str, start: int, end: int) -> bool:
    """Two capitalised words in a row in ``text[start:end]``, a name's particles between them
    allowed ("Camilla Holm", "Seán Ó Briain")."""
    previous = False
    for w in _NAME_WORD.finditer(text, start, end):
        word = w.group()
        if word.lower() in _NAME_PARTICLES:
            continue
        capitalised = len(word) > 1 and word[0].isupper() and not word.isupper()
        if capitalised and previous:
            return True
        # (an initial, then the surname: "M. de Graaf", "J. Novák")
        previous = capitalised or (len(word) == 1 and word.isupper() and text[w.end():w.end() + 1] == ".")
    return False


_NAME_WORD = re.compile(r"[^\W\d_][\w'’-]*")
#: (an initial's dot ends no clause: "M. de Graaf (epilepsiepatiënt, ...)")
_CARE_CLAUSE_END = re.compile(r"(?<!(?<![\w])[^\W\d_])[.;!?](?:[ \t]|$)")
#: after a wheelchair's word: what a place offers ("wheelchair accessible", "rollstuhlgerecht")
_ACCESSIBLE = re.compile(rf"[\w-]*[ \t-]*(?:{lex(ACCESSIBLE_WORDS)})")


#: a hospital's number of a patient: a medical record number ("MRN-7730192"), or a code with a
#: patient's part ("HUG-PAT-004719") in a text that speaks of patients
#: (a file's name may go on after it: "MRN-7730192_CT_thorax.nii.gz")
_RECORD_NUMBER = re.compile(r"(?<![\w-])MRN[-: #]?\d{5,10}(?![A-Za-z0-9-])", re.IGNORECASE)
_PATIENT_CODE = re.compile(r"(?<![\w-])[A-Z]{2,6}-(?:PAT|PT|PID)-(?P<n>[A-Z0-9]{2,12})(?:-[A-Z0-9]{1,12})?(?![A-Za-z0-9-])")


#: a patient number's label, then (a "no.", a colon, a "#" between) its number: digits, perhaps in
#: groups ("MRN 004-88-1923", "Patientennummer 88412", "číslo pacienta: 7705 1234")
_PATIENT_LABEL = Lexicon(PATIENT_NUMBER_LABELS)
_PATIENT_NUMBER = re.compile(r"[ \t]*(?:\(?[ \t]*(?:n°|no\.?|nr\.?|n\.|num\.?|#|č\.|id)[ \t]*\)?)?[ \t]*[:=#-]?[ \t]*"
                             r"(?P<n>\d{2,4}(?:[ ]\d{2,4}){1,3}(?![ ]?\d)|\d[\d/-]{2,18}\d)(?![\w/-]*\d)(?!\.\d)")
#: (a year or a date after the label is no patient's number: "historia clínica 2023", "MRN 2024-05-01")
_YEAR_OR_DATE = re.compile(r"(?:19|20)\d\d|\d{4}[-/]\d{1,2}[-/]\d{1,2}|\d{1,2}[-/]\d{1,2}[-/](?:19|20)\d\d")


def _patient_numbers(t: Text) -> Iterator[Finding]:
    """A number after a patient number's label (``PATIENT_NUMBER_LABELS``), four digits at least,
    and the same number wherever else the text gives it (a file named after it: "/data/in/004-88-1923.nii.gz")."""
    text = t.text
    seen: set[str] = set()
    for m in _PATIENT_LABEL.finditer(t, 10, 40):
        n = _PATIENT_NUMBER.match(text, m.end(), min(len(text), m.end() + 40))
        if n is None or sum(c.isdigit() for c in n.group("n")) < 4 or _YEAR_OR_DATE.fullmatch(n.group("n")):
            continue
        yield Finding("personal.patient-id", PERSONAL, *n.span("n"))
        seen.add(n.group("n"))
    for number in seen:  # (the same number again, its groups joined or not: a file's name, a path)
        for same in {number, re.sub(r"[ /-]", "", number)}:
            for o in re.finditer(r"(?<![\d])" + re.escape(same) + r"(?![\d])", text):
                yield Finding("personal.patient-id", PERSONAL, o.start(), o.end())


def patient_codes(t: Text) -> Iterator[Finding]:
    if not t.has_digit:
        return
    if "mrn" in t.low:
        for m in _RECORD_NUMBER.finditer(t.text):
            yield Finding("personal.patient-id", PERSONAL, m.start(), m.end())
    yield from _patient_numbers(t)
    if ("-pat-" in t.low or "-pt-" in t.low or "-pid-" in t.low) and _PATIENTS.among(t.words):
        for m in _PATIENT_CODE.finditer(t.text):
            n = m.group("n")
            if sum(c.isdigit() for c in n) >= 4 and not re.fullmatch(r"(?:19|20)\d\d", n):
                yield Finding("personal.patient-id", PERSONAL, m.start(), m.end())


#: a form's field asking for one's needs or one's health (``NEEDS_LABELS``, ``MEDICAL_LABELS``)
_NEEDS_LABEL = Lexicon(NEEDS_LABELS, MEDICAL_LABELS)
_MEDICAL_LABEL = re.compile(rf"(?:{lex(MEDICAL_LABELS)})")
#: before the label on its line: a list's or a table's signs, a number, two words at most ("Your
#: dietary requirements", "3. Special needs")
_LABEL_LEAD = re.compile(r"[ \t>*•|#\d.)-]*(?:[^\W\d_]+[ \t]+){0,2}")
#: after it: its explanation in brackets, then a colon, a question mark, a cell's bar or the line's end
_LABEL_TAIL = re.compile(r"[ \t]*(?:\([^()\n]{0,80}\))?[ \t]*(?:[:?|][ \t]*|$)")
_NEED_STEM = re.compile("|".join(re.escape(fold(s)) for s in sorted(
    {*CONDITION_STEMS, *PERSONAL_CONDITION_STEMS, *CARE_NEED_STEMS, *DIAGNOSIS_STEMS, *AID_STEMS}, key=len, reverse=True)))
_NO_NEEDS = re.compile(rf"[\W_]*(?:(?:{lex(NO_NEEDS)})(?![\w])[\W_]*)?")


def _needs_answers(t: Text) -> Iterator[Finding]:
    """The answer to a form's field that asks for one's needs ("Esigenze particolari (accessibilità,
    alimentazione, ecc.): sono celiaco e ho una protesi all'anca", a table's "Besoins spécifiques"
    cell and the next one): the person's health when it names a condition, an aid or a treatment;
    any answer but "none" to a field that asks for one's allergies or medical information. (Not
    "the venue's accessibility", which is no field's label; not "Dietary requirements: vegetarian".)"""
    text, low = t.text, t.low
    for m in _NEEDS_LABEL.finditer(t, 40, 40):
        line_start, line_end = t.line_span(m.start())
        lead = _LABEL_LEAD.match(low, line_start, m.start())
        if lead is None or lead.end() != m.start():
            continue
        tail = _LABEL_TAIL.match(low, m.end(), line_end)
        if tail is None:
            continue
        start, end = tail.end(), line_end
        if not low[start:end].strip(" \t|"):
            # the answer on the next line that holds something (an HTML table's next cell)
            nxt = end
            for _ in range(6):
                if nxt >= len(low):
                    break
                start, end = t.line_span(nxt + 1)
                if low[start:end].strip(" \t|"):
                    break
                nxt = end
            else:
                continue
        end = min(end, start + 300)
        while start < end and text[start] in " \t|":
            start += 1
        while end > start and text[end - 1] in " \t|":
            end -= 1
        answer = low[start:end]
        if not answer or _NO_NEEDS.fullmatch(answer):
            continue
        # (a stem begins its word; "the venue is wheelchair accessible" is the place's)
        if _MEDICAL_LABEL.fullmatch(low, m.start(), m.end()) or any(
                not (s.start() and answer[s.start() - 1].isalnum()) and not _ACCESSIBLE.match(answer, s.end())
                for s in _NEED_STEM.finditer(answer)):
            yield Finding("personal.health", PERSONAL, start, end)


def care_needs(t: Text) -> Iterator[Finding]:
    """A named person's allergy, coeliac disease or wheelchair, as a registration export, a rooming
    list or a workshop's mail lists them ("Camilla Holm (kørestolsbruger, ...)", "Piotr Mazur;ACK
    Cyfronet;;nut allergy", "tá ailléirge cnó ar Seán Ó Briain"): health data of that person. The
    line the need is on goes, or its sentence when the line is long. And the answer to a form's
    field that asks for one's needs (``_needs_answers``)."""
    yield from _needs_answers(t)
    if not _CARE_NEED_WORDS.among(t.words):
        return
    yield from _told_allergies(t)
    text = t.text
    done = -1
    for m in _CARE_NEED.finditer(t.low):
        if m.start() < done:
            continue
        start, end = t.line_span(m.start())
        if end - start > 200:
            start, end = _sentence_around(text, m.start(), m.end())
        while start < end and text[start] in " \t-*•":
            start += 1
        if _ACCESSIBLE.match(t.low, m.end()):
            continue  # "the venue is wheelchair accessible": a place's, not a person's
        if _IN_CASE.search(t.low, max(start, m.start() - 60), m.start()):
            continue  # "Im Falle einer schweren Allergie liegt ... am Empfang": a need that may arise
        # (the name in the need's clause: a list's separator, ';' with no space, is no clause's end)
        lo = max((c.end() for c in _CARE_CLAUSE_END.finditer(text, max(start, m.start() - 80), m.start())),
                 default=max(start, m.start() - 80))
        stop = _CARE_CLAUSE_END.search(text, m.end(), min(end, m.end() + 60))
        if _person_named(text, lo, stop.start() if stop else min(end, m.end() + 60)):
            yield Finding("personal.health", PERSONAL, start, end)
            done = end


#: a verb of having an allergy, then up to three words (an article, "a severe"), then the allergy's word
_HAVING_ALLERGY = re.compile(rf"(?<![\w'’])(?:{lex(HAVING_ALLERGY_VERBS)})(?:[ \t]+[\w'’-]+){{0,3}}?[ \t]+[\w'’-]*$")
_ALLERGY_DETAIL = re.compile(rf"(?<![\w'’])(?:{lex(ALLERGY_DETAIL_WORDS)})(?![\w])")
_EMERGENCY_DRUG = re.compile(rf"(?<![\w])(?:{lex(EMERGENCY_DRUG_WORDS)})")
_IF = re.compile(rf"(?<![\w'’])(?:{lex(IF_WORDS)})(?![\w'’])")
_IN_CASE = re.compile(rf"(?<![\w'’])(?:{lex(IN_CASE_WORDS)})(?![\w'’])")
#: an allergy's severity (the first words of ``ALLERGY_DETAIL_WORDS``, before "to")
_ALLERGY_SEVERITY = re.compile(rf"(?<![\w'’])(?:{lex(ALLERGY_DETAIL_WORDS.split('|to|')[0])})(?![\w])")
#: the writer's word: "I", "my", "j'ai", "mein", "mon"
_OWN_WORD = re.compile(rf"(?<![\w'’])(?:{lex(POSSESSIVES)}|i|i'm|j'ai|j’ai|ich|je|ik|io|yo|eu|jag|jeg|ja|minä|mio|mia|mój|moja|moje|mitt|mit|minun|meu|minha|mi)(?![\w'’])")
_ALLERGY_STEM = re.compile("allerg|alerg|αλλεργ|аллерг|алерг|alerji|anaphyla|epipen")


def _told_allergies(t: Text) -> Iterator[Finding]:
    """Somebody's allergy told in a sentence, not a form's field: a verb of having it right before its
    word and its severity, an emergency drug or what it is to after it ("ha un'allergia grave alle
    arachidi", "she has a severe nut allergy", "ma silną alergię na orzechy"), or an emergency drug
    in its sentence ("porta sempre con sé l'adrenalina autoiniettabile"): the sentence. Not "if you
    have an allergy", "any allergies", nor "the form has an allergy field"."""
    text, low = t.text, t.low
    done = -1
    for m in _ALLERGY_STEM.finditer(low):
        if m.start() < done:
            continue
        start, end = _sentence_around(text, m.start(), m.end())
        word_end = m.end()
        while word_end < len(low) and (low[word_end].isalnum() or low[word_end] == "-"):
            word_end += 1
        verb = _HAVING_ALLERGY.search(low, max(start, m.start() - 40), m.start())
        if verb is None:
            # (no verb, a note's words: its severity next to it and one's own
            # word in its sentence, "allergie sévère aux arachides (j'ai mon stylo d'adrénaline)")
            if _IF.search(low, start, m.start()):
                continue
            severe = _ALLERGY_SEVERITY.search(low, max(start, m.start() - 25), min(end, word_end + 25))
            if severe and _OWN_WORD.search(low, start, end):
                yield Finding("personal.health", PERSONAL, start, end)
                done = end
            continue
        if _IF.search(low, max(start, verb.start() - 30), m.start()):
            continue
        detail = _ALLERGY_DETAIL.match(low, word_end + 1, min(end, word_end + 30)) if low[word_end:word_end + 1] == " " else None
        detail = detail \
            or _ALLERGY_DETAIL.search(low, max(start, verb.start()), m.start()) \
            or _EMERGENCY_DRUG.search(low, start, end)
        if detail:
            yield Finding("personal.health", PERSONAL, start, end)
            done = end


# --- a person's religion -----------------------------------------------------------------------

#: a faith's follower's words, as the view's words (``RELIGION_WORDS``, ``RELIGION_AFTER_ARTICLE``)
_FAITH_WORDS = WordClass(frozenset(fold(w).encode() for w in RELIGION_WORDS.split())
                         | frozenset(fold(w).encode() for w in RELIGION_AFTER_ARTICLE.split("|")))
_FAITH = rf"(?:{lex(RELIGION_WORDS.replace(' ', '|'))}|(?:{lex('a|an|ein|eine|un|une|uno|una|een|en|ett|et')})[ \t]+" \
         rf"(?:(?:{lex(RELIGION_BETWEEN)})[ \t]+)?(?:{lex(RELIGION_AFTER_ARTICLE)}))"
_FAITH_BETWEEN = rf"(?:(?:{lex(RELIGION_BETWEEN)})[ \t]+){{0,2}}"
#: the faith said of oneself ("ik ben moslim", "I am a practising Catholic", "moszlim vagyok")
_OWN_FAITH = re.compile(
    rf"(?<![\w'])(?:{lex(RELIGION_FIRST_COPULAS)})[ \t]+{_FAITH_BETWEEN}{_FAITH}(?![\w-])"
    rf"|(?<![\w'-]){_FAITH}[ \t]+(?:{lex(RELIGION_AFTER_COPULAS)})(?![\w])")
#: the faith said of somebody, the word before the copula being whose ("he is Jewish", "Yusuf is moslim")
_THEIR_FAITH = re.compile(
    rf"(?<![\w'])(?P<who>[^\W\d_]+)[ \t]+(?:{lex(RELIGION_THIRD_COPULAS)})[ \t]+{_FAITH_BETWEEN}{_FAITH}(?![\w-])")
#: the pronouns of a third person, before "is"
_THIRD_PERSONS = folded_too("he she er sie il elle lui lei él ella ele ela hij zij ze on ona ő han hon hun hän "
                            "el ea αυτός αυτή он она він вона".split())
_SEASON = Lexicon(RELIGIOUS_SEASONS)
_PRACTICE = re.compile(words(RELIGIOUS_PRACTICE + "|" + RELIGIOUS_PRACTICE_FIRST))
#: the practice said in the first person by its own words or ending ("oruç tuttuğum", "postíme")
_PRACTICE_FIRST = re.compile(words(RELIGIOUS_PRACTICE_FIRST))
#: "we" keeping a season's practice ("during Lent we fast")
#: we (and Hebrew's I and we: no "somebody" word of ``_somebody_in`` is Hebrew)
_WE = re.compile(r"(?<![\w'])(?:we|wij|wir|nous|noi|nosotros|nós|my|vi|אני|אנחנו)(?![\w'])")


#: a religious observance (``RELIGIOUS_OBSERVANCES``), as its word's start: the view's words, and the pattern
_OBSERVANCE_STEMS = tuple(sorted({fold(s) for s in RELIGIOUS_OBSERVANCES}, key=len, reverse=True))
_OBSERVANCE_BYTES = re.compile(b"|".join(re.escape(s.split()[-1].encode()) for s in _OBSERVANCE_STEMS))
_OBSERVANCE_WORDS = WordClass(lambda w: _OBSERVANCE_BYTES.match(w) is not None)
_OBSERVANCE = re.compile(r"(?<![\w])(?:" + "|".join(re.escape(s) for s in _OBSERVANCE_STEMS) + ")")
_OBSERVANCE_STARTS = WordStarts(_OBSERVANCE_STEMS)
#: a place of worship among the observances: it says one's practice only with a first person and no
#: event held there ("the workshop dinner is next to the mosque", "a visit to the old synagogue")
_WORSHIP_PLACES = ("mosque", "moschee", "moskee", "mosquee", "moschea", "mezquita", "mesquita", "meczet", "mesit",
                   "mecset", "moske", "moskeij", "τζαμι", "dzamij", "mosej", "джамия", "camiye", "camide",
                   "synagog", "sinagog", "zsinagog", "συναγωγ", "синагог")
_VENUE_WORDS = re.compile(
    r"(?<![\w])(?:workshop|meeting|conference|dinner|lunch|tour|visit|excursion|venue|held|located|hall|museum|"
    r"besuch|besichtigung|führung|fuhrung|tagung|visite|excursie|bezoek|wycieczk|zwiedzani|kirándul|látogat|"
    r"gita|visita|excursion|excursão|retkelle|vierailu|besök|besøg)")
_HOLY_DAY_REST = re.compile(words(HOLY_DAY_REST))


def _observances(t: Text) -> Iterator[Finding]:
    """One's religious observance told as a reason or a habit ("vrijdagmiddag ben ik er niet vanwege
    het vrijdaggebed in de moskee", "I leave early on Fridays for Friday prayers", "sonntags bin
    ich im Gottesdienst"): the sentence, with somebody in it. A place of worship as a venue ("the
    dinner is next to the Great Mosque") is nobody's practice."""
    if not _OBSERVANCE_WORDS.among(t.words):
        return
    low = t.low
    done = -1
    for m in t.matches(_OBSERVANCE, _OBSERVANCE_STARTS):
        if m.start() < done or _in_address(low, m.start()):
            continue
        start, end = _sentence_around(t.text, m.start(), m.end())
        if _RESEARCH_TOPIC.search(low, start, end) or _IF_ASKED.search(low, start, m.start()):
            continue
        if m.group().startswith(_WORSHIP_PLACES):
            if _VENUE_WORDS.search(low, start, end) or not (_FIRST_PERSON.search(low, start, end) or _I_AM.search(low, start, end)):
                continue
        elif not (any(w.encode() in _SOMEBODY_WORDS for w in _VIEW_WORD.findall(low, start, end))
                  or _I_AM.search(low, start, end) or _FIRST_PERSON.search(low, start, end)):
            continue  # (somebody by a word, not by capitalised words: German's nouns, "Der Gottesdienst im Dom")
        yield Finding("personal.religion", PERSONAL, start, end)
        done = end


def religion(t: Text) -> Iterator[Finding]:
    """A person's religion, a special category of the GDPR: said of oneself or of somebody ("ik
    ben moslim", "er ist praktizierender Katholik", "moszlim vagyok"), or its practice, one's
    fasting in a faith's season ("tijdens de ramadan vast ik", "I fast during Lent"): the sentence.
    (Not a faith as a topic or a date: "a workshop on religion and science", "the Ramadan
    holidays", "the Catholic University of Leuven".)"""
    text, low = t.text, t.low
    hits = _FAITH_WORDS.among(t.words)
    if hits:
        # (read around the faith's words only: the copula and the word before it, the copula after)
        at = sorted(p for w in hits for p in t.word_positions(w.decode()))
        windows = [(max(0, p - 60), min(len(low), p + 60)) for p in at]
        seen: set[int] = set()
        for m in (m for lo, hi in windows for m in chain(_OWN_FAITH.finditer(low, lo, hi), _THEIR_FAITH.finditer(low, lo, hi))):
            if m.start() in seen:
                continue
            seen.add(m.start())
            if "who" in m.groupdict() and m.group("who") is not None:
                who = m.group("who")
                a = m.start("who")
                if not (who in _THIRD_PERSONS or (text[a].isupper() and text[a + 1:m.end("who")].islower()
                                                  and len(who) >= 3 and who not in _NOT_A_NAME)):
                    continue
            yield Finding("personal.religion", PERSONAL, *_sentence_around(text, m.start(), m.end()))
    for s in _SEASON.finditer(t, 120, 120):
        start, end = _sentence_around(text, s.start(), s.end())
        for p in chain(_PRACTICE.finditer(low, start, end), _HOLY_DAY_REST.finditer(low, start, end)):
            if p.start() < s.end() and s.start() < p.end():
                continue  # (one word, "fasten", "vasten": the season named, not kept by somebody)
            if _PRACTICE_FIRST.match(low, p.start()) or _somebody_in(t, start, end) or _WE.search(low, start, end):
                yield Finding("personal.religion", PERSONAL, start, end)
                break
    yield from _observances(t)


# --- a person's family events -------------------------------------------------------------------

_FAMILY_STEMS = tuple(sorted({fold(s) for s in FAMILY_EVENT_STEMS}, key=len, reverse=True))
_FAMILY_WHOLE = frozenset(fold(w) for w in FAMILY_EVENT_WORDS.split())
_FAMILY_OWN = frozenset(fold(w) for w in FAMILY_EVENT_OWN.split())
#: (a stem of two words is looked for when the text has its last word: "communion" of "first communion")
_FAMILY_BYTES = re.compile(b"|".join(re.escape(s.split()[-1].encode()) for s in _FAMILY_STEMS))
_FAMILY_WORDS = WordClass(lambda w: w.decode() in _FAMILY_WHOLE or _FAMILY_BYTES.match(w) is not None)
_FAMILY_EVENT = re.compile(
    r"(?<![\w])(?:" + "|".join(re.escape(s) for s in _FAMILY_STEMS) + r"|(?:"
    + "|".join(re.escape(w) for w in sorted(_FAMILY_WHOLE, key=len, reverse=True)) + r")(?![\w]))")
_DEATH = Lexicon(DEATH_VERBS)
#: a relative, as the view's words (``RELATIVE_WORDS``, ``FAMILY_EVENT_RELATIVES``); the ones that are
#: other words too ("far", "mor", "son", "kind", "child", "fils") only after a possessive ("hans far",
#: "min mor", "mon fils"; not "so far", "the child process died")
_RELATIVES = frozenset(fold(w) for w in (RELATIVE_WORDS + " " + FAMILY_EVENT_RELATIVES).split())
_AMBIGUOUS_RELATIVES = frozenset(("far", "mor", "son", "kind", "child", "kid", "fils", "partner", "sin", "frau",
                                  "mann", "barn", "enfant", "fia", "apa", "mama", "isa", "ema", "brat", "tata"))


def _relative_in(low: str, start: int, end: int) -> bool:
    """Is a relative named in ``low[start:end]`` ("hans far", "mein Vater", "pogrzeb mojej mamy")?"""
    before = ""
    for w in _VIEW_WORD.findall(low, start, end):
        if w in _RELATIVES and (w not in _AMBIGUOUS_RELATIVES or before.encode() in _PERSON_WORDS
                                or before.encode() in _SOMEBODY_WORDS):
            return True
        before = w
    return False


def family_events(t: Text) -> Iterator[Finding]:
    """A family event of the writer or of somebody named, given as the reason for an absence: a
    relative's death and funeral ("hans far døde i weekenden, og begravelsen er på fredag i
    Aalborg", "mein Vater ist gestorben"), a divorce ("a válásom miatt két hónapig alig voltam
    bent"), a child's baptism or a religious rite ("krštenje moje kćeri u crkvi sv. Marka", "la
    prima comunione di mio figlio"): the sentence. Not such a word with nobody's ("a dataset of
    funeral records"), a process's death ("the child process died"), nor a question ("if you have
    a funeral to attend")."""
    text, low = t.text, t.low
    spans: list[tuple[int, int]] = []
    if _FAMILY_WORDS.among(t.words):
        for m in _FAMILY_EVENT.finditer(low):
            if spans and m.start() < spans[-1][1] or _in_address(low, m.start()):
                continue
            start, end = _sentence_around(text, m.start(), m.end())
            if _RESEARCH_TOPIC.search(low, start, end) or _IF_ASKED.search(low, start, m.start()):
                continue
            word = _VIEW_WORD.match(low, m.start())
            # (a name before it counts when the event's word is written small, as running text
            # writes it: "Funeral Records Digitisation" is a title's words)
            if (word and word.group() in _FAMILY_OWN) or _relative_in(low, start, end) or _somebodys(low, m.start(), 3) \
                    or (text[m.start()].islower() and _somebody_before(text, low, m.start(), 4, start)) \
                    or any(w.encode() in _SOMEBODY_WORDS for w in _VIEW_WORD.findall(low, start, end)) \
                    or _I_AM.search(low, start, end) or _FIRST_PERSON.search(low, start, end):
                spans.append((start, end))
    for m in _DEATH.finditer(t, 20, 20):
        if spans and spans[-1][0] <= m.start() < spans[-1][1]:
            continue
        start, end = _sentence_around(text, m.start(), m.end())
        if _relative_in(low, start, end) and not _RESEARCH_TOPIC.search(low, start, end):
            spans.append((start, end))
    for start, end in sorted(set(spans)):
        yield Finding("personal.family-event", PERSONAL, start, end)


# --- a person's employment troubles --------------------------------------------------------------

_TROUBLES = tuple(fold(s) for s in TROUBLE_STEMS)
#: (a misconduct's word begins its word; a conflict's phrase is looked for when the text has its
#: first word)
_TROUBLE_BYTES = re.compile(b"|".join(re.escape(s.encode()) for s in _TROUBLES if " " not in s))
_TROUBLE_FIRST = frozenset(s.split()[0].encode() for s in _TROUBLES if " " in s)
_TROUBLE_WORDS = WordClass(lambda w: w in _TROUBLE_FIRST or _TROUBLE_BYTES.match(w) is not None)
_TROUBLE = re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(s) for s in sorted(_TROUBLES, key=len, reverse=True)) + ")")
_SANCTION = re.compile(rf"(?<![\w])(?:{lex(SANCTION_WORDS)})(?![\w])")
_ROLE_WORDS = frozenset(fold(w).encode() for w in ROLE_WORDS.split())
#: and a project's leaders, whom a short field's note names by their role ("PI derzeit in Reha")
_NOTE_ROLES = _ROLE_WORDS | frozenset(fold(w).encode() for w in NOTE_ROLE_WORDS.split())
#: a rule's text, which names a sanction and a misconduct of whoever commits it
_RULES = re.compile(words(
    r"policy|policies|code of conduct|rules|regulations|guidelines|richtlinie|richtlinien|verhaltenskodex|"
    r"règlement|politique|charte|regolamento|codice di condotta|codice etico|reglamento|código de conducta|"
    r"política|regulamento|código de conduta|reglement|gedragscode|regulamin|kodeks|řád|kodex|szabályzat|"
    r"uppförandekod|adfærdskodeks|retningslinjer|toimintaohje|regulament|κανονισμός|правилник|pravilnik|"
    r"yönetmelik|may be|will be|can be|could be|shall be|kann|können|peut être|può essere|puede ser|pode ser|"
    r"kan worden|może zostać|může být|lehet|kan bli|voi|poate fi|μπορεί"))


def employment_troubles(t: Text) -> Iterator[Finding]:
    """A person's suspension, dismissal or resignation with the misconduct or the conflict it
    followed ("il dottorando ... è stato sospeso per due mesi per plagio", "hij heeft ontslag
    genomen na een conflict met zijn promotor", "disciplinary proceedings against my colleague"):
    the sentence, when it is about somebody (a pronoun, a role, a name). Not "the project was
    suspended", nor a code of conduct's rule, which names nobody."""
    text, low = t.text, t.low
    done = -1
    # a sanction that is the person's record alone: "Sven heeft een schriftelijke waarschuwing van HR
    # gekregen", "Jana dostała naganę" (a capitalised name anywhere in the sentence will do)
    for m in _RECORDED_SANCTION.finditer(t, 10, 40):
        if m.start() < done:
            continue
        start, end = _sentence_around(text, m.start(), m.end())
        if _RULES.search(low, start, end) or _IF.search(low, max(start, m.start() - 40), m.start()):
            continue  # "the disciplinary rules provide for a written warning", "if you get a written warning"
        said = {w.encode() for w in _VIEW_WORD.findall(low, start, end)}
        if said & _SOMEBODY_WORDS or said & _ROLE_WORDS or any(
                len(w.group()) >= 3 and w.group()[0].isupper() and not w.group().isupper()
                and w.group().lower() not in _NOT_A_NAME for w in _NAME_WORD.finditer(text, start, end)):
            yield Finding("personal.employment", PERSONAL, start, end)
            done = end
    if not _TROUBLE_WORDS.among(t.words):
        return
    for m in _TROUBLE.finditer(low):
        if m.start() < done:
            continue
        start, end = _sentence_around(text, m.start(), m.end())
        if not _SANCTION.search(low, start, end) and not low.startswith(_DISCIPLINARY, m.start()):
            continue
        if _RULES.search(low, start, end):
            continue  # "the disciplinary procedure", "the harassment policy": the rules
        said = {w.encode() for w in _VIEW_WORD.findall(low, start, end)}
        if not (said & _SOMEBODY_WORDS or said & _NOTE_ROLES or _person_named(text, start, end)
                or _INITIAL_NAME.search(text, start, end)):
            continue  # (a project's leader by their role too: "PI suspended pending misconduct inquiry")
        yield Finding("personal.employment", PERSONAL, start, end)
        done = end


_RECORDED_SANCTION = Lexicon(RECORDED_SANCTIONS, template=r"(?<![\w-])(?:{body})(?![\w-])")


#: a review or appraisal word (``REVIEW_WORDS``); its outcome or a pay cut after it in its sentence
_REVIEW = Lexicon(REVIEW_WORDS)
_REVIEW_OUTCOME = re.compile(rf"(?<![\w])(?:(?P<cut>{lex(REVIEW_PAY_CUTS)})|{lex(REVIEW_OUTCOMES)})(?![\w])")
#: what a review of a thing, not of a person, speaks of between the word and its outcome ("the
#: performance evaluation of the new storage was poor", "hodnotenie projektu: nedostatočné")
_REVIEWED_THING = re.compile(words(
    r"system|systems|storage|cluster|node|nodes|service|services|network|disk|disks|gpu|gpus|cpu|i/o|io|benchmark|"
    r"throughput|latency|software|code|job|jobs|site|sites|proposal|proposals|project|application|paper|"
    r"submission|call|tender|offer|bid|vendor|supplier|product|tool|server|servers|database|pipeline|model|"
    r"projektu|projektu|projekt|projet|progetto|proyecto|projeto|návrhu|návrh|wniosku|wniosek|proposta|propuesta|"
    r"proposition|antrag|antrags|systému|systemu|système|sistema|rendszer|dienstes|servizio|servicio|usługi|služby"))
#: the review words said of things too (a project's annual review, a system's performance review, a
#: proposal's "hodnotenie", "Beurteilung", "beoordeling"): a person must be in their sentence; the
#: others (an appraisal, a "Leistungsbeurteilung", an "ocena roczna") are a person's by themselves
_THINGS_REVIEWED_TOO = frozenset((
    "performance review", "annual review", "performance evaluation", "beurteilung", "leistungsbewertung",
    "valutazione annuale", "evaluacion anual", "avaliacao anual", "beoordeling", "hodnoceni", "hodnotenie",
    "eves ertekeles", "evaluare anuala", "evaluarea anuala", "yillik degerlendirme", "letna ocena",
    "godisnja ocjena", "metinis vertinimas", "ikgadejais novertejums", "годишна оценка", "ετησια αξιολογηση"))
#: the review of a person named after it: "la valutazione annuale di Giulia", "the appraisal of Tom"
_REVIEW_OF_NAME = re.compile(r"[ \t]+(?:of|di|de|del|della|von|van|du|de la|od|av|af)[ \t]+[A-ZÀ-ÖØ-ÞĀ-ſ][a-zß-öø-ÿā-ſ]+(?![\w])")
#: the size of a cut after it: "o 15 %", "by 20%", "um 10 %", "de 500 €"
_CUT_SIZE = re.compile(rf"[ \t]*(?:[^\W\d_]{{1,3}}[ \t]+)?(?:-[ \t]?)?\d[\d.,]*[ \t]*(?:%|(?:{lex(CURRENCIES)})(?![\w]))")
#: a possessive right before the review word: "his appraisal", "ihre Leistungsbeurteilung", "jej ocena roczna"
_REVIEW_OWNER = re.compile(rf"(?<![\w])(?:{lex(POSSESSIVES)})[ \t]+(?:[^\W\d_]+[ \t]+)?$")


def performance_reviews(t: Text) -> Iterator[Finding]:
    """A person's performance review or appraisal with its outcome or a cut of their pay after it
    ("hodnotenie: nesplnil očakávania, znížená odmena o 15 %", "his appraisal said he did not meet
    expectations", "Leistungsbeurteilung: ungenügend", "ocena roczna: negatywna"): from the review's
    word to the end of its sentence, when a person is in it (a possessive, a role, a name, a person's
    word) or the outcome is a pay cut. Not a review of a system or a proposal ("the performance
    evaluation of the new storage was poor")."""
    text, low = t.text, t.low
    done = -1
    for m in _REVIEW.finditer(t, 10, 40):
        if m.start() < done:
            continue
        start, end = _sentence_around(text, m.start(), m.end())
        # (a colon's label may end the clause: "hodnotenie: nesplnil ...", so read on to the line's end)
        line_end = low.find("\n", m.end())
        end = max(end, min(line_end if line_end >= 0 else len(low), m.end() + 160))
        o = _REVIEW_OUTCOME.search(low, m.end(), min(end, m.end() + 120))
        if o is None or _REVIEWED_THING.search(low, m.end(), o.start()) or _RULES.search(low, start, end) \
                or _IF.search(low, max(start, m.start() - 40), m.start()):
            continue
        pay_cut = o.group("cut") is not None or any(
            c.group("cut") for c in _REVIEW_OUTCOME.finditer(low, o.end(), min(end, o.end() + 80)))
        own = m.group() not in _THINGS_REVIEWED_TOO or _REVIEW_OF_NAME.match(text, m.end())
        said = {w.encode() for w in _VIEW_WORD.findall(low, start, end)}
        if not (pay_cut or own or _REVIEW_OWNER.search(low, max(start, m.start() - 40), m.start())
                or said & _SOMEBODY_WORDS or said & _ROLE_WORDS or _person_named(text, start, end)
                or o.group().startswith(("nesplnil", "nie spełnił", "nie spełniła", "ei täyttänyt", "non ha raggiunto",
                                         "n'a pas atteint", "did not meet", "didn't meet", "no cumplió", "não atingiu",
                                         "nem felelt meg"))):
            continue
        fin = o.end()  # (to the last outcome or cut in its clause, and the cut's size: "o 15 %", "by 20%")
        for later in _REVIEW_OUTCOME.finditer(low, o.end(), min(end, o.end() + 80)):
            fin = later.end()
        size = _CUT_SIZE.match(low, fin)
        fin = size.end() if size else fin
        yield Finding("personal.employment", PERSONAL, m.start(), fin)
        done = fin


#: a trade union, its officers, a works council (``UNION_WORDS``); one's own strike (``OWN_STRIKES``)
_UNION = Lexicon(UNION_WORDS)
_OWN_STRIKE = Lexicon(OWN_STRIKES, UNION_SELF_WORDS)
#: the writer before the union's word ("ich bin im Personalrat", "sono iscritto alla CGIL", "I was the
#: UCU rep"), or the copula after it ("a szakszervezet tagja vagyok", "člen odborů jsem")
_UNION_SELF = re.compile(rf"(?<![\w'’])(?:{lex(RELIGION_FIRST_COPULAS, FIRST_PERSON_WORDS)}|i was|i've been|i have been|"
                         rf"ich war|j'etais|j'ai ete|sono stato|sono stata|ero|bylem|bylam|bio sam|bila sam|"
                         rf"jsem byl|jsem byla|som bol|som bola)(?![\w'’])")
_UNION_SELF_AFTER = re.compile(r"(?<![\w])(?:vagyok|vagyunk|jsem|jsme|sam|smo|съм|сме|olen|olemme|oldum|olen|"
                               # (Turkish says "I am" and "that I am" by the word's ending: "üyesiyim", "üyesi olduğum")
                               rf"{lex('üyesiyim|üyesiyiz|üyeyim|üyeyiz|olduğum|olduğumuz|oluyorum|sendikalıyım|sendikalıyız|üyeliğim|üyeliğimiz')})(?![\w])")
#: a third person's copula, the name or the pronoun before it ("Jan Novák je členem odborů", "she is our UCU rep")
_UNION_THIRD = re.compile(rf"(?<![\w'’])(?P<who>[^\W\d_]+)[ \t]+(?:{lex(RELIGION_THIRD_COPULAS)}|was|war|era|etait|byl|byla|bil|bila|var|oli)(?![\w'’])")
#: a word between the person and the union that makes the union somebody else's business: talking
#: "with" it, writing "to" it, "about" it ("ich bin mit dem Betriebsrat im Gespräch")
_UNION_APART = re.compile(words(
    r"with|to|about|from|against|mit|an|über|gegen|avec|sur|contre|de la part|con|sul|sulla|contro|"
    r"sobre|contra|met|aan|over|tegen|z|ze|do|o|przeciw|s|se|proti|so|k|ku|med|till|om|mot|til|kanssa|cu|"
    r"despre|împotriva|με|σε|για|κατά|с|със|до|за|срещу|sa|protiv|ile|için|ja|und|and|et|y|och|og|i"))


def union_membership(t: Text) -> Iterator[Finding]:
    """One's own or a named person's trade-union membership or office, or a works council's seat,
    a special category of the GDPR ("je suis délégué syndical CGT", "ich bin im Personalrat", "jestem w
    komisji zakładowej NSZZ", "Jan Novák je členem odborů"), or one's own strike ("mamy strajk
    ostrzegawczy", "ich streike am Donnerstag"): the sentence. Not a union or a strike as news ("the
    rail strike delayed the workshop", "the union of European universities", "we met the works council")."""
    text, low = t.text, t.low
    done = -1
    for m in _OWN_STRIKE.finditer(t, 40, 40):
        if m.start() >= done:
            start, end = _sentence_around(text, m.start(), m.end())
            yield Finding("personal.union", PERSONAL, start, end)
            done = end
    for m in _UNION.finditer(t, 80, 40):
        if m.start() < done:
            continue
        start, end = _sentence_around(text, m.start(), m.end())
        lo = max(start, m.start() - 80)
        person = False
        for s in _UNION_SELF.finditer(low, lo, m.start()):
            if not _UNION_APART.search(low, s.end(), m.start()):
                person = True
                break
        if not person:
            after = _UNION_SELF_AFTER.search(low, m.end(), min(end, m.end() + 40))
            person = after is not None and not _UNION_APART.search(low, m.end(), after.start())
        if not person:
            for w in _UNION_THIRD.finditer(text, lo, m.start()):
                who, a = w.group("who"), w.start("who")
                if _UNION_APART.search(low, w.end(), m.start()):
                    continue
                if who.lower() in _THIRD_PERSONS or (text[a].isupper() and text[a + 1:w.end("who")].islower()
                                                     and len(who) >= 3 and who.lower() not in _NOT_A_NAME):
                    person = True
                    break
        if person:
            yield Finding("personal.union", PERSONAL, start, end)
            done = end


#: a person's debts under enforcement, garnished pay, personal bankruptcy (``DEBT_ENFORCEMENT_WORDS``)
_DEBT = Lexicon(DEBT_ENFORCEMENT_WORDS)
#: a criminal record or conviction (``CRIMINAL_RECORD_WORDS``), given to somebody by the words before it
_CRIMINAL = Lexicon(CRIMINAL_RECORD_WORDS)
_CRIMINAL_HAVER = re.compile(rf"(?<![\w'’])(?:{lex(CRIMINAL_RECORD_HAVERS)})(?:[ \t]+(?:{lex(CRIMINAL_RECORD_FILLERS)})){{0,2}}[ \t]+$")
#: the record as a document or a procedure a project asks of everyone: "criminal record check",
#: "Vorstrafen-Auszug", "casier judiciaire (extrait)"
_CRIMINAL_PAPER = re.compile(r"[ \t]*[-(]?[ \t]*" + words(
    r"check|checks|checked|certificate|extract|clearance|screening|vetting|requirement|required|auszug|"
    r"zeugnis|bescheinigung|extrait|bulletin|certificato|certificado|certidão|uittreksel|zaświadczenie|výpis|"
    r"výpisu|ote|otteen|utdrag|kivonat|certificat|πιστοποιητικό|свидетелство|uvjerenje|potrdilo|belgesi|"
    r"tõend|izziņa|pažyma"))


def personal_troubles(t: Text) -> Iterator[Finding]:
    """A person's debts under enforcement, their garnished pay or personal bankruptcy ("PI ulosotossa",
    "ho lo stipendio pignorato", "mám exekuci na plat"), or a person's criminal record or conviction
    ("má záznam v rejstříku trestů", "er ist vorbestraft"), told in passing: the sentence. Not a
    company's bankruptcy, "garnish" in a kitchen, nor the record's check or extract a project asks of
    all its staff ("a criminal record check is required for all staff")."""
    text, low = t.text, t.low
    done = -1
    for m in _DEBT.finditer(t, 40, 40):
        if m.start() >= done:
            start, end = _sentence_around(text, m.start(), m.end())
            yield Finding("personal.debt", PERSONAL, start, end)
            done = end
    for m in _CRIMINAL.finditer(t, 80, 40):
        if m.start() < done or _CRIMINAL_PAPER.match(low, m.end()):
            continue
        start, end = _sentence_around(text, m.start(), m.end())
        if _CRIMINAL_HAVER.search(low, max(start, m.start() - 60), m.start()):
            yield Finding("personal.criminal", PERSONAL, start, end)
            done = end


#: a stroke had by somebody (``HAD_A_STROKE_WORDS``), a conviction (``CONVICTION_WORDS``), a person's
#: studies gone wrong: a grade average, failed exams, a scholarship cut
_HAD_A_STROKE = Lexicon(HAD_A_STROKE_WORDS)
_CONVICTION = Lexicon(CONVICTION_WORDS)
_GRADE_AVERAGE = Lexicon(GRADE_AVERAGE_WORDS)
_FAILED_STUDIES = Lexicon(FAILED_EXAM_WORDS, SCHOLARSHIP_CUT_WORDS)
#: (the grade's number right after its words: "not ortalaması 2,1", "GPA of 2.1", "Notenschnitt: 3,4")
_GRADE_NUMBER = re.compile(r"[ \t:=]*(?:(?:is|was|of|ist|war|von|bei|è|era|di|es|de|é|van|was|wynosi|je|volt|on|oli|är|"
                           r"var|er|este|είναι|е|e|ir|yra|only|nur|solo|apenas|slechts|tylko|jen|csak|vain|bara|kun|doar)[ \t]+){0,2}"
                           r"\d{1,3}(?:[.,]\d{1,2})?(?![\d.,]*\d)")
#: a rule's words about grades: a threshold, a condition ("below 2.0", "at least", "cannot apply", "mindestens")
_GRADE_RULE = re.compile(words(
    r"below|under|above|over|minimum|at least|less than|more than|cannot|can not|may not|must|required|"
    r"mindestens|unter|über|muss|almeno|inferiore|superiore|au moins|moins de|al menos|inferior|superior|"
    r"pelo menos|minimaal|onder|boven|co najmniej|poniżej|powyżej|alespoň|legalább|alatt|felett|vähintään|"
    r"minst|över|cel puțin|τουλάχιστον|поне|najmanje|ispod|iznad|vsaj|en az|altında|vähemalt|vismaz|mažiausiai"))
#: somebody's roles that ``ROLE_WORDS`` lacks: a fellow, a student in other forms ("a bolseira", "öğrencinin")
_MORE_ROLES = frozenset(fold(w).encode() for w in (
    "bolseira bolseiro borsista borsiste boursier boursière stipendiat stipendiatin stipendiatka ösztöndíjas "
    "bursiyer fellow colleague collega kollege kollegin collègue colega kolega kolegyně kolegynja kollega "
    "kolleega kolēģis kolega kolegė συνάδελφος колега studentin étudiant étudiante estudiante estudante aluno "
    "aluna studenta studentka studentem studentowi opiskelija studenten eleven studentul studentei "
    "φοιτητής φοιτήτρια студент студентка študent študentka öğrenci öğrencinin öğrenciye öğrencimiz "
    "üliõpilane studente studentė doktorandusz doktoranduszunk doktorandusznak doktoranduszom "
    "doktoranta doktorantowi doktoranda doktorandovi doktorandin promovenda promovendus väitöskirjatutkijamme "
    "doktorand doktoranden doktorandens doktorant doktoranten doktorantas doktorants asistent assistent "
    "assistant assistente asistente hallgatónk hallgatója alumno alumna élève eleve leerling uczeń uczennica "
    "žák žákyně žiak žiačka diák diákunk oppilas elev elevă μαθητής μαθήτρια ученик ученичка učenik učenica "
    "dijak dijakinja õpilane skolnieks mokinys").split())
#: the words of many people or of a body: a cohort's ("patients who had a stroke"), a firm's ("the
#: company was convicted of"), a course's ("the course's grade average"), a call's ("for all fellows")
_MANY_OR_A_BODY = frozenset(fold(w).encode() for w in (
    CONVICTED_BODY_WORDS + " " + " ".join(INSTITUTION_WORDS) + " "
    "patients pazienti patienten pacientes patiënten pacjenci pacienti pacienții pacientii betegek potilaat "
    "patienter ασθενείς пациенти pacijenti hastalar hastaların participants partecipanti teilnehmer teilnehmende "
    "deelnemers uczestnicy účastníci résztvevők osallistujat deltagare deltagere participanți συμμετέχοντες "
    "people persons subjects individuals cohort kohorte coorte cohorte groep grupa skupina csoport ryhmä "
    "grupp gruppe grup ομάδα група students studenti studierende étudiants estudiantes estudantes studenten "
    "studenci studenti hallgatók opiskelijat studenterna studerende studenții φοιτητές студенти öğrenciler "
    "fellows stipendiaten boursiers borsisti becarios bolseiros bolsistas beursstudenten stypendyści "
    "course courses kurs kurses kurse cours corso curso cursus vak przedmiot předmět kurzus kurssi kursen "
    "class klasse classe clase all alle tous toutes tutti tutte todos todas allen alla kaikki wszyscy "
    "všichni všetci minden toți όλοι всички svi vsi tüm kõik visi visiems each every jeder jede chaque ogni "
    "cada elke iedere każdy każda každý každá minden jokainen varje hver fiecare κάθε всеки svaki vsak").split())


def _somebody_in_clause(t: Text, lo: int, hi: int, names: bool = True) -> bool:
    """Is somebody told of in ``t.text[lo:hi]``: a pronoun, a relative, a title, a role or a fellow's
    word, or a name (``names``: a capitalised word, ``_somebody_before``; else two in a row); and no
    word of many people, of a body or of everybody (``_MANY_OR_A_BODY``)?"""
    text, low = t.text, t.low
    spans = [m.span() for m in _VIEW_WORD.finditer(low, lo, hi)]
    seen = [low[a:b].encode() for a, b in spans]
    if any(w in _MANY_OR_A_BODY for w in seen):
        return False
    if any(w in _ROLE_WORDS or w in _MORE_ROLES or w in _SOMEBODY_WORDS for w in seen):
        return True
    if names:
        return bool(spans) and _somebody_before(text, low, spans[-1][1] + 1, len(spans), lo)
    return _person_named(text, lo, hi)


def _clause_before(text: str, start: int, at: int) -> int:
    """Where the clause of ``at`` begins, not before ``start`` (80 characters at most before it)."""
    lo = max(start, at - 80)
    cut = max(text.rfind(";", lo, at), text.rfind("\n", lo, at))
    return cut + 1 if cut >= 0 else lo


#: a capitalised word next
_CAPITALISED_NEXT = re.compile(r"[ \t]+[^\W\d_a-zß-ÿ]")


def told_of_somebody(t: Text) -> Iterator[Finding]:
    """A person's stroke, told by its name or abbreviation ("A Sofia teve um AVC", "Marco ha avuto un
    ictus"), a person's conviction ("Hij is veroordeeld voor fraude"), a person's studies gone wrong:
    their grade average with its number, failed exams, a scholarship cut ("Öğrencinin not ortalaması
    2,1 ve iki dersten kaldı, bu yüzden bursu kesildi"): the sentence, with somebody named or
    pointed at before (the studies: anywhere in it, a name by two capitalised words). Not a cohort's
    ("patients who had a stroke were excluded"), a firm's ("the company was convicted of"), nor a
    course's ("the average grade of the course was 2.1")."""
    text = t.text
    for m in _HAD_A_STROKE.finditer(t, 80, 40):
        if m.group().endswith((" ms", " sm")) and _CAPITALISED_NEXT.match(text, m.end()):
            continue  # (a product: "she has MS Teams", "he had MS Office")
        start, end = _sentence_around(text, m.start(), m.end())
        if _somebody_in_clause(t, _clause_before(text, start, m.start()), m.start()):
            yield Finding("personal.health", PERSONAL, start, end)
    for m in _CONVICTION.finditer(t, 80, 40):
        start, end = _sentence_around(text, m.start(), m.end())
        if _somebody_in_clause(t, _clause_before(text, start, m.start()), m.start()):
            yield Finding("personal.criminal", PERSONAL, start, end)
    hits = [m for m in _FAILED_STUDIES.finditer(t, 80, 40)]
    if t.has_digit:
        hits += [m for m in _GRADE_AVERAGE.finditer(t, 40, 40) if _GRADE_NUMBER.match(t.low, m.end())]
    done = -1
    for m in sorted(hits, key=lambda m: m.start()):
        if m.start() < done:
            continue
        start, end = _sentence_around(text, m.start(), m.end())
        if _GRADE_RULE.search(t.low, start, end):
            continue  # (a rule's threshold: "a student with a GPA below 2.0 cannot apply")
        if _somebody_in_clause(t, start, end, names=False):
            yield Finding("personal.studies", PERSONAL, start, end)
            done = end


#: the disciplinary words: a measure against somebody, with or without its sanction's word
_DISCIPLINARY = tuple(s for s in _TROUBLES if "disc" in s or "dysc" in s or "disz" in s or s in (
    "fegyelmi", "kurinpi", "πειθαρχικ", "дисциплинарн", "disiplin", "distsiplinaar", "drausmin"))


_PATIENT_WORDS = frozenset(fold(w).encode() for w in PATIENT_WORDS.split())
_HONORIFICS = frozenset(fold(w).encode() for w in HONORIFICS.split())
_PATIENTS = WordClass(_PATIENT_WORDS | _HONORIFICS)
#: up to three words after the word, of which a name is the capitalised first two or three
#: ("Helen O'Brien", "Γιώργος Παπαδόπουλος": ``_name_end``)
_NAME_AFTER = re.compile(r"\.?[ \t]+(?P<name>[^\W\d_][\w'’-]+(?:[ \t]+[^\W\d_][\w'’-]+){1,2})")
#: an age or a year of birth right after a name: "Antonio Navarro Gil, 58 años", "Lukas Brandt (Jg. 1990"
_AGE_AFTER = re.compile(rf"[ \t]*[,(][ \t]*(?:\d{{1,3}}[ \t]*(?:{AGE_WORDS})(?![\w])|(?:{BIRTH_YEAR_WORDS})[ \t]*\d{{4}})",
                        re.IGNORECASE)
#: the same, from its comma or bracket (the first character a literal: the search skips to them)
_AGE_HIT = re.compile(rf"[,(][ \t]*(?:\d{{1,3}}[ \t]*(?:{AGE_WORDS})(?![\w])|(?:{BIRTH_YEAR_WORDS})[ \t]*\d{{4}})",
                      re.IGNORECASE)
#: (the age's words, as the text's words: a research ticket names diseases and numbers often, and
#: without an age the search for a name before one is not made)
_AGE_WORD = re.compile(fold(f"(?:{AGE_WORDS}|{BIRTH_YEAR_WORDS})").encode())
_AGE_WORDS = WordClass(lambda w: _AGE_WORD.fullmatch(w) is not None)
_HEALTH_STEM = re.compile("|".join(re.escape(fold(s)) for s in (*CONDITION_STEMS, *DIAGNOSIS_STEMS)))
#: (the words holding one of the stems, judged once each: a search of every text for the stems
#: took a third of the screening's time)
_HEALTH_STEM_BYTES = re.compile(b"|".join(re.escape(fold(s).encode()) for s in (*CONDITION_STEMS, *DIAGNOSIS_STEMS)
                                          if " " not in s))
_HEALTH_WORDS = WordClass(lambda w: _HEALTH_STEM_BYTES.search(w) is not None)
#: a capitalised name's words (two or three) anywhere: looked for only in a sentence that names a
#: condition, before an age (``_AGE_AFTER``)
_CAPITALISED_NAME = re.compile(r"(?<![\w'’-])[^\W\d_][\w'’-]+(?:[ \t]+[^\W\d_][\w'’-]+){1,2}(?=[ \t]*[,(])")


#: a person's initials, dotted ("M.R.", "J. K.", "A.-M.S."), before a comma or a bracket: a patient's
#: name as a hospital's note shortens it
_INITIALS = re.compile(r"(?<![\w.])(?:[^\W\d_a-zß-ÿ]\.[ -]?){1,2}[^\W\d_a-zß-ÿ]\.?(?=[ \t]*[,(])")
#: the same right after a patient's word ("paziente M.R., 54 anni")
_INITIALS_AFTER = re.compile(r"[ \t]+(?:[^\W\d_a-zß-ÿ]\.[ -]?){1,2}[^\W\d_a-zß-ÿ]\.?(?![\w])")


def _patient_by_initials(t: Text, at: int) -> Iterator[Finding]:
    """A patient named by initials right after the patient's word, at ``at`` ("paziente M.R., 54
    anni, di Lecco, con diagnosi di sclerosi multipla"), or by an age between commas ("la paziente,
    54 anni, con diagnosi di SLA"), with a condition or a diagnosis in the sentence: the sentence.
    (A study's "patient P-0173" has no dotted initials; "patients, 54 years on average" are many.)"""
    m = _INITIALS_AFTER.match(t.text, at)
    if m is None and t.text[at:at + 3].lstrip()[:1] == ",":
        m = _AGE_AFTER.match(t.text, at)  # (or an age at once, the patient's word singular: "la paziente, 54 anni,")
        if m is not None and fold(t.text[max(0, at - 20):at].split()[-1]).encode() in _MANY_OR_A_BODY:
            return
    if m is None or not _HEALTH_WORDS.among(t.words):
        return
    start, end = _sentence_around(t.text, m.start(), m.end())
    if _HEALTH_STEM.search(t.low, start, end):
        yield Finding("personal.patient", PERSONAL, start, end)


def _name_at(text: str, start: int, end: int) -> bool:
    """Are the words of ``text[start:end]`` a name's: each capitalised, none in capitals only?"""
    words = text[start:end].split()
    return all(w[0].isupper() and not w.isupper() for w in words)


_NON_SPACE = re.compile(r"\S+")


def _name_end(text: str, start: int, end: int) -> int | None:
    """Where the name that begins ``text[start:end]`` ends: after its first two or three
    capitalised words ("Tomas Novak in wave 2" -> "Tomas Novak"), None if it has not two."""
    words = list(_NON_SPACE.finditer(text[start:end]))
    n = 0
    while n < len(words) and _name_at(text, start + words[n].start(), start + words[n].end()):
        n += 1
    return start + words[n - 1].end() if n >= 2 else None


def named_patients(t: Text) -> Iterator[Finding]:
    """A named person's health, or a named patient or study participant: the name after a
    patient's word ("il paziente Marco Bellini", "participant Jan Novák"), after a title with a
    condition in its sentence ("pana Petra Dvořáka ... diagnostikována"), or with an age and a
    condition ("Antonio Navarro Gil, 58 años, recidiva de linfoma"): the whole sentence. (A
    study's codes, "patient P-0173", are no name; a disease is a community's research topic until
    a named person has it.)"""
    text, low = t.text, t.low
    for word in _PATIENTS.among(t.words):
        spelled = word.decode()
        for p in t.word_positions(spelled):  # (a whole word: "m", a title, is in "im")
            m = _NAME_AFTER.match(text, p + len(spelled))
            if m is None:
                if word in _PATIENT_WORDS:
                    yield from _patient_by_initials(t, p + len(spelled))
                continue
            name_end = _name_end(text, m.start("name"), m.end("name"))
            if name_end is None:
                continue
            start, end = _sentence_around(text, m.start("name"), name_end)
            if word in _PATIENT_WORDS or _HEALTH_STEM.search(low, start, end):
                yield Finding("personal.patient", PERSONAL, start, end)
    if t.has_digit and _HEALTH_WORDS.among(t.words) and _AGE_WORDS.among(t.words):
        # the lines with an age (a name never spans two): the names are looked for there only, as
        # the search of the whole text would find them (a research ticket names many people)
        lines = sorted({t.line_span(a.start()) for a in _AGE_HIT.finditer(text)})
        # (or a person's initials: "M.K., 45 Jahre, Diagnose ...")
        for m, initials in chain(((m, False) for lo, hi in lines for m in _CAPITALISED_NAME.finditer(text, lo, hi)),
                                 ((m, True) for lo, hi in lines for m in _INITIALS.finditer(text, lo, hi))):
            if _AGE_AFTER.match(text, m.end()) and (
                    text[m.end():m.end() + 3].lstrip()[:1] == "," if initials else _name_at(text, *m.span())):
                # (to the line's end: an age's abbreviation ends no sentence, "Jg. 1990, Freiburg")
                start = _sentence_around(text, m.start(), m.end())[0]
                line_end = text.find("\n", m.end())
                end = min(len(text) if line_end < 0 else line_end, m.end() + 240)
                if _HEALTH_STEM.search(low, start, end):
                    yield Finding("personal.patient", PERSONAL, start, end)


def _sentence_around(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence (or clause, or line) that ``text[start:end]`` stands in, 200 characters at most
    each side, without its leading spaces."""
    lo = max((e.end() for e in _CLAUSE_END.finditer(text, max(0, start - 200), start)), default=max(0, start - 200))
    stop = _CLAUSE_END.search(text, end, end + 200)
    hi = stop.start() if stop else min(len(text), end + 200)
    while lo < hi and text[lo].isspace():
        lo += 1
    return lo, hi


# --- home addresses -------------------------------------------------------------------------------

_STREET_SUFFIX = (
    r"straße|strasse|str\.|weg|gasse|allee|platz|ring|damm|ufer|steig|chaussee|laan|straat|gracht|plein|"
    r"kade|singel|dijk|vej|gade|gatan|vägen|väg|gata|veien|vei|gate|katu|tie|kuja|utca|út|tér|ulice|"
    r"nábřeží|náměstí|cesta|iela|gatvė|tänav|road|street|st\.|lane|avenue|ave\.|drive|close|crescent"
)
_STREET_PREFIX = (
    r"rue|avenue|av\.|boulevard|bd\.|chemin|allée|place|quai|impasse|via|viale|piazza|corso|largo|calle|"
    r"c/|avenida|avda\.|plaza|paseo|carrer|rua|travessa|praça|ul\.|ulica|al\.|aleja|os\.|pl\.|plac|"
    r"nám\.|ulice|strada|bulevardul|calea|οδός|ул\.|улица|вул\.|вулиця|бул\.|булевард|пр\.|проспект|"
    r"sokak|sok\.|cadde|cad\.|mah\."
)
#: (then a flat's part written without a word: "117-bis", "112 B 24" (a staircase's letter and a
#: flat's number), "38. III/2." (a floor and a door, the Hungarian way))
_NUMBER = (r"\d{1,4}[ ]?[a-zA-Z]?(?:[/-]\d{1,4}[a-zA-Z]?){0,2}"
           r"(?:[ -]?(?:bis|ter|hs|huis|h)(?![\w])|-(?:[IVX]{1,4})(?![\w])|[ ](?:bus|bte\.?|boîte)[ ]\d{1,4}[a-zA-Z]?(?![\w])|(?<=[ ][A-Za-z])[ ]\d{1,3}(?=[ ]*,)|\.[ ]?(?:[IVX]{1,4}|\d{1,2})/\d{1,3}\.?)?")
_POSTCODE = r"(?:\d{2}-\d{3}|\d{3}[ ]\d{2}|\d{4}[ ]?[A-Z]{2}|\d{4}-\d{3}|[A-Z]{1,2}-?\d{4,5}|\d{4,5}|[A-Z]{1,2}\d[A-Z\d]?[ ]\d[A-Z]{2})"
_PLACE = r"[^\W\d_][\w'’.-]*(?:[ -][^\W\d_][\w'’.-]*){0,2}"
_WORDS = r"[^\W\d_][\w'’.-]*(?:[ ][^\W\d_][\w'’.-]*){0,3}"
#: a floor, door, staircase or flat after the house number: "3º B", "2e étage", "Stiege 2",
#: "apt. 4", "lgh 1102"
_UNIT_WORD = (
    r"piso|planta|puerta|pta\.|esc\.|étage|etage|apt\.?|apartment|flat|unit|suite|stiege|top|whg\.?|"
    r"m\.|lgh|bus|boîte|interno|int\.|scala|kat|ap\.|byt|lok\.|stock|og|floor|piano|andar|verdieping|"
    r"izq\.?|izda\.?|dcha\.?|dch\.?|der\.?|esq\.?|dto\.?|th\.?|tv\.?|mf\.?"
)
_FLOOR_WORD = (
    # a floor after its number in EGI's languages ("3. OG", "2. Stock", "2. piętro", "3. patro", "4. kerros",
    # "2. sal", "3. etasje", "2. emelet", "1. kat", "2. nadstropje", "3. korrus", "2. stāvs", "3 aukštas")
    r"dg|ug|obergeschoss|stockwerk|etg\.?|etasje|piętro|pietro|patro|poschodie|posch\.|emelet|kerros|krs\.?|"
    r"våning|vån\.?|sal|nadstropje|korrus|stāvs|aukštas|etaj|όροφος|етаж|et\.|kat\."
)
#: a floor named by a word alone, no number before it: the ground floor, the top one ("EG", "DG",
#: "Hochparterre", "rez-de-chaussée", "piano terra", "bajo", "parterre", "fszt.", "přízemí")
_FLOOR_ALONE = (
    r"eg|dg|hp|hochparterre|erdgeschoss|dachgeschoss|untergeschoss|souterrain|rdc|rez-de-chaussée|"
    r"piano terra|pianoterra|bajo|planta baja|r/c|rés-do-chão|parterre|begane grond|fszt\.?|földszint|"
    r"přízemí|prízemie|parter|bottenvåning|stuen|pohjakerros|partere|приземен етаж|zemin kat|"
    r"pritličje|prizemlje|ground floor|top floor|basement|isogeio|ισόγειο"
)
_UNIT = (
    rf"(?:[ ]*,[ ]*(?:\d{{1,3}}(?:\.?(?:º|ª|°|o|a|r|n|t)|\.|e|er|ème)?(?:[ -]\d{{1,2}}(?:º|ª|°|o|a)(?![\w]))?"
    rf"(?:[ ](?:{_UNIT_WORD}|(?:{_FLOOR_WORD})(?![\w])))?(?:[ ]?[A-Za-z](?![\w]))?"
    rf"|(?:{_UNIT_WORD})[ ]?(?:(?:č|c|nr|no)\.[ ]?)?[\w/]{{1,5}}(?:[ ]*(?:º|ª|°))?(?:[ ][A-Za-z](?![\w]))?"
    rf"|(?:{_FLOOR_ALONE})(?![\w])(?:[ ](?:links|rechts|left|right|gauche|droite|sinistra|destra|izq\.?|dcha\.?))?)){{0,3}}"
)

_ADDRESS_PATTERN = (
    rf"(?:(?<![\w-])(?:{lex(_STREET_PREFIX)})[ ]+{_WORDS}[ ]*,?[ ]*{_NUMBER}"
    rf"|{_NUMBER},?[ ]+(?:{lex(_STREET_PREFIX)})[ ]+{_WORDS}"
    rf"|{{ahead}}[^\W\d_][\w'’-]*(?:{lex(_STREET_SUFFIX)})[ ]+{_NUMBER}"
    rf"|{{words}}[ ]+(?:{lex(_STREET_SUFFIX)})[ ]+{_NUMBER})"
    rf"{_UNIT}[ ]*,?[ \t]*(?:\n[ \t]*)?{_POSTCODE}[ ]+{_PLACE}"  # (the town on the next line, as a letter writes it)
)
# The search tries every letter of its window, so two of its readings are cut short where they
# cannot match: a word ending in a street suffix is followed by spaces and a digit (the
# lookahead fails at once elsewhere), and before a separate suffix word each word runs to its
# space (possessive: giving a letter back can never put a space after it).
_ADDRESS = re.compile(
    _ADDRESS_PATTERN.replace("{ahead}", r"(?=[\w'’.-]*[ ]+\d)").replace("{words}", _WORDS.replace("*", "*+")),
    re.IGNORECASE)
_HOME = Lexicon(HOME_WORDS)
#: a flat's door in an address: a side ("3. th.", "2. tv."), a floor and its door ("3º 2ª", "1r 2a",
#: "2º izda."), a flat's or door's word with its number ("Top 5", "lgh 1102", "m. 4", "byt č. 7",
#: "ap. 14", "Whg. 3", "kv. 12"), a Hungarian floor and door ("II. em. 7.", "3. emelet 12", "4. ajtó"):
#: an organisation's address has floors and buildings, not a flat's door; such an address is a home
#: even beside an organisation's word ("a room via the housing foundation: ...")
_DOOR_WORDS = ("top|tür|tuer|lgh|whg|wohnung|apt|apartment|flat|appartement|app|apartament|ap|m|byt|mieszkanie|stan|"
               "lakás|ajtó|leil|lejl|lejlighed|leilighet|huoneisto|asunto|dzīv|butas|korter|daire|int|interno|кв|ап|апарт|διαμ")
_DOOR = re.compile(
    r"(?<![\w])\d{1,2}\.?[ ]?(?:th|tv|mf)\.?(?![\w])"
    r"|(?<![\w])\d{1,2}(?:º|ª|°|o|a|r|n|t)?[ -]\d{1,2}(?:º|ª|°|o|a)(?![\w])"
    rf"|(?<![\w])\d{{1,2}}(?:º|ª|°|o|a)?\.?[ ]?(?:{lex('izq|izda|dcha|dcho|dch|esq|dto|dta')})\.?(?![\w])"
    rf"|(?<![\w])(?:{lex(_DOOR_WORDS)})\.?[ ]?(?:(?:č|nr|no|№)\.?[ ]?)?\d{{1,4}}[a-z]?(?![\w])"
    rf"|(?<![\w])(?:[ivx]{{1,4}}|\d{{1,2}})\.[ ]?(?:em|emelet)\.?[ ]?\d{{1,3}}(?![\w])"
    rf"|(?<![\w])\d{{1,3}}\.[ ]?(?:{lex('ajtó')})(?![\w])")
_MOVED = Lexicon(MOVED_ADDRESS_WORDS)
#: an address one is written to or sent things at: judged as a moved one (an organisation's, if one is named)
_POSTAL = Lexicon(POSTAL_ADDRESS_WORDS)
#: an invoice's address, a person's home when its sentence says they pay it themselves
_BILLING = Lexicon(BILLING_ADDRESS_WORDS)
_OWN_PAYMENT = re.compile(rf"(?<![\w])(?:{lex(OWN_PAYMENT_WORDS)})(?![\w])")
_VENUE = re.compile(words(VENUE_WORDS))
#: a public office named before an address (a word's start: "Ausländerbehörde" ends in one)
_PUBLIC_OFFICE = re.compile(lex(PUBLIC_OFFICE_STEMS))
#: an organisation named on the address's line, just before it: the organisation's address
_INSTITUTION = re.compile(words("|".join(INSTITUTION_WORDS)))
#: a postcode and the first letter of a town, in the digits-as-'0' copy: where an address may end
_POSTCODE_AT = r"00(?:00{1,2} [A-Z]|-000 [A-Z]|0 00 [A-Z]|00 ?[A-Z]{2} [A-Z])"
_POSTCODE_ANCHOR = re.compile(_POSTCODE_AT)
_POSTCODE_ANCHOR_BYTES = re.compile(_POSTCODE_AT.encode())
#: what each of its matches begins with in ``Text.shapes`` (digits '0', capitals 'A'): "0000 X",
#: "00000 X", "00-000 X", "000 00 X", "0000 XX X" (as "0000 X"), "0000XX X"
_POSTCODE_BEGINS = (b"0000 A", b"00000 A", b"00-000 A", b"000 00 A", b"0000AA A")


#: a street word: a prefix ("rue", "ul."), or a suffix after a letter ("-straße", "-weg"). Each is
#: searched alone, led by its words' first letters (one search for both tried the suffixes after
#: every letter of the window)
_STREET_PREFIX_WORDS = re.compile(rf"(?:{lex(_STREET_PREFIX)})(?![\w])")
_STREET_SUFFIX_WORDS = re.compile(rf"(?:{lex(_STREET_SUFFIX)})(?![\w])")
_LETTER = re.compile(r"[^\W\d_]")
#: the street prefixes and suffixes as the strings they are (none holds a space or a regular
#: expression's sign but an escaped one)
_STREET_PREFIXES = tuple(a.replace("\\", "") for a in lex(_STREET_PREFIX).split("|"))
_STREET_SUFFIXES = tuple(a.replace("\\", "") for a in lex(_STREET_SUFFIX).split("|"))


def _street_word_in(low: str, lo: int, hi: int) -> bool:
    """Could ``_ADDRESS`` match in ``low[lo:hi]`` of an ASCII text? Each of its readings has a
    space after its street word: a prefix that begins a word ("rue", "ul."), or a suffix with
    a number after the space ("...straße 5", "Main Street 12"). Told from the window's pieces
    between spaces, with ``str.endswith`` of all the words at once (the search tried its readings
    at every letter of the window, ~150 us a window, and "proposal." has the prefix "al.")."""
    pieces = low[lo:hi].split(" ")
    for i in range(len(pieces) - 1):
        piece = pieces[i]
        if piece.endswith(_STREET_PREFIXES):
            for prefix in _STREET_PREFIXES:
                before = piece[-len(prefix) - 1:-len(prefix)]
                if piece.endswith(prefix) and not (before.isalnum() or before in ("_", "-")):
                    return True
        if piece.endswith(_STREET_SUFFIXES):
            after = next((p for p in pieces[i + 1:] if p), "")
            if after[:1].isdigit():
                return True
    return False


_NUMBER_AFTER_WORD = re.compile(r"[ ]+\d")


def _street_before(low: str, pos: int) -> bool:
    """Is there a street word in the 70 characters before ``pos``?"""
    lo = max(0, pos - 70)
    if _STREET_PREFIX_WORDS.search(low, lo, pos):
        return True
    at = lo + 1  # (a suffix needs a letter of the window before it)
    while (m := _STREET_SUFFIX_WORDS.search(low, at, pos)) is not None:
        if _LETTER.match(low, m.start() - 1) or _NUMBER_AFTER_WORD.match(low, m.end()) and low[m.start() - 2:m.start()].strip():
            return True  # "-straße 5", or a word of its own before the number: "Trnjanska cesta 41", "Baker Street 5"
        at = m.start() + 1
    return False


#: where an address after a home word ends: a sentence's end, not an abbreviation's dot ('ul.',
#: 'ул.', 'Nr.', 'str.') nor an ordinal's ("Atatürk Mah. 123. Sok. No: 4", "Irinyi József u. 12.")
#: (a short word's dot then a number, "გამზ. 45", "Str. 12": an abbreviation's, the address goes on)
#: (a street word's abbreviation, "გამზ." for an avenue, "պող." for a boulevard, is no sentence's end)
_ADDRESS_END = re.compile(r"(?:(?<=[^\W\d_]{4})|(?<![\w]))(?<!გამზ)(?<!პროსპ)(?<!պող)[.?!](?:\s(?![ ]?\d)|$)"
                          r"|(?<=[^\W\d_]{6})[.?!]\s|\n\s*\n")


#: an address written postcode and town first, then the street, the Hungarian way: "1117 Budapest,
#: Irinyi József u. 12. 3/4." (street words: utca, út, tér, körút, köz, sor, sétány, and their
#: abbreviations)
_HU_STREET = r"(?:u\.|utca|út|útja|tér|tere|krt\.|körút|sgt\.|sugárút|köz|sor|sétány|fasor|rkp\.|rakpart)"
_TOWN_FIRST_STREET = re.compile(rf"(?<![\w])(?:{lex(_HU_STREET[3:-1])})(?![\w])")
#: the street words as ``Text.words`` has them (each stands whole in a match): a text without one
#: is told by a set, not by the search, which tries its words at every character (~25 us a message)
_HU_STREET_WORDS = frozenset(fold(w).encode() for w in _HU_STREET[3:-1].replace("\\.", "").split("|"))
_TOWN_FIRST = re.compile(
    rf"(?<![\d])\d{{4}}[ ]+[^\W\d_][\w-]+,?[ ]+(?:[^\W\d_][\w.'’-]*[ ]+){{1,3}}(?:{lex(_HU_STREET[3:-1])})[ ]+\d{{1,4}}(?:/[A-Za-z0-9]+)?\.?"
    rf"(?:[ ]+(?:(?:\d{{1,2}}|[IVX]{{1,4}})[/.][ ]?\d{{1,3}}\.?|(?:\d{{1,2}}|[IVX]{{1,4}})\.[ ]?(?:em|emelet)\.?(?:[ ]+\d{{1,3}}\.?)?"
    rf"|(?:fszt|fsz|földszint)\.?(?:[ ]+\d{{1,3}}\.?)?)(?:[ ]*(?:ajtó|ajto))?)?")


#: a Hungarian street, its house number and a flat's floor and door ("a Bartók Béla út 61. 3/12 címre
#: küldd", h72; "Petőfi u. 12. II. em. 7."): a flat's door is a home's, an organisation's address has none
_HU_FLAT_ADDRESS = re.compile(
    rf"(?<![\w])(?:[A-ZÁÉÍÓÖŐÚÜŰ][\w.'’-]*[ ]+){{1,3}}(?:{lex(_HU_STREET[3:-1])})[ ]+\d{{1,4}}(?:[/-][A-Za-z0-9]+)?\.?"
    rf"[ ]+(?:(?:\d{{1,2}}|[IVX]{{1,4}})/\d{{1,3}}\.?|(?:\d{{1,2}}|[IVX]{{1,4}})\.[ ]?(?:em|emelet)\.?(?:[ ]+\d{{1,3}}\.?)?"
    rf"|(?:fszt|fsz|földszint)\.?(?:[ ]+\d{{1,3}}\.?)?|\d{{1,3}}\.?[ ]*(?:ajtó|ajto))(?:[ ]*(?:ajtó|ajto))?(?![\w/])")
#: what tells such an address is one's own: sent to it ("címre", "címemre"), lived at ("lakom", "lakcímem",
#: "albérletben"), moved to
_HU_OWN_ADDRESS = re.compile(r"(?<![\w])(?:cimre|cimemre|cimunkre|cimen|cimemen|cimunkon|lakcim\w*|lakom|lakunk|"
                             r"alberlet\w*|koltoztem|koltoztunk|\w+koltoztem|\w+koltoztunk|otthon\w*|cimem)(?![\w])")


def _hu_flat_addresses(t: Text) -> Iterator[Finding]:
    if _HU_STREET_WORDS.isdisjoint(t.words) or "cim" not in t.low and "lak" not in t.low and "kolt" not in t.low:
        return
    text, low = t.text, t.low
    for m in _HU_FLAT_ADDRESS.finditer(text):
        if _HU_OWN_ADDRESS.search(low, max(0, m.start() - 160), min(len(low), m.end() + 24)):
            yield Finding("personal.address", PERSONAL, m.start(), m.end())


#: an acronym with digits or hyphens just before ("au CC-IN2P3, 21 avenue ..."), or one after a
#: preposition on the line ("A morada do LIP em Lisboa é Av. ...", "delivered to the KIT at ...")
_CODE_ACRONYM_BEFORE = re.compile(r"(?<![\w-])(?=(?:[A-Z0-9-]*[A-Z]){2})[A-Z][A-Z0-9-]{1,15}[ \t]*,[ \t]*$")
_ACRONYM_AFTER_PREPOSITION = re.compile(
    r"(?<![\w'-])(?:au|aux|à|at|to|do|da|dos|das|del|della|dello|al|all'|an|am|beim|bei|im|zum|zur|naar|bij|na|"
    r"w|we|v|ve|u|in|of|de|du|des|von|for|für|for the|to the|at the|für das|für den|pour le|pour la|"
    r"au sein du|presso|presso il|presso la|en el|en la|no|na|στο|στην|в|у|до)[ \t]+"
    r"(?=(?:[A-Z0-9-]*[A-Z]){2})[A-Z][A-Z0-9-]{1,15}(?![\w-])"
    # (or an elided preposition and article joined to it: "alla segreteria dell'INFN", "à l'IRFU",
    # "l'adresse de l'IJCLab", "d'INRIA", "nell'ENEA", "dall'ASI")
    r"|(?<![\w'-])(?:dell|dall|nell|sull|all|coll|de l|à l|d|l)['’]"
    r"(?=(?:[A-Z0-9-]*[A-Z]){2})[A-Z][A-Z0-9-]{1,15}(?![\w-])")
#: how far up a signature block the institute's line may stand above the address
_SIGNATURE_LINES = 2
_ALNUM = re.compile(r"[^\W_]")
#: a signature's line that begins with an acronym and a separator: "INFN – Sezione di Bologna",
#: "CNRS / IN2P3", "CERN" (not "DUPONT Jean": a name goes on with a word)
_ACRONYM_LINE = re.compile(r"[ \t]*(?=(?:[A-Z0-9-]*[A-Z]){3})[A-Z][A-Z0-9-]{2,15}(?:[ \t]*(?:[-–—/,(:|]|$))", re.MULTILINE)


#: a form's field that asks for an organisation, its label alone on the line before the value
#: ("Institucija:", "Instelling:", "Affiliation:", "Arbeitgeber:"), not for its address
_ORGANISATION_FIELD_STEMS = (
    r"institu|instytu|instelling|intézmény|ustanov|organi[sz]|affiliat|afilia|affilia|arbeitgeber|"
    r"einrichtung|établissement|employer|ente|entidad|entidade|laitos|virksomhed|arbetsgivare|zavod|"
    r"kurum|asutus|iestād|įstaig|ίδρυμα|φορέας|институц|организац|organizac|organizaţ|organizaț|univers|"
    r"uniwersytet|univerzit|egyetem|yliopisto|ülikool")
_ORGANISATION_FIELD = re.compile(
    rf"[ \t]*(?:[^\W\d_]+[ \t]+)?[^\W\d_]*(?:{lex(_ORGANISATION_FIELD_STEMS)})[^\W\d_]*[ \t]*:[ \t]*")
#: an address's own word in the label ("Institution address:", "Adresa institucije:"): the organisation's address
_ADDRESS_LABEL = re.compile(lex(r"address|adress|adres|indirizz|direcci|morada|endereç|cím|osoite|aadress|adrese|"
                                r"adresas|naslov|διεύθυνσ|адрес|anschrift|postadres|sídlo|sede|siège|seat"))


def _alone_in_organisation_field(low: str, start: int) -> bool:
    """Is the address all a field that asks for an organisation begins with ("Institucija: Trnjanska
    cesta 41, 10000 Zagreb")? An organisation's address there would follow its name ("Institucija:
    FER, Unska 3, ..."); an address alone is the writer's own, typed where the form asked."""
    line_start = low.rfind("\n", 0, start) + 1
    if start - line_start > 60 or ":" not in low[line_start:start]:
        return False
    return _ORGANISATION_FIELD.fullmatch(low, line_start, start) is not None \
        and _ADDRESS_LABEL.search(low, line_start, start) is None


#: an address named as an organisation's official one, its seat or head office
_OFFICIAL_ADDRESS = re.compile(rf"(?<![\w-])(?:{lex(OFFICIAL_ADDRESS_WORDS)})(?![\w-])")
#: "my", or a person named, before or just after the official word ("my registered address",
#: "адресът ми", "sídlo zaměstnance"): a person's address
_MY_OFFICIAL = re.compile(lex(r"my|mein|meine|meiner|mon|ma|mio|mia|mi|meu|minha|mijn|mój|moja|moje|mojego|"
                              r"můj|môj|min|mitt|mina|minun|minu|mano|mans|benim|μου|моят|моя|мой|мій|ми|moj|"
                              r"saját|omaa|oma"))
_MY_OFFICIAL_AROUND = re.compile(rf"(?<![\w-])(?:{_MY_OFFICIAL.pattern})(?![\w-])")
_PERSON_OWNER = re.compile(rf"(?<![\w-])(?:{lex(PERSON_OWNER_STEMS)})")


def _official_address(low: str, start: int) -> bool:
    """Is the address at ``start`` named an organisation's official one ("Институтът ... е готов
    ... Официалният адрес за кореспонденция е: ул. ...", "The institute ... Its registered office:
    ...")? The official word in the 80 characters before it, an organisation named in the
    paragraph before that word (300 characters), and no "my" nor a person beside the word."""
    lo = max(0, start - 80)
    brk = low.rfind("\n\n", lo, start)
    if brk >= 0:
        lo = brk + 2
    official = None
    for hit in _OFFICIAL_ADDRESS.finditer(low, lo, start):
        official = hit  # (the nearest)
    if official is None:
        return False
    if _MY_OFFICIAL_AROUND.search(low, max(0, official.start() - 12), min(start, official.end() + 12)) \
            or _PERSON_OWNER.search(low, official.start(), start):
        return False
    para = max(0, official.start() - 300)
    brk = low.rfind("\n\n", para, official.start())
    if brk >= 0:
        para = brk + 2
    return bool(_INSTITUTION.search(low, para, official.end()) or _ORGANISATION_STEM.search(low, para, official.end()))


def _institution_before(text: str, low: str, start: int) -> bool:
    """"Instytut Fizyki, ul. Radzikowskiego 152, ...": an organisation's word on the line, before
    (alone or ending a compound: "Beispielzentrum"), or its acronym just before ("ФИНКИ, ул. ...",
    "au CC-IN2P3, ...") or after a preposition ("A morada do LIP em Lisboa é ..."); or an
    organisation's word on one of the two lines above, as a signature block has it ("Institute of
    Physics" over "Na Slovance 2, 182 21 Praha 8")."""
    line_start = max(low.rfind("\n", 0, start) + 1, start - 80)
    if (_INSTITUTION.search(low, line_start, start) or _ACRONYM_BEFORE.search(text, line_start, start)
            or _ORGANISATION_STEM.search(low, line_start, start) or _CODE_ACRONYM_BEFORE.search(text, line_start, start)
            or _ACRONYM_AFTER_PREPOSITION.search(text, line_start, start) or _PUBLIC_OFFICE.search(low, line_start, start)
            or _official_address(low, start)):
        return True
    if text[line_start:start].strip(" \t") or line_start == 0 or text[line_start - 1] != "\n":
        return False  # the address does not begin its line: no signature block
    above, seen = line_start, 0
    for _ in range(_SIGNATURE_LINES + 6):
        if above <= 0 or seen == _SIGNATURE_LINES:
            return False
        prev = low.rfind("\n", 0, above - 1) + 1
        if not _ALNUM.search(low, prev, above - 1):
            above = prev  # an empty line, or the audit's separator between a page's parts
            continue
        if above - prev > 90:
            return False  # a long line: prose, not a signature block
        if (_INSTITUTION.search(low, prev, above - 1) or _ORGANISATION_STEM.search(low, prev, above - 1)
                or _ACRONYM_LINE.match(text, prev, above - 1)):
            return True
        above, seen = prev, seen + 1
    return False


#: what makes the text after a home word an address: a street word, a postcode beside a place's
#: name (either order: "101 00 Praha", "Київ, 04053"), or the blocks, entrances and flats of a
#: housing estate ("ж.к. Младост 1, бл. 24, вх. Б, ап. 31"), a door number ("No:215 D:7")
_ADDRESS_SIGN_WORDS = (
    r"ж\.к\.|жк|бл\.|вх\.|ет\.|ап\.|кв\.|буд\.|д\.|mnt\.?|maantee|pst\.?|no:|no\.|nr\.|č\.p\.|č\.|bl\.|sc\.|"
    r"u\.|utca|krt\.|körút|"
    r"et\.|ap\.|apt\.?|flat|m\.|lgh|sok\.|sk\.|sokak|sokağı|caddesi|cad\.|mah\.|mahallesi|daire|d:|"
    r"רחוב|רח'|שדרות|שד'|شارع|ქუჩა|გამზირი|გამზ\.|ბინა|փողոց|պողոտա|պող\.|փ\.|բն\.|λεωφόρος|λεωφ\.|πλατεία|οδός|οδ\."
)
_ADDRESS_SIGNS = re.compile(
    rf"(?<![\w-])(?:{lex(_STREET_PREFIX, _ADDRESS_SIGN_WORDS)})"
    rf"|[^\W\d_]{{2,}}(?:{lex(_STREET_SUFFIX)})[ ]+\d"
    rf"|(?<![\w-]){_POSTCODE}[ ]+[^\W\d_]{{2,}}"
    rf"|[^\W\d_]{{3,}},?[ ]+(?:\d{{5}}|\d{{2}}-\d{{3}}|\d{{3}} \d{{2}})(?![\w-])"
    # a street's name, its number and a comma before the town: "הגפן 7, חיפה", "Hraunbrún 12, 220 Hafnarfirði"
    rf"|[^\W\d_]{{2,}}[ ]+\d{{1,4}}[^\W\d_]?(?:[ ]?[/-][ ]?\d{{1,4}})?[ ]*,[ ]*(?:\d{{3,5}}[ ]+)?[^\W\d_]{{2,}}"
    # a town, then its postcode, closing the address ("..., 12, თბილისი 0177")
    rf"|,[ ]*[^\W\d_]{{3,}}[ ]+\d{{4,6}}(?![\w.,/-])"
    # a Lithuanian street's name, its abbreviated word and its number ("Savanorių pr. 187-12",
    # "Žalgirio g. 88": gatvė, prospektas, alėja, plentas, skersgatvis; the name in its genitive)
    rf"|[^\W\d_]{{2,}}(?:o|ų|u|ės|es|os|io|aus|ies)[ ](?:g|pr|al|pl|skg)\.[ ]?\d{{1,4}}", re.IGNORECASE)


#: the English order: a house number, a street's capitalised name and a comma ("14 Ashgrove Park,"),
#: or an Irish Eircode ("P31 X2Y7")
_HOUSE_FIRST = re.compile(r"(?<![\w-])\d{1,4}[a-zA-Z]?[ ]+[A-Z][\w'’-]+(?:[ ]+[A-Z][\w'’-]+){0,3},"
                          r"|(?<![\w-])[AC-FHKNPRTV-Y]\d[\dW][ ]?[0-9AC-FHKNPRTV-Y]{4}(?![\w-])")
#: a postcode that closes an address the British or Irish way, the sentence going on in small
#: words after it ("... Galway H91 X2KD if the courier needs it", "London SW1A 1AA, so send it")
_CLOSING_POSTCODE = re.compile(r"(?<![\w-])(?P<code>[AC-FHKNPRTV-Y]\d[\dW][ ]?[0-9AC-FHKNPRTV-Y]{4}"
                               r"|[A-Z]{1,2}\d[A-Z\d]?[ ]\d[A-Z]{2})(?=[ \t]*,?[ \t]+[a-z])")
#: a postcode and its town, then a comma and the sentence going on in lower case ("Thereses gate 19B,
#: 0358 Oslo, siden kontoret er stengt", "411 38 Göteborg, eftersom ..."): where the address ends
_CLOSING_TOWN = re.compile(r"(?<![\w-])(?:\d{4,5}|\d{3}[ ]\d{2})[ ]+[^\W\d_a-z][\w'’-]+(?:[ ][A-Z](?![\w]))?"
                           r"(?=,[ \t]+[^\W\d_A-Z])")
#: a street named with no street word, its number, then "in" and the town, after a verb of living:
#: "bydlíme na Údolní 48 v Brně-Veveří", "mieszkamy na Polnej 12 w Gdańsku", "we live at Elm Grove 4 in Leeds"
_STREET_IN_TOWN = re.compile(r"(?<![\w-])[^\W\d_a-z][^\W\d_]+(?:[ ]+[^\W\d_]+){0,2}[ ]+\d{1,4}[a-zA-Z]?(?:/\d{1,4})?[ ]+"
                             r"(?:v|ve|w|we|in|im|i|à|a|en|em|u|na|vo|в|во|у|σε|στο|στη)[ ]+[^\W\d_a-z]")


def _address_shaped(text: str, start: int, end: int) -> bool:
    """Is ``text[start:end]`` shaped like an address in some country's order?"""
    return _ADDRESS_SIGNS.search(text, start, end) is not None or _HOUSE_FIRST.search(text, start, end) is not None \
        or _STREET_IN_TOWN.search(text, start, end) is not None


#: a house number said as a word before its street, as a note of a call writes it ("send it to my
#: home please, fourteen Larkspur Close, Chesterton, Cambridge, CB4 1XJ"): the street and the
#: towns and postcode after it
_SAID_NUMBER = lex("|".join(SAID_NUMBERS))
_SPOKEN_HOUSE = re.compile(
    rf"(?<![\w])(?i:{_SAID_NUMBER})(?:[ -](?i:{_SAID_NUMBER})){{0,2}}[ \t]+[A-Z][\w'’-]+(?:[ \t]+[A-Z][\w'’-]+)?[ \t]+(?i:{_STREET_SUFFIX})(?![\w])"
    rf"(?:,[ \t]*(?:{_POSTCODE}|[A-Z][\w'’-]+(?:[ \t]+[A-Z][\w'’-]+)?)(?![\w])){{0,4}}")


def _spoken_house_numbers(t: Text) -> Iterator[Finding]:
    if "," not in t.text:
        return
    for home in chain(_HOME.finditer(t, 40, 40), _POSTAL.finditer(t, 40, 40)):
        m = _SPOKEN_HOUSE.search(t.text, home.end(), min(len(t.text), home.end() + 80))
        if m:
            yield Finding("personal.address", PERSONAL, m.start(), m.end())


#: the words of a street's name before its street word, capitalised or a name's particle: "Van
#: Speijkstraat", "Eerste Jan Steenstraat", "Burgemeester de Vlugtlaan", "Am Alten Markt"
_NAME_WORD_BEFORE = re.compile(r"(?:(?<=[ ])|^)(?:[^\W\d_a-z][\w'’-]*|" + lex(STREET_NAME_PARTICLES) + r")[ ]$")


def _street_name_start(text: str, start: int) -> int:
    """Where the street's name begins whose street word starts at ``start``: up to three words
    before it, each capitalised or a name's particle, from the first capitalised one (a particle
    before no capital is the sentence's: "woon in de Kerkstraat" keeps "de")."""
    if _STREET_PREFIX_WORDS.match(text.lower(), start):
        return start  # "Via dei Mille 42": the street's word begins its name
    first, pos = start, start
    for _ in range(3):
        word = _NAME_WORD_BEFORE.search(text, max(0, pos - 30), pos)
        if word is None or any(c.isupper() for c in word.group()[1:]):
            break  # (a word with a capital inside is a product's or a label's: "YubiKey", "FZK")
        pos = word.start()
        if text[pos].isupper():
            first = pos
    return first


#: a British home's address as a signature writes it under the name: a flat's number perhaps, the
#: house's number and its street, a district perhaps, then the town and its postcode ("Flat 2, 14
#: Ashgrove Terrace\nLeeds LS6 3BN"); an organisation's (a name of one in the lines before) stays
_UK_HOME = re.compile(
    r"(?m)^[ \t]*(?:(?:Flat|Apartment|Apt\.?|Unit|Room)[ ]\d{1,4}[A-Za-z]?,?[ ]*)?\d{1,4}[A-Za-z]?[ ]+"
    r"[A-Z][\w'’-]+(?:[ ][A-Z][\w'’-]+){0,3}[ ]+(?:Road|Rd|Street|St|Lane|Avenue|Ave|Drive|Close|Crescent|Terrace|"
    r"Place|Grove|Gardens|Way|Court|Row|Hill|Park|Square|Mews|Walk|View|Rise|Green|Parade|Wynd|Gate)\.?[ ]*,?[ ]*\n"
    r"(?:[ \t]*[A-Z][\w'’-]+(?:[ ][A-Z][\w'’-]+){0,2}[ ]*,?[ ]*\n)?"
    r"[ \t]*[A-Z][\w'’-]+(?:[ ][A-Z][\w'’-]+){0,2},?[ ]+[A-Z]{1,2}\d[A-Z\d]?[ ]\d[A-Z]{2}[ ]*$")


def _uk_homes(t: Text) -> Iterator[Finding]:
    text, low = t.text, t.low
    for m in _UK_HOME.finditer(text):
        around = low[max(0, m.start() - 200):m.end()]
        if _VENUE.search(around) or _INSTITUTION.search(around) or _ORGANISATION_STEM.search(around):
            continue  # "University of Leeds\n12 Woodhouse Lane\nLeeds LS2 9JT"
        yield Finding("personal.address", PERSONAL, m.start() + len(m.group()) - len(m.group().lstrip()), m.end())


def _sentence_start(low: str, at: int) -> int:
    """Where the sentence holding ``at`` begins (80 characters before it at most)."""
    lo = max(0, at - 80)
    cut = max(low.rfind(". ", lo, at), low.rfind("\n", lo, at), low.rfind("! ", lo, at), low.rfind("? ", lo, at))
    return cut + 1 if cut >= 0 else lo


#: a negation just before a home word, in its clause: "não em casa de ninguém", "not to anyone's
#: home", "nicht nach Hause", "pas à domicile", "nie do domu": the address is said to be no home
_NEGATED_HOME = re.compile(rf"(?<![\w-])(?:{lex(HOME_NEGATIONS)})(?![\w-])[^,;:.!?\n]{{0,16}}$")


def _home_named(before: str) -> bool:
    """A home word in ``before`` that no negation just before it denies."""
    return any(not _NEGATED_HOME.search(before, max(0, m.start() - 24), m.start())
               for m in _HOME.pattern.finditer(before))


#: somebody's home named by their name, as a subject or a note says where a thing goes: "to Ellie's
#: flat - 4 Montague Terrace, Edinburgh EH3 5QX", "zur Wohnung von Jana: ...", "chez Ellie : ...", "hos Nils"
#: (not German "bei" nor Dutch "bij": a German noun is capitalised, "bei Zeile 4812", and "bij" an institute's name),
#: "nach Annas Wohnung", "appartamento di Luca" (h74); the home word in small letters ("King's Place"
#: is a venue's name)
_PERSONS_HOME_NOUNS = (r"flat|home|house|place|apartment|cottage|digs|appartement|maison|"
                       r"appartamento|casa|piso|apartamento|huis|woning|mieszkanie|dom|byt|lakás|"
                       r"asunto|lägenhet|hus|leilighet|lejlighed|korter|dzīvoklis|butas|stan|apartament|(?i:wohnung|haus)")
#: (the genitive without an apostrophe, German and Nordic: "Annas Wohnung", "Eriks lägenhet")
_GENITIVE_HOME_NOUNS = r"(?i:wohnung|haus)|lägenhet|hus|leilighet|lejlighed"
_PERSONS_HOME = re.compile(
    rf"[A-Z][\w-]*(?:['’]s|s['’])[ \t]+(?:{_PERSONS_HOME_NOUNS})(?![\w-])"
    rf"|[A-Z][a-zß-öø-ÿ]+(?<=[a-zäöüéèáíóú])s[ \t]+(?:{_GENITIVE_HOME_NOUNS})(?![\w-])"
    # (a home word and its owner's particle, not a street's: "place de Clichy" is one, "house of Lords" a name)
    r"|(?:(?i:wohnung|haus)[ \t]+von|appartement[ \t]+de|appartamento[ \t]+di|apartamento[ \t]+de|piso[ \t]+de|"
    r"woning[ \t]+van|huis[ \t]+van|chez|hos|a casa di|en casa de|em casa de|na casa de)"
    r"[ \t]+[A-Z][a-zß-öø-ÿ\u0100-\u024f'’-]+(?![\w])")
_PERSONS_HOME_WORDS = frozenset(fold(w).encode() for w in _PERSONS_HOME_NOUNS.replace("(?i:", "").replace(")", "").split("|")
                                + "chez|hos|casa".split("|") if w)


def _persons_homes(t: Text) -> Iterator[re.Match[str]]:
    """Where a named person's home is said (``_PERSONS_HOME``), for the home words' loop."""
    if _PERSONS_HOME_WORDS.isdisjoint(t.words):
        return
    seen = set()
    for w in _PERSONS_HOME_WORDS.intersection(t.words):
        for p in t.positions(w.decode()):
            for m in _PERSONS_HOME.finditer(t.text, max(0, p - 30), min(len(t.text), p + 40)):
                if m.start() <= p < m.end() and m.span() not in seen:
                    seen.add(m.span())
                    yield m


#: a street named with no street word, its house number (a Czech or Slovak one with its '/'), a comma,
#: before a postcode: "na Lidickou 1054/22, 602 00 Brno-Veveří", "na Polną 12, 80-123 Gdańsk" (h74)
_BARE_STREET = re.compile(r"(?<![\w-])[^\W\d_a-z][^\W\d_]+(?:[ ]+[^\W\d_]+){0,2}[ ]+\d{1,4}[a-zA-Z]?(?:/\d{1,4}[a-zA-Z]?)?"
                          r"[ ]*,[ ]*$")
#: the postcode and its town (with its district: "Brno-Veveří", "Praha 6")
_CODE_TOWN = re.compile(rf"(?:\d{{3}}[ ]\d{{2}}|\d{{2}}-\d{{3}}|\d{{4,5}}|\d{{4}}[ ]?[A-Z]{{2}})[ ]+{_PLACE}(?:[ ]\d{{1,2}}(?![\w]))?")
#: a flat or a home said after it, in its sentence or on the next (quoted) line
_HOME_AFTER = re.compile(words(HOME_AFTER_WORDS))
_SENTENCE_STOP = re.compile(r"[.!?](?:\s|$)|\n[ \t>|]*\n")


def _bare_street_homes(t: Text, codes: list[int]) -> Iterator[Finding]:
    """An address without a street word, then a flat or a home in its sentence or on the next line:
    "kurýr to může doručit na Lidickou 1054/22, 602 00 Brno-Veveří,\n> je to byt kolegyně, bude
    doma od 14h"; an organisation's ("CESNET, Zikova 1903/4, 160 00 Praha 6") has no home after it,
    or names the organisation before it."""
    text, low = t.text, t.low
    for p in codes:
        street = _BARE_STREET.search(text, max(0, p - 60), p)
        town = street and _CODE_TOWN.match(text, p)
        if not street or not town:
            continue
        end = town.end()
        reach = min(len(text), end + 160)
        stop = _SENTENCE_STOP.search(text, end, reach)
        if stop:
            reach = stop.start()
        second = text.find("\n", text.find("\n", end, reach) + 1, reach) if "\n" in text[end:reach] else -1
        if second > 0:
            reach = second
        if not _HOME_AFTER.search(low, end, reach):
            continue
        start = street.start()
        if _VENUE.search(low, max(0, start - 160), reach) or (
                _institution_before(text, low, start) and not _DOOR.search(low, start, end)):
            continue
        yield Finding("personal.address", PERSONAL, start, end)


def addresses(t: Text) -> Iterator[Finding]:
    """Street addresses (see the module's docstring)."""
    text, low = t.text, t.low
    m: re.Match[str] | None
    if "\\," in text and t.has_digit:
        # a calendar invitation's escaped commas ("LOCATION:Str. Dorobanților nr. 31\\, ap. 6\\, Cluj-Napoca"):
        # read as commas (a space for the backslash: the spans stay the text's)
        fixed = text.replace("\\,", ", ")
        yield from addresses(Text(View(fixed, fixed, low.replace("\\,", ", "))))
        return
    yield from _spoken_house_numbers(t)  # (with no digit: "fourteen Larkspur Close")
    if not t.has_digit:
        return
    yield from _structured_homes(t)
    shapes = t.shapes
    postcodes = _POSTCODE_ANCHOR.finditer(t.digits) if shapes is None else \
        shaped_matches(_POSTCODE_ANCHOR_BYTES, _POSTCODE_BEGINS, t.digits, shapes)  # type: ignore[arg-type]
    codes = [m.start() for m in postcodes]
    anchors = [c for c in codes if _street_before(low, c)]
    if len(anchors) < len(codes) and _HOME_AFTER.search(low):
        yield from _bare_street_homes(t, [c for c in codes if c not in anchors])
    for lo, hi in windows_around(anchors, 90, 40, len(text)):
        if t.ascii and not _street_word_in(low, lo, hi):
            continue  # (in ASCII, matching without case is matching the lower-cased view)
        for m in _ADDRESS.finditer(text, lo, hi):
            start, end = m.span()
            before = low[max(0, start - 160):start]
            around = low[max(0, start - 160):min(len(low), end + 80)]
            if _home_named(before) or _alone_in_organisation_field(low, start) \
                    or not (_VENUE.search(around) or _institution_before(text, low, start)
                            and not _DOOR.search(low, start, end)):
                yield Finding("personal.address", PERSONAL, _street_name_start(text, start), end)
    if _FLAT_AFTER_TOWN.search(low):
        for m in _FLAT_ADDRESS.finditer(text):
            yield Finding("personal.address", PERSONAL, m.start(), m.end())
    if not _HU_STREET_WORDS.isdisjoint(t.words) and _TOWN_FIRST_STREET.search(low):
        for m in _TOWN_FIRST.finditer(text):
            if not (_VENUE.search(low, max(0, m.start() - 160), m.end() + 80)
                    or _institution_before(text, low, m.start()) and not _DOOR.search(low, m.start(), m.end())):
                yield Finding("personal.address", PERSONAL, m.start(), m.end())
    yield from _unit_addresses(t)
    yield from _hu_flat_addresses(t)
    if "\n" in text:
        yield from _uk_homes(t)
    for m in _BILLING.finditer(t, 40, 40):
        # "maksan sen itse. Laskutustiedot:" then a name, a street and a town: one's own address
        _, line_end = t.line_span(m.end())
        if not _OWN_PAYMENT.search(low, max(0, m.start() - 120), line_end):
            continue
        block = _address_block(text, m.end(), line_end, 140)
        if block and _persons_block(text, low, *block):
            yield Finding("personal.address", PERSONAL, *block)
    moved = [(m, True) for m in chain(_MOVED.finditer(t, 40, 40), _POSTAL.finditer(t, 40, 40))] if t.has_digit else []
    homes = chain(_HOME.finditer(t, 40, 40), _persons_homes(t) if t.has_digit else ())
    for m, after_move in chain(((m, False) for m in homes), moved):
        # (a phrase's anchor may be its second word: "כתובת מגורים")
        if text[m.start() - 1:m.start()] in ("/", "\\", "~"):
            continue  # a path's folder ("/home/...")
        if not after_move and _NEGATED_HOME.search(low, max(0, m.start() - 24), m.start()):
            continue  # "não em casa de ninguém: LIP, Av. ...": the address is said to be no home
        # (what moved may stand before its verb, in its sentence: "Das Rechenzentrum ist umgezogen in
        # die ...", "le laboratoire a déménagé au ...")
        told = _sentence_start(low, m.start()) if after_move else m.start()
        if after_move and (_VENUE.search(low, told, t.line_span(m.end())[1])
                           or _INSTITUTION.search(low, told, t.line_span(m.end())[1])
                           or _ORGANISATION_STEM.search(low, told, t.line_span(m.end())[1])
                           or _ACRONYM_FIRST.match(text, m.end(), t.line_span(m.end())[1])
                           or _official_address(low, m.end())
                           or "://" in low[m.end():m.end() + 80]):
            # "the new address of the data centre: ...": an organisation moved; a service's link. (Not a
            # block under the line that names a person and no organisation: "bitte folgende Lieferadresse
            # nehmen, da das Institut im August geschlossen ist:\nSabine Kurz\nAm Weiher 3a\n79104 Freiburg")
            block = _address_block(text, m.end(), t.line_span(m.end())[1], 140)
            if block and _persons_block(text, low, *block):
                yield Finding("personal.address", PERSONAL, *block)
            continue
        _, line_end = t.line_span(m.end())
        if "[redacted:" in text[m.end():line_end]:
            continue  # the line's address is cut already ("na mou adresu, pracuju z domu: [redacted: ...]")
        block = _address_block(text, m.end(), line_end)
        if block:
            yield Finding("personal.address", PERSONAL, *block)
            continue
        nxt = text.find("\n", line_end + 1)
        if _FIELD_LABEL.match(text, line_end + 1):
            nxt = line_end  # the next line is a form's next field ("Projecttitel: ..."): the address ends with its line
        block_end = min(len(text), m.end() + 120, nxt if nxt > 0 else len(text))
        segment = text[m.end():block_end]
        digit = _FIRST_NUMBER.search(segment)  # (not a time: "[00:04:14] LOC: au 14 rue ...")
        if digit and (re.search(r"\d{2,}", segment) or "," in segment[digit.start():] or _STREET_IN_TOWN.search(segment)):
            colon = segment.find(":")
            if _TIME_IN.search(segment, 0, digit.start()):  # (a transcript's time stamps, then "LOC: au 14 ...")
                colon = segment.rfind(": ", 0, digit.start())
            start = m.end() + (colon + 1 if 0 <= colon < digit.start() else 0)
            start += len(segment[start - m.end():]) - len(segment[start - m.end():].lstrip(" \n"))
            # a sentence's end, not an abbreviation's dot ('ul.', 'ул.', 'Nr.', 'str.')
            stop = _ADDRESS_END.search(text, start, block_end)
            end = stop.start() if stop else block_end
            closing = _CLOSING_POSTCODE.search(text, start, end)
            if closing:  # "... Galway H91 X2KD if the courier needs it": the address ends with its postcode
                end = closing.end("code")
            else:
                town = _CLOSING_TOWN.search(text, start, end)
                if town:  # "..., 0358 Oslo, siden kontoret er stengt": the address ends with its town
                    end = town.end()
            if end - start >= 6 and _address_shaped(text, start, end):
                yield Finding("personal.address", PERSONAL, start, end)
        if digit and m.end() + digit.start() < line_end:
            # the address goes on over the next lines, quoted or not, as a form pasted into a mail
            # gives it ("> Home address: 14 Orchard Close\n> Great Shelford\n> Cambridge CB22 5QT")
            lines_end = _continued_lines(text, line_end)
            colon = text.rfind(":", m.end(), m.end() + digit.start())
            first = colon + 1 if colon >= 0 else m.end()
            first += len(text[first:line_end]) - len(text[first:line_end].lstrip())
            if lines_end > line_end and text[first:line_end].rstrip()[-1:] not in ".!?":
                joined = _QUOTED_BREAK.sub(", ", text[first:lines_end])
                if _address_shaped(joined, 0, len(joined)):
                    yield Finding("personal.address", PERSONAL, first, lines_end)



# --- home addresses inside pasted structure: a form's fields, a data key's value, a letter's block ---

#: a form's street field beginning a line ("Straße: Mühlenweg 14b", "Rue : 12 rue des Lilas", "Street /
#: No.: ...", "> Ulice: Na Hřebenkách 58"), then its value
_FORM_STREET = re.compile(
    rf"(?m)^[ \t>|]*(?:{lex(FORM_STREET_LABELS)})(?:[ \t]*[/&+,][ \t]*[^\W\d_]{{1,12}}\.?){{0,2}}[ \t]*(?:\([^)\n]{{0,24}}\))?"
    rf"[ \t]*:[ \t]*(?=[^\n]*\d)")
_FORM_STREET_WORDS = frozenset(fold(w.split()[0]).encode() for w in FORM_STREET_LABELS.split("|"))
_FORM_TOWN_WORDS = frozenset(fold(w) for w in FORM_TOWN_LABEL_WORDS.split("|"))
#: the next line: a label of a few words ("PLZ/Ort", "CP / Localité", "PSČ a město") and a postcode and town
_FORM_TOWN_LINE = re.compile(r"[ \t>|]*([^\W\d][^:\n]{0,30}?)[ \t]*:[ \t]*((?:[A-Za-z]{1,2}-?)?\d{2,5}(?:[ -]?\d{2,3})?(?:[ ][A-Z]{2})?[ ,]+[^\W\d_][^\n]{0,50}?)[ \t]*$", re.MULTILINE)
_FORM_STREET_VALUE = re.compile(r"(?:[^\W\d_][\w'’.-]*[ ]){1,5}\d{1,4}[^\W\d_]?(?:[/-]\d{1,4}[^\W\d_]?)?|\d{1,4}[^\W\d_]?,?[ ][^\W\d_]")
_LABEL_WORD = re.compile(r"[^\W_]+(?:\.[^\W_]+\.?)?")


def _form_homes(t: Text) -> Iterator[Finding]:
    """A web form's street field and its postcode-and-town field on the next line ("Straße: Mühlenweg
    14b" / "PLZ/Ort: 79100 Freiburg im Breisgau"): a person's address, unless the form names an
    organisation above it and no home ("Institution: CESNET" / "Street: Zikova 4"); a home named in
    the form ("Lieferung an: Privatadresse") or a flat's door makes it one's home whatever else it names."""
    text, low = t.text, t.low
    for m in _FORM_STREET.finditer(low):
        start = m.end()
        line_end = low.find("\n", start)
        if line_end < 0:
            continue
        value = text[start:line_end].rstrip()
        if len(value) > 60 or not _FORM_STREET_VALUE.match(value):
            continue
        town = _FORM_TOWN_LINE.match(text, line_end + 1)
        if town is None or not any(w in _FORM_TOWN_WORDS for w in _LABEL_WORD.findall(low[town.start(1):town.end(1)])):
            continue
        # the form's lines above, to a blank line (five at most)
        top = line_start = low.rfind("\n", 0, m.start()) + 1
        for _ in range(5):
            if top == 0:
                break
            prev = low.rfind("\n", 0, top - 1) + 1
            if not low[prev:top - 1].strip():
                break
            top = prev
        above = low[top:line_start]
        end = town.end(2)
        if not (_home_named(above + low[m.start():start]) or _DOOR.search(low, start, end)):
            if (_INSTITUTION.search(above) or _ORGANISATION_STEM.search(above) or _VENUE.search(above)
                    or _institution_before(text, low, start)):
                continue  # an organisation's form: its address
        yield Finding("personal.address", PERSONAL, start, end)


#: a word of a data key naming an address ("shipping_address", "privatadresse", "deliveryAddress")
_ADDRESS_KEY_STEM = re.compile(lex(
    r"address|adress|adres|anschrift|indirizzo|direccion|dirección|endereco|endereço|morada|osoite|"
    r"aadress|adrese|adresas|adresa|naslov|adresi|διευθυνση|διεύθυνση|адрес"))
#: a piece each of those words holds (one read of the text each, at C speed, before the search)
_ADDRESS_KEY_PIECES = tuple(fold(w) for w in ("adr", "addr", "anschrift", "indirizzo", "direcci", "endere", "morada",
                                               "osoite", "naslov", "διευθυνσ", "διεύθυνσ", "адрес"))
_HOME_KEY_WORDS = tuple(HOME_ADDRESS_KEY_WORDS.split("|"))
_SHIPMENT_KEY_WORDS = tuple(SHIPMENT_ADDRESS_KEY_WORDS.split("|"))
_KEY_PARTS = re.compile(r"[_\-. ]+|(?<=[a-z])(?=[A-Z])")
#: after a key: its closing quote, a colon or an equals sign, the value's opening quote
_KEY_VALUE = re.compile(r"""["']?[ \t]*[:=][ \t]*(["']?)""")


def _key_qualifier(key: str) -> str | None:
    """'home' or 'shipment' for a key that names a person's or a shipment's address, else None."""
    parts = [fold(p.lower()) for p in _KEY_PARTS.split(key) if p]
    for kind, qualifiers in (("home", _HOME_KEY_WORDS), ("shipment", _SHIPMENT_KEY_WORDS)):
        if any(p in qualifiers for p in parts) or len(parts) == 1 and parts[0].startswith(qualifiers) \
                and not _ADDRESS_KEY_STEM.match(parts[0]):
            return kind
    return None


def _keyed_homes(t: Text) -> Iterator[Finding]:
    """An address as the value of a data key that names a person's or a shipment's address
    ('"shipping_address": "Brīvības iela 144-12, Rīga, LV-1012"', 'home_address: ...',
    'privatadresse = ...'): a shipment's stays when its value names an organisation and no flat."""
    text, low = t.text, t.low
    for m in _ADDRESS_KEY_STEM.finditer(low):
        key_start, key_end = m.start(), m.end()
        while key_start > 0 and (low[key_start - 1].isalnum() or low[key_start - 1] in "_-"):
            key_start -= 1
        while key_end < len(low) and (low[key_end].isalnum() or low[key_end] in "_-"):
            key_end += 1
        after = _KEY_VALUE.match(text, key_end)
        if after is None or key_end - key_start > 40:
            continue
        kind = _key_qualifier(text[key_start:key_end])
        quote = after.group(1)
        if kind is None or not (quote or text[key_start - 1:key_start] in ('"', "'")
                                or _KEY_PARTS.search(text, key_start, key_end)):
            continue  # (prose's "Lieferadresse: ..." is a home phrase's, read as such above)
        start = after.end()
        line_end = t.line_span(start)[1]
        end = text.find(quote, start, line_end) if quote else line_end
        end = line_end if end < 0 else end
        end = len(text[:end].rstrip(" \t,;"))
        value = low[start:end]
        if not 8 <= end - start <= 150 or not any(c.isdigit() for c in value) or not any(c.isalpha() for c in value):
            continue
        if kind == "shipment" and not _DOOR.search(low, start, end) and (
                _INSTITUTION.search(value) or _ORGANISATION_STEM.search(value) or _VENUE.search(value)
                or _ACRONYM_FIRST.match(text, start, end) and not _FORM_STREET_VALUE.match(text, start, end)):
            continue  # '"delivery_address": "CESNET, Zikova 4, 160 00 Praha 6"': an organisation's
        yield Finding("personal.address", PERSONAL, start, end)


#: a Baltic address: a street's name, its street word ("g.", "iela", "mnt", "tn"), the house (and flat:
#: "68-14"), then a postcode and town in the country's order ("LT-09124 Vilnius", "Rīga, LV-1012",
#: "10115 Tallinn")
_BALTIC_WORD_NUMBER = re.compile(rf"[ ](?:{lex(BALTIC_STREET_WORDS)})[ ]?\d")
_BALTIC_WORDS = frozenset(fold(w).replace("\\", "").rstrip(".").encode() for w in BALTIC_STREET_WORDS.split("|"))
_BALTIC_CODE = r"(?:(?:LT|LV|EE|lt|lv|ee)-\d{4,5}|\d{5})"
_BALTIC_ADDRESS = re.compile(
    rf"[^\W\d_a-z][\w'’.-]*(?:[ ][^\W\d_][\w'’.-]*){{0,2}}[ ](?i:{lex(BALTIC_STREET_WORDS)})[ ]?{_NUMBER}"
    rf"[ ]*,[ ]*(?:{_BALTIC_CODE}[ ]+{_PLACE}|{_PLACE}[ ]*,?[ ]*{_BALTIC_CODE})(?![\w-])")
_FLAT_NUMBER = re.compile(r"\d-\d")


def _named_official(low: str, start: int) -> bool:
    """An official address's word just before (its line, 80 characters), no "my" beside it: "Mūsų
    oficialus adresas: Saulėtekio al. 9, ..." (an organisation's, though only its acronym names it)."""
    lo = max(0, start - 80, low.rfind("\n", 0, start) + 1)
    hit = None
    for found in _OFFICIAL_ADDRESS.finditer(low, lo, start):
        hit = found  # (the nearest)
    return hit is not None and not _MY_OFFICIAL_AROUND.search(low, max(0, hit.start() - 12), min(start, hit.end() + 12))


def _baltic_homes(t: Text) -> Iterator[Finding]:
    text, low = t.text, t.low
    done = 0
    for w in _BALTIC_WORD_NUMBER.finditer(low):
        if w.start() < done:
            continue
        lo = max(0, w.start() - 60, low.rfind("\n", 0, w.start()) + 1)
        m = _BALTIC_ADDRESS.search(text, lo, min(len(text), w.end() + 80))
        if m is None or m.start() > w.start():
            continue
        start, end = m.span()
        end = len(text[:end].rstrip("."))  # (the sentence's full stop after the town)
        done = end
        before = low[max(0, start - 160):start]
        around = low[max(0, start - 160):min(len(low), end + 80)]
        door = _DOOR.search(low, start, end) or _FLAT_NUMBER.search(low, w.end() - 1, end)
        if _home_named(before) or _alone_in_organisation_field(low, start) or door \
                or not (_VENUE.search(around) or _institution_before(text, low, start) or _named_official(low, start)):
            yield Finding("personal.address", PERSONAL, start, end)


#: a letter's block of a street line and a postcode-and-town line ("Na Hřebenkách 58" / "150 00 Praha 5")
_SEND_VERB = re.compile(rf"(?<![\w])(?:{lex(SEND_VERB_STEMS)})")
_STREET_LINE = re.compile(r"[ \t]*(?:[^\W\d_][\w'’.-]*[ ]){1,5}\d{1,4}[^\W\d_]?(?:/\d{1,4}[^\W\d_]?)?(?:,?[ ][^\n]{0,20})?[ \t]*"
                          r"|[ \t]*\d{1,4}[^\W\d_]?,?[ ][^\W\d_][^\n\d]{2,40}")
_TOWN_LINE = re.compile(r"[ \t]*(?:[A-Z]{1,2}-?)?\d{2,5}(?:[ -]?\d{2,3})?(?:[ ][A-Z]{2})?[ ]+[^\W\d_][\w'’. -]{1,40}?(?:[ ]\d{1,2})?[ \t]*")


def _sent_to_blocks(t: Text) -> Iterator[Finding]:
    """A street line and a postcode-and-town line, alone under a line that asks where to send
    something and ends with a colon ("kam ho prosím poslat (do práce to nejde ...):" / "Na Hřebenkách
    58" / "150 00 Praha 5"): the writer's own address, unless the block or its line names an
    organisation ("send it to our institute:" / "CESNET" / "Zikova 4" / "160 00 Praha 6"); an office the
    line says not to send to ("im Büro wird nichts angenommen") is no organisation's address, a venue
    in the block is."""
    text, low = t.text, t.low
    at = text.find(":\n")
    while at >= 0:
        colon, at = at, text.find(":\n", at + 2)
        line_start = low.rfind("\n", 0, colon) + 1
        if colon - line_start > 220 or not _SEND_VERB.search(low, line_start, colon):
            continue
        cursor = colon + 1
        while cursor < len(text) and text[cursor] in "\n \t":
            cursor += 1
        lines = []
        pos = cursor
        for _ in range(4):
            stop = text.find("\n", pos)
            stop = len(text) if stop < 0 else stop
            if not text[pos:stop].strip():
                break
            lines.append((pos, stop))
            if stop >= len(text) or not text[stop + 1:stop + 2].strip():
                break
            pos = stop + 1
        if len(lines) == 3 and _NAME_LINE.fullmatch(text, *lines[0]):
            lines = lines[1:]  # a name over the address
        if len(lines) != 2 or not _STREET_LINE.fullmatch(text, *lines[0]) or not _TOWN_LINE.fullmatch(text, *lines[1]):
            continue
        start, end = lines[0][0], lines[1][1]
        start += len(text[start:end]) - len(text[start:end].lstrip())
        end = len(text[:end].rstrip())
        if not _home_named(low[line_start:colon]) and (
                _ORGANISATION_STEM.search(low, line_start, end) or _INSTITUTION.search(low, line_start, end)
                or _VENUE.search(low, start, end) or _ACRONYM_FIRST.match(text, start, lines[0][1])
                and not _STREET_LINE.fullmatch(text, *lines[0])):
            continue
        yield Finding("personal.address", PERSONAL, start, end)


def _structured_homes(t: Text) -> Iterator[Finding]:
    """Home addresses inside pasted structure: a form's fields, a data key's value, a Baltic
    address, a block under a 'send it to' line (each gated on a cheap test)."""
    text = t.text
    if "\n" in text and ":" in text and not _FORM_STREET_WORDS.isdisjoint(t.words):
        yield from _form_homes(t)
    if (":" in text or "=" in text) and any(stem in t.low for stem in _ADDRESS_KEY_PIECES):
        yield from _keyed_homes(t)
    if not _BALTIC_WORDS.isdisjoint(t.words):
        yield from _baltic_homes(t)
    if ":\n" in text:
        yield from _sent_to_blocks(t)

#: a line break and the quoting marks of the next line ("\n> ", "\n| ")
_QUOTED_BREAK = re.compile(r"[ \t,]*\n[ \t>|]*")
_QUOTE_MARKS = re.compile(r"[ \t>|]*")
#: an address's line: a town, a postcode, a district, in words, numbers, dots, commas and hyphens
_ADDRESS_LINE = re.compile(r"[^\W_][\w .,'’/-]{0,59}")


def _continued_lines(text: str, line_end: int) -> int:
    """Where an address that begins on the line ending at ``line_end`` ends, going on over up to
    three next lines (a quote's marks before them allowed): short lines that are not blank and not a
    form's next field ("> Preferred airport: STN")."""
    end = line_end
    for _ in range(3):
        if text[end:end + 1] != "\n":
            break
        begin = _QUOTE_MARKS.match(text, end + 1).end()  # type: ignore[union-attr]
        stop = text.find("\n", begin)
        stop = len(text) if stop < 0 else stop
        line = text[begin:stop].strip()
        if not _ADDRESS_LINE.fullmatch(line) or line[-1] in ".,;!?:" or ". " in line or _FIELD_LABEL.match(text, begin):
            break
        end = begin + len(text[begin:stop].rstrip())
    return end


#: a form's field label beginning a line: a few words and a colon ("Projecttitel:", "Role in project:")
_FIELD_LABEL = re.compile(r"[ \t]*[^\W\d_][^\W\d_ /()&'’.-]*(?:[ /()&'’.-]{1,3}[^\W\d_][^\W\d_ /()&'’.-]*){0,3}[ \t]*:(?!//)")


#: an organisation's acronym before the address's first number ("Adres dostawy: ACK Cyfronet AGH,
#: ul. Nawojki 11, ..."): its address (not a postcode's letters, "SW1A")
_UPPER = "[^\\W\\d_a-zß-ÿα-ωа-яёіїєґ]"
_ACRONYM_FIRST = re.compile(rf"[^\d\n]{{0,60}}?(?<![\w-]){_UPPER}{{2,8}}(?:-{_UPPER}{{2,8}})?(?![\w-])")
_FIRST_NUMBER = re.compile(r"(?<!\d)(?<!\d:)\d(?!\d*:\d)")
_TIME_IN = re.compile(r"\d:\d")
_BLOCK_LINE = re.compile(r"[ \t]*\S[^\n]{0,80}")


#: a flat's number after the town ("Na Příkopě 18, 110 00 Praha 1, byt 7", "Rua X 5, 1000-001
#: Lisboa, apt. 3"): a home, whatever the street is called (many have no street word at all)
_FLAT_WORDS = r"(?:byt|apt\.?|apartment|flat|whg\.|wohnung|appartement|app\.|lok\.|mieszkanie|m\.|кв\.|stan|lakás|asunto|lgh|lejlighed|leilighet)"
_FLAT_AFTER_TOWN = re.compile(rf",[ ]*{_FLAT_WORDS}[ ]?\d")
_FLAT_ADDRESS = re.compile(rf"(?<![\w'’.-])[^\W\d_a-z][\w'’.-]*(?:[ ][^\W\d_][\w'’.-]*){{0,3}}[ ]+{_NUMBER}[ ]*,[ ]*"
                           rf"{_POSTCODE}[ ]+{_PLACE}(?:[ ]+\d{{1,2}})?[ ]*,[ ]*(?i:{_FLAT_WORDS})[ ]?\d{{1,4}}")


def _address_block(text: str, pos: int, line_end: int, reach: int = 60) -> tuple[int, int] | None:
    """The lines after a home phrase whose line ends with a colon ("send it to my home address:"),
    up to the next blank line: a letter's address block (name, street, postcode and town), when
    it holds a number."""
    rest = text[pos:line_end]
    if not rest.rstrip().endswith(":") or len(rest) > reach:
        return None
    cursor = line_end
    while cursor < len(text) and text[cursor] in "\n \t":
        cursor += 1
    start = end = cursor
    for _ in range(5):
        line = _BLOCK_LINE.match(text, end)
        if not line or PART_BREAK in line.group():
            break  # (the audit's next part is another text's: no address runs into it)
        end = line.end()
        if text[end:end + 1] != "\n" or not text[end + 1:end + 2].strip():
            break
        end += 1
    end = len(text[:end].rstrip())
    if end > start and any(c.isdigit() for c in text[start:end]):
        return start, end
    return None


#: a person's name as a letter's block begins with it: two to four capitalised words, a title before
#: them ("Sabine Kurz", "Frau Dr. Anna Weber", "Jan van der Berg"; the small words of names between)
_NAME_LINE = re.compile(r"[ \t]*(?:[^\W\d_]{1,5}\.[ \t]+){0,2}[^\W\d_a-z][^\W\d_]*[-'’]?[^\W\d_]*"
                        r"(?:[ \t]+(?:(?:van|von|de|der|den|da|di|del|la|le|zu|ter|ten|y|e)[ \t]+)*"
                        r"[^\W\d_a-z][^\W\d_]*[-'’]?[^\W\d_]*){1,3}[ \t]*")


def _persons_block(text: str, low: str, start: int, end: int) -> bool:
    """Is the address block at ``[start, end)`` a person's: its first line a name, no line naming an
    organisation, a venue or an acronym (a department's "FZJ", "JSC"), and a number below the name?"""
    first_end = text.find("\n", start, end)
    if first_end < 0 or not _NAME_LINE.fullmatch(text, start, first_end):
        return False
    if _ORGANISATION_STEM.search(low, start, end) or _INSTITUTION.search(low, start, end) or _VENUE.search(low, start, end):
        return False
    return not any(w.isupper() and len(w) >= 2 and not w.isdigit() and not any(c.isdigit() for c in w)
                   for w in re.findall(r"[^\W_]+", text[start:first_end]))


# --- a home's address told by its flat, block, entrance or floor --------------------------------

#: a flat's, a block's, a staircase's word before its number or letter ("ap. 14", "bl. B2", "Flat 3")
_FLAT_UNITS = frozenset(fold(w).encode() for w in FLAT_UNIT_WORDS.split())
#: a floor's or side's word after its ordinal ("3. OG", "2nd floor", "3-hoog", "2. th.")
_FLOOR_UNITS = frozenset(fold(w).encode() for w in FLOOR_UNIT_WORDS.split())
_UNIT_WORDS = WordClass(_FLAT_UNITS | _FLOOR_UNITS)
#: after a flat's word: its number or letter ("ap. 14", "bl. B2", "вх. А", "Daire: 5", "lgh 1102"),
#: then a separator or a word (not a version's dot: "apt 2.4")
_FLAT_ID = r"\.?[ ]?:?[ ]?(?:nr\.?[ ]?|no\.?[ ]?|№[ ]?|c\.[ ]?)?(?:\d{1,4}[^\W\d_]?|[^\W\d_]\d{0,3})(?=[ \t]*(?:[,;|)\n/]|$)|[ \t]+[^\W\d_])"


@cache
def _unit_pattern(word: str, flat: bool) -> re.Pattern[str]:
    """A flat's word with its number, or a floor's word as a word: led by the word itself, so
    that the search skips to where it stands (a short one, "et", "as", "og", is in many words)."""
    # (a flat's letter stands apart from its word: "bl. B", "вх. А"; "my" is no flat "m" "y")
    return re.compile(re.escape(word) + (r"(?![^\W\d_])" + _FLAT_ID if flat else r"\.?(?![\w])"))


#: before a floor's word: its ordinal ("3. ", "2nd ", "3e ", "3-", "2o ", "3ος ")
_ORDINAL_BEFORE = re.compile(rf"(?<![\w.,])\d{{1,2}}(?:\.|°|st|nd|rd|th|e|er|eme|o|a|{fold('ος|й|ти|ви|ри')})?[ -]?$")
#: a house number's or an estate's sign
_HOUSE_SIGNS = (r"nr\.|no\.|no:|č\.p\.|č\.|ж\.к\.|жк|мкр\.|кв-л|g\.|pr\.|tn|mnt|pst|trh|trg|tr\.|nám\.|sq\.|"
                r"blvd|bul\.|бул\.|ул\.|str\.|sok\.|cad\.|cd\.|mah\.|οδ\.|λεωφ\.|bulvar|bulvarı|caddesi|sokağı|"
                r"mahallesi|sk\.|blv\.|iela|gatvė|prospektas|tänav|puiestee|bulevardi|katu|vei|veien|gate|vej|"
                r"gade|gatan|vägen")
#: what a home's street part has besides its flat: a street word ("Str.", "-straße", "út", "Road"),
#: a house's number sign ("nr. 27", "No: 4", "č.p."), an estate ("ж.к."), or a postcode and a town
_RUN_STREET = re.compile(
    rf"(?<![\w-])(?:{lex(_STREET_PREFIX)})(?=[ ])"
    rf"|[^\W\d_](?:{lex(_STREET_SUFFIX)})[ ]+\d"
    rf"|\d{{1,4}}[^\W\d_]?[ ]+(?:[^\W\d_][\w'’-]*[ ]+){{1,3}}(?:{lex(_STREET_SUFFIX)})(?![\w])"
    rf"|(?<![\w-])(?:{lex(_STREET_SUFFIX, _HU_STREET[3:-1])})[ ]+\d"
    rf"|(?<![\w.-])(?:{lex(_HOUSE_SIGNS)})[ ]?\S"
    rf"|(?<![\w-]){_POSTCODE}[ ]+[^\W\d_]{{2,}}|[^\W\d_]{{2,}},?[ ]+[a-z]{{1,2}}\d[a-z\d]?[ ]\d[a-z]{{2}}(?![\w])",
    re.IGNORECASE)
#: the lower-case words an address holds: a name's particles, street and flat words, a side
_ADDRESS_LOWER = folded_too([
    *NAME_PARTICLES, *(a.replace("\\", "").rstrip(".") for a in (_STREET_PREFIX + "|" + _STREET_SUFFIX).split("|")),
    *FLAT_UNIT_WORDS.split(), *FLOOR_UNIT_WORDS.split(), *_HU_STREET[3:-1].replace("\\.", "").split("|"),
    "links", "rechts", "mitte", "bis", "ter", "hs", "huis", "sal", "st", "am", "an", "im", "auf", "zum", "zur",
    "dei", "delle", "degli", "des", "du", "das", "dos", "e", "i", "y", "od", "nr", "no", "c/o"])
_ABBREVIATION = re.compile(r"(?:[^\W\d_]{1,5}\.)+")
#: small words of sentences ("Deliver to 22 Queen Street": "to" is no street's word)
_STOP_WORDS = folded_too(list(STOPWORDS))


def _address_token(token: str) -> bool:
    """Is ``token`` (a word with its punctuation) one an address is written with: a number
    ("27", "B2", "III/2", "117-bis", "S10"), a capitalised name, an abbreviation ("nr.", "ж.к."),
    a street's, flat's or name's small word?"""
    word = token.strip(",;:\"'„“”«»")
    if not word:
        return True
    if any(c.isdigit() for c in word):
        return len(word) <= 10
    if word[0].isupper() or word in ("-", "–", "/", "#", "№"):
        return True
    if _ABBREVIATION.fullmatch(word):
        return True
    return word.rstrip(".").lower() in _ADDRESS_LOWER


_TOKEN = re.compile(r"[^ \t\n]+")


def _address_run(text: str, lo: int, hi: int, unit_start: int, unit_end: int) -> tuple[int, int]:
    """The address around a flat's part ``text[unit_start:unit_end]``, within ``text[lo:hi]`` (its
    line): the words before and after it that an address is written with, to the first that is
    not ("... hold for X is Str. Mihai Eminescu nr. 27, bl. B2, ap. 14, Cluj-Napoca.": from "Str."
    to the town), or to a bracket, a table's bar or a sentence's end after a town's name."""
    window = max(lo, unit_start - 120)
    while window > lo and not text[window - 1].isspace():
        window += 1  # (the window's first word whole, or not at all)
    before = list(_TOKEN.finditer(text, window, unit_start))[-16:]
    start = unit_start
    for i in range(len(before) - 1, -1, -1):
        word = before[i].group()
        if any(c in word for c in "(|[") or word.endswith(":") and len(word) > 4:
            break  # a bracket, a table's cell, a label ("Lieferadresse:"; not "No:")
        if not _address_token(word) and not (
                # a street's lower-case word before its number ("Ovocný trh 5", "Tamme tn 5")
                word.isalpha() and word not in _STOP_WORDS and i + 1 < len(before) and before[i + 1].group()[:1].isdigit()
                and i > 0 and before[i - 1].group()[:1].isupper()):
            break
        start = before[i].start()
    end = unit_end
    for n, tok in enumerate(_TOKEN.finditer(text, unit_end, min(hi, unit_end + 120))):
        word = tok.group()
        cut = min((word.find(c) for c in "()|[;" if c in word), default=-1)
        if cut >= 0:
            if cut > 0 and _address_token(word[:cut]):
                end = tok.start() + cut
            break
        if n >= 16 or not _address_token(word):
            break
        end = tok.end()
        if word.endswith((".", "!", "?")) and len(word) > 4 and word[0].isupper() and not any(c.isdigit() for c in word):
            break  # a town's name ends the sentence ("..., Cluj-Napoca.")
    while end > start and text[end - 1] in ",;:.":
        end -= 1
    return start, end


def _unit_addresses(t: Text) -> Iterator[Finding]:
    """A home's address told by its flat's part: a flat's, block's, entrance's or floor's word with
    its number ("bl. B2, ap. 14", "Flat 3", "3. OG links", "вх. А, ап. 12") on a line with a street
    part (a street's word, a house number's sign, a postcode and a town): the whole address, from
    the street to the town. An institute's address has no flat; an office's floor in a building
    named as a venue or an institute's is kept."""
    found = _UNIT_WORDS.among(t.words) if t.has_digit else None  # (a flat's part has its number)
    if not found:
        return
    text, low = t.text, t.low
    spans: list[tuple[int, int]] = []
    for word in found:
        spelled = word.decode()
        for flat in (True, False):
            if word not in (_FLAT_UNITS if flat else _FLOOR_UNITS):
                continue
            for m in _unit_pattern(spelled, flat).finditer(low):
                p = m.start()
                if p and (low[p - 1].isalnum() or low[p - 1] in "_-"):
                    continue
                unit_start, unit_end = p, m.end()
                if not flat:
                    o = _ORDINAL_BEFORE.search(low, max(0, p - 8), p)
                    if o is None:
                        continue
                    unit_start = o.start()
                spans.extend(_unit_address(t, text, low, p, unit_start, unit_end, spans))
    for start, end in spans:
        yield Finding("personal.address", PERSONAL, start, end)


#: a property's name in capitals and its colon before a value ("LOCATION:Str. ...", "LOC: ...")
_PROPERTY_LABEL = re.compile(r"[A-Z][A-Z-]{1,15}:[ \t]*(?=[^\W\d_])")


def _unit_address(t: Text, text: str, low: str, p: int, unit_start: int, unit_end: int,
                  spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The address around the flat's part ``[unit_start, unit_end)``, if it has a street part and
    is no venue's or institute's (an empty list otherwise, or when it is found already)."""
    if any(s <= unit_start < f for s, f in spans):
        return []
    lo, hi = t.line_span(p)
    start, end = _address_run(text, lo, hi, unit_start, unit_end)
    label = _PROPERTY_LABEL.match(text, start, unit_start)
    if label:
        start = label.end()  # a calendar's or a card's property ("LOCATION:", "ADR:"), no organisation's acronym
    outside = low[start:unit_start] + " " + low[unit_end:end]
    if not any(c.isdigit() for c in outside) or not _RUN_STREET.search(outside):
        return []
    if not _home_named(low[max(0, start - 160):start]) and not _POSTAL.pattern.search(
            low, max(0, start - 160), start) and (
            _VENUE.search(low, max(lo, start - 80), min(hi, end + 40))
            or not _DOOR.search(low, start, end) and _institution_before(text, low, start)
            or _ACRONYM_FIRST.match(text, start, end)):
        return []  # "Building 40, 3rd floor, ... campus": an institute's or a venue's
    if not _DOOR.search(low, start, end) and not _home_named(low[max(0, start - 160):start]) \
            and _official_address(low, start):
        return []  # "Институтът ... Официалният адрес ... е: ул. ..., бл. 25А, 1113 София": a campus's block
    return [(start, end)]


# --- certificate DNs and handles ------------------------------------------------------------------------

_RDN = r"(?:DC|C|O|OU|L|ST|CN|emailAddress|E|UID|SN|GN|serialNumber|street|postalCode|title)"
_SLASH_DN = re.compile(rf"(?:/{_RDN}=[^/\n=]+){{2,}}(?:/[\w.-]+(?:\.[\w-]+)+)?", re.IGNORECASE)
#: (a value may be quoted, or its commas escaped, as openssl prints an eID card's CN: 'CN = "TAMM,MARI,48807230275"',
#: 'CN=TAMM\\,MARI\\,48807230275')
_DN_VALUE = r'(?:"[^"\n]*"[^,\n=]*|(?:\\,|[^,\n=])+)'
_COMMA_DN = re.compile(rf"(?<![\w-]){_RDN}[ ]?=[ ]?{_DN_VALUE}(?:,[ ]?{_RDN}[ ]?=[ ]?{_DN_VALUE})+", re.IGNORECASE)
#: what heads an issuer's DN on its line ("issuer=C = EE, O = SK ID Solutions AS, CN = ESTEID2018",
#: "Issuer: DC=org, ..."): a certification authority's name, no person's
#: (a CN of two words in title case names a person: a proxy certificate's issuer is its holder, "CN=Rui Almeida")
_NAME_WORDS = re.compile(r"[A-ZÀ-ÞĀ-Ž][a-zß-ÿā-ž]+[ \t]+(?:[a-z]{1,3}[ \t]+)?[A-ZÀ-ÞĀ-Ž][a-zß-ÿā-ž]+")
_ISSUER_BEFORE = re.compile(r"issuer(?:[ \t]*(?:dn|name))?[ \t]*[:=]?[ \t]*$")
_CN = re.compile(r"(?:^|[/,])[ ]?CN[ ]?=[ ]?([^/,\n=]+)", re.IGNORECASE)
#: the letters just before an '=' are an attribute's name (the end of the search is the '=')
_NAMES_AN_RDN = re.compile(r"(?<![A-Za-z])(?i:DC|C|O|OU|L|ST|CN|emailAddress|E|UID|SN|GN|serialNumber|street|postalCode|title)[ ]?\Z")
_SERVICE_CN = re.compile(r"(?:host|service|ldap|https?|ftp|voms|nfs|srm|xrootd|gridftp|dcache|ce|se|"
                         r"argus|condor|[\w-]+(?:\.[\w-]+){2,}|\*\.[\w.-]+)$|(?:service|robot|bot)\b|"
                         # a directory's own accounts: "cn=reader,dc=example,dc=eu", "cn=Directory Manager"
                         r"(?:directory )?(?:admin(?:istrator)?|manager|reader|readonly|read-only|writer|"
                         r"ldap-?bind|bind(?:-?user)?|proxy-?(?:user|agent)?|replicator|sync(?:-?user)?|"
                         r"monitor(?:ing)?|backup|root|guest|anonymous|nagios|icinga|svc[-_][\w-]+)$|"
                         # a certification authority's own name
                         r".*(?:\bca\b|-ca\b|\bca[ -]?\d|authority|\broot\b|certification|certificate|"
                         r"\bpki\b|trust services|issuing|intermediate|"
                         # a CA's product named by its protocol or algorithm ("GEANT TLS RSA 1",
                         # "HARICA TLS ECC Root", "DigiCert Global G2 TLS RSA SHA256 2020 CA1")
                         r"\b(?:tls|ssl|rsa|ecc|ecdsa|sha-?(?:1|256|384|512))\b)", re.IGNORECASE)

#: a certification authority's name with "CA" glued to its end, in capitals ("IRISGridCA",
#: "TERENAeScienceSSLCA"): written so, no person's name ends ("Monica", "MONICA")
_GLUED_CA = re.compile(r"^\S*[a-z]CA(?![\w])")
#: the unit of a directory's entries that are no person: groups, services, hosts, roles
_NOT_PEOPLE_OU = re.compile(r"(?:^|[/,])[ ]?ou[ ]?=[ ]?(?:groups?|services?|hosts?|computers?|machines?|servers?|"
                            r"roles?|applications?|apps|system|systems|robots?|daemons?|devices?)(?=[/,]|$)",
                            re.IGNORECASE)
#: a CN that is a host name followed by the sentence the DN stands in ("CN=ce03.example.eu — add
#: it to the grid-mapfile"): a host name has no space, so what follows one is not the CN's (unless
#: it starts with a capital, as a person's name would)
_HOST_FIRST = re.compile(r"^([\w-]{1,63}(?:\.[\w-]{1,63}){2,})(?:[.!?]\s+|\s+(?![A-Z])).*", re.DOTALL)
#: (or its sentence's full stop after it, the next sentence going on: "/CN=sbgse1.in2p3.fr. Pouvez-vous ...")


#: a space, then a slash DN's next attribute: a second DN begins ("/CN=Pieter de Groot — issuer /C=NL/O=...")
_NEXT_SLASH_DN = re.compile(rf"[ \t]+(?=/{_RDN}=)", re.IGNORECASE)


def _dn_parts(m: re.Match[str]) -> list[tuple[int, int]]:
    """The DNs one slash-DN match holds, a subject's and then its issuer's, written one after the
    other with words between (no attribute's value ends in a space before its slash): each is
    judged alone, so that a CA's issuer DN after a person's subject DN stays. A part with one
    attribute only goes with the part before it."""
    spans: list[tuple[int, int]] = []
    start = m.start()
    for gap in _NEXT_SLASH_DN.finditer(m.string, m.start(), m.end()) if m.group().startswith("/") else ():
        spans.append((start, gap.start()))
        start = gap.end()
    spans.append((start, m.end()))
    parts: list[tuple[int, int]] = []
    for lo, hi in spans:
        if parts and m.string.count("=", lo, hi) < 2:
            parts[-1] = (parts[-1][0], hi)
        else:
            parts.append((lo, hi))
    return parts


def person_dns(t: Text) -> Iterator[Finding]:
    text = t.text
    if "=" not in text or sum(1 for p in t.positions("=") if _NAMES_AN_RDN.search(text, max(0, p - 24), p)) < 2:
        return  # (a DN names two attributes at least; "?id=10" in a link names none: the DN patterns read every character)
    for pattern in (_SLASH_DN, _COMMA_DN):
        for start, end in (span for m in pattern.finditer(text) for span in _dn_parts(m)):
            dn = text[start:end]
            cns = [_HOST_FIRST.sub(r"\1", c.strip().rstrip(").,;:]")) for c in _CN.findall(dn)]
            if not cns:
                continue
            if all(_SERVICE_CN.match(c) or _GLUED_CA.search(c) for c in cns) or any(c[:6].lower() == "robot:" for c in cns):
                continue  # a host or service certificate; a robot's ("/CN=alibot/CN=692251/CN=Robot: ALICE Production")
            if _NOT_PEOPLE_OU.search(dn):
                continue  # a directory's group or service entry: "cn=vo-admins,ou=groups,dc=example,dc=eu"
            if _ISSUER_BEFORE.search(t.low, max(0, start - 16), start) and not any(_NAME_WORDS.search(c) for c in cns):
                continue  # an issuer's DN: "issuer=C = EE, O = SK ID Solutions AS, CN = ESTEID2018" (a proxy's is its person's)
            yield Finding("personal.certificate-dn", PERSONAL, start, end)


#: an ETSI natural person's semantics identifier (EN 319 412-1), as an eID certificate's
#: serialNumber holds it: PNO (a national personal number), IDC (an identity card's), PAS (a
#: passport's), TIN (a tax number), the country's two letters, '-' and the number
#: ("serialNumber = PNOEE-48807230275", "PASPL-EA1234567", "IDCBE-590123456"); a legal person's
#: (VAT, NTR, PSD: "organizationIdentifier = NTREE-10747013") is public and not read
_SEMANTICS_WORDS = WordClass(lambda w: len(w) == 5 and w[:3] in (b"pno", b"idc", b"pas", b"tin") and w[3:].isalpha())
_SEMANTICS_ID = re.compile(r"(?:PNO|IDC|PAS|TIN)[A-Z]{2}-(?:[A-Z]{2}-)?[0-9A-Z](?:[0-9A-Z.-]*[0-9A-Z])?(?![\w-])")
#: an eID certificate's CN, its holder's surname, given name and personal code in capitals
#: ("CN = "TAMM,MARI,48807230275"", "CN=BĒRZIŅŠ\\,JĀNIS\\,32128012345"): the code, and the names before it
_EID_CODE = re.compile(r"\\?,\d{6,14}(?![\w-])")
_EID_NAMES = re.compile(r"[^\W\d_][^\W\d_'-]*(?:[ '-][^\W\d_]+)*\\?,[^\W\d_]+(?:[ '-][^\W\d_]+)*$")


def eid_identifiers(t: Text) -> Iterator[Finding]:
    """A person's national id as an eID card's certificate carries it: the semantics identifier of
    its serialNumber, and the CN of its holder's names and code."""
    if not t.has_digit:
        return
    text = t.text
    for word in _SEMANTICS_WORDS.among(t.words):
        for p in t.word_positions(word.decode()):
            m = _SEMANTICS_ID.match(text, p)
            if m and (p == 0 or not (text[p - 1].isalnum() or text[p - 1] in "_-")) \
                    and sum(c.isdigit() for c in m.group()) >= 4:
                yield Finding("personal.national-id", PERSONAL, m.start(), m.end())
    if b"cn" not in t.words:
        return
    for m in _EID_CODE.finditer(text):
        line_start = text.rfind("\n", 0, m.start()) + 1
        names = _EID_NAMES.search(text, max(line_start, m.start() - 80), m.start())
        if names and names.group().upper() == names.group() and any(c.isalpha() for c in names.group()) \
                and (names.start() == 0 or not text[names.start() - 1].isalnum()):
            yield Finding("personal.national-id", PERSONAL, names.start(), m.end())


_MATRIX = re.compile(r"(?<![\w@])@[\w.=/+-]{2,64}:[\w-]+(?:\.[\w-]+)+")
_SKYPE = re.compile(r"(?<![\w:])live:\.?(?:cid\.)?[\w.-]{4,40}", re.IGNORECASE)
_HANDLE_WORD = Lexicon(HANDLE_WORDS, template=r"(?<![\w'-])(?:{body})[\w-]{0,6}(?![\w-])")
_AT_HANDLE_WORD = Lexicon(AT_HANDLE_WORDS, template=r"(?<![\w'-])(?:{body})[\w-]{0,6}(?![\w-])")
_AT_HANDLE = re.compile(r"(?<![\w@.])@[A-Za-z0-9_.]{3,32}(?![\w@])")
_DISCORD = re.compile(r"(?<![\w#])[\w.]{2,32}#\d{4}(?!\w)")
#: a fediverse account, "@name@server.tld" (Mastodon and the like): an address with an '@' before it
_FEDIVERSE = re.compile(r"(?<![\w@.])@[\w.-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63})+")
#: the name after a messenger's name: "Skype: jane.doe", "Telegram id: jan_k"
_HANDLE_TAIL = re.compile(r"[\s:]{1,4}(?:(?:id|name|handle|user|username|account|nick)[\s:]{1,4})?"
                          r"(?:is |ist |est |è |es |je |on )?(?P<name>[A-Za-z][\w.-]{2,31})(?=[\s.,;)]|$)",
                          re.IGNORECASE)
#: after a messenger's name that is also a word ("signal", "element"), only a name given as a
#: user name: "Signal username: jana.42"
_NAMED_HANDLE_TAIL = re.compile(r"[ \t]+(?:user[ ]?name|handle|nick(?:name)?)[ \t]*:?[ \t]*(?:is[ \t]+)?"
                                r"(?P<name>[A-Za-z][\w.-]{2,31})(?=[\s.,;)]|$)", re.IGNORECASE)


_HANDLE_LABELS = frozenset({b"username", b"user", b"handle", b"nick", b"nickname"})
#: "on Signal as jana.42", "Signal: jana_k": after such a messenger's name, a name with a digit,
#: an underscore or a dot inside is its user name (a word at a sentence's end is not)
_AS_HANDLE_TAIL = re.compile(r"(?:[ \t]+(?:as|als|comme|come|como|jako|kao|ως|как|як|като)[ \t]+|[ \t]*:[ \t]*)"
                             r"(?P<name>[A-Za-z][\w.-]{2,31})(?=[\s,;)]|[.!?](?:\s|$)|$)", re.IGNORECASE)
_AS_WORDS = frozenset(w.encode() for w in "as als comme come como jako kao ως как як като".split())


def _user_name(name: str) -> bool:
    """A user name, not a formula, a file or a word: three small letters or more ("Fe2O3", "H2O"
    have fewer) and a digit, an underscore or a dot inside."""
    name = name.rstrip(".-")
    if sum(c.islower() for c in name) < 3:
        return False
    if "_" in name or any(c.isdigit() for c in name):
        return True
    return "." in name and not _FILE_OR_DOMAIN.search(name)


#: a name that ends as a file or a domain does ("config.yaml", "element.io")
_FILE_OR_DOMAIN = re.compile(r"\.[a-z]{2,4}$")


def _handle_like(name: str) -> bool:
    """A user name rather than a word: a dot, an underscore or a digit in it."""
    return "." in name or "_" in name or any(c.isdigit() for c in name)


def handles(t: Text) -> Iterator[Finding]:
    text, low = t.text, t.low
    if "@" in text and ":" in text:
        for m in _MATRIX.finditer(text):
            yield Finding("personal.handle", PERSONAL, m.start(), m.end())
    if "live:" in low:
        for m in _SKYPE.finditer(text):
            yield Finding("personal.handle", PERSONAL, m.start(), m.end())
    if text.count("@") >= 2:
        for m in _FEDIVERSE.finditer(text):
            yield Finding("personal.handle", PERSONAL, m.start(), m.end())
    named = not _HANDLE_LABELS.isdisjoint(t.words)
    as_named = ":" in text or not _AS_WORDS.isdisjoint(t.words)
    if "@" in text or named or as_named:  # (the words are looked for only then: 'element' is in most tickets)
        for m in _AT_HANDLE_WORD.finditer(t, 10, 30):
            if "@" in text:
                yield from _at_handles_around(t, m.start(), m.end())
            if as_named:
                n = _AS_HANDLE_TAIL.match(text, m.end(), min(len(text), m.end() + 50))
                if n and _user_name(n.group("name")):
                    yield Finding("personal.handle", PERSONAL, n.start("name"), n.start("name") + len(n.group("name").rstrip(".-")))
            if named:
                n = _NAMED_HANDLE_TAIL.match(text, m.end(), min(len(text), m.end() + 60))
                if n and _handle_like(n.group("name")):
                    yield Finding("personal.handle", PERSONAL, *n.span("name"))
    for m in _HANDLE_WORD.finditer(t, 10, 30):  # the window holds the longest word ("researchgate")
        window_end = min(len(text), m.end() + 50)
        line_start = text.rfind("\n", 0, m.start()) + 1
        for h in _AT_HANDLE.finditer(text, max(line_start, m.start() - 40), m.start()):  # "@jane on Telegram"
            yield Finding("personal.handle", PERSONAL, h.start(), h.end())
        for h in _AT_HANDLE.finditer(text, m.end(), window_end):
            yield Finding("personal.handle", PERSONAL, h.start(), h.end())
        for h in _DISCORD.finditer(text, m.end(), window_end):
            yield Finding("personal.handle", PERSONAL, h.start(), h.end())
        n = _HANDLE_TAIL.match(text, m.end(), window_end)
        if n and _handle_like(n.group("name")):
            yield Finding("personal.handle", PERSONAL, *n.span("name"))


def _at_handles_around(t: Text, start: int, end: int) -> Iterator[Finding]:
    text = t.text
    line_start = text.rfind("\n", 0, start) + 1
    for h in _AT_HANDLE.finditer(text, max(line_start, start - 40), start):
        yield Finding("personal.handle", PERSONAL, h.start(), h.end())
    for h in _AT_HANDLE.finditer(text, end, min(len(text), end + 50)):
        yield Finding("personal.handle", PERSONAL, h.start(), h.end())


#: what a person earns: an earning verb, or a salary word after a possessive, then an amount
#: an amount of money: a currency's sign or code before or after the number
_CURRENCY = lex(CURRENCIES)
_AMOUNT = (rf"(?:{_CURRENCY})[ \t]*\d[\d.,' \u00a0]*\d"
           rf"|\d[\d.,' \u00a0]*\d?[ \t]*(?:k|тис)?[ \t]*(?:{_CURRENCY})")
_EARNING = re.compile(
    rf"(?<![\w])(?:(?:{lex(EARNING_VERBS, FUTURE_EARNING_VERBS)})|(?:{lex(POSSESSIVES)})[ \t]+(?:[^\W\d_]+[ \t]+){{0,2}}(?:{lex(SALARY_WORDS)})"
    # (or a relative pronoun of possession, the pay word perhaps ending a compound: "whose gross salary
    # is", "dessen Bruttogehalt beträgt", "il cui stipendio lordo è")
    rf"|(?:{lex(RELATIVE_POSSESSIVES)})[ \t]+(?:\w+[ \t]+)?(?:{lex(SALARY_WORDS)}|[^\W\d_]+(?:gehalt|lohn|salaris|lon|løn|lønn|palkka)))(?![\w])"
    rf"(?:[ \t]+[^\s\d.!?;]{{1,20}}){{0,4}}?[ \t]*:?[ \t]*(?P<amount>{_AMOUNT})(?![\w])")
#: the cost of the same pay to its employer, in a bracket after it: "€4,380 per month (employer
#: costs €5,610)", "(Arbeitgeberkosten 5.610 €)", "(coût employeur : 5 610 €)"
_COST_BESIDE = re.compile(rf"[ \t]*\((?:[^\W\d_][\w'’-]*[ \t]+){{0,4}}[^\W\d_][\w'’-]*[ \t]*:?[ \t]*(?:{_AMOUNT})[^()\n]{{0,30}}\)")


#: one's own pay said with a verb of the first person, then an amount (four words between at most:
#: "als Doktorand"), gross or net or a period after it for a verb of getting ("I get 300 EUR for
#: the trip" is a refund, "bekomme 2.140 € netto im Monat" a pay)
_OWN_EARNING = re.compile(
    rf"(?<![\w])(?:(?:ich|je|io|yo|eu|ik|ja|jag|jeg|já|én|minä|eu|ben|εγώ|я|i)[ \t]+)?(?:(?P<earn>{lex(OWN_EARNING_VERBS)})|{lex(OWN_GETTING_VERBS)})(?![\w])"
    rf"(?:[ \t]+[^\s\d.!?;]{{1,20}}){{0,4}}?[ \t]*:?[ \t]*(?P<amount>{_AMOUNT})(?![\w])"
    rf"(?P<period>[ \t]*(?:(?:{lex(GROSS_WORDS)})(?![\w])[ \t]*)?(?:(?:/|per|pro|par|al|por|na|za|im|a|an|in|each|every|"
    rf"il|le|el|o|om|w|v|ve|i|в|на)[ \t]*)?(?:{lex(PAY_PERIODS)})(?![\w])|[ \t]*(?:{lex(GROSS_WORDS)})(?![\w]))?")
_OWN_EARNING_WORDS = frozenset(fold(w).encode() for w in re.split(r"[| ]", f"{OWN_EARNING_VERBS}|{OWN_GETTING_VERBS}")
                               if len(w) >= 4 and w not in ("make", "paid", "receive", "jeg", "jag"))
#: (the common words that the gate above leaves out, "make" and "paid": the text is read for one's
#: own pay only when they follow "I": "I make EUR 2,900 a month", "I'm paid 1,900 net")
_OWN_EARNING_COMMON = frozenset((b"make", b"paid", b"receive"))
_FIRST_PERSON_PAY = re.compile(r"(?<![\w])i(?:'m| am)?[ \t]+(?:make|get paid|paid|receive)(?![\w])")


#: (a text without one of these phrases says nothing of what somebody earns: most texts; a phrase's
#: words are asked for together, as "day" of "day rate" is in most texts)
_EARNING_PHRASES = WordPhrases(f"{EARNING_VERBS}|{SALARY_WORDS}|{RATE_WORDS}|{POSSESSED_PAY_ANCHORS}",
                               skip=("is", "gets"))
#: (the future's auxiliaries, too common to open the reading: "will", "bude", "zal", "θα")
_AUXILIARIES = frozenset(fold(w).encode() for w in (
    "will be is going to paid wird zal gaat bude fog kommer att til at a vil tulee va bo hakkab soll będzie "
    "θα ще će").split())
_FUTURE_EARNING_WORDS = frozenset(fold(w).encode() for w in re.split(r"[| ]", f"{FUTURE_EARNING_VERBS}|{EARNING_VERBS_AFTER}")
                                  ) - _AUXILIARIES
#: an amount, its gross or net and its period, then a verb of earning ("wird 3.900 € brutto
#: verdienen", "zal 3.400 euro bruto per maand verdienen", "42 000 Kč hrubého měsíčně bude brát")
_EARNING_AFTER = re.compile(
    rf"(?P<amount>{_AMOUNT})(?![\w])(?:[ \t]+[^\s\d.!?;:]{{1,12}}){{0,3}}?[ \t]+(?:{lex(EARNING_VERBS_AFTER)})(?![\w])")
#: (a text without one of these says nothing of what somebody earns in ``_EARNING``'s words)
_EARNING_START_WORDS = frozenset(fold(w).encode() for w in re.split(r"[| ]", f"{EARNING_VERBS}|{SALARY_WORDS}")
                                 if w not in ("is", "gets"))
#: a salary or a rate word, then in its clause a person's name and an amount: "lo stipendio lordo
#: annuo di Luca Romano come da contratto: 38.400 €"
_PAY_WORD = Lexicon(SALARY_WORDS, RATE_WORDS, template=r"(?<![\w])(?:{body})(?![\w])")
_PAY_CLAUSE_END = re.compile(r"[.!?;](?=\s|$)|\n")
_AMOUNT_IN = re.compile(rf"(?<![\w]){_AMOUNT}(?![\w])")


#: (the words those phrases hold, as the view's words: most texts have none)
_PERSONNEL_WORDS = frozenset(fold(w).encode() for w in re.split(r"[| ]", PERSONNEL_COST_WORDS) if len(w) > 3
                             and w not in ("costs", "cost", "frais", "costi", "gastos", "custos", "koszty", "giderleri"))
_PERSONNEL_COSTS = re.compile(rf"(?<![\w])(?:{lex(PERSONNEL_COST_WORDS)})")
#: a line of a budget that names a person, then an amount for a period: "Erik Johansson,
#: systemadministratör, 52 000 SEK/månad", "Staff costs: Anna Kowalska (postdoc): 4,200 EUR gross
#: per month" (the line may begin with its label)
_PAY_LINE = re.compile(rf"^[ \t>*•-]*(?:[^\W\d_][\w'’ -]{{0,30}}:[ \t]+)?(?P<name>[^\W\d_][\w'’-]+[ \t]+[^\W\d_][\w'’-]+)"
                       rf"[ \t]*[,:;–(-][^\n]{{0,80}}?(?:{_AMOUNT})[ \t]*(?:(?:{lex(GROSS_WORDS)})[ \t]*)?"
                       rf"(?:/|per|pro|par|al|por|na|za|i|a)?[ \t]*(?:{lex(PAY_PERIODS)})(?![\w])",
                       re.MULTILINE | re.IGNORECASE)


#: a person's name in the possessive before the pay word ("Dr Lennox's full salary line (£41,732 ...)")
_NAMED_OWNER_BEFORE = re.compile(r"(?<![\w'’])[A-Z][a-z][^\W\d_]*(?:'s|’s)[ \t]+(?:[^\W\d_]+[ \t]+)?$")


#: a form's field of its filler's pay, then its amount: "Current gross salary (needed for the cost
#: statement): EUR 4,860 per month" (the label at its line's start; its words before the pay word
#: are looked at by ``_own_pay``)
_PAY_FIELD = re.compile(rf"^[ \t>*•-]*(?P<label>(?:[^\W\d_]+[ \t]+){{0,3}})"
                        # (or the pay word ends a compound: "Bruttogehalt", "Jahreslohn", "brutolön")
                        rf"(?:{lex(SALARY_WORDS)}|[^\W\d_]+(?:gehalt|lohn|salaris|lon|løn|lønn|palkka))(?![\w])"
                        rf"[^\n:]{{0,80}}:[ \t]*(?P<amount>{_AMOUNT})(?![\w])", re.MULTILINE)
_CURRENT_PAY = re.compile(words(CURRENT_PAY_WORDS))
_PAY_COMPOUND_ENDS = tuple(w.encode() for w in ("gehalt", "lohn", "salaris", "lon", "løn", "lønn", "palkka"))
_PAY_COMPOUNDS = WordClass(lambda w: w.endswith(_PAY_COMPOUND_ENDS))
#: the salary words of one word, as the view's words
_SALARY_WORD_SET = frozenset(fold(w).encode() for w in SALARY_WORDS.replace("\n", "").split("|") if " " not in w)
#: the words that open a possessed pay phrase and are no pay word alone ("lønna mi", "o meu vencimento")
_POSSESSED_PAY_ANCHOR_SET = frozenset(fold(w).encode() for w in POSSESSED_PAY_ANCHORS.split("|"))
#: a form's field of its filler's name: "Name: Dr Petra Novak", "Nome e cognome: Federico Lanzi"
_NAME_LABELS = (r"name|full name|your name|nome|nome e cognome|nome completo|nom|nom et prénom|nom complet|"
                r"nombre|nombre y apellidos|naam|volledige naam|imię i nazwisko|jméno|jméno a příjmení|"
                r"meno|meno a priezvisko|név|namn|navn|nimi|nume|nume și prenume|όνομα|ονοματεπώνυμο|"
                r"име|ime i prezime|ime in priimek|ad soyad|adı soyadı|vārds|vardas|vardas ir pavardė")
_NAME_FIELD = re.compile(
    rf"^[ \t>*•-]*(?:{lex(_NAME_LABELS)})[ \t]*:[ \t]*(?:(?:dr|prof|mr|mrs|ms|ing|mgr)\.?[ \t]+)?"
    rf"(?P<name>[^\W\d_]\S*[ \t]+[^\W\d_]\S*)", re.MULTILINE)


#: one's own pay named by a possessive, its word alone or a compound's end ("Mein Bruttogehalt",
#: "my gross salary", "mijn brutosalaris"); its amount is the first in the sentence after it, past
#: brackets and words ("Mein Bruttogehalt als Postdoc (TV-L E13, Stufe 3) liegt bei 4.312,50 €")
_POSSESSED_PAY = re.compile(
    rf"(?<![\w])(?:(?:{lex(POSSESSIVES)})[ \t]+(?:[^\W\d_]+[ \t]+){{0,2}}(?:{lex(SALARY_WORDS)}|[^\W\d_]{{3,}}(?:gehalt|lohn|salaris|lon|løn|lønn|palkka))"
    # (French's "ma" and "ta" right before it: "ma bourse de thèse", "ma rémunération"; a word between
    # is Italian's "but": "ma la borsa di studio del bando")
    rf"|(?:ma|ta)[ \t]+(?:{lex(SALARY_WORDS)})"
    # or the possessive after the pay word, or in it ("salariul ei brut este", "ο μισθός της", "maaşı")
    rf"|(?:{lex(SALARY_WORDS)})[ \t]+(?:{lex(POSTPOSED_POSSESSIVES)})|(?:{lex(POSSESSED_PAY_WORDS)}))(?![\w])")
_POSSESSED_PAY_REACH = 160


def _possessed_pay(t: Text) -> Iterator[Finding]:
    """The amount of one's pay named with a possessive, later in its sentence: "Mein Bruttogehalt
    als Postdoc (TV-L E13, Stufe 3) liegt bei 4.312,50 € im Monat", "her salary, after the last
    step, is EUR 3,900"."""
    low = t.low
    for lo, hi in windows_around([p for w in (_PAY_COMPOUNDS.among(t.words) | (t.words & _SALARY_WORD_SET)
                                              | (t.words & _POSSESSED_PAY_ANCHOR_SET))
                                  for p in t.word_positions(w.decode())], 40, 40, len(low)):
        for m in _POSSESSED_PAY.finditer(low, lo, hi):
            stop = _PAY_CLAUSE_END.search(low, m.end(), min(len(low), m.end() + _POSSESSED_PAY_REACH))
            amount = _AMOUNT_IN.search(low, m.end(), stop.start() if stop else min(len(low), m.end() + _POSSESSED_PAY_REACH))
            if amount:
                period = _PERIOD_AFTER.match(low, amount.end())
                yield Finding("personal.salary", PERSONAL, amount.start(), period.end() if period else amount.end())


#: the gross or net and the period after an amount of pay ("7.850 lei pe lună", "3 900 EUR brutto im Monat")
_PERIOD_AFTER = re.compile(
    rf"[ \t]*(?:(?:{lex(GROSS_WORDS)})(?![\w])[ \t]*)?(?:(?:/|per|pro|par|al|por|na|za|im|a|an|in|each|every|pe|"
    rf"il|le|el|o|om|w|v|ve|i|в|на)[ \t]*)?(?:{lex(PAY_PERIODS)})(?![\w])|[ \t]*(?:{lex(GROSS_WORDS)})(?![\w])")


def _own_pay(t: Text) -> Iterator[Finding]:
    """The amount of a form's pay field (``_PAY_FIELD``) whose label says it is the current pay, or
    in a form that names its filler (``_NAME_FIELD``); not a vacancy's "Salary: EUR 3,000 per
    month", which names nobody."""
    low = t.low
    if ":" not in low:
        return
    named: bool | None = None
    for m in _PAY_FIELD.finditer(low):
        if not _CURRENT_PAY.search(m.group("label")):
            if named is None:
                named = any(_person_named(t.text, n.start("name"), n.end("name")) for n in _NAME_FIELD.finditer(low)) \
                    if ":" in t.text else False
            if not named:
                continue
        yield Finding("personal.salary", PERSONAL, *m.span("amount"))


#: "to be on" an amount, English's way of telling pay with no pay word ("I'm on 0.5 FTE — €2,140
#: gross a month", "Dr Hannah Price is on grade 7, point 34, i.e. £41,732 per annum before tax")
_BE_ON = re.compile(r"(?<![\w])(?:i['’]m|i am|is|are|was|were|will be|would be)[ \t]+(?:now[ \t]+|still[ \t]+|currently[ \t]+)?on(?![\w])")
_TAXED = re.compile(rf"(?<![\w])(?:(?:{lex(GROSS_WORDS)})(?![\w])|before tax|after tax|pre-tax|before deductions)")
#: a pay period: ``PAY_PERIODS``'s words ("a month", "per year" hold them) and Latin's "per annum"
_PERIOD_WORD = re.compile(rf"(?<![\w])(?:per annum|p\.a\.|(?:{lex(PAY_PERIODS)})(?![\w]))")
#: (the gross, net or tax words, as the view's words: a text with none of them is not read for it)
_TAXED_WORDS = frozenset(fold(w).encode() for w in re.split(r"[| ]", f"{GROSS_WORDS}|tax|deductions") if w)
#: a thing's price between ("I am on a fixed contract, the cloud costs €500 per month net")
_PRICE_BETWEEN = re.compile(r"(?<![\w])(?:costs?|priced?|prices|fees?|charged?|charges|budget|offer|quote|licen[cs]es?|subscription|rent)(?![\w])")


def _pay_one_is_on(t: Text) -> Iterator[Finding]:
    """An amount somebody "is on", with its period and gross, net or before tax right after it: the
    writer ("I'm on") or a person named before it in the sentence. Not a price ("the VM is on offer
    at €40 a month": nobody is named), nor an amount with no gross, net or tax beside it."""
    low, text = t.low, t.text
    for m in _BE_ON.finditer(low):
        amount = _AMOUNT_IN.search(low, m.end(), min(len(low), m.end() + 80))
        if amount is None or "\n" in low[m.end():amount.start()] or ";" in low[m.end():amount.start()] \
                or _PRICE_BETWEEN.search(low, m.end(), amount.start()):
            continue
        after = low[amount.end():min(len(low), amount.end() + 40)].split("\n", 1)[0]
        taxed, period = _TAXED.search(after), _PERIOD_WORD.search(after)
        if taxed is None or period is None:
            continue
        if not m.group().startswith(("i'", "i’", "i am")):  # (the writer, or a person named before it)
            line_start = t.line_span(m.start())[0]
            if not _person_named(text, max(line_start, m.start() - 60), m.start()):
                continue
        yield Finding("personal.salary", PERSONAL, amount.start(), amount.end() + max(taxed.end(), period.end()))


#: a contract of work (``WORK_CONTRACT_WORDS``): its amount later in its clause, gross, net or a
#: period right after it, is a person's pay
_WORK_CONTRACT = Lexicon(WORK_CONTRACT_WORDS)


def _contract_pay(t: Text) -> Iterator[Finding]:
    """The amount of a contract of work, with its gross or net or its period after it: "K Petře Malé:
    bude to dohoda o provedení práce na 12 hodin, celkem 9 600 Kč hrubého", "umowa zlecenie, 4 000 zł
    brutto miesięcznie". A contract's amount with neither ("the service contract with the vendor is
    EUR 12,000") is a price."""
    low = t.low
    for m in _WORK_CONTRACT.finditer(t, 10, 40):
        stop = _PAY_CLAUSE_END.search(low, m.end(), min(len(low), m.end() + 160))
        end = stop.start() if stop else min(len(low), m.end() + 160)
        for amount in _AMOUNT_IN.finditer(low, m.end(), end):
            period = _PERIOD_AFTER.match(low, amount.end())
            if period:  # (the contract with its amount: what kind of work and for how long is the person's too)
                yield Finding("personal.salary", PERSONAL, m.start(), period.end())
                break


#: an amount, its gross or net, then a month or a year ("2.480 euro netti al mese", "1 950 euros nets
#: par mois", "7 800 zł netto miesięcznie", "38 000 Kč čistého měsíčně")
_NET_PAY = re.compile(
    rf"(?<![\w.,])(?P<amount>{_AMOUNT})(?![\w])[ \t]*(?:{lex(GROSS_WORDS)})(?![\w])[ \t]*"
    rf"(?:(?:/|per|pro|par|al|por|na|za|im|a|an|in|each|every|pe|il|le|el|o|om|w|v|ve|i|в|на|το|τον)[ \t]*)?"
    rf"(?:{lex(NET_PAY_PERIODS)})(?![\w])")
_PRICE_WORD = re.compile(rf"(?<![\w])(?:{lex(PRICE_WORDS)})(?![\w])")
#: a person named by a given name after a word of possession ("la borsa di Andrea", "von Jonas", "της Μαρίας")
_OF_NAME = re.compile(r"(?<![\w])(?:di|de|du|del|della|dello|von|vom|of|van|od|av|af|da|do|dos|das|της|του|на|от)"
                      r"[ \t]+[^\W\d_]")
_GROSS_WORD_SET = frozenset(fold(w).encode() for w in re.split(r"[| ]", GROSS_WORDS) if w)


def _net_pay(t: Text) -> Iterator[Finding]:
    """An amount net or gross a month or a year, its clause before it naming a person by a
    possession ("la borsa di Andrea è di 2.480 euro netti al mese", "la bourse de Camille") or by
    two capitalised words ("Jana Nováková"); not a thing's price or rent or fee ("the VM flavour
    costs 240 EUR net per month"), nor a vacancy's pay ("Salary: EUR 3,500 gross per month")."""
    low, text = t.low, t.text
    for m in _NET_PAY.finditer(low):
        lo = max(0, m.start() - 120)
        stops = [s.end() for s in _PAY_CLAUSE_END.finditer(low, lo, m.start())]
        lo = stops[-1] if stops else lo
        if _PRICE_WORD.search(low, lo, m.start()):
            continue
        named = any(text[o.end() - 1].isupper() and text[o.end():o.end() + 1].islower()
                    for o in _OF_NAME.finditer(low, lo, m.start()))
        if named or _person_named(text, lo, m.start()):
            yield Finding("personal.salary", PERSONAL, m.start("amount"), m.end())


#: a scholarship's or a stipend's word (``STIPEND_STEMS``) beginning a word: "ösztöndíjból", "Stipendiums"
_STIPEND_BYTES = re.compile(b"|".join(re.escape(fold(s).encode()) for s in sorted(STIPEND_STEMS, key=len, reverse=True)))
_STIPEND_WHOLE = frozenset(fold(w).encode() for w in STIPEND_WORDS.split())
_STIPEND_WORDS = WordClass(lambda w: w in _STIPEND_WHOLE or _STIPEND_BYTES.match(w) is not None)
#: a gross or net or a period word (``GROSS_WORDS``, ``PAY_PERIODS``) right before an amount: "havi
#: bruttó 412 000 Ft", "monthly net EUR 1,400"
_TAXED_OR_PERIOD_BEFORE = re.compile(
    rf"(?<![\w])(?:(?:{lex(GROSS_WORDS)}|{lex(PAY_PERIODS)}|{lex(NET_PAY_PERIODS)})[ \t]+){{1,2}}$")
#: an amount's end, then its piece of a word ("412 000 Ft-os": Hungarian's adjective)
_AMOUNT_SUFFIX = re.compile(r"-[^\W\d_]{1,4}(?![\w])")


def _stipends(t: Text) -> Iterator[Finding]:
    """The amount of a person's scholarship or stipend, with its gross or net or its period beside
    it, in the clause of the scholarship's word: "A doktorandusz havi bruttó 412 000 Ft-os
    ösztöndíjból él", "sie lebt von einem Stipendium von 1.500 € im Monat". Somebody must be
    pointed at in the clause (a role, a pronoun, a name); not a call's "the scholarship is 1,500 EUR
    per month for all fellows", nor a programme's "each fellowship is EUR 2,000 a month"."""
    text, low = t.text, t.low
    done = -1
    for w in _STIPEND_WORDS.among(t.words):
        for p in t.word_positions(w.decode()):
            if p < done:
                continue
            lo, hi = _sentence_around(text, p, p + len(w))
            lo, hi = max(lo, p - 120), min(hi, p + 120)
            cuts = [c.end() for c in _PAY_CLAUSE_END.finditer(low, lo, p)]
            lo = cuts[-1] if cuts else lo
            stop = _PAY_CLAUSE_END.search(low, p, hi)
            hi = stop.start() if stop else hi
            for amount in _AMOUNT_IN.finditer(low, lo, hi):
                a_start, a_end = amount.span()
                suffix = _AMOUNT_SUFFIX.match(low, a_end)
                a_end = suffix.end() if suffix else a_end
                after = _PERIOD_AFTER.match(low, a_end)
                before = _TAXED_OR_PERIOD_BEFORE.search(low, max(lo, a_start - 30), a_start)
                if after is None and before is None:
                    continue
                if not _somebody_in_clause(t, lo, hi, names=False):
                    break
                first = min(p, before.start() if before else a_start)
                last = max(p + len(w), after.end() if after else a_end)
                yield Finding("personal.salary", PERSONAL, first, last)
                done = last
                break


def salaries(t: Text) -> Iterator[Finding]:
    """What somebody earns: "de nieuwe beheerder verdient €4.850 bruto", "her salary is 3 200 EUR",
    "the day rate of Jan Kowalski is 600 EUR"."""
    if not t.has_digit:
        return
    low = t.low
    yield from _contract_pay(t)
    if _STIPEND_WORDS.among(t.words):
        yield from _stipends(t)
    if not _GROSS_WORD_SET.isdisjoint(t.words):
        yield from _net_pay(t)
    if b"on" in t.words and not _TAXED_WORDS.isdisjoint(t.words):
        yield from _pay_one_is_on(t)
    if not _PERSONNEL_WORDS.isdisjoint(t.words) and _PERSONNEL_COSTS.search(low):
        for m in _PAY_LINE.finditer(t.text):
            if _person_named(t.text, m.start("name"), m.end("name")):
                line_end = t.line_span(m.start("name"))[1]
                yield Finding("personal.salary", PERSONAL, m.start("name"), line_end)
    if not _OWN_EARNING_WORDS.isdisjoint(t.words) or (
            not _OWN_EARNING_COMMON.isdisjoint(t.words) and _FIRST_PERSON_PAY.search(low)):
        for m in _OWN_EARNING.finditer(low):
            if m.group("earn") or m.group("period"):
                yield Finding("personal.salary", PERSONAL, m.start(), m.end("period") if m.group("period") else m.end("amount"))
    compound = bool(_PAY_COMPOUNDS.among(t.words))
    if not _EARNING_PHRASES.among(t.words) and _FUTURE_EARNING_WORDS.isdisjoint(t.words) and not compound:
        return
    yield from _own_pay(t)
    yield from _possessed_pay(t)
    future = not _FUTURE_EARNING_WORDS.isdisjoint(t.words)
    if future or compound or not _EARNING_START_WORDS.isdisjoint(t.words):  # (a day's rate is no salary's verb: "day" is common)
        for m in _EARNING.finditer(low):
            period = _PERIOD_AFTER.match(low, m.end("amount")) if future else None
            end = period.end() if period else m.end("amount")
            if "(" in low[end:end + 40]:  # (its cost to the employer beside it, after its period)
                after = _PERIOD_AFTER.match(low, end)
                beside = _COST_BESIDE.match(low, after.end() if after else end)
                end = beside.end() if beside else end
            yield Finding("personal.salary", PERSONAL, m.start(), end)
    if future:
        for m in _EARNING_AFTER.finditer(low):
            yield Finding("personal.salary", PERSONAL, *m.span("amount"))
    for m in _PAY_WORD.finditer(t, 10, 40):
        stop = _PAY_CLAUSE_END.search(low, m.end(), min(len(low), m.end() + 160))
        end = stop.start() if stop else min(len(low), m.end() + 160)
        amount = _AMOUNT_IN.search(low, m.end(), end)
        if amount and (_person_named(t.text, m.end(), amount.start())
                       or _NAMED_OWNER_BEFORE.search(t.text, max(0, m.start() - 50), m.start())):
            close = low.find(")", amount.end(), amount.end() + 80) if low[amount.start() - 1:amount.start()] == "(" else -1
            # (in brackets, the bracket goes whole: "(£41,732 a year on grade 7, spine point 33)")
            yield Finding("personal.salary", PERSONAL, amount.start(), close if close > 0 else amount.end())
