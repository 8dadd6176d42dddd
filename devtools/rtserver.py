"""Throw-away RT 5 servers for the integration tests and the benchmark.

``make_pristine(dir)`` builds, once, an SQLite database with RT's schema (rt-setup-database-5)
and our queue, custom fields, users, rights and tokens (``scripts/rt/setup-test-rt.pl``, RT's
Perl API). Each ``RtServer`` copies that file, so a fresh RT costs only its start (~2-3 s), and
listens on a free 127.0.0.1 port with two workers. It is stopped by its process group id.

Tickets are written through REST 2 as root: one at a time (``create_ticket``, ``correspond``,
``comment``, ``update``), many at once (``bulk_create``, ``bulk_update``), or replayed from a
casecat-raw/1 queue (``seed_raw``), e.g. part of the bundled sample.
"""

from __future__ import annotations

import base64
import ctypes
import json
import os
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import requests

RT_SERVER = Path("/usr/share/request-tracker5/libexec/rt-server")
SETUP_DATABASE = "rt-setup-database-5"
SETUP_SCRIPT = Path(__file__).resolve().parent.parent / "scripts" / "rt" / "setup-test-rt.pl"
QUEUE = "technical-support-cases"
ROOT_PASSWORD = "password"
START_TIMEOUT = 90.0


def rt_installed() -> bool:
    return RT_SERVER.exists() and shutil.which(SETUP_DATABASE) is not None


@dataclass(frozen=True)
class Pristine:
    """A configured RT database to copy: ids of queue and fields, tokens, passwords."""

    db: Path
    info: dict[str, Any]


def make_pristine(workdir: Path) -> Pristine:
    workdir.mkdir(parents=True, exist_ok=True)
    db = workdir / "pristine.db"
    db.unlink(missing_ok=True)
    password_file = workdir / "root-password"
    password_file.write_text(ROOT_PASSWORD)
    env = {**os.environ, "RT_DB_FILE": str(db), "RT_LOG_DIR": str(workdir)}
    _run([SETUP_DATABASE, "--action", "init", "--root-password-file", str(password_file)], env)
    out = _run(["perl", str(SETUP_SCRIPT)], env)
    return Pristine(db, json.loads(out.strip().splitlines()[-1]))


PR_SET_PDEATHSIG = 1  # <linux/prctl.h>


def _stop_with_parent() -> None:
    """Runs in the child before RT starts: when the process that started the server dies without
    stopping it (a killed test run, a CI timeout, the out-of-memory killer), the kernel sends the
    server SIGTERM, and it stops its workers; no orphaned server holds memory afterwards."""
    ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGTERM)


class RtServer:
    """One RT on a fresh copy of the pristine database. Use as a context manager."""

    def __init__(self, pristine: Pristine, workdir: Path, *, scrips: bool = True) -> None:
        self.pristine = pristine
        self.workdir = workdir
        self.scrips = scrips
        self.db = workdir / "rt.db"
        self.port = 0
        self.process: subprocess.Popen[bytes] | None = None
        info = pristine.info
        self.queue = QUEUE
        self.queue_id = int(info["queue_id"])
        self.root_token: str = info["tokens"]["root"]
        self.reader_token: str = info["tokens"]["reader"]
        self.passwords: dict[str, str] = {"root": ROOT_PASSWORD, **info["passwords"]}
        self.cf_ids: dict[str, int] = dict(info["custom_fields"])
        self.multi: dict[str, bool] = {}  # custom field name -> takes several values
        self._admin: requests.Session | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def __enter__(self) -> RtServer:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def start(self) -> None:
        self.workdir.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(self.pristine.db, self.db)
        if not self.scrips:  # no notification mail: ticket writes get ~8x faster
            with sqlite3.connect(self.db) as con:
                con.execute("UPDATE Scrips SET Disabled = 1")
        for _ in range(3):
            self.port = _free_port()
            if self._launch():
                return
        raise RuntimeError(f"RT did not start; see {self.workdir / 'server.log'}")

    def _launch(self) -> bool:
        env = {
            **os.environ,
            "RT_PORT": str(self.port),
            "RT_DB_FILE": str(self.db),
            "RT_LOG_DIR": str(self.workdir),
        }
        command = [str(RT_SERVER), "--server", "Starlet", "--host", "127.0.0.1", "--port", str(self.port),
                   "--max-workers", "2"]
        with open(self.workdir / "server.log", "ab") as log:
            self.process = subprocess.Popen(command, env=env, stdout=log, stderr=subprocess.STDOUT,
                                            stdin=subprocess.DEVNULL, start_new_session=True,
                                            preexec_fn=_stop_with_parent if sys.platform == "linux" else None)
        deadline = time.monotonic() + START_TIMEOUT
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                self.process = None
                return False
            try:
                answer = requests.get(self.url + "/REST/2.0/rt", timeout=5,
                                      headers={"Authorization": f"token {self.root_token}"})
                if answer.status_code == 200:
                    return True
            except requests.RequestException:
                pass
            time.sleep(0.1)
        self.stop()
        return False

    def stop(self) -> None:
        """Stops the server and its workers: SIGTERM to its process group, then SIGKILL."""
        process, self.process = self.process, None
        if self._admin is not None:
            self._admin.close()
            self._admin = None
        if process is None or process.poll() is not None:
            return
        for sig, wait in ((signal.SIGTERM, 10), (signal.SIGKILL, 10)):
            try:
                os.killpg(process.pid, sig)
            except ProcessLookupError:
                return
            try:
                process.wait(wait)
                return
            except subprocess.TimeoutExpired:
                continue

    # --- REST 2 as root --------------------------------------------------------------------

    @property
    def admin(self) -> requests.Session:
        if self._admin is None:
            self._admin = requests.Session()
            self._admin.headers["Authorization"] = f"token {self.root_token}"
        return self._admin

    def call(self, method: str, path: str, body: Any = None, **params: Any) -> Any:
        answer = self.admin.request(method, f"{self.url}/REST/2.0/{path}", json=body, params=params or None,
                                    timeout=120)
        if answer.status_code >= 400:
            raise RuntimeError(f"RT {method} {path}: HTTP {answer.status_code}: {answer.text[:300]}")
        return answer.json() if answer.content else None

    def create_ticket(self, subject: str, *, body: str = "", content_type: str = "text/plain",
                      owner: str = "alice", requestors: tuple[str, ...] = ("pi@community.example.org",),
                      cc: tuple[str, ...] = (), custom_fields: dict[str, Any] | None = None,
                      created: str | None = None, status: str | None = None) -> int:
        data = self._ticket_data(subject, body, content_type, owner, requestors, cc, custom_fields, created, status)
        return int(self.call("POST", "ticket", data)["id"])

    def bulk_create(self, tickets: list[dict[str, Any]]) -> list[int]:
        """Creates tickets (``create_ticket`` keyword dicts) 100 to a request via /tickets/bulk."""
        ids: list[int] = []
        for start in range(0, len(tickets), 100):
            batch = [self._ticket_data(**_ticket_defaults(t)) for t in tickets[start : start + 100]]
            ids += [int(item["id"]) for item in self.call("POST", "tickets/bulk", batch)]
        return ids

    def bulk_update(self, changes: list[dict[str, Any]]) -> None:
        """Updates tickets 100 to a request: each change is ``{"id": n, "Status": ..., ...}``."""
        for start in range(0, len(changes), 100):
            self.call("PUT", "tickets/bulk", changes[start : start + 100])

    def correspond(self, ticket: int, text: str, *, content_type: str = "text/plain",
                   files: tuple[tuple[str, str, bytes], ...] = ()) -> None:
        self.call("POST", f"ticket/{ticket}/correspond", _message(text, content_type, files))

    def comment(self, ticket: int, text: str, *, files: tuple[tuple[str, str, bytes], ...] = ()) -> None:
        self.call("POST", f"ticket/{ticket}/comment", _message(text, "text/plain", files))

    def update(self, ticket: int, **fields: Any) -> None:
        """``update(5, Status="open")``, ``update(5, CustomFields={"Implementation status": "Assessed"})``."""
        self.call("PUT", f"ticket/{ticket}", fields)

    def set_status(self, ticket: int, status: str) -> None:
        self.update(ticket, Status=status)

    def set_cf(self, ticket: int, name: str, value: Any) -> None:
        self.update(ticket, CustomFields={name: value})

    def move(self, ticket: int, queue: str) -> None:
        self.update(ticket, Queue=queue)

    def merge(self, ticket: int, into: int) -> None:
        """Merges ``ticket`` into ``into`` (RT keeps the merged ticket's id as an alias)."""
        self.update(ticket, MergeInto=into)

    def delete(self, ticket: int) -> None:
        """Sets the ticket's status to deleted (RT's delete; searches no longer show it)."""
        self.call("DELETE", f"ticket/{ticket}")

    def rename_user(self, name: str, new_name: str, real_name: str | None = None) -> None:
        """Renames an RT user (no ticket's LastUpdated changes)."""
        fields = {"Name": new_name, **({"RealName": real_name} if real_name is not None else {})}
        self.call("PUT", f"user/{name}", fields)

    def set_custom_field_disabled(self, name: str, disabled: bool) -> None:
        """Disables or enables a custom field for the whole RT (no ticket's LastUpdated changes)."""
        self.call("PUT", f"customfield/{self.cf_ids[name]}", {"Disabled": 1 if disabled else 0})

    def set_timezone(self, user: str, zone: str) -> None:
        """A user's Timezone preference ('' for RT's own $Timezone, UTC here)."""
        self.call("PUT", f"user/{user}", {"Timezone": zone})

    def ensure_queue(self, name: str) -> None:
        answer = self.admin.get(f"{self.url}/REST/2.0/queue/{name}", timeout=60)
        if answer.status_code == 404:
            self.call("POST", "queue", {"Name": name})

    def _ticket_data(self, subject: str, body: str, content_type: str, owner: str, requestors: tuple[str, ...],
                     cc: tuple[str, ...], custom_fields: dict[str, Any] | None, created: str | None,
                     status: str | None) -> dict[str, Any]:
        data: dict[str, Any] = {"Queue": self.queue, "Subject": subject, "Requestor": list(requestors),
                                "Cc": list(cc), "Content": body or subject, "ContentType": content_type}
        if owner and owner != "Nobody":
            data["Owner"] = owner
        if custom_fields:
            data["CustomFields"] = custom_fields
        if created:
            data["Created"] = created
        if status:
            data["Status"] = status
        return data

    # --- replaying a casecat-raw/1 queue ------------------------------------------------------

    def seed_raw(self, raw: dict[str, Any], *, limit: int | None = None) -> dict[int, int]:
        """Replays raw entries into RT (Create, Correspond, Comment with files, custom-field and
        status changes, in order; EmailRecords are RT's own). Returns raw id -> RT id. Dates
        of changes are today's: RT stamps transactions itself."""
        entries = raw["tickets"][:limit]
        self.prepare(entries)
        mapping = {}
        for entry in entries:
            mapping[int(entry["ticket"]["id"])] = self._replay(entry)
        return mapping

    def _replay(self, entry: dict[str, Any]) -> int:
        t = entry["ticket"]
        names = {str(cf["id"]): cf["name"] for cf in t.get("CustomFields") or []}
        values = {cf["name"]: list(cf.get("values") or []) for cf in t.get("CustomFields") or []}
        history = sorted(entry["transactions"], key=lambda x: (x["Created"], int(x["id"])))
        changes = [x for x in history if x["Type"] == "CustomField"]
        for x in reversed(changes):  # undo the changes: the values the ticket was created with
            name = names.get(str(x["Field"]), str(x["Field"]))
            _apply(values.setdefault(name, []), x["NewValue"], x["OldValue"], self._single(name))
        parts: dict[str, list[dict[str, Any]]] = {}
        for a in entry.get("attachments") or []:
            parts.setdefault(str(_ref(a["TransactionId"])), []).append(a)
        create = next(x for x in history if x["Type"] == "Create")
        text, kind, _ = _body(parts.get(str(create["id"]), []))
        owner = (t.get("Owner") or {}).get("Name") or (t.get("Owner") or {}).get("id") or "Nobody"
        ticket = self.create_ticket(
            t["Subject"], body=text, content_type=kind, owner=owner,
            requestors=tuple(_ref(r) for r in t.get("Requestor") or []), cc=tuple(_ref(c) for c in t.get("Cc") or []),
            custom_fields={n: (v[0] if self._single(n) else v) for n, v in values.items() if v},
            created=t["Created"].replace("T", " ").rstrip("Z"),
        )
        status = "new"
        for x in history:
            if x["Type"] in ("Correspond", "Comment"):
                text, kind, files = _body(parts.get(str(x["id"]), []))
                if x["Type"] == "Correspond":
                    self.correspond(ticket, text, content_type=kind, files=files)
                    status = self._status(ticket) if self.scrips else status
                else:
                    self.comment(ticket, text, files=files)
            elif x["Type"] == "CustomField":
                name = names.get(str(x["Field"]), str(x["Field"]))
                _apply(values.setdefault(name, []), x["OldValue"], x["NewValue"], self._single(name))
                value = values[name]
                self.set_cf(ticket, name, (value[0] if value else "") if self._single(name) else value)
            elif x["Type"] == "Status" and x["NewValue"] != status:
                self.set_status(ticket, x["NewValue"])
                status = x["NewValue"]
        return ticket

    def _status(self, ticket: int) -> str:
        return str(self.call("GET", f"ticket/{ticket}")["Status"])

    def _single(self, name: str) -> bool:
        return not self.multi.get(name, False)

    def prepare(self, entries: list[dict[str, Any]]) -> None:
        """Makes RT ready for these raw entries: their custom fields, Select values and owners."""
        self._ensure_fields(entries)
        self._ensure_users(entries)

    def _ensure_fields(self, entries: list[dict[str, Any]]) -> None:
        """Custom fields the queue lacks are created (Freeform), Select values added."""
        wanted: dict[str, set[str]] = {}
        multi: dict[str, bool] = {}
        for e in entries:
            names = {str(cf["id"]): cf["name"] for cf in e["ticket"].get("CustomFields") or []}
            for cf in e["ticket"].get("CustomFields") or []:
                wanted.setdefault(cf["name"], set()).update(cf.get("values") or [])
                multi[cf["name"]] = multi.get(cf["name"], False) or len(cf.get("values") or []) > 1
            for x in e["transactions"]:
                if x["Type"] == "CustomField":
                    name = names.get(str(x["Field"]), str(x["Field"]))
                    wanted.setdefault(name, set()).update(v for v in (x["OldValue"], x["NewValue"]) if v)
        for name, values in sorted(wanted.items()):
            if name not in self.cf_ids:
                self.cf_ids[name] = int(self.call("POST", "customfield", {
                    "Name": name, "Type": "Freeform", "MaxValues": 0 if multi.get(name) else 1,
                    "LookupType": "RT::Queue-RT::Ticket", "Queue": self.queue_id})["id"])
            self.multi[name] = int(self.call("GET", f"customfield/{self.cf_ids[name]}")["MaxValues"] or 0) != 1
            if name in ("Implementation status", "Scientific discipline"):
                known = {v["name"] for v in self.call("GET", f"customfield/{self.cf_ids[name]}/values",
                                                      per_page=100)["items"]}
                for value in sorted(values - known):
                    self.call("POST", f"customfield/{self.cf_ids[name]}/value", {"Name": value})

    def _ensure_users(self, entries: list[dict[str, Any]]) -> None:
        owners = {e["ticket"].get("Owner", {}).get("Name") or "" for e in entries} - {"", "Nobody", "alice", "bob"}
        for name in sorted(owners):
            owner = next(e["ticket"]["Owner"] for e in entries if e["ticket"].get("Owner", {}).get("Name") == name)
            answer = self.admin.get(f"{self.url}/REST/2.0/user/{name}", timeout=60)
            if answer.status_code == 404:
                self.call("POST", "user", {"Name": name, "RealName": owner.get("RealName", ""),
                                           "EmailAddress": owner.get("EmailAddress") or f"{name}@support.example.org",
                                           "Privileged": 1})


def _ticket_defaults(t: dict[str, Any]) -> dict[str, Any]:
    return {"body": "", "content_type": "text/plain", "owner": "alice", "requestors": ("pi@community.example.org",),
            "cc": (), "custom_fields": None, "created": None, "status": None, **t}


def _message(text: str, content_type: str, files: tuple[tuple[str, str, bytes], ...]) -> dict[str, Any]:
    data: dict[str, Any] = {"Content": text, "ContentType": content_type}
    if files:
        data["Attachments"] = [{"FileName": name, "FileType": kind, "FileContent": base64.b64encode(content).decode()}
                               for name, kind, content in files]
    return data


def _body(parts: list[dict[str, Any]]) -> tuple[str, str, tuple[tuple[str, str, bytes], ...]]:
    """The text (plain preferred) and the files of one transaction's attachments."""
    texts = [a for a in parts if not a.get("Filename") and a.get("ContentType") in ("text/plain", "text/html")]
    texts.sort(key=lambda a: a["ContentType"] != "text/plain")
    files = tuple((a["Filename"], a.get("ContentType") or "application/octet-stream",
                   str(a.get("Content") or "").encode("utf-8")) for a in parts if a.get("Filename"))
    if texts:
        return str(texts[0].get("Content") or "") or "(empty)", texts[0]["ContentType"], files
    return "(no text)", "text/plain", files


def _apply(values: list[str], old: str, new: str, single: bool) -> None:
    if single:
        values[:] = [new] if new else []
        return
    if old and old in values:
        values.remove(old)
    if new and new not in values:
        values.append(new)


def _ref(value: Any) -> Any:
    return value.get("id") if isinstance(value, dict) else value


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _run(command: list[str], env: dict[str, str]) -> str:
    done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=300)
    if done.returncode != 0:
        raise RuntimeError(f"{command[0]} failed ({done.returncode}): {done.stderr.strip()[-2000:]}")
    return done.stdout


# --- a small seed list of our own -------------------------------------------------------------

CSV = ("capacity.csv", "text/csv", b"site,cores\nCESNET,1200\n")
NOTES = ("notes.txt", "text/plain", b"private notes in a text file\n")
COMMENT = "Internal note: budget still open. Not for the requestor."


def seed_cases(server: RtServer) -> dict[str, int]:
    """Three cases covering what the sources must get right; returns name -> ticket id.

    ``ska``: every custom field (multi values, a comma inside a value, multi-line text), a reply,
    three implementation-status changes, RT status open -> stalled -> resolved, a comment.
    ``lofar``: a comment with a file, a reply with a file and an HTML-only reply.
    ``bare``: no custom fields, never answered."""
    ska = server.create_ticket(
        "SKA pipelines", owner="alice", requestors=("pi@ska.example.org",), cc=("observer@ska.example.org",),
        body="The SKA Observatory asks for help moving its pipelines.\n\n  Indented second paragraph.",
        custom_fields={
            "Implementation status": "Pre-assessment",
            "Scientific discipline": ["Astronomy and astrophysics", "Physics"],
            "Virtual Organisation": "vo.ska.eu",
            "Sites involved": ["CESNET", "UiT, Tromsø", 'Site "quoted"'],
            "Links to related documents": ["https://docs.example.org/ska/plan.pdf"],
            "External contacts": "Jane Doe <jane@ska.example.org>\n  John Roe (data manager)",
        },
    )
    server.correspond(ska, "Dear SKA team,\nwe have scheduled an assessment call.")
    for status in ("Assessed", "Preparatory", "Test & Integration"):
        server.set_cf(ska, "Implementation status", status)
    server.comment(ska, COMMENT)
    for status in ("open", "stalled", "resolved"):
        server.set_status(ska, status)
    lofar = server.create_ticket("LOFAR long-term archive", owner="bob", requestors=("support@lofar.example.org",),
                                 body="<p>LOFAR needs <b>storage</b>.</p>", content_type="text/html",
                                 custom_fields={"Implementation status": "Assessed",
                                                "Sites involved": ["SURF", "FZJ"]})
    server.comment(lofar, COMMENT, files=(CSV,))
    server.correspond(lofar, "The plan is attached.", files=(NOTES,))
    server.correspond(lofar, "<p>Reply in <i>HTML</i> only.</p>", content_type="text/html")
    bare = server.create_ticket("Bare request", owner="Nobody", body="Short.")
    return {"ska": ska, "lofar": lofar, "bare": bare}
