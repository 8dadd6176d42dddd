"""Development tooling, kept out of the product package: synthetic queues (the bundled sample
and benchmark queues), throw-away RT 5 servers, a fault-injecting proxy and a local RT sandbox.

Tests and ``bench/`` import it from a checkout; ``pip install .`` ships only ``generator``.
"""
