"""Running `casecat` as a user does, and reading what it leaves behind."""

from __future__ import annotations

import inspect
import os
import subprocess
import sys
import threading
from dataclasses import dataclass
from pathlib import Path

from click.testing import CliRunner

from generator.cli import main

ROOT = Path(__file__).resolve().parent.parent.parent


@dataclass
class Run:
    returncode: int
    stdout: str
    stderr: str


def _clean_environment() -> dict[str, None]:
    """The settings a developer's shell may carry, removed: a test says what it sets."""
    return {k: None for k in os.environ if k.startswith(("CASECAT_", "RT_", "GITHUB_"))}


def casecat(*args: str, cwd: Path, env: dict[str, str] | None = None) -> Run:
    """`casecat ARGS` in-process (click's runner) in ``cwd``, with a clean environment."""
    runner = CliRunner(**({"mix_stderr": False} if "mix_stderr" in inspect.signature(CliRunner).parameters else {}))
    here = Path.cwd()
    os.chdir(cwd)
    try:
        result = runner.invoke(main, list(args), env={**_clean_environment(), "CASECAT_FINGERPRINT_SALT": "test-salt",
                                                      **(env or {})})
    finally:
        os.chdir(here)
        _wait_for_removals()
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return Run(result.exit_code, result.stdout, result.stderr)


def _wait_for_removals() -> None:
    """A process ends only once the build's work folders are removed (``remove_meanwhile``'s
    thread is no daemon); a run in-process returns before, so it waits for them here: a test that
    copies the work folder next must not meet a folder being removed under it."""
    for thread in threading.enumerate():
        if thread.name.startswith("remove ") and thread is not threading.current_thread():
            thread.join()


def casecat_process(*args: str, cwd: Path, env: dict[str, str] | None = None, timeout: float = 600,
                    **popen) -> subprocess.Popen | subprocess.CompletedProcess:
    """`casecat ARGS` as its own process (``popen=True``: started, not waited for)."""
    environ = {k: v for k, v in os.environ.items() if k not in _clean_environment()}
    environ.update({"PYTHONPATH": str(ROOT), "CASECAT_FINGERPRINT_SALT": "test-salt", **(env or {})})
    command = [sys.executable, "-m", "generator", *args]
    if popen.pop("popen", False):
        return subprocess.Popen(command, cwd=cwd, env=environ, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                text=True, **popen)
    return subprocess.run(command, cwd=cwd, env=environ, capture_output=True, text=True, timeout=timeout, **popen)


def error_line(proc) -> str:
    """The one error line of a failed run (and no traceback)."""
    lines = [line for line in proc.stderr.splitlines() if line.startswith("casecat: error:")]
    assert len(lines) == 1, proc.stderr
    assert "Traceback" not in proc.stderr
    return lines[0]


def tree_state(folder: Path) -> dict[str, tuple[bytes, int]]:
    """Every file's bytes and modification time: 'untouched' means all of it is equal."""
    return {str(p.relative_to(folder)): (p.read_bytes(), p.stat().st_mtime_ns)
            for p in sorted(folder.rglob("*")) if p.is_file()}
