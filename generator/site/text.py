"""Untrusted text on its way into pages.

Ticket text reaches pages only through autoescaping Jinja templates that emit HTML blocks,
which Python-Markdown passes through without reading Markdown syntax in them. The few places
MkDocs itself puts a value unescaped (the page title and description from front matter) get
``plain_attribute`` text: characters that could start markup are replaced by look-alikes.
"""

from __future__ import annotations

import yaml

#: libyaml's emitter when present (same output, ~7x faster: one front matter per page adds up
#: at 10,000 cases); the pure-Python safe dumper otherwise
_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
_LOOKALIKES = str.maketrans({"<": "‹", ">": "›", "&": "+", '"': "”", "'": "’", "`": "ʹ", "{": "(", "}": ")", "\\": "/"})


def plain_attribute(text: str, limit: int = 160) -> str:
    """A one-line value safe where a theme inserts it without escaping."""
    line = " ".join(text.split()).translate(_LOOKALIKES)
    return line if len(line) <= limit else line[: limit - 1].rstrip() + "…"


def front_matter(**values: object) -> str:
    """YAML front matter; string values made safe for unescaped use by the theme."""
    safe = {k: plain_attribute(v) if isinstance(v, str) else v for k, v in values.items()}
    return "---\n" + yaml.dump(safe, Dumper=_DUMPER, allow_unicode=True, sort_keys=True, width=1000) + "---\n\n"
