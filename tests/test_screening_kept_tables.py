"""What the screening makes once and a night reads back from the cache (``lazy_re.save_codes``,
``detectors.save_tables``): the patterns' engine code is what ``re.compile`` makes of them, the
lexicons' tables are what ``Lexicon`` makes of its phrases, a file another Python or other code
wrote is not read, and a pattern made from a screened text is never written."""

from __future__ import annotations

import marshal
import re
import subprocess
import sys
from pathlib import Path

from generator.screening import lazy_re
from generator.screening.detectors import base, find_all, load_tables, make_tables, save_tables

SAMPLE = "Mein Passwort ist Xq!82mzP, Tel. +49 151 2287 4419, interne Info: nur für uns. jan@example.org"


def _findings_here() -> str:
    return str(sorted((f.rule, f.start, f.end) for f in find_all(SAMPLE)))


def _in_a_new_process(load: str) -> tuple[int, str]:
    """(what ``load`` read, the findings in SAMPLE) in a fresh process that ran ``load`` first."""
    script = (f"from pathlib import Path; {load}; print(n); from generator.screening.detectors import find_all; "
              f"print(sorted((f.rule, f.start, f.end) for f in find_all({SAMPLE!r})))")
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True).stdout.splitlines()
    return int(out[0]), out[1]


def _made_patterns():
    make_tables()
    return [(key, made) for key, made in lazy_re._MADE.items() if made.__dict__.get("_declared")]


def test_every_declared_pattern_compiles_from_its_code_to_what_re_compiles():
    made = _made_patterns()
    assert len(made) > 300
    for (_, pattern, flags), _stand_in in made:
        args = lazy_re._engine_args(pattern, flags)
        assert args is not None
        import _sre

        assert _sre.compile(pattern, *args) == re.compile(pattern, flags), pattern[:80]


def test_codes_read_back_give_the_same_findings(tmp_path):
    make_tables()
    lazy_re._NEW.add(("lazy-re-kept-test", 0))  # (something to write: this process may have read a file)
    lazy_re._CODES[("lazy-re-kept-test", 0)] = lazy_re._engine_args("lazy-re-kept-test", 0)
    path = tmp_path / "codes.marshal"
    assert lazy_re.save_codes(path)
    read, findings = _in_a_new_process(f"from generator.screening import lazy_re; n = lazy_re.load_codes(Path({str(path)!r}))")
    assert read > 300
    assert findings == _findings_here() != "[]"


def test_codes_of_another_python_are_not_read(tmp_path):
    path = tmp_path / "codes.marshal"
    path.write_bytes(marshal.dumps((("2.7.18", 1), {("x", 0): (0, [1], 0, {}, ())})))
    assert lazy_re.load_codes(path) == 0
    path.write_bytes(b"not marshal")
    assert lazy_re.load_codes(path) == 0


def test_a_pattern_made_from_a_text_after_sealing_is_never_written(tmp_path):
    secret = "Zq8-secret-pattern-4471"
    lazy_re.seal()
    lazy_re.compile(re.escape(secret)).search("x")
    lazy_re._NEW.add(("lazy-re-kept-test-2", 0))
    lazy_re._CODES[("lazy-re-kept-test-2", 0)] = lazy_re._engine_args("lazy-re-kept-test-2", 0)
    path = tmp_path / "codes.marshal"
    lazy_re.save_codes(path)
    assert secret.encode() not in path.read_bytes()
    assert b"lazy-re-kept-test-2" in path.read_bytes()


def _lexicons() -> list[base.Lexicon]:
    make_tables()
    return list({id(lex): lex for pairs in base._LEXICONS_OF.values() for lex, _ in pairs}.values())


def test_tables_read_back_are_the_tables_the_phrases_make(tmp_path):
    lexicons = _lexicons()
    assert len(lexicons) > 20
    base._NEW_TABLES.add(next(iter(base._TABLES)))  # (something to write)
    path = tmp_path / "tables.marshal"
    assert save_tables(path)
    _, kept = marshal.loads(path.read_bytes())
    for lexicon in lexicons:
        alternatives, literals = lexicon._make_tables()
        by_anchor, kept_literals, kept_needs = kept[(lexicon.template, lexicon._fragments)]
        assert {a: set(alts) for a, alts in by_anchor.items()} == alternatives
        assert kept_literals == literals
        assert kept_needs == lexicon._needs


def test_a_needed_piece_is_in_every_spelling_of_its_anchors_phrases():
    """The pieces that rule a text out for an anchor whose spellings are too many to list: every
    spelling of every phrase of the anchor holds one of them (or the rule would miss a phrase)."""
    checked = 0
    for lexicon in _lexicons():
        for anchor, pieces in lexicon._needs.items():
            for phrase in lexicon._alternatives[anchor]:
                for spelling in base.expand(base.fold(phrase), 5000):
                    assert any(p in spelling for p in pieces), (anchor, spelling)
                    checked += 1
    assert checked > 1000
    assert base._needed_pieces(["keep (?:this|it) between (?:us|our teams)"], "teams") == (" between ",)
    assert base._needed_pieces(["(?:do not|never) share"], "share") is None  # (no run says more than the anchor)


def test_tables_read_back_give_the_same_findings(tmp_path):
    path = tmp_path / "tables.marshal"
    base._NEW_TABLES.add(next(iter(base._TABLES)))
    save_tables(path)
    read, findings = _in_a_new_process(f"from generator.screening.detectors import load_tables; n = load_tables(Path({str(path)!r}))")
    assert read > 20
    assert findings == _findings_here() != "[]"


def test_tables_made_by_other_code_are_not_read(tmp_path):
    path = tmp_path / "tables.marshal"
    path.write_bytes(marshal.dumps(("another stamp", {("t", ("x",)): ({}, {})})))
    assert load_tables(path) == 0
    assert load_tables(Path(tmp_path / "missing")) == 0


def test_the_installation_prepares_what_a_first_night_reads(tmp_path):
    """``python -m generator.screening`` (``make venv``) writes the patterns and tables a fresh
    process then reads instead of making them, with the same findings."""
    script = ("from pathlib import Path; from generator.screening import prepare; "
              f"prepare(Path({str(tmp_path)!r}))")
    subprocess.run([sys.executable, "-c", script], check=True)
    from generator.screening import LEXICON_TABLES_NAME, PATTERN_CODES_NAME

    read, findings = _in_a_new_process(
        f"from generator.screening import lazy_re; n = lazy_re.load_codes(Path({str(tmp_path / PATTERN_CODES_NAME)!r}))")
    assert read > 300
    assert findings == _findings_here() != "[]"
    read, findings = _in_a_new_process(
        f"from generator.screening.detectors import load_tables; n = load_tables(Path({str(tmp_path / LEXICON_TABLES_NAME)!r}))")
    assert read > 20
    assert findings == _findings_here()
