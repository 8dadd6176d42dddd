"""A disk that fills up and folders that are read-only, for real (a small tmpfs, a read-only
bind mount): the build fails in one line, and the last site and the cache stay as they were."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from support.builds import raw_queue
from support.cli import casecat, tree_state
from support.confined import run_confined

from generator import publish


@pytest.fixture(scope="module")
def seed(tmp_path_factory) -> Path:
    """A working directory with a published site and its cache, and a changed queue to build next."""
    work = tmp_path_factory.mktemp("seed") / "work"
    work.mkdir()
    first = casecat("build", "--source", str(raw_queue(work, 12, name="v1.json")), cwd=work)
    assert first.returncode == 0, first.stderr

    def retitle(data):
        data["tickets"][0]["ticket"]["Subject"] = "A subject edited in RT since the last night"

    raw_queue(work, 12, name="v2.json", edit=retitle)
    return work


@pytest.fixture
def published(seed, tmp_path) -> Path:
    work = tmp_path / "work"
    shutil.copytree(seed, work, symlinks=True)
    return work


def _state(work: Path) -> dict:
    return {"site": tree_state(work / "site"), "cache": tree_state(work / ".casecat" / "cache")}


def _error_line(stderr: str) -> str:
    lines = [line for line in stderr.splitlines() if line.startswith("casecat: error:")]
    assert len(lines) == 1 and "Traceback" not in stderr, stderr
    return lines[0]


def _no_leftovers(work: Path) -> None:
    assert not [p.name for p in work.iterdir() if ".building-" in p.name or ".old-" in p.name]
    assert not [p.name for p in (work / ".casecat" / "cache").iterdir() if p.name.endswith(".tmp")]


#: free space left on a 16 MiB tmpfs holding the working directory: the build runs out at
#: different stages (reports, generated pages, MkDocs' output, the staged bookkeeping)
FREE_KIB = (0, 64, 2048, 8192)


@pytest.mark.slow
def test_a_full_disk_fails_in_one_line_and_keeps_the_last_site_and_cache(published, tmp_path):
    before = _state(published)
    outcomes = {}
    for free in FREE_KIB:
        out = tmp_path / f"full-{free}"
        out.mkdir()
        volume = tmp_path / f"volume-{free}"
        volume.mkdir()
        script = f"""
mount -t tmpfs -o size=16m tmpfs '{volume}'
cp -a '{published}'/. '{volume}'/
avail=$(df -k --output=avail '{volume}' | tail -1)
fill=$(( avail - {free} ))
if [ "$fill" -gt 0 ]; then dd if=/dev/zero of='{volume}/.filler' bs=1K count="$fill" status=none || true; fi
cd '{volume}'
set +e
$CASECAT build --source v2.json > '{out}/stdout' 2> '{out}/stderr'
echo $? > '{out}/rc'
set -e
rm -f '{volume}/.filler'
mkdir '{out}/after'
cp -a '{volume}'/. '{out}/after'/
"""
        proc = run_confined(script, cwd=tmp_path)
        assert proc.returncode == 0, proc.stderr
        rc = int((out / "rc").read_text())
        stderr = (out / "stderr").read_text()
        after = out / "after"
        _no_leftovers(after)
        if rc == 0:  # there was room enough: the new site, whole
            assert "A subject edited in RT" in (after / "site" / "cases" / "1" / "index.html").read_text()
            outcomes[free] = "built"
            continue
        assert rc == 1, stderr
        line = _error_line(stderr)
        assert "No space left on device" in line, line
        assert _state(after) == before, f"{free} KiB free: {line}"
        assert not (after / "reports" / "publish.json").exists()
        outcomes[free] = line
    failures = [line for line in outcomes.values() if line != "built"]
    assert len(failures) >= 3, outcomes
    assert len({line.split(":")[2] for line in failures}) >= 2, outcomes  # out at different stages, each handled


@pytest.mark.parametrize("folder, reason", [
    (".casecat/cache", "Read-only file system"),
    ("build", "Read-only file system"),
    ("reports", "Read-only file system"),
    # a mount point: its files cannot be renamed into from the staging folder beside it (nor can
    # it be swapped whole, "Device or resource busy", when the build is a full one)
    ("site", "Invalid cross-device link"),
    (".", "Read-only file system"),
])
def test_a_read_only_folder_fails_in_one_line_and_keeps_the_last_site_and_cache(published, tmp_path, folder,
                                                                                   reason):
    before = _state(published)
    target = (published / folder).resolve()
    out = tmp_path / "out"
    out.mkdir()
    script = f"""
mount --bind '{target}' '{target}'
mount -o remount,bind,ro '{target}'
cd '{published}'
set +e
$CASECAT build --source v2.json > '{out}/stdout' 2> '{out}/stderr'
echo $? > '{out}/rc'
"""
    proc = run_confined(script, cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    stderr = (out / "stderr").read_text()
    assert int((out / "rc").read_text()) == 1, stderr
    line = _error_line(stderr)
    assert reason in line, line
    assert _state(published) == before
    _no_leftovers(published)
    assert not (published / "reports" / "publish.json").exists() or folder in ("reports", ".")
