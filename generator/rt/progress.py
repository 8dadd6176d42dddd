"""Progress of a fetch as lines a log can keep: in CI as well as on a terminal.

On a terminal one line is rewritten in place; anywhere else (a CI log, a file) a whole line is
written every ``every_seconds`` or every ``every_items`` rows, whichever comes first, and when a
stage ends, so a long first fetch shows that it is alive and how far it got.
"""

from __future__ import annotations

import time
from collections.abc import Callable

STAGES = {"tickets": "tickets", "history": "transactions", "bodies": "message bodies"}


class ProgressLines:
    def __init__(self, write: Callable[[str], None], *, tty: bool, every_seconds: float = 30.0,
                 every_items: int = 1000, clock: Callable[[], float] = time.monotonic) -> None:
        self.write = write
        self.tty = tty
        self.every_seconds = every_seconds
        self.every_items = every_items
        self.clock = clock
        self._last: dict[str, tuple[float, int]] = {}
        self._open = False

    def __call__(self, stage: str, done: int, total: int | None) -> None:
        text = f"fetch: {done:,}{f'/{total:,}' if total else ''} {STAGES.get(stage, stage)} read"
        if self.tty:
            self.write(f"\r{text}")
            self._open = True
            return
        now = self.clock()
        last = self._last.get(stage)
        finished = total is not None and done >= total
        due = last is None or finished or now - last[0] >= self.every_seconds or done - last[1] >= self.every_items
        if due and (last is None or last[1] != done):
            self.write(text + "\n")
            self._last[stage] = (now, done)

    def end(self) -> None:
        """Ends the line rewritten on a terminal."""
        if self._open:
            self.write("\n")
            self._open = False
