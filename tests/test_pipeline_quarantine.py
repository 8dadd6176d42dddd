"""The audit quarantines a case whose output it finds something in: the build withholds that
case, builds again without it and publishes the rest; the reports name case, rule and
fingerprint and count the quarantined cases. A finding that belongs to no case fails the build.

Screening and the audit share their detectors, so to see the audit catch what screening let
through, screening is given a blind spot here: it does not look for phone numbers (as if a new
kind of number were unknown to it), while the audit still does.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import generator.screening.text as screening_text
from generator.pipeline import AuditFailed, build_site
from generator.rt.source import load_raw_queue
from test_publish_guards import casecat, project_copy, publish_report, raw_queue

PHONE = "+44 20 7946 0958"


def _hostile(data: dict) -> None:
    """The third ticket's opening message gives a phone number."""
    ticket = data["tickets"][2]
    first = ticket["attachments"][0]
    first["Content"] = f"{first['Content']}\n\nIf the pilot fails, ring the PI on {PHONE}."


@pytest.fixture
def blind_to_phones(monkeypatch):
    """Screening without its phone detector (the audit keeps it)."""
    real = screening_text.find_all
    monkeypatch.setattr(screening_text, "find_all",
                        lambda text, *args: [f for f in real(text, *args) if f.category != "phone"])


def _hostile_id(queue: Path) -> int:
    return int(json.loads(queue.read_text())["tickets"][2]["ticket"]["id"])


def test_a_hostile_case_is_quarantined_and_the_rest_published(tmp_path, tmp_config, policy, blind_to_phones):
    queue = raw_queue(tmp_path, edit=_hostile)
    hostile = _hostile_id(queue)
    lines: list[str] = []
    result = build_site(load_raw_queue(queue), tmp_config, policy, log=lines.append)
    site = tmp_config.site_dir

    assert result.cases == 11 and result.publish["quarantined"] == 1
    assert not (site / "cases" / str(hostile)).exists() and (site / "cases" / "1" / "index.html").is_file()
    assert not any(PHONE in p.read_text(errors="replace") for p in site.rglob("*") if p.is_file())
    report = json.loads((tmp_config.reports_dir / "screening.json").read_text())
    assert report["cases_quarantined"] == [hostile] and report["cases_published"] == 11
    assert {q["id"] for q in report["quarantine"]} == {hostile}
    assert all(q["rule"].startswith("phone.") and len(q["fingerprint"]) == 20 for q in report["quarantine"])
    assert f"cases/{hostile}/index.html" in {q["path"] for q in report["quarantine"]}
    assert PHONE not in json.dumps(report)  # the report names rule and fingerprint, never the text
    assert any(line.startswith(f"audit: case {hostile} quarantined: phone.") for line in lines)
    assert hostile not in {c["id"] for c in json.loads((site / "data" / "cases.json").read_text())["cases"]}


def test_the_workflow_is_told_how_many_were_quarantined(tmp_path, blind_to_phones):
    queue = raw_queue(tmp_path, edit=_hostile)
    outputs = tmp_path / "github-output"
    run = casecat("build", "--source", str(queue), cwd=tmp_path, env={"GITHUB_OUTPUT": str(outputs)})
    assert run.returncode == 0, run.stderr
    assert "quarantined=1" in outputs.read_text().splitlines()
    assert publish_report(tmp_path)["quarantined"] == 1 and publish_report(tmp_path)["cases"] == 11
    assert "1 case(s) quarantined by the audit" in (tmp_path / "reports" / "screening.txt").read_text()


def test_a_reviewed_and_accepted_finding_is_not_quarantined(tmp_path, tmp_config, policy, blind_to_phones):
    queue = raw_queue(tmp_path, edit=_hostile)
    hostile = _hostile_id(queue)
    first = build_site(load_raw_queue(queue), tmp_config, policy)
    fingerprints = {q["fingerprint"] for q in json.loads((tmp_config.reports_dir / "screening.json").read_text())
                    ["quarantine"]}
    assert first.publish["quarantined"] == 1 and fingerprints

    accepting = type(policy)(salt=policy.salt, accepted=frozenset(fingerprints))
    again = build_site(load_raw_queue(queue), tmp_config, accepting, force=True)
    assert again.publish["quarantined"] == 0 and (tmp_config.site_dir / "cases" / str(hostile)).is_dir()


def test_a_finding_in_no_case_still_fails_the_build(tmp_path, tmp_config, policy):
    project = project_copy(tmp_path)
    (project / "docs" / "contact.md").write_text(f"# Contact\n\nCall the desk on {PHONE}.\n")
    with pytest.raises(AuditFailed) as failure:
        build_site(load_raw_queue(raw_queue(tmp_path)), tmp_config, policy, project_root=project)
    paths = {f.path for f in failure.value.findings}
    assert "contact/index.html" in paths  # and the search data that indexes the hand-written page
    assert all(p == "contact/index.html" or p.startswith("search/") for p in paths), paths


def test_files_audited_ahead_quarantine_as_the_audit_after_the_build(tmp_path, policy, blind_to_phones,
                                                                     monkeypatch):
    """A full build of a large site audits the files it copies (the export among them) while the
    engine builds the pages: the quarantine, the report and the site are the same as when every
    file is audited after the build."""
    from dataclasses import replace

    from generator import ledger
    from generator.audit import Auditor
    from generator.config import Config

    queue = raw_queue(tmp_path, edit=_hostile)
    ahead_verdicts: list[dict] = []
    real_known = Auditor.known
    monkeypatch.setattr(Auditor, "known", lambda self: ahead_verdicts.append(real_known(self)) or ahead_verdicts[-1])
    outcomes = {}
    for name, ahead_from in (("after", 10**9), ("ahead", 0)):
        monkeypatch.setattr(ledger, "AHEAD_FROM", ahead_from)
        root = tmp_path / name
        config = replace(Config(), cache_dir=root / "cache", build_dir=root / "build", site_dir=root / "site",
                         reports_dir=root / "reports")
        build_site(load_raw_queue(queue), config, policy)
        report = json.loads((config.reports_dir / "screening.json").read_text())
        site = {p.relative_to(config.site_dir).as_posix(): p.read_bytes()
                for p in config.site_dir.rglob("*") if p.is_file()}
        outcomes[name] = (report["quarantine"], report["cases_published"], site)
    assert outcomes["ahead"] == outcomes["after"]
    assert {q["path"] for q in outcomes["ahead"][0]} >= {"data/cases.json"}
    # the first build's export, with the number in it, was judged ahead
    assert any(f.rule.startswith("phone.") for found in ahead_verdicts for f in found["data/cases.json"][1])
