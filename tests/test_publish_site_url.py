"""The published site knows its address: SITE_URL, required under GitHub Actions, right on a
project site (https://<owner>.github.io/<repo>/), where every address lives under /<repo>/."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from dataclasses import replace
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest

from generator.pipeline import build_site
from generator.rt.source import load_sample
from test_publish_guards import casecat, error_line

PROJECT_SITE = "https://owner.github.io/case-catalogue/"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.mark.slow
def test_under_github_actions_a_build_without_site_url_fails_in_one_line(tmp_path):
    outputs = tmp_path / "github-output"
    env = {"GITHUB_ACTIONS": "true", "GITHUB_OUTPUT": str(outputs)}
    proc = casecat("build", cwd=tmp_path, env=env)
    assert proc.returncode == 1
    line = error_line(proc)
    assert line.startswith("casecat: error: render: SITE_URL is not set: a site built under GitHub Actions")
    assert not (tmp_path / "site").exists()
    # the failure issue of the nightly quotes the same line
    assert outputs.read_text() == f"error={line.removeprefix('casecat: error: ')}\n"

    ok = casecat("build", cwd=tmp_path, env={**env, "SITE_URL": PROJECT_SITE})
    assert ok.returncode == 0, ok.stderr
    assert (tmp_path / "site" / "index.html").exists()


def local_target(site: Path, url: str) -> Path | None:
    """The file a URL of the project site is served from, or None when it is not under it."""
    if not url.startswith(PROJECT_SITE):
        return None
    path = url[len(PROJECT_SITE):].split("#")[0].split("?")[0]
    target = site / path
    return target / "index.html" if path == "" or path.endswith("/") else target


@pytest.fixture(scope="module")
def project_site(tmp_path_factory):
    base = tmp_path_factory.mktemp("project-site")
    from generator.config import Config
    from generator.screening.policy import Policy

    config = replace(Config(), cache_dir=base / "cache", build_dir=base / "build", site_dir=base / "site",
                     reports_dir=base / "reports")
    sample = load_sample()
    with pytest.MonkeyPatch.context() as env:
        env.setenv("SITE_URL", PROJECT_SITE)
        result = build_site(replace(sample, tickets=sample.tickets[:12]), config, Policy(salt=b"test-salt"))
    return result.site_dir


def test_project_site_canonical_links_and_sitemap_name_existing_pages(project_site):
    pages = sorted(project_site.rglob("index.html"))
    assert len(pages) > 20
    for page in pages:
        canonical = re.findall(r'<link rel="canonical" href="([^"]+)">', page.read_text())
        if not canonical:  # redirect and withdrawn pages are noindex and carry none
            continue
        assert local_target(project_site, canonical[0]) == page, (page, canonical)
    locs = [e.text for e in ET.parse(project_site / "sitemap.xml").getroot().iter(SITEMAP + "loc")]
    assert len(locs) > 20 and PROJECT_SITE in locs
    missing = [loc for loc in locs if not (target := local_target(project_site, loc)) or not target.is_file()]
    assert not missing


def test_project_site_feed_and_permalinks_are_absolute_under_the_sub_path(project_site):
    feed = ET.parse(project_site / "feed.xml").getroot()
    links = [e.get("href") for e in feed.iter(ATOM + "link")]
    assert f"{PROJECT_SITE}feed.xml" in links and PROJECT_SITE in links
    assert all((t := local_target(project_site, href)) and t.is_file() for href in links), links
    case_id = json.loads((project_site / "data" / "cases.json").read_text())["cases"][0]["id"]
    page = (project_site / "cases" / str(case_id) / "index.html").read_text()
    assert f">{PROJECT_SITE}cases/{case_id}/</code>" in page


def test_project_site_404_page_loads_everything_from_the_sub_path(project_site):
    """GitHub Pages serves 404.html for any missing address, at any depth: its links and assets
    must be absolute paths under /<repo>/, never relative and never at the host's root."""
    html = (project_site / "404.html").read_text()
    refs = re.findall(r'(?:href|src|data-cc-search-root)="([^"#]*)"', html)
    local = [r for r in refs if not r.startswith(("http:", "https:", "mailto:", "data:"))]
    assert local and all(r.startswith("/case-catalogue/") for r in local), local
    for ref in local:
        path = urlsplit(urljoin(PROJECT_SITE, ref)).path.removeprefix("/case-catalogue/")
        assert (project_site / path).is_dir() if path.endswith("/") or not path else \
            (project_site / path).is_file(), ref
    assert urlsplit(PROJECT_SITE).path + "search/" in local  # the search box finds its index
