"""Published index addresses are kept from one publish to the next: the registry beside the ids
of the published cases (``published.json``, the public record the nightly keeps) names every
index address once published, and a build answers at each of them even when no case is listed
there any more. The registry is an input of incremental builds and of builds from scratch alike."""

from __future__ import annotations

import hashlib
import json
import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from generator import publish
from generator.config import Config
from generator.pipeline import build_site
from generator.rt.source import load_raw_queue
from generator.screening.policy import Policy
from support.builds import raw_queue
from test_pipeline_e2e import broken_links

SITE_URL = "https://cases.example.org/catalogue/"
CENTRE = "EXAMPLE-SITE-NL"  # named by two tickets of the queue: a list page of its own
CENTRE_URL = "centre/example-site-nl/"


def folders(base: Path) -> Config:
    return replace(Config(), cache_dir=base / "cache", build_dir=base / "build", site_dir=base / "site",
                   reports_dir=base / "reports")


def digests(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def nights(tmp_path_factory):
    """Night one publishes the queue; night two withholds the cases naming CENTRE (its last
    ones), over the kept site; the same night two is built from scratch with the same cache."""
    patch = pytest.MonkeyPatch()
    patch.setenv("SITE_URL", SITE_URL)
    base = tmp_path_factory.mktemp("kept-indexes")
    raw = load_raw_queue(raw_queue(base, 20))
    naming = frozenset(t.id for t in raw.tickets if CENTRE in t.custom_fields.get("Sites involved", ()))
    assert len(naming) == 2
    kept = folders(base / "kept")
    try:
        first = build_site(raw, kept, Policy(salt=b"test-salt"))
        assert (kept.site_dir / CENTRE_URL / "index.html").is_file()
        scratch = folders(base / "scratch")
        shutil.copytree(kept.cache_dir, scratch.cache_dir)  # the registry as night one left it, no site
        policy = Policy(salt=b"test-salt", withheld_cases=naming)
        second = build_site(raw, kept, policy, allow_shrink=True)
        fresh = build_site(raw, scratch, policy, allow_shrink=True)
        quiet = build_site(raw, kept, policy)
        yield first, second, fresh, quiet, kept, scratch
    finally:
        patch.undo()


def test_a_centre_that_lost_its_last_case_still_answers(nights):
    first, second, _, _, kept, _ = nights
    assert second.changed and second.rebuilt and second.cases == first.cases - 2
    page = (kept.site_dir / CENTRE_URL / "index.html").read_text()
    assert "No current cases" in page and "There are no current cases for this resource centre." in page
    assert '<meta name="robots" content="noindex">' in page
    assert 'href="../../centre/"' in page
    registry = json.loads((kept.cache_dir / publish.REGISTRY_NAME).read_text())
    assert registry["rt:technical-support-cases@indexes"][CENTRE_URL] is None


def test_the_kept_address_is_out_of_the_sitemap_and_links_still_resolve(nights):
    first, _, _, _, kept, _ = nights
    sitemap = (kept.site_dir / "sitemap.xml").read_text()
    assert SITE_URL + "centre/" in sitemap and SITE_URL + CENTRE_URL not in sitemap
    checked, broken = broken_links(kept.site_dir, "/catalogue/")
    assert checked > 500 and not broken, broken[:20]


def test_incremental_and_from_scratch_builds_are_the_same_site(nights):
    _, second, fresh, _, kept, scratch = nights
    assert not second.work["full"] and fresh.work["full"]
    ours, theirs = digests(kept.site_dir), digests(scratch.site_dir)
    assert CENTRE_URL + "index.html" in ours
    assert sorted(ours) == sorted(theirs)
    assert [name for name in ours if ours[name] != theirs[name]] == []


def test_a_quiet_night_after_it_is_quiet(nights):
    _, second, _, quiet, _, _ = nights
    assert not quiet.changed and not quiet.rebuilt
    assert quiet.publish["publish_hash"] == second.publish["publish_hash"]
