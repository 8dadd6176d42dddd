"""Real small and read-only file systems for a test, without touching the machine's mounts.

A shell script runs in a private mount namespace (``unshare --mount``), where it may mount a
small tmpfs or bind a folder read-only; the mounts vanish with it. As root with
CAP_SYS_ADMIN (a Debian CI container run with --privileged) the namespace is a plain one;
elsewhere an unprivileged user namespace maps the caller to root inside it.
"""

from __future__ import annotations

import functools
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent.parent
_PREFIXES = (
    ("unshare", "--mount", "--propagation", "private"),
    ("unshare", "--user", "--map-root-user", "--mount", "--propagation", "private"),
)


@functools.lru_cache(maxsize=1)
def namespace_prefix() -> tuple[str, ...]:
    """The first way of making a private mount namespace that can mount a tmpfs here."""
    if shutil.which("unshare") is None:
        pytest.fail("util-linux's unshare is needed for the disk tests (Debian: util-linux)")
    with tempfile.TemporaryDirectory() as probe:
        for prefix in _PREFIXES:
            proc = subprocess.run([*prefix, "sh", "-c", f"mount -t tmpfs -o size=64k tmpfs '{probe}'"],
                                  capture_output=True, text=True)
            if proc.returncode == 0:
                return prefix
    pytest.fail("the disk tests need a private mount namespace: root with CAP_SYS_ADMIN or unprivileged "
                "user namespaces (a Docker container needs --privileged)")


def run_confined(script: str, cwd: Path, env: dict[str, str] | None = None,
                 timeout: float = 600) -> subprocess.CompletedProcess:
    """``script`` (bash) in a private mount namespace; ``$CASECAT`` runs casecat there."""
    environ = {**os.environ, "PYTHONPATH": str(ROOT), "CASECAT_FINGERPRINT_SALT": "test-salt",
               "CASECAT": f"{sys.executable} -m generator", **(env or {})}
    for name in [k for k in environ if k.startswith(("RT_", "GITHUB_"))]:
        del environ[name]
    return subprocess.run([*namespace_prefix(), "bash", "-c", "set -eu\n" + script], cwd=cwd, env=environ,
                          capture_output=True, text=True, timeout=timeout)
