"""A Python-Markdown extension (``markdown_extensions: [generator.site.rawpage]`` in mkdocs.yml):
a generated page, which is one HTML block from casecat's templates, reaches the theme as that
block, unread.

Python-Markdown would hand such a block through unchanged anyway (raw HTML is not Markdown),
but only after reading it twice with ``html.parser`` (its own block finder, and MkDocs' anchor
collector): about 60% of what ``mkdocs build`` spends on a generated page. This stores the
block whole in Markdown's stash instead, so the bytes that come out are the same. Hand-written
pages are plain Markdown and are read as usual. Being a Markdown extension, not an MkDocs
plugin, it works with any engine that builds ``mkdocs.yml``.
"""

from __future__ import annotations

from markdown.extensions import Extension
from markdown.preprocessors import Preprocessor

#: how every generated page's body starts and ends (``pages._page``)
OPENING = '<div class="cc-page">'
CLOSING = "</div>"


class WholePage(Preprocessor):
    def run(self, lines: list[str]) -> list[str]:
        first = next((i for i, line in enumerate(lines) if line.strip()), None)
        if first is None or not lines[first].startswith(OPENING):
            return lines
        last = max(i for i, line in enumerate(lines) if line.strip())
        if lines[last] != CLOSING:
            return lines
        return [self.md.htmlStash.store("\n".join(lines[first:last + 1]))]


class RawPageExtension(Extension):
    def extendMarkdown(self, md) -> None:  # noqa: N802 (Python-Markdown's name)
        # after whitespace is normalised (30), before any reader of raw HTML (MkDocs' at 21, 20)
        md.preprocessors.register(WholePage(md), "casecat_raw_page", 25)


def makeExtension(**kwargs) -> RawPageExtension:  # noqa: N802 (Python-Markdown's name)
    return RawPageExtension(**kwargs)
