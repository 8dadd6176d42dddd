"""The catalogue describes the queue in its own words: no run of six words of a hand-written
page, a template, the README or a string of the code is copied from the guide that defines the
queue. The guide is not in the repository; ``tests/data/guide-runs.txt`` holds salted
fingerprints of its runs (``python -m devtools.guide_runs``), enough to recognise a copied run
without holding the guide's text."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from devtools.guide_runs import RUN, fingerprint, run_hashes, words

ROOT = Path(__file__).resolve().parent.parent
GUIDE_RUNS = frozenset((ROOT / "tests" / "data" / "guide-runs.txt").read_text(encoding="utf-8").split())


def _texts() -> dict[str, str]:
    texts = {}
    for pattern in ("docs/**/*.md", "templates/**/*.j2", "README.md"):
        for path in ROOT.glob(pattern):
            texts[path.relative_to(ROOT).as_posix()] = path.read_text(encoding="utf-8")
    for path in ROOT.glob("generator/**/*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        texts[path.relative_to(ROOT).as_posix()] = " | ".join(
            n.value for n in ast.walk(tree) if isinstance(n, ast.Constant) and isinstance(n.value, str))
    return texts


TEXTS = _texts()


def test_the_fingerprints_are_there():
    assert len(GUIDE_RUNS) > 3000


@pytest.mark.parametrize("name", sorted(TEXTS))
def test_no_run_of_six_words_is_copied_from_the_queue_guide(name):
    w = words(TEXTS[name])
    copied = [" ".join(w[i:i + RUN]) for i in range(len(w) - RUN + 1)
              if fingerprint(" ".join(w[i:i + RUN])) in GUIDE_RUNS]
    assert not copied, f"{name} repeats the queue guide: {copied[:3]}"


def test_a_copied_run_is_recognised():
    """The check can fail: six words of the guide's abstract are recognised inside a sentence,
    and the same sentence in other words is not."""
    copied = "This page provides information and guidance on how the catalogue is made."
    own = "This page explains, step by step, how the catalogue is made."
    assert run_hashes(copied) & GUIDE_RUNS
    assert not run_hashes(own) & GUIDE_RUNS
