"""Reading and rewriting a record a person edits, keeping everything a command did not touch.

ruamel.yaml's round-trip mode keeps comments, key order, quoting and block styles of the
untouched parts. The file is read once (bytes, hash, document); the change is written with
`write_atomic_if_unchanged`, so a save made meanwhile in an editor is never overwritten.
New strings that a YAML 1.1 reader would take for a date, a number or a boolean are quoted,
as `dump_yaml` does, so the file reads the same with every YAML library.
"""

from __future__ import annotations

import hashlib
import io
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import LiteralScalarString, SingleQuotedScalarString
from ruamel.yaml.util import load_yaml_guess_indent

from ..atomic import ChangedOnDisk, write_atomic_if_unchanged
from ..errors import InputError, RecordFormatError, RecordNotUtf8Error, RecordTooLargeError
from ..safeio import SourcePathError, read_regular_file
from ..yamlio import MAX_RECORD_BYTES, load_yaml


class StaleRecord(InputError):
    """The record changed since the page or command read it; the newer save is kept."""


@dataclass
class RecordDoc:
    """One record file as read: its bytes' hash (the ETag) and the round-trip document."""

    path: Path
    sha256: str
    doc: CommentedMap
    indent: tuple[int, int] = (2, 0)  # the file's own sequence indent and dash offset


def _yaml(indent: tuple[int, int] = (2, 0)) -> YAML:
    rt = YAML(typ="rt")
    rt.preserve_quotes = True
    rt.width = 100_000  # never fold a long quote: its offsets are checked character by character
    rt.indent(mapping=2, sequence=max(indent[0], indent[1] + 2), offset=indent[1])
    rt.representer.add_representer(type(None), _represent_null)
    return rt


def _represent_null(representer: Any, _value: None) -> Any:
    # `end_date: null`, as the builder writes it, not an empty value
    return representer.represent_scalar("tag:yaml.org,2002:null", "null")


def read_doc(path: Path) -> RecordDoc:
    """Read a record for editing; the strict loader checks it first (no aliases, duplicate keys)."""
    try:  # as validate reads a record: a regular file, never through a symlink (the write would replace the link)
        data = read_regular_file(path, limit=MAX_RECORD_BYTES, follow_symlinks=False)
    except SourcePathError as err:
        if err.kind == "too_large":
            raise RecordTooLargeError(f"a record must be under {MAX_RECORD_BYTES} bytes", place=f"{path}:1:1") from None
        raise InputError(f"cannot read: {err.message}", place=str(path)) from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise RecordNotUtf8Error("not UTF-8; re-save the file as UTF-8", place=f"{path}:1:1") from None
    if not isinstance(load_yaml(text, str(path)), dict):
        raise RecordFormatError("a record must be a YAML mapping (key: value)", place=f"{path}:1:1")
    _, seq_indent, dash_offset = load_yaml_guess_indent(text)
    indent = (seq_indent or 2, dash_offset or 0)
    doc = _yaml(indent).load(text)
    return RecordDoc(path, hashlib.sha256(data).hexdigest(), doc, indent)


def dump_doc(doc: CommentedMap, indent: tuple[int, int] = (2, 0)) -> str:
    out = io.StringIO()
    _yaml(indent).dump(doc, out)
    return out.getvalue()


def write_doc(record: RecordDoc) -> str:
    """Write the edited document over the file it came from, unless the file changed; the new hash."""
    text = dump_doc(record.doc, record.indent)
    try:
        write_atomic_if_unchanged(record.path, text, record.sha256)
    except ChangedOnDisk:
        raise StaleRecord(
            "the record changed on disk since it was read (saved elsewhere?); nothing written, "
            "reload it and make the change again",
            place=str(record.path),
        ) from None
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def node(value: Any) -> Any:
    """A plain value as a round-trip node: nested maps and lists, ambiguous strings quoted."""
    if isinstance(value, dict):
        out = CommentedMap()
        for key, item in value.items():
            out[key] = node(item)
        return out
    if isinstance(value, (list, tuple)):
        return CommentedSeq(node(item) for item in value)
    if isinstance(value, str):
        if "\n" in value and len(value) > 80:
            return LiteralScalarString(value)
        if value == "" or _misread_by_yaml11(value):
            return SingleQuotedScalarString(value)
    return value


def _misread_by_yaml11(value: str) -> bool:
    try:
        return yaml.safe_load(value) != value
    except yaml.YAMLError:
        return True


def plain(value: Any) -> Any:
    """A round-trip node as plain Python data (for the model and comparisons)."""
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [plain(v) for v in value]
    if isinstance(value, str):
        return str(value)
    if isinstance(value, bool) or value is None:
        return value
    if isinstance(value, int):
        return int(value)
    return value
