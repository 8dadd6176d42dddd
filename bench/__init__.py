"""Benchmarks, never part of ``make test``: ``make bench`` or ``python -m bench``.

* ``bench_build``: casecat's full build per queue size against a bare MkDocs build of the same
  pages (seconds, peak memory, output size), its incremental builds after 1% of the cases
  changed, and the unchanged night; ratios measured pair by pair in one run;
* ``bench_rt``: RT fetch requests and seconds against a real RT (when RT is installed);
* ``bench_screening``: the screening detectors' throughput (``python -m bench.bench_screening``).
"""
