"""Scale (issue 7): the audit's fast HTML reading gives exactly html.parser's parts."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.audit import _chunked_html_parts, _fast_html_parts, _html_parts, auditable_text


def test_fast_reading_equals_html_parser_on_every_page_of_the_sample_site(sample_site_dir: Path):
    pages = [p for p in sample_site_dir.rglob("*.html")]
    assert len(pages) > 50
    for page in pages:
        text = page.read_text(encoding="utf-8")
        assert _chunked_html_parts(text) == _html_parts(text), page
        assert _fast_html_parts(text) == _html_parts(text), page


@pytest.mark.parametrize("html", [
    "<p>a &amp; b</p>", "a < b <c", "<p title='x &lt; y' d='M1 2'>t</p>", "<!-- pi@example.org -->x",
    "<script>if (a<b) x='</p>'</script>y", "<!doctype html><p>x", "<br/><img alt=\"z\" />", "tail &amp",
    "<p", "<!-- open", "<script>open", "</ bogus>", "<?pi x?>", "<![CDATA[x]]>", "<a href=x>y</a >",
    '<div class="md-search"><script>var s="<nav>"</script></div><nav>n</nav>',
])
def test_fast_reading_equals_html_parser_or_defers_to_it(html):
    fast = _chunked_html_parts(html)
    assert fast is None or fast == _html_parts(html)
    assert auditable_text(Path("x.html"), html.encode()) == "\n".join(_html_parts(html))
