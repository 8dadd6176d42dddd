"""The screening's patterns, compiled on first use (``generator.screening.lazy_re``): each
behaves as ``re.compile`` of the same text, is compiled once, and ``make_tables`` (before a
fork) leaves none to compile."""

from __future__ import annotations

import pickle
import re
import subprocess
import sys

from generator.screening import lazy_re


def test_a_pattern_is_compiled_when_first_used_and_finds_what_re_finds():
    text = r"(?<![\w-])pass(?:word|phrase)[ \t]*[:=][ \t]*(\S+) lazy-re-test-1"
    lazy = lazy_re.compile(text, re.IGNORECASE)
    assert type(lazy).__name__ == "_Lazy"
    assert lazy.pattern == text  # (known without compiling)
    assert type(lazy).__name__ == "_Lazy"
    sample = "PassWord: hunter2 lazy-re-test-1, passphrase = x lazy-re-test-1"
    real = re.compile(text, re.IGNORECASE)
    assert [m.span(1) for m in lazy.finditer(sample)] == [m.span(1) for m in real.finditer(sample)] != []
    assert type(lazy).__name__ == "_Compiled"
    assert (lazy.flags, lazy.groups, lazy.sub("-", sample)) == (real.flags, real.groups, real.sub("-", sample))


def test_the_same_text_and_flags_give_the_same_pattern_and_others_do_not():
    a = lazy_re.compile(r"lazy-re-test-2 \d+")
    assert lazy_re.compile(r"lazy-re-test-2 \d+") is a
    assert lazy_re.compile(r"lazy-re-test-2 \d+", re.I) is not a
    assert lazy_re.compile(rb"lazy-re-test-2 \d+") is not a
    assert lazy_re.compile(rb"lazy-re-test-2 \d+").search(b"lazy-re-test-2 42").group() == b"lazy-re-test-2 42"


def test_a_pattern_pickles_as_the_compiled_pattern():
    lazy = lazy_re.compile(r"lazy-re-test-3 (\w+)")
    assert pickle.loads(pickle.dumps(lazy)) == re.compile(r"lazy-re-test-3 (\w+)")
    lazy.search("")
    assert pickle.loads(pickle.dumps(lazy)) == re.compile(r"lazy-re-test-3 (\w+)")


def test_make_tables_leaves_no_detector_pattern_to_compile():
    """In a fresh process: importing the detectors compiles few patterns, ``make_tables`` all."""
    code = """
from generator.screening import lazy_re
from generator.screening.detectors import make_tables
def waiting():
    return sum(type(p).__name__ == "_Lazy" for p in lazy_re._MADE.values())
before = waiting()
make_tables()
print(len(lazy_re._MADE), before, waiting())
"""
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    made, before, after = map(int, out.split())
    assert made >= 300 and before >= made // 2 and after == 0
