"""What every detector shares: the finding, the text being screened, and the lexicon's patterns.

A detector is a function ``(Text) -> Iterable[Finding]``; it reads ``Text.text`` / ``Text.low``
(the normalised view, see ``normalise``), never the raw text, and reports spans in the view's
coordinates.

Speed: Python's ``re`` scans fast only for a pattern that starts with a literal; a pattern that
starts with a lookbehind, a class or an alternation of words is tried at every position. So a
detector first finds cheap anchors (the set of the text's words, computed once; a literal's
positions) and runs its precise pattern only in windows around them. ``Lexicon`` does this for
the keyword lists: it knows which words of its phrases are rare enough to anchor on.
"""

from __future__ import annotations

import bisect
import marshal
import os
import sys
import threading
from collections.abc import Callable, Iterable, Iterator
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import ClassVar

from generator.screening import lazy_re as re
from generator.screening.lexicon import COMMON_NUMBER_WORDS, DIGIT_WORDS, NUMBER_WORDS, STOPWORDS
from generator.screening.normalise import PART_BREAK, View, fold_char


@dataclass(frozen=True)
class Finding:
    rule: str  # e.g. "email.plain", "phone.labelled", "credential.password"
    category: str  # one of CATEGORIES
    start: int
    end: int


CATEGORIES: tuple[str, ...] = ("e-mail", "phone", "credential", "personal", "marker")
EMAIL, PHONE, CREDENTIAL, PERSONAL, MARKER = CATEGORIES

#: joins the texts of an output file's parts in the audit: no finding may span it
BOUNDARY = f"\n{PART_BREAK}\n"

#: bytes of a word: ASCII letters and digits, and every byte of a non-ASCII character
_WORD_BYTES = bytes(c if (97 <= c <= 122 or 48 <= c <= 57 or c >= 128) else 32 for c in range(256))
_UNICODE_WORD = re.compile(r"[^\W_]+")
_ANY_DIGIT = re.compile(r"\d")
_DIGITS_TO_ZERO = bytes.maketrans(b"123456789", b"000000000")
#: an ASCII character's kind (``Text.shapes``): every digit '0', every capital 'A', every small
#: letter 'a', the space, tab, line break and "-./()" as themselves, anything else 'x'
_SHAPE_BYTES = bytes(48 if 48 <= c <= 57 else 65 if 65 <= c <= 90 else 97 if 97 <= c <= 122
                     else c if c in b" \t\n-./()" else 120 for c in range(256))
_NONZERO = re.compile("[1-9]")
#: (the shared "00" stands first, so that the search skips to where two digits are)
_PUBLIC_NUMBER = r"00(?:00-00-00(?:T00:00(?::00)?)?(?![0-9-])|:00:00|00-0000-0000-000[0X](?![0-9]))"
_PUBLIC_NUMBERS = re.compile(_PUBLIC_NUMBER)
_PUBLIC_NUMBERS_BYTES = re.compile(_PUBLIC_NUMBER.encode())


class _FoldTable(dict):
    """Code point -> the character as ``fold`` spells it, filled in as characters are met
    (``str.translate`` with it folds at C speed: the lexicon's phrases are folded at import)."""

    def __missing__(self, code: int) -> str:
        char = chr(code)
        folded = self[code] = char if code < 128 else fold_char(char).lower()
        return folded


_FOLD_TABLE = _FoldTable()


def fold(text: str) -> str:
    """Lexicon text folded the way the view folds ticket text (lower case)."""
    return text if text.isascii() else text.translate(_FOLD_TABLE)


def folded_too(words: list[str]) -> frozenset[str]:
    """Words as written and as the view folds them (a word list compared with the view's words)."""
    return frozenset(words) | frozenset(fold(w) for w in words)

#: 'd' * n, made once: a public number in the digits copy is masked with it
_MASKS = tuple("d" * n for n in range(64))
_MASKS_BYTES = tuple(m.encode() for m in _MASKS)


def _masked(m: re.Match[str]) -> str:
    return _MASKS[m.end() - m.start()]


def _masked_bytes(m: re.Match[bytes]) -> bytes:
    return _MASKS_BYTES[m.end() - m.start()]


class WordClass:
    """The words of one kind (``test``), remembered: ticket text repeats its words, so each is
    judged once, and a text's words of the kind are a set intersection. The kinds share what they
    have seen, so a text's new words are looked for once for all of them. A kind given as a set
    of words (a lexicon's anchors) is judged by one intersection: a text's words are then looked up
    in its few members seen so far, not in the whole list (a large table is slow to probe). A
    text's words are intersected once with the members of every kind (``_hits``: the few words
    of a text that are of some kind); each kind then intersects these few, not all the words."""

    _kinds: ClassVar[list[WordClass]] = []
    _seen: ClassVar[set[bytes]] = set()
    #: every kind's members
    _any: ClassVar[set[bytes]] = set()
    #: the words whose new ones were judged last (every detector asks about the same text's words)
    _judged: ClassVar[frozenset[bytes]] = frozenset()
    #: those of them that are of some kind
    _hits: ClassVar[frozenset[bytes]] = frozenset()
    limit: ClassVar[int] = 20_000

    def __init__(self, test: Callable[[bytes], bool] | AbstractSet[bytes]) -> None:
        self._test = test
        self._members: set[bytes] = set()
        WordClass._kinds.append(self)
        WordClass._forget()  # the new kind has judged no word yet

    @staticmethod
    def _forget() -> None:
        WordClass._seen.clear()
        WordClass._any.clear()
        WordClass._judged = WordClass._hits = frozenset()
        for kind in WordClass._kinds:
            kind._members.clear()

    @staticmethod
    def _judge(words: frozenset[bytes]) -> None:
        new = words.difference(WordClass._seen)
        if new:
            if len(WordClass._seen) > WordClass.limit:
                WordClass._forget()
                new = words  # (all of them: the ones seen before were just forgotten)
            WordClass._seen.update(new)
            for kind in WordClass._kinds:
                test = kind._test
                found = new.intersection(test) if isinstance(test, AbstractSet) else [w for w in new if test(w)]
                kind._members.update(found)
                WordClass._any.update(found)
        WordClass._judged = words
        WordClass._hits = words.intersection(WordClass._any)

    def among(self, words: frozenset[bytes]) -> frozenset[bytes]:
        if words is not WordClass._judged:
            WordClass._judge(words)
        return WordClass._hits.intersection(self._members)


def odd_word(word: bytes) -> bool:
    """An ASCII word of three or more characters mixing letters and digits, or of 16 or more."""
    size = len(word)
    return size >= 3 and word.isascii() and (size >= 16 or not word.isalpha() and not word.isdigit())


class WordPhrases:
    """Phrases of a word list (``"day rate|salary|is paid"``), asked for by their words: a text
    holds one when it holds every word of it, in any order (a gate before a pattern: "day" of "day
    rate" alone is in most texts). ``skip`` are words too common to ask for ("is" of "is paid")."""

    def __init__(self, phrases: str, skip: tuple[str, ...] = ()) -> None:
        needs = {frozenset(fold(w).encode() for w in phrase.split() if w not in skip)
                 for phrase in re.split(r"[|\n]", phrases) if phrase.strip()}
        needs.discard(frozenset())
        self.single = frozenset(next(iter(n)) for n in needs if len(n) == 1)
        self.several = tuple(n for n in needs if len(n) > 1)
        self.first = frozenset(w for n in self.several for w in n)

    def among(self, words: frozenset[bytes]) -> bool:
        if not self.single.isdisjoint(words):
            return True
        return not self.first.isdisjoint(words) and any(n <= words for n in self.several)


class WordStarts:
    """Where a pattern of stems that begins a word ("(?<![\\w])(?:church service|fasten|...)") may
    match: at the text's words that begin with a stem's first word, judged once a word (a
    ``starts`` for ``Text.matches``: the pattern tried at every character of a long text cost a
    millisecond for the one word of a stem, "service" of "church service", that most texts hold)."""

    def __init__(self, stems: Iterable[str]) -> None:
        firsts = sorted({re.match(r"[^\W_]+", s).group() for s in stems}, key=len, reverse=True)  # type: ignore[union-attr]
        begins = re.compile(b"|".join(re.escape(f.encode()) for f in firsts))
        self._words = WordClass(lambda w: begins.match(w) is not None)

    def __call__(self, t: Text) -> Iterator[int]:
        for w in self._words.among(t.words):
            yield from t.positions(w.decode())


_ODD = WordClass(odd_word)

#: a word of digits with letters typed or read for some of them, O for 0 and l or I for 1 (a
#: phone's keyboard, a hurried writer, the OCR of a scanned form: "77OO", "l987"), as the view's
#: words are: most texts have none, and then no number is read again
LETTERED_WORDS = WordClass(lambda w: re.fullmatch(rb"(?=[0-9oil]*[0-9])(?=[0-9oil]*[oil])[0-9oil]+", w) is not None)
DIGITS_FOR_LETTERS = str.maketrans("OoIl", "0011")


class _once:
    """A property computed on first use and then kept in the instance (``functools.cached_property``
    without its lock, which costs more than most of what a detector does with a short text)."""

    def __init__(self, compute: Callable) -> None:
        self._compute = compute
        self._name = compute.__name__
        self.__doc__ = compute.__doc__

    def __get__(self, instance, owner=None):
        if instance is None:
            return self
        value = instance.__dict__[self._name] = self._compute(instance)
        return value


class Text:
    """One text being screened: its view, and what several detectors need, computed once."""

    def __init__(self, view: View) -> None:
        if _UNBUILT:
            _build_lexicons()
        self.view = view
        self.text = view.text
        self.low = view.low
        self.ascii = self.text.isascii()
        self._positions: dict[str, list[int]] = {}
        self._holds: dict[tuple[str, ...], bool] = {}
        self._matches: dict[re.Pattern[str], list[re.Match[str]]] = {}

    @_once
    def words(self) -> frozenset[bytes]:
        """The distinct lower-case words (UTF-8; split at everything but letters and digits)."""
        if self.ascii:
            return frozenset(self.low.encode("ascii").translate(_WORD_BYTES).split())
        return frozenset(w.encode() for w in _UNICODE_WORD.findall(self.low))

    @_once
    def odd_words(self) -> tuple[list[str], list[str]]:
        """(words mixing letters and digits or very long, words of 20+ characters): the words
        the token, key and id detectors look at."""
        mixed = [w.decode() for w in _ODD.among(self.words)]
        return mixed, [w for w in mixed if len(w) >= 20]

    @_once
    def anchors(self) -> frozenset[bytes]:
        """The words of the text that anchor a phrase of some lexicon (usually few: each
        lexicon then intersects its own anchors with these)."""
        return _ANCHORS.among(self.words)

    @_once
    def lexicon_anchors(self) -> dict[Lexicon, list[str]]:
        """Each lexicon with anchors in the text -> those anchors."""
        out: dict[Lexicon, list[str]] = {}
        for word in self.anchors:
            for lexicon, name in _LEXICONS_OF.get(word, ()):
                found = out.get(lexicon)
                if found is None:
                    out[lexicon] = [name]
                else:
                    found.append(name)
        return out

    @_once
    def has_digit(self) -> bool:
        if self.ascii:  # (every digit is '0' in ``digits``, which most texts make anyway: one memchr)
            return b"0" in self.digits  # type: ignore[operator]
        return _ANY_DIGIT.search(self.text) is not None

    @_once
    def joined_words(self) -> bytes:
        """The distinct words joined by spaces: one regular-expression search answers "does any
        word contain ...?" at C speed."""
        return b" ".join(self.words)

    @_once
    def digits(self) -> str | bytes:
        """The text with every digit turned into '0' (bytes if the text is ASCII): a digit run is
        then found by a search for a literal."""
        if self.ascii:
            return self.text.encode("ascii").translate(_DIGITS_TO_ZERO)
        return _NONZERO.sub("0", self.text)

    @_once
    def shapes(self) -> bytes | None:
        """An ASCII text's characters by kind (``_SHAPE_BYTES``: digits '0', capitals 'A', ...),
        None for other text: where a pattern of digits and capitals may begin is then found by
        ``bytes.find`` of the shapes it begins with (``shaped_matches``)."""
        return self.text.encode("ascii").translate(_SHAPE_BYTES) if self.ascii else None

    @_once
    def plain_digits(self) -> str | bytes:
        """``digits`` with the numbers that are public by their shape (ISO dates and times, ORCID
        iDs) masked as 'd': what the phone, code and card searches look at."""
        digits = self.digits
        if isinstance(digits, bytes):
            return _PUBLIC_NUMBERS_BYTES.sub(_masked_bytes, digits)
        return _PUBLIC_NUMBERS.sub(_masked, digits)

    @_once
    def line_starts(self) -> list[int]:
        starts = [0]
        find = self.text.find
        i = find("\n")
        while i >= 0:
            starts.append(i + 1)
            i = find("\n", i + 1)
        return starts

    def holds_any(self, literals: tuple[str, ...]) -> bool:
        """Does the lower-cased view hold one of the literals? (Remembered: lexicons that share
        an anchor often share its literals.) A piece all of them hold is looked for first: one
        read of the text, not one a literal, rules most texts out."""
        found = self._holds.get(literals)
        if found is None:
            low = self.low
            found = False
            shared = _SHARED_PIECE.get(literals)
            if shared is None:
                shared = _shared_piece_of(literals)
            if not shared or shared in low:
                for x in literals:  # (a loop: most tuples hold one or two literals, fewer than a generator costs)
                    if x in low:
                        found = True
                        break
            self._holds[literals] = found
        return found

    def matches(self, pattern: re.Pattern[str], starts: Callable[[Text], Iterable[int]] | None = None) -> list[re.Match[str]]:
        """Every match of ``pattern`` in the lower-cased view, as ``finditer`` gives them
        (remembered: several rules of a family read a text for the same pattern). ``starts``, if
        given, names every place a match may begin (a superset: the words that hold a stem): the
        pattern is then tried there only, not at every character of the text."""
        found = self._matches.get(pattern)
        if found is None:
            if starts is None:
                found = list(pattern.finditer(self.low))
            else:
                found, low, end, match = [], self.low, 0, pattern.match
                for p in sorted(set(starts(self))):
                    if p >= end:
                        m = match(low, p)
                        if m is not None:
                            found.append(m)
                            end = m.end() if m.end() > p else p + 1
            self._matches[pattern] = found
        return found

    def line_span(self, pos: int) -> tuple[int, int]:
        """[start, end) of the line holding ``pos`` (without its line break)."""
        k = bisect.bisect_right(self.line_starts, pos) - 1
        start = self.line_starts[k]
        end = self.text.find("\n", start)
        return start, len(self.text) if end < 0 else end

    def positions(self, literal: str) -> list[int]:
        """Every position of ``literal`` in the lower-cased view."""
        found = self._positions.get(literal)
        if found is None:
            found = []
            find = self.low.find
            i = find(literal)
            while i >= 0:
                found.append(i)
                i = find(literal, i + 1)
            self._positions[literal] = found
        return found

    def word_positions(self, word: str) -> list[int]:
        """Positions of ``word`` as a whole word (the way ``words`` splits)."""
        low, n, size = self.low, len(self.low), len(word)
        return [i for i in self.positions(word)
                if (i == 0 or not low[i - 1].isalnum()) and (i + size >= n or not low[i + size].isalnum())]


# --- the lexicon's patterns -------------------------------------------------------------------


def _alternatives(fragment: str) -> list[str]:
    """The top-level alternatives of a regular expression fragment."""
    out, depth, start, escaped, in_class = [], 0, 0, False, False
    for i, c in enumerate(fragment):
        if escaped:
            escaped = False
        elif c == "\\":
            escaped = True
        elif in_class:
            in_class = c != "]"
        elif c == "[":
            in_class = True
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif c == "|" and depth == 0:
            out.append(fragment[start:i])
            start = i + 1
    out.append(fragment[start:])
    out = [a for a in out if a]
    # (a phrase with an umlaut or 'ß' is written with 'ae', 'oe', 'ue', 'ss' too, on keyboards
    # without them: "nur fuer euch", "nicht veroeffentlichen", "Strasse")
    return out + [v for a in out if (v := a.translate(_UMLAUTS_SPELLED_OUT)) != a]


#: the number words said aloud (``DIGIT_WORDS`` and ``NUMBER_WORDS``), folded as the view folds them
SAID_NUMBERS = frozenset(fold(w) for ws in (*DIGIT_WORDS, *NUMBER_WORDS.values()) for w in ws.split())
#: ... those that are everyday words too (``COMMON_NUMBER_WORDS``)
COMMON_NUMBERS = frozenset(fold(w) for w in COMMON_NUMBER_WORDS.split())

#: what screening writes in place of a finding ("[redacted: credential]"): its own words, never a
#: finding, never the occurrence of a secret found elsewhere ("credential" read as a password after
#: 'passphrase "[redacted: credential]"' must not mark every other redaction), never a finding's context
REDACTION = re.compile(r"\[redacted: [a-z-]{1,20}\]")

_UMLAUTS_SPELLED_OUT = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue"})


def lex(*fragments: str) -> str:
    """Lexicon fragments as one alternation, folded the way the view folds text (lower case).
    Longer alternatives come first, so "internal use only" wins over "internal use"."""
    alternatives = {a for f in fragments for a in _alternatives(f)}
    return fold("|".join(sorted(alternatives, key=lambda a: (-len(a), a))))


def words(fragment: str) -> str:
    """``lex`` as whole words."""
    return rf"(?<![\w'-])(?:{lex(fragment)})(?![\w-])"


_WILD = "\x00"
_STOP = frozenset(STOPWORDS)


def expand(fragment: str, limit: int = 5000) -> list[str]:
    """The strings a lexicon fragment matches (``_WILD`` where it matches anything): lexicon
    fragments are finite but for a few classes and repetitions."""
    pos = 0

    def alternation() -> list[str]:
        nonlocal pos
        out = sequence()
        while pos < len(fragment) and fragment[pos] == "|":
            pos += 1
            out += sequence()
        return out[:limit]

    def sequence() -> list[str]:
        nonlocal pos
        out = [""]
        while pos < len(fragment) and fragment[pos] not in "|)":
            options = atom()
            if pos < len(fragment) and fragment[pos] in "?*+{":
                options = quantified(options)
            out = [a + b for a in out for b in options][:limit]
        return out

    def quantified(options: list[str]) -> list[str]:
        nonlocal pos
        q = fragment[pos]
        if q == "?":
            pos += 1
            options = options + [""]
        elif q in "*+":
            pos += 1
            options = [_WILD]
        else:
            end = fragment.index("}", pos)
            low, _, high = fragment[pos + 1:end].partition(",")
            pos = end + 1
            lo = int(low or 0)
            hi = lo if not _ else int(high) if high else None
            if hi is None or hi > 3:
                options = [_WILD]
            else:
                reps, out = [""], []
                for k in range(hi + 1):
                    if k >= lo:
                        out += reps
                    reps = [r + o for r in reps for o in options][:limit]
                options = out
        if pos < len(fragment) and fragment[pos] == "?":
            pos += 1  # lazy
        return options

    def atom() -> list[str]:
        nonlocal pos
        c = fragment[pos]
        if c == "(":
            pos += 1
            if fragment.startswith("?:", pos):
                pos += 2
            elif fragment.startswith("?", pos):  # a lookaround matches nothing to list
                depth = 1
                while depth:
                    pos += 1
                    depth += {"(": 1, ")": -1}.get(fragment[pos], 0)
                pos += 1
                return [""]
            inner = alternation()
            pos += 1
            return inner
        if c == "[":
            end = fragment.index("]", pos + 2)
            body = fragment[pos + 1:end]
            pos = end + 1
            if body.startswith("^") or "\\" in body or len(body) > 12:
                return [_WILD]
            chars, i = [], 0
            while i < len(body):
                if i + 2 < len(body) and body[i + 1] == "-":
                    chars += [chr(x) for x in range(ord(body[i]), ord(body[i + 2]) + 1)]
                    i += 3
                else:
                    chars.append(body[i])
                    i += 1
            return chars
        if c == "\\":
            escaped = fragment[pos + 1]
            pos += 2
            if escaped in "bB":
                return [""]
            return [_WILD] if escaped in "wWsSdD" else [escaped]
        pos += 1
        if c == ".":
            return [_WILD]
        return [""] if c in "^$" else [c]

    return alternation()


_WORD_SPLIT = re.compile(rf"[^a-z0-9\u0080-\U0010ffff{_WILD}]+")
#: words too common in tickets to anchor a phrase on if the phrase has a rarer one
_COMMON = frozenset(
    "case ticket page public published under pre data user access site service share shared post put copy "
    "include add mention show place upload keep made yet between eyes need know record website minutes "
    "team group information use used only internal restricted private personal secret sensitive key code "
    "pin pass set new now one here go change changed reset limited distribution email mail send sent".split()
)


def _anchor(phrase: str) -> str | None:
    """The word of a phrase to look for first: a rare one (not a function word, not a common
    ticket word), else the longest."""
    words = tuple(w for w in _WORD_SPLIT.split(fold(phrase)) if w and _WILD not in w)
    if not words:
        return None
    anchor = _ANCHOR_OF.get(words)
    if anchor is None:
        anchor = _ANCHOR_OF[words] = _rarest(words)
    return anchor


#: words of a phrase -> their anchor (a lexicon's spellings of one phrase mostly differ in what
#: they do not anchor on: the words a wildcard stands for, an optional article)
_ANCHOR_OF: dict[tuple[str, ...], str] = {}


def _rarest(words: tuple[str, ...]) -> str:
    for pool in ([w for w in words if w not in _STOP and w not in _COMMON], [w for w in words if w not in _STOP]):
        if pool:
            return max(pool, key=len)
    return max(words, key=len)


def literal_phrases(*fragments: str) -> list[str]:
    """The strings the fragments match, those of them that are finite (no class or repetition
    left in them)."""
    return [p for f in fragments for p in expand(f) if _WILD not in p]


def anchor_words(*fragments: str) -> frozenset[bytes]:
    """The anchor (``_anchor``) of every phrase a fragment matches: finding one of them is the
    cheap first step of finding the phrase."""
    return frozenset(a.encode() for f in fragments for phrase in expand(f) if (a := _anchor(phrase)))


#: the anchors of every lexicon: a text's words are intersected with them once
_ALL_ANCHORS: set[bytes] = set()
#: anchor -> the lexicons it anchors, with its name: a text's anchors are sorted out to their
#: lexicons once, instead of each lexicon intersecting them again
_LEXICONS_OF: dict[bytes, list[tuple[Lexicon, str]]] = {}
_NONE: list[str] = []
_ANCHORS = WordClass(_ALL_ANCHORS)


def register_anchors(words: frozenset[bytes]) -> frozenset[bytes]:
    """Words a detector anchors on outside any ``Lexicon``: ``Text.anchors`` then holds those of a
    text, so the detector intersects a few words instead of all of them."""
    _ALL_ANCHORS.update(words)
    WordClass._forget()  # (words judged before may be anchors now)
    return words


_EXPANSIONS = 50000
_LITERALS = 48


def _least(literals: set[str], anchor: str = "") -> tuple[str, ...]:
    """The literals that hold none of the others: a text holds one of these exactly when it holds
    one of all (a literal that holds another is found only where that one is). The anchor (in the
    text whenever they are asked about) is remembered for ``_shared_piece_of``."""
    least = tuple(sorted(x for x in literals if not any(y != x and y in x for y in literals)))
    if len(least) >= 2:
        _ANCHOR_OF_LITERALS.setdefault(least, anchor)
    return least


def _shared_piece_of(literals: tuple[str, ...]) -> str:
    """``_SHARED_PIECE`` of the literals, made when first asked (made for every lexicon's anchors
    when the first text is screened, the pieces cost more than all the rest of the tables)."""
    piece = _SHARED_PIECE[literals] = _shared_piece(literals, _ANCHOR_OF_LITERALS.get(literals, "")) \
        if len(literals) >= 2 else ""
    return piece


def _shared_piece(literals: tuple[str, ...], anchor: str) -> str:
    """The longest string every literal holds that says more than the anchor (' vo admin' of 'for
    the vo administrators' and 'for vo admins'; the first of that length in the shortest literal),
    or ''."""
    shortest = min(literals, key=len)
    for size in range(len(shortest), 0, -1):
        for i in range(len(shortest) - size + 1):
            piece = shortest[i:i + size]
            if _telling(piece, anchor) and all(piece in x for x in literals):
                return piece
    return ""


def _telling(piece: str, anchor: str) -> bool:
    """Does finding ``piece`` say more than finding the anchor (which is in the text)? Four
    characters of which no three are of the anchor (' porta' says 'portal'), or the anchor and
    three more ('egi team ' for 'egi')."""
    if anchor in piece:
        return len(piece) >= len(anchor) + 3
    return len(piece) >= 4 and not any(piece[i:i + 3] in anchor for i in range(len(piece) - 2))


def _cover(literals: tuple[str, ...], anchor: str) -> tuple[str, ...]:
    """A few pieces, each saying more than the anchor, such that every literal holds one of them
    ('do not ' for 'do not add', 'do not post', ...; 'the ticket' for 'in the ticket', 'on the
    ticket', ...): a text that holds none of them holds no literal. Picked greedily: for the first
    literal not yet covered, its piece of six or more characters that most of the others not yet
    covered hold (the longest of those). () if no such pieces are fewer than half the literals."""
    left = sorted(literals)
    pieces: list[str] = []
    while left:
        first = left[0]
        best, held = "", [first]
        for size in range(min(len(first), 16), min(len(first), 6) - 1, -1):  # (six or more: "not " is everywhere)
            for i in range(len(first) - size + 1):
                piece = first[i:i + size]
                if _telling(piece, anchor):
                    holding = [x for x in left if piece in x]
                    if len(holding) > len(held) or not best:
                        best, held = piece, holding
        if not best:
            return ()
        pieces.append(best)
        left = [x for x in left if x not in held]
    return tuple(pieces) if 2 * len(pieces) <= len(literals) else ()


def _needed_pieces(alternatives: Iterable[str], anchor: str) -> tuple[str, ...] | None:
    """For an anchor whose phrases have too many spellings to list their literals: of each
    phrase (a regular expression), the longest run of plain characters outside its groups, which
    every match holds ("keep (?:this|it) ... between (?:us|our teams|...)" holds " between "). A
    text that holds none of them holds none of the phrases. None when a phrase has no such run
    that says more than the anchor (which is in the text whenever it is asked about)."""
    from re import _constants, _parser  # type: ignore[attr-defined]

    pieces = set()
    for alternative in alternatives:
        try:
            parsed = _parser.parse(fold(alternative))
        except (_constants.error, RecursionError):
            return None
        runs, run = [], []
        for op, value in parsed:
            if op is _constants.LITERAL:
                run.append(chr(value))
            else:
                runs.append("".join(run))
                run = []
        runs.append("".join(run))
        longest = max(runs, key=len)
        if not _telling(longest, anchor):
            return None
        pieces.add(longest)
    return _least(pieces, anchor) if pieces else None


#: (literals, anchor) -> their ``_cover``, made when first asked
_COVERS: dict[tuple[tuple[str, ...], str], tuple[str, ...]] = {}


#: literals -> a piece all of them hold ('' if none says more than their anchor): a text that
#: lacks it holds none of them (one read of the text, not one a literal: "for the vo
#: administrators", "for vo admins", ... share " vo admin")
_SHARED_PIECE: dict[tuple[str, ...], str] = {}
#: literals -> the anchor they were listed for (the first, if several anchors list the same)
_ANCHOR_OF_LITERALS: dict[tuple[str, ...], str] = {}


class Lexicon:
    """A list of phrases: where in a text they may be (their anchors), and the pattern to run
    there. Each anchor gets the pattern of only the phrases it anchors, so a common anchor costs
    a few small matches, not the whole list."""

    def __init__(self, *fragments: str, template: str = r"(?<![\w-])(?<!\w')(?:{body})(?![\w-])") -> None:
        """``template``: the regular expression around the phrases (``{body}``, their alternation),
        if not the phrases as whole words (a quote may open one, an elision's apostrophe may not). The anchor tables are made when the first text is
        screened (``_build_lexicons``): a process that imports the detectors and screens nothing
        (a site shard, a publishing step) does not pay for listing every spelling."""
        self.template = template
        self._fragments = fragments
        on_first_text(self._build)

    def __getattr__(self, name: str):
        """(Only asked for an attribute the instance lacks: the tables, before they are made.)"""
        if name.startswith("__") or not _UNBUILT:
            raise AttributeError(name)
        _build_lexicons()
        return getattr(self, name)

    def _build(self) -> None:
        if "anchors" in self.__dict__:
            return
        key = (self.template, self._fragments)
        kept = _TABLES.get(key)
        if kept is not None:  # (made by an earlier run: ``load_tables``)
            by_anchor = {a: set(alts) for a, alts in kept[0].items()}
            self._literals = dict(kept[1])
            self._needs: dict[str, tuple[str, ...]] = dict(kept[2])
            for a, least in self._needs.items():
                if len(least) >= 2:
                    _ANCHOR_OF_LITERALS.setdefault(least, a)
            for a, least in self._literals.items():
                if len(least) >= 2:
                    _ANCHOR_OF_LITERALS.setdefault(least, a)
        else:
            by_anchor, self._literals = self._make_tables()
            self._needs = {a: need for a, alts in by_anchor.items() if a not in self._literals
                           for need in [_needed_pieces(alts, a)] if need}
            _TABLES[key] = ({a: tuple(sorted(alts)) for a, alts in by_anchor.items()}, self._literals, self._needs)
            _NEW_TABLES.add(key)
        self._alternatives = by_anchor
        self._patterns: dict[str, re.Pattern[str]] = {}
        self.anchors = frozenset(a.encode() for a in by_anchor)
        _ALL_ANCHORS.update(self.anchors)
        for a in by_anchor:
            _LEXICONS_OF.setdefault(a.encode(), []).append((self, a))

    def _make_tables(self) -> tuple[dict[str, set[str]], dict[str, tuple[str, ...]]]:
        by_anchor: dict[str, set[str]] = {}
        literals: dict[str, set[str]] = {}
        for fragment in self._fragments:
            for alternative in _alternatives(fragment):
                phrases = expand(alternative, _EXPANSIONS)
                if len(phrases) >= _EXPANSIONS:
                    raise ValueError(f"a lexicon phrase with too many spellings to list: {alternative[:60]!r}")
                for phrase in phrases:
                    anchor = _anchor(phrase)
                    if anchor:
                        by_anchor.setdefault(anchor, set()).add(alternative)
                        literals.setdefault(anchor, set()).add(fold(max(phrase.split(_WILD), key=len)))
        #: anchor -> strings one of which every phrase it anchors holds (a cheap test before the
        #: pattern), where that says more than the anchor itself
        return by_anchor, {a: _least(ls, a) for a, ls in literals.items()
                           if len(ls) <= _LITERALS and all(len(x) > len(a) for x in ls)}

    @_once
    def pattern(self) -> re.Pattern[str]:
        """All the phrases in one pattern (compiled on first use: most lexicons only ever search
        around their anchors, with the patterns of ``_for``)."""
        return re.compile(self.template.replace("{body}", lex(*self._fragments)), declared=True)

    def present(self, t: Text) -> list[str]:
        """The anchors of this lexicon in the text."""
        return t.lexicon_anchors.get(self, _NONE)

    def _for(self, anchor: str) -> re.Pattern[str]:
        pattern = self._patterns.get(anchor)
        if pattern is None:
            body = lex(*self._alternatives[anchor])
            pattern = self._patterns[anchor] = re.compile(self.template.replace("{body}", body), declared=True)
        return pattern

    def phrase_at(self, low: str, anchor: str, pos: int, before: int = 40, after: int = 60) -> re.Match[str] | None:
        """The phrase around ``pos``, where ``anchor`` (one of ``present``) was found: it may be
        any word of the phrase ("fiscale" of "codice fiscale"), so the phrase is looked for from a
        little before it, with the pattern of the anchor's phrases only (the whole list tried at
        every character of the window cost a second of the audit at 1,000 cases)."""
        for m in self._for(anchor).finditer(low, max(0, pos - before), min(len(low), pos + after)):
            if m.start() <= pos < m.end():
                return m
        return None

    def windows(self, t: Text, before: int, after: int) -> list[tuple[int, int]]:
        hits = [p for w in self.present(t) for p in t.word_positions(w)]
        return windows_around(hits, before, after, len(t.text))

    def finditer(self, t: Text, before: int = 80, after: int = 80):
        """Matches in the lower-cased view, looked for around the anchors only (those whose
        phrases' literals the text holds: a common anchor's phrases seldom are there, and then
        no search is set up at all). An anchor with many literals has them looked for in its
        windows only, as a match lies in one ("ticket" anchors twenty phrases, "do not post",
        ...: twenty reads of the whole text cost more than its few windows), once the text is
        known to hold a piece of one (``_cover``: a few reads of the text, not twenty reads of
        each window, rule most texts out)."""
        present = t.lexicon_anchors.get(self)
        if not present:
            return ()
        literals = self._literals
        viable: list[tuple[str, list[tuple[int, int]] | None]] = []
        for a in present:
            x = literals.get(a)
            if not x:
                need = self._needs.get(a)
                if need is None or t.holds_any(need):
                    viable.append((a, None))
            elif len(x) <= _FEW_LITERALS:
                if t.holds_any(x):
                    viable.append((a, None))
            else:
                cover = _COVERS.get((x, a))
                if cover is None:
                    cover = _COVERS[x, a] = _cover(x, a)
                if cover and not t.holds_any(cover):
                    continue  # (the text holds no piece of the cover, so none of the literals)
                low = t.low
                shared = _SHARED_PIECE.get(x)
                if shared is None:
                    shared = _shared_piece_of(x)
                windows = [(lo, hi) for lo, hi in windows_around(t.word_positions(a), before, after, len(low))
                           if (not shared or low.find(shared, lo, hi) >= 0) and _holds_within(low[lo:hi], x)]
                if windows:
                    viable.append((a, windows))
        if not viable:
            return ()
        # (in the text's order, whatever the order of the anchors' set, which the hash seed of
        # strings sets: a caller that scans on from a match must see the same matches each run)
        return sorted(self._finditer(t, viable, before, after), key=_in_text_order)

    def _finditer(self, t: Text, anchors: list[tuple[str, list[tuple[int, int]] | None]], before: int, after: int):
        seen: set[tuple[int, int]] = set()
        n = len(t.low)
        for anchor, windows in anchors:
            pattern = self._for(anchor)
            for lo, hi in windows_around(t.word_positions(anchor), before, after, n) if windows is None else windows:
                for m in pattern.finditer(t.low, lo, hi):
                    if m.span() not in seen:
                        seen.add(m.span())
                        yield m


def _in_text_order(m: re.Match[str]) -> tuple[int, int]:
    return m.start(), -m.end()


#: an anchor with more literals than this has them looked for in its windows, not in the whole text
_FEW_LITERALS = 8


def _holds_within(window: str, literals: tuple[str, ...]) -> bool:
    for x in literals:  # noqa: SIM110  (a loop: cheaper than a generator)
        if x in window:
            return True
    return False


#: what is made when the first text is screened, not at import, in the order it was declared: the
#: lexicons' tables, and the word sets a detector gives to ``on_first_text``
_UNBUILT: list[Callable[[], None]] = []
_BUILDING = threading.RLock()  # (re-entered if a table's making looked at another lexicon)


#: each lexicon's tables by (template, fragments): made here, or read from a file an earlier run
#: wrote (``load_tables``, ``save_tables``); those made in this process are to be written. The
#: tables: anchor -> its phrases, anchor -> its literals, anchor -> its needed pieces
_Tables = tuple[dict[str, tuple[str, ...]], dict[str, tuple[str, ...]], dict[str, tuple[str, ...]]]
_TABLES: dict[tuple[str, tuple[str, ...]], _Tables] = {}
_NEW_TABLES: set[tuple[str, tuple[str, ...]]] = set()


@cache
def _tables_stamp() -> str:
    """What the tables are made by: this module's and the lexicon's source (a table is a pure
    function of a lexicon's phrases and of this code), and the Unicode data that folds them."""
    import hashlib
    import unicodedata

    from generator.screening import lexicon, normalise

    digest = hashlib.sha256(unicodedata.unidata_version.encode())
    for module in (sys.modules[__name__], lexicon, normalise):
        digest.update(Path(module.__file__ or "").read_bytes())
    return digest.hexdigest()


def load_tables(path: Path) -> int:
    """Reads the tables ``save_tables`` wrote, if this code made them (else nothing is read);
    returns how many lexicons' tables were read."""
    try:
        stamp, tables = marshal.loads(path.read_bytes())
    except (OSError, ValueError, EOFError, TypeError):
        return 0
    if stamp != _tables_stamp() or not isinstance(tables, dict):
        return 0
    for key, value in tables.items():
        _TABLES.setdefault(key, value)
    return len(tables)


def save_tables(path: Path) -> bool:
    """Writes every lexicon's tables when this process made some (written whole, then renamed)."""
    if not _NEW_TABLES:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    part = path.with_name(f"{path.name}.{os.getpid()}.part")
    part.write_bytes(marshal.dumps((_tables_stamp(), dict(_TABLES))))
    os.replace(part, path)
    _NEW_TABLES.clear()
    return True


def on_first_text(make: Callable[[], None]) -> Callable[[], None]:
    """Has ``make`` (which fills a detector's tables) run when the first text is screened: a
    process that imports the detectors and screens nothing does not pay for it."""
    _UNBUILT.append(make)
    return make


def make_tables() -> None:
    """Makes the tables now, if they are not made yet, and compiles every pattern (``lazy_re``):
    before forking processes that screen (each would otherwise make its own)."""
    if _UNBUILT:
        _build_lexicons()
    re.compile_all()


def _build_lexicons() -> None:
    """Makes every table declared so far (the first text screened asks)."""
    re.seal()  # (the modules are imported: a pattern made from now on is a text's, unless declared)
    with _BUILDING:
        for make in _UNBUILT:
            make()
        _UNBUILT.clear()  # (after all are made: another thread that saw them unmade waits above)
        _ANCHOR_OF.clear()  # (only the making of tables asks it)
        WordClass._forget()  # (words judged before may be anchors or members now)


def finditer(pattern: re.Pattern[str], text: str, windows: list[tuple[int, int]] | None = None):
    """Matches of ``pattern`` in ``text``, or only in the given windows."""
    if windows is None:
        yield from pattern.finditer(text)
        return
    for lo, hi in windows:
        yield from pattern.finditer(text, lo, hi)


def starts_from(pattern: re.Pattern, prefix: str | bytes, text: str | bytes) -> list[int]:
    """Where the matches of ``pattern.finditer(text)`` start, for a pattern without lookbehind
    whose every match begins with ``prefix``: the search begins where the prefix first stands,
    found by ``find`` (much faster than the pattern's own search), or does not begin at all. A
    pattern that is its prefix alone (a literal: the callers' hold no sign of a regular
    expression) is found by ``find`` only, match after match."""
    i = text.find(prefix)  # type: ignore[arg-type]
    if i < 0:
        return []
    if pattern.pattern != prefix:
        return [m.start() for m in pattern.finditer(text, i)]
    starts, size = [], len(prefix)
    while i >= 0:
        starts.append(i)
        i = text.find(prefix, i + size)  # type: ignore[arg-type]
    return starts


def shaped_matches(pattern: re.Pattern[bytes], begins: tuple[bytes, ...], text: bytes, shapes: bytes) -> list[re.Match[bytes]]:
    """``list(pattern.finditer(text))`` for a pattern each match of which begins, in the text's
    ``shapes``, with one of ``begins``: the pattern is tried only where one of them stands (found
    by ``bytes.find``), in order, from the end of the last match on, as ``finditer`` tries it (a
    search led by "00" in the digits copy tries the pattern at every pair of digits)."""
    starts = set()
    for begin in begins:
        i = shapes.find(begin)
        while i >= 0:
            starts.add(i)
            i = shapes.find(begin, i + 1)
    out: list[re.Match[bytes]] = []
    end, match = 0, pattern.match
    for p in sorted(starts):
        if p >= end:
            m = match(text, p)
            if m:
                out.append(m)
                end = m.end()
    return out


def holds_one(text: str | bytes, literals: tuple[str, ...]) -> bool:
    """Does ``text`` (a str, or the ASCII bytes of a digits copy) hold one of the literals? A
    search by ``find`` for what every match of a digit pattern holds, before the pattern: in a
    digits copy every digit is '0', and a pattern led by "00" is tried at every pair of digits."""
    if isinstance(text, bytes):
        encoded = _ENCODED.get(literals)
        if encoded is None:
            encoded = _ENCODED[literals] = tuple(x.encode() for x in literals)
        for x in encoded:  # noqa: SIM110  (a loop: cheaper than a generator for two or three literals)
            if text.find(x) >= 0:
                return True
        return False
    for y in literals:  # noqa: SIM110  (as above)
        if y in text:
            return True
    return False


_ENCODED: dict[tuple[str, ...], tuple[bytes, ...]] = {}


def windows_around(positions: list[int], before: int, after: int, n: int) -> list[tuple[int, int]]:
    """Merged windows [p - before, p + after) around positions."""
    if len(positions) <= 1:  # (most anchors stand once in a text: no sorting, no loop)
        return [(max(0, positions[0] - before), min(n, positions[0] + after))] if positions else []
    positions = sorted(positions)
    merged: list[tuple[int, int]] = []
    lo, hi = max(0, positions[0] - before), min(n, positions[0] + after)
    for p in positions[1:]:
        s, e = max(0, p - before), min(n, p + after)
        if s <= hi:
            hi = max(hi, e)
        else:
            merged.append((lo, hi))
            lo, hi = s, e
    merged.append((lo, hi))
    return merged
