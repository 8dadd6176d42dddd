"""Phone numbers of every region, in any grouping, with extensions, wrapped over two lines.

The view has already turned digits of every script into ASCII digits and every kind of space
into a space. A run of digits with phone-like separators (space, dot, hyphen, slash, a bracketed
trunk or area code) is a phone number when:

* it is international (``+``, or ``00`` and a country code) with 8 to 15 digits;
* a phone word of one of EGI's languages stands before it ("Tel.", "mob:", "puh.", "Telemóvel",
  "τηλ.", "тел.", "טל׳", "ring me on", ...: ``lexicon.PHONE_WORDS``) and it has 7 to 13 digits;
* it starts with a trunk ``0`` and has 9 to 12 digits (national numbers of most of Europe);
* it has the North American shape ``(212) 555-0147`` / ``212-555-0163``;
* or it is written in three or more groups of two to four digits, as only phone numbers are.

Not phone numbers: dates and times, IP addresses, versions and OIDs, amounts grouped by
thousands (``12 345 678 events``, unless a phone word says otherwise), ISBNs, ORCID iDs, year
lists, and numbers after a word that says what they are (ticket, job, grant, project, ...).
An extension (``ext. 4711``, ``Durchwahl 12``) goes with its number.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache
from itertools import pairwise

from generator.screening import lazy_re as re
from generator.screening.detectors.base import (
    COMMON_NUMBERS,
    DIGITS_FOR_LETTERS,
    LETTERED_WORDS,
    PHONE,
    Finding,
    Lexicon,
    Text,
    fold,
    lex,
    register_anchors,
    windows_around,
)
from generator.screening.detectors.shapes import ORCID
from generator.screening.lexicon import (
    CALL_VERBS,
    DESK_TITLE_WORDS,
    DIGIT_WORDS,
    LEGAL_NOTICE_WORDS,
    MEETING_ID_NUMBER_WORDS,
    MEETING_ID_WORDS,
    NOT_PHONE_WORDS,
    NUMBER_WORDS,
    PHONE_STEMS,
    PHONE_WORDS,
    POSSESSIVES,
    REGISTRY_STEMS,
    REPEAT_WORDS,
    SHIPMENT_TRACKING_WORDS,
    SWITCHBOARD_WORDS,
    compound_numbers,
)

_CANDIDATE = re.compile(
    r"(?<![\w.,/#@=$%&\\-])"
    r"(?P<num>(?:\+[ \t]?|(?<!\d)00(?=[1-9]))?(?:\([ \t]?\+?\d{1,4}[ \t]?\)[ \t./-]?)?"
    r"\d(?:(?:[ \t]-[ \t]|[ \t./-]|[ \t]?[()/][ \t]?|[ \t]*[./-]?[ \t]*\n[ \t]*)?(?:\([ \t]?\d{1,4}[ \t]?\)|\d)){5,22})"
    r"(?P<ext>[ \t]*[,;]?[ \t]*(?:ext\.?|x|extension|durchwahl|dw\.?|poste|int\.?|interno|wewn\.?|kl\.?|linka|"
    r"mellék|lokal|anknytning|tel\. wewn\.?|-)[ \t]*\d{1,6})?"
    r"(?![\w%@]|[.,:/-]\d|\.[A-Za-z])",
    re.IGNORECASE,
)
#: (a call's verb may carry its pronoun after a hyphen: "liguem-me", "ligue-nos", "sunați-ne", "appelle-nous")
_PHONE_WORD = re.compile(rf"(?<![\w-])(?:{lex(PHONE_WORDS)})(?:-(?:me|nos|mă|ma|ne|moi|nous|mi|ci|lo|la|te))?(?![\w-])")
#: (a phone word with the ending its language gives it: "farsíminn", "telefonszámom")
_PHONE_STEM = re.compile(rf"(?<![\w-])(?:{lex(PHONE_STEMS)})[^\W\d_]*(?![\w-])")
_CALL_VERB = re.compile(rf"(?<![\w-])(?:{lex(CALL_VERBS)})(?![\w-])")
_DIAL_IN_CODE = re.compile(r"(?<![\w-])(?:pin|code|codes|codice|código|codigo|kod|kód|koodi|passcode|password|"
                           r"access code|meeting id|conference id|room|id)(?![\w-])")
#: a meeting's or webinar's word just before a number, its "ID" or "number" and a colon between or
#: none ("Webinar 834 5521 9087", "Zoom-Meeting-ID: 912 3344 5566", "riunione n. 845 1234 5678")
_MEETING_ID_BEFORE = re.compile(
    rf"(?<![\w])(?:{lex(MEETING_ID_WORDS)})(?:[ \t-]*(?:id|number|nummer|numéro|numero|número|numer|číslo|"
    rf"szám|numărul|numarul|numer|nr\.?|no\.?|n°|n\.|kennung|identifiant|identificativo|identificador|kod|kód|code))?"
    rf"[ \t]*[:#]?[ \t]*$")
#: a meeting's id named further back in the sentence, its word before or after the meeting's ("The
#: webinar ID for the public session is 845 2231 9087", "l'identifiant du webinaire est ...")
_ID_WORD = lex(MEETING_ID_NUMBER_WORDS)
_MEETING_ID_SAID = re.compile(
    rf"(?<![\w])(?:(?:{lex(MEETING_ID_WORDS)})[ \t-]*(?:{_ID_WORD})|(?:{_ID_WORD})[ \t]+(?:[\w']+[ \t]+){{0,2}}?"
    rf"(?:{lex(MEETING_ID_WORDS)}))(?![\w])")
_SENTENCE_END = re.compile(r"[.!?](?=[ \t\n])|\n")
#: a registry's word in the sentence before a number over a year ("protocollata con il numero
#: 0012345/2024", "im Eingangsregister unter 4711/2023": a compound's part too)
_REGISTRY = re.compile(rf"(?:{lex(REGISTRY_STEMS)})")
_NUMBER_OVER_YEAR = re.compile(r"\d{1,10}/(?:19|20)\d\d")
#: (or a compound ending in a desk's word: "Servicehotline", "Störungshotline", "Institutszentrale",
#: "IT-Servicedesk", "supporthelpdesk")
_SWITCHBOARD = re.compile(rf"(?<![\w-])(?:{lex(SWITCHBOARD_WORDS)})(?![\w-])"
                          r"|(?<![^\W\d_])(?!(?:privat|private|priv|persönlich|eigen|haus|home|heim|familien|notfall)-?"
                          r"(?:hotline|zentrale|servicedesk|helpdesk|callcenter))"
                          r"[^\W\d_]{2,24}-?(?:hotline|zentrale|servicedesk|helpdesk|callcenter)(?![\w-])")
#: a number whose extension is 0 after a hyphen ("+49 721 608-0"): the German and Austrian way of
#: writing an organisation's switchboard (a person's line has their own extension: "608-41234")
_SWITCHBOARD_EXTENSION = re.compile(r"\d{3,}[ \t]?-[ \t]?0$")
#: a web page's legal notice, where an organisation publishes its own number: "steht im Impressum:"
_PUBLISHED_ON_SITE = re.compile(rf"(?<![\w-])(?:{lex(LEGAL_NOTICE_WORDS)})(?![\w-])")
#: (a person's own "hotline" is no desk: "meine Privathotline", "Home-Hotline")
#: a person's own line named after an organisation's desk ("Helpdesk coordinator, mobile: ..."):
#: the number is the person's
_PERSONAL_LINE = re.compile(r"(?<![\w-])(?:mobile|mobil|mobiel|móvil|movil|mob|mobitel|tlm|telem|telemovel|mobtel|mobilní|mobilny|cell|"
                            r"cellulare|cellphone|handy|natel|portable|gsm|komórka|matkapuhelin|cep|direct|"
                            # (a direct line and a mobile in the other languages: "direkte", "suora",
                            # "přímá linka", "közvetlen", "mobiil", "мобилен")
                            r"direkte|direkt|direktnummer|direktnr|diretto|diretta|directo|directa|direto|direta|"
                            r"directe|bezpośredni|bezpośrednia|přímá|přímé|priama|priame|közvetlen|mobilom|"
                            r"suora|suoraan|oma|άμεσο|απευθείας|директен|директна|мобилен|мобилния|otse|otsenumber|"
                            r"tiešais|tiešā|mobilais|tiesioginis|mobilusis|telemóvel|telemovel|celular|"
                            r"mobilni|mobitela|mobilnumber|mobilnummer|mobiil|mobiili|kännykkä|"
                            r"durchwahl|private|privat|privé|privato|personal|persönlich|personnel|my|mein|meine|"
                            r"mon|mio|mi|mijn|mój|můj|κινητό|κιν|моб|мобильный|мобільний|נייד|coordinator|"
                            r"manager|lead|leader|head|engineer|admin|koordinator|leiter|leiterin|responsable)"
                            r"(?![\w-])")
#: a parcel's tracking number named anywhere in the 40 characters before ("tracking number of the
#: parcel is 7381 4426 9910"): no phone number, unless a phone word comes between
_TRACKING = re.compile(rf"(?<![\w-])(?:{lex(SHIPMENT_TRACKING_WORDS)})(?![\w-])")
#: (or after a comma or a dash, ending the line or the sentence: "+39 095 378 5111, centralino")
_SWITCHBOARD_AFTER = re.compile(rf"[ \t]*(?:[(\[][ \t]*(?:{lex(SWITCHBOARD_WORDS)})[ \t]*[)\]]|"
                                rf"[ \t]*[,–—-][ \t]*(?:{lex(SWITCHBOARD_WORDS)})(?=[ \t]*(?:$|\n|[.;])))")
#: (and a German file's reference, "Az.: 4 K 1234/21", "AZ: ...": abbreviated, never Hungarian's article "az"
#: before a noun, "az ő mobilja: 06 30 ...")
_NOT_PHONE_WORD = re.compile(rf"(?<![\w-])(?:{lex(NOT_PHONE_WORDS)})(?![\w-])|(?<![\w-])az(?=[ \t]*[.:])|#")
#: phone words that are ordinary words too: a label only when abbreviated or followed by a colon
_LABEL_ONLY_ABBREVIATED = frozenset({"port"})
#: words that follow a phone word naturally ("phone number", "Telefonnummer: ")
_NUMBER_WORDS = frozenset("no nr n° num number numer numero número nummer cislo číslo szám".split())
_DATE = re.compile(
    r"(?:19|20)\d\d[-/.](?:0?[1-9]|1[0-2])[-/.](?:0?[1-9]|[12]\d|3[01])(?!\d)"
    r"|(?<!\d)(?:0?[1-9]|[12]\d|3[01])[-/.](?:0?[1-9]|1[0-2])[-/.](?:19|20)\d\d(?!\d)"
    r"|(?<!\d)(?:0?[1-9]|1[0-2])/(?:0?[1-9]|[12]\d|3[01])/(?:19|20)\d\d(?!\d)"
    r"|(?<!\d)(?:19|20)\d\d[ \t]?[-/][ \t]?(?:19|20)\d\d(?!\d)"
    r"|(?<![\d.])(?:[01]?\d|2[0-3])[:.h][0-5]\d(?:[:.][0-5]\d)?(?![\d]|\.\d)"
)
_IPV4 = re.compile(r"(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(?:/\d{1,2})?")
_DOTTED = re.compile(r"\d{1,4}(?:\.\d{1,4}){2,}")
_ISBN = re.compile(r"97[89][- ]?\d{1,5}[- ]\d{1,7}[- ]\d{1,7}[- ]\d")
_THOUSANDS = re.compile(r"[1-9]\d{0,2}(?:([ .,\u202f])\d{3})(?:\1\d{3})*")
_FRENCH = re.compile(r"0\d(?:[.]\d\d){4}")
_NANP = re.compile(r"(?:1[ .-])?(?:\(\d{3}\)[ .-]?|\d{3}[ .-])\d{3}[ .-]\d{4}")
_YEARS = re.compile(r"(?:(?:19|20)\d\d[ ,;/-]+){2,}(?:19|20)\d\d")
_GROUP_SPLIT = re.compile(r"[ \t\n./()-]+")
_VCARD = re.compile(r"[ \t]*(?:item\d+\.)?(?:tel|fax)[;:][^\n]*$")


#: digit runs of seven or more digits, in the digits-as-'0' copy (a literal search; possessive,
#: as giving back a separator or a digit can never lead to a match, and the search gives up on a
#: short number at once instead of trying every shorter reading of it). The first six repeats are
#: written out: a repeated group costs the search an allocation at every digit it tries, a
#: repeated character class does not, and most digits are in numbers too short to need the group
_STEP = r"[ \t\n./()-]{0,3}+0"
_RUN = rf"0{_STEP * 6}(?:{_STEP})*+"
_RUNS = re.compile(_RUN)
_RUNS_BYTES = re.compile(_RUN.encode())


def _runs(t: Text) -> list[int]:
    digits = t.plain_digits  # (ISO dates and times, ORCID iDs masked)
    return [m.start() for m in (_RUNS_BYTES if isinstance(digits, bytes) else _RUNS).finditer(digits)]  # type: ignore[arg-type]


#: a unit after a number: a quantity (or a list of them), not a phone number
_UNIT_AFTER = re.compile(
    r"[ \t]*(?:%|[kmgtpe]i?b(?:/s)?|bytes?|bits?|[kmgt]?hz|hours?|hrs?|h|min|s|ms|cores?|cpus?|gpus?|nodes?|"
    r"jobs?|events?|files?|users?|vms?|slots?|requests?|records?|rows?|entries|items?|eur|euros?|usd|chf)(?![\w])")
_HEX_GROUP_BEFORE = re.compile(r"(?<![\w])[0-9a-f]{4} $")
_HEX_GROUP_AFTER = re.compile(r" [0-9a-f]{4}(?![\w])")


def _hex_neighbour(low: str, start: int, end: int) -> bool:
    """Is the number one stretch of a run of hexadecimal groups (a key fingerprint)?"""
    before = _HEX_GROUP_BEFORE.search(low, max(0, start - 5), start)
    after = _HEX_GROUP_AFTER.match(low, end)
    return any(m and not m.group().strip().isdigit() for m in (before, after))


_PHONE_WORDS = Lexicon(PHONE_WORDS)
_SEPARATORS = re.compile(r"[ \t\n./()-]+")
_BODY = re.compile(r"\d+(?:[ ./-]\d+)*")
_TRUNK = re.compile(r"(?<!\d)0\d")


def _hopeless(text: str, run: int) -> bool:
    """Can the digit run at ``run`` not be a phone number whatever its digits, there being no
    phone word before it? (A cheap look at its shape, before the precise rules.)"""
    if text[run] == "0" or text.find("+", max(0, run - 4), run) >= 0:
        return False
    body = _BODY.match(text, run).group()  # type: ignore[union-attr]
    if text[run - 1:run] == "(" and text[run + len(body):run + len(body) + 1] == ")" and len(body) <= 5:
        return False  # an area code in brackets
    # a plain number not led by a 0 (the commonest run): ``_hopeless_body`` says so at once, as its
    # trunk test can only match a leading 0 (answered here, not through the cache, which such
    # numbers, seldom repeated, would fill)
    return True if body.isdigit() else _hopeless_body(body)


@lru_cache(maxsize=4096)
def _hopeless_body(body: str) -> bool:
    """``_hopeless`` of the digits and separators alone (remembered: addresses, dates and
    references recur across a queue's messages)."""
    if "0" in body and _TRUNK.search(body):
        return False  # a trunk 0 after a date or a time
    if body.isdigit() or _DATE.fullmatch(body):
        return True  # a plain number, a date
    groups = _SEPARATORS.split(body)
    separators = set(_SEPARATORS.findall(body))
    if separators == {"/"}:
        return True  # a reference or a date, never written so as a phone number
    if separators == {"."} and any(len(g) < 2 or len(g) > 4 for g in groups[1:]):
        return True  # an address, a version
    return False


#: a fraction with its decimals grouped by threes, as SI writes them ("0.000 615 s")
_DECIMAL = re.compile(r"0[.,]\d{3}(?:[ \u202f]\d{3})+")
#: a letter alone after a hyphen: the number is a part's or a device's ("347 882 1904-B")
_CODE_SUFFIX = re.compile(r"-[^\W\d_](?![\w])")
_LIST_SEPARATOR = re.compile(r"[ \t]*[/;|][ \t]+(?=[+(\d])")
_LIST_SIGN = re.compile(r"[/;|]")


def desk_number(low: str, start: int, num: str) -> bool:
    """Is the number ``num`` at ``start`` an institution's desk's, as its line names it ("call the
    service desk (tel:+44...)", "centralino: ...", "+39 095 378 5111, centralino"), with no person's
    own line named after the desk ("service desk or my mobile")?"""
    line_start = low.rfind("\n", 0, start) + 1
    before = low[max(line_start, start - 40):start]
    desks = list(_SWITCHBOARD.finditer(before))
    if desks and not _PERSONAL_LINE.search(before, desks[-1].end()) and not _ME.search(before, desks[-1].end()):
        return True
    return _SWITCHBOARD_AFTER.match(low, start + len(num)) is not None


#: the writer as the one called, after a desk's name ("the service desk or me directly")
_ME = re.compile(r"(?<![\w-])(?:me|mich|mir|moi|mi|mij|mnie|mne|mě|minua|minulle|mig|meg|engem|με|мене|ме|мен|"
                 r"beni|mind|mani|manęs|mina|mulle)(?![\w-])")


def phones(t: Text) -> Iterator[Finding]:
    text, low = t.text, t.low
    done = -1
    words = _PHONE_WORDS.present(t)
    for run in _runs(t):
        if run < done:
            continue
        if _LIST_SIGN.search(text, run, run + 8):
            # a list's short item first ("13,1 / 0151 2287 4419"): the next item is a run of its own
            nxt = _LIST_SEPARATOR.search(text, run, min(len(text), run + 8))
            if nxt and _hopeless(text, run) and not _CANDIDATE.match(text, run):
                run = nxt.end()
        if _hopeless(text, run) and not (words and any(w in low[max(0, run - 48):run + 80] for w in words)):
            continue  # not of a phone number's shape, and no phone word before it or just after
        start = run
        while start > 0 and run - start < 4 and text[start - 1] in "+( \t0":
            start -= 1
        m = None
        for s0 in range(start, run + 1):
            m = _CANDIDATE.match(text, s0)
            if m:
                break
        if m is None:
            continue
        done = m.end()
        start, end = m.span("num")
        num = m.group("num").rstrip(" -./")
        end = start + len(num)
        if _DECIMAL.fullmatch(num):
            continue  # "0.000 615 s": a fraction with its decimals grouped
        if _CODE_SUFFIX.match(text, end) and num[0] != "+" and not (words and _PHONE_WORD.search(low, max(0, start - 40), start)):
            continue  # "347 882 1904-B": a part or serial number
        whole = _judge(low, start, num) or _signature_cell(text, start, end)
        pieces = [(0, num)] if whole in ("phone.international", "phone.labelled") else _pieces(num)
        for offset, piece in pieces:
            found = whole if (offset, piece) == (0, num) else _judge(low, start + offset, piece)
            if found == "phone.grouped" and (_UNIT_AFTER.match(low, start + offset + len(piece))
                                             or _hex_neighbour(low, start + offset, start + offset + len(piece))):
                continue  # "512 256 4096 256 bytes": quantities; "... DDFE 5553 7957 1181 8E4C": a fingerprint
            if found:
                p_start, p_end = start + offset, start + offset + len(piece)
                if m.group("ext") and p_end == end:
                    p_end = m.end("ext")
                line_start = low.rfind("\n", 0, p_start) + 1
                if _VCARD.match(low, line_start, p_start):
                    p_start = line_start  # TEL;TYPE=cell:+47...: the whole property
                yield Finding(found, PHONE, p_start, p_end)


#: a signature's line of cells apart by bars or middle dots ("Mari Tamm | Tartu Observatoorium |
#: 5698 2214"): a cell that is a number of two to four groups of digits, and nothing else
_CELL_SEPARATOR = re.compile(r"[ \t]+[|·•][ \t]+")
_CELL_NUMBER = re.compile(r"\d{2,4}(?:[ .-]\d{2,4}){1,3}")
#: a cell that is a person's name: two or three words, each a capital and small letters
_NAME_CELL = re.compile(r"[^\W\d_a-z][^\W\d_A-Z]+(?:[ -][^\W\d_a-z][^\W\d_A-Z]+){1,2}")


def _signature_cell(text: str, start: int, end: int) -> str | None:
    """A number alone in a cell of a signature's line whose first cell is a person's name ("Mari
    Tamm | Tartu Observatoorium | 5698 2214"): the line is the person's card, the number their
    own phone, however short its groups; a table's row starts with a bar, a signature's does not."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line = text[line_start:len(text) if line_end < 0 else line_end].strip()
    if not 7 <= sum(c.isdigit() for c in text[start:end]) <= 12:
        return None
    cells = _CELL_SEPARATOR.split(line)
    number = text[start:end]
    if len(cells) < 3 or not _CELL_NUMBER.fullmatch(number) or number not in cells[1:] \
            or not _NAME_CELL.fullmatch(cells[0]):
        return None
    return "phone.signature"


#: an international number with letters typed for digits ("+44 77OO 9OO 123", "+34 6l2 48 93 07"):
#: groups of digits and O, o, I, l, each with a digit in it, one of them with a letter
_LETTERED = re.compile(
    r"(?:\+[ \t]?[1-9]|0)[\dOoIl]{0,4}(?:(?:[ \t]|[./-]|[ \t]?[()][ \t]?)[\dOoIl]{1,5}){1,7}(?![\w@])")
#: (where one may start, searched for after a phone word: a digit that no word character precedes)
_LETTERED_START = re.compile(r"(?<![\w+])[+0]")
_LETTER_IN_GROUP = re.compile(r"[OoIl]")


def lettered_phones(t: Text) -> Iterator[Finding]:
    """A number with letters typed for some of its digits, O for 0 and l or I for 1, as a
    phone's keyboard or a hurried writer types them: "+44 77OO 9OO 123", or after a phone word
    "mob: 06l2 345 678". Every group has a digit in it, and the number read with digits for
    letters has 8 to 15 of them (7 to 13 after a phone word)."""
    if not LETTERED_WORDS.among(t.words):
        return
    text = t.text
    words = _PHONE_WORDS.present(t)
    starts = [i for i in t.positions("+") if i == 0 or not (text[i - 1].isalnum() or text[i - 1] in "_+")]
    if words:
        starts += [s.start() for w in words for p in t.word_positions(w)
                   for s in _LETTERED_START.finditer(text, p, min(len(text), p + 40))]
    for m in (m for i in sorted(set(starts)) if (m := _LETTERED.match(text, i))):
        groups = _GROUP_SPLIT.split(m.group().lstrip("+ \t"))
        if not _LETTER_IN_GROUP.search(m.group()) or not all(any(c.isdigit() for c in g) for g in groups if g):
            continue
        digits = "".join(groups).translate(DIGITS_FOR_LETTERS)
        if not digits.isdigit():
            continue
        if m.group().startswith("+") and 8 <= len(digits) <= 15:
            yield Finding("phone.international", PHONE, m.start(), m.end())
        elif 7 <= len(digits) <= 13 and words and _PHONE_WORD.search(t.low, max(0, m.start() - 40), m.start()):
            yield Finding("phone.labelled", PHONE, m.start(), m.end())


def _pieces(num: str) -> list[tuple[int, str]]:
    """The candidate without the dates and times inside it."""
    if not _DATE.search(num):
        return [(0, num)]
    masked = _DATE.sub(lambda d: "\x00" * len(d.group()), num)
    out = []
    for p in re.finditer(r"[^\x00]+", masked):
        piece = p.group()
        lead = len(piece) - len(piece.lstrip(" -./"))
        piece = piece.strip(" -./")
        if piece:
            out.append((p.start() + lead, piece))
    return out


#: a date and a time in digit groups: YYYY MMDD HHMM, YYYYMMDD HHMM[SS], YYYY MM DD HHMM
_DATE_TIME_DIGITS = re.compile(r"(?:19|20)\d\d(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])"
                               r"(?:(?:[01]\d|2[0-3])[0-5]\d(?:[0-5]\d)?){0,2}")


def _date_time(num: str) -> bool:
    """Digit groups that read as a date and times (a run or file stamp), not a phone number:
    the first group is the year (or the whole date) and the digits are a valid date and time."""
    groups = [g for g in _GROUP_SPLIT.split(num) if g]
    return len(groups) >= 2 and len(groups[0]) in (4, 8) and all(g.isdigit() for g in groups) \
        and bool(_DATE_TIME_DIGITS.fullmatch("".join(groups)))


#: a position on the sky after its coordinate's name: "RA 05 34 31.94", "Dec +22 00 52.2"
_SKY_NAME = re.compile(r"(?<![\w])(?:ra|dec|decl|declination|right ascension|α|δ)[ \t]*[:=]?[ \t]*$")
_SEXAGESIMAL = re.compile(r"[+-]?\d{1,3}[ :]\d{2}[ :]\d{2}(?:\.\d+)?")


#: a unit right after a number: it counts something, it calls no one
_UNIT_AFTER = re.compile(
    r"[ \t]?(?:bytes?|[kmgtpe]i?b|[kmgtpe]?bit/s|b/s|events?|files?|jobs?|records?|rows?|entries|lines|objects|"
    r"hits|requests|reads|samples|seconds|secs?|ms|µs|us|ns|hours|hrs?|minutes|mins?|cores?|core-hours|"
    r"hs06|hs23|hepspec|k?wh|[kmg]?hz|[kmgt]?ev|km|kg|tons?|€|eur|usd|chf|gbp|%|°c)(?![\w/])")


#: what joins the numbers of a list or a range: a comma, a dash, "and", "to", "bis", "à", "do"...
_RUN_JOIN = r"[ \t]*(?:[,;/–—-]|\.\.|and|und|et|e|y|i|és|en|och|og|ja|bis|to|till|through|à|al|a|au|do|až|ως|до)[ \t]+"
_NEXT_IN_RUN = re.compile(_RUN_JOIN + r"(?P<number>\d[\d \t.-]{5,18}\d)")
_PREVIOUS_IN_RUN = re.compile(r"(?<![\d+])(?P<number>\d[\d \t.-]{5,18}\d)" + _RUN_JOIN + "$")


#: the number is then said to be a person's phone, in its sentence ("(the last one is my mobile
#: number", "— das ist meine Handynummer")
_PHONE_WORD_AFTER = re.compile(
    rf"[^\n.!?]{{0,40}}?(?<![\w])(?:{lex(POSSESSIVES)})[ \t]+(?:private[ \t]+|own[ \t]+|eigene[ \t]+)?"
    rf"(?:{lex(PHONE_WORDS)})")


def _in_a_run(low: str, start: int, num: str) -> bool:
    """Is the number one of a list or range of numbers written alike that differ only in their
    last digits ("0171 4839 227, 0171 4839 228 and 0171 4839 229", "060 123 4567 bis 060 123
    4590")? Ids counted off, channels, runs: no one has three phones numbered in a row."""
    own = re.sub(r"\D", "", num)
    others = [_NEXT_IN_RUN.match(low, start + len(num)), _PREVIOUS_IN_RUN.search(low, max(0, start - 40), start)]
    for m in filter(None, others):
        other = re.sub(r"\D", "", m.group("number"))
        if len(other) == len(own) and other != own and other[:-3] == own[:-3]:
            return True
    return False


#: a service's hours after its number ("(tööpäeviti 9–17)", "(Mo–Fr 8:00–16:30 Uhr)", ", lun-ven 9h-18h",
#: "(weekdays 9am–5pm)"): a range of hours, in brackets or after a comma
_HOURS_AFTER = re.compile(r"[ \t]*(?:\(|\[|,[ \t]*)[^()\[\]\n]{0,30}?(?<!\d)\d{1,2}(?:[:.h]\d{2})?[ ]?(?:h|am|pm|uhr)?"
                          r"[ ]?[-–—][ ]?\d{1,2}(?:[:.h]\d{2})?[ ]?(?:h|am|pm|uhr)?(?!\d)")
#: a support desk's word, a stem ("tugiteenuse", "Servicedesk", "supporto", "wsparcia", "helpdesku")
_SUPPORT_DESK = re.compile(rf"(?<![\w-])(?:{lex(*(w for w in DESK_TITLE_WORDS if w not in ('desk', 'team')))})")


_SHORT_WORD_BEFORE = re.compile(r"(?<![\w])[^\W\d_]{1,4}$")


def _support_desk_before(low: str, line_start: int, start: int) -> bool:
    """A support desk named in the sentence before a number (no person's own line between:
    "... helpdesk, or my mobile ...")."""
    lo = max(line_start, start - 200)
    # (a sentence's end, not an abbreviation's dot: "tel. +39 ...", "pon.-pt.")
    ends = [m.end() for m in _SENTENCE_END.finditer(low, lo, start)
            if not (low[m.start()] == "." and _SHORT_WORD_BEFORE.search(low, max(0, m.start() - 6), m.start()))]
    ends += [i + 1 for i in range(lo, start) if low[i] == ";"]
    lo = max(ends) if ends else lo
    desks = list(_SUPPORT_DESK.finditer(low, lo, start))
    return bool(desks) and not (_PERSONAL_LINE.search(low, desks[-1].end(), start) or _CALL_VERB.search(low, desks[-1].end(), start))


#: a mobile's shape as a count's: three groups of three digits, apart by spaces, its first digit 3 to 9
_MOBILE_333 = re.compile(r"[3-9]\d\d \d{3} \d{3}")
#: words before a number that give it to be reached by ("jakby co to", "in case", "call me on",
#: "im Notfall", "au cas où"), in EGI's languages
_REACH_BEFORE = re.compile(
    r"(?<![\w])(?:jakby co|w razie czego|na wszelki wypadek|w razie potrzeby|dzwon|zadzwon|in case|just in case|"
    r"if anything|if needed|call me|ring me|text me|reach me|reachable|erreichbar|im notfall|falls was|ruf mich|"
    r"ruf an|au cas ou|en cas de besoin|appelle-moi|appelez-moi|joignable|in caso|per qualsiasi cosa|chiamami|"
    r"raggiungibile|por si acaso|cualquier cosa|llamame|localizable|em caso de|qualquer coisa|liga-me|contactavel|"
    r"mocht er iets zijn|bel me|bereikbaar|kdyby neco|zavolej|volejte|keby nieco|zavolaj|ha barmi|hivj|elerheto|"
    r"jos jotain|soita|tavoitettavissa|om nagot|ring mig|nas pa|hvis noget|ring til mig|hvis noe|ring meg|"
    r"daca e ceva|suna-ma|αν χρειαστει|παρε με|ако нещо|обади ми се|ako nesto|nazovi|ce kaj|poklici|"
    r"bir sey olursa|ara beni|kui midagi|helista|ja kas|zvani|jei kas|skambink)(?![\w])")
#: a time after the number, to say till when it answers ("do 18:00", "bis 18 Uhr", "until 6pm", "tot 17u")
_REACH_AFTER = re.compile(
    r"[ \t,]*(?:\(?[ \t]*)?(?:do|bis|until|till|til|jusqu'a|jusqu a|fino alle|fino a|hasta las|hasta|ate as|ate|tot|"
    r"ig|asti|klo|pana|μεχρι|до|po|od|from|ab|des|dalle|desde|van|between|entre|tra)[ \t]*(?:godz\.?[ \t]*|kl\.?[ \t]*)?"
    r"\d{1,2}(?:[:.]\d{2}(?![\d.])|[ \t]*(?:h|uhr|am|pm|u|hod|hodin|ora|óráig|oraig)(?![\w]))"
    r"|[ \t]+(?:erreichbar|bereikbaar|joignable|raggiungibile|reachable)(?![\w])")


def _judge(low: str, start: int, num: str) -> str | None:
    digits = sum(c.isdigit() for c in num)
    if digits < 7 or digits > 15 or _DATE.fullmatch(num):
        return None
    if not num.strip("0 \t.-/()+"):
        return None  # "0000 0000 00": a blank form's digits, a test value's
    if _SEXAGESIMAL.fullmatch(num) and _SKY_NAME.search(low, max(0, start - 24), start):
        return None
    stripped = num.lstrip("( ")
    # (no country code starts with 0: "+013.7768" is a signed number, a longitude, unless it is
    # long enough to be a number written "+0049 ..." by mistake)
    international = stripped.startswith("+") and (stripped[1:2] != "0" or digits >= 10) \
        or bool(re.match(r"00[ \t]?[1-9]", stripped)) and digits >= 10
    line_start = low.rfind("\n", 0, start) + 1
    if "/" in num and _NUMBER_OVER_YEAR.fullmatch(num):
        far = max(line_start, start - 80)
        stop = max((m.end() for m in _SENTENCE_END.finditer(low, far, start)), default=far)
        if _REGISTRY.search(low, stop, start):
            return None  # "protocollata con il numero 0012345/2024": a document's number in a registry
    lo = max(line_start, start - 40)
    while lo < start and lo > line_start and low[lo - 1].isalnum():
        lo += 1  # the window began inside a word ("...t 2025"): its tail is no label
    before = low[lo:start]
    desks = list(_SWITCHBOARD.finditer(before))
    desk = desks[-1] if desks else None  # (the nearest desk's name: a label after it is the line's)
    if desk is not None and not _PERSONAL_LINE.search(before, desk.end()) \
            or _SWITCHBOARD_AFTER.match(low, start + len(num)):
        return None  # "Zentrale des Rechenzentrums: +49 721 ...": an institution's own number
    if _SWITCHBOARD_EXTENSION.search(num) and not _PERSONAL_LINE.search(before):
        return None  # "+49 721 608-0", "+43 1 58801-0": extension 0, an institution's switchboard
    if _PUBLISHED_ON_SITE.search(low, max(line_start, start - 100), start) and not _PERSONAL_LINE.search(before):
        return None  # "die zentrale Telefonnummer ... steht im Impressum: ...": a number the web page publishes
    if desk is None and _HOURS_AFTER.match(low, start + len(num)) and _support_desk_before(low, line_start, start):
        return None  # "meie tugiteenuse poole: ... telefon +372 737 6400 (tööpäeviti 9–17)": a desk's line and its hours
    label = None
    for w in _PHONE_WORD.finditer(before):
        label = w
    for w in _PHONE_STEM.finditer(before, label.end() if label else 0):
        label = w
    if label is None and desk is None and digits <= 13 and not _THOUSANDS.fullmatch(num):
        # a verb of calling someone further back in the sentence: "proszę dzwonić do żony, ona mi
        # od razu przekaże: 512-904-377"
        far_lo = max(line_start, start - 140)
        for w in _CALL_VERB.finditer(low, far_lo, start):
            label = w
        if label is not None:
            # (not past a sentence's end, nor a desk's name: "dzwonić na centralę instytutu, czynną w
            # dni robocze: 61 858 20 00" is an institution's own line)
            # nor past a word of the code one keys in once the call is through ("ligue para a ponte
            # Colibri e introduza o PIN 5521 9087#")
            if _SENTENCE_END.search(low, label.end(), start) or _SWITCHBOARD.search(low, label.end(), start) \
                    or _DIAL_IN_CODE.search(low, label.end(), start):
                label = None
            else:
                before = low[label.start():start]
                label = _CALL_VERB.match(before)
    if label is None and _UNIT_AFTER.match(low, start + len(num)):
        return None  # "0612345678 bytes", "3141592653 events": a quantity and its unit
    if _PHONE_WORD_AFTER.match(low, start + len(num)):
        return "phone.national"  # "0151 2287 4419 (das Letzte ist meine Handynummer)": said so after it
    if label is not None and label.group() in _LABEL_ONLY_ABBREVIATED and before[label.end():label.end() + 1] not in (".", ":"):
        label = None  # "port 20000-25000", not "Port.: 06 12 34 56 78" (French 'portable')
    if label is not None and len(label.group()) == 1 and before[label.start() - 1:label.start()] == "/" \
            and before[label.end():label.end() + 1] not in (".", ":"):
        label = None  # "jobs 4812933 t/m 4813020" (Dutch 'tot en met'), not "T/M: 06 12 34 56 78"
    if label is not None and any(w.group() not in _NUMBER_WORDS for w in _NOT_PHONE_WORD.finditer(before, label.end())):
        label = None
    wider = _NOT_PHONE_WORD.match(before, label.start()) if label is not None else None
    if label is not None and wider is not None and wider.end() > label.end():
        label = None  # "P/N 0612 4893 07": the phone word is the first letter of a part number's label
    vetoed = any(w.group() not in _NUMBER_WORDS for w in _NOT_PHONE_WORD.finditer(before[-16:]))
    if not vetoed and label is None and before.rstrip().endswith(":"):
        # "Inventarnummer des Servers: 0171-2026-0042": the label before the colon names the number
        vetoed = any(w.group() not in _NUMBER_WORDS for w in _NOT_PHONE_WORD.finditer(before))
    vetoed = vetoed or label is None and (_in_a_run(low, start, num) or bool(_TRACKING.search(before)))
    if not vetoed and label is None and not low[line_start:start].strip():
        # the number alone on its line, its label the line before: a table's cell ("Canale" | "0039 0612 3456")
        above = low[max(0, line_start - 100):line_start].rstrip(" \t\n\ue000")  # (and the audit's part boundary)
        cell = above[above.rfind("\n") + 1:]
        vetoed = (0 < len(cell) <= 30 or cell.endswith(":") and len(cell) <= 60) \
            and any(w.group() not in _NUMBER_WORDS for w in _NOT_PHONE_WORD.finditer(cell))
    if international and (stripped.startswith("+") or not vetoed or label is not None):
        if digits >= 8 or digits >= 7 and stripped.startswith("+"):
            return "phone.international"  # (+690 3101: Tokelau's numbers are short)
        return "phone.labelled" if label is not None else None
    if ORCID.search(num) or _ISBN.search(num) or _YEARS.fullmatch(num):
        return None
    if _IPV4.fullmatch(num) and ("/" in num or num.endswith(".0")):
        return None  # "rango fijo (p. ej. 172.20.0.0/16)": a network and its prefix, never a phone
    if label is not None:  # a phone word wins over the looks of an IP address or a version
        return "phone.labelled" if digits <= 13 else None
    if _IPV4.fullmatch(num) or _date_time(num):
        return None
    if vetoed or _DOTTED.fullmatch(num) and not _FRENCH.fullmatch(num):
        return None
    if _THOUSANDS.fullmatch(num):
        # (a mobile written 3-3-3 in a sentence, said by its context to be for reaching the writer:
        # "jakby co to 602 417 839 do 18:00", "bin bis 18 Uhr unter 176 482 903 erreichbar")
        if _MOBILE_333.fullmatch(num) and (_REACH_BEFORE.search(low, max(line_start, start - 60), start)
                                           or _REACH_AFTER.match(low, start + len(num))):
            return "phone.national"
        return None
    groups = [g for g in _GROUP_SPLIT.split(num) if g]
    if stripped.startswith("0") and not stripped.startswith("00") and 9 <= digits <= 12 \
            and (len(groups) >= 2 and all(len(g) >= 2 for g in groups[1:]) or digits in (10, 11) and len(groups) == 1):
        return "phone.national"
    if _NANP.fullmatch(num):
        return "phone.national"
    separators = set(re.findall(r"[ \t\n./-]", num))
    if len(groups) >= 3 and 8 <= digits <= 13 and separators in ({" "}, {"."}) \
            and all(2 <= len(g) <= 4 for g in groups[1:]) and len(groups[0]) <= 4:
        if len(groups) == 3 and len(groups[0]) == 3 and 9 <= digits <= 11 and _MEETING_ID_BEFORE.search(before):
            return None  # "Webinar 834 5521 9087": a meeting's id (Zoom's 3-4-4 groups), not a phone
        if len(groups) == 3 and len(groups[0]) == 3 and 9 <= digits <= 11 and label is None:
            saids = list(_MEETING_ID_SAID.finditer(low, max(line_start, start - 100), start))
            said = saids[-1] if saids else None
            if said is not None and not _SENTENCE_END.search(low, said.end(), start):
                return None  # "The webinar ID for the public session is 845 2231 9087": the meeting's id, said before
        return "phone.grouped"
    return None


# --- numbers spelled out in words ------------------------------------------------------------

#: folded digit word -> its digit (``lexicon.DIGIT_WORDS``, the view's spelling)
_DIGIT_OF: dict[str, str] = {fold(w): str(d) for d, ws in enumerate(DIGIT_WORDS) for w in ws.split()}
#: digit words that are also common words of some language ("to", "en", "un", "het", "one"):
#: a spelled number is looked for around the others only (a number of seven digits or more has
#: one of them but for freak numbers)
_COMMON_DIGIT_WORDS = COMMON_NUMBERS
_DIGIT_WORD_BYTES = register_anchors(frozenset(w.encode() for w in _DIGIT_OF if w not in _COMMON_DIGIT_WORDS))
#: the digit words a number spelled with digits and words has one of (all but the commonest)
_MIXED_GATE = register_anchors(frozenset(
    w.encode() for w in _DIGIT_OF if w not in ("to", "one", "en", "et", "un", "une", "du", "ni", "due", "doi")))
_SPELLED_TOKEN = rf"(?:{'|'.join(sorted((re.escape(w) for w in _DIGIT_OF), key=lambda w: (-len(w), w)))}|\d{{1,3}})"
#: seven or more digit words or short digit groups in a row, apart by spaces, commas, dots or dashes
_SPELLED = re.compile(rf"(?<![\w'-]){_SPELLED_TOKEN}(?:[ \t]*[,.\-/]?[ \t]+|[ \t]*[,\-/][ \t]*){_SPELLED_TOKEN}"
                      rf"(?:(?:[ \t]*[,.\-/]?[ \t]+|[ \t]*[,\-/][ \t]*){_SPELLED_TOKEN}){{1,20}}(?![\w'-])")
_MIXED_RUN = r"0{1,3}[ \t,-]{1,3}[^\W\d_]{2,12}[ \t,-]{1,3}0{1,3}[ \t,-]{1,3}[^\W\d_]{2,12}[ \t,-]{1,3}0"
_MIXED = re.compile(_MIXED_RUN)
_MIXED_BYTES = re.compile(br"0{1,3}[ \t,-]{1,3}[a-zA-Z\x80-\xff]{2,24}[ \t,-]{1,3}0{1,3}[ \t,-]{1,3}[a-zA-Z\x80-\xff]{2,24}[ \t,-]{1,3}0")
_SPELLED_SPLIT = re.compile(r"[^\w'ʼ]+")


def spelled_phones(t: Text) -> Iterator[Finding]:
    """A phone number spelled out in digit words of any EGI language, or in words and digits
    mixed ("zero six one two ...", "0 six 1 two ..."): seven to fifteen digits with three or more
    of them as words. A count ("one, two, three, ..., seven") is not a number."""
    present = [w.decode() for w in _DIGIT_WORD_BYTES.intersection(t.anchors)]
    mixed = []
    if t.has_digit and (present or _MIXED_GATE.intersection(t.anchors)):
        # digits and words taking turns ("0 six 1 two"): found in the digits-as-'0' copy
        digits = t.plain_digits
        mixed = [m.start() for m in (_MIXED_BYTES if isinstance(digits, bytes) else _MIXED).finditer(digits)]  # type: ignore[arg-type]
    if not present and not mixed:
        return
    low = t.low
    hits = sorted(p for w in present for p in t.word_positions(w))
    # a spelled number has two of these words close together; prose ("two of the three") seldom
    close = [p for p, q in pairwise(hits) if q - p <= 40] + mixed
    for lo, hi in windows_around(close, 200, 240, len(low)):
        for m in _SPELLED.finditer(low, lo, hi):
            tokens = [x for x in _SPELLED_SPLIT.split(m.group()) if x]
            words = sum(1 for x in tokens if not x.isdigit())
            digits = "".join(x if x.isdigit() else _DIGIT_OF[x] for x in tokens)
            if words < 3 or not 7 <= len(digits) <= 15 or _counting(digits):
                continue
            yield Finding("phone.spelled", PHONE, m.start(), m.end())


# --- numbers read out in words ("oh seven seven double-oh, nine hundred, ...") ------------------

_VALUE_OF: dict[str, int] = {fold(w): v for v, ws in NUMBER_WORDS.items() for w in ws.split()}
_VALUE_OF.update({w: int(d) for w, d in _DIGIT_OF.items()})
_VALUE_OF.update({fold(w): v for w, v in compound_numbers().items()})
_VALUE_OF["oh"] = 0
_REPEAT_OF: dict[str, int] = {fold(w): n for n, ws in REPEAT_WORDS.items() for w in ws.split()}
#: between tens and units ("treinta y cuatro", "vingt et un", "twenty and one"): nothing to count
_JOINERS = frozenset("and y et e i und en og och ja si і и".split())  # ("si": the Romanian "și" in the view)
#: the words that start a look (numbers above nine and "double": units alone are ``spelled_phones``');
#: a few are common words of another language ("elf", "once", "cent", "sto"): no anchor
_NUMBER_ANCHORS = register_anchors(frozenset(
    w.encode() for w in (*(fold(x) for ws in NUMBER_WORDS.values() for x in ws.split()), *_REPEAT_OF,
                         *(fold(x) for x in compound_numbers()))
    if w not in ("elf", "once", "cent", "sto", "set", "sta", "ten", "tien", "ti", "dez", "cento", "сто", "on", "elli")
    and "-" not in w)
    | {b"oh"})  # (digit words alone are ``spelled_phones``', but for the English "oh" it does not know)
#: (a group written in digits among the words: "zéro six, 12, quarante-trois, 87")
_NUMBER_TOKEN = "|".join(sorted((re.escape(w) for w in (*_VALUE_OF, *_REPEAT_OF, "plus")), key=lambda w: (-len(w), w))) \
    + r"|\d{1,4}"
_READ_OUT = re.compile(
    rf"(?<![\w'ʼ-])(?:{_NUMBER_TOKEN})(?:(?:[ \t]*[,\-][ \t]*|[ \t]+)(?:(?:{'|'.join(_JOINERS)})[ \t]+)?(?:{_NUMBER_TOKEN})){{3,30}}(?![\w'ʼ-])")
_READ_OUT_SPLIT = re.compile(r"(,)|[^\w'ʼ]+")
#: where a number read out may begin: a word's first piece that is a number word's (or 1 to 4
#: digits): the read-out pattern is tried there only (tried at every character of a window, it was
#: most of this detector's time)
_FIRST_PIECES = frozenset(re.split(r"[^\w]", w)[0] for w in (*_VALUE_OF, *_REPEAT_OF, "plus"))
_PIECE = re.compile(r"(?<![\w'ʼ-])[^\W_]+")


def read_out_phones(t: Text) -> Iterator[Finding]:
    """A phone number read out in words, in pairs or hundreds ("zéro six, douze, trente-quatre,
    cinquante-six", "oh seven seven double-oh, nine hundred, one two three", "сто двадцять три"),
    some groups perhaps in digits ("zéro six, 12, quarante-trois, 87"): eight to fifteen digits
    said with three number words or more."""
    present = [w.decode() for w in _NUMBER_ANCHORS.intersection(t.anchors)]
    if not present:
        return
    low = t.low
    spots = [p for w in present for p in t.word_positions(w)]
    for lo, hi in windows_around(spots, 200, 240, len(low)):
        for m in _read_out(low, lo, hi):
            digits, words = _digits_read_out(m.group())
            if words >= 3 and 8 <= len(digits.lstrip("+")) <= 15 and not _counting(digits.lstrip("+")) \
                    and (digits[0] in "0+" or m.group().count(",") >= 2 and not any(map(str.isdigit, m.group()))):
                # ("twenty twenty-four and ...": years; "twenty, 40, sixty and 80": a list, with its digits)
                yield Finding("phone.spelled", PHONE, m.start(), m.end())


def _read_out(low: str, lo: int, hi: int) -> Iterator[re.Match[str]]:
    """``_READ_OUT.finditer(low, lo, hi)``, the pattern tried only where a number word or digits begin."""
    after = lo
    for piece in _PIECE.finditer(low, lo, hi):
        start = piece.start()
        if start < after:
            continue
        word = piece.group()
        if word in _FIRST_PIECES or (len(word) <= 4 and word.isdigit()):
            m = _READ_OUT.match(low, start, hi)
            if m:
                after = m.end()
                yield m


def _digits_read_out(phrase: str) -> tuple[str, int]:
    """The digits a phrase of number words says, and how many words said them."""
    out: list[str] = []
    pending: int | None = None
    repeat = 1
    words = 0

    def flush() -> None:
        nonlocal pending
        if pending is not None:
            out.append(str(pending))
            pending = None

    for token in _READ_OUT_SPLIT.split(phrase):
        if not token:
            continue
        if token in _JOINERS:
            if pending is None or pending < 20 or pending % 10:
                flush()  # ("twenty-four and twenty": 'and' joins tens and units only)
            continue
        if token == ",":
            flush()
            continue
        if token == "plus":
            flush()
            out.append("+")
            continue
        if token.isdigit():  # (a group in digits: said, but not by a word)
            flush()
            out.append(token)
            continue
        if token in _REPEAT_OF:
            flush()
            repeat = _REPEAT_OF[token]
            continue
        value = _VALUE_OF.get(token)
        if value is None:
            continue
        words += 1
        if repeat > 1 and value < 10:
            flush()
            out.append(str(value) * repeat)
            repeat = 1
        elif value == 100:
            pending = 100 if pending is None else pending * 100
        elif pending is not None and pending >= 20 and pending % 10 == 0 and value < 10:
            pending += value  # "thirty-four", "nine hundred one"
        elif pending is not None and value < 100 and (pending >= 100 and pending % 100 == 0 or
                                                      pending in (60, 80) and value < 20 or pending == 4 and value == 20):
            pending = 80 if pending == 4 else pending + value  # "cent douze", "soixante-dix", "quatre-vingt"
        else:
            flush()
            pending = value
    flush()
    return "".join(out), words


def _counting(digits: str) -> bool:
    """Digits that count up or down one by one (a list, not a number)."""
    steps = {int(b) - int(a) for a, b in pairwise(digits)}
    return steps in ({1}, {-1})
