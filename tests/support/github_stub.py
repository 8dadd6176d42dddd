"""A stand-in for the parts of GitHub's REST API the nightly calls, on 127.0.0.1.

Issues of one repository (list, create, comment, close) and the workflow enable call, kept in
memory; every request is recorded with its method, path and body. A request without the
expected token gets 401, as GitHub answers; ``fail_next`` makes the next call answer an error.
"""

from __future__ import annotations

import contextlib
import http.server
import json
import re
import threading
from dataclasses import dataclass, field
from urllib.parse import parse_qs, urlsplit


@dataclass
class Issue:
    number: int
    title: str
    body: str
    state: str = "open"
    state_reason: str | None = None
    comments: list[str] = field(default_factory=list)
    pull_request: bool = False

    def as_json(self) -> dict:
        data = {"number": self.number, "title": self.title, "body": self.body, "state": self.state,
                "state_reason": self.state_reason, "comments": len(self.comments)}
        if self.pull_request:
            data["pull_request"] = {"url": "..."}
        return data


@dataclass
class GitHubStub:
    repository: str
    token: str
    url: str = ""
    issues: list[Issue] = field(default_factory=list)
    requests: list[tuple[str, str, dict | None]] = field(default_factory=list)
    enabled_workflows: list[str] = field(default_factory=list)
    fail_next: int | None = None

    def add_issue(self, title: str, body: str, *, pull_request: bool = False, state: str = "open") -> Issue:
        issue = Issue(len(self.issues) + 1, title, body, state=state, pull_request=pull_request)
        self.issues.append(issue)
        return issue

    def handle(self, method: str, target: str, body: dict | None, auth: str) -> tuple[int, object]:
        parts = urlsplit(target)
        self.requests.append((method, parts.path, body))
        if auth != f"Bearer {self.token}":
            return 401, {"message": "Bad credentials"}
        if self.fail_next is not None:
            status, self.fail_next = self.fail_next, None
            return status, {"message": "stub failure"}
        prefix = f"/repos/{self.repository}"
        if not parts.path.startswith(prefix + "/"):
            return 404, {"message": "Not Found"}
        path, query = parts.path[len(prefix):], parse_qs(parts.query)
        if method == "GET" and path == "/issues":
            state, page, per_page = query["state"][0], int(query["page"][0]), int(query["per_page"][0])
            shown = [i.as_json() for i in reversed(self.issues) if state == "all" or i.state == state]
            return 200, shown[(page - 1) * per_page: page * per_page]
        if method == "POST" and path == "/issues":
            return 201, self.add_issue(body["title"], body["body"]).as_json()
        if match := re.fullmatch(r"/issues/(\d+)(/comments)?", path):
            issue = next((i for i in self.issues if i.number == int(match.group(1))), None)
            if issue is None:
                return 404, {"message": "Not Found"}
            if method == "POST" and match.group(2):
                issue.comments.append(body["body"])
                return 201, {"id": len(issue.comments), "body": body["body"]}
            if method == "PATCH" and not match.group(2):
                issue.state, issue.state_reason = body.get("state", issue.state), body.get("state_reason")
                return 200, issue.as_json()
        if method == "PUT" and (match := re.fullmatch(r"/actions/workflows/([^/]+)/enable", path)):
            self.enabled_workflows.append(match.group(1))
            return 204, None
        return 404, {"message": "Not Found"}


@contextlib.contextmanager
def github_stub(repository: str = "egi/case-catalogue", token: str = "ghs_stubtoken"):
    stub = GitHubStub(repository, token)

    class Handler(http.server.BaseHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def _answer(self):
            length = int(self.headers.get("Content-Length") or 0)
            body = json.loads(self.rfile.read(length)) if length else None
            status, data = stub.handle(self.command, self.path, body, self.headers.get("Authorization", ""))
            payload = b"" if data is None else json.dumps(data).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)

        do_GET = do_POST = do_PATCH = do_PUT = _answer

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    stub.url = f"http://127.0.0.1:{server.server_address[1]}"
    try:
        yield stub
    finally:
        server.shutdown()
        server.server_close()


def main() -> None:
    """``python -m support.github_stub`` (from tests/): the stub alone, to run the nightly's report
    step by hand; prints the variables to export, a line per request, and the issues when stopped."""
    import signal
    import time

    def stop(signum, frame):
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, stop)
    with github_stub() as stub:
        print(f"export GITHUB_API_URL={stub.url} GITHUB_REPOSITORY={stub.repository} GH_TOKEN={stub.token}",
              flush=True)
        seen = 0
        try:
            while True:
                time.sleep(0.2)
                for method, path, body in stub.requests[seen:]:
                    print(f"stub: {method} {path} {json.dumps(body) if body else ''}".rstrip(), flush=True)
                seen = len(stub.requests)
        except KeyboardInterrupt:
            pass
        for issue in stub.issues:
            print(f"stub: issue #{issue.number} [{issue.state}] {issue.title!r}, {len(issue.comments)} comment(s)")


if __name__ == "__main__":
    main()
