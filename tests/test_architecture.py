"""The shape of the code: one direction of flow, and only screening makes public objects.

Each check runs on the real package, and on a copy with a violation planted in it, so a check
that stopped seeing anything would fail here.
"""

import shutil
from pathlib import Path

from support.architecture import import_violations, public_object_makers

PACKAGE = Path(__file__).resolve().parent.parent / "generator"


def test_imports_follow_the_flow():
    assert import_violations(PACKAGE) == []


def test_only_screening_constructs_public_objects():
    assert public_object_makers(PACKAGE) == []


def _copy(tmp_path: Path) -> Path:
    copy = tmp_path / "generator"
    shutil.copytree(PACKAGE, copy, ignore=shutil.ignore_patterns("__pycache__", "data"))
    return copy


def test_a_planted_backward_import_is_caught(tmp_path):
    copy = _copy(tmp_path)
    pages = copy / "site" / "pages.py"
    pages.write_text(pages.read_text(encoding="utf-8") + "\nfrom generator.rt.source import load_sample\n")
    audit = copy / "audit" / "gate.py"
    audit.write_text(audit.read_text(encoding="utf-8") + "\nimport generator.cli\n")
    assert import_violations(copy) == [
        "generator.audit.gate imports generator.cli",
        "generator.site.pages imports generator.rt.source",
    ]


def test_a_planted_public_object_outside_screening_is_caught(tmp_path):
    copy = _copy(tmp_path)
    exports = copy / "site" / "exports.py"
    exports.write_text(exports.read_text(encoding="utf-8") + "\n_X = PublicCase(**{})\n")
    assert [f.split(":")[0] + " " + f.split()[-1] for f in public_object_makers(copy)] == [
        "generator.site.exports PublicCase"]
