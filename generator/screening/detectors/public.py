"""Values that look personal and are public: what the detectors found that is not somebody's.

Not a detector: ``find_in_view`` asks ``public_findings`` which of a text's findings cover only
such a value, and drops them. Three kinds:

* An organisation's bank account, given to be paid a fee or an invoice ("the registration fee ...
  to EGI Foundation, IBAN NL02 ...", "Rechnung ... auf das Konto der Landesoberkasse: IBAN DE58
  ...", "faktura ... na účet ústavu CZ26..."): a fee or an invoice word and an organisation named
  around the account; none when the account is somebody's own ("my account", "na moje konto",
  "mein Konto"), its holder a person ("Kontoinhaber: Max Weber", "na konto Jana Kowalskiego"), or
  the money a refund, travel costs or pay.
* An organisation's tax or registry number after the word that names it ("P.IVA", "IČO", "REGON",
  "USt-IdNr.", "codice avviso"); after a word a person's number has too ("NIP", "DIČ", "C.F.") only
  with an organisation named as its owner ("NIP uczelni", "Uniwersytet Warszawski NIP ..."), or an Italian numeric C.F. (eleven digits:
  a person's is sixteen letters and digits). Never after "my".
* A famous test value (``lexicon.DOCUMENTED_TEST_VALUES``: SWIFT's example IBANs, the processors'
  test cards, published example ids, specimen documents; a number of one repeated digit or
  counting up) with a word beside it saying it is an example, a test or a specimen. A real-looking
  value is never harmless only because a test word is near it.
"""

from __future__ import annotations

from collections.abc import Iterable

from generator.screening import lazy_re as re
from generator.screening.detectors.base import (
    CREDENTIAL,
    PERSONAL,
    PHONE,
    Finding,
    Text,
    WordClass,
    fold,
    lex,
)
from generator.screening.lexicon import (
    ACCOUNT_HOLDER_WORDS,
    ACCOUNT_WORDS,
    DOCUMENTED_TEST_VALUES,
    EXAMPLE_STEMS,
    INSTITUTION_WORDS,
    ORG_NUMBER_LABELS,
    ORGANISATION_OWNER_STEMS,
    OWN_ACCOUNT_INFLECTED,
    OWN_ACCOUNT_WORDS,
    PAYEE_ORGANISATION_ENDINGS,
    PAYEE_ORGANISATION_WORDS,
    PAYMENT_PURPOSE_ENDINGS,
    PAYMENT_PURPOSE_STEMS,
    PERSON_OWNER_STEMS,
    PERSONAL_PAYMENT_STEMS,
    SPECIMEN_MRZ_NAMES,
    TAX_NUMBER_LABELS,
)

_JUDGED = (PERSONAL, PHONE, CREDENTIAL)

# --- an organisation's account for a fee or an invoice -------------------------------------------

_ACCOUNT_RULES = frozenset({"personal.iban", "personal.bank-account"})
#: a group or a desk is no payee of its own ("the events team", "EGI Service Desk")
_NOT_PAYEES = frozenset(
    "group grupo gruppe groupe gruppo groep grupa skupina csoport ryhmä team équipe desk helpdesk servicedesk "
    "research".split())
#: (after an elision's apostrophe too: "l'Université", "dell'Istituto")
_ORGANISATION = re.compile(
    rf"(?<![\w-])(?:{lex('|'.join(w for w in INSTITUTION_WORDS if w not in _NOT_PAYEES), PAYEE_ORGANISATION_WORDS)})"
    rf"(?![\w-])|[^\W\d_]{{2}}(?:{lex(PAYEE_ORGANISATION_ENDINGS)})(?![\w-])")
_PURPOSE = re.compile(rf"(?<![\w-])(?:{lex(PAYMENT_PURPOSE_STEMS)})|[^\W\d_]{{2}}(?:{lex(PAYMENT_PURPOSE_ENDINGS)})(?![\w-])")
_PERSONAL_PAYMENT = re.compile(rf"(?<![\w'-])(?:{lex(PERSONAL_PAYMENT_STEMS)})")
#: "my account", "na moje konto", "sur votre compte bancaire", "számlámra"
_OWN_ACCOUNT = re.compile(
    rf"(?<![\w'-])(?:(?:{lex(OWN_ACCOUNT_WORDS)})[ \t]+(?:[^\W\d_]{{2,15}}[ \t]+)?(?:{lex(ACCOUNT_WORDS)})|"
    rf"{lex(OWN_ACCOUNT_INFLECTED)})(?![\w-])")
_HOLDER = re.compile(rf"(?<![\w'-])(?:{lex(ACCOUNT_HOLDER_WORDS)})(?![\w-])")
#: a person's name after an account word ("to the account of Maria Rossi", "na konto Jana
#: Kowalskiego"): two words in title case (an acronym, "ACK Cyfronet", is no person's)
_ACCOUNT_THEN = re.compile(rf"(?<![\w'-])(?:{lex(ACCOUNT_WORDS)})(?![\w-])")
_NAME_AFTER = re.compile(r"[ \t:,]*(?:(?:of|von|der|des|de|di|da|del|van|na|du|do|för|til)[ \t]+)?"
                         r"[A-ZÀ-ÞĀ-Ž][a-zß-ÿā-ž]+[ \t]+[A-ZÀ-ÞĀ-Ž][a-zß-ÿā-ž]+")


def _paragraph(low: str, start: int, end: int, before: int, after: int) -> tuple[int, int]:
    """[lo, hi): ``before`` characters before ``start`` and ``after`` after ``end``, inside the
    paragraph (no blank line crossed)."""
    lo = max(0, start - before)
    brk = low.rfind("\n\n", lo, start)
    if brk >= 0:
        lo = brk + 2
    hi = min(len(low), end + after)
    brk = low.find("\n\n", end, hi)
    return lo, hi if brk < 0 else brk


def _organisation_account(t: Text, f: Finding) -> bool:
    low = t.low
    lo, hi = _paragraph(low, f.start, f.end, 300, 200)
    if not _PURPOSE.search(low, lo, hi) or not (_ORGANISATION.search(low, lo, hi) or _ORG_LABEL.search(low, lo, hi)):
        return False
    wide_lo, wide_hi = max(0, f.start - 400), min(len(low), f.end + 200)
    if _PERSONAL_PAYMENT.search(low, wide_lo, wide_hi) or _OWN_ACCOUNT.search(low, wide_lo, wide_hi):
        return False
    for m in _HOLDER.finditer(low, wide_lo, wide_hi):
        line_end = low.find("\n", m.end(), m.end() + 60)
        if not _ORGANISATION.search(low, m.end(), line_end if line_end >= 0 else min(len(low), m.end() + 60)):
            return False  # the holder named is no organisation
    for m in _ACCOUNT_THEN.finditer(low, wide_lo, wide_hi):
        name = _NAME_AFTER.match(t.text, m.end())
        if name and not _ORGANISATION.search(low, m.end(), name.end()):
            return False
    return True


# --- an organisation's tax or registry number --------------------------------------------------

_NUMBER_WORDS = r"n|no|nr|n°|nº|num|number|nummer|numer|numero|número|numéro|číslo|szám"
_LABEL_BEFORE = re.compile(
    rf"(?<![\w'-])(?:(?P<org>{lex(ORG_NUMBER_LABELS)})|(?P<tax>{lex(TAX_NUMBER_LABELS)}))(?![\w-])\.?"
    rf"(?:[ \t]*[(,]?[ \t]*[^\W\d_][\w'’-]{{0,20}}\)?){{0,3}}?[ \t]*[:#=]?[ \t]*"
    rf"(?:(?:{lex(_NUMBER_WORDS)})\.?[ \t]*[:#]?[ \t]*)?(?:[a-z]{{2}}[ \t-]?)?$")
#: an organisation's number named near an account: the account's holder is an organisation
_ORG_LABEL = re.compile(rf"(?<![\w'-])(?:{lex(ORG_NUMBER_LABELS)})(?![\w-])")
_OWN_BEFORE = re.compile(rf"(?<![\w'-])(?:{lex(OWN_ACCOUNT_WORDS)})[ \t]+$")
_ITALIAN_CF = re.compile(r"c\. ?f\.?|cf|codice fiscale")
#: the value: digits in groups, perhaps after a country's two letters ("IT 01234567890"); or a
#: Spanish organisation's CIF, its kind's letter, seven digits and a check digit or letter
#: ("Q2818002D": a public body's; "B12345674": a company's)
_ORG_NUMBER = re.compile(r"(?:[A-Z]{2}[ -]?)?\d[\d .\-/]{4,28}\d|[ABCDEFGHJNPQRSUVW]-?\d{7}-?[0-9A-J]")
#: a Spanish person's DNI or NIE (eight digits and a letter; X, Y or Z, seven digits and a letter):
#: a person's, whatever label stands before it
_SPANISH_PERSONAL = re.compile(r"\d{8}-?[A-Z]|[XYZKLM]-?\d{7}-?[A-Z]")
#: an organisation named by its word's start, in its cases ("OIB ustanove", "kurumun vergi
#: numarası"), and a person named beside it ("OIB zaposlenika ustanove": the employee's)
_ORGANISATION_OWNER = re.compile(rf"(?<![\w-])(?:{lex(ORGANISATION_OWNER_STEMS)})")
_PERSON_OWNER = re.compile(rf"(?<![\w'-])(?:{lex(PERSON_OWNER_STEMS)})")


def _organisation_number(t: Text, f: Finding) -> bool:
    value = t.text[f.start:f.end]
    if not _ORG_NUMBER.fullmatch(value) or _SPANISH_PERSONAL.fullmatch(value) or _born_id_number(value):
        return False
    low = t.low
    line_start = low.rfind("\n", 0, f.start) + 1
    m = _LABEL_BEFORE.search(low, max(line_start, f.start - 60), f.start)
    if m is None or _OWN_BEFORE.search(low, max(0, m.start() - 20), m.start()):
        return False
    if m.group("org"):
        return True
    digits = sum(c.isdigit() for c in value)
    if digits == 11 and _ITALIAN_CF.fullmatch(m.group("tax")):
        return True  # an Italian numeric codice fiscale: an organisation's (a person's has letters)
    # the organisation named as the number's owner: between the word and the number ("NIP uczelni",
    # "DIČ ústavu"), or just before the word, in the same clause ("Uniwersytet Warszawski NIP ...");
    # not an affiliation beside a person's number ("Marko Horvat, OIB ..., Institut Ruđer Bošković")
    if _PERSON_OWNER.search(low, m.start(), f.start):
        return False  # "OIB zaposlenika ustanove": an employee's number
    if _ORGANISATION.search(low, m.start(), f.start) or _ORGANISATION_OWNER.search(low, m.start(), f.start):
        return True
    clause = max(low.rfind(c, 0, m.start()) for c in ",;:\n(")
    lo = max(clause + 1, m.start() - 40)
    if (_ORGANISATION.search(low, lo, m.start()) or _ORGANISATION_OWNER.search(low, lo, m.start())) is not None \
            and not _PERSON_OWNER.search(low, lo, m.start()):
        return True
    if _owner_note_after(low, f.end) == "org":
        return True  # "OIB 85173029469 (OIB ustanove, ne osobni)": said to be the organisation's
    line_end = low.find("\n", f.end)
    if _ORGANISATIONS_TAX_OFFICE.search(low, f.end, line_end if line_end >= 0 else len(low)):
        return True  # "ΑΦΜ 090198290, ΔΟΥ ΦΑΕ Αθηνών": the tax office of companies and bodies
    return not low[line_start:m.start()].strip() and _organisation_line_before(low, line_start)


def _owner_note_after(low: str, end: int) -> str | None:
    """The owner a note in brackets just after a number names first: "org" for "(OIB ustanove, ne
    osobni)", "(NIP uczelni, nie osobisty)", "(the institute's tax number)"; "person" for "(OIB
    zaposlenika ustanove)", "(osobni, ne ustanove)"; None when there is no note or no owner in it."""
    m = _NOTE_AFTER.match(low, end)
    if m is None:
        return None
    org = _ORGANISATION_OWNER.search(m.group(1))
    person = _PERSON_OWNER.search(m.group(1))
    if org is not None and (person is None or org.start() < person.start()):
        return "org"
    return "person" if person is not None else None


_NOTE_AFTER = re.compile(r"[ \t]*[(\[]([^()\[\]\n]{1,80})[)\]]")


#: the tax office of companies and public bodies named after a Greek tax number ("ΔΟΥ ΦΑΕ Αθηνών",
#: "Δ.Ο.Υ. Φ.Α.Ε. Πειραιά"): a person's number has their own local office there
_ORGANISATIONS_TAX_OFFICE = re.compile(lex(r"φ\.?α\.?ε\.?") + r"(?![\w])")


def _organisation_line_before(low: str, line_start: int) -> bool:
    """An invoice block: does the line just above a line beginning with the label name an
    organisation, and no person ("Międzyuczelniane Centrum Obliczeniowe\nNIP 675-000-48-21")?"""
    if line_start < 2:
        return False
    prev_start = low.rfind("\n", 0, line_start - 1) + 1
    if line_start - 1 - prev_start > 90:
        return False
    return (_ORGANISATION.search(low, prev_start, line_start - 1) or _ORGANISATION_OWNER.search(
        low, prev_start, line_start - 1)) is not None and not _PERSON_OWNER.search(low, prev_start, line_start - 1)


def _born_id_number(value: str) -> bool:
    """A person's thirteen-digit number that tells a birth date (a Yugoslav JMBG, a Slovenian
    EMŠO, a Romanian CNP), however grouped: a person's, whatever label stands before it (a
    Serbian "matični broj" is a company's eight digits or a person's thirteen)."""
    digits = "".join(c for c in value if c.isdigit())
    if len(digits) != 13 or len(digits) != sum(c.isalnum() for c in value):
        return False
    from stdnum.ro import cnp
    from stdnum.si import emso
    return emso.is_valid(digits) or cnp.is_valid(digits)


# --- a famous test value called one ------------------------------------------------------------

_TEST_VALUES = frozenset(DOCUMENTED_TEST_VALUES)
_EXAMPLE_STEM_LIST = tuple(fold(s).encode() for s in EXAMPLE_STEMS.split("|"))
_EXAMPLE_WORDS = WordClass(lambda w: w.startswith(_EXAMPLE_STEM_LIST))
_EXAMPLE = re.compile(rf"(?<![\w'-])(?:{lex(EXAMPLE_STEMS)})")
_COMPACT = str.maketrans("", "", " \t\n.-/")
_COUNTING = "0123456789012345678901234567890"


def _test_value(value: str, rule: str) -> bool:
    compact = value.translate(_COMPACT).upper()
    if compact in _TEST_VALUES:
        return True
    if rule == "personal.mrz":
        return "<UTO" in compact[:6] or compact[10:13] == "UTO" or any(n in compact for n in SPECIMEN_MRZ_NAMES)
    digits = compact[:-1] if compact[-1:].isalpha() else compact
    # a placeholder: one digit repeated, or counting up ("00000000000", "1234567890")
    return len(digits) >= 6 and digits.isdigit() and (len(set(digits)) == 1 or digits in _COUNTING)


def _called_a_test(t: Text, f: Finding) -> bool:
    lo, hi = _paragraph(t.low, f.start, f.end, 150, 120)
    return _EXAMPLE.search(t.low, lo, hi) is not None


# --- together ------------------------------------------------------------------------------------


def public_findings(t: Text, found: Iterable[Finding]) -> set[Finding]:
    """The findings that cover only a public value (every digit of theirs inside one), and every
    finding of the same value elsewhere in the text."""
    candidates = [f for f in found if f.category in _JUDGED]
    if not candidates:
        return set()
    examples = bool(_EXAMPLE_WORDS.among(t.words))
    spans: list[tuple[int, int]] = []
    for f in candidates:
        value = t.text[f.start:f.end]
        if f.rule in _ACCOUNT_RULES and _organisation_account(t, f) \
                or examples and _test_value(value, f.rule) and _called_a_test(t, f) \
                or _organisation_number(t, f):
            spans.append((f.start, f.end))
    if not spans:
        return set()
    text = t.text
    values = {text[a:b] for a, b in spans}
    out = set()
    for f in candidates:
        if text[f.start:f.end] in values:
            out.add(f)
            continue
        for a, b in spans:
            if f.start < b and a < f.end and not any(c.isdigit() for c in text[f.start:a] + text[b:f.end]):
                out.add(f)
                break
    return out
