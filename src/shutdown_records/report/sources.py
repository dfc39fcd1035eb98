"""Source files as the report sees them: read once per file, however many records cite them."""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from babel import Locale, UnknownLocaleError

from ..errors import InputError
from ..model import Source
from ..safeio import SourcePathError, confine, read_regular_file, repository_root
from ..text import decode_source, sha256_bytes


@dataclass(frozen=True)
class SourceFile:
    """The text and hash of one file, or why it could not be read."""

    text: str | None
    sha256: str | None
    problem: str | None


class SourceCache:
    """Reads each source file once: 10,000 records often share a handful of articles.

    Only files inside the repository root are read (`root`, or the folder holding the
    record's `records/`), only regular files, never through a final symlink, up to
    safeio.MAX_SOURCE_BYTES: a record naming /proc/self/environ puts nothing of it in a page.
    """

    def __init__(self, root: Path | str | None = None) -> None:
        self.root = root
        self._files: dict[str, SourceFile] = {}
        self._roots: dict[Path, Path] = {}  # record folder -> its repository root

    def get(self, path: Path) -> SourceFile:
        key = os.path.normpath(path)  # records/../sources/a.txt and sources/a.txt: one read
        found = self._files.get(key)
        if found is None:
            found = self._files[key] = _read(path)
        return found

    def source(self, record_path: Path, written: str) -> SourceFile:
        """The file a record's `sources[].path` names, or why it is not shown."""
        root = self._roots.get(record_path.parent)
        if root is None:
            root = self._roots[record_path.parent] = repository_root(record_path, self.root)
        try:
            path = confine(record_path, written, root)
        except SourcePathError as err:
            # The page may be published: say why without naming the folders of the machine.
            if err.kind == "hidden":
                return SourceFile(None, None, "not read: the path names a hidden file or folder")
            return SourceFile(None, None, "not read: the path leads outside the record's repository")
        return self.get(path)


def _read(path: Path) -> SourceFile:
    try:
        data = read_regular_file(path, follow_symlinks=False)
        return SourceFile(decode_source(data, str(path)), sha256_bytes(data), None)
    except SourcePathError as err:
        return SourceFile(None, None, "file not found" if err.kind == "missing" else f"not read: {err.message}")
    except InputError as err:
        return SourceFile(None, None, err.message)


@dataclass
class SourceView:
    """One source of one record: its metadata, its text, and whether the text is the one cited."""

    number: int  # 1-based position in the record's `sources`
    meta: Source
    file: SourceFile
    shown_path: str | None  # the path as written in the record

    @property
    def text(self) -> str | None:
        return self.file.text

    @property
    def hash_matches(self) -> bool | None:
        """None when there is no file to hash."""
        if self.file.sha256 is None:
            return None
        return self.file.sha256 == self.meta.sha256

    @property
    def direction(self) -> str:
        return text_direction(self.meta.language)

    @property
    def label(self) -> str:
        return self.meta.title or self.meta.publisher or self.meta.id


def load_source_view(number: int, meta: Source, record_path: Path, cache: SourceCache) -> SourceView:
    """A source's text, its path taken relative to the record's folder as the model says."""
    if not meta.path:
        return SourceView(number, meta, SourceFile(None, None, "no `path`: the text is not stored"), None)
    return SourceView(number, meta, cache.source(record_path, meta.path), meta.path)


@cache
def text_direction(language: str) -> str:
    """`rtl` for Arabic, Persian, Urdu, Hebrew...; `auto` otherwise (CLDR via babel, not a list of ours)."""
    try:
        order = Locale.parse(language).character_order
    except (UnknownLocaleError, ValueError, TypeError):
        return "auto"
    return "rtl" if order == "right-to-left" else "auto"
