"""Benchmarks (issue 7), never part of ``make test``: ``make bench`` or ``python -m bench``.

* ``bench_build``: the whole casecat build per queue size against a bare MkDocs build of the
  same pages (seconds, peak memory, output size, ms per case, ratios measured in one run);
* ``bench_screening``: the screening detectors' throughput (MB/s on one core);
* ``bench_rt``: RT fetch requests and seconds against a real RT (when RT is installed).
"""
