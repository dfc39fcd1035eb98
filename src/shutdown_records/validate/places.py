"""Where a problem stands: dotted field paths and YAML line/column marks for a JSON path."""

from __future__ import annotations

from collections.abc import Sequence

from ..records import locate
from ..yamlio import MarkedDict, MarkedList

Loc = Sequence[str | int]


def field_path(loc: Loc) -> str:
    """`("evidence", "platforms", 0, "quote")` -> `evidence.platforms[0].quote`; `(record)` for the root."""
    text = ""
    for step in loc:
        if isinstance(step, int):
            text += f"[{step}]"
        else:
            text += f".{step}" if text else str(step)
    return text or "(record)"


def value_mark(data: object, loc: Loc) -> tuple[int, int]:
    """Line and column of the value at `loc`, or of its nearest existing parent."""
    return locate(data, tuple(loc))


def key_mark(data: object, loc: Loc) -> tuple[int, int]:
    """Line and column of the *key* that ends `loc` (an unknown field is best shown at its name)."""
    if not loc:
        return getattr(data, "mark", (1, 1))
    parent = data
    for step in loc[:-1]:
        if isinstance(parent, MarkedDict) and step in parent:
            parent = parent[step]
        elif isinstance(parent, MarkedList) and isinstance(step, int) and 0 <= step < len(parent):
            parent = parent[step]
        else:
            return value_mark(data, loc)
    if isinstance(parent, MarkedDict) and loc[-1] in parent.key_marks:
        return parent.key_marks[loc[-1]]
    return value_mark(data, loc)
