"""Untrusted text on its way into pages.

Ticket text reaches pages only through autoescaping Jinja templates that emit HTML blocks,
which Python-Markdown passes through without reading Markdown syntax in them. The few places
MkDocs itself puts a value unescaped (the page title and description from front matter) get
``plain_attribute`` text: characters that could start markup are replaced by look-alikes.
"""

from __future__ import annotations

import re
from functools import lru_cache

import yaml

#: libyaml's emitter when present (same output, ~7x faster: one front matter per page adds up
#: at 10,000 cases); the pure-Python safe dumper otherwise
_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
#: each a character that Unicode's compatibility folding (NFKC) turns back into the one it
#: replaces, or a typographic quote the screening's view reads as the ASCII one: the audit reads
#: a title or description as the very text screening passed. (Signs that do not fold back made
#: other text of it: "&" as "+" joined two query parameters into one value, "<" as "‹" hid a
#: placeholder's brackets, and the audit withheld a case that screening had passed.)
_LOOKALIKES = str.maketrans({"<": "＜", ">": "＞", "&": "＆", '"': "”", "'": "’", "`": "｀", "{": "｛", "}": "｝",
                             "\\": "＼"})


def plain_attribute(text: str, limit: int = 160) -> str:
    """A one-line value safe where a theme inserts it without escaping; a longer one is cut
    between two words (a word cut in two is a made-up word: after "salasana", a password's
    word, "Vaihd…" read as the password)."""
    line = without_bidi_controls(" ".join(text.split())).translate(_LOOKALIKES)
    if len(line) <= limit:
        return line
    cut = line[: limit - 1]
    if line[limit - 1] != " " and " " in cut:
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:") + "…"


def front_matter(**values: object) -> str:
    """YAML front matter; string values made safe for unescaped use by the theme."""
    safe = {k: plain_attribute(v) if isinstance(v, str) else v for k, v in values.items()}
    return "---\n" + yaml.dump(safe, Dumper=_DUMPER, allow_unicode=True, sort_keys=True, width=1000) + "---\n\n"


#: bidirectional embedding, override and isolate controls: in displayed text they can make a
#: subject read backwards or reorder the text around it (U+202A-U+202E, U+2066-U+2069)
_BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")


def without_bidi_controls(text: str) -> str:
    # a search first: most text has none, and every value a template prints passes here
    return _BIDI_CONTROLS.sub("", text) if _BIDI_CONTROLS.search(text) else text


_SENTENCE_END = re.compile(r"(?<=[.!?。！？])\s+")
_GREETING = re.compile(r"^(dear|hello|hi|good (morning|afternoon|day))\b[^.!?\n]{0,60}[,:!]?$", re.I)


@lru_cache(maxsize=256)  # (a case page asks for its summary three times)
def lead(text: str, limit: int = 280) -> str:
    """The first sentence or two of a text, for a summary: a greeting line is skipped, and the
    result never passes ``limit`` characters (cut at a word, with an ellipsis).

    The lines of the first paragraph are joined into one. Joined, lines that were not wrapped
    prose may read as something the screened text was not ("New password:" and "Retype new
    password:" as a password and its value; a signature's lines as an address): the audit would
    then withhold the whole case for its summary. Such a summary is its first line only, or
    nothing."""
    # the first paragraph that says something: the rest of a long thread is never joined
    paragraphs = (p for p in text.replace("\r\n", "\n").split("\n\n"))
    first = next((p for p in paragraphs if p.strip() and not _GREETING.match(" ".join(p.split()))), None)
    if first is None:
        return ""
    result = _lead(" ".join(first.split()), limit)
    if "\n" not in first.strip() or not _reads_otherwise(result):  # (one line: nothing joined)
        return result
    result = _lead(" ".join(first.strip().split("\n", 1)[0].split()), limit)
    return "" if _reads_otherwise(result) else result


def _reads_otherwise(summary: str) -> bool:
    """Does the screening find anything in a summary made of screened text?"""
    from generator.screening.detectors import find_all

    return bool(find_all(summary))


def _lead(first: str, limit: int) -> str:
    sentences = _SENTENCE_END.split(first, maxsplit=2)
    result = sentences[0]
    if len(sentences) > 1 and len(result) + len(sentences[1]) + 1 <= limit and len(result) < limit // 2:
        result += " " + sentences[1]
    if len(result) > limit:
        result = result[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:") + "…"
    return result
