"""The records a review server may touch: a list it builds itself, never a path from a URL.

A record is known by its path relative to the served folder, and only files found by walking
that folder (no symlinks, nothing hidden, nothing resolving outside it) are on the list, so an
encoded `..`, an absolute path or a symlink out can name nothing.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from ..errors import ShutdownRecordsError
from ..yamlio import read_record_file

SUFFIXES = (".yaml", ".yml")


@dataclass(frozen=True)
class RecordFile:
    key: str  # relative POSIX path: the record's name in URLs
    path: Path


class ServedFolder:
    """Record files under one folder, re-listed on each request (cheap), parsed only when changed."""

    def __init__(self, root: Path) -> None:
        self.root = Path(os.path.abspath(root))
        self.real_root = self.root.resolve()
        self._is_record: dict[Path, tuple[float, int, bool]] = {}

    def records(self) -> dict[str, RecordFile]:
        found: dict[str, RecordFile] = {}
        for folder, dirs, files in os.walk(self.root, followlinks=False):
            dirs[:] = sorted(
                d
                for d in dirs
                if not d.startswith(".")
                and d not in ("node_modules", "__pycache__")
                and not os.path.islink(os.path.join(folder, d))
            )
            for name in sorted(files):
                if name.startswith(".") or not name.endswith(SUFFIXES):
                    continue
                path = Path(folder) / name
                if path.is_symlink() or not path.is_file() or not path.resolve().is_relative_to(self.real_root):
                    continue
                if self._looks_like_record(path):
                    key = path.relative_to(self.root).as_posix()
                    found[key] = RecordFile(key, path)
        return found

    def get(self, key: str) -> RecordFile | None:
        return self.records().get(key)

    def _looks_like_record(self, path: Path) -> bool:
        """A YAML mapping with an id, a title and sources or a review status (a data file of
        another tool is not listed; an imported row without links has no sources)."""
        info = path.stat()
        cached = self._is_record.get(path)
        if cached and cached[:2] == (info.st_mtime, info.st_size):
            return cached[2]
        try:
            data = read_record_file(path)
            ok = (
                isinstance(data, dict)
                and "id" in data
                and "title" in data
                and ("sources" in data or "review_status" in data)
            )
        except ShutdownRecordsError:
            ok = path.parent.name == "records"  # a broken record is still shown, with its errors
        self._is_record[path] = (info.st_mtime, info.st_size, ok)
        return ok
