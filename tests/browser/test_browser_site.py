"""The sample catalogue in a real browser: clean pages, accessibility, small screens, the table
filter and sort, the copy button, and hostile ticket text that stays inert text."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from support.browserkit import run_axe, screenshot, serve

#: one page of every kind (and the hand-written ones)
PAGES = {
    "home": "",
    "case": "cases/2/",
    "case-hostile": "cases/41/",
    "all-cases": "cases/",
    "status-index": "status/",
    "status": "status/production/",
    "discipline-index": "discipline/",
    "discipline-parent": "discipline/natural-sciences/",
    "vo-index": "vo/",
    "vo": "vo/vo-ocean-colour-reprocessing-example-eu/",
    "year-index": "year/",
    "year": "year/2025/",
    "dashboard": "dashboard/",
    "stale": "stale/",
    "about": "about/",
    "data": "data/",
}


def open_page(guarded, site_url, path):
    page, record = guarded
    response = page.goto(site_url + path, wait_until="load")
    assert response is not None and response.status == 200, path
    return page, record


@pytest.mark.parametrize("name", list(PAGES))
def test_page_has_no_errors_no_foreign_requests_and_no_serious_axe_violation(guarded, site_url, axe_source, name):
    page, record = open_page(guarded, site_url, PAGES[name])
    page.wait_for_timeout(200)
    violations = run_axe(page, axe_source)
    assert violations == [], violations
    record.assert_clean()
    assert page.evaluate("window.__pwned") is None


@pytest.mark.parametrize("name", ["home", "case-hostile", "all-cases", "dashboard"])
def test_no_serious_axe_violation_with_the_search_dialog_open(guarded, site_url, axe_source, name):
    page, record = open_page(guarded, site_url, PAGES[name])
    page.click("input.md-search__input")
    page.keyboard.type("climate")
    assert page.is_checked("#__search")  # the search dialog is open
    page.wait_for_selector(".md-search-result__list > li", timeout=10_000)
    page.wait_for_timeout(600)  # colour transitions otherwise give false contrast readings
    violations = run_axe(page, axe_source)
    assert violations == [], violations
    record.assert_clean()
    if name == "home":
        screenshot(page, "search-open", full_page=False)


@pytest.mark.parametrize("name", ["home", "case", "case-hostile", "all-cases", "dashboard", "status-index",
                                  "discipline-index", "discipline-parent", "vo-index", "year-index"])
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


def visible_rows(page) -> int:
    return page.locator("table[data-cc-table] tbody tr:visible").count()


def test_all_cases_table_filters_and_sorts(guarded, site_url):
    page, record = open_page(guarded, site_url, "cases/")
    total = page.locator("table[data-cc-table] tbody tr").count()
    assert total == 62 and visible_rows(page) == total
    box = page.get_by_label("Filter cases")
    box.fill("production")
    page.wait_for_timeout(300)
    shown = visible_rows(page)
    assert 0 < shown < total
    assert page.locator(".cc-filter-status").inner_text() == f"Showing {shown} of {total} cases."
    for row in page.locator("table[data-cc-table] tbody tr:visible").all():
        assert "production" in row.inner_text().lower()
    box.fill("astronomy production")  # every word must match; full discipline names count too
    page.wait_for_timeout(300)
    assert 0 < visible_rows(page) < shown
    box.fill("")
    page.wait_for_timeout(300)
    assert visible_rows(page) == total

    def first_ids():
        return [int(t.strip("#")) for t in page.locator("table[data-cc-table] tbody tr td:first-child").all_inner_texts()[:3]]

    assert first_ids() == [1, 2, 3]
    page.get_by_role("button", name=re.compile("^Case")).click()
    assert page.locator("th[aria-sort]").get_attribute("aria-sort") == "ascending"
    page.get_by_role("button", name=re.compile("^Case")).click()
    assert page.locator("th[aria-sort]").get_attribute("aria-sort") == "descending"
    ids = first_ids()
    assert ids == sorted(ids, reverse=True) and ids[0] == 64
    page.get_by_role("button", name=re.compile("^Status")).click()  # workflow order, not alphabetical
    statuses = page.locator("table[data-cc-table] tbody tr td:nth-child(3)").all_inner_texts()
    assert statuses[0] == "Pre-assessment" and statuses[-1] == "No status"
    box.fill("test & integration")
    page.wait_for_timeout(300)
    screenshot(page, "all-cases-filtered", full_page=False)
    # a parent discipline's page links the table pre-filtered on its name
    open_page(guarded, site_url, "cases/?filter=Natural%20Sciences%20/%20Physical%20sciences")
    assert page.get_by_label("Filter cases").input_value() == "Natural Sciences / Physical sciences"
    physics = visible_rows(page)
    assert 0 < physics < total
    record.assert_clean()


def test_all_cases_table_is_complete_without_javascript(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(site_url + "cases/")
        assert page.locator("table[data-cc-table] tbody tr").count() == 62
        assert page.locator(".cc-filter").count() == 0  # nothing half-working is shown
        page.goto(site_url + "cases/2/")
        assert page.locator("code[data-cc-copy]").inner_text() == "cases/2/"
    finally:
        context.close()


def test_copy_button_copies_the_permalink(guarded, site_url, context):
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site_url.rstrip("/"))
    page, record = open_page(guarded, site_url, "cases/2/")
    page.get_by_role("button", name="Copy link").click()
    page.wait_for_function("document.querySelector('.cc-copy').textContent === 'Copied'")
    assert page.evaluate("navigator.clipboard.readText()") == site_url + "cases/2/"
    record.assert_clean()


def test_screenshots_of_the_main_pages(guarded, site_url):
    page, record = guarded
    for name in ("home", "case", "dashboard", "discipline-index", "status-index"):
        open_page(guarded, site_url, PAGES[name])
        path = screenshot(page, name)
        assert path.stat().st_size > 10_000
    record.assert_clean()


# --- hostile ticket text ---------------------------------------------------------------------------

HOSTILE_MARKERS = ("&lt;script&gt;alert(1)", "&lt;img src=x onerror", "javascript:alert(1)", "{{ 7*7 }}")


def hostile_case_pages(site_dir) -> list[str]:
    found = []
    for path in sorted((site_dir / "cases").glob("*/index.html")):
        text = path.read_text(encoding="utf-8")
        if any(marker in text for marker in HOSTILE_MARKERS):
            found.append(f"cases/{path.parent.name}/")
    return found


def test_the_sample_has_hostile_case_pages(sample_site_dir):
    assert "cases/41/" in hostile_case_pages(sample_site_dir)


def test_hostile_text_is_shown_as_text_and_nothing_runs_on_load(guarded, site_url, sample_site_dir):
    page, record = guarded
    for path in hostile_case_pages(sample_site_dir):
        open_page(guarded, site_url, path)
        page.wait_for_timeout(200)
        assert page.evaluate("window.__pwned") is None, path
        content = page.locator("article").inner_text()
        assert "<script>alert(1)</script>" in content, path
        assert page.locator("article script, article img[onerror], article [onclick]").count() == 0, path
        assert page.locator('a[href^="javascript:" i]').count() == 0, path
    record.assert_clean()


def test_clicking_every_link_of_a_hostile_case_page_runs_nothing(guarded, site_url, sample_site_dir):
    page, record = guarded
    for path in hostile_case_pages(sample_site_dir):
        open_page(guarded, site_url, path)
        links = page.locator("a[href]")
        assert links.count() > 20
        seen = set()
        for i in range(links.count()):
            if page.url != site_url + path:
                open_page(guarded, site_url, path)
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
            assert page.evaluate("window.__pwned") is None, f"{path}: link {href}"
        assert len(seen) >= 10
        # links to other hosts (related documents, RT) were blocked, never followed
        assert all(not u.startswith(site_url) for u in record.foreign)
        record.foreign.clear()
    assert not record.dialogs and not record.page_errors


# --- permalinks of merged tickets ------------------------------------------------------------------


def test_a_merged_ticket_address_forwards_to_the_surviving_case(page, tmp_path):
    from support.site_factory import case, snapshot

    from generator.site.build import drop_source_maps
    from generator.site.build import run_mkdocs, write_build_config
    from generator.site.pages import write_pages

    root = Path(__file__).resolve().parent.parent.parent
    snap = snapshot(case(1, subject="Alpha – one"), case(2, subject="Beta – two"), redirects={5: 2})
    docs = tmp_path / "build" / "docs"
    write_pages(snap, root / "templates", root / "docs", docs, site_url="")
    run_mkdocs(write_build_config(snap, root / "mkdocs.yml", tmp_path / "build", docs, site_url=""),
               tmp_path / "site", snap)
    drop_source_maps(tmp_path / "site")
    with serve(tmp_path / "site") as url:
        page.goto(url + "cases/5/")
        page.wait_for_url(url + "cases/2/", timeout=10_000)
        assert page.locator("h1").first.inner_text() == "Beta – two"
