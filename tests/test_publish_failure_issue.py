"""Failures are heard: the nightly's report and keepalive steps, run as the workflow writes them
(its `run` line and `env`, expressions filled in as GitHub would), against a stub of GitHub's
REST API on 127.0.0.1 (tests/support/github_stub.py)."""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

import pytest
import yaml

from support.github_stub import github_stub

ROOT = Path(__file__).resolve().parent.parent
NIGHTLY = ROOT / ".github" / "workflows" / "nightly.yml"
MARKER = "<!-- casecat-nightly-failure -->"
RUN = "https://github.com/egi/case-catalogue/actions/runs/{}"


def step(job: str, name: str) -> dict:
    jobs = yaml.safe_load(NIGHTLY.read_text())["jobs"]
    return next(s for s in jobs[job]["steps"] if s.get("name") == name)


def expand(text: str, context: dict[str, str]) -> str:
    """``${{ expr }}`` replaced from ``context``; an expression the test does not know fails."""
    return re.sub(r"\$\{\{\s*(.+?)\s*\}\}", lambda m: context[m.group(1)], text)


def run_step(job: str, name: str, stub, **context: str) -> subprocess.CompletedProcess:
    """The step's command with its env, on a runner whose API is the stub."""
    spec = step(job, name)
    context = {"github.token": stub.token, "github.server_url": "https://github.com",
               "github.repository": stub.repository, **context}
    env = {k: expand(str(v), context) for k, v in spec.get("env", {}).items()}
    runner = {"PATH": os.environ["PATH"], "GITHUB_API_URL": stub.url, "GITHUB_REPOSITORY": stub.repository}
    return subprocess.run(spec["run"], shell=True, cwd=ROOT, capture_output=True, text=True, timeout=60,
                          env={**runner, **env})


def night(stub, run_id: int, build: str, deploy: str, error: str = "") -> subprocess.CompletedProcess:
    proc = run_step("report", "Open, update or close the failure issue", stub, **{
        "needs.build.result": build, "needs.deploy.result": deploy, "needs.build.outputs.error": error,
        "github.run_id": str(run_id)})
    assert "Traceback" not in proc.stderr, proc.stderr
    return proc


def open_issues(stub):
    return [i for i in stub.issues if i.state == "open" and not i.pull_request]


def test_one_issue_opened_updated_and_closed_across_nights():
    with github_stub() as stub:
        unrelated = stub.add_issue("A typo on the about page", "The about page says 'catalouge'.")
        proc = night(stub, 101, "failure", "skipped",
                     "fetch: RT refused the credentials (HTTP 401 on /REST/2.0/queue/technical-support-cases)")
        assert proc.returncode == 0, proc.stderr
        assert proc.stdout.strip() == "the nightly failed; opened issue #2"
        issue = stub.issues[1]
        assert issue.title == "The nightly is failing" and issue.body.startswith(MARKER)
        assert RUN.format(101) in issue.body
        assert "fetch: RT refused the credentials (HTTP 401 on /REST/2.0/queue/technical-support-cases)" in issue.body

        # the next failures comment on the same issue, whatever failed
        assert night(stub, 102, "success", "failure").stdout.strip() == "the nightly failed; commented on issue #2"
        assert night(stub, 103, "cancelled", "skipped").returncode == 0
        assert len(open_issues(stub)) == 2 and len(stub.issues) == 2
        assert "deploy to GitHub Pages failed" in issue.comments[0] and RUN.format(102) in issue.comments[0]
        assert "cancelled or ran out of time" in issue.comments[1]

        # a good night (nothing changed: no deploy) closes it, and says so
        good = night(stub, 104, "success", "skipped")
        assert good.stdout.strip() == "the nightly succeeded; closed issue #2"
        assert issue.state == "closed" and issue.state_reason == "completed" and RUN.format(104) in issue.comments[-1]
        quiet = night(stub, 105, "success", "success")
        assert quiet.stdout.strip() == "the nightly succeeded; no failure issue is open"
        assert [m for m, _, _ in stub.requests[-1:]] == ["GET"]  # nothing written on a quiet good night

        # a later failure opens a new issue; the closed one and the unrelated one are left alone
        assert night(stub, 106, "failure", "skipped", "audit: 2 finding(s) in the built site; nothing was "
                                                      "published").stdout.strip() == "the nightly failed; opened issue #3"
        assert unrelated.state == "open" and not unrelated.comments and issue.state == "closed"


def test_the_issue_is_found_among_many_and_never_in_a_pull_request():
    with github_stub() as stub:
        stub.add_issue("Nightly fix", f"{MARKER} copied into a pull request", pull_request=True)
        failing = stub.add_issue("The nightly is failing", f"{MARKER}\nolder failure")
        for n in range(150):  # newer issues push it to the second page
            stub.add_issue(f"question {n}", "text")
        proc = night(stub, 7, "failure", "skipped", "build: mkdocs build failed (exit 1): ...")
        assert proc.stdout.strip() == f"the nightly failed; commented on issue #{failing.number}"
        assert ("GET", "/repos/egi/case-catalogue/issues", None) in stub.requests
        assert stub.issues[0].comments == []


def test_a_setup_failure_without_error_line_still_says_what_failed():
    with github_stub() as stub:
        night(stub, 9, "failure", "skipped")
        assert "failed before casecat wrote an error line" in stub.issues[0].body


def test_error_text_stays_inert_in_the_issue():
    with github_stub() as stub:
        night(stub, 10, "failure", "skipped", "fetch: odd ```` fence @someone #1 <b>x</b>\nsecond line")
        body = stub.issues[0].body
        fences = re.findall(r"^(`{3,})text$", body, re.M)
        assert fences and len(fences[0]) == 5  # longer than any run of backticks inside
        assert "fetch: odd ```` fence @someone #1 <b>x</b> second line" in body  # one line, in the block


def test_github_refusing_is_one_line_and_a_failed_step():
    with github_stub() as stub:
        proc = run_step("report", "Open, update or close the failure issue", stub, **{
            "github.token": "ghs_wrong", "needs.build.result": "failure", "needs.deploy.result": "skipped",
            "needs.build.outputs.error": "x", "github.run_id": "1"})
        assert proc.returncode == 1
        assert proc.stderr.strip() == "nightly_github: error: GET /issues?state=open&per_page=100&page=1: HTTP 401 Unauthorized"
        assert "ghs_" not in proc.stderr + proc.stdout
        stub.fail_next = 500
        proc = night(stub, 2, "failure", "skipped", "x")
        assert proc.returncode == 1 and "HTTP 500" in proc.stderr and not stub.issues


def test_keepalive_enables_the_nightly_workflow():
    with github_stub() as stub:
        proc = run_step("keepalive", "Keep the schedule enabled", stub)
        assert proc.returncode == 0, proc.stderr
        assert stub.enabled_workflows == ["nightly.yml"]
        assert stub.requests == [("PUT", "/repos/egi/case-catalogue/actions/workflows/nightly.yml/enable", None)]
        assert "enabled" in proc.stdout


@pytest.mark.parametrize("args", [[], ["keepalive"], ["report", "extra"]])
def test_usage_errors(args):
    proc = subprocess.run(["python3", ".github/scripts/nightly_github.py", *args], cwd=ROOT, capture_output=True,
                          text=True, env={"PATH": os.environ["PATH"], "GH_TOKEN": "t", "GITHUB_REPOSITORY": "a/b"})
    assert proc.returncode == 2 and proc.stderr.startswith("usage:")
