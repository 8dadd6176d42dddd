#!/usr/bin/env python3
"""Regenerates generator/data/sample-queue.json (or, with --cases N --out F, a benchmark queue).

A thin wrapper around ``python -m generator.rt.synthetic``; see that module for the options.
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from generator.rt.synthetic import main  # noqa: E402

if __name__ == "__main__":
    raise SystemExit(main())
