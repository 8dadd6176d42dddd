"""The sample catalogue in a real browser: clean pages under the Content-Security-Policy,
accessibility in both palettes, small screens, the sharing tags, the copy buttons, and hostile
ticket text that stays inert text."""

from __future__ import annotations

import json
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect
from support.browserkit import run_axe, screenshot, serve

#: one page of every kind (and the hand-written ones)
PAGES = {
    "home": "",
    "case": "cases/2/",
    "all-cases": "cases/",
    "status-index": "status/",
    "status": "status/production/",
    "discipline-index": "discipline/",
    "discipline-parent": "discipline/natural-sciences/",
    "vo-index": "vo/",
    "centre-index": "centre/",
    "centre": "centre/example-site-cz/",
    "year-index": "year/",
    "year": "year/2025/",
    "dashboard": "dashboard/",
    "stale": "stale/",
    "about": "about/",
    "data": "data/",
    "not-found": "404.html",
}


def open_page(guarded, site_url, path):
    page, record = guarded
    response = page.goto(site_url + path, wait_until="load")
    assert response is not None and response.status == 200, path
    return page, record


@pytest.mark.parametrize("name", list(PAGES))
def test_page_has_no_errors_no_csp_violation_no_foreign_requests_and_no_serious_axe_violation(
        guarded, site_url, axe_source, name):
    page, record = open_page(guarded, site_url, PAGES[name])
    page.wait_for_timeout(200)
    violations = run_axe(page, axe_source)
    assert violations == [], violations
    record.assert_clean()  # a CSP violation is reported as a console error
    assert page.evaluate("window.__pwned") is None and page.evaluate("window.__csp") is None


def dark(page):
    """Switches to the dark palette with the header's toggle, as a reader would."""
    page.locator("label[for='__palette_1']").click()
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "slate")
    page.wait_for_timeout(400)  # colour transitions otherwise give false contrast readings


@pytest.mark.parametrize("name", ["home", "case", "all-cases", "dashboard", "status-index", "about", "not-found"])
def test_the_dark_palette_has_no_serious_axe_violation_and_is_remembered(guarded, site_url, axe_source, name):
    page, record = open_page(guarded, site_url, PAGES[name])
    dark(page)
    violations = run_axe(page, axe_source)
    assert violations == [], violations
    page.reload()
    assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == "slate"
    if name in ("home", "case"):
        screenshot(page, f"dark-{name}", full_page=False)
    record.assert_clean()


@pytest.mark.parametrize("name", ["home", "case", "all-cases", "dashboard"])
def test_no_serious_axe_violation_with_the_search_dialog_open(guarded, site_url, axe_source, name):
    page, record = open_page(guarded, site_url, PAGES[name])
    page.click("input.md-search__input")
    page.keyboard.type("climate")
    assert page.is_checked("#__search")  # the search dialog is open
    page.wait_for_selector(".md-search-result__list > li", timeout=10_000)
    page.wait_for_timeout(600)
    violations = run_axe(page, axe_source)
    assert violations == [], violations
    record.assert_clean()
    if name == "home":
        screenshot(page, "search-open", full_page=False)


@pytest.mark.parametrize("name", ["home", "case", "all-cases", "dashboard", "status-index", "status",
                                  "discipline-index", "discipline-parent", "vo-index", "centre-index", "centre",
                                  "year-index", "about", "not-found"])
def test_works_at_375_pixels_without_horizontal_overflow(guarded, site_url, name):
    page, record = guarded
    page.set_viewport_size({"width": 375, "height": 812})
    open_page(guarded, site_url, PAGES[name])
    widths = page.evaluate("""() => ({
        doc: document.documentElement.scrollWidth, body: document.body.scrollWidth, view: window.innerWidth})""")
    assert widths["body"] <= widths["view"] and widths["doc"] <= widths["view"], widths
    record.assert_clean()
    if name in ("case", "dashboard", "all-cases"):
        screenshot(page, f"mobile-{name}")


def test_nothing_of_a_case_page_is_off_screen_at_375_pixels(guarded, site_url):
    """Not even inside a scrolling box: the timeline's every column is on screen."""
    page, record = guarded
    page.set_viewport_size({"width": 375, "height": 812})
    for path in ("cases/2/", "cases/5/", "cases/10/"):
        open_page(guarded, site_url, path)
        beyond = page.evaluate("""() => [...document.querySelectorAll('article *')]
            .filter(e => e.getClientRects().length && e.getBoundingClientRect().right > innerWidth + 1)
            .map(e => e.tagName + '.' + e.className)""")
        assert beyond == [], (path, beyond[:5])
    record.assert_clean()


def test_chart_labels_are_at_least_11_pixels_on_a_phone(guarded, site_url):
    page, record = guarded
    page.set_viewport_size({"width": 375, "height": 812})
    for path in ("dashboard/", "status/", "year/"):
        open_page(guarded, site_url, path)
        sizes = page.evaluate("""() => [...document.querySelectorAll('svg.cc-chart')].flatMap(svg => {
            const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
            return [...svg.querySelectorAll('text')].map(t => parseFloat(getComputedStyle(t).fontSize) * scale);
        })""")
        assert sizes and min(sizes) >= 11, (path, min(sizes))
    record.assert_clean()


# --- sharing: what a link preview reads -------------------------------------------------------------


def head_tags(page) -> dict[str, str]:
    return page.evaluate("""() => {
        const out = {};
        document.querySelectorAll('head meta[property], head meta[name]').forEach(m =>
            out[m.getAttribute('property') || m.getAttribute('name')] = m.getAttribute('content'));
        const canonical = document.querySelector('head link[rel=canonical]');
        out.canonical = canonical && canonical.href;
        return out;
    }""")


def test_every_page_kind_has_the_sharing_tags_with_absolute_addresses(guarded, site_url):
    page, record = guarded
    for name, path in PAGES.items():
        if name == "not-found":
            continue
        open_page(guarded, site_url, path)
        tags = head_tags(page)
        for key in ("og:title", "og:description", "og:type", "og:url", "og:image", "twitter:card", "canonical"):
            assert tags.get(key), (name, key)
        assert tags["og:url"] == tags["canonical"] == site_url + path, name
        assert tags["og:image"] == site_url + "assets/images/card.png" and tags["twitter:card"] == "summary_large_image"
        card = page.request.get(tags["og:image"])
        assert card.ok and card.headers["content-type"] == "image/png" and len(card.body()) > 10_000
    record.assert_clean()


def test_a_case_shares_its_status_discipline_and_first_sentence(guarded, site_url):
    page, record = open_page(guarded, site_url, "cases/2/")
    tags = head_tags(page)
    assert tags["og:type"] == "article"
    assert tags["og:title"] == "Ocean Colour Reprocessing – satellite time series (case 2)"
    assert tags["og:description"].startswith(
        "Production · Natural Sciences / Earth and related environmental sciences / Oceanography · "
        "Ocean Colour Reprocessing is a collaboration of about 60 researchers")
    assert page.locator("link[rel=icon]").get_attribute("href").endswith("assets/images/favicon.svg")
    assert page.locator("header .md-logo img").get_attribute("src").endswith("assets/images/logo.svg")
    record.assert_clean()


# --- case pages -----------------------------------------------------------------------------------


def test_a_case_page_tells_its_story_first(guarded, site_url, context):
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site_url.rstrip("/"))
    page, record = guarded
    page.set_viewport_size({"width": 1280, "height": 900})
    open_page(guarded, site_url, "cases/2/")
    summary = page.locator(".cc-summary")
    assert summary.is_visible() and summary.bounding_box()["y"] < 500  # above the fold
    text = summary.inner_text()
    assert "Production since 2017-04-23" in text and "What Ocean Colour Reprocessing needs:" in text
    assert "Last progress:" in text
    assert page.locator(".cc-permalink").bounding_box()["y"] < 900
    page.get_by_role("button", name="Copy link").click()
    expect(page.locator(".cc-permalink .cc-copy")).to_have_text("Copied")  # no eval: the CSP forbids it
    assert page.evaluate("navigator.clipboard.readText()") == site_url + "cases/2/"
    page.get_by_role("button", name="Copy citation").click()
    citation = page.evaluate("navigator.clipboard.readText()")
    assert citation.startswith("EGI Case Catalogue. “Ocean Colour Reprocessing – satellite time series”, case 2 ")
    assert citation.endswith(site_url + "cases/2/")
    # replies by side, the older ones folded until asked for
    headings = page.locator(".cc-message h3").all_inner_texts()
    assert any(h.startswith("Reply from EGI") for h in headings)
    assert any(h.startswith("Reply from the community") for h in headings)
    folded = page.locator("details.cc-earlier .cc-message").first
    assert not folded.is_visible()
    page.locator("details.cc-earlier summary").click()
    assert folded.is_visible()
    screenshot(page, "case-top", full_page=False)
    record.assert_clean()


def test_a_page_works_without_javascript_and_says_what_it_shows(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(site_url + "cases/?status=production")  # a shared filtered link, opened without JavaScript
        assert page.locator("table[data-cc-table] tbody tr").count() == 62
        assert page.locator("form[data-cc-facets]").is_hidden()  # nothing half-working is shown
        note = page.locator(".cc-noscript")
        assert note.is_visible() and "complete list" in note.inner_text()
        assert note.locator("a[href$='status/']").count() == 1  # and where a true filtered list is
        page.goto(site_url + "cases/2/")
        assert page.locator("code[data-cc-copy]").inner_text() == site_url + "cases/2/"
        page.goto(site_url + "discipline/natural-sciences/")
        assert "?filter=" not in page.content()  # the parent lists its cases itself
        assert page.locator("table tbody tr").count() >= 20
    finally:
        context.close()


def test_a_vo_of_one_case_forwards_to_it(guarded, site_url, served_sample):
    page, record = guarded
    vo = next(p.parent.name for p in sorted((served_sample[1] / "vo").glob("*/index.html")))
    page.goto(site_url + f"vo/{vo}/")
    page.wait_for_url(site_url + "cases/*/", timeout=10_000)
    assert page.locator("h1").first.inner_text()
    open_page(guarded, site_url, "vo/")
    link = page.locator(f"table a").first
    assert "/cases/" in link.get_attribute("href")  # the index links straight to the case
    record.assert_clean()


def test_screenshots_of_the_main_pages(guarded, site_url):
    page, record = guarded
    for name in ("home", "case", "dashboard", "discipline-index", "status-index", "centre-index", "not-found"):
        open_page(guarded, site_url, PAGES[name])
        path = screenshot(page, name)
        assert path.stat().st_size > 10_000
    record.assert_clean()


# --- the Content-Security-Policy at work --------------------------------------------------------------


def test_an_inline_script_injected_into_a_built_page_is_blocked(guarded, site_url):
    page, record = guarded

    def inject(route):
        response = route.fetch()
        body = response.text().replace("<article", "<script>window.__injected = 1</script><article", 1)
        route.fulfill(response=response, body=body)

    page.route(site_url + "cases/2/", inject)
    open_page(guarded, site_url, "cases/2/")
    assert "window.__injected = 1" in page.content()
    assert page.evaluate("window.__injected") is None
    assert page.evaluate("window.__csp") and "script-src" in page.evaluate("window.__csp")[0]
    # the page itself still works: the theme's scripts ran, the copy button is there, search answers
    assert page.locator("html.js").count() == 1 and page.get_by_role("button", name="Copy link").is_visible()
    page.click("input.md-search__input")
    page.keyboard.type("ocean")
    page.wait_for_selector(".md-search-result__list > li")
    assert [e for e in record.console_errors if "CSP violation" not in e and "Content Security Policy" not in e] == []


# --- hostile ticket text ---------------------------------------------------------------------------

HOSTILE = "cases/90/"


def test_hostile_text_is_shown_as_text_and_nothing_runs_on_load(guarded, hostile_url):
    page, record = guarded
    open_page(guarded, hostile_url, HOSTILE)
    page.wait_for_timeout(200)
    assert page.evaluate("window.__pwned") is None and page.evaluate("window.__csp") is None
    content = page.locator("article").inner_text()
    assert "<script>alert(1)</script>" in content and "{{ 7*7 }}" in content
    # the one script element of the content is its JSON-LD, data the browser never runs, which
    # holds the hostile subject as text
    assert page.locator("article script:not([type='application/ld+json']), article img[onerror], "
                        "article [onclick]").count() == 0
    structured = json.loads(page.locator("article script[type='application/ld+json']").text_content())
    assert "<script>alert(1)</script>" in structured["name"] + structured.get("description", "")
    assert page.locator('a[href^="javascript:" i]').count() == 0
    record.assert_clean()


def test_clicking_every_link_of_a_hostile_case_page_runs_nothing(guarded, hostile_url):
    page, record = guarded
    open_page(guarded, hostile_url, HOSTILE)
    links = page.locator("a[href]")
    assert links.count() > 20
    seen = set()
    for i in range(links.count()):
        if page.url != hostile_url + HOSTILE:
            open_page(guarded, hostile_url, HOSTILE)
        link = page.locator("a[href]").nth(i)
        href = link.get_attribute("href")
        if href in seen or not link.is_visible():
            continue
        seen.add(href)
        try:
            link.click(timeout=3_000)
        except Exception:  # a link that cannot be clicked (covered, moved) is not a way in either
            continue
        page.wait_for_timeout(100)
        assert page.evaluate("window.__pwned") is None, href
    assert len(seen) >= 10
    # links to other hosts (related documents, RT) were blocked, never followed
    assert all(urlsplit(u).hostname != "127.0.0.1" for u in record.foreign)
    assert not record.dialogs and not record.page_errors


# --- permalinks of merged tickets ------------------------------------------------------------------


def test_a_merged_ticket_address_forwards_to_the_surviving_case(page, tmp_path):
    from support.site_factory import case, snapshot
    from support.sitebuild import build_snapshot, folders

    snap = snapshot(case(1, subject="Alpha – one"), case(2, subject="Beta – two"), redirects={5: 2})
    build_snapshot(snap, folders(tmp_path))
    with serve(tmp_path / "site") as url:
        page.goto(url + "cases/5/")
        page.wait_for_url(url + "cases/2/", timeout=10_000)
        assert page.locator("h1").first.inner_text() == "Beta – two"
