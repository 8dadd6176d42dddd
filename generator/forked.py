"""One job on two cores: a forked process does every other item, this process the rest.

A fork starts with everything the caller holds (templates loaded, detectors compiled, the
items themselves): nothing is sent to it, only its results come back, pickled through a pipe.
The caller merges the two halves (``interleave`` puts lists back in the items' order). Used by
stages whose work is a pure function of each item, so that the result is the same as from one
process.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Sequence
from typing import TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")


def can_fork() -> bool:
    """Two cores, and processes can be forked (not on Windows or macOS' spawn-only setups)."""
    return (os.cpu_count() or 1) >= 2 and "fork" in multiprocessing.get_all_start_methods()


def in_two(work: Callable[[Sequence[Item]], Result], items: Sequence[Item], *,
           before_fork: Callable[[], object] | None = None, name: str = "helper") -> tuple[Result, Result]:
    """``work(items[0::2])`` here and ``work(items[1::2])`` in a forked process, at once; their
    results, in that order. An exception of either is raised here (the helper's, pickled, or a
    one-line stand-in when it cannot be). ``before_fork``: waits for the caller's other threads (a
    fork copies none of them, and a lock one of them held, in the hashing library say, would
    stay locked in the copy)."""
    if before_fork is not None:
        before_fork()
    context = multiprocessing.get_context("fork")
    receive, send = context.Pipe(duplex=False)
    helper = context.Process(target=_helper, args=(work, items[1::2], send), name=name)
    helper.start()
    send.close()
    try:
        mine = work(items[0::2])
    finally:
        try:
            ok, theirs = receive.recv()
        except EOFError:
            ok, theirs = False, None
        receive.close()
        helper.join()
    if theirs is None and not ok:
        raise RuntimeError(f"the {name} process ended without a result (exit {helper.exitcode})")
    if not ok:
        raise theirs
    return mine, theirs


def interleave(mine: Sequence[Result], theirs: Sequence[Result]) -> list[Result]:
    """The results of ``in_two`` on a list, back in the order of its items."""
    merged: list[Result] = [None] * (len(mine) + len(theirs))  # type: ignore[list-item]
    merged[0::2], merged[1::2] = mine, theirs
    return merged


def _helper(work: Callable, items: Sequence, send) -> None:
    try:
        send.send((True, work(items)))
    except Exception as exc:  # noqa: BLE001 (the caller raises it, as if it had happened there)
        try:
            send.send((False, exc))
        except Exception:  # noqa: BLE001 (an exception that cannot be sent: its kind, on one line)
            send.send((False, RuntimeError(f"{type(exc).__name__}: {exc}")))
    finally:
        send.close()
