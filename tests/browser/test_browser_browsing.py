"""Browsing the sample catalogue in Chromium: the all-cases facets and their addresses, a view
shared and reopened, downloads of a view, the keyboard path, and search (snippets, marks, the
tokeniser spec on the same vectors as Python's)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from support.browserkit import screenshot

from generator.site import search

VECTORS = Path(__file__).resolve().parent.parent / "data" / "tokeniser-vectors.json"
ROWS = "table[data-cc-table] tbody tr"


def open_page(guarded, site_url, path):
    page, record = guarded
    response = page.goto(site_url + path, wait_until="load")
    assert response is not None and response.status == 200, path
    return page, record


def visible_rows(page) -> list[dict]:
    return page.evaluate("""() => [...document.querySelectorAll('table[data-cc-table] tbody tr')]
        .filter(r => !r.hidden).map(r => ({
            id: parseInt(r.cells[0].textContent, 10), status: r.getAttribute('data-status'),
            year: r.getAttribute('data-year'), disciplines: r.getAttribute('data-discipline').split('\\n'),
            opened: r.cells[4].textContent.trim()}))""")


def query(page) -> dict[str, list[str]]:
    return parse_qs(urlsplit(page.url).query)


def test_facets_filter_exactly_and_keep_the_view_in_the_address(guarded, site_url):
    page, record = open_page(guarded, site_url, "cases/")
    assert len(visible_rows(page)) == 62
    assert page.locator("[data-cc-view-status]").inner_text() == "Showing all 62 cases."
    page.select_option("#cc-f-status", "production")
    rows = visible_rows(page)
    assert rows and {r["status"] for r in rows} == {"production"}  # never Pre-production
    assert query(page) == {"status": ["production"]}
    label = page.locator("#cc-f-status option[value='production']").inner_text()
    assert label == f"Production ({len(rows)})"
    page.select_option("#cc-f-discipline", "Natural Sciences")
    both = visible_rows(page)
    assert 0 < len(both) < len(rows)
    assert all(any(d.startswith("Natural Sciences / ") for d in r["disciplines"]) for r in both)
    # the other facets count within the view: the years offered add up to the rows shown
    years = page.evaluate("""() => [...document.querySelectorAll('#cc-f-year option')].filter(o => o.value)
        .map(o => parseInt(o.textContent.match(/\\((\\d+)\\)$/)[1], 10))""")
    assert sum(years) == len(both)
    page.get_by_role("button", name="Opened").click()
    page.get_by_role("button", name="Opened").click()
    opened = [r["opened"] for r in visible_rows(page)]
    assert opened == sorted(opened, reverse=True)
    assert query(page) == {"status": ["production"], "discipline": ["Natural Sciences"], "sort": ["opened"],
                           "dir": ["desc"]}
    assert page.locator("th[aria-sort='descending']").inner_text().startswith("Opened")
    screenshot(page, "all-cases-filtered", full_page=False)
    record.assert_clean()


def test_a_filtered_view_shared_and_reopened_shows_the_same_cases(guarded, site_url, browser):
    page, record = open_page(guarded, site_url, "cases/")
    page.fill("#cc-q", "sciences")
    page.select_option("#cc-f-centre", "EXAMPLE-SITE-HU")
    page.get_by_role("button", name="Case").click()
    page.get_by_role("button", name="Case").click()  # by case number, descending
    page.wait_for_timeout(300)
    shown = [r["id"] for r in visible_rows(page)]
    assert 0 < len(shown) < 62 and shown == sorted(shown, reverse=True)
    link = page.locator("[data-cc-view-link]").get_attribute("href")
    assert link == urlsplit(page.url).path + "?" + urlsplit(page.url).query
    other = browser.new_context().new_page()  # someone else opens the shared address
    try:
        other.goto(site_url.rstrip("/") + link)
        assert [r["id"] for r in visible_rows(other)] == shown
        assert other.input_value("#cc-f-centre") == "EXAMPLE-SITE-HU", link
        assert other.input_value("#cc-q") == "sciences", (link, other.url)
    finally:
        other.context.close()
    page.reload()
    assert [r["id"] for r in visible_rows(page)] == shown
    page.get_by_role("button", name="Clear the filters").click()
    assert len(visible_rows(page)) == 62 and query(page) == {"sort": ["id"], "dir": ["desc"]}
    record.assert_clean()


def test_an_unknown_value_in_the_address_shows_nothing_rather_than_everything(guarded, site_url):
    page, record = open_page(guarded, site_url, "cases/?status=someday")
    assert visible_rows(page) == []
    assert page.locator("[data-cc-view-status]").inner_text() == "Showing 0 of 62 cases."
    assert page.input_value("#cc-f-status") == "someday"
    record.assert_clean()


def test_the_older_filter_links_still_work(guarded, site_url):
    page, record = open_page(guarded, site_url, "cases/?filter=Natural%20Sciences%20/%20Physical%20sciences")
    rows = visible_rows(page)
    assert 0 < len(rows) < 62 and page.input_value("#cc-q") == "Natural Sciences / Physical sciences"
    record.assert_clean()


def test_the_view_downloads_as_csv_and_json(guarded, site_url, served_sample):
    page, record = open_page(guarded, site_url, "cases/?status=assessed&sort=opened&dir=asc")
    shown = [r["id"] for r in visible_rows(page)]
    assert len(shown) >= 3
    with page.expect_download() as download:
        page.get_by_role("button", name="Download this view (CSV)").click()
    rows = list(csv.DictReader(io.StringIO(Path(download.value.path()).read_text(encoding="utf-8"), newline="")))
    assert [int(r["id"]) for r in rows] == shown and {r["implementation_status"] for r in rows} == {"Assessed"}
    full = list(csv.DictReader(io.StringIO((served_sample[1] / "data" / "cases.csv").read_text(), newline="")))
    assert rows[0] == next(r for r in full if r["id"] == rows[0]["id"])  # the export's own fields
    with page.expect_download() as download:
        page.get_by_role("button", name="Download this view (JSON)").click()
    data = json.loads(Path(download.value.path()).read_text(encoding="utf-8"))
    assert [c["id"] for c in data["cases"]] == shown and data["case_count"] == len(shown)
    assert {c["implementation_status"] for c in data["cases"]} == {"Assessed"}
    assert data["view"].endswith("?status=assessed&sort=opened&dir=asc")
    record.assert_clean()


def test_the_keyboard_path(guarded, site_url):
    """Skip link first; search opened with '/', left with Tab; then the facets by keyboard alone."""
    page, record = open_page(guarded, site_url, "cases/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent.trim()") == "Skip to content"
    page.keyboard.press("Enter")
    assert urlsplit(page.url).fragment == "cc-main"
    # The theme closes the search 125 ms after any navigation, a change of the URL's fragment
    # included: a '/' pressed sooner after the skip link would be undone by it, as for a reader
    # that quick (bundle.ts, "Always close drawer and search on navigation").
    page.wait_for_timeout(1000)  # well past it, even on a loaded machine
    page.keyboard.press("/")
    page.wait_for_timeout(1000)  # past the theme's delay, so an open overlay is one that stays open
    focused = page.evaluate("document.activeElement && document.activeElement.tagName")
    assert page.is_checked("#__search"), f"'/' did not open the search (the focus was on {focused})"
    assert page.evaluate("document.activeElement.matches('input.md-search__input')")
    page.keyboard.type("ocean")
    page.wait_for_selector(".md-search-result__list > li")
    page.keyboard.press("Tab")  # to the reset button, still inside the dialog
    for _ in range(30):  # on through the results and out of the dialog
        if not page.is_checked("#__search"):
            break
        page.keyboard.press("Tab")
        page.wait_for_timeout(50)  # the theme closes the overlay on focus-out, on its next task
    assert not page.is_checked("#__search"), "the overlay stays open after focus left it"
    page.focus("#cc-f-status")
    page.keyboard.press("ArrowDown")  # a closed select changes with the arrow keys
    assert page.input_value("#cc-f-status") != "" and query(page)["status"]
    page.keyboard.press("Escape")
    record.assert_clean()


def search_for(page, words: str):
    page.click("input.md-search__input")
    page.keyboard.type(words)
    page.wait_for_selector(".md-search-result__list > li")
    page.wait_for_timeout(800)  # the pages of the shown results, for their snippets


def test_search_shows_the_text_around_the_match_with_the_query_marked(guarded, site_url):
    page, record = open_page(guarded, site_url, "")
    search_for(page, "embargo")
    first = page.locator(".md-search-result__list > li").first
    snippet = first.locator(".cc-result-snippet").inner_text()
    assert "embargo" in snippet and snippet.startswith("… ")  # from further in than the opening
    assert first.locator(".cc-result-snippet mark").all_inner_texts()[0].lower() == "embargo"
    screenshot(page, "search-snippet", full_page=False)
    record.assert_clean()


def test_search_finds_the_hand_written_pages_and_non_latin_words(guarded, site_url):
    page, record = open_page(guarded, site_url, "")
    search_for(page, "requesters")  # a word of docs/about.md only
    titles = page.locator(".md-search-result__list h1").all_inner_texts()
    assert any("About" in t for t in titles), titles
    page.fill("input.md-search__input", "")
    search_for(page, "χειρογραφα")  # without its accent: found, and the accented word is marked
    first = page.locator(".md-search-result__list > li").first
    assert "Χειρόγραφα" in first.locator("h1 mark").all_inner_texts()
    record.assert_clean()


def test_the_tokeniser_gives_the_same_tokens_in_javascript_and_python(guarded, site_url):
    page, record = open_page(guarded, site_url, "")
    vectors = json.loads(VECTORS.read_text(encoding="utf-8"))
    assert len(vectors) >= 15
    got = page.evaluate("(v) => v.map(x => window.casecatWords(x.text))", vectors)
    for vector, js in zip(vectors, got):
        assert js == vector["tokens"] == search.tokens(vector["text"]), vector["why"]
    record.assert_clean()


def test_the_404_page_searches_and_leads_back(guarded, site_url):
    page, record = open_page(guarded, site_url, "404.html")
    assert page.locator("h1").first.inner_text() == "Page not found"
    page.fill("#cc-notfound-q", "ocean")
    page.keyboard.press("Enter")
    assert page.is_checked("#__search")
    page.wait_for_selector(".md-search-result__list > li")
    assert page.get_by_role("link", name="The catalogue's home page").get_attribute("href")
    record.assert_clean()
