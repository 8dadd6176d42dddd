"""The long run of the invariant test (``make soak``): many random steps against a real RT 5,
both APIs, a fresh seed each time unless CASECAT_SOAK_SEED is set. Not part of ``make test``
(its file name does not start with test_); run it by path:

    CASECAT_SOAK_STEPS=200 .venv/bin/pytest -s tests/soak_rt.py
"""

from __future__ import annotations

import os
import random

import pytest
from test_rt_invariant import run_steps, small_pages  # noqa: F401 (a fixture)

STEPS = int(os.environ.get("CASECAT_SOAK_STEPS", "200"))


@pytest.mark.parametrize("api", ["rest2", "rest1"])
def test_soak(rt_factory, tmp_path, small_pages, api):  # noqa: F811
    seed_value = int(os.environ.get("CASECAT_SOAK_SEED") or random.randrange(10**6))
    print(f"soak: {api}, {STEPS} steps, seed {seed_value} (CASECAT_SOAK_SEED={seed_value} repeats it)")
    faults = run_steps(rt_factory, tmp_path, api, STEPS, seed_value)
    print(f"soak: {api}: {STEPS} steps passed; faults injected: {faults}")
    assert sum(faults.values()) == STEPS
