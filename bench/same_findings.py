"""Do two versions of the screening find exactly the same? A speed change must not change a
finding: record what one version finds, then check another against the record.

    .venv/bin/python -m bench.same_findings --save /tmp/before.json   # on the old code
    .venv/bin/python -m bench.same_findings --check /tmp/before.json  # on the new code

The texts: the benchmark's ticket text (``--mb``), every text of the repository's corpora
(tests/screening_corpus, tests/screening_blind), and every string literal of the screening
tests (their edge cases). Each text is screened as screening does (``find_all``: spans in the
original text) and as the audit does (``scan_normalised`` of its normalised view); the corpora
are also joined into one text the way the audit joins an output file's parts. A finding is
compared by rule, category and span. The run fixes Python's string hashing (PYTHONHASHSEED=0):
which rule names the other occurrences of a secret found twice follows set order.
"""

from __future__ import annotations

import argparse
import ast
import hashlib
import json
import os
import sys
from pathlib import Path

from devtools.ticket_text import ticket_text
from generator.screening.detectors import BOUNDARY, find_all, find_in_view, scan_normalised
from generator.screening.normalise import normalise, normalised_text

ROOT = Path(__file__).resolve().parent.parent
CORPORA = ("tests/screening_corpus", "tests/screening_blind")


def corpus_texts() -> list[str]:
    texts = []
    for folder in CORPORA:
        for name in ("planted.jsonl", "benign.jsonl"):
            for line in (ROOT / folder / name).read_text(encoding="utf-8").splitlines():
                if line.strip():
                    texts.append(json.loads(line)["text"])
    return texts


def literal_texts() -> list[str]:
    """Every string constant of the screening tests (their hand-written edge cases)."""
    out = []
    for path in sorted((ROOT / "tests").glob("test_screening_*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and len(node.value) >= 3:
                out.append(node.value)
    return out


def findings(texts: list[str]) -> list[list]:
    """Per text: the findings in the original text, then those in its normalised view."""
    rows = []
    for text in texts:
        rows.append([[f.rule, f.category, f.start, f.end] for f in find_all(text)])
        rows.append([[f.rule, f.category, f.start, f.end] for f in scan_normalised(normalised_text(text))])
    return rows


def record(mb: float) -> dict[str, list]:
    corpora = corpus_texts()
    joined = BOUNDARY.join(normalised_text(t) for t in corpora)
    audit_view = normalise(joined, keep_part_breaks=True)
    return {
        "bench": findings(ticket_text(mb)),
        "corpora": findings(corpora),
        "test literals": findings(literal_texts()),
        "corpora joined": [[[f.rule, f.category, f.start, f.end] for f in find_in_view(audit_view)]],
    }


def digest(rows: list) -> str:
    return hashlib.sha256(json.dumps(rows).encode()).hexdigest()[:16]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--save", type=Path, help="write the findings of this version here")
    group.add_argument("--check", type=Path, help="compare this version's findings with a record")
    parser.add_argument("--mb", type=float, default=5.0, help="megabytes of benchmark text (default 5)")
    args = parser.parse_args(argv)
    if os.environ.get("PYTHONHASHSEED") != "0":
        os.execve(sys.executable, [sys.executable, "-m", "bench.same_findings", *(argv or sys.argv[1:])],
                  os.environ | {"PYTHONHASHSEED": "0"})
    now = record(args.mb)
    for name, rows in now.items():
        print(f"{name}: {len(rows)} texts, {sum(len(r) for r in rows)} findings, digest {digest(rows)}")
    if args.save:
        args.save.write_text(json.dumps(now), encoding="utf-8")
        return 0
    before = json.loads(args.check.read_text(encoding="utf-8"))
    differ = 0
    for name, rows in before.items():
        mine = now.get(name, [])
        if len(mine) != len(rows):
            print(f"{name}: {len(rows)} texts recorded, {len(mine)} now", file=sys.stderr)
            differ += 1
            continue
        for i, (old, new) in enumerate(zip(rows, mine)):
            if old != new:
                differ += 1
                if differ <= 20:
                    gone = [f for f in old if f not in new]
                    added = [f for f in new if f not in old]
                    print(f"{name} #{i}: lost {gone}, gained {added}", file=sys.stderr)
    print("same findings" if not differ else f"{differ} texts differ")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
