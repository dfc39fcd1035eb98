"""The one place the builder compiles its regexes and remembers facts derived from them.

Only public APIs: `re.compile`, and plain values computed in this process. Nothing is stored
on disk (an earlier version kept CPython's compiled regex code between runs; that tied the
project to one CPython's private internals). Start-up stays short because the work is
avoided instead: cue regexes are compiled when first used (`cueset.LazyPattern`) and their
openings are read off the pattern text (`regexsyntax`).

The names (`compile`, `remembered`, `remembered_text`) are kept so callers need not change.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

_REMEMBERED: dict[tuple[str, str, int], Any] = {}


def compile(pattern: str, flags: int = 0) -> re.Pattern[str]:  # noqa: A001 - mirrors re.compile
    """`re.compile(pattern, flags)` (a named seam, so a profile shows the builder's compiles)."""
    return re.compile(pattern, flags)


def remembered(kind: str, pattern: str, flags: int, compute: Callable[[], Any]) -> Any:
    """`compute()`, computed once per process for this (kind, pattern, flags)."""
    key = (kind, pattern, int(flags))
    if key not in _REMEMBERED:
        _REMEMBERED[key] = compute()
    return _REMEMBERED[key]


def remembered_text(kind: str, text: str, compute: Callable[[], Any]) -> Any:
    """`remembered` for a value derived from a long text (a word list, a cue set's sources)."""
    return remembered(kind, text, 0, compute)
