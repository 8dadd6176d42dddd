"""The sample site published as a project site (served under /<repo>/ the way GitHub Pages does:
its 404.html for any missing address), in Chromium: the 404 page at any depth is styled, loads
every asset, and its links lead to pages that exist."""

from __future__ import annotations

import contextlib
import http.server
import threading
from dataclasses import replace
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from generator.config import Config
from generator.pipeline import build_site
from generator.rt.source import load_sample
from generator.screening.policy import Policy

REPO = "case-catalogue"


class _PagesHandler(http.server.SimpleHTTPRequestHandler):
    """GitHub Pages for one project site: /<repo>/... from the site folder, its 404.html (status
    404) for anything missing, nothing at all outside /<repo>/."""

    site: Path

    def log_message(self, *args):
        pass

    def do_GET(self):
        path = unquote(urlsplit(self.path).path)
        if not path.startswith(f"/{REPO}/"):
            return self._send(404, b"not this project's site", "text/plain")
        target = self.site / path[len(REPO) + 2:]
        if target.is_dir():
            target = target / "index.html"
        if ".." in Path(path).parts or not target.is_file():
            return self._send(404, (self.site / "404.html").read_bytes(), "text/html")
        return self._send(200, target.read_bytes(), self.guess_type(str(target)))

    def _send(self, status: int, body: bytes, kind: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@contextlib.contextmanager
def pages_server(site: Path):
    handler = type("Handler", (_PagesHandler,), {"site": site})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="module")
def project_site(tmp_path_factory):
    """The sample built for http://127.0.0.1:<port>/case-catalogue/ and served there."""
    base = tmp_path_factory.mktemp("pages")
    config = replace(Config(), cache_dir=base / "cache", build_dir=base / "build", site_dir=base / "site",
                     reports_dir=base / "reports")
    with pages_server(config.site_dir) as server:
        site_url = f"http://127.0.0.1:{server.server_address[1]}/{REPO}/"
        with pytest.MonkeyPatch.context() as env:
            env.setenv("SITE_URL", site_url)
            build_site(load_sample(), config, Policy(salt=b"test-salt"))
        yield site_url


@pytest.mark.parametrize("missing", ["no-such-page/", "cases/999999/", "status/a/b/c/deep.html"])
def test_404_page_of_a_project_site_is_whole_at_any_depth(page, project_site, missing):
    failed, errors = [], []
    page.on("response", lambda r: r.status >= 400 and r.url != project_site + missing and failed.append(r.url))
    page.on("requestfailed", lambda r: failed.append(r.url))
    page.on("console", lambda m: m.type == "error" and not m.text.startswith("Failed to load resource: the server "
                                                                              "responded with a status of 404")
            and errors.append(m.text))
    page.on("pageerror", lambda e: errors.append(str(e)))

    response = page.goto(project_site + missing)
    assert response.status == 404
    page.wait_for_load_state("networkidle")
    assert not failed, f"the 404 page could not load: {failed}"
    assert not errors, errors
    # Material's stylesheet and script are in force: the header is laid out by them, the palette set
    assert page.evaluate("getComputedStyle(document.querySelector('.md-header')).position") == "sticky"
    assert page.evaluate("document.body.getAttribute('data-md-color-primary')") == "indigo"
    assert page.evaluate("typeof document$ !== 'undefined'")  # bundle.js ran

    hrefs = page.eval_on_selector_all("a[href]", "els => els.map(e => e.href)")
    here = project_site + missing  # the skip link's "#cc-main" points into this very page
    local = sorted({h.split("#")[0] for h in hrefs if h.startswith(project_site)} - {here})
    assert project_site in local and f"{project_site}cases/" in local
    for href in local:
        assert page.request.get(href).status == 200, href

    with page.expect_navigation() as home:  # from a page whose own address is nowhere in the site
        page.click(".md-header__button.md-logo")
    assert home.value.status == 200 and page.url == project_site


def test_search_of_a_project_site_finds_cases_from_the_404_page(page, project_site):
    page.goto(project_site + "gone/away/")
    page.click("input.md-search__input")
    page.fill("[data-cc-search-query]", "pipelines")
    results = page.locator(".md-search-result__item a")
    results.first.wait_for(timeout=10_000)
    href = results.first.get_attribute("href")
    assert href and page.request.get(page.evaluate("h => new URL(h, location.href).href", href)).status == 200
