"""Reproducible builds: the same public snapshot builds a byte-identical site.

A nightly that rebuilds an unchanged queue must publish the same bytes (no spurious deploys,
no diff noise), wherever and whenever it runs: MkDocs reads its dates from SOURCE_DATE_EPOCH,
which the build sets from the snapshot's fetch time.
"""

from __future__ import annotations

import gzip
import hashlib
import time
from dataclasses import replace
from pathlib import Path

import pytest

from generator.config import Config
from generator.pipeline import build_site
from generator.rt.source import load_sample
from generator.screening.policy import Policy


def digests(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.mark.slow
def test_the_same_snapshot_builds_a_byte_identical_site(sample_site, tmp_path, monkeypatch):
    first, first_config = sample_site
    # another folder, another working directory, another time zone, a later clock
    monkeypatch.setenv("TZ", "Pacific/Kiritimati")
    time.tzset()
    monkeypatch.chdir(tmp_path)
    config = replace(Config(), cache_dir=tmp_path / "other-cache", build_dir=tmp_path / "other-build",
                     site_dir=tmp_path / "elsewhere" / "public-site", reports_dir=tmp_path / "other-reports")
    try:
        second = build_site(load_sample(), config, Policy(salt=b"test-salt"))
    finally:
        monkeypatch.undo()
        time.tzset()

    a, b = digests(first.site_dir), digests(second.site_dir)
    assert len(a) > 100
    assert sorted(a) == sorted(b), set(a) ^ set(b)
    differ = [name for name in a if a[name] != b[name]]
    assert not differ, differ
    assert "sitemap.xml.gz" in a and "data/cases.json" in a
    assert any(name.startswith("search/") and name.endswith(".json") for name in a)  # the search index
    assert second.publish["publish_hash"] == first.publish["publish_hash"]
    assert ((config.build_dir / "public" / "snapshot.json").read_bytes()
            == (first_config.build_dir / "public" / "snapshot.json").read_bytes())


def test_sitemap_gzip_is_stamped_with_the_snapshot_date(sample_site):
    result, _ = sample_site
    gz = (result.site_dir / "sitemap.xml.gz").read_bytes()
    fetched = result.screening.snapshot.fetched_at
    stamp = int.from_bytes(gz[4:8], "little")  # the gzip header's MTIME field
    assert stamp == int(fetched.replace(hour=0, minute=0, second=0).timestamp())
    assert gzip.decompress(gz) == (result.site_dir / "sitemap.xml").read_bytes()
