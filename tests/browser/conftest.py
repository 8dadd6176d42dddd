"""Browser tests: the built sample site, served on 127.0.0.1, in Debian's Chromium via Playwright.

On the page of the ``guarded`` fixture, requests to any host but the local server are blocked
and recorded, console errors and uncaught exceptions are recorded, and ``window.alert`` (and
friends) and dialogs mark the page as compromised. Tests assert on those records.
The launch flags: no sandbox of its own (it runs in a container), no GPU, no calls home (updates, sync, QUIC).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from support.browserkit import AXE_JS, serve

CHROMIUM = "/usr/bin/chromium"
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"]

#: runs before any page script: payload detection (a payload that runs sets window.__pwned)
PAYLOAD_TRAP = """
(() => {
  const caught = (what) => function () { window.__pwned = (window.__pwned || []).concat([what]); };
  window.alert = caught("alert"); window.confirm = caught("confirm"); window.prompt = caught("prompt");
  window.print = caught("print");
})();
"""


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in str(item.fspath).replace(os.sep, "/"):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    if not Path(CHROMIUM).exists():
        pytest.skip(f"{CHROMIUM} is not installed (make system-deps)")
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": FLAGS}


#: reports what the Content-Security-Policy blocks, as a console error the tests see
CSP_REPORTER = """
document.addEventListener("securitypolicyviolation", (e) => {
  window.__csp = (window.__csp || []).concat([e.violatedDirective + " " + (e.blockedURI || "inline")]);
  console.error("CSP violation: " + e.violatedDirective + " " + e.blockedURI);
});
"""


@pytest.fixture(scope="session")
def served_sample(tmp_path_factory):
    """The sample catalogue built for the address it is served at (SITE_URL), so canonical links,
    og:url and og:image are real absolute addresses: ``(url, site folder)``."""
    from dataclasses import replace

    from generator.config import Config
    from generator.pipeline import build_site
    from generator.rt.source import load_sample
    from generator.screening.policy import Policy

    base = tmp_path_factory.mktemp("served-sample")
    (base / "site").mkdir()
    with serve(base / "site") as url:  # the server reads the folder at each request: build into it
        config = replace(Config(), cache_dir=base / "cache", build_dir=base / "build", site_dir=base / "site",
                         reports_dir=base / "reports")
        previous = os.environ.get("SITE_URL")
        os.environ["SITE_URL"] = url
        try:
            build_site(load_sample(), config, Policy(salt=b"test-salt"))
        finally:
            os.environ.pop("SITE_URL") if previous is None else os.environ.__setitem__("SITE_URL", previous)
        yield url, base / "site"


@pytest.fixture(scope="session")
def site_url(served_sample):
    """The sample site, served for the whole session at the address it was built for."""
    return served_sample[0]


@pytest.fixture(scope="session")
def hostile_url(hostile_site_dir):
    """The small catalogue with the hostile ticket (support.hostile), served."""
    with serve(hostile_site_dir) as url:
        yield url


@dataclass
class Visit:
    """What happened on the pages of one test."""

    foreign: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)

    def assert_clean(self):
        assert not self.foreign, f"requests to other hosts: {self.foreign}"
        assert not self.console_errors, f"console errors: {self.console_errors}"
        assert not self.page_errors, f"uncaught exceptions: {self.page_errors}"
        assert not self.dialogs, f"dialogs opened: {self.dialogs}"


@pytest.fixture
def guarded(page, site_url):
    """The page, with foreign requests blocked and everything suspicious recorded."""
    record = Visit()
    own = "127.0.0.1"  # every test server of the session is on this host

    def route(r):
        if urlsplit(r.request.url).hostname == own or r.request.url.startswith("blob:"):
            r.continue_()
        else:
            record.foreign.append(r.request.url)
            r.abort()

    page.route("**/*", route)
    page.on("console", lambda m: m.type == "error" and record.console_errors.append(m.text))
    page.on("pageerror", lambda e: record.page_errors.append(str(e)))

    def on_dialog(d):
        record.dialogs.append(f"{d.type}: {d.message}")
        d.dismiss()

    page.on("dialog", on_dialog)
    page.add_init_script(PAYLOAD_TRAP)
    page.add_init_script(CSP_REPORTER)
    page.set_default_timeout(10_000)
    return page, record


@pytest.fixture(scope="session")
def axe_source():
    if not AXE_JS.exists():
        pytest.skip(f"axe-core not found at {AXE_JS} (make node-tools)")
    return AXE_JS.read_text(encoding="utf-8")
