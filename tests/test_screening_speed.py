"""The screening's shortcuts find what the plain way finds: each fast path (a search by
``str.find`` instead of a character class, a pattern cut down to what can match, a memory of
judged words, a lexicon's literal pre-test, an index from anchors to lexicons) is checked
against the straightforward code it replaces, on random text and on the corpora.
(``python -m bench.same_findings`` compares two versions' findings on the benchmark text.)
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.screening.detectors import base, email, tokens
from generator.screening.detectors.base import Lexicon, Text, WordClass, _cover, _least, _shared_piece, odd_word
from generator.screening.lexicon import AT_WORDS
from generator.screening.normalise import _LAYOUT, View, _layout_pattern, _replacement, _rewrite, normalise

BOUNDED = settings(max_examples=200, deadline=None, derandomize=True)
CORPORA = [Path(__file__).parent / name for name in ("screening_corpus", "screening_blind")]


def corpus_texts() -> list[str]:
    return [json.loads(line)["text"] for folder in CORPORA for name in ("planted.jsonl", "benign.jsonl")
            for line in (folder / name).read_text(encoding="utf-8").splitlines() if line.strip()]


#: text made of what the shortcuts look at: brackets, '@' words, symbols, layout signs, digits
_PIECES = st.sampled_from([
    "a", "b", "Z", "x1", "at", "ät", "arroba", "dot", "(", ")", "[", "]", "{", "<", ">", "!", "#", "$", "%",
    "^", "&", "*", "?", "~", "|", "_", "`", "=", "\n", "\n>", "\n >", " ", "  ", "\t", "\x0b", "\x0c", "-", ".",
    "0", "7", "42", "2024-05-01", "12:30:00", "0000-0002-1825-0097", "ab", "Pass", "w0rd",
])
texts = st.lists(_PIECES, max_size=40).map("".join)


@BOUNDED
@given(texts)
def test_bracketed_at_words_are_found_where_the_search_finds_them(text):
    low = text.lower()
    assert email._bracketed_at(low) == [m.start() for m in email._BRACKETED_AT.finditer(low)]


def test_no_spelled_at_holds_a_bracket():
    """``_bracketed_at`` tries each opening bracket: right only while no spelling holds one."""
    assert not set("[({<") & set(AT_WORDS)


def _candidates_by_class_search(t: Text) -> list[tuple[int, int]]:
    """``tokens._candidates`` as it was: the password symbols found by a character-class search."""
    text = t.text
    starts = [p for w in t.odd_words[0] for p in t.positions(w)]
    for m in re.finditer(r"[!#$%^&*?~|]", text):
        i = m.start()
        if 0 < i < len(text) - 1 and text[i - 1].isalnum() and text[i + 1].isalnum():
            starts.append(i)
    n, backwards, spans = len(text), text[::-1], set()
    for p in starts:
        start = n - tokens._TOKEN_REST.match(backwards, n - p, n - max(0, p - 300)).end()
        spans.add((start, tokens._TOKEN_REST.match(text, p).end()))
    return sorted(spans)


@BOUNDED
@given(texts)
def test_token_candidates_are_those_of_the_class_search(text):
    view = normalise(text)
    assert tokens._candidates(Text(view)) == _candidates_by_class_search(Text(view))


@BOUNDED
@given(texts)
def test_the_quote_mark_pattern_rewrites_as_the_whole_layout_pattern(text):
    pattern = _layout_pattern(text)
    whole, whole_map = _rewrite(text, _LAYOUT, _replacement)
    if pattern is None:
        assert whole_map is None
    else:
        assert _rewrite(text, pattern, _replacement) == (whole, whole_map)


@BOUNDED
@given(st.lists(st.sampled_from(["1", "23", "456", "7890", "12345", " ", "-", "A", "B", "Z", "a", "x", ".", "\n", "é"]),
                max_size=40).map("".join))
def test_a_postcode_is_tried_where_its_shape_begins_and_found_as_by_the_search(text):
    from generator.screening.detectors.personal import _POSTCODE_ANCHOR, _POSTCODE_ANCHOR_BYTES, _POSTCODE_BEGINS

    t = Text(View(text, text, text.lower()))
    searched = [m.span() for m in _POSTCODE_ANCHOR.finditer(base._NONZERO.sub("0", text))]
    if t.shapes is None:
        assert not text.isascii()
        return
    shaped = base.shaped_matches(_POSTCODE_ANCHOR_BYTES, _POSTCODE_BEGINS, t.digits, t.shapes)  # type: ignore[arg-type]
    assert [m.span() for m in shaped] == searched


@BOUNDED
@given(st.lists(st.sampled_from(["0", "00", "000", "0000", "-", ":", "T", "X", "d", " "]), max_size=30).map("".join))
def test_public_numbers_are_masked_as_by_the_plain_alternation(digits):
    plain = re.compile(r"0000-00-00(?:T00:00(?::00)?)?(?![0-9-])|00:00:00|0000-0000-0000-000[0X](?![0-9])")
    assert base._PUBLIC_NUMBERS.sub(base._masked, digits) == plain.sub(lambda m: "d" * len(m.group()), digits)


@BOUNDED
@given(st.sets(st.text("abc e", min_size=1, max_size=5), min_size=1, max_size=6), st.text("abc e", max_size=30))
def test_a_lexicons_least_literals_are_found_exactly_when_all_are(literals, text):
    assert any(x in text for x in _least(literals)) == any(x in text for x in literals)


@BOUNDED
@given(st.sets(st.text("abc e", min_size=1, max_size=8), min_size=2, max_size=6), st.text("abc e", max_size=4),
       st.text("abc e", max_size=40))
def test_a_text_holds_a_lexicons_literals_as_told_by_the_piece_they_share(literals, anchor, text):
    least = tuple(sorted(literals))
    piece = _shared_piece(least, anchor)
    assert all(piece in x for x in least)
    assert not piece or piece not in anchor and len(piece) >= 3  # (it says more than the anchor)
    least = _least(literals, anchor)  # (remembers the piece its literals share, which holds_any reads first)
    assert Text(View(text, text, text)).holds_any(least) == any(x in text for x in least)


@BOUNDED
@given(st.sets(st.text("abcde ", min_size=1, max_size=14), min_size=2, max_size=24), st.text("abc", max_size=4))
def test_every_literal_holds_a_piece_of_the_cover_its_windows_are_ruled_out_by(literals, anchor):
    least = tuple(sorted(literals))
    cover = _cover(least, anchor)
    assert all(any(piece in x for piece in cover) for x in least) or not cover
    assert not cover or 2 * len(cover) <= len(least)
    assert all(piece not in anchor for piece in cover)


def test_the_cover_of_a_common_anchors_phrases_is_a_few_telling_pieces():
    literals = ("do not add", "do not post", "in the ticket", "on the ticket", "into this ticket", "in this ticket")
    assert _cover(literals, "ticket") == ("do not ", "n the ticket", " this ticket")
    assert _cover(("in the ticket", "on this ticket"), "ticket") == ()  # (no fewer pieces than literals)


@settings(max_examples=100, deadline=None, derandomize=True)
@given(st.lists(st.frozensets(st.sampled_from([b"ab1", b"x", b"pass", b"h2020", b"zz9", b"the", b"ce01",
                                                  b"secretkey", b"a" * 16, b"0123", b"q7q", b"token", b"password",
                                                  b"confidental", b"vertaulich", b"c0nf1dent1al", b"1nternal",
                                                  b"2024", b"internalonly", b"ghp", b"apikey"]), max_size=8),
                min_size=1, max_size=12))
def test_a_word_class_finds_every_member_even_when_its_memory_overflows(texts_words):
    from generator.screening.detectors.markers import (
        _LEET,
        _LEET_KIND,
        _LEET_WORDS,
        _RUN_TOGETHER,
        _RUN_TOGETHER_KIND,
        _TYPO_WORDS,
        _TYPOS,
    )
    from generator.screening.detectors.secrets import _KEY_KIND, _KEY_WORDS, _STEMMED, _holds_stem
    from generator.screening.detectors.tokens import _VENDOR_KIND, _VENDOR_WORDS

    Text(normalise("x"))  # (the first text makes the tables: the typos are listed then)
    assert _TYPO_WORDS and _LEET_WORDS and b"internalonly" in _RUN_TOGETHER
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(WordClass, "limit", 8)  # (overflows every few texts)
        WordClass._forget()
        try:
            for words in texts_words:
                assert base._ODD.among(words) == {w for w in words if odd_word(w)}
                assert _STEMMED.among(words) == {w for w in words if _holds_stem(w)}
                assert base._ANCHORS.among(words) == words & base._ALL_ANCHORS  # (kinds given as a set)
                assert _TYPOS.among(words) == words & _TYPO_WORDS
                assert _RUN_TOGETHER_KIND.among(words) == words & _RUN_TOGETHER
                assert _KEY_KIND.among(words) == words & _KEY_WORDS
                assert _VENDOR_KIND.among(words) == words & _VENDOR_WORDS
                assert _LEET_KIND.among(words) == {  # (the words read with digits as letters, one by one)
                    w for w in words if len(w) >= 6 and any(48 <= c <= 57 for c in w) and not w.isdigit()
                    and any(w.decode().translate(table).encode() in _LEET_WORDS for table in _LEET)}
        finally:
            WordClass._forget()


def test_each_lexicon_is_given_the_anchors_it_shares_with_the_text():
    lexicons = [obj for module in (base, email, tokens) for obj in vars(module).values() if isinstance(obj, Lexicon)]
    from generator.screening.detectors import markers, personal, phone, secrets

    lexicons += [obj for module in (markers, personal, phone, secrets) for obj in vars(module).values()
                 if isinstance(obj, Lexicon)]
    assert len(lexicons) >= 15
    for text in corpus_texts():
        t = Text(normalise(text))
        for lexicon in lexicons:
            assert sorted(lexicon.present(t)) == sorted(w.decode() for w in lexicon.anchors & t.words)


@BOUNDED
@given(st.lists(st.sampled_from(["0", "00", "000", "0000", " ", ".", "-", "/", "+", "A", "B", "X", "a", "\n"]),
                max_size=40).map("".join))
def test_a_search_begun_at_its_prefix_finds_what_the_whole_search_finds(digits):
    from generator.screening.detectors import personal

    for pattern, prefix in personal._DIGIT_RUNS + personal._NINO_DIGITS:
        assert base.starts_from(pattern, prefix, digits) == [m.start() for m in pattern.finditer(digits)]
    for pattern, prefix in personal._DIGIT_RUNS_BYTES + personal._NINO_DIGITS_BYTES:
        raw = digits.encode()
        assert base.starts_from(pattern, prefix, raw) == [m.start() for m in pattern.finditer(raw)]


@BOUNDED
@given(st.lists(st.sampled_from(["0", "00", "000", " ", "  ", ".", "-", "/", "(", ")", "\n", "\t", "a", "d", "+"]),
                max_size=40).map("".join))
def test_the_possessive_digit_run_search_finds_what_the_plain_one_finds(digits):
    from generator.screening.detectors import phone

    plain = re.compile(r"0(?:[ \t\n./()-]{0,3}0){6,}")
    assert [m.span() for m in phone._RUNS.finditer(digits)] == [m.span() for m in plain.finditer(digits)]
    raw = digits.encode()
    assert [m.span() for m in phone._RUNS_BYTES.finditer(raw)] == [m.span() for m in plain.finditer(digits)]


def _pick(*options: str) -> st.SearchStrategy[str]:
    return st.sampled_from(options)


#: addresses and near-addresses: words, a street word glued or apart, a number, a unit, a postcode, a place
_ADDRESS_TEXTS = st.tuples(
    _pick("", "the ", "proposal. ", "Wohnt in der ", "needs 1200 ", "c/o Jan "),
    _pick("", "Hauptstraße", "Baker", "Rue", "ul.", "Calle", "Main", "Długa", "x-"),
    _pick("", " ", "  ", "-", "strasse", "str."),
    _pick("", "Street", "St.", "de la Paix", "Mayor", "ave.", "weg", "TB"),
    _pick(" ", "", ", ", "  "),
    _pick("12", "7a", "3/4", "1200", "", "12b-14"),
    _pick("", ", apt. 4", ", 3º B", " Stiege 2"),
    _pick(", ", " ", ",", "\n"),
    _pick("10115", "75001", "SW1A 1AA", "00-950", "1234 AB", "TB", ""),
    _pick(" ", "  ", ""),
    _pick("Berlin", "Wien", "Paris Cedex", "of storage", "", "Den Haag"),
).map("".join)


@BOUNDED
@given(_ADDRESS_TEXTS)
def test_the_address_search_cut_short_finds_what_the_plain_one_finds(text):
    from generator.screening.detectors import personal

    plain = re.compile(personal._ADDRESS_PATTERN.replace("{ahead}", "").replace("{words}", personal._WORDS),
                       re.IGNORECASE)
    assert plain.pattern != personal._ADDRESS.pattern
    assert [m.span() for m in personal._ADDRESS.finditer(text)] == [m.span() for m in plain.finditer(text)]


@BOUNDED
@given(st.lists(st.sampled_from(["a", "K", "e", "y", "key", "KEY", "Sig", "hash", "auth", "private", "secret",
                                  "token", "tok", "-", "_", ".", "0", "12345678", "abcdefgh", "ſ", "\u212a", "é"]),
                max_size=12).map("".join))
def test_a_secret_word_in_a_path_segment_is_found_as_by_the_search(segment):
    from generator.screening.detectors import urls

    assert urls._secret_word_in(segment) == bool(urls._SECRET_WORD_IN_SEGMENT.search(segment))


_COMMAND_PIECES = st.sampled_from([
    "CREATE USER x IDENTIFIED BY 'pw'", "identified with plugin by S3cret", "net user bob S3cret",
    "NET USER \"Jan K\" pw1", "htpasswd -b -c file user pw", "htpasswd file user", "db.example.org:5432:db:user:pw",
    "*:*:*:postgres:S3cret", "a:1:b:c", "internet user bob x", "sub-net user x y", "12:30:00", "see:", "x:y:z:w:v w",
    " ", "  ", "\n", "\n\n", "; ", "-", "word",
])


@BOUNDED
@given(st.lists(_COMMAND_PIECES, max_size=30).map("".join))
def test_passwords_given_as_plain_arguments_are_found_where_the_search_finds_them(text):
    from generator.screening.detectors import secrets

    t = Text(normalise(text))
    assert [m.span() for m in secrets._positional_passwords(t)] == \
        [m.span() for m in secrets._POSITIONAL_PASSWORD.finditer(t.text)]


_LAZY_TABLES = """
import sys
from generator.screening.detectors import base, find_all, markers
unbuilt = [make for make in base._UNBUILT if isinstance(getattr(make, "__self__", None), base.Lexicon)]
print(len(unbuilt), len(base._LEXICONS_OF) + len(markers._TYPO_WORDS) + len(markers._RUN_TOGETHER))
if sys.argv[1] == "ready":  # (what the audit's fork server preloads, so that its helpers start with them)
    import generator.screening.detectors.ready
    print(True, len(base._UNBUILT), len(base._LEXICONS_OF) > 0)
elif sys.argv[1] == "attribute":
    print(len(markers._STRONG.anchors) > 0, len(base._UNBUILT), len(base._LEXICONS_OF) > 0)
else:
    print(bool(find_all("INTERNAL ONLY: do not share")), len(base._UNBUILT), len(base._LEXICONS_OF) > 0,
          len(markers._TYPO_WORDS) > 0 and len(markers._RUN_TOGETHER) > 0, bool(find_all("VERTAULICH!")))
"""


@pytest.mark.parametrize("first_use", ["attribute", "text", "ready"])
def test_a_lexicons_tables_are_made_on_first_use_and_then_all_at_once(first_use):
    """Importing the detectors lists no lexicon's spellings (a process that screens nothing pays
    nothing for them); the first text screened, the first look at a table, or importing
    ``detectors.ready`` makes them all."""
    import subprocess
    import sys

    out = subprocess.run([sys.executable, "-c", _LAZY_TABLES, first_use], capture_output=True, text=True,
                         check=True, cwd=Path(__file__).parent.parent).stdout.split("\n")
    unbuilt, indexed = out[0].split()
    assert int(unbuilt) >= 15 and indexed == "0"
    assert out[1].split()[:3] == ["True", "0", "True"]
    if first_use == "text":  # (and the word sets a detector asked to have made then: a misspelt marker)
        assert out[1].split()[3:] == ["True", "True"]


def test_every_national_id_shape_starts_with_the_lookbehind_its_shortcut_assumes():
    """``national_ids`` tries no shape after a letter, a digit or one of ``_ID_NOT_AFTER``: each
    shape's own lookbehind refuses those."""
    from generator.screening.detectors.personal import _ID_LEAD, _ID_NOT_AFTER, _ID_SHAPES

    assert all(pattern.pattern.startswith(_ID_LEAD) for pattern, _, _ in _ID_SHAPES)
    lead = re.compile(_ID_LEAD)
    for c in ["a", "Z", "7", "_", "é", "٣", "ß", *_ID_NOT_AFTER, " ", "(", ":", "\n", "+", "'"]:
        refused = lead.match(c + "1", 1) is None
        assert refused == (c.isalnum() or c in _ID_NOT_AFTER), c


def test_a_tokens_delimiters_in_ascii_are_those_of_its_class():
    """``tokens._BREAKS`` marks as b' ' exactly the ASCII characters that end a token."""
    for code in range(128):
        ends = tokens._TOKEN_REST.fullmatch(chr(code)) is None
        assert (tokens._BREAKS[code] == 32) == ends, repr(chr(code))


@BOUNDED
@given(_ADDRESS_TEXTS, st.integers(0, 40), st.integers(0, 40))
def test_an_address_window_without_a_street_word_holds_no_address(text, cut_start, cut_end):
    """``personal._street_word_in`` says no only where ``_ADDRESS`` finds nothing (ASCII text)."""
    from generator.screening.detectors import personal

    if not text.isascii():
        return
    for lo, hi in ((0, len(text)), (min(cut_start, len(text)), max(len(text) - cut_end, 0))):
        if personal._ADDRESS.search(text, lo, hi):
            assert personal._street_word_in(text.lower(), lo, hi)


def test_no_street_word_holds_a_letter_that_matches_ascii_without_case():
    """The window test reads the lower-cased view of ASCII text: right only while no street word
    has a character that matches an ASCII one without case (Kelvin sign, long s, dotless i)."""
    from generator.screening.detectors import personal

    for word in personal._STREET_PREFIXES + personal._STREET_SUFFIXES:
        assert re.fullmatch(r"[\w./]+", word), word
        for char in set(word) - set(word.encode("ascii", "ignore").decode()):
            assert not [c for c in map(chr, range(128)) if re.fullmatch(re.escape(char), c, re.IGNORECASE)], char


@BOUNDED
@given(st.lists(st.sampled_from([" a ", " at ", " at at ", "a", "at", " ", "jan.de.vries", "example.nl", "x-y.z",
                                  "bij", " et ", ".", "-", "1", "ett", " affe "]), max_size=30).map("".join))
def test_a_common_word_for_at_is_found_where_a_match_at_each_of_its_places_finds_it(text):
    """``email._COMMON_AT_WORD`` finds what a search for " word " and a match there found."""
    common_at = re.compile(rf" (?:{base.lex(email.AMBIGUOUS_AT)}) (?=[\w-]+\.[^\W\d_])")
    for word in email._AMBIGUOUS_WORDS:
        needle, found, i = f" {word} ", [], text.find(f" {word} ")
        while i >= 0:
            if common_at.match(text, i):
                found.append(i)
            i = text.find(needle, i + 1)
        assert [m.start() for m in email._COMMON_AT_WORD[word.encode()].finditer(text)] == found


@BOUNDED
@given(st.lists(st.sampled_from(["a", "B", " ", ".", "-", "x y z w", "\x00", "\x07", "\t", "\n", "\r", "\x1b", "\x7f",
                                 "&", "%", "é", "0"]), max_size=30).map("".join))
def test_one_copy_of_the_text_answers_for_control_characters_and_letter_spacing(text):
    """``normalise._SHAPES`` answers as the deletion of the control bytes and the copy with the
    letters as 'a' did."""
    from generator.screening import normalise as n

    shapes = text.encode("ascii").translate(n._SHAPES) if text.isascii() else None
    raw = text.encode("utf-8")
    assert n._needs_decoding(text, shapes) == (not text.isascii() or "&" in text or "%" in text or "\r" in text
                                               or len(raw.translate(None, n._CONTROL_BYTES)) != len(raw))
    if shapes is not None:
        assert n._may_be_spaced(text, shapes) == (raw.translate(n._LETTERS_AS_A).find(b"a a a a") >= 0)


def test_every_ascii_spelling_of_an_id_word_has_an_anchor():
    """``personal._named_before`` skips its search in an ASCII text without an anchor of the id
    words: right only while every ASCII spelling has one (a whole word, no wildcard in it)."""
    from generator.screening.detectors import personal

    base.make_tables()
    spellings = [p for fragment in personal._ID_WORD._fragments for a in base._alternatives(fragment)
                 for p in base.expand(a, 50000) if p.isascii()]
    assert len(spellings) > 100
    assert all(base._anchor(p) for p in spellings), [p for p in spellings if not base._anchor(p)][:5]
    assert all(base._anchor(p).encode() in personal._ID_WORD.anchors for p in spellings)


@BOUNDED
@given(st.lists(st.sampled_from([":", "a", " ", "::", "\n", "é"]), max_size=12).map("".join))
def test_four_colons_are_counted_as_by_a_count(text):
    from generator.screening.detectors import secrets

    assert secrets._four_colons(text) == (text.count(":") >= 4)


def test_each_town_first_street_word_is_a_word_of_a_text_that_has_it():
    """``personal._HU_STREET_WORDS`` answers for ``_TOWN_FIRST_STREET``: a text it matches has one of the words."""
    from generator.screening.detectors import personal

    spellings = personal._HU_STREET[3:-1].replace("\\.", ".").split("|")
    assert len(spellings) >= 10
    for spelling in spellings:
        for text in (f"Irinyi József {spelling} 12.", f"({spelling})", f"{spelling.upper()}, 1052 Budapest"):
            t = Text(normalise(text))
            found = personal._TOWN_FIRST_STREET.search(t.low)
            assert found or not spelling.isascii(), text  # (the view may spell the others otherwise)
            if found:
                assert not personal._HU_STREET_WORDS.isdisjoint(t.words), text


@BOUNDED
@given(st.lists(st.sampled_from([";", "|", "a", " ", "\n", "x" * 30, "b;c", "||"]), max_size=20).map("".join))
def test_a_table_row_is_seen_where_the_search_sees_one(text):
    from generator.screening.detectors import columns

    assert columns._maybe_row(text) == bool(columns._MAYBE_ROW.search(text))


@BOUNDED
@given(st.lists(st.sampled_from([",", ";", "a", "É", "1", "_", " ", "\n", "x" * 45, "b,c", ";;"]), max_size=20).map("".join),
       st.integers(0, 30), st.integers(0, 30))
def test_a_csv_cell_is_seen_where_the_class_led_search_sees_one(text, start, cut):
    from generator.screening.detectors import columns

    class_led = re.compile(r"[,;][^\W\d_][^\n,;]{0,40}[,;\n]")
    end = max(start, len(text) - cut)
    assert columns._maybe_csv_row(text) == bool(class_led.search(text))
    assert columns._maybe_csv_row(text, start, end) == bool(class_led.search(text, start, end))


@BOUNDED
@given(texts)
def test_a_text_has_a_digit_where_the_search_finds_one(text):
    assert Text(normalise(text)).has_digit == bool(re.search(r"\d", normalise(text).text))


@BOUNDED
@given(st.lists(st.sampled_from(["http", "https", "s", "x", "H", "1", "+", ".", "-", " ", "\n", "é", "/", "://", "a" * 18]),
                max_size=12).map("".join))
def test_a_schemes_start_is_where_the_search_finds_it(text):
    from generator.screening.detectors import urls

    for i in [p for p in range(len(text)) if text.startswith("://", p)]:
        scheme = urls._SCHEME_CHARS.search(text, max(0, i - 21), i)
        assert urls._scheme_start(text, i) == (scheme.start() if scheme else None)


@BOUNDED
@given(st.lists(st.sampled_from(["DE89", "GB29", "NWBK", "3704", "0044", "6016", "D", "e", "x", "1", " ", "é", "_", "-",
                                 "\n"]), max_size=16).map("".join), st.integers(0, 20))
def test_an_iban_is_found_where_the_search_led_by_its_lookbehind_finds_it(text, start):
    from generator.screening.detectors import personal

    lookbehind_led = re.compile(r"(?<![A-Za-z0-9])[A-Z]{2}\d{2}(?:[ ]?[A-Z0-9]){11,31}(?![A-Za-z0-9])")
    start = min(start, len(text))
    assert [m.span() for m in personal._IBAN.finditer(text, start)] == \
        [m.span() for m in lookbehind_led.finditer(text, start)]


@BOUNDED
@given(st.lists(st.sampled_from(["0", "00", "000", "0000", " ", "-", "d", "A", "x", "\n"]), max_size=30).map("".join))
def test_a_digit_pattern_matches_only_where_its_signs_stand(digits):
    """A digit pattern is skipped in a text without one of its signs: right only while every
    match holds one."""
    from generator.screening.detectors import personal

    for pattern, signs in ((personal._CARD_RUNS, personal._CARD_SIGNS), (tokens._CODE_PAIR, tokens._CODE_PAIR_SIGNS)):
        for m in pattern.finditer(digits):
            assert any(x in m.group() for x in signs), (pattern.pattern, m.group())
        assert base.holds_one(digits, signs) == base.holds_one(digits.encode(), signs) == any(x in digits for x in signs)


def test_a_lexicons_literal_tests_let_through_every_match_of_its_windows():
    """``Lexicon.finditer`` skips an anchor whose literals the text lacks, and an anchor with many
    literals in each window that lacks them: it finds what its patterns find in all the windows."""
    from generator.screening.detectors import markers, personal, phone, secrets

    lexicons = [obj for module in (base, email, tokens, markers, personal, phone, secrets)
                for obj in vars(module).values() if isinstance(obj, Lexicon)]
    assert any(len(x) > base._FEW_LITERALS for lexicon in lexicons for x in lexicon._literals.values())
    for text in corpus_texts() + ["Do not post this on the ticket page, please.", "not for the case page: x"]:
        t = Text(normalise(text))
        for lexicon in lexicons:
            plain = sorted({m.span() for a in lexicon.present(t)
                            if not lexicon._literals.get(a) or any(x in t.low for x in lexicon._literals[a])
                            for lo, hi in base.windows_around(t.word_positions(a), 60, 60, len(t.low))
                            for m in lexicon._for(a).finditer(t.low, lo, hi)})
            assert sorted({m.span() for m in lexicon.finditer(t, 60, 60)}) == plain, (text[:60], lexicon.template[:40])
