"""The shape of the code: one direction of flow, and only screening makes public objects."""

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "generator"

# module (or package) -> the modules of ours it may import
ALLOWED = {
    "generator.model": set(),
    "generator.config": set(),
    "generator.rt": {"generator.model", "generator.config", "generator.rt"},
    "generator.screening": {"generator.model", "generator.config", "generator.screening"},
    "generator.site": {"generator.model", "generator.config", "generator.site"},
    "generator.audit": {"generator.model", "generator.config", "generator.screening.detectors"},
    "generator.pipeline": {"generator.model", "generator.config", "generator.screening", "generator.site",
                           "generator.audit"},
}


def modules():
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        name = ".".join(p for p in parts if p != "__init__")
        yield name, path, ast.parse(path.read_text(encoding="utf-8"))


def imported(tree):
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            yield node.module


def rule_for(name):
    matches = [k for k in ALLOWED if name == k or name.startswith(k + ".")]
    return max(matches, key=len) if matches else None


@pytest.mark.parametrize("name, path, tree", list(modules()), ids=lambda x: x if isinstance(x, str) else "")
def test_imports_follow_the_flow(name, path, tree):
    ours = {m for m in imported(tree) if m == "generator" or m.startswith("generator.")}
    if name != "generator.__main__":
        assert "generator.cli" not in ours, f"{name} imports the CLI"
    rule = rule_for(name)
    if rule is None:  # cli and __main__ sit on top
        return
    allowed = ALLOWED[rule]
    bad = {m for m in ours if not any(m == a or m.startswith(a + ".") for a in allowed)}
    assert not bad, f"{name} imports {sorted(bad)}: a stage may only import earlier ones"


def test_only_screening_constructs_public_objects():
    offenders = []
    for name, path, tree in modules():
        if name.startswith("generator.screening") or name == "generator.model":
            continue
        for node in ast.walk(tree):
            if isinstance(node, ast.Call):
                func = node.func
                called = func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")
                if called in {"PublicCase", "PublicSnapshot", "PublicMessage", "StatusChange", "ExternalContact"}:
                    offenders.append(f"{name}:{node.lineno} {called}")
    assert not offenders, offenders


def test_the_rule_checker_catches_a_backward_import(tmp_path):
    tree = ast.parse("from generator.rt.source import load_sample\n")
    ours = set(imported(tree))
    allowed = ALLOWED[rule_for("generator.site.pages")]
    assert any(not any(m == a or m.startswith(a + ".") for a in allowed) for m in ours)
