"""Reading one record file with the strict loader, turning its refusals into coded problems."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from ..errors import RecordFormatError
from ..yamlio import read_record_file
from .result import Problem

_PLACE = re.compile(r":(\d+):(\d+)$")


def load_data(path: Path) -> tuple[Any, Problem | None]:
    """The parsed YAML of a record, or None and the one problem that stopped the reading.

    yamlio already words each refusal (size cap, UTF-8, syntax, duplicate keys, aliases) and
    its exception type carries the stable code; here only the line/column come back out of
    the error's place.
    """
    shown = str(path)
    try:
        data = read_record_file(path)
    except RecordFormatError as err:
        line, column = _line_col(err.place)
        return None, Problem(shown, line, column, "(record)", err.code, err.message)
    if data is None:
        return None, Problem(
            shown,
            1,
            1,
            "(record)",
            "E006",
            "empty file: a record is a YAML mapping with at least `id` and `title`",
        )
    if not isinstance(data, dict):
        kind = "a list" if isinstance(data, list) else f"a single {type(data).__name__} value"
        return None, Problem(
            shown,
            1,
            1,
            "(record)",
            "E007",
            f"a record must be a YAML mapping (key: value), not {kind}; one incident per file",
        )
    return data, None


def _line_col(place: str | None) -> tuple[int, int]:
    match = _PLACE.search(place or "")
    return (int(match.group(1)), int(match.group(2))) if match else (1, 1)
