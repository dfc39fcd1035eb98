"""Compiled cue regexes kept on disk between runs, like Python's own `.pyc` files.

A language's cue sets join hundreds of phrases and ~250 country names into a few big
regexes; parsing and compiling them with `re` took most of a build's start-up (about 0.7 s
of 1.4 s). The compiled program of a regex depends only on its text, its flags and the
regex engine, so it is stored once (marshal, keyed by the pattern text and flags, in a file
named for the Python version and the engine's MAGIC number) and rebuilt from there with
`_sre.compile`, exactly as `re` would: the Pattern compares equal to `re.compile`'s.

Anything unexpected (no cache folder, a damaged file, another engine) falls back to
`re.compile`; the cache only ever saves time. `SHUTDOWN_RECORDS_CACHE` names the folder
(default: `$XDG_CACHE_HOME/shutdown-records`, else `~/.cache/shutdown-records`);
`SHUTDOWN_RECORDS_CACHE=off` turns it off.
"""

from __future__ import annotations

import atexit
import hashlib
import marshal
import os
import re
import sys
import tempfile
from pathlib import Path
from collections.abc import Callable
from typing import Any

try:  # the engine's internals; if they are not what this module expects, plain re is used
    import _sre  # type: ignore[import-not-found]
    from re import _compiler as _sre_compiler  # type: ignore[attr-defined]
    from re import _parser as _sre_parser  # type: ignore[attr-defined]

    _TAG = f"{sys.implementation.cache_tag}-sre{_sre.MAGIC}-{_sre.CODESIZE}"
except (ImportError, AttributeError):  # pragma: no cover - other Pythons
    _sre = None
    _TAG = ""

MAX_ENTRIES = 3000  # beyond this the file is rewritten with this run's regexes only

_Entry = Any  # (flags, code, groups, groupindex, indexgroup), or a `remembered` value
_stored: dict[tuple[Any, ...], _Entry] | None = None  # read from disk on first use
_new: dict[tuple[Any, ...], _Entry] = {}  # compiled in this run, written at exit
_used: set[tuple[Any, ...]] = set()


def _path() -> Path | None:
    setting = os.environ.get("SHUTDOWN_RECORDS_CACHE", "")
    if setting.lower() in ("off", "0", "no", "false") or not _TAG:
        return None
    if setting:
        folder = Path(setting)
    else:
        base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
        folder = Path(base) / "shutdown-records"
    return folder / f"regex-{_TAG}-{_code_version()}.marshal"


# The modules whose code computes `remembered` values (tries, openings, territory names): a
# change to any of them starts a new store, so a stale answer is never read back.
_DERIVED_BY = ("cues.py", "prefixes.py", "wordtrie.py", "regexcache.py")
_VERSION: list[str] = []


def _code_version() -> str:
    if not _VERSION:
        digest = hashlib.sha256()
        for name in _DERIVED_BY:
            try:
                digest.update((Path(__file__).parent / name).read_bytes())
            except OSError:
                digest.update(name.encode())
        _VERSION.append(digest.hexdigest()[:12])
    return _VERSION[0]


def _load() -> dict[tuple[Any, ...], _Entry]:
    global _stored
    if _stored is None:
        _stored = {}
        path = _path()
        if path is not None:
            try:
                data = marshal.loads(path.read_bytes())
                if isinstance(data, dict):
                    _stored = data
            except (OSError, ValueError, EOFError, TypeError):
                pass
    return _stored


def compile(pattern: str, flags: int = 0) -> re.Pattern[str]:  # noqa: A001 - mirrors re.compile
    """`re.compile(pattern, flags)`, its parse and compile skipped when stored from an earlier run."""
    if _sre is None or _path() is None:
        return re.compile(pattern, flags)
    flags = int(flags)  # re.RegexFlag is an int subclass, which marshal refuses
    key = (pattern, flags)
    entry = _new.get(key) or _load().get(key)
    if entry is not None:
        try:
            compiled = _sre.compile(pattern, *entry)
            _used.add(key)
            return compiled
        except Exception:  # noqa: BLE001 - a damaged entry: compile afresh
            pass
    try:
        parsed = _sre_parser.parse(pattern, flags)
        code = [int(c) for c in _sre_compiler._code(parsed, flags)]  # opcodes are int subclasses
        groupindex = dict(parsed.state.groupdict)
        indexgroup = [None] * parsed.state.groups
        for name, i in groupindex.items():
            indexgroup[i] = name
        entry = (int(flags | parsed.state.flags), code, parsed.state.groups - 1, groupindex, tuple(indexgroup))
        compiled = _sre.compile(pattern, *entry)
    except re.error:
        raise
    except Exception:  # noqa: BLE001 - internals changed: the ordinary way
        return re.compile(pattern, flags)
    _new[key] = entry
    _used.add(key)
    return compiled


def remembered(kind: str, pattern: str, flags: int, compute: Callable[[], Any]) -> Any:
    """`compute()`, a fact about a regex read off its parse (e.g. `prefixes.openings`), kept
    with the compiled regexes; the value must be marshal-able (str, int, tuple, frozenset, None)."""
    if _path() is None:
        return compute()
    key = (kind, pattern, int(flags))
    if key in _new:
        return _new[key]
    stored = _load()
    if key in stored:
        _used.add(key)
        return stored[key]
    value = _new[key] = compute()
    _used.add(key)
    return value


def remembered_text(kind: str, text: str, compute: Callable[[], Any]) -> Any:
    """`remembered` for a value derived from a long text (a word list, a cue set's sources):
    the text is keyed by its SHA-256, so the store does not hold it twice."""
    if _path() is None:
        return compute()
    return remembered(kind, hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest(), 0, compute)


@atexit.register
def save() -> None:
    """Write this run's new regexes (with the stored ones, unless there are too many)."""
    if not _new:
        return
    path = _path()
    if path is None:
        return
    stored = _load()
    table = dict(stored) if len(stored) + len(_new) <= MAX_ENTRIES else {k: stored[k] for k in _used if k in stored}
    table.update(_new)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".regex-", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as fh:
                marshal.dump(table, fh)
            os.replace(tmp, path)
        except BaseException:
            os.unlink(tmp)
            raise
        for old in path.parent.glob(f"regex-{_TAG}-*.marshal"):  # stores of older code
            if old != path:
                old.unlink(missing_ok=True)
    except (OSError, ValueError):
        return
    stored.update(_new)
    _new.clear()
