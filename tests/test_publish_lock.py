"""Reproducible installs: what the nightly builds with is requirements.lock (exact versions,
hashes), which satisfies pyproject.toml; Dependabot proposes updates; the Material partials
copied into the theme name the Material version they were copied from, which is the one locked."""

from __future__ import annotations

import re
import tomllib
from importlib import metadata
from pathlib import Path

import yaml
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parent.parent
LOCK = ROOT / "requirements.lock"


def locked() -> dict[str, tuple[str, list[str]]]:
    """name -> (version, hashes) for every requirement of the lock file."""
    text = LOCK.read_text(encoding="utf-8")
    entries = {}
    for block in re.split(r"\n(?=[A-Za-z0-9])", text):
        first = block.split()[0] if block.strip() and not block.startswith("#") else ""
        if not first:
            continue
        name, _, version = first.partition("==")
        assert version, f"not pinned: {first}"
        entries[canonicalize_name(name)] = (version, re.findall(r"--hash=sha256:([0-9a-f]{64})", block))
    return entries


def project() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def test_every_locked_requirement_is_pinned_with_hashes():
    entries = locked()
    assert len(entries) > 20
    unhashed = [name for name, (_, hashes) in entries.items() if not hashes]
    assert not unhashed
    assert "setuptools" in entries  # the build backend too: `make venv` installs without build isolation


def test_the_lock_satisfies_pyproject():
    """A dependency changed in pyproject.toml (by hand or by Dependabot) without `make lock` fails here."""
    entries = locked()
    data = project()
    for text in [*data["project"]["dependencies"], *data["build-system"]["requires"]]:
        requirement = Requirement(text)
        name = canonicalize_name(requirement.name)
        assert name in entries, f"{name} is not in requirements.lock: run `make lock`"
        assert requirement.specifier.contains(entries[name][0], prereleases=True), \
            f"requirements.lock has {name}=={entries[name][0]}, pyproject.toml wants {requirement}: run `make lock`"


def test_the_environment_runs_what_is_locked():
    entries = locked()
    for name in ("mkdocs", "mkdocs-material", "jinja2", "markdown", "pymdown-extensions", "cryptography"):
        assert metadata.version(name) == entries[name][0], f"{name}: installed differs from the lock (make venv)"


def test_make_venv_installs_from_the_lock_with_hashes():
    makefile = (ROOT / "Makefile").read_text()
    recipe = re.search(r"^\$\(BIN\)/casecat: (.*)\n((?:\t.*\n)+)", makefile, re.M)
    assert recipe and "$(LOCK)" in recipe.group(1)
    lines = recipe.group(2)
    assert "pip install --quiet --require-hashes -r $(LOCK)" in lines
    assert "--no-deps --no-build-isolation -e ." in lines  # nothing resolved or fetched beyond the lock
    assert re.search(r"^LOCK := requirements.lock$", makefile, re.M)


def test_copied_material_partials_name_the_locked_material():
    version = locked()["mkdocs-material"][0]
    assert f"mkdocs-material=={version}" in [d.split(" ")[0] for d in project()["project"]["dependencies"]]
    copies = {}
    for partial in sorted((ROOT / "templates" / "theme" / "partials").glob("*.html")):
        named = re.findall(r"Material (\d+\.\d+\.\d+)", partial.read_text(encoding="utf-8").split("-#}")[0])
        if named:
            copies[partial.name] = named[0]
    assert copies, "no partial names the Material version it was copied from"
    assert copies == {name: version for name in copies}, \
        f"Material is locked at {version}: compare these partials with its own and update their header: {copies}"


def test_dependabot_watches_pip_and_the_actions():
    config = yaml.safe_load((ROOT / ".github" / "dependabot.yml").read_text())
    assert config["version"] == 2
    watched = {(u["package-ecosystem"], u["directory"]) for u in config["updates"]}
    assert watched == {("pip", "/"), ("github-actions", "/")}
    assert all(u["schedule"]["interval"] in ("daily", "weekly") for u in config["updates"])
