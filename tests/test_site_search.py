"""The search index writer: the tokeniser spec's shared vectors in Python, the fast path for ASCII
text, and a stable numbering of documents (a new case does not move the others)."""

from __future__ import annotations

import json
import random
import string
from dataclasses import replace
from pathlib import Path

import pytest

from support.site_factory import case, snapshot

from generator.site import search

VECTORS = Path(__file__).resolve().parent / "data" / "tokeniser-vectors.json"


def test_the_shared_vectors_in_python():
    for vector in json.loads(VECTORS.read_text(encoding="utf-8")):
        assert search.tokens(vector["text"]) == vector["tokens"], vector["why"]
        assert search.unicode_tokens(vector["text"]) == vector["tokens"], vector["why"]


def test_ascii_text_gives_the_tokens_of_every_step_of_the_spec():
    rng = random.Random(7)
    alphabet = string.printable + "____0123456789"
    samples = ["", "a", "A_b", "x1 y2", "Ünïcode is not ascii", "e.g. VO-ops@example.org: 32GB/s, 1_000",
               "a" * 40 + " " + "B" * 33]
    samples += ["".join(rng.choice(alphabet) for _ in range(rng.randrange(1, 80))) for _ in range(400)]
    for text in samples:
        assert search.tokens(text) == search.unicode_tokens(text), text


def test_text_with_some_words_that_are_not_ascii_gives_the_tokens_of_every_step_of_the_spec():
    """Its ASCII words take the fast path, the others the spec's every step: the same tokens,
    whatever the spaces, marks, compatibility forms and ideographs around and between them."""
    rng = random.Random(11)
    tricky = ["\u00a0", "\u2003", "\u3000", "\u0301", "\u0308", "\u00a8", "\ufb01", "\uff21", "\u2460", "\u00b4",
              "\u03a3", "\u03c2", "\u039f\u0394\u039f\u03a3", "\u4e2d\u6587", "\u3042", "\u2013", "\u00e9", "e\u0301",
              "\u0130", "\u1e9e", "\u2028", "\x85", "\x1c", "\u180e", "\u200b", "\u0665", "\u00bd", "_"]
    alphabet = list(string.ascii_letters + string.digits + " \t\n.,-_") * 3 + tricky
    samples = ["Gr\u00fc\u00dfe aus K\u00f6ln \u2013 \u039f\u0394\u039f\u03a3 ok", "a \u0301b", "x\u00a0\u0301y", "\ufb01le fi",
               "\u00a8a", "ab\u4e2dcd \u4e2d"]
    samples += ["".join(rng.choice(alphabet) for _ in range(rng.randrange(1, 60))) for _ in range(3000)]
    for text in samples:
        assert search.tokens(text) == search.unicode_tokens(text), ascii(text)


def test_a_new_case_leaves_every_other_document_where_it_was():
    pages = [("about/", "About", "What the catalogue is"), ("data/", "Data", "Exports and the feed")]
    first = snapshot(*(case(i, subject=f"Community {i} – work") for i in range(1, 70)))
    second = replace(first, cases=first.cases + (case(70, subject="Newcomers – a first case"),))
    before, after = search.build_index(first, pages), search.build_index(second, pages)
    docs = sorted(k for k in before if k.startswith("d/"))
    assert [after[k] for k in docs[:-1]] == [before[k] for k in docs[:-1]]  # all but the last chunk
    changed = [k for k in after if k.startswith("t/") and after[k] != before.get(k)]
    assert 0 < len(changed) < len([k for k in after if k.startswith("t/")]) / 2


def test_a_snippet_keeps_its_lines():
    """The audit reads the snippet as the page's text: a value on the line after its label
    ("password" alone, then "host=db.example.org") must not be run into it."""
    from generator.site.search import _snippet

    assert _snippet("[client]\nuser=backup\npassword\n\n\n\nhost=db.example.org") == \
        "[client]\nuser=backup\npassword\n\nhost=db.example.org"
    # where the snippet is cut, no word is left alone on its line (as a password is written)
    cut = _snippet("Details:\nfile: run.h5 (412 GB)\nmd5sum " + "9e107d9d372bb6826bd81d3542a419d6" * 8)
    assert cut == "Details:\nfile: run.h5 (412 GB)…"


@pytest.mark.parametrize(
    "text",
    [
        "Ecco `history | tail`:",
        "Aufruf: mysql -u <benutzer> -p<kennwort> db",
        "Der Link https://portal.example.org/list?sort=asc&page=2 geht wieder.",
        'Set {"token": "${TOKEN}"} in C:\\Users\\me\\config.json',
    ],
)
def test_a_one_line_attribute_reads_as_the_text_screening_passed(text):
    """Titles and descriptions replace the signs that could start markup by characters that the
    screening's view reads back as those signs: the audit finds in them what screening found in
    the text (nothing here); a look-alike that does not fold back ("&" as "+", "<" as "‹") made a
    placeholder or a query string read as a value, and the case was withheld."""
    from generator.screening.detectors import find_all
    from generator.screening.normalise import normalised_text
    from generator.site.text import plain_attribute

    attribute = plain_attribute(text, 500)
    assert not set("<>&`{}\\") & set(attribute)
    assert normalised_text(attribute) == normalised_text(text)
    assert find_all(text) == [] and find_all(attribute) == []


@pytest.mark.parametrize(
    "text",
    [
        "$ sudo passwd jdoe\nNew password:\nRetype new password:\npasswd: password updated successfully",
        "Saluti,\nLuca Moretti\nINFN, Sezione di Bologna\nViale Berti Pichat 6/2, 40127 Bologna",
    ],
)
def test_a_summary_never_reads_as_more_than_its_lines(text):
    """A summary joins the lines of the first paragraph; where joined lines read as a secret or an
    address that the lines apart did not, the summary is the first line (or nothing)."""
    from generator.screening.detectors import find_all
    from generator.site.text import lead

    assert find_all(text) == []
    summary = lead(text, 200)
    assert summary and find_all(summary) == [] and summary in text
