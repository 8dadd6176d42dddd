"""What `pip install .` gives: the product package alone, installed without warnings, that builds
the sample from a checkout's project files and refuses in one line anywhere else."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

#: slow (builds a wheel and installs it into a fresh environment): in make test, out of the fast loop
pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parent.parent


#: a checkout's own outputs and tools, at its top only ("site" is also the package generator/site)
_TOP_LEVEL_OUTPUTS = {".git", ".venv", "build", "site", "reports", ".casecat"}


def _not_copied(folder: str, names: list[str]) -> set[str]:
    ignored = {n for n in names if n.endswith(".egg-info") or n == "__pycache__"}
    return ignored | (_TOP_LEVEL_OUTPUTS & set(names) if Path(folder) == ROOT else set())


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Path:
    """The wheel of this checkout, installed (no editable link) into a folder of its own."""
    base = tmp_path_factory.mktemp("wheel")
    source = base / "src"  # a copy: building in the checkout would leave build/ and egg-info there
    shutil.copytree(ROOT, source, ignore=_not_copied)
    built = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-w",
                            str(base / "dist"), str(source)], capture_output=True, text=True)
    assert built.returncode == 0, built.stderr
    assert "warning" not in (built.stdout + built.stderr).lower(), built.stdout + built.stderr
    wheel = next((base / "dist").glob("casecat-*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    assert "generator/data/sample-queue.json" in names
    assert not [n for n in names if n.startswith(("devtools/", "tests/", "bench/"))]
    assert any(n.endswith("LICENSE") for n in names)
    target = base / "target"
    subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--target", str(target),
                    str(wheel)], check=True, capture_output=True)
    return target


def _casecat(target: Path, cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PYTHONPATH=str(target))
    return subprocess.run([sys.executable, "-m", "generator", *args], cwd=cwd, env=env, capture_output=True,
                          text=True)


def test_an_installed_casecat_outside_a_checkout_refuses_in_one_line(installed, tmp_path):
    proc = _casecat(installed, tmp_path, "build", "--source", "sample")
    assert proc.returncode == 2
    assert proc.stderr.strip().splitlines() == [
        "casecat: error: no project here: casecat builds from a checkout of its repository (mkdocs.yml, "
        "templates/ and docs/ in the current folder); run it there"]
    assert not (tmp_path / "site").exists()


def test_an_installed_casecat_builds_the_sample_in_a_checkout(installed, tmp_path):
    for name in ("mkdocs.yml", "templates", "docs"):
        copy = shutil.copytree if (ROOT / name).is_dir() else shutil.copy
        copy(ROOT / name, tmp_path / name)
    env = dict(os.environ, PYTHONPATH=str(installed))
    where = subprocess.run([sys.executable, "-c", "import generator; print(generator.__file__)"], cwd=tmp_path,
                           env=env, capture_output=True, text=True, check=True).stdout
    assert where.startswith(str(installed))  # the installed copy runs, not this checkout
    proc = _casecat(installed, tmp_path, "build", "--source", "sample")
    assert proc.returncode == 0, proc.stderr
    assert (tmp_path / "site" / "cases" / "1" / "index.html").is_file()
