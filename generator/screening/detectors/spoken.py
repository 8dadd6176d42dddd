"""Values read out in words: what speech recognition or a note-taker writes when a password, a
code, a phone or identity number, a birth date or an address is said aloud ("großes K wie
Kaufmann neunundvierzig Raute sonne", "osm pět sedm dva jedna lomítko čtyři", "W as in whiskey,
4, 4, r, e, n, dash, dash, Bluebell", "sjuttioåtta nollnio femton").

The class, not the examples: a run of spoken characters (number words of any EGI language, digits,
the names of signs, "capital" before a letter, a letter "as in" a word, letters apart by commas),
at most one other word between two of them (a password's own words: "Cinghiale virgola trattino
basso settantasette chiocciola Etna"), after a word that says what the value is (a password, a
PIN, a code, an id, a phone, a birth date, a home, pay). Without such a word only a long run with
a sign in it counts. The run goes whole, with a capitalised word or two that begin or end it."""

from __future__ import annotations

import bisect
from collections.abc import Iterator
from functools import lru_cache

from generator.screening import lazy_re as re
from generator.screening.detectors.base import (
    COMMON_NUMBERS,
    CREDENTIAL,
    PERSONAL,
    REDACTION,
    SAID_NUMBERS,
    Finding,
    Lexicon,
    Text,
    WordClass,
    fold,
    lex,
    windows_around,
)
from generator.screening.lexicon import (
    AS_IN_WORDS,
    AT_LEAST_WORDS,
    BIRTH_WORDS,
    CODE_WORDS,
    HOME_WORDS,
    ID_WORDS,
    LENGTH_UNITS,
    LETTER_CASE_WORDS,
    LETTER_NAMES,
    MONTH_NAMES,
    MORE_NUMBER_MORPHEMES,
    NUMBER_MORPHEMES,
    PASSPORT_WORDS,
    PASSWORD_WORDS,
    PHONE_STEMS,
    PHONE_WORDS,
    PIN_WORDS,
    SALARY_WORDS,
    SHORT_PASSWORD_WORDS,
    SPOKEN_JOINERS,
    SPOKEN_SEPARATORS,
    SPOKEN_SIGNS,
    SPOKEN_STOPS,
    STOPWORDS,
    TOKEN_WORDS,
)

#: a word made of number parts ("neunundvierzig", "sjuttioåtta", "dvadsaťštyri", "quarante-deux"),
#: the first of four letters or more (a short part and an ending make ordinary words: "seite")
_MORPHEMES = lex(NUMBER_MORPHEMES, MORE_NUMBER_MORPHEMES)
_NUMBER = re.compile(rf"(?:{'|'.join(m for m in _MORPHEMES.split('|') if len(m) >= 4)})-?(?:(?:{_MORPHEMES})-?)*")
#: number words that are also a language's everyday small words ("en", "to", "uno", "egy"): in a
#: run, never what makes it one
_EVERYDAY = COMMON_NUMBERS
#: digit words that are strong evidence whatever their length (0 to 9, and the tens and teens)
#: (not "null", "nul": a program's word for nothing, in the output it prints)
_DIGIT_NAMES = SAID_NUMBERS - {"null", "nul", "nulla"}
_SIGN = re.compile(rf"(?<![\w'-])(?:{lex(SPOKEN_SIGNS)})(?![\w'-])")
_SEPARATOR = re.compile(rf"(?<![\w'-])(?:{lex(SPOKEN_SEPARATORS)})(?![\w'-])")
_CASE = re.compile(rf"(?:{lex(LETTER_CASE_WORDS)})")
_AS_IN = re.compile(rf"(?<![\w'-])(?:{lex(AS_IN_WORDS)})(?![\w'-])")
#: a full stop or comma said aloud, "dot": inside a value read out they may be its characters
_STOP_WORD = re.compile(rf"(?:{lex(SPOKEN_STOPS)}|dot)")
_MONTH = re.compile(rf"(?:{lex(MONTH_NAMES)})")
_LETTER_NAME = re.compile(rf"(?:{lex(LETTER_NAMES)})")
_WORD = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")
#: what ends a run between two of its parts: a sentence's or a line's end, a colon
_RUN_BREAK = re.compile(r"[\n.!?;:()\[\]<>\"“”«»|=/&]")
#: the words that say what a value read out is (a lexicon: looked for around its anchors only, once
#: a text; the whole list tried at every character of each run's 160 characters before it was most
#: of what this detector cost)
_CONTEXT = Lexicon(*PASSWORD_WORDS, PIN_WORDS, *CODE_WORDS, TOKEN_WORDS, ID_WORDS, PASSPORT_WORDS, BIRTH_WORDS, HOME_WORDS,
                   SALARY_WORDS, template=r"(?<![\w])(?:{body})(?![\w])")
#: a phone's words, in the run's own line and just before it ("call me on ..."): a transcript of a
#: call is full of them ("Dictado desde el móvil", "VO managers call, 16:02")
_PHONE_CONTEXT = re.compile(
    rf"(?<![\w])(?:(?:{lex(PHONE_STEMS)})\w*|(?!(?:port|portable|direct|signal|fixe?|ring|cell?|call|whatsapp|telegram)(?![\w]))"
    rf"(?:{lex(PHONE_WORDS)})(?<=\w\w\w))(?![\w])")
#: a password rule's length or kinds of character ("at least 12 characters, one digit"): advice, no value
_RULE = re.compile(rf"(?<![\w])(?:{lex(LENGTH_UNITS, AT_LEAST_WORDS)})(?![\w])")
#: a unit's word that names the digits after it ("cyfry 1-9-5-2", "die Ziffern 7 3 0"): the value's
#: pieces, not a rule's length
_UNIT_NAMING = re.compile(rf"(?:{lex(LENGTH_UNITS)})[ \t]*:?[ \t]*\d")
#: a secret's words among them (a run of two parts with a sign in it is then enough)
_SECRET_CONTEXT = Lexicon(*PASSWORD_WORDS, PIN_WORDS, *CODE_WORDS, TOKEN_WORDS, SHORT_PASSWORD_WORDS,
                          template=r"(?<![\w])(?:{body})(?![\w])")
_STOP = frozenset(fold(w) for w in STOPWORDS)
#: the words that join a value's parts described one by one ("potem", "dann", "puis", "na końcu",
#: "cyfry"): inside a run they neither end it nor count as one of its words
_JOINERS = frozenset(fold(w) for w in re.split(r"[| ]", SPOKEN_JOINERS.lower()) if w)
#: a word quoted inside a run ("potem 'rakow', cyfry ..."): a piece of the value, said as written
_QUOTES = "'\"‘’‚“”„«»‹›`"


#: the words a run is looked for around: a sign, a case word, a letter's name, a number word that is
#: no everyday word ("once", "doi" are English words too); a text without one has no run
_ANCHORS = WordClass(lambda w: (lambda s: _SIGN.fullmatch(s) is not None or _SEPARATOR.fullmatch(s) is not None
                                or _CASE.fullmatch(s) is not None
                                or _LETTER_NAME.fullmatch(s) is not None
                                or (s in _DIGIT_NAMES and s not in _EVERYDAY and s != "once")
                                or (len(s) >= 5 and _NUMBER.fullmatch(s) is not None))(w.decode()))

#: the first words of the names of several words ("trattino" of "trattino basso", "as" of "as in")
_PHRASE_FIRST = frozenset(re.split(r"[ ']", a)[0].encode() for a in lex(SPOKEN_SIGNS, AS_IN_WORDS).split("|")
                          if " " in a or "'" in a)

#: the kinds of a run's parts: strong ones make a run, WEAK ones ("uno", "punto") only join it
SIGN, CASE, AS_IN, NUMBER, DIGITS, LETTER, WEAK, MONTH, SEPARATOR, OTHER = range(10)


@lru_cache(maxsize=1 << 16)
def _kind(word: str) -> int:
    """What a word is in a value read out (words repeat: each is judged once)."""
    if _SIGN.fullmatch(word):
        return SIGN
    if _SEPARATOR.fullmatch(word):
        return SEPARATOR
    if word.isdigit() or (len(word) <= 6 and any(c.isdigit() for c in word)):
        return DIGITS  # (and a short word with a digit in it: "k7", "9f")
    if len(word) == 1:
        return LETTER
    if _CASE.fullmatch(word):
        return CASE
    if _AS_IN.fullmatch(word):
        return AS_IN
    if word in _EVERYDAY or _STOP_WORD.fullmatch(word):
        return WEAK
    if word in _DIGIT_NAMES or (len(word) >= 4 and word not in _STOP and _NUMBER.fullmatch(word)) \
            or _LETTER_NAME.fullmatch(word):
        return NUMBER
    if _MONTH.fullmatch(word):
        return MONTH
    return OTHER


def spoken_values(t: Text) -> Iterator[Finding]:
    anchors = _ANCHORS.among(t.words)
    if not anchors:
        return
    low, text = t.low, t.text
    # a run begins where an anchor has another spoken part next to it ("once" alone is a word)
    seeds = [p for w in anchors for p in t.word_positions(w.decode()) if _next_to_another(low, p)]
    phrases = not _PHRASE_FIRST.isdisjoint(t.words)
    context = _Context(t)
    for lo, hi in windows_around(seeds, 160, 240, len(low)):
        yield from _runs(low, text, lo, hi, phrases, context)


class _Context:
    """Where a text's words say what a value is (``_CONTEXT``) or that it is a secret
    (``_SECRET_CONTEXT``): each lexicon's matches, found once a text when a run first asks, less
    those inside screening's own words ("[redacted: phone] ... two hundred thousand")."""

    def __init__(self, t: Text) -> None:
        self._t = t
        self._spans: dict[Lexicon, list[tuple[int, int]]] = {}

    def _of(self, lexicon: Lexicon) -> list[tuple[int, int]]:
        spans = self._spans.get(lexicon)
        if spans is None:
            t = self._t
            spans = sorted({m.span() for m in lexicon.finditer(t)})
            if spans and "[redacted: " in t.text:
                ours = [m.span() for m in REDACTION.finditer(t.low)]
                spans = [(s, e) for s, e in spans if not any(a <= s and e <= b for a, b in ours)]
            self._spans[lexicon] = spans
        return spans

    def within(self, lexicon: Lexicon, lo: int, hi: int) -> bool:
        """A match of ``lexicon`` wholly inside [lo, hi)?"""
        spans = self._of(lexicon)
        i = bisect.bisect_left(spans, (lo, lo))
        while i < len(spans) and spans[i][0] < hi:
            if spans[i][1] <= hi:
                return True
            i += 1
        return False


_WORD_PARTNERS = frozenset((SIGN, SEPARATOR, CASE, AS_IN, NUMBER))
_ANY_PARTNERS = _WORD_PARTNERS | {DIGITS, LETTER}  # (beside a sign: "q, underscore, Z")


def _next_to_another(low: str, p: int) -> bool:
    """Is a spoken part (a sign, a number, a digit, a case word, "as in") one of the two words
    before or after the anchor at ``p``?"""
    after = _WORD.findall(low, p, p + 48)
    if not after:
        return False
    kinds = [_kind(w) for w in _WORD.findall(low, max(0, p - 24), p)[-2:] + after[1:3]]
    if _kind(after[0]) == NUMBER:  # (one number beside a number word is a number written: "a first 1094")
        return any(k in _WORD_PARTNERS for k in kinds) or kinds.count(DIGITS) >= 2
    return any(k in _ANY_PARTNERS for k in kinds)


def _runs(low: str, text: str, lo: int, hi: int, multi_word: bool, context: _Context) -> Iterator[Finding]:
    # the names of several words first ("trattino basso", "point d'exclamation", "as in"), then the words
    tokens: list[tuple[int, int, int]] = []
    phrases = {m.start(): (m.end(), kind) for pattern, kind in ((_SIGN, SIGN), (_SEPARATOR, SEPARATOR), (_AS_IN, AS_IN))
               for m in pattern.finditer(low, lo, hi) if " " in m.group() or "'" in m.group()} if multi_word else {}
    covered = 0
    for m in _WORD.finditer(low, lo, hi):
        s, e = m.span()
        if s < covered:
            continue
        if s in phrases:
            covered, kind = phrases[s]
            tokens.append((s, covered, kind))
            continue
        kind = _kind(m.group())
        if kind == AS_IN and not (tokens and tokens[-1][2] == LETTER and tokens[-1][1] + 2 >= s):
            kind = OTHER  # ("comme convenu": "as" spells a letter only after one, "Q as in Quebec")
        tokens.append((s, e, kind))
    run: list[tuple[int, int, int]] = []
    gap = 0
    for i, (s, e, kind) in enumerate(tokens):
        member = kind != OTHER and not (kind == LETTER and not _spoken_letter(low, tokens, i))
        if run and kind == OTHER and not _RUN_BREAK.search(low, run[-1][1], s):
            if low[s:e] in _JOINERS:
                continue  # "duże K, potem ...": a joining word, the run goes on
            if s and low[s - 1] in _QUOTES and low[e:e + 1] in _QUOTES and i + 1 < len(tokens) \
                    and (tokens[i + 1][2] != OTHER or low[tokens[i + 1][0]:tokens[i + 1][1]] in _JOINERS):
                run.append((s - 1, e + 1, WEAK))  # "potem 'rakow', cyfry": a quoted piece of the value
                gap = 0
                continue
        if run and (_RUN_BREAK.search(low, run[-1][1], s) or (not member and gap >= 1)):
            yield from _judge(low, text, run, context)
            run, gap = [], 0
        if member or (run and kind == OTHER and run[-1][2] == AS_IN):
            run.append((s, e, kind if member else NUMBER))  # (the word after "as in" spells a letter)
            gap = 0
        elif run:
            gap += 1
    if run:
        yield from _judge(low, text, run, context)


def _spoken_letter(low: str, tokens: list[tuple[int, int, int]], i: int) -> bool:
    """A single letter read out: after a case word, before "as in", or apart from its neighbours
    by commas ("n, n, e, c, y")."""
    s, e, _ = tokens[i]
    before = tokens[i - 1] if i else None
    after = tokens[i + 1] if i + 1 < len(tokens) else None
    if before and before[2] in (CASE, DIGITS, LETTER) and before[1] + 2 >= s:
        return True  # ("großes K", "3 c a 0 7")
    if after and after[2] in (AS_IN, DIGITS) and e + 2 >= after[0]:
        return True
    return "," in low[max(0, s - 2):s] or "," in low[e:e + 2]


def _judge(low: str, text: str, run: list[tuple[int, int, int]], context: _Context) -> Iterator[Finding]:
    # a weak part only joins a run ("on iso P ...", "... Saimaa piste"), unless it is a number
    # among numbers ("seis uno dos cuarenta", "... tre fem fire ni")
    numbers = sum(1 for _, _, k in run if k in (NUMBER, DIGITS)) >= 2
    while run and run[0][2] == WEAK and not (numbers and low[run[0][0]:run[0][1]] in _DIGIT_NAMES):
        run = run[1:]
    while run and run[-1][2] == WEAK and not (numbers and low[run[-1][0]:run[-1][1]] in _DIGIT_NAMES):
        run = run[:-1]
    if not run:
        return
    kinds = [k for _, _, k in run]
    letters, words = kinds.count(LETTER), kinds.count(NUMBER)
    # letters read out one by one (four or more: "for k, v in" is code), a month with number words
    # (a date said aloud; "4 mar 2024" is a date written), the other strong parts
    strong = [k for k in kinds if k in (SIGN, SEPARATOR, CASE, AS_IN, NUMBER, DIGITS)] \
        + [LETTER] * (letters if letters >= 4 else 0) + [MONTH] * (kinds.count(MONTH) if words else 0)
    signs = sum(1 for k in strong if k in (SIGN, CASE, AS_IN))  # (a password's signs; not a path's slashes)
    spoken = len(strong) - strong.count(DIGITS)
    if len(strong) < 2 or not spoken or (not signs and spoken < 2 and strong.count(DIGITS) < 2):
        return  # (digits alone are numbers written, the other detectors' to judge)
    # a value: numbers (two words or digits), letters read out, or a password's signs ("slash data
    # slash projets slash climat" is a path)
    valued = signs or words >= 2 or strong.count(DIGITS) >= 2 or letters >= 4
    start, end = run[0][0], run[-1][1]
    before = max(0, start - 160)  # (the run's own words too: "grade E13, salary fifty eight ...")
    if any(not _UNIT_NAMING.match(low, r.start()) for r in _RULE.finditer(low, max(0, start - 30), end)):
        return  # "mindestens zwölf Zeichen, eine Ziffer": a rule for passwords (not "die Ziffern 7 3 0")
    line = low[max(low.rfind("\n", 0, start) + 1, start - 50):start]
    if "[redacted: " in line:  # (screening's own words are no context: "[redacted: phone] ... two hundred thousand")
        line = REDACTION.sub(" ", line)
    if signs and context.within(_SECRET_CONTEXT, before, end):
        category = CREDENTIAL
    elif valued and len(strong) >= 3 and (context.within(_CONTEXT, before, end) or _PHONE_CONTEXT.search(line)):
        category = CREDENTIAL if context.within(_SECRET_CONTEXT, before, end) else PERSONAL
    elif len(strong) >= 6 and signs:
        category = CREDENTIAL
    else:
        return
    yield Finding("spoken.value", category, *_widen(low, text, start, end))


_NEXT_WORD = re.compile(r"[ \t,]{1,3}([^\W_][\w'’-]*)")
_PREVIOUS_WORD = re.compile(r"([^\W_][\w'’-]*)[ \t,]{1,3}$")


def _widen(low: str, text: str, start: int, end: int) -> tuple[int, int]:
    """The run with the capitalised words (or words with digits) that begin or end it: a
    password's own words ("Cinghiale ... Etna", "Hazel Nut 88 exclamation")."""
    widened = start
    for _ in range(3):  # (over a comma said aloud: "Cinghiale virgola trattino basso ...")
        m = _PREVIOUS_WORD.search(low, max(0, widened - 40), widened)
        if m is None or m.group(1) in _STOP:
            break
        if _STOP_WORD.fullmatch(m.group(1)):
            widened = m.start(1)
            continue
        if not _part_of_value(text[m.start(1):m.end(1)]):
            break
        start = widened = m.start(1)
    m = _NEXT_WORD.match(low, end)
    if m and _part_of_value(text[m.start(1):m.end(1)]) and m.group(1) not in _STOP:
        end = m.end(1)
    return start, end


def _part_of_value(word: str) -> bool:
    return word[:1].isupper() or any(c.isdigit() for c in word)
