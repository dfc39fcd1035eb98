"""Finding record files and loading them as `Incident` objects, for every command that reads records."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from pydantic import ValidationError

from .errors import RecordFormatError, UsageError
from .model import Incident
from .yamlio import MarkedDict, MarkedList, read_record_file

RECORD_SUFFIXES = (".yaml", ".yml")


def iter_record_files(paths: Iterable[Path | str]) -> Iterator[Path]:
    """Files as given, folders expanded to their *.yaml/*.yml files (sorted, recursive).

    Hidden files and folders (`.git`, editor temp files) are skipped inside folders.
    """
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                rel = child.relative_to(path).parts
                if (
                    child.suffix in RECORD_SUFFIXES
                    and child.is_file()
                    and not any(part.startswith(".") for part in rel)
                ):
                    yield child
        elif path.is_file():
            yield path
        else:
            raise UsageError(f"no such file or folder: {path}")


def locate(data: object, loc: tuple[str | int, ...]) -> tuple[int, int]:
    """Line and column of the YAML node at `loc` (a pydantic/JSON path), or of its nearest parent."""
    mark = getattr(data, "mark", (1, 1))
    node = data
    for step in loc:
        if isinstance(node, MarkedDict) and step in node:
            mark = node.value_marks.get(step, mark)
            node = node[step]
        elif isinstance(node, MarkedDict):
            return mark  # unknown key or missing field: the parent mapping is the place
        elif isinstance(node, MarkedList) and isinstance(step, int) and 0 <= step < len(node):
            mark = node.item_marks[step]
            node = node[step]
        else:
            break
    return mark


def load_record(path: Path) -> Incident:
    """Load a record for reading (export, report); the first model error is raised with its line."""
    data = read_record_file(path)
    if not isinstance(data, dict):
        raise RecordFormatError("a record must be a YAML mapping (key: value)", place=f"{path}:1:1")
    try:
        return Incident.model_validate(data)
    except ValidationError as err:
        first = err.errors()[0]
        line, col = locate(data, tuple(first["loc"]))
        field = ".".join(str(p) for p in first["loc"]) or "(record)"
        raise RecordFormatError(
            f"{field}: {first['msg']}; run `shutdown-records validate {path}` for all problems",
            place=f"{path}:{line}:{col}",
        ) from None
