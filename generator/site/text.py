"""Untrusted text on its way into pages.

Ticket text reaches pages only through autoescaping Jinja templates that emit HTML blocks,
which Python-Markdown passes through without reading Markdown syntax in them. The few places
MkDocs itself puts a value unescaped (the page title and description from front matter) get
``plain_attribute`` text: characters that could start markup are replaced by look-alikes.
"""

from __future__ import annotations

import re

import yaml

#: libyaml's emitter when present (same output, ~7x faster: one front matter per page adds up
#: at 10,000 cases); the pure-Python safe dumper otherwise
_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
#: ("`" is dropped, not replaced: its look-alike reads as a quote, which makes a value of the
#: words between two of them: "Ecco `history | tail`" would read as a handed-over 'history | tail')
_LOOKALIKES = str.maketrans({"<": "‹", ">": "›", "&": "+", '"': "”", "'": "’", "`": None, "{": "(", "}": ")", "\\": "/"})


def plain_attribute(text: str, limit: int = 160) -> str:
    """A one-line value safe where a theme inserts it without escaping."""
    line = without_bidi_controls(" ".join(text.split())).translate(_LOOKALIKES)
    return line if len(line) <= limit else line[: limit - 1].rstrip() + "…"


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


def lead(text: str, limit: int = 280) -> str:
    """The first sentence or two of a text, for a summary: a greeting line is skipped, and the
    result never passes ``limit`` characters (cut at a word, with an ellipsis)."""
    # the first paragraph that says something: the rest of a long thread is never joined
    paragraphs = (" ".join(p.split()) for p in text.replace("\r\n", "\n").split("\n\n"))
    first = next((p for p in paragraphs if p and not _GREETING.match(p)), None)
    if first is None:
        return ""
    sentences = _SENTENCE_END.split(first, maxsplit=2)
    result = sentences[0]
    if len(sentences) > 1 and len(result) + len(sentences[1]) + 1 <= limit and len(result) < limit // 2:
        result += " " + sentences[1]
    if len(result) > limit:
        result = result[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:") + "…"
    return result
