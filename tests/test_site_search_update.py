"""The search index brought from the kept site to a new snapshot (``search_update``): the same
files, byte for byte, as the index made whole, and made whole whenever the kept one cannot be
trusted or brought."""

from __future__ import annotations

import random
from dataclasses import replace
from pathlib import Path

import pytest
from support.site_factory import case, snapshot

from generator.site import search, search_update
from generator.site.digest import Digester

WORDS = ["grid", "cloud", "storage", "tape", "ceph", "slurm", "htcondor", "gpu", "docker", "notebook", "cvmfs",
         "dirac", "rucio", "fts", "token", "voms", "argo", "monitoring", "accounting", "quota", "lustre", "dcache",
         "xrootd", "webdav", "oidc", "checkin", "jupyter", "kubernetes", "openstack", "nova", "glance", "cinder",
         "Ärger", "Öl", "σοφία", "日本", "データ", "ünïcode", "zebra", "zeta", "zenith", "zero"]


def _case(i: int, rng: random.Random, **overrides):
    words = " ".join(rng.choice(WORDS) + rng.choice(["", "s", "ing", str(rng.randrange(9))]) for _ in range(40))
    return case(i, subject=f"Community {i} – {rng.choice(WORDS)} pipelines", description=words, **overrides)


@pytest.fixture
def handwritten(tmp_path) -> Path:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "about.md").write_text("# About\n\nWhat the catalogue is: grid and cloud cases.\n")
    return docs


def _build(snap, handwritten: Path, weights: Path, site: Path | None, files: dict[str, str] | None):
    digests = Digester().by_id(snap.cases)
    return search_update.index_files(snap, handwritten, weights, "v1", digests, files, site)


def _keep(site: Path, made: dict[str, bytes]) -> dict[str, str]:
    """The made index as the kept site holds it (other files beside it), and the site's hashes."""
    for rel, data in made.items():
        (site / rel).parent.mkdir(parents=True, exist_ok=True)
        (site / rel).write_bytes(data)
    (site / "index.html").write_text("<p>home</p>")
    hashes = {rel: search_update.file_sha(data) for rel, data in made.items()}
    return {"index.html": "x", **hashes}


def _whole(snap, handwritten: Path) -> dict[str, bytes]:
    return search.index_bytes(search.build_index(snap, search.handwritten_pages(handwritten)))


@pytest.fixture
def small_shards(monkeypatch):
    monkeypatch.setattr(search, "SHARD_LIMIT", 1500)  # groups split into deeper shards, as at 10,000 cases


def test_a_night_that_changes_a_few_cases_remakes_only_their_groups_and_chunks(tmp_path, handwritten, monkeypatch,
                                                                              small_shards):
    rng = random.Random(3)
    first = snapshot(*(_case(i, rng) for i in range(1, 200)))
    weights, site = tmp_path / "weights.marshal", tmp_path / "site"
    made = _build(first, handwritten, weights, None, None)
    assert made == _whole(first, handwritten)
    kept = _keep(site, made)
    prefixes = [search.decode(r.removeprefix("search/t/").removesuffix(".json")) for r in made if "/t/" in r]
    assert any(len(prefix or "") > 2 for prefix in prefixes)  # (groups of deeper shards are brought too)

    cases = list(first.cases)
    cases[10] = replace(cases[10], description="A reply: the zebra cluster runs slurm now.")  # a new token, ones gone
    cases[120] = replace(cases[120], subject="Community 121 – renamed")
    cases[150] = _case(151, random.Random(99), status=None)
    night = replace(first, cases=(*cases, _case(200, rng), _case(205, rng)))  # two cases added at the end
    whole_calls = []
    real = search.build_index
    monkeypatch.setattr(search_update, "build_index", lambda *a, **k: whole_calls.append(1) or real(*a, **k))
    updated = _build(night, handwritten, weights, site, kept)
    assert not whole_calls  # brought from the kept index
    assert updated == _whole(night, handwritten)  # every file, byte for byte, and no other
    remade = {rel for rel, data in updated.items() if made.get(rel) != data}
    assert 0 < len([r for r in remade if r.startswith("search/t/")]) < len([r for r in made if "/t/" in r]) / 2
    assert {r for r in remade if r.startswith("search/d/")} == {"search/d/0.json", "search/d/1.json",
                                                               "search/d/2.json", "search/d/3.json"}

    # the night after, from what that night kept: the same again
    kept = _keep(site, updated)
    back = replace(night, cases=first.cases + night.cases[-2:])
    assert _build(back, handwritten, weights, site, kept) == _whole(back, handwritten)
    assert not whole_calls


@pytest.mark.parametrize("what", ["withdrawn", "damaged", "pages", "other-files", "no-weights"])
def test_a_kept_index_that_cannot_be_brought_is_made_whole(tmp_path, handwritten, monkeypatch, small_shards, what):
    rng = random.Random(5)
    first = snapshot(*(_case(i, rng) for i in range(1, 120)))
    weights, site = tmp_path / "weights.marshal", tmp_path / "site"
    kept = _keep(site, _build(first, handwritten, weights, None, None))
    night = replace(first, cases=(*first.cases[:3], replace(first.cases[3], description="ceph and tape"),
                                  *first.cases[4:]))
    if what == "withdrawn":  # every document after it is numbered anew
        night = replace(night, cases=night.cases[:50] + night.cases[51:])
    elif what == "damaged":  # the site's file is not the one the state describes
        kept["search/manifest.json"] = "0" * 64
    elif what == "pages":
        (handwritten / "about.md").write_text("# About\n\nAnother text.\n")
    elif what == "other-files":  # a shard the state knows is not in the kept site
        del kept[next(r for r in kept if r.startswith("search/t/"))]
    elif what == "no-weights":
        weights.write_bytes(b"not a marshal file")
    whole_calls = []
    real = search.build_index
    monkeypatch.setattr(search_update, "build_index", lambda *a, **k: whole_calls.append(1) or real(*a, **k))
    assert _build(night, handwritten, weights, site, kept) == _whole(night, handwritten)
    assert whole_calls == [1]
