"""The shape of the code as data: which of our modules each module may import.

``import_violations`` reads a package's sources (as text, nothing is imported) and lists every
import that runs against the flow; the architecture tests call it on the real package and on a
copy with a backward import planted in it.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

# module (or package) -> the modules of ours it may import; cli and __main__ sit on top
ALLOWED = {
    "generator.model": set(),
    "generator.config": set(),
    "generator.lock": set(),
    "generator.forked": set(),
    "generator.kept": set(),
    "generator.hashes": set(),
    "generator.rt": {"generator.model", "generator.config", "generator.kept", "generator.rt"},
    "generator.screening": {"generator.model", "generator.config", "generator.forked", "generator.kept",
                            "generator.screening"},
    # (a summary the site makes by joining or cutting screened text is judged by the screening's own
    # detectors, so that the audit never reads in it what screening did not: ``site.text.lead``)
    "generator.site": {"generator.model", "generator.config", "generator.forked", "generator.kept", "generator.site",
                       "generator.screening.detectors"},
    "generator.audit": {"generator.model", "generator.config", "generator.kept", "generator.audit", "generator.screening.detectors",
                        "generator.screening.normalise", "generator.site.search",
                        # (the addresses the site makes of a name: a page address is no finding of a case)
                        "generator.site.urls", "generator.site.metrics"},
    "generator.publish": {"generator.model", "generator.config", "generator.hashes", "generator.screening.snapshot",
                          "generator.screening.policy", "generator.screening.memo"},
    "generator.sealing": set(),
    "generator.preview": {"generator.model", "generator.config", "generator.screening.snapshot", "generator.site"},
    "generator.incremental": {"generator.model", "generator.config", "generator.kept", "generator.hashes", "generator.site",
                              "generator.publish"},
    "generator.ledger": {"generator.model", "generator.config", "generator.audit", "generator.publish"},
    "generator.pipeline": {"generator.model", "generator.config", "generator.lock", "generator.screening",
                           "generator.site", "generator.audit", "generator.publish", "generator.incremental",
                           "generator.ledger"},
}
PUBLIC_TYPES = {"PublicCase", "PublicSnapshot", "PublicMessage", "StatusChange", "ExternalContact"}


def modules(package: Path) -> Iterator[tuple[str, ast.Module]]:
    """(dotted name, syntax tree) of every module under ``package`` (a folder named generator)."""
    for path in sorted(package.rglob("*.py")):
        parts = path.relative_to(package.parent).with_suffix("").parts
        yield ".".join(p for p in parts if p != "__init__"), ast.parse(path.read_text(encoding="utf-8"))


def imported(tree: ast.Module) -> Iterator[str]:
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            if node.module == "generator":  # from generator import publish
                yield from (f"generator.{a.name}" for a in node.names)
            else:
                yield node.module


def _rule_for(name: str) -> str | None:
    matches = [k for k in ALLOWED if name == k or name.startswith(k + ".")]
    return max(matches, key=len) if matches else None


def import_violations(package: Path) -> list[str]:
    """'module imports X' for every import of ours that a module may not make."""
    found = []
    for name, tree in modules(package):
        ours = {m for m in imported(tree) if m == "generator" or m.startswith("generator.")}
        rule = _rule_for(name)
        if rule is None:  # the top: only __main__ may import the CLI
            if name != "generator.__main__" and "generator.cli" in ours:
                found.append(f"{name} imports generator.cli")
            continue
        allowed = ALLOWED[rule]
        found += [f"{name} imports {m}" for m in sorted(ours)
                  if not any(m == a or m.startswith(a + ".") for a in allowed)]
    return found


def public_object_makers(package: Path) -> list[str]:
    """'module:line Type' for every construction of a public type outside screening and model."""
    found = []
    for name, tree in modules(package):
        if name.startswith("generator.screening") or name == "generator.model":
            continue
        for node in ast.walk(tree):
            if isinstance(node, ast.Call):
                func = node.func
                called = func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")
                if called in PUBLIC_TYPES:
                    found.append(f"{name}:{node.lineno} {called}")
    return found
