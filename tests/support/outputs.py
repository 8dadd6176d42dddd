"""Reading every output file as text, the way a leak check must: compressed files opened."""

from __future__ import annotations

import gzip
from collections.abc import Iterator
from pathlib import Path


def output_texts(*folders: Path) -> Iterator[tuple[Path, str]]:
    for folder in folders:
        for path in sorted(p for p in folder.rglob("*") if p.is_file()):
            data = path.read_bytes()
            if path.suffix == ".gz":
                data = gzip.decompress(data)
            yield path, data.decode("utf-8", errors="replace")
