"""Fetch cost against a real RT 5 (issue 3): HTTP requests and wall time, both APIs.

    .venv/bin/python -m bench.bench_rt [--sizes 100 1000] [--changed 0.01]

For each size N: a fresh RT (scrips off) gets N synthetic cases (``make_queue``) through
/tickets/bulk: created with their first implementation status and description, then moved
along their status path in bulk rounds and opened; one case in ten gets a reply. Then, as the
catalogue's read-only accounts: a full fetch with each API, 1% of the cases get a reply, and an
incremental fetch with each API. Prints one table row per fetch, then the 1%-changed / full
ratio of requests, and returns it (``make bench`` reads it).

A queue at rest: an incremental fetch asks again for the minute before the newest change the
last fetch saw (RT's clock is only exact to the second, and several RT front ends may not agree
to the second), so the seeding's bulk changes must be older than that: one ordinary reply comes
a minute after them, before the full fetches, as happens in a queue that lives.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

from devtools.rtserver import RtServer, make_pristine, rt_installed
from devtools.synthetic import make_queue
from generator.rt.fetch import OVERLAP, RtAuth, fetch_queue

STATUS = "Implementation status"


def seed(server: RtServer, n: int) -> list[int]:
    entries = make_queue(n, seed=3)["tickets"]
    server.prepare(entries)
    paths, tickets = [], []
    for e in entries:
        t = e["ticket"]
        steps = [x["NewValue"] for x in e["transactions"] if x["Type"] == "CustomField" and x["Field"] == "2"]
        first = next((x["OldValue"] for x in e["transactions"] if x["Type"] == "CustomField" and x["Field"] == "2"),
                     None)
        cfs = {cf["name"]: cf["values"] for cf in t["CustomFields"] if cf["values"] and cf["name"] != STATUS}
        cfs[STATUS] = first or (steps[-1] if steps else "Pre-assessment")
        body = next((a["Content"] for a in e["attachments"] if a["TransactionId"] == e["transactions"][0]["id"]), "")
        tickets.append({"subject": t["Subject"], "body": body, "owner": t["Owner"]["Name"],
                        "requestors": tuple(r["id"] for r in t["Requestor"]), "custom_fields": cfs,
                        "created": t["Created"].replace("T", " ").rstrip("Z")})
        paths.append(steps if first else [])
    ids = server.bulk_create(tickets)
    for step in range(max(map(len, paths), default=0)):
        server.bulk_update([{"id": i, "CustomFields": {STATUS: p[step]}} for i, p in zip(ids, paths) if len(p) > step])
    server.bulk_update([{"id": i, "Status": "open"} for i in ids])
    for i in ids[::10]:
        server.correspond(i, "Thank you, we will come back to you after the next meeting.")
    return ids


def fetch(server: RtServer, api: str, cache: Path) -> tuple[int, float, int]:
    auth = (RtAuth(token=server.reader_token) if api == "rest2"
            else RtAuth(user="staff-reader", password=server.passwords["staff-reader"]))
    s = fetch_queue(url=server.url, queue=server.queue, api=api, auth=auth, cache_dir=cache, timeout=300)
    return s.requests, s.seconds, s.new + s.changed


def main(argv: list[str] | None = None) -> dict | int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000])
    parser.add_argument("--changed", type=float, default=0.01, help="share of cases changed before the incremental run")
    args = parser.parse_args(argv)
    if not rt_installed():
        print("RT 5 is not installed: run `make system-deps`", file=sys.stderr)
        return 2
    rows = []
    with tempfile.TemporaryDirectory(prefix="casecat-bench-rt-") as tmp:
        work = Path(tmp)
        pristine = make_pristine(work / "pristine")
        for n in args.sizes:
            with RtServer(pristine, work / f"rt-{n}", scrips=False) as server:
                started = time.monotonic()
                ids = seed(server, n)
                print(f"seeded {n} cases in {time.monotonic() - started:.0f} s", file=sys.stderr, flush=True)
                # steady state: the seeding's bulk changes are older than the overlap a fetch re-asks for
                time.sleep(OVERLAP.total_seconds() + 1)
                server.correspond(ids[0], "An ordinary reply, a minute after the bulk changes.")
                for api in ("rest2", "rest1"):
                    rows.append((n, api, "full", *fetch(server, api, work / f"cache-{n}-{api}")))
                time.sleep(1.1)  # RT stores whole seconds: the changes come after the full fetches began
                for i in ids[:: max(1, round(1 / args.changed))]:
                    server.correspond(i, "A short update on the plan.")
                for api in ("rest2", "rest1"):
                    rows.append((n, api, f"incremental, {args.changed:.0%} changed",
                                 *fetch(server, api, work / f"cache-{n}-{api}")))
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores; reading as the catalogue's accounts "
          "(REST 2: unprivileged token; REST 1.0: privileged user without rights of its own)")
    print(f"{'tickets':>7}  {'API':5}  {'fetch':<23} {'requests':>8}  {'req/ticket':>10}  {'seconds':>7}  {'read':>5}")
    for n, api, kind, requests, seconds, read in rows:
        print(f"{n:>7}  {api:5}  {kind:<23} {requests:>8}  {requests / n:>10.3f}  {seconds:>7.1f}  {read:>5}")
    by_api = {}
    for api in ("rest2", "rest1"):
        full = {n: r for n, a, kind, r, *_ in rows if a == api and kind == "full"}
        inc = {n: r for n, a, kind, r, *_ in rows if a == api and kind != "full"}
        if full and inc:
            n = max(full)
            by_api[api] = (n, inc[n], full[n])
    print("1% changed / full fetch, requests: " + "; ".join(
        f"{api} {i}/{f} = {i / f:.1%} at {n} cases" for api, (n, i, f) in by_api.items()))
    if "rest2" not in by_api:
        return {}
    n, inc, full = by_api["rest2"]
    return {"requests_ratio_1pct": inc / full, "cases": n, "by_api": by_api}


if __name__ == "__main__":
    result = main()
    raise SystemExit(result if isinstance(result, int) else 0)
