"""Publish guards of `casecat build`: they hold wherever it runs, the nightly workflow included.

- a failed stage (mkdocs, audit, shrink guard) leaves the previous site byte for byte;
- the shrink guard and its `--allow-shrink` way through;
- an unchanged public snapshot is not rebuilt nor redeployed (`reports/publish.json`,
  `changed=` in $GITHUB_OUTPUT), unless `--force`;
- the build stamp comes from the snapshot, never the clock.
"""

from __future__ import annotations

import json
import shutil
from datetime import UTC, datetime
from pathlib import Path

import pytest
from support.builds import no_leftovers, previous_site, project_copy, publish_report, raw_queue
from support.cli import casecat, error_line, tree_state

from generator import pipeline
from generator.pipeline import AuditFailed, PipelineError, build_site
from generator.publish import PublishError, check_shrink, site_inputs_hash
from generator.rt.source import load_raw_queue

ROOT = Path(__file__).resolve().parent.parent


# --- nothing is published on a failed stage --------------------------------------------------


def test_failed_mkdocs_build_leaves_the_previous_site_byte_for_byte(tmp_path, tmp_config, policy):
    before = previous_site(tmp_config.site_dir)
    project = project_copy(tmp_path)
    (project / "templates" / "theme" / "main.html").write_text(
        '{% extends "base.html" %}\n{% block content %}{% include "no-such-partial.html" %}{% endblock %}\n')
    raw = load_raw_queue(raw_queue(tmp_path))

    with pytest.raises(PipelineError, match=r"^build: mkdocs build failed \(exit 1\): .*no-such-partial"):
        build_site(raw, tmp_config, policy, project_root=project)

    assert tree_state(tmp_config.site_dir) == before
    no_leftovers(tmp_config.site_dir)
    assert not (tmp_config.reports_dir / "publish.json").exists()
    assert not (tmp_config.cache_dir / "published-snapshot.sha256").exists()
    assert not (tmp_config.cache_dir / "published.json").exists()


def test_failed_audit_leaves_the_previous_site_byte_for_byte(tmp_path, tmp_config, policy):
    before = previous_site(tmp_config.site_dir)
    project = project_copy(tmp_path)
    # a hand-written page that slipped a phone number past review: only the audit can catch it
    (project / "docs" / "contact.md").write_text("# Contact\n\nCall the desk on +44 20 7946 0958.\n")
    raw = load_raw_queue(raw_queue(tmp_path))

    with pytest.raises(AuditFailed) as failure:
        build_site(raw, tmp_config, policy, project_root=project)

    assert str(failure.value).startswith("audit: ") and "nothing was published" in str(failure.value)
    assert any(f.path.startswith("contact/") and f.rule.startswith("phone") for f in failure.value.findings)
    assert tree_state(tmp_config.site_dir) == before
    no_leftovers(tmp_config.site_dir)
    assert not (tmp_config.reports_dir / "publish.json").exists()
    assert not (tmp_config.cache_dir / "published-snapshot.sha256").exists()


# --- the shrink guard ------------------------------------------------------------------------


@pytest.mark.parametrize("previous, current, allowed", [
    (range(1, 11), range(1, 10), True),    # 1 of 10 gone: 10%, allowed
    (range(1, 11), range(1, 9), False),    # 2 of 10 gone: 20%
    (range(1, 21), range(3, 21), True),    # 2 of 20 gone: exactly 10%
    (range(1, 21), range(4, 21), False),   # 3 of 20 gone: 15%
    (range(1, 11), range(5, 30), False),   # more cases than before, but 4 of last time's are gone
    (range(1, 11), range(1, 50), True),    # growth is never refused
    ((), (), True),                        # nothing published yet
    (range(1, 11), (), False),             # an empty queue (wrong queue name, lost rights...)
])
def test_shrink_guard_threshold(previous, current, allowed):
    if allowed:
        check_shrink(frozenset(previous), set(current), allow=False)
    else:
        with pytest.raises(PublishError, match=r"^shrink guard: \d+ of \d+ cases published last time"):
            check_shrink(frozenset(previous), set(current), allow=False)
    check_shrink(frozenset(previous), set(current), allow=True)  # --allow-shrink lets everything through


@pytest.mark.slow
def test_shrink_guard_refuses_then_allow_shrink_publishes(tmp_path):
    """The command-line path, as the nightly runs it: refusal, --allow-shrink, then back to normal."""
    full = raw_queue(tmp_path, 20, name="full.json")
    shrunk = raw_queue(tmp_path, 20, keep=15, name="shrunk.json")

    first = casecat("build", "--source", str(full), cwd=tmp_path)
    assert first.returncode == 0, first.stderr
    ids = [c["id"] for c in json.loads((tmp_path / "site" / "data" / "cases.json").read_text())["cases"]]
    published, lost = len(ids), sum(1 for i in ids if i > 15)
    assert lost > 0.1 * published
    before = tree_state(tmp_path / "site")

    refused = casecat("build", "--source", str(shrunk), cwd=tmp_path)
    assert refused.returncode == 1
    line = error_line(refused)
    assert f"shrink guard: {lost} of {published} cases published last time would disappear" in line
    assert "--allow-shrink" in line
    assert tree_state(tmp_path / "site") == before
    assert not (tmp_path / "reports" / "publish.json").exists()

    allowed = casecat("build", "--source", str(shrunk), "--allow-shrink", cwd=tmp_path)
    assert allowed.returncode == 0, allowed.stderr
    report = publish_report(tmp_path)
    assert report["changed"] is True and report["cases"] == published - lost
    assert report["withdrawn"] == lost  # the cases that went away leave tombstones
    cases = json.loads((tmp_path / "site" / "data" / "cases.json").read_text())
    assert cases["case_count"] == published - lost

    # the guard measures against the last publish, not every case ever published:
    # the next nightly of the same smaller queue needs no flag
    again = casecat("build", "--source", str(shrunk), cwd=tmp_path)
    assert again.returncode == 0, again.stderr


@pytest.mark.parametrize("args, env, allow_shrink, force, only_if_changed", [
    ((), {}, False, False, False),
    (("--allow-shrink",), {}, True, False, False),
    (("--force",), {}, False, True, False),
    (("--only-if-changed",), {}, False, False, True),
    # the nightly passes its workflow_dispatch inputs this way: same flags, no shell logic
    ((), {"CASECAT_ALLOW_SHRINK": "true", "CASECAT_FORCE": "false"}, True, False, False),
    ((), {"CASECAT_ALLOW_SHRINK": "false", "CASECAT_FORCE": "true"}, False, True, False),
])
def test_guard_flags_reach_the_build(tmp_path, monkeypatch, args, env, allow_shrink, force, only_if_changed):
    seen = {}

    def fake_build(raw, config, policy, **kwargs):
        seen.update(kwargs)
        raise PipelineError("stopped by the test")

    monkeypatch.setattr(pipeline, "build_site", fake_build)
    proc = casecat("build", "--source", str(raw_queue(tmp_path, 2)), *args, cwd=tmp_path, env=env)
    assert proc.returncode == 1 and error_line(proc) == "casecat: error: stopped by the test"
    assert (seen["allow_shrink"], seen["force"], seen["only_if_changed"]) == (allow_shrink, force, only_if_changed)


# --- skip the deploy when nothing changed ----------------------------------------------------


@pytest.mark.slow
def test_unchanged_snapshot_is_not_rebuilt_nor_deployed(tmp_path):
    source = raw_queue(tmp_path)
    outputs = tmp_path / "github-output"
    env = {"GITHUB_OUTPUT": str(outputs)}

    first = casecat("build", "--source", str(source), cwd=tmp_path, env=env)
    assert first.returncode == 0, first.stderr
    report = publish_report(tmp_path)
    assert report["changed"] is True and report["rebuilt"] is True and report["previous_publish_hash"] is None
    assert outputs.read_text() == (f"changed=true\npublish_hash={report['publish_hash']}\ncases={report['cases']}\n"
                                   "quarantined=0\n")
    marker = tmp_path / ".casecat" / "cache" / "published-snapshot.sha256"
    assert marker.read_text() == report["publish_hash"] + "\n"
    site = tree_state(tmp_path / "site")

    # the next night: RT read again (a new fetch time), nothing public changed
    refetched = raw_queue(tmp_path, fetched_at="2026-11-21T03:00:00Z")
    outputs.unlink()
    second = casecat("build", "--source", str(refetched), cwd=tmp_path, env=env)
    assert second.returncode == 0, second.stderr
    assert "unchanged: the public snapshot is the one published last" in second.stderr
    again = publish_report(tmp_path)
    assert again["changed"] is False and again["rebuilt"] is False
    assert again["publish_hash"] == again["previous_publish_hash"] == report["publish_hash"]
    assert again["snapshot_time"] == "2026-11-21T03:00:00Z"
    assert outputs.read_text().startswith("changed=false\n")
    assert tree_state(tmp_path / "site") == site  # not even rewritten

    # a fresh machine (the nightly runner): no site/, same snapshot: built, but changed=false
    shutil.rmtree(tmp_path / "site")
    fresh = casecat("build", "--source", str(refetched), cwd=tmp_path, env=env)
    assert fresh.returncode == 0, fresh.stderr
    assert (tmp_path / "site" / "index.html").exists()
    fresh_report = publish_report(tmp_path)
    assert fresh_report["rebuilt"] is True and fresh_report["changed"] is False
    assert outputs.read_text().splitlines()[-4] == "changed=false"

    # the nightly on a fresh runner: nothing changed, nothing to deploy, so nothing is built at all
    shutil.rmtree(tmp_path / "site")
    outputs.unlink()
    quiet = casecat("build", "--source", str(refetched), "--only-if-changed", cwd=tmp_path, env=env)
    assert quiet.returncode == 0, quiet.stderr
    assert "nothing screened or built" in quiet.stderr and "no site for" in quiet.stderr
    assert "site:" not in quiet.stdout
    quiet_report = publish_report(tmp_path)
    assert quiet_report["rebuilt"] is False and quiet_report["changed"] is False
    assert quiet_report["screened"] is False and quiet_report["cases"] == report["cases"]
    assert outputs.read_text().startswith("changed=false\n")
    assert not (tmp_path / "site").exists()
    assert marker.read_text() == report["publish_hash"] + "\n"

    # ... but a change is built as ever
    def retitle(data):
        data["tickets"][0]["ticket"]["Subject"] = "A subject edited in RT"

    edited = raw_queue(tmp_path, name="edited.json", edit=retitle)
    busy = casecat("build", "--source", str(edited), "--only-if-changed", cwd=tmp_path, env=env)
    assert busy.returncode == 0, busy.stderr
    assert publish_report(tmp_path)["rebuilt"] is True and (tmp_path / "site" / "index.html").exists()


@pytest.mark.slow
def test_any_public_change_is_a_change(tmp_path, tmp_config, policy):
    def build(**kwargs):
        return build_site(load_raw_queue(raw_queue(tmp_path, **kwargs)), tmp_config, policy)

    first = build()
    assert first.changed

    def retitle(data):
        data["tickets"][0]["ticket"]["Subject"] = "A subject edited in RT"

    changed = build(edit=retitle)
    assert changed.changed and changed.rebuilt
    assert changed.publish["snapshot_hash"] != first.publish["snapshot_hash"]
    same = build(edit=retitle)
    assert not same.changed and not same.rebuilt
    assert same.pages == 0 and "mkdocs" not in same.seconds

    forced = build_site(load_raw_queue(raw_queue(tmp_path, edit=retitle)), tmp_config, policy, force=True)
    assert forced.changed and forced.rebuilt
    assert forced.publish["publish_hash"] == same.publish["publish_hash"]


def test_site_inputs_are_part_of_the_publish_hash(tmp_path):
    """A template change must reach the site even when no ticket changed."""
    project = project_copy(tmp_path)
    before = site_inputs_hash(project)
    assert site_inputs_hash(project) == before
    page = project / "templates" / "pages" / "case.md.j2"
    page.write_text(page.read_text() + "\n")
    assert site_inputs_hash(project) != before
    assert site_inputs_hash(ROOT) != before


def test_a_failed_build_writes_its_error_line_and_no_verdict_to_github_output(tmp_path):
    outputs = tmp_path / "github-output"
    bad = tmp_path / "raw.json"
    bad.write_text('{"format": "casecat-raw/1", "tickets": [')
    proc = casecat("build", "--source", str(bad), cwd=tmp_path, env={"GITHUB_OUTPUT": str(outputs)})
    assert proc.returncode == 1
    # no changed=..., so nothing deploys; the error line is for the nightly's failure issue
    assert outputs.read_text() == f"error={error_line(proc).removeprefix('casecat: error: ')}\n"


# --- the build stamp -------------------------------------------------------------------------


def test_build_stamp_comes_from_the_snapshot_not_the_clock(tmp_path, tmp_config, policy):
    raw = load_raw_queue(raw_queue(tmp_path, fetched_at="2001-02-03T04:05:06Z"))
    result = build_site(raw, tmp_config, policy)
    snapshot = result.screening.snapshot
    newest = max(c.last_updated for c in snapshot.cases)

    data = json.loads((result.site_dir / "data" / "cases.json").read_text())
    assert data["snapshot_time"] == "2001-02-03T04:05:06Z"
    assert data["newest_update"] == newest.strftime("%Y-%m-%dT%H:%M:%SZ")
    assert data["case_count"] == len(snapshot.cases) == result.cases

    stamp = (f"taken 2001-02-03 04:05 UTC; newest update seen {newest:%Y-%m-%d %H:%M} UTC; "
             f"{len(snapshot.cases)} public cases.")
    assert stamp in " ".join((result.site_dir / "index.html").read_text().split())  # as read, not as indented
    for page in ("cases/index.html", f"cases/{snapshot.cases[0].id}/index.html"):  # only on the home page
        assert "2001-02-03 04:05" not in (result.site_dir / page).read_text(), page

    # MkDocs dates (the sitemap's gzip header) come from SOURCE_DATE_EPOCH = the snapshot time
    gz = (result.site_dir / "sitemap.xml.gz").read_bytes()
    assert int.from_bytes(gz[4:8], "little") == datetime(2001, 2, 3, tzinfo=UTC).timestamp()

    report = json.loads((tmp_config.reports_dir / "publish.json").read_text())
    assert report["snapshot_time"] == "2001-02-03T04:05:06Z"
    assert report["newest_update"] == data["newest_update"]
    assert report["cases"] == data["case_count"]
