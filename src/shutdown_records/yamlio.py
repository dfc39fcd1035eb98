"""Reading and writing record YAML without PyYAML's traps, keeping line numbers.

Reading: the C loader when available, YAML 1.2 core scalars (`NO`, `on`, `2024-02-17` stay
strings; only `true`/`false` are booleans), duplicate keys and aliases rejected, and every
mapping and sequence remembers where each of its entries stands, so an error can name
`path:line:column`.

Writing: stable key order, strings quoted wherever YAML 1.1 readers would misread them,
and an atomic replace so a failed write never leaves half a file over a user's record.
"""

from __future__ import annotations

import hashlib
import os
import re
from pathlib import Path
from typing import Any

import yaml

from .atomic import write_atomic  # noqa: F401 - re-exported: records are written with it
from .errors import (
    DuplicateKeyError,
    RecordFormatError,
    RecordNotUtf8Error,
    RecordTooLargeError,
    RecordUnreadableError,
)

_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_BaseDumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)

MAX_RECORD_BYTES = 5 * 1024 * 1024  # a record is a few KB; larger is a mistake or an attack

Mark = tuple[int, int]  # 1-based line, 1-based column


class MarkedDict(dict):
    """A mapping that knows where each key and each value stands in the file."""

    __slots__ = ("mark", "key_marks", "value_marks")

    def __init__(self) -> None:
        super().__init__()
        self.mark: Mark = (1, 1)
        self.key_marks: dict[Any, Mark] = {}
        self.value_marks: dict[Any, Mark] = {}


class MarkedList(list):
    """A sequence that knows where each item stands in the file."""

    __slots__ = ("mark", "item_marks")

    def __init__(self) -> None:
        super().__init__()
        self.mark: Mark = (1, 1)
        self.item_marks: list[Mark] = []


def _mark(node: yaml.Node) -> Mark:
    return (node.start_mark.line + 1, node.start_mark.column + 1)


class _DuplicateKey(yaml.constructor.ConstructorError):
    """Raised while constructing, so load_yaml can tell it from other refusals by its type."""


class StrictLoader(_BaseLoader):  # type: ignore[misc, valid-type]
    """Safe loader with YAML 1.2 core scalars, no duplicate keys, no aliases, and marks."""

    yaml_implicit_resolvers: dict = {}

    def construct_object(self, node: yaml.Node, deep: bool = False) -> Any:
        if node in self.constructed_objects:
            raise yaml.constructor.ConstructorError(
                None, None, "aliases (*name) are not allowed in records; write the value out", node.start_mark
            )
        if _TAG_NODES.get(node.tag) is not node.__class__:  # inline: this runs for every node
            _refuse_tag(node)
        try:
            return super().construct_object(node, deep=deep)
        except (ValueError, TypeError, KeyError, AttributeError, OverflowError) as err:
            # An explicit tag with content it cannot hold (`!!int abc`), or a number too long
            # for Python to read: a located refusal, never a crash.
            raise yaml.constructor.ConstructorError(None, None, _bad_content(node, err), node.start_mark) from None

    def construct_marked_mapping(self, node: yaml.MappingNode) -> Any:
        result = MarkedDict()
        result.mark = _mark(node)
        yield result
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                raise yaml.constructor.ConstructorError(
                    None, None, "merge keys (<<) are not allowed in records", key_node.start_mark
                )
            key = self.construct_object(key_node, deep=True)
            if not isinstance(key, (str, int, float, bool)) or key is None:
                raise yaml.constructor.ConstructorError(
                    None, None, "a mapping key must be a plain string", key_node.start_mark
                )
            if key in result:
                first = result.key_marks[key]
                raise _DuplicateKey(
                    None,
                    None,
                    f"duplicate key {key!r} (first defined at line {first[0]}); keep one",
                    key_node.start_mark,
                )
            result[key] = self.construct_object(value_node, deep=True)
            result.key_marks[key] = _mark(key_node)
            result.value_marks[key] = _mark(value_node)

    def construct_marked_sequence(self, node: yaml.SequenceNode) -> Any:
        result = MarkedList()
        result.mark = _mark(node)
        yield result
        for child in node.value:
            result.append(self.construct_object(child, deep=True))
            result.item_marks.append(_mark(child))


_CORE = "tag:yaml.org,2002:"
# The YAML 1.2 core schema's tags, and the kind of node each can tag. Every other tag
# (!!timestamp, !!binary, !!set, !!omap, !!python/...) is refused: a record holds only text,
# numbers, booleans, null, mappings and lists.
_TAG_NODES: dict[str, type[yaml.Node]] = {
    _CORE + "str": yaml.ScalarNode,
    _CORE + "int": yaml.ScalarNode,
    _CORE + "float": yaml.ScalarNode,
    _CORE + "bool": yaml.ScalarNode,
    _CORE + "null": yaml.ScalarNode,
    _CORE + "map": yaml.MappingNode,
    _CORE + "seq": yaml.SequenceNode,
}
_NODE_WORDS = {yaml.ScalarNode: "a single value", yaml.MappingNode: "a mapping", yaml.SequenceNode: "a list"}


def _short(tag: str) -> str:
    return "!!" + tag.removeprefix(_CORE) if tag.startswith(_CORE) else tag


def _refuse_tag(node: yaml.Node) -> None:
    """Raise the located error for a tag outside the core schema, or on the wrong kind of node."""
    expected = _TAG_NODES.get(node.tag)
    if expected is None:
        hint = "; write dates as text, e.g. '2024-02-17'" if node.tag == _CORE + "timestamp" else ""
        raise yaml.constructor.ConstructorError(
            None, None, f"the tag {_short(node.tag)} is not allowed in records; remove it{hint}", node.start_mark
        )
    raise yaml.constructor.ConstructorError(
        None,
        None,
        f"{_short(node.tag)} tags {_NODE_WORDS[expected]}, but {_NODE_WORDS.get(type(node), 'something else')} "
        "follows; remove the tag",
        node.start_mark,
    )


def _bad_content(node: yaml.Node, err: Exception) -> str:
    value = node.value if isinstance(node, yaml.ScalarNode) else ""
    shown = repr(value) if len(value) <= 40 else repr(value[:37]) + "..."
    if node.tag == _CORE + "int" and "digits" in str(err):
        digits = sum(ch.isdigit() for ch in value)
        return f"a number of {digits} digits is too long for a record; offsets and numbers are far shorter"
    wanted = {"int": "a whole number", "float": "a number", "bool": "true or false", "null": "null"}
    kind = wanted.get(node.tag.removeprefix(_CORE), "what its tag says")
    return f"{_short(node.tag)} {shown} is not {kind}; remove the tag or fix the value"


StrictLoader.add_constructor("tag:yaml.org,2002:map", StrictLoader.construct_marked_mapping)
StrictLoader.add_constructor("tag:yaml.org,2002:seq", StrictLoader.construct_marked_sequence)
# YAML 1.2 core schema: only these implicit types. Everything else is a string.
StrictLoader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)
StrictLoader.add_implicit_resolver(
    "tag:yaml.org,2002:null", re.compile(r"^(?:~|null|Null|NULL|)$"), ["~", "n", "N", ""]
)
StrictLoader.add_implicit_resolver("tag:yaml.org,2002:int", re.compile(r"^[-+]?[0-9]+$"), list("-+0123456789"))
StrictLoader.add_implicit_resolver(
    "tag:yaml.org,2002:float",
    re.compile(
        r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$"
    ),
    list("-+.0123456789"),
)


def load_yaml(text: str, place: str) -> Any:
    """Parse one YAML document strictly; a syntax problem becomes a RecordFormatError at its line."""
    try:
        loader = StrictLoader(text)
        try:
            return loader.get_single_data()
        finally:
            loader.dispose()
    except yaml.reader.ReaderError as err:
        # A control character anywhere in the file: name it at its own line and column.
        before = text[: err.position]
        line = before.count("\n") + 1
        col = err.position - (before.rfind("\n") + 1) + 1
        code = err.character if isinstance(err.character, int) else ord(str(err.character)[:1] or "\0")
        raise RecordFormatError(
            f"not valid YAML: control character U+{code:04X} is not allowed; remove it "
            "(inside double quotes, write it as an escape such as \\t)",
            place=f"{place}:{line}:{col}",
        ) from None
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        problem = err.problem or err.context or "not valid YAML"
        error = DuplicateKeyError if isinstance(err, _DuplicateKey) else RecordFormatError
        raise error(f"not valid YAML: {problem}", place=f"{place}:{line}:{col}") from None
    except yaml.YAMLError as err:
        raise RecordFormatError(f"not valid YAML: {err}", place=f"{place}:1:1") from None


def read_record_file(path: Path) -> Any:
    """Read a record file: size cap, UTF-8, then strict YAML."""
    return read_record_file_with_sha(path)[0]


def read_record_file_with_sha(path: Path) -> tuple[Any, str]:
    """The parsed record and the SHA-256 of the very bytes parsed (one read, no window in
    which a save could slip between hashing and parsing)."""
    from .safeio import SourcePathError, read_regular_file  # noqa: PLC0415 - safeio imports errors only

    try:
        # A record arriving in a pull request may be a symlink to a file of the CI machine
        # (credentials in JSON are valid YAML): never follow it; no FIFO, no device.
        data = read_regular_file(path, limit=MAX_RECORD_BYTES, follow_symlinks=False)
    except SourcePathError as err:
        if err.kind == "too_large":
            size = os.stat(path).st_size
            raise RecordTooLargeError(
                f"file is {size} bytes; a record must be under {MAX_RECORD_BYTES} bytes",
                place=f"{path}:1:1",
            ) from None
        raise RecordUnreadableError(f"cannot read: {err.message}", place=str(path)) from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        line = data[: err.start].count(b"\n") + 1
        col = err.start - (data.rfind(b"\n", 0, err.start) + 1) + 1
        raise RecordNotUtf8Error(
            f"not UTF-8: byte 0x{data[err.start]:02x}; re-save the file as UTF-8",
            place=f"{path}:{line}:{col}",
        ) from None
    return load_yaml(text, str(path)), hashlib.sha256(data).hexdigest()


class _RecordDumper(_BaseDumper):  # type: ignore[misc, valid-type]
    """Block style, and lists of scalars that stay short in flow style for readability."""


def _represent_str(dumper: yaml.Dumper, value: str) -> yaml.Node:
    style = "|" if "\n" in value and len(value) > 80 else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_RecordDumper.add_representer(str, _represent_str)


def dump_yaml(data: Any) -> str:
    """Deterministic YAML text: insertion order kept, Unicode written as is, no line folding.

    PyYAML's dumper already quotes strings that a YAML 1.1 reader would take for booleans,
    dates or numbers (`"NO"`, `"2024-02-17"`), so the file reads the same everywhere.
    """
    return yaml.dump(
        _plain(data),
        Dumper=_RecordDumper,
        sort_keys=False,
        allow_unicode=True,
        default_flow_style=False,
        width=100_000,
    )


def _plain(value: Any) -> Any:
    """Strip MarkedDict/MarkedList and enums down to plain types the safe dumper accepts."""
    if isinstance(value, dict):
        return {(_plain(k)): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, str):
        return str(value)
    return value
