"""The sample catalogue end to end: every page, every index, the export, links, no leaks."""

import markupsafe
import json
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit


from support.outputs import output_texts
from generator.model import ImplementationStatus
from devtools.synthetic import planted_items
from support.hostile import hostile_strings
from generator.site import csp
from generator.site.urls import slugify


def html_pages(site: Path):
    return sorted(site.rglob("*.html"))


def test_one_page_per_case(sample_raw, sample_site_dir):
    assert len(sample_raw.tickets) >= 60
    for ticket in sample_raw.tickets:
        page = sample_site_dir / "cases" / str(ticket.id) / "index.html"
        assert page.exists(), f"no page for case {ticket.id}"
        assert f"Case {ticket.id}" in page.read_text()


def test_status_and_discipline_indexes(sample_raw, sample_site_dir):
    for status in ImplementationStatus:
        page = sample_site_dir / "status" / status.slug / "index.html"
        assert page.exists(), status
        assert str(markupsafe.escape(status.meaning)) in page.read_text()
    names = {d for t in sample_raw.tickets for d in t.custom_fields.get("Scientific discipline", ())}
    assert len(names) >= 15
    for name in names:
        assert (sample_site_dir / "discipline" / slugify(name) / "index.html").exists(), name
    for index in ("index.html", "cases/index.html", "status/index.html", "discipline/index.html", "about/index.html"):
        assert (sample_site_dir / index).exists(), index


def test_status_page_lists_exactly_its_cases(sample_site):
    result, _ = sample_site
    cases = result.screening.snapshot.cases
    site = result.site_dir
    for status in ImplementationStatus:
        text = (site / "status" / status.slug / "index.html").read_text()
        listed = set(map(int, re.findall(r'href="\.\./\.\./cases/(\d+)/"', text)))
        assert listed == {c.id for c in cases if c.implementation_status is status}, status


def test_json_export(sample_site):
    result, _ = sample_site
    data = json.loads((result.site_dir / "data" / "cases.json").read_text())
    assert data["schema_version"] == 1
    assert data["is_sample"] is True
    assert data["case_count"] == len(data["cases"]) == result.cases
    ids = [c["id"] for c in data["cases"]]
    assert ids == sorted(ids)
    first = data["cases"][0]
    for key in ("id", "url", "subject", "implementation_status", "disciplines", "created", "last_updated",
                "status_history", "description"):
        assert key in first
    assert first["url"] == f"cases/{first['id']}/"


class Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links = []

    def handle_starttag(self, tag, attrs):
        for key, value in attrs:
            if key in ("href", "src") and value:
                self.links.append(value)


def broken_links(site: Path, root_path: str = "/") -> tuple[int, list[str]]:
    """How many links between the site's own pages there are, and those that lead nowhere
    (``root_path``: the site's path on its server, what its absolute links start with)."""
    broken = []
    checked = 0
    for page in html_pages(site):
        parser = Links()
        parser.feed(page.read_text())
        for link in parser.links:
            parts = urlsplit(link)
            if parts.scheme or parts.netloc or not parts.path:
                continue
            path = unquote(parts.path)
            base = site if path.startswith("/") else page.parent
            if path.startswith("/"):
                assert path.startswith(root_path), f"{page}: {link} is outside the site"
                path = path[len(root_path):]
            target = (base / path).resolve()
            if target.is_dir():
                target = target / "index.html"
            checked += 1
            if not target.exists():
                broken.append(f"{page.relative_to(site)} -> {link}")
    return checked, broken


def test_no_broken_internal_link(sample_site_dir):
    checked, broken = broken_links(sample_site_dir)
    assert checked > 1000
    assert not broken, broken[:20]


def test_no_planted_item_anywhere_in_the_output(sample_site):
    result, config = sample_site
    items = planted_items()
    assert len(items) >= 5
    leaks = []
    for folder in (result.site_dir, config.build_dir, config.reports_dir):
        for path, text in output_texts(folder):
            leaks += [f"{path}: {item[:12]}..." for item in items if item in text]
    assert not leaks, leaks[:10]


def test_hostile_text_is_shown_as_text_never_as_markup(hostile_site_dir):
    hostile = hostile_strings()
    pages = [p.read_text() for p in (hostile_site_dir / "cases").glob("*/index.html")]
    joined = "\n".join(pages)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in joined  # shown, escaped
    assert "<script>alert(1)</script>" not in joined
    assert not re.search(r"""(?i)<a[^>]+href=["']?\s*javascript:""", joined)
    assert not re.search(r"(?i)<img[^>]+onerror", joined)
    assert "{{ 7*7 }}" in joined or "{{ 7*7 }}" not in "".join(hostile)  # template syntax not evaluated
    assert ">49<" not in joined


def test_sample_banner_on_every_page_and_the_build_stamp_on_the_home_page(sample_site_dir):
    pages = html_pages(sample_site_dir)
    assert len(pages) > 90
    stamp = "Built from a snapshot of the sample queue technical-support-cases taken 2026-11-20 03:00 UTC"
    for page in pages:
        text = page.read_text()
        if 'http-equiv="refresh"' in text and "md-header" not in text:
            continue  # a bare forward to a case (a VO or centre of one case), never shown
        assert "Sample data." in text and "Invented sample data" in text, page
        # what changes with every snapshot is only where it belongs, so a night rebuilds what changed
        assert (stamp in text) == (page == sample_site_dir / "index.html"), page


def test_case_pages_are_not_in_the_navigation(sample_site_dir):
    home = (sample_site_dir / "index.html").read_text()
    start = re.search(r'<nav class="md-nav md-nav--primary[^"]*"', home)
    assert start, "Material's primary navigation not found"
    nav = home[start.start():home.index("</nav>", start.start())]
    assert 'href="cases/"' in nav  # the all-cases index is there...
    assert not re.search(r'href="cases/\d+/"', nav)  # ...no case page is


def test_screening_report_names_rules_not_text(sample_site):
    result, config = sample_site
    report = json.loads((config.reports_dir / "screening.json").read_text())
    assert report["cases_screened"] == result.cases + len(report["cases_withheld"])
    assert sum(report["findings_by_rule"].values()) >= 5
    raw = (config.reports_dir / "screening.json").read_text()
    for item in planted_items():
        assert item not in raw


def test_case_pages_describe_their_case_in_json_ld_inside_the_content(sample_site):
    result, _ = sample_site
    for case in result.screening.snapshot.cases:
        page = (result.site_dir / "cases" / str(case.id) / "index.html").read_text()
        article = re.search(r"<article\b.*?</article>", page, re.S).group(0)
        found = re.findall(r'<script type="application/ld\+json">(.*?)</script>', page, re.S)
        assert len(found) == 1 and found[0] in article, case.id  # the content's, never the frame's
        data = json.loads(found[0])
        assert (data["@type"], data["identifier"], data["name"]) == ("Article", str(case.id), case.subject)
        # data, not a script: the policy allows no hash for it, and the browser runs nothing of it
        policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]*)"', page).group(1)
        assert csp.script_hash(found[0]) not in policy
