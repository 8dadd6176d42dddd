"""The hand-written pages and the page templates are in the catalogue's own words."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
# the queue guide lives beside the checkout (../shared/seed); CASECAT_SEED_DIR points elsewhere
SEED = Path(os.environ.get("CASECAT_SEED_DIR") or ROOT.parent / "shared" / "seed")
RUN = 6


def words(text: str) -> list[str]:
    return re.findall(r"[a-z]+", text.lower())


@pytest.fixture(scope="module")
def guide() -> str:
    text = " ".join(words(" ".join(p.read_text(errors="replace") for p in SEED.glob("*.txt"))))
    if not text:
        pytest.skip(f"the queue guide is not in {SEED} (set CASECAT_SEED_DIR)")
    return f" {text} "


@pytest.mark.parametrize("path", sorted([*ROOT.glob("docs/*.md"), *ROOT.glob("templates/pages/*.j2")]),
                         ids=lambda p: p.name)
def test_no_run_of_six_words_is_copied_from_the_queue_guide(guide, path):
    found = words(path.read_text(encoding="utf-8"))
    copied = {" ".join(found[i:i + RUN]) for i in range(len(found) - RUN + 1)}
    copied = sorted(run for run in copied if f" {run} " in guide)
    assert not copied, f"{path.name} repeats the queue guide: {copied}"
