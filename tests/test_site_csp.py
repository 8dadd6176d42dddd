"""The Content-Security-Policy of every page and the compaction of built HTML (generator/site/csp.py,
postbuild.py); the browser tests show the policy at work."""

from __future__ import annotations

import re

import pytest

from generator.site import csp
from generator.site.postbuild import PostBuildError, compact_html, finish_page, frame_reference

_META = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">')
_SCRIPT = re.compile(r"<script(\s[^>]*)?>(.*?)</script>", re.S)


def directives(policy: str) -> dict[str, list[str]]:
    return {d.split()[0]: d.split()[1:] for d in policy.split(";") if d.strip()}


def test_the_policy_allows_only_own_files_and_the_hashed_scripts():
    rules = directives(csp.policy([csp.script_hash("a()"), csp.script_hash("b()")]))
    assert rules["script-src"][0] == "'self'" and len(rules["script-src"]) == 3
    assert all(s.startswith("'sha256-") for s in rules["script-src"][1:])
    assert rules["object-src"] == ["'none'"] and rules["base-uri"] == ["'self'"]
    assert rules["default-src"] == ["'self'"] and rules["style-src"] == ["'self'"]
    assert "unsafe-inline" not in csp.policy([]) and "unsafe-eval" not in csp.policy([])


def test_a_script_hash_is_the_base64_sha256_of_its_exact_text():
    # the value Chromium reports for an inline script reading exactly "alert(1)"
    assert csp.script_hash("alert(1)") == "'sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI='"
    assert csp.script_hash("alert(1) ") != csp.script_hash("alert(1)")


def test_compaction_drops_indentation_but_keeps_pre_script_and_textarea():
    html = ("<div>\n    <p>one\n      two</p>\n\n\n  <pre>  keep\n    this</pre>\n"
            "  <script>\n  var a = 1;\n</script>  <textarea>\n  x\n</textarea>\n  <span> a </span>\n</div>")
    out = compact_html(html)
    assert out == ("<div>\n<p>one\ntwo</p>\n<pre>  keep\n    this</pre>\n"
                   "<script>\n  var a = 1;\n</script>  <textarea>\n  x\n</textarea>\n<span> a </span>\n</div>")
    assert compact_html(out) == out


def test_every_built_page_has_a_policy_first_in_head_allowing_its_theme_scripts_only(sample_site_dir):
    pages = sorted(sample_site_dir.rglob("*.html"))
    assert len(pages) > 100
    themed = 0
    for path in pages:
        html = path.read_text(encoding="utf-8")
        head = html[html.index("<head>"):html.index("</head>")]
        match = _META.search(head)
        assert match and head[len("<head>"):].lstrip().startswith(match.group(0)), path
        rules = directives(match.group(1))
        # a forward page has the bare policy: no script-src, its default allows nothing
        allowed = {s for s in rules.get("script-src", rules["default-src"]) if s.startswith("'sha256-")}
        if "script-src" not in rules:
            assert match.group(1) == csp.BARE_POLICY and "<script" not in html, path
        inline = [body for attrs, body in _SCRIPT.findall(html)
                  if not attrs or ("src=" not in attrs and "application/" not in attrs)]
        assert {csp.script_hash(body) for body in inline} == allowed, path
        themed += bool(inline)
    assert themed > 100  # the theme's pages have inline scripts; a bare forward page has none


def _page(root: str, content: str, frame_script: str = "") -> str:
    """A built page as Material lays it out: scripts in the head and after the content."""
    return (f'<!doctype html>\n<html>\n  <head>\n    <meta charset="utf-8">\n'
            f'    <script>__md_scope=new URL("{root}",location),x=1</script>\n  </head>\n  <body>\n'
            f'    <article class="md-content__inner md-typeset">\n{content}\n    </article>\n'
            f'    <script>var target=1</script>{frame_script}\n  </body>\n</html>\n')


def test_the_policy_hashes_the_theme_scripts_of_the_frame_at_any_depth():
    reference = frame_reference(compact_html(_page("/", "<h1>Page not found</h1>")))
    page = finish_page(_page("../..", "<p>A case</p>"), reference, "cases/1/index.html")
    assert page.startswith("<!doctype html>\n<html>\n<head>\n<meta http-equiv=\"Content-Security-Policy\"")
    allowed = set(directives(_META.search(page).group(1))["script-src"][1:])
    assert allowed == {csp.script_hash('__md_scope=new URL("../..",location),x=1'), csp.script_hash("var target=1")}
    assert "\n<p>A case</p>\n" in page  # compacted: the indentation is gone


def test_a_script_in_the_content_area_is_never_allowed():
    reference = frame_reference(_page("/", ""))
    page = finish_page(_page("..", "<script>alert(1)</script>"), reference, "x/index.html")
    assert csp.script_hash("alert(1)") not in _META.search(page).group(1)


def test_a_script_in_the_frame_that_the_404_page_lacks_fails_the_build():
    reference = frame_reference(_page("/", ""))
    with pytest.raises(PostBuildError, match="^cases/9/index.html: an inline script outside the page's content"):
        finish_page(_page("../..", "<p>x</p>", "<script>alert(1)</script>"), reference, "cases/9/index.html")
