"""The ``re`` module, but for ``compile``: a pattern is compiled when it is first used, not at
import. The screening's modules import it as ``re`` (``from generator.screening import lazy_re
as re``), so their patterns are written as ever.

Why: the detectors declare some 480 patterns, and compiling them was about a fifth of a
1%-changed night's main process at 1,000 cases (callgrind); such a night screens a few dozen
texts and audits a few dozen files, which reach about 180 of them. A process that forks helpers
which screen (``detectors.make_tables``) compiles every pattern first (``compile_all``), as at
import before, so that no helper compiles its own. A pattern compiles to what ``re.compile``
makes of it, whenever that is: what the detectors find does not change.

What compiling a pattern makes (its engine code) can be kept in a file between runs
(``load_codes``, ``save_codes``): a night that screens a few texts then spends no time compiling.
Only the patterns the modules declare are kept, never one made from a text (a process's patterns
declared after ``seal`` are not written, but those a caller marks ``declared``); the file holds
the Python version and the engine's magic number, and is ignored when either differs. Whether
code made here is what ``re.compile`` makes is checked once per process (``_same_as_re``), and
without that nothing is read or written.
"""

from __future__ import annotations

import marshal
import os
import re as _re
import sys
import threading
from array import array
from pathlib import Path
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

    def __init__(self, pattern: str | bytes, flags: int, declared: bool) -> None:
        self.__dict__["pattern"] = pattern
        self.__dict__["_args"] = (pattern, flags)
        self.__dict__["_declared"] = declared

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


#: what ``_sre.compile`` is given for a pattern, by (pattern, flags): read from a file, or made here
_CODES: dict[tuple[str | bytes, int], tuple] = {}
#: ... the keys of those made in this process that are to be written (declared ones)
_NEW: set[tuple[str | bytes, int]] = set()
_STATE = {"sealed": False, "checked": None}


def _engine_args(pattern: str | bytes, flags: int) -> tuple | None:
    """The arguments ``re`` gives ``_sre.compile`` for ``pattern`` (as ``re._compiler.compile``
    makes them), or None where this Python's ``re`` is not laid out so."""
    try:
        from re import _compiler, _parser  # type: ignore[attr-defined]
    except ImportError:  # (before 3.11)
        return None
    parsed = _parser.parse(pattern, flags)
    code = [int(c) for c in _compiler._code(parsed, flags)]  # (opcodes are named ints: plain, to be written)
    groupindex = dict(parsed.state.groupdict)
    indexgroup = [None] * parsed.state.groups
    for name, i in groupindex.items():
        indexgroup[i] = name
    return (flags | parsed.state.flags, code, parsed.state.groups - 1, groupindex, tuple(indexgroup))


def _same_as_re() -> bool:
    """Does code made by ``_engine_args`` give the pattern ``re.compile`` gives (patterns compare
    equal when their pattern, flags and code are)? Asked once, of a pattern with groups, a class,
    a look-behind and case folding."""
    if _STATE["checked"] is None:
        probe, flags = r"(?i)(?P<a>[\w.-]+)@(?<![\d])(\d{2,4}|x)\b", int(_re.IGNORECASE)
        try:
            import _sre  # type: ignore[import-not-found]

            args = _engine_args(probe, flags)
            _STATE["checked"] = args is not None and _sre.compile(probe, *args) == _re.compile(probe, flags)
        except (ImportError, AttributeError, TypeError, ValueError, IndexError, RuntimeError):  # (another Python's internals)
            _STATE["checked"] = False
    return bool(_STATE["checked"])


def _packed(args: tuple) -> tuple:
    """``_engine_args`` as kept: the code as the engine's 32-bit units in bytes (a list of ints
    costs 8 bytes a unit and more for the large ones: the codes of the screening's patterns, a
    million units, were 11 MiB of a build's memory as lists, 4 as bytes)."""
    flags, code, *rest = args
    if isinstance(code, list) and array("I").itemsize == 4:
        return (flags, array("I", code).tobytes(), *rest)
    return args


def _unpacked(args: tuple) -> tuple:
    flags, code, *rest = args
    if isinstance(code, bytes):
        units = array("I")
        units.frombytes(code)
        return (flags, units.tolist(), *rest)
    return args


def _compiled(pattern: str | bytes, flags: int, declared: bool) -> _re.Pattern:
    key = (pattern, flags)
    args = _CODES.get(key)
    if args is not None or (declared and _same_as_re()):
        import _sre  # type: ignore[import-not-found]

        if args is None:
            args = _engine_args(pattern, flags)
            if args is not None:
                _CODES[key] = _packed(args)
                _NEW.add(key)
        else:
            args = _unpacked(args)
        if args is not None:
            try:
                return _sre.compile(pattern, *args)
            except (TypeError, ValueError, RuntimeError, OverflowError):  # (a damaged file: compiled as ever)
                _CODES.pop(key, None)
    return _re.compile(pattern, flags)


def _compile(lazy: _Lazy) -> None:
    pattern, flags = lazy.__dict__["_args"]
    compiled = _compiled(pattern, flags, lazy.__dict__["_declared"])
    attributes = {name: getattr(compiled, name) for name in _ASKED}
    attributes["pattern"] = compiled.pattern
    attributes["_of"] = compiled
    lazy.__dict__.update(attributes)
    # (another thread may have done both already: the same values)
    lazy.__class__ = _Compiled  # type: ignore[assignment]


def compile(pattern: AnyStr, flags: int = 0, *, declared: bool = False) -> Pattern[AnyStr]:
    """``re.compile``, done when the pattern is first used. ``declared``: the pattern is made of
    the module's own text, not of a text being screened, even after ``seal``."""
    if not isinstance(pattern, (str, bytes)):
        return _re.compile(pattern, flags)
    key = (type(pattern), pattern, int(flags))
    made = _MADE.get(key)
    if made is None:
        with _LOCK:
            made = _MADE.setdefault(key, _Lazy(pattern, int(flags), declared or not _STATE["sealed"]))
    return cast(Pattern[AnyStr], made)


def seal() -> None:
    """From now on a pattern is a text's unless its caller says it is ``declared``: the modules
    are imported (called when the first text is screened)."""
    _STATE["sealed"] = True


def _stamp() -> tuple[str, int, int, str]:
    import _sre  # type: ignore[import-not-found]

    return sys.version, _sre.MAGIC, _sre.CODESIZE, "packed"


def load_codes(path: Path) -> int:
    """Reads the codes ``save_codes`` wrote (a missing, unreadable or other Python's file is
    ignored: patterns are then compiled); returns how many were read."""
    try:
        stamp, codes = marshal.loads(path.read_bytes())
    except (OSError, ValueError, EOFError, TypeError):
        return 0
    if tuple(stamp) != _stamp() or not isinstance(codes, dict) or not _same_as_re():
        return 0
    for key, args in codes.items():
        _CODES.setdefault(key, args)
    return len(codes)


def save_codes(path: Path) -> bool:
    """Writes the declared patterns' codes to ``path`` when this process made new ones (those read
    and those made, in one file: written whole, then renamed into place)."""
    if not _NEW:
        return False
    codes = {key: args for key, args in _CODES.items()}
    path.parent.mkdir(parents=True, exist_ok=True)
    part = path.with_name(f"{path.name}.{os.getpid()}.part")
    part.write_bytes(marshal.dumps((_stamp(), codes)))
    os.replace(part, path)
    _NEW.clear()
    return True


def compile_all() -> None:
    """Compiles every pattern asked for so far that is not compiled yet."""
    with _LOCK:
        waiting = [made for made in _MADE.values() if type(made) is _Lazy]
    for lazy in waiting:
        if type(lazy) is _Lazy:
            _compile(lazy)  # type: ignore[arg-type]
