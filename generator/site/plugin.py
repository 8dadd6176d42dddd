"""casecat's MkDocs plugin (``plugins: [casecat]`` in mkdocs.yml): what the theme's templates
cannot do alone.

* ``casecat_csp(base_url)``, a template global: the page's Content-Security-Policy, allowing the
  theme's inline scripts as the theme itself renders them for that page (``csp``).
* Every built page loses the indentation of the theme's templates (outside ``pre``,
  ``textarea`` and ``script``): the same document, about a fifth smaller, which adds up over
  10,000 case pages.
"""

from __future__ import annotations

import re

from mkdocs.plugins import BasePlugin

from generator.site import csp

_KEEP = re.compile(r"(<(pre|textarea|script)\b.*?</\2>)", re.S | re.I)
_INDENT = re.compile(r"[ \t]*\n\s*")


def compact_html(html: str) -> str:
    """Each run of whitespace holding a line break becomes one line break, except inside
    ``pre``, ``textarea`` and ``script``; a browser renders the result exactly alike."""
    parts = _KEEP.split(html)
    out = []
    # split() with two groups yields: text, whole kept element, its tag name, text, ...
    for i in range(0, len(parts), 3):
        out.append(_INDENT.sub("\n", parts[i]))
        if i + 1 < len(parts):
            out.append(parts[i + 1])
    return "".join(out).lstrip()


class CasecatPlugin(BasePlugin):
    def on_env(self, env, *, config, files):
        cache: dict[str, str] = {}

        def casecat_csp(base_url: str) -> str:
            if base_url not in cache:
                names = list(csp.THEME_SCRIPT_PARTIALS)
                palette = config["theme"].get("palette")
                if palette and not isinstance(palette, dict):
                    names.append(csp.PALETTE_SCRIPT_PARTIAL)
                context = {"config": config, "base_url": base_url, "features": config["theme"].get("features", [])}
                scripts = [s for name in names for s in csp.inline_scripts(env.get_template(name).render(context))]
                cache[base_url] = csp.policy([csp.script_hash(s) for s in scripts])
            return cache[base_url]

        env.globals["casecat_csp"] = casecat_csp
        return env

    def on_post_page(self, output, *, page, config):
        return compact_html(output)

    def on_post_template(self, output_content, *, template_name, config):
        """The theme's own pages (404.html) and files such as sitemap.xml."""
        return compact_html(output_content) if template_name.endswith(".html") else output_content
