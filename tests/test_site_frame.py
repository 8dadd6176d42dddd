"""The frame every page carries (the theme's header, drawer, search box) holds only what cannot be
shared: it draws its large icons from one sprite file and runs the theme's palette script from
a file (the same drawings and script as the theme's), and a page outside the navigation, a case
page say, lists the top level of the navigation in its drawer rather than the whole tree."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
THEME = ROOT / "templates" / "theme"
SPRITE = "assets/images/cc-icons.svg"
_SYMBOL = re.compile(r'<symbol id="([^"]+)" viewBox="([^"]+)">(.*?)</symbol>', re.S)
_USE = re.compile(r'<use href="([^"#]*)#([^"]+)"/>')


def material_templates() -> Path:
    import material

    return Path(material.__file__).parent / "templates"


def theme_icon(name: str) -> tuple[str, str]:
    """(viewBox, drawing) of an icon as the installed theme ships it."""
    text = (material_templates() / ".icons" / f"{name}.svg").read_text(encoding="utf-8").strip()
    found = re.fullmatch(r'<svg xmlns="http://www.w3.org/2000/svg" viewBox="([^"]+)">(.*)</svg>', text, re.S)
    assert found, name
    return found.group(1), found.group(2)


def sprite_symbols(text: str) -> dict[str, tuple[str, str]]:
    return {name: (box, drawing) for name, box, drawing in _SYMBOL.findall(text)}


def icons_drawn_from_the_sprite() -> set[str]:
    """The icons the frame's templates draw through partials/cc-icon.html: the palette toggles of
    mkdocs.yml and the defaults the partials name."""
    settings = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8").replace("!!python/name:", ""))
    names = {option["toggle"]["icon"] for option in settings["theme"]["palette"] if "toggle" in option}
    for partial in (THEME / "partials").glob("*.html"):
        text = partial.read_text(encoding="utf-8")
        names |= set(re.findall(r'set icon = [^%]*?"([^"]+)" %}\s*{% include "partials/cc-icon.html"', text))
    # the search dialog, built by its script, names its icons as the sprite's symbols
    script = (THEME / "assets" / "javascripts" / "casecat-search.js").read_text(encoding="utf-8")
    names |= {"material/" + name for name in re.findall(r'icon\(siteRoot, "material-([a-z-]+)"\)', script)}
    return names


def test_the_sprite_holds_the_themes_own_drawing_of_every_icon_drawn_from_it():
    symbols = sprite_symbols((THEME / SPRITE).read_text(encoding="utf-8"))
    wanted = icons_drawn_from_the_sprite()
    assert {"material/magnify", "material/weather-night", "material/weather-sunny",
            "material/arrow-left", "material/close"} <= wanted
    assert {name.replace("/", "-") for name in wanted} <= set(symbols)
    for name in wanted:
        assert symbols[name.replace("/", "-")] == theme_icon(name), name


def test_the_palette_script_is_the_themes():
    partial = (material_templates() / "partials" / "javascripts" / "palette.html").read_text(encoding="utf-8")
    script = re.search(r"<script>(.*?)</script>", partial, re.S)
    assert script and (THEME / "assets" / "javascripts" / "cc-palette.js").read_text(encoding="utf-8").strip() \
        == script.group(1).strip()


@pytest.mark.parametrize("url", ["cases/1", "", "about"])
def test_a_built_page_draws_its_frame_icons_from_the_sprite_the_site_holds(sample_site_dir, url):
    page = (sample_site_dir / url / "index.html").read_text(encoding="utf-8")
    frame = re.sub(r"<article\b.*?</article>", "", page, flags=re.S)
    symbols = sprite_symbols((sample_site_dir / SPRITE).read_text(encoding="utf-8"))
    uses = _USE.findall(frame)
    assert len(uses) == 1  # the search button's magnifier (the palette toggles are built by a script)
    for href, symbol in uses:
        assert (sample_site_dir / url / href).resolve() == (sample_site_dir / SPRITE).resolve()
        assert symbol in symbols
    assert theme_icon("material/weather-night")[1] not in page
    scripts = re.findall(r'<script src="([^"]+cc-palette\.js)"></script>', frame)
    assert len(scripts) == 1 and (sample_site_dir / url / scripts[0]).resolve().is_file()


def drawer(page: str) -> str:
    start = re.search(r'<nav class="md-nav md-nav--primary[^"]*"', page)
    assert start
    return page[start.start():page.index("</nav>\n</div>", start.start())]


def links(html: str, css: str) -> list[tuple[str, str]]:
    return [(href, re.sub(r"<[^>]+>|\s+", "", text)) for href, text in
            re.findall(rf'<a href="([^"]+)" class="{css}">(.*?)</a>', html, re.S)]


def test_a_case_pages_drawer_lists_the_top_level_linking_where_the_tabs_do(sample_site_dir):
    case = (sample_site_dir / "cases" / "1" / "index.html").read_text(encoding="utf-8")
    home = (sample_site_dir / "index.html").read_text(encoding="utf-8")
    tabs = links(case[case.index('<nav class="md-tabs"'):], "md-tabs__link")
    assert [title for _, title in tabs] == ["Home", "Browse", "Dashboard", "About"]
    assert links(drawer(case), "md-nav__link") == tabs
    assert "md-nav__toggle" not in drawer(case)
    # a page in the navigation keeps the whole tree, the sections' entries among it
    assert drawer(home).count("md-nav__toggle") >= 2 and 'href="status/"' in drawer(home)


def test_a_built_page_carries_the_search_dialog_empty_for_its_script_to_build(sample_site_dir):
    page = (sample_site_dir / "cases" / "1" / "index.html").read_text(encoding="utf-8")
    dialog = re.search(r'<div class="md-search" data-cc-search [^>]*>(.*?)</div>', page, re.S)
    assert dialog and dialog.group(1) == ""
    assert 'aria-label="Search"' in dialog.group(0) and 'data-cc-waiting="Type to start searching"' in dialog.group(0)
    assert "md-search__form" not in page and "md-search-result" not in page


def test_a_built_page_names_its_palette_options_for_the_script_that_builds_the_toggles(sample_site_dir):
    page = (sample_site_dir / "cases" / "1" / "index.html").read_text(encoding="utf-8")
    form = re.search(r"""<form class="md-header__option" data-md-component="palette" data-cc-palette='([^']*)'></form>"""
                     r'\s*<script src="([^"]+cc-palette-form\.js)"></script>', page)
    assert form and (sample_site_dir / "cases" / "1" / form.group(2)).resolve().is_file()
    settings = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))["theme"]["palette"]
    options = json.loads(html.unescape(form.group(1)))
    assert [(o["scheme"], o["toggle"]["name"], o["toggle"]["icon"]) for o in options] == \
        [(s["scheme"], s["toggle"]["name"], s["toggle"]["icon"].replace("/", "-")) for s in settings]
    assert "md-option" not in page  # the inputs come from the script


def test_a_page_that_hides_its_table_of_contents_has_no_sidebar_for_it(sample_site_dir):
    case = (sample_site_dir / "cases" / "1" / "index.html").read_text(encoding="utf-8")
    about = (sample_site_dir / "about" / "index.html").read_text(encoding="utf-8")
    assert 'data-md-type="navigation"' in case and 'data-md-type="toc"' not in case
    assert 'data-md-type="navigation"' in about and 'data-md-type="toc"' in about
