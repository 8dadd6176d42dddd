"""A quiet night is cheap: with --only-if-changed, the same tickets, settings and code as the
screening behind the deployed site skip screening, rendering and building alike. The memo
(.casecat/cache/screened.json, private, sealed with the cache) is only a shortcut: anything
it does not prove equal means screening as usual."""

from __future__ import annotations

import json
import shutil
from dataclasses import replace

import pytest

from generator import pipeline
from generator.config import Config
from generator.pipeline import build_site
from generator.rt.source import load_raw_queue
from generator.screening.policy import Policy
from test_publish_guards import raw_queue


@pytest.fixture(scope="module")
def published(tmp_path_factory):
    """A build that was published (its hash is the deployed one): the raw queue, its result, its cache."""
    base = tmp_path_factory.mktemp("published")
    config = replace(Config(), cache_dir=base / "cache", build_dir=base / "build", site_dir=base / "site",
                     reports_dir=base / "reports")
    raw = load_raw_queue(raw_queue(base))
    first = build_site(raw, config, Policy(salt=b"test-salt"))
    assert first.changed and first.rebuilt
    return raw, first, config.cache_dir


@pytest.fixture
def deployed(published, tmp_config):
    """The next night on a fresh runner: the cache as the last run left it, no site."""
    raw, first, cache = published
    shutil.copytree(cache, tmp_config.cache_dir)
    return raw, first


def no_screening(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("screened again")

    monkeypatch.setattr(pipeline, "screen", refuse)


def test_same_inputs_skip_screening_and_building(deployed, tmp_path, tmp_config, policy, monkeypatch):
    raw, first = deployed
    memo = json.loads((tmp_config.cache_dir / "screened.json").read_text())
    assert set(memo) == {"inputs", "snapshot_hash", "summary"}  # digests and counts: no ticket text, no salt
    assert "test-salt" not in json.dumps(memo) and raw.tickets[0].subject not in json.dumps(memo)

    no_screening(monkeypatch)
    refetched = replace(raw, fetched_at=raw.fetched_at.replace(year=raw.fetched_at.year + 1))
    quiet = build_site(refetched, tmp_config, policy, only_if_changed=True)
    assert not quiet.changed and not quiet.rebuilt and quiet.screening is None
    assert list(quiet.seconds) == ["screen"] and not tmp_config.site_dir.exists()
    report = json.loads((tmp_config.reports_dir / "publish.json").read_text())
    assert report["screened"] is False and report["publish_hash"] == first.publish["publish_hash"]
    assert (report["cases"], report["withdrawn"], report["newest_update"]) == \
        (first.publish["cases"], first.publish["withdrawn"], first.publish["newest_update"])
    assert report["snapshot_time"] != first.publish["snapshot_time"]  # this night's fetch


def edit_ticket(raw):
    ticket = raw.tickets[0]
    return replace(raw, tickets=(replace(ticket, subject=ticket.subject + " (renamed)"), *raw.tickets[1:]))


@pytest.mark.parametrize("change", ["a ticket", "withheld case", "accepted finding", "salt", "settings",
                                    "site url", "no deploy happened", "force", "without the flag"])
def test_anything_else_screens_as_usual(deployed, tmp_config, policy, monkeypatch, change):
    raw, first = deployed
    config, kwargs = tmp_config, {"only_if_changed": True}
    if change == "a ticket":
        raw = edit_ticket(raw)
    elif change == "withheld case":
        policy = replace(policy, withheld_cases=frozenset({raw.tickets[0].id}))
    elif change == "accepted finding":
        policy = replace(policy, accepted=frozenset({"0123456789abcdef0123"}))
    elif change == "salt":
        policy = Policy(salt=b"another-salt")
    elif change == "settings":
        config = replace(tmp_config, publish_contact_affiliations=False)
    elif change == "site url":
        monkeypatch.setenv("SITE_URL", "https://egi.github.io/case-catalogue/")
    elif change == "no deploy happened":  # the record of the deploy is the one before the memo's build
        (tmp_config.cache_dir / "published-snapshot.sha256").write_text("0" * 64 + "\n")
    elif change == "force":
        kwargs["force"] = True
    else:
        kwargs = {}
    result = build_site(raw, config, policy, **kwargs)
    assert result.screening is not None  # screened
    report = json.loads((tmp_config.reports_dir / "publish.json").read_text())
    assert report["screened"] is True


def test_a_damaged_memo_means_screening(deployed, tmp_config, policy):
    raw, _ = deployed
    (tmp_config.cache_dir / "screened.json").write_text("{not json")
    result = build_site(raw, tmp_config, policy, only_if_changed=True)
    assert result.screening is not None and not result.changed
    assert json.loads((tmp_config.cache_dir / "screened.json").read_text())["inputs"]  # written anew
