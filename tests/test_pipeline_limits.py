"""Resource limits end to end: a 50 MB ticket body and 10,000 replies on one ticket are cut,
with a note the reader sees on the case page, in bounded time and memory."""

from __future__ import annotations

import json
import os
import re
import time
from pathlib import Path

import pytest
from support.builds import raw_queue
from support.cli import casecat_process

from generator.rt import records

BODY = "All work and no play makes a long ticket. " * 1_250_000  # 52.5 MB


def _huge(data: dict) -> None:
    first, second = data["tickets"][0], data["tickets"][1]
    create = next(t for t in first["transactions"] if t["Type"] == "Create")
    part = next(a for a in first["attachments"] if a["TransactionId"] == create["id"] and not a["Filename"])
    part["Content"] = BODY
    for i in range(10_000):
        txn = str(5_000_000 + i)
        second["transactions"].append({"id": txn, "Type": "Correspond", "Created": "2024-06-01T00:00:00Z"})
        second["attachments"].append({"id": txn, "TransactionId": txn, "ContentType": "text/plain", "Filename": "",
                                      "Content": f"Reply {i + 1} of a ticket that never stops."})


def _timed_build(work: Path, source: Path) -> tuple[float, int, str]:
    """Seconds, peak memory (MiB, casecat and MkDocs alike) and stderr of one build."""
    started = time.perf_counter()
    proc = casecat_process("build", "--source", str(source), cwd=work, popen=True)
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - started
    stderr = proc.stderr.read()
    proc.stdout.close()
    proc.stderr.close()
    proc.returncode = os.waitstatus_to_exitcode(status)
    assert proc.returncode == 0, stderr
    return seconds, usage.ru_maxrss // 1024, stderr


@pytest.mark.slow
def test_a_huge_body_and_ten_thousand_replies_are_cut_with_a_note_in_bounded_time_and_memory(tmp_path):
    plain_dir, huge_dir = tmp_path / "plain", tmp_path / "huge"
    plain_dir.mkdir()
    huge_dir.mkdir()
    plain = _timed_build(plain_dir, raw_queue(plain_dir, 6))
    huge = _timed_build(huge_dir, raw_queue(huge_dir, 6, edit=_huge))
    assert (huge_dir / "queue.json").stat().st_size > 50_000_000
    print(f"plain queue: {plain[0]:.1f} s, {plain[1]} MiB; with the huge ticket: {huge[0]:.1f} s, {huge[1]} MiB")

    # bounded: the extra cost is reading the 54 MB file, never rendering or screening all of it
    assert huge[0] < plain[0] + 30
    assert huge[1] < plain[1] + 500
    assert "warning: ticket 1: attachments Content: a message part over the size limit; cut, with a note" in huge[2]
    assert "warning: ticket 2: transactions: more than 200 replies; the newest kept, with a note" in huge[2]

    site = huge_dir / "site"
    first = (site / "cases" / "1" / "index.html").read_text()
    assert "The catalogue shows the first 100k characters of this message, which has 52.5 million characters." in first
    assert len(first) < 2 * records.BODY_LIMIT
    second = (site / "cases" / "2" / "index.html").read_text()
    replies = re.search(r"\[(\d+) earlier replies of this case are not shown: the catalogue keeps the newest 200\.\]",
                        second)
    assert replies and 10_000 - 200 <= int(replies.group(1)) < 10_000 - 200 + 20  # with the ticket's own few
    assert "Reply 10000 of a ticket that never stops." in second
    assert "Reply 9800 of a ticket" not in second and second.count("of a ticket that never stops.") <= 200
    cases = {c["id"]: c for c in json.loads((site / "data" / "cases.json").read_text())["cases"]}
    assert len(cases[2]["messages"]) <= records.REPLIES_LIMIT + 20  # its own few replies besides
