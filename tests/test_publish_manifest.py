"""An unchanged night proves that the site on disk is the one published, or rebuilds it: the
manifest beside the site lists every file's hash (a check for index.html alone once kept a
site with 3 of 40 case pages night after night)."""

from __future__ import annotations

import json
import shutil

import pytest
from support.builds import publish_report, raw_queue
from support.cli import casecat, tree_state

from generator import publish


@pytest.fixture
def published(tmp_path):
    source = raw_queue(tmp_path, 20)
    first = casecat("build", "--source", str(source), cwd=tmp_path)
    assert first.returncode == 0, first.stderr
    return source


def test_the_manifest_lists_every_published_file_with_its_hash(tmp_path, published):
    site = tmp_path / "site"
    manifest = json.loads((tmp_path / ".site.manifest.json").read_text())
    assert manifest["format"] == publish.MANIFEST_FORMAT
    assert manifest["publish_hash"] == publish_report(tmp_path)["publish_hash"]
    assert manifest["files"] == publish.file_hashes(site)
    assert sorted(manifest["files"]) == sorted(p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file())
    assert not (site / ".site.manifest.json").exists()  # beside the site: never published


def test_an_intact_site_is_kept_untouched(tmp_path, published):
    before = tree_state(tmp_path / "site")
    again = casecat("build", "--source", str(published), cwd=tmp_path)
    assert "unchanged: the public snapshot is the one published last" in again.stderr
    assert tree_state(tmp_path / "site") == before


def _lose_case_pages(site):
    for page in sorted((site / "cases").iterdir())[3:]:
        if page.is_dir() and page.name.isdigit():
            shutil.rmtree(page)


DAMAGE = [
    (_lose_case_pages, "17 file(s) missing, 0 changed, 0 not published"),
    (lambda site: (site / "cases" / "1" / "index.html").write_text("<p>edited by hand</p>"),
     "0 file(s) missing, 1 changed, 0 not published"),
    (lambda site: (site / "stray.html").write_text("<p>left by another run</p>"),
     "0 file(s) missing, 0 changed, 1 not published"),
    (lambda site: (site.parent / ".site.manifest.json").unlink(), "it has no manifest of its files"),
    (lambda site: (site.parent / ".site.manifest.json").write_text("{"), "its manifest is unreadable"),
]


@pytest.mark.slow
def test_a_site_that_is_not_the_published_one_is_rebuilt_and_published_again(tmp_path, published):
    site = tmp_path / "site"
    complete = publish.file_hashes(site)
    for damage, seen in DAMAGE:
        damage(site)
        output = tmp_path / "out"
        output.unlink(missing_ok=True)
        again = casecat("build", "--source", str(published), cwd=tmp_path, env={"GITHUB_OUTPUT": str(output)})
        assert again.returncode == 0, again.stderr
        assert f"site/ is not the site published last ({seen}): rebuilding it" in again.stderr
        report = publish_report(tmp_path)
        assert report["rebuilt"] is True and report["changed"] is True and report["repaired"] == seen
        assert output.read_text().startswith("changed=true\n")  # the repaired site is deployed again
        assert publish.file_hashes(site) == complete, seen
        assert publish.site_difference(site, report["publish_hash"]) is None


def test_a_quiet_night_that_finds_a_damaged_site_rebuilds_it(tmp_path, published):
    """--only-if-changed may skip screening when nothing changed, but never past a damaged site."""
    site = tmp_path / "site"
    complete = publish.file_hashes(site)
    _lose_case_pages(site)
    quiet = casecat("build", "--source", str(published), "--only-if-changed", cwd=tmp_path)
    assert quiet.returncode == 0, quiet.stderr
    assert "nothing screened or built" not in quiet.stderr
    assert "site/ is not the site published last (17 file(s) missing" in quiet.stderr
    assert publish.file_hashes(site) == complete
    again = casecat("build", "--source", str(published), "--only-if-changed", cwd=tmp_path)
    assert "nothing screened or built" in again.stderr  # whole again: the quiet night is quiet
