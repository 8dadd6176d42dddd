"""Permalinks forever, through the real build: merged tickets redirect, removed cases leave a
tombstone, and SITE_URL makes permalinks, the feed and the sitemap absolute."""

from __future__ import annotations

import contextlib
import io
import sys
import xml.etree.ElementTree as ET
from dataclasses import replace
from pathlib import Path

import pytest
import yaml
from support.site_factory import S, case, snapshot
from support.sitebuild import build_snapshot, folders

from generator.audit import audit_site
from generator.pipeline import build_site
from generator.rt.source import load_sample
from generator.screening.snapshot import read_snapshot, write_snapshot
from generator.site.build import BuildError, resolve_site_url, write_build_config

ROOT = Path(__file__).resolve().parent.parent
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def build(snap, tmp_path: Path, site_url: str = "") -> Path:
    """The render and build stages on a snapshot, as the pipeline runs them."""
    with pytest.MonkeyPatch.context() as env:
        env.setenv("SITE_URL", site_url)
        build_snapshot(snap, folders(tmp_path), audit=False)
    return tmp_path / "site"


def test_site_url_comes_from_the_environment_else_mkdocs_yml(tmp_path):
    config = tmp_path / "mkdocs.yml"
    config.write_text("site_url: https://from-config.example.org/cat\n")
    assert resolve_site_url(config, {"SITE_URL": "https://cases.example.org"}) == "https://cases.example.org/"
    assert resolve_site_url(config, {}) == "https://from-config.example.org/cat/"
    config.write_text('site_url: ""\n')
    assert resolve_site_url(config, {"SITE_URL": "  "}) == ""
    for bad in ("javascript:alert(1)", "cases.example.org", "https://x.example.org/?a=1", "ftp://x.example.org/"):
        with pytest.raises(BuildError):
            resolve_site_url(config, {"SITE_URL": bad})


def test_build_config_carries_site_url_only_when_set(tmp_path):
    snap = snapshot(case(1))
    docs = tmp_path / "docs"
    docs.mkdir()
    with_url = yaml.safe_load(write_build_config(snap, ROOT / "mkdocs.yml", tmp_path, docs,
                                                 site_url="https://cases.example.org/").read_text())
    assert with_url["site_url"] == "https://cases.example.org/"
    without = yaml.safe_load(write_build_config(snap, ROOT / "mkdocs.yml", tmp_path, docs, site_url="").read_text())
    assert "site_url" not in without


def test_merged_ticket_redirects_end_to_end(tmp_path):
    """PublicSnapshot.redirects -> snapshot.json -> pages -> mkdocs: cases/<old>/ forwards."""
    snap = snapshot(case(1, subject="Alpha – one"), case(2, subject="Beta – two",
                                                         history=((0, S.PRE_ASSESSMENT), (9, S.ASSESSED))),
                    redirects={5: 2, 6: 5}, withdrawn_ids=(5,))
    path = write_snapshot(snap, tmp_path / "public" / "snapshot.json")
    again = read_snapshot(path)
    assert again.redirects == {5: 2, 6: 5}
    site = build(again, tmp_path, site_url="https://cases.example.org/")
    for old in (5, 6):
        html = (site / "cases" / str(old) / "index.html").read_text()
        assert '<meta http-equiv="refresh" content="0; url=../../cases/2/">' in html
        assert '<a href="../../cases/2/">Go to case 2</a>' in html
        assert '<meta name="robots" content="noindex">' in html
    assert "Beta – two" in (site / "cases" / "2" / "index.html").read_text()
    assert not audit_site(site)
    # the absolute site URL reached the sitemap, the feed and the permalink
    locs = [e.text for e in ET.parse(site / "sitemap.xml").getroot().iter(SITEMAP + "loc")]
    assert "https://cases.example.org/cases/2/" in locs and "https://cases.example.org/dashboard/" in locs
    feed = (site / "feed.xml").read_text()
    assert 'href="https://cases.example.org/cases/2/"' in feed
    assert ">https://cases.example.org/cases/2/</code>" in (site / "cases" / "2" / "index.html").read_text()
    assert '<link rel="canonical" href="https://cases.example.org/cases/2/">' in \
        (site / "cases" / "2" / "index.html").read_text()


def test_without_site_url_the_sitemap_is_empty_but_valid(tmp_path):
    site = build(snapshot(case(1)), tmp_path, site_url="")
    root = ET.parse(site / "sitemap.xml").getroot()
    assert root.tag == SITEMAP + "urlset" and not list(root)
    assert ">cases/1/</code>" in (site / "cases" / "1" / "index.html").read_text()


@pytest.mark.slow
def test_a_case_removed_from_the_queue_between_two_builds_leaves_a_tombstone(tmp_config, policy):
    full = load_sample()
    first = replace(full, tickets=full.tickets[:10])
    gone = first.tickets[3].id
    result = build_site(first, tmp_config, policy)
    page = result.site_dir / "cases" / str(gone) / "index.html"
    assert "no longer public" not in page.read_text()

    second = replace(first, tickets=tuple(t for t in first.tickets if t.id != gone))
    result = build_site(second, tmp_config, policy)
    assert result.withdrawn == 1
    text = page.read_text()
    assert "This case is no longer public" in text and '<meta name="robots" content="noindex">' in text
    assert first.tickets[3].subject.split(" – ")[0] not in text
    cases_index = (result.site_dir / "cases" / "index.html").read_text()
    assert f'href="../cases/{gone}/"' not in cases_index


def test_an_invalid_site_url_fails_the_build_in_one_line(tmp_config, policy, monkeypatch):
    from generator.pipeline import PipelineError

    monkeypatch.setenv("SITE_URL", "javascript:alert(1)")
    full = load_sample()
    with pytest.raises(PipelineError, match="^render: SITE_URL must be an http"):
        build_site(replace(full, tickets=full.tickets[:3]), tmp_config, policy)
    assert not tmp_config.site_dir.exists()


def test_a_new_site_url_counts_as_a_change_to_publish(monkeypatch):
    from generator.pipeline import PROJECT_ROOT
    from generator.publish import site_inputs_hash

    monkeypatch.delenv("SITE_URL", raising=False)
    before = site_inputs_hash(PROJECT_ROOT)
    monkeypatch.setenv("SITE_URL", "https://cases.example.org/")
    assert site_inputs_hash(PROJECT_ROOT) != before


def test_the_engines_work_folder_is_removed_meanwhile_and_never_a_new_one(tmp_path):
    import threading

    from generator.site.build import remove_meanwhile

    work = tmp_path / "shards"
    (work / "0" / "site" / "cases" / "1").mkdir(parents=True)
    (work / "0" / "mkdocs.yml").write_text("site_name: x\n")
    (tmp_path / ".shards.removed-1-2-3" / "0").mkdir(parents=True)  # left by an interrupted run
    remove_meanwhile(work)
    work.mkdir()  # the next build's folder of the same name, made at once
    (work / "kept").write_text("new")
    for thread in threading.enumerate():
        if thread.name == "remove shards":
            thread.join(timeout=30)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["shards"] and (work / "kept").read_text() == "new"
    remove_meanwhile(tmp_path / "absent")  # nothing there: nothing to do, no error


def test_a_shard_builds_the_navigation_pages_it_does_not_deliver_from_their_front_matter(tmp_path):
    """Each navigation page is built in full by the one shard that delivers it; the others build
    it from its front matter alone (the navigation shows the title it gives, never the body)."""
    from generator.site import shards

    docs = tmp_path / "docs"
    pages = {"index.md": "---\ntitle: Home\n---\n" + "<p>home</p>\n" * 50,
             "cases/index.md": "---\nhide:\n- toc\ntitle: All cases\n---\n" + "<p>row</p>\n" * 5000,
             "cases/1.md": "---\ntitle: One\n---\n<p>one</p>\n", "cases/2.md": "---\ntitle: Two\n---\n<p>two</p>\n",
             "about.md": "# About\n\nNo front matter.\n"}
    for rel, text in pages.items():
        (docs / rel).parent.mkdir(parents=True, exist_ok=True)
        (docs / rel).write_text(text)
    nav = ["index.md", "cases/index.md", "about.md"]
    parts = shards.prepare(docs, sorted(pages), nav, [], tmp_path / "work", 2)
    assert len(parts) == 2
    for rel in nav:
        owners = [part for part in parts if rel in part.pages]
        assert len(owners) == 1, rel
        for part in parts:
            built_from = (part.docs / rel).read_text()
            if part is owners[0]:
                assert rel not in part.stand_ins and built_from == pages[rel]
            else:
                assert rel in part.stand_ins
                assert built_from == (pages[rel][:pages[rel].index("\n---\n", 3) + 5] if pages[rel].startswith("---")
                                      else "")


def test_the_engines_keep_the_compiled_templates_and_build_the_same_bytes_with_them(tmp_path, monkeypatch):
    """The theme's templates compiled by one build's engine serve the next (``engine_hook``);
    the site is the same, byte for byte, as without the cache, and a damaged cache file is
    compiled again, never a failure."""
    from generator import incremental, pipeline

    def files(site: Path) -> dict[str, bytes]:
        return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}

    snap = snapshot(case(1), case(2, replies=(3,)))
    cached = folders(tmp_path / "cached")
    build_snapshot(snap, cached, audit=False)
    cache = cached.build_dir / incremental.TEMPLATE_CACHE_NAME
    compiled = sorted(cache.rglob("*.cache"))
    assert {p.parent.parent.name for p in compiled} == {"theme", "pages"}  # the engine's and the render's
    assert len(compiled) > 10 and all(p.parent.name.startswith("jinja-") for p in compiled)
    for path in compiled[::2]:  # half of them damaged: recompiled, the others read back
        path.write_bytes(path.read_bytes()[:40] + b"\x00 not marshal")
    (cache / "theme" / "jinja-0.0-py2.7").mkdir()  # another version's folder: removed
    again = build_snapshot(snap, cached, audit=False, fresh=True)
    assert again.assembled.changes.full and not (cache / "theme" / "jinja-0.0-py2.7").exists()

    real = pipeline.build_pages
    monkeypatch.setattr(pipeline, "build_pages", lambda *a, template_cache=None, **k: real(*a, **k))
    plain_env = pipeline.template_env
    monkeypatch.setattr(pipeline, "template_env", lambda folder, cache=None: plain_env(folder))
    plain = folders(tmp_path / "plain")
    build_snapshot(snap, plain, audit=False)
    assert not (plain.build_dir / incremental.TEMPLATE_CACHE_NAME).exists()
    assert files(cached.site_dir) == files(plain.site_dir)


@pytest.mark.parametrize(("ahead", "workers"), [(2, 2), (1, 2), (2, 1)])
def test_engines_started_before_the_render_build_the_same_bytes_and_the_idle_ones_end(tmp_path, monkeypatch,
                                                                                     ahead, workers):
    """Engine processes started ahead (``shards.Engines``: MkDocs imported while the pages are
    rendered, then run in a process forked from the worker) build the site that workers started
    after the render build, byte for byte, whether they are as many as the shards, fewer (the
    others started then) or more (the idle ones end, with nothing left running)."""
    from generator.site import shards

    def files(site: Path) -> dict[str, bytes]:
        return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}

    started: list = []
    real_start = shards._start_worker
    monkeypatch.setattr(shards, "_start_worker", lambda preload: started.append(real_start(preload)) or started[-1])
    snap = snapshot(*(case(n, replies=(n % 3,)) for n in range(1, 9)), redirects={20: 3})
    cold = folders(tmp_path / "cold")
    build_snapshot(snap, cold, audit=False, workers=workers)
    assert len(started) == workers
    warm = folders(tmp_path / "warm")
    build_snapshot(snap, warm, audit=False, workers=workers, engines=ahead)
    assert len(started) == workers + max(ahead, workers)
    assert files(warm.site_dir) == files(cold.site_dir)
    assert all(proc.returncode == 0 for proc in started)  # every one waited for, none failed


def test_a_build_starts_its_engines_with_the_screening_and_leaves_none_running(tmp_config, policy, monkeypatch):
    """``build_site`` starts the engine's processes before it screens (one for a small or an
    incremental build), gives them their shards, and ends every one it started, used or not; a
    night with nothing to screen (``only_if_changed``) starts none."""
    from generator.site import shards

    started: list = []
    real_start = shards._start_worker
    monkeypatch.setattr(shards, "_start_worker", lambda preload: started.append((preload, real_start(preload)))
                        or started[-1][1])
    full = load_sample()
    first = replace(full, tickets=full.tickets[:6])
    build_site(first, tmp_config, policy)
    assert [preload for preload, _ in started] == [True]  # one ahead, given the only shard
    again = replace(first, tickets=first.tickets[:5])
    build_site(again, tmp_config, policy, allow_shrink=True)  # incremental: one ahead again
    assert [preload for preload, _ in started] == [True, True]
    build_site(again, tmp_config, policy, only_if_changed=True)  # nothing screened nor built
    assert len(started) == 2
    build_site(again, tmp_config, policy)  # screened, the same snapshot: built nowhere, the engine ended
    assert len(started) == 3
    assert all(proc.returncode == 0 for _, proc in started)


def test_an_engine_forked_by_a_worker_exits_as_a_process_would():
    """The forked engine's exit code and output are those of ``python -m mkdocs``: a
    SystemExit's code, its message, a crash's traceback."""
    from generator.site import shards

    assert shards._exit_code(lambda: None) == 0
    assert shards._exit_code(lambda: sys.exit(3)) == 3
    assert shards._exit_code(lambda: sys.exit(None)) == 0
    err = io.StringIO()
    with contextlib.redirect_stderr(err):
        assert shards._exit_code(lambda: sys.exit("refused")) == 1
        assert shards._exit_code(lambda: 1 / 0) == 1
    assert err.getvalue().startswith("refused\nTraceback") and "ZeroDivisionError" in err.getvalue()


def test_the_engines_list_the_same_theme_files_without_walking_hidden_folders(tmp_path):
    """``engine_hook`` lists the theme's files skipping its hidden folders (Material's icons):
    MkDocs adds the very same files, in the same order, as with its own listing."""
    from mkdocs.config import load_config
    from mkdocs.structure.files import Files

    from generator.site import engine_hook

    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "index.md").write_text("# Home\n")
    settings = tmp_path / "mkdocs.yml"
    settings.write_text(yaml.safe_dump({"site_name": "t", "docs_dir": "docs", "theme": {
        "name": "material", "custom_dir": str(Path(__file__).resolve().parent.parent / "templates" / "theme")}}))
    config = load_config(str(settings))
    env = config.theme.get_env()
    original = Files.add_files_from_theme
    assert not getattr(original, "casecat_listing", False)  # MkDocs' own (no hook loaded in this process)
    mkdocs_own, ours = Files([]), Files([])
    original(mkdocs_own, env, config)
    loader = env.loader
    engine_hook.listing_hidden_folders_skipped(original)(ours, env, config)
    assert env.loader is loader
    listed = [(f.src_uri, f.abs_src_path) for f in ours]
    assert listed == [(f.src_uri, f.abs_src_path) for f in mkdocs_own]
    assert len(listed) > 20 and any(uri.startswith("assets/javascripts/") for uri, _ in listed)
    # what the walk skipped: the icons, thousands of names that MkDocs' filter only drops
    everything, walked = loader.list_templates(), engine_hook._Listing(loader).list_templates()
    assert set(walked) < set(everything) and len(everything) - len(walked) > 1000
    assert all(name.startswith(".") or "/." in name for name in set(everything) - set(walked))
