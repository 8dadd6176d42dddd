"""The Content-Security-Policy of every page, as a ``<meta>`` tag (GitHub Pages sends no headers).

Scripts run only from the site's own files, plus the theme's few inline scripts, each allowed
by the SHA-256 of its exact text: an inline script injected into a page (through a template
bug or a theme change) matches no hash and the browser refuses it. The hashes are taken from
the theme's own partials rendered for the page (``theme_inline_scripts``), never from the
built page, so nothing on a page can vouch for itself.

Styles come only from the site's files too: no page carries a ``style`` attribute or element
(the theme sets styles through the CSSOM, which a policy does not govern). Images may be
``data:`` URLs because the theme's stylesheet draws its icons that way.
"""

from __future__ import annotations

import base64
import hashlib
import re

PALETTE_SCRIPT_PARTIAL = "partials/javascripts/palette.html"
_INLINE_SCRIPT = re.compile(r"<script>(.*?)</script>", re.S)


def script_hash(text: str) -> str:
    """The CSP source expression that allows exactly this inline script's text."""
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def inline_scripts(html: str) -> list[str]:
    """The bodies of the plain ``<script>`` elements (no attributes) in a piece of HTML."""
    return _INLINE_SCRIPT.findall(html)


#: the policy of a page that loads nothing and runs nothing (a forward to another address): a few
#: thousand such pages, each 190 bytes shorter than with the themed pages' policy
BARE_POLICY = "default-src 'none'; base-uri 'none'; form-action 'none'"


def policy(script_hashes: list[str]) -> str:
    """The policy text for a page whose allowed inline scripts have these hashes."""
    directives = [
        "default-src 'self'",
        " ".join(["script-src 'self'", *sorted(set(script_hashes))]),
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
    ]
    text = "; ".join(directives)
    # emitted unescaped in a double-quoted attribute: only hashes and fixed words may be in it
    assert not set(text) & set('"<>&'), text
    return text
