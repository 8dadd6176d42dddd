"""A throw-away RT 5 on 127.0.0.1, seeded with part of the bundled sample, to try casecat
against a real RT without one of your own (``make rt-sandbox``; Ctrl-C stops it).

    python -m devtools.rt_sandbox [--tickets 30] [--dir /tmp/casecat-rt]

It prints the ``export`` line for ``RT_URL`` and ``RT_TOKEN`` (a read-only account's token);
then run the nightly's commands from the README in another terminal. Needs Debian's
``request-tracker5`` (``make system-deps``).
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from devtools.rtserver import RtServer, make_pristine, rt_installed
from generator.rt.source import sample_path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m devtools.rt_sandbox", description=__doc__.split("\n\n")[0])
    parser.add_argument("--tickets", type=int, default=30, help="how many sample tickets to seed (default 30)")
    parser.add_argument("--dir", type=Path, default=Path("/tmp/casecat-rt"), help="RT's working folder")
    args = parser.parse_args(argv)
    if not rt_installed():
        parser.error("RT 5 is not installed: run `make system-deps` first")
    server = RtServer(make_pristine(args.dir / "pristine"), args.dir / "server", scrips=False)
    server.start()
    try:
        server.seed_raw(json.loads(sample_path().read_text(encoding="utf-8")), limit=args.tickets)
        print(f"export RT_URL={server.url} RT_TOKEN={server.reader_token}", flush=True)
        print("RT is running; Ctrl-C stops it.", flush=True)
        while True:
            time.sleep(60)
    except KeyboardInterrupt:
        return 0
    finally:
        server.stop()


if __name__ == "__main__":
    raise SystemExit(main())
