"""What the nightly tells GitHub about itself: failures, and that it is still alive.

    nightly_github.py report      a failed run opens (or comments on) one issue, a good run closes it
    nightly_github.py keepalive   re-enables the scheduled workflow before 60 quiet days disable it

Runs on the bare runner with the standard library only (no checkout of casecat's dependencies).
Reads GitHub's own variables: GITHUB_API_URL, GITHUB_REPOSITORY, GH_TOKEN (the job's token), and
for ``report`` the results of the jobs it follows: BUILD_RESULT, DEPLOY_RESULT (success, failure,
cancelled, skipped), BUILD_ERROR (casecat's one-line error, if it wrote one) and RUN_URL.
The one issue is found by a marker in its body, so a renamed title or a label changed by hand
does not make a second one. Exit 1 with one line on stderr if GitHub refuses.
"""

from __future__ import annotations

import json
import os
import re
import sys
import urllib.error
import urllib.request
from urllib.parse import quote

MARKER = "<!-- casecat-nightly-failure -->"
TITLE = "The nightly is failing"
PAGES_SCANNED = 10  # of 100 open issues each: the issue is kept open, so it is among the newest


class GitHubError(RuntimeError):
    pass


class GitHub:
    def __init__(self, api_url: str, repository: str, token: str) -> None:
        if not token:
            raise GitHubError("GH_TOKEN is not set (the job needs GH_TOKEN: ${{ github.token }})")
        if not re.fullmatch(r"[\w.-]+/[\w.-]+", repository or ""):
            raise GitHubError(f"GITHUB_REPOSITORY must be owner/name, not {repository!r}")
        self.api_url, self.repo, self._token = api_url.rstrip("/"), repository, token

    def call(self, method: str, path: str, body: dict | None = None):
        request = urllib.request.Request(
            f"{self.api_url}/repos/{self.repo}{path}", method=method,
            data=None if body is None else json.dumps(body).encode(),
            headers={"Accept": "application/vnd.github+json", "Authorization": f"Bearer {self._token}",
                     "X-GitHub-Api-Version": "2022-11-28", "Content-Type": "application/json",
                     "User-Agent": "casecat-nightly"})
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                data = response.read()
        except urllib.error.HTTPError as exc:
            raise GitHubError(f"{method} {path}: HTTP {exc.code} {exc.reason}") from None
        except (urllib.error.URLError, TimeoutError) as exc:
            raise GitHubError(f"{method} {path}: cannot reach {self.api_url}: {exc}") from None
        return json.loads(data) if data else None

    def open_failure_issue(self) -> dict | None:
        for page in range(1, PAGES_SCANNED + 1):
            issues = self.call("GET", f"/issues?state=open&per_page=100&page={page}")
            for issue in issues:
                if "pull_request" not in issue and MARKER in (issue.get("body") or ""):
                    return issue
            if len(issues) < 100:
                return None
        return None


def failure_of(build: str, deploy: str, error: str) -> str | None:
    """The one line saying why the run failed, or None when it did not."""
    error = " ".join(error.split())
    if build == "failure":
        return error or "the build job failed before casecat wrote an error line (a setup step: see the run)"
    if build == "cancelled":
        return "the build job was cancelled or ran out of time; the published site is unchanged"
    if deploy == "failure":
        return "the deploy to GitHub Pages failed; the site online is still the last one deployed"
    if deploy == "cancelled":
        return "the deploy job was cancelled; the site online is still the last one deployed"
    return None


def _quoted(text: str) -> str:
    """``text`` as a fenced block whose fence no run of backticks in it can close."""
    fence = "`" * max(3, 1 + max((len(run) for run in re.findall(r"`+", text)), default=0))
    return f"{fence}text\n{text}\n{fence}"


def report(hub: GitHub, failure: str | None, run_url: str) -> str:
    issue = hub.open_failure_issue()
    if failure is None:
        if issue is None:
            return "the nightly succeeded; no failure issue is open"
        hub.call("POST", f"/issues/{issue['number']}/comments",
                 {"body": f"The nightly succeeded again: {run_url}. Closing."})
        hub.call("PATCH", f"/issues/{issue['number']}", {"state": "closed", "state_reason": "completed"})
        return f"the nightly succeeded; closed issue #{issue['number']}"
    said = f"The nightly run {run_url} failed:\n\n{_quoted(failure)}"
    if issue is not None:
        hub.call("POST", f"/issues/{issue['number']}/comments", {"body": said})
        return f"the nightly failed; commented on issue #{issue['number']}"
    body = (f"{MARKER}\n{said}\n\nThe site online is the last one deployed. Later failures are added here "
            "as comments; the next successful nightly closes this issue.")
    created = hub.call("POST", "/issues", {"title": TITLE, "body": body})
    return f"the nightly failed; opened issue #{created['number']}"


def keepalive(hub: GitHub, workflow: str) -> str:
    hub.call("PUT", f"/actions/workflows/{quote(workflow, safe='')}/enable")
    return f"workflow {workflow} enabled (its schedule is not dropped after 60 days without commits)"


def main(argv: list[str]) -> int:
    env = os.environ
    try:
        hub = GitHub(env.get("GITHUB_API_URL", "https://api.github.com"), env.get("GITHUB_REPOSITORY", ""),
                     env.get("GH_TOKEN") or env.get("GITHUB_TOKEN", ""))
        if argv == ["report"]:
            failure = failure_of(env.get("BUILD_RESULT", ""), env.get("DEPLOY_RESULT", ""), env.get("BUILD_ERROR", ""))
            print(report(hub, failure, env.get("RUN_URL", "")))
        elif argv[:1] == ["keepalive"] and len(argv) == 2:
            print(keepalive(hub, argv[1]))
        else:
            print("usage: nightly_github.py report | keepalive WORKFLOW_FILE", file=sys.stderr)
            return 2
    except GitHubError as exc:
        print(f"nightly_github: error: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
