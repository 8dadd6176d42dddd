"""The ``re`` module, but for ``compile``: a pattern is compiled when it is first used, not at
import. The screening's modules import it as ``re`` (``from generator.screening import lazy_re
as re``), so their patterns are written as ever.

Why: the detectors declare some 480 patterns, and compiling them was about a fifth of a
1%-changed night's main process at 1,000 cases (callgrind); such a night screens a few dozen
texts and audits a few dozen files, which reach about 180 of them. A process that forks helpers
which screen (``detectors.make_tables``) compiles every pattern first (``compile_all``), as at
import before, so that no helper compiles its own. A pattern compiles to what ``re.compile``
makes of it, whenever that is: what the detectors find does not change.
"""

from __future__ import annotations

import re as _re
import threading
from re import (  # noqa: F401  (the module's names, as ``re`` has them)
    ASCII,
    DOTALL,
    IGNORECASE,
    LOCALE,
    MULTILINE,
    NOFLAG,
    UNICODE,
    VERBOSE,
    A,
    I,
    L,
    M,
    Match,
    Pattern,
    RegexFlag,
    S,
    U,
    X,
    error,
    escape,
    findall,
    finditer,
    fullmatch,
    match,
    purge,
    search,
    split,
    sub,
    subn,
)
from typing import AnyStr, cast

#: what a compiled pattern's users ask of it, copied onto the stand-in once it is compiled
_ASKED = ("search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split", "scanner",
          "flags", "groups", "groupindex")


class _Compiled:
    """A stand-in whose pattern is compiled: its attributes are the pattern's (in its ``__dict__``,
    so a look-up costs no more than the pattern's own), and ``_of`` is the pattern."""

    def __reduce__(self):
        return _re.compile, (self._of.pattern, self._of.flags)  # type: ignore[attr-defined]

    def __repr__(self) -> str:
        return repr(self._of)  # type: ignore[attr-defined]


class _Lazy(_Compiled):
    """A pattern not compiled yet: the first attribute asked of it compiles it, and it becomes a
    ``_Compiled`` (the class without ``__getattr__``)."""

    def __init__(self, pattern: str | bytes, flags: int) -> None:
        self.__dict__["pattern"] = pattern
        self.__dict__["_args"] = (pattern, flags)

    def __getattr__(self, name: str):
        if name.startswith("__"):
            raise AttributeError(name)
        _compile(self)
        return getattr(self, name)

    def __reduce__(self):
        return _re.compile, self.__dict__["_args"]

    def __repr__(self) -> str:
        return f"lazy_re.compile{self.__dict__['_args']!r}"


_LOCK = threading.Lock()
#: (type, pattern, flags) -> its stand-in: one each, however often it is asked for (a function
#: may call ``compile`` each time it runs, as it would ``re.compile``, whose cache this is then)
_MADE: dict[tuple[type, str | bytes, int], _Compiled] = {}


def _compile(lazy: _Lazy) -> None:
    compiled = _re.compile(*lazy.__dict__["_args"])
    attributes = {name: getattr(compiled, name) for name in _ASKED}
    attributes["pattern"] = compiled.pattern
    attributes["_of"] = compiled
    lazy.__dict__.update(attributes)
    # (another thread may have done both already: the same values)
    lazy.__class__ = _Compiled  # type: ignore[assignment]


def compile(pattern: AnyStr, flags: int = 0) -> Pattern[AnyStr]:
    """``re.compile``, done when the pattern is first used."""
    if not isinstance(pattern, (str, bytes)):
        return _re.compile(pattern, flags)
    key = (type(pattern), pattern, int(flags))
    made = _MADE.get(key)
    if made is None:
        with _LOCK:
            made = _MADE.setdefault(key, _Lazy(pattern, flags))
    return cast(Pattern[AnyStr], made)


def compile_all() -> None:
    """Compiles every pattern asked for so far that is not compiled yet."""
    with _LOCK:
        waiting = [made for made in _MADE.values() if type(made) is _Lazy]
    for lazy in waiting:
        if type(lazy) is _Lazy:
            _compile(lazy)  # type: ignore[arg-type]
