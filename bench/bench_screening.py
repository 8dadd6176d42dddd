"""Screening throughput: MB/s of ticket-like text through ``detectors.find_all``.

    .venv/bin/python -m bench.bench_screening [--mb 5] [--runs 3] [--profile]

Generates ~5 MB of synthetic EGI support-case correspondence (deterministic: seeded), mostly
ordinary prose with the numbers, hosts, URLs, dates, versions and log lines that real cases
carry, plus a secret, address or phone number every few messages, then times ``find_all``
message by message (as screening calls it) on one core. Prints MB/s; the target is >= 5.
A change for speed must not change a finding: ``python -m bench.same_findings`` records what
one version finds and checks another against it.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time

from devtools.ticket_text import SECRETS, ticket_text
from generator.screening.detectors import find_all


def measure(messages: list[str], runs: int = 3) -> tuple[float, float, int]:
    """Median MB/s of ``find_all`` over the messages, by CPU time of this process (one core,
    not slowed by other processes on the machine) and by wall-clock time; and the number of
    findings."""
    size = sum(len(m.encode()) for m in messages)
    cpu_rates, wall_rates, found = [], [], 0
    for _ in range(runs):
        cpu, wall = time.process_time(), time.perf_counter()
        found = sum(len(find_all(m)) for m in messages)
        cpu_rates.append(size / 1e6 / (time.process_time() - cpu))
        wall_rates.append(size / 1e6 / (time.perf_counter() - wall))
    return statistics.median(cpu_rates), statistics.median(wall_rates), found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=5.0, help="megabytes of text (default 5)")
    parser.add_argument("--runs", type=int, default=3, help="timed runs; the median counts")
    parser.add_argument("--profile", action="store_true", help="print a cProfile summary")
    args = parser.parse_args(argv)
    messages = ticket_text(args.mb)
    size = sum(len(m.encode()) for m in messages)
    find_all("\n".join(SECRETS))  # warm up: compile patterns, import detect-secrets
    if args.profile:
        import cProfile
        import pstats

        cProfile.runctx("measure(messages, 1)", globals(), {"messages": messages}, "/tmp/bench.prof")
        pstats.Stats("/tmp/bench.prof").sort_stats("tottime").print_stats(15)
    cpu_rate, wall_rate, found = measure(messages, args.runs)
    print(
        f"screening throughput: {cpu_rate:.1f} MB/s on one core (CPU time; wall clock "
        f"{wall_rate:.1f} MB/s), {size / 1e6:.1f} MB in {len(messages)} messages, "
        f"{found} findings; target >= 5 MB/s"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
