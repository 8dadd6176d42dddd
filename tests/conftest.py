"""Shared fixtures. Under CI=true a skipped test fails the run: every test must really run."""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path

import pytest

from generator.config import Config
from generator.rt.source import load_sample
from generator.screening.policy import Policy

ROOT = Path(__file__).resolve().parent.parent

pytest_plugins = ["support.rt_fixtures"]


#: fixtures that start a real RT 5: a test using one is marked ``rt``
RT_FIXTURES = {"rt_pristine", "rt_factory", "rt_server"}


#: set by GitHub Actions (ci.yml runs the tests there) or a developer's shell; each changes what a
#: build does (SITE_URL required, $GITHUB_OUTPUT written), so a test that wants one sets it itself
BUILD_ENVIRONMENT = ("GITHUB_ACTIONS", "GITHUB_OUTPUT", "SITE_URL", "CASECAT_CACHE_KEY")


def pytest_configure(config):
    for name in BUILD_ENVIRONMENT:
        os.environ.pop(name, None)


def pytest_collection_modifyitems(config, items):
    """Markers that say what a test needs, so ``-m "not rt and not browser"`` runs without RT
    or Chromium: ``rt`` from the fixtures a test uses, ``browser`` from its folder."""
    for item in items:
        if RT_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.rt)
        if "browser" in item.path.parent.name:
            item.add_marker(pytest.mark.browser)


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    figures = [value for key in ("passed", "failed") for report in terminalreporter.stats.get(key, ())
               for name, value in getattr(report, "user_properties", ()) if name == "figure"]
    if figures:  # (what the corpus tests measured: a test's own print is lost in a worker process)
        terminalreporter.section("figures")
        for line in sorted(figures):
            terminalreporter.write_line(line)
    if os.environ.get("CI") == "true" and terminalreporter.stats.get("skipped"):
        terminalreporter.write_line(
            f"CI=true: {len(terminalreporter.stats['skipped'])} skipped test(s) count as failures", red=True
        )


def pytest_sessionfinish(session, exitstatus):
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    if os.environ.get("CI") == "true" and reporter is not None and reporter.stats.get("skipped"):
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


@pytest.fixture(scope="session")
def sample_raw():
    return load_sample()


@pytest.fixture
def tmp_config(tmp_path: Path) -> Config:
    """A configuration whose every folder is private to the test."""
    return replace(
        Config(),
        cache_dir=tmp_path / "cache",
        build_dir=tmp_path / "build",
        site_dir=tmp_path / "site",
        reports_dir=tmp_path / "reports",
    )


@pytest.fixture
def policy() -> Policy:
    return Policy(salt=b"test-salt")


@pytest.fixture(scope="session")
def sample_site(tmp_path_factory):
    """The sample catalogue built once per session (site, build folder, reports)."""
    from generator.pipeline import build_site

    base = tmp_path_factory.mktemp("sample-site")
    config = replace(Config(), cache_dir=base / "cache", build_dir=base / "build",
                     site_dir=base / "site", reports_dir=base / "reports")
    result = build_site(load_sample(), config, Policy(salt=b"test-salt"))
    return result, config


@pytest.fixture(scope="session")
def sample_site_dir(sample_site) -> Path:
    return sample_site[0].site_dir


@pytest.fixture(scope="session")
def hostile_site_dir(tmp_path_factory) -> Path:
    """A small catalogue built from four sample tickets and the hostile one (support.hostile)."""
    import json

    from support.hostile import with_hostile_ticket

    from generator.model import RawQueue
    from generator.pipeline import build_site
    from generator.rt.records import parse_entries, parse_rt_datetime
    from generator.rt.source import sample_path

    data = with_hostile_ticket(json.loads(sample_path().read_text(encoding="utf-8")), keep=4)
    raw = RawQueue(tickets=tuple(parse_entries(data)), queue=data["queue"],
                   fetched_at=parse_rt_datetime(data["fetched_at"]), is_sample=True,
                   rt_web_url=data["rt_web_url"], origin="hostile fixture")
    base = tmp_path_factory.mktemp("hostile-site")
    config = replace(Config(), cache_dir=base / "cache", build_dir=base / "build",
                     site_dir=base / "site", reports_dir=base / "reports")
    return build_site(raw, config, Policy(salt=b"test-salt")).site_dir
