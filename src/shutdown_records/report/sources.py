"""Source files as the report sees them: read once per file, however many records cite them."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from babel import Locale, UnknownLocaleError

from ..errors import InputError
from ..model import Source
from ..text import read_source


@dataclass(frozen=True)
class SourceFile:
    """The text and hash of one file, or why it could not be read."""

    text: str | None
    sha256: str | None
    problem: str | None


class SourceCache:
    """Reads each source file once: 10,000 records often share a handful of articles."""

    def __init__(self) -> None:
        self._files: dict[Path, SourceFile] = {}
        self._resolved: dict[Path, Path] = {}  # path as joined -> real path; resolve() costs syscalls

    def get(self, path: Path) -> SourceFile:
        key = self._resolved.get(path)
        if key is None:
            key = self._resolved[path] = path.resolve()
        found = self._files.get(key)
        if found is None:
            found = self._files[key] = _read(key)
        return found


def _read(path: Path) -> SourceFile:
    if not path.is_file():
        return SourceFile(None, None, "file not found")
    try:
        text, sha = read_source(path)
    except InputError as err:
        return SourceFile(None, None, err.message)
    return SourceFile(text, sha, None)


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
    return SourceView(number, meta, cache.get(record_path.parent / meta.path), meta.path)


@cache
def text_direction(language: str) -> str:
    """`rtl` for Arabic, Persian, Urdu, Hebrew...; `auto` otherwise (CLDR via babel, not a list of ours)."""
    try:
        order = Locale.parse(language).character_order
    except (UnknownLocaleError, ValueError, TypeError):
        return "auto"
    return "rtl" if order == "right-to-left" else "auto"
