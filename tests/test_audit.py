"""The audit gate reads every file of a built site, by content, never by skipping types."""

import gzip
import shutil
from importlib import util
from pathlib import Path

import pytest

from generator.audit import audit_site, auditable_text, drop_source_maps


@pytest.fixture
def site(tmp_path):
    root = tmp_path / "site"
    (root / "cases" / "1").mkdir(parents=True)
    (root / "cases" / "1" / "index.html").write_text("<p>Nothing to see</p>")
    return root


def rules(findings):
    return {(f.path, f.rule) for f in findings}


def test_clean_site_passes(site):
    assert audit_site(site) == []


@pytest.mark.parametrize("name, content", [
    ("cases/1/index.html", "<p>write to pi@example.org</p>"),
    ("search/search_index.json", '{"docs": [{"text": "mail pi@example.org"}]}'),
    ("data/cases.csv", "id,subject\n1,pi@example.org\n"),
    ("feed.xml", "<feed><entry><title>pi@example.org</title></entry></feed>"),
    ("assets/whatever.bin", "\x00\x01pi@example.org\x02"),
    ("cases/1/index.html", '<a href="mailto:pi@example.org">x</a>'),
])
def test_any_file_type_is_read(site, name, content):
    path = site / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(content)
    found = audit_site(site)
    assert any(f.path == name and f.rule.startswith("email") for f in found), found


def test_compressed_files_are_read(site):
    (site / "sitemap.xml.gz").write_bytes(gzip.compress(b"<urlset><loc>ops@example.org</loc></urlset>"))
    assert any(f.path == "sitemap.xml.gz" for f in audit_site(site))


def test_script_urls_in_markup_fail(site):
    (site / "cases" / "1" / "index.html").write_text('<a href="javascript:alert(1)">x</a>')
    assert rules(audit_site(site)) == {("cases/1/index.html", "markup.script-url")}


def test_source_maps_are_dropped_and_flagged_if_present(site):
    (site / "bundle.js.map").write_text("{}")
    assert ("bundle.js.map", "policy.source-map-shipped") in rules(audit_site(site))
    assert drop_source_maps(site) == 1
    assert audit_site(site) == []


def test_exact_theme_files_are_accepted_but_not_edited_copies(site):
    spec = util.find_spec("mkdocs")
    tinyseg = next(Path(spec.submodule_search_locations[0]).rglob("tinyseg.js"))
    target = site / "search" / "lunr" / "tinyseg.js"
    target.parent.mkdir(parents=True)
    shutil.copy(tinyseg, target)
    assert audit_site(site) == []
    target.write_text(tinyseg.read_text() + "\n// extra")
    assert any(f.path == "search/lunr/tinyseg.js" for f in audit_site(site))


def test_svg_geometry_is_not_read_as_phone_numbers():
    svg = b'<svg viewBox="0 0 24 24"><path d="M12 4.5 7 4.5 2 12 5.5 3.54 2.36-2.19 5.5-3.54 9-3.54V8c-3.5"/></svg>'
    assert "3.54" not in auditable_text(Path("x.html"), svg)


def test_missing_site_is_an_error(tmp_path):
    with pytest.raises(FileNotFoundError):
        audit_site(tmp_path / "absent")
