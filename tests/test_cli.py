"""The command line contract: one-line errors, exit codes, no half-written site."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def casecat(*args, cwd):
    return subprocess.run([sys.executable, "-m", "generator", *args], cwd=cwd, capture_output=True, text=True)


def test_bad_source_file_is_one_clear_line_and_no_site(tmp_path):
    bad = tmp_path / "raw.json"
    bad.write_text('{"format": "casecat-raw/1", "tickets": [{"ticket": {"id": "5"}}]}')
    proc = casecat("build", "--source", str(bad), "--site-dir", str(tmp_path / "site"), cwd=tmp_path)
    assert proc.returncode == 1
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("casecat: error:") and "ticket 5" in lines[0]
    assert "Traceback" not in proc.stderr
    assert not (tmp_path / "site").exists()


def test_truncated_source_file(tmp_path):
    bad = tmp_path / "raw.json"
    bad.write_text('{"format": "casecat-raw/1", "tickets": [')
    proc = casecat("build", "--source", str(bad), cwd=tmp_path)
    assert proc.returncode == 1 and "not a readable raw queue file" in proc.stderr


def test_audit_command_exit_codes(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("<p>hello</p>")
    assert casecat("audit", str(site), cwd=tmp_path).returncode == 0
    (site / "leak.json").write_text(json.dumps({"x": "call +44 20 7946 0958"}))
    proc = casecat("audit", str(site), cwd=tmp_path)
    assert proc.returncode == 1
    assert "leak.json: phone" in proc.stdout
    assert "7946" not in proc.stdout + proc.stderr  # the finding is named, never repeated
    assert casecat("audit", str(tmp_path / "nope"), cwd=tmp_path).returncode == 2


def test_rt_source_without_credentials_is_refused(tmp_path):
    proc = casecat("build", "--source", "rt", "--rt-url", "http://127.0.0.1:9", cwd=tmp_path)
    assert proc.returncode == 2 and "credentials missing" in proc.stderr


@pytest.mark.slow
def test_build_from_a_raw_file_writes_every_stage_output(tmp_path):
    from devtools.synthetic import make_queue, write_queue

    raw = tmp_path / "queue.json"
    write_queue(make_queue(5, seed=3), raw)
    proc = subprocess.run([sys.executable, "-m", "generator", "build", "--source", str(raw)],
                          cwd=tmp_path, capture_output=True, text=True,
                          env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"})
    assert proc.returncode == 0, proc.stderr
    for output in ("build/public/snapshot.json", "build/docs/index.md", "build/mkdocs.yml",
                   "reports/screening.json", "site/index.html", "site/cases/1/index.html"):
        assert (tmp_path / output).exists(), output
    assert proc.stdout.strip().endswith("site/index.html")
