"""Checking a data file against its schema: an unknown key or a wrong type is an error naming
the file, the line and the key, never a silently empty list.

Why a module of its own at the bottom of the package: the per-language files
(`extraction/langschema.py`) and the language-neutral vocabularies (`vocabschema.py`, read by
every stage through `datafiles.shared`) are checked the same way; this is that way, once.
"""

from __future__ import annotations

import difflib
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, ValidationError

from .errors import ShutdownRecordsError


class DataFileError(ShutdownRecordsError):
    """A data file does not fit its schema; `place` is `file:line`."""


class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """The safe loader, refusing a key said twice in one mapping: YAML lets the later value
    win, so a section pasted in twice (two edits of one cue file merged) would silently drop
    the first list."""


def _unique_mapping(loader: _Loader, node: yaml.MappingNode) -> dict[Any, Any]:
    seen: dict[Any, int] = {}
    for key_node, _ in node.value:
        if not isinstance(key_node, yaml.ScalarNode) or key_node.tag == "tag:yaml.org,2002:merge":
            continue
        key = loader.construct_object(key_node)
        if key in seen:
            raise yaml.constructor.ConstructorError(
                None,
                None,
                f"the key {key!r} is given twice in one mapping (first on line {seen[key] + 1}); merge the two",
                key_node.start_mark,
            )
        seen[key] = key_node.start_mark.line
    return loader.construct_mapping(node)


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _unique_mapping)


def read_yaml(path: Any, error: type[DataFileError] = DataFileError) -> tuple[Any, str]:
    """(parsed YAML, text) of one data file (a Path or a package resource); a syntax error is
    `error` naming the file and line, so every data file fails the same way."""
    text = path.read_text(encoding="utf-8")
    try:
        return yaml.load(text, Loader=_Loader), text
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        line = mark.line + 1 if mark is not None else 1
        raise error(f"not valid YAML: {getattr(err, 'problem', err)}", place=f"{path}:{line}") from None


class Section(BaseModel):
    """A mapping whose keys are all known: anything else is an error, not ignored."""

    model_config = ConfigDict(extra="forbid", frozen=True)


def check(model: type[BaseModel], data: Any, path: Path | str, text: str | None, where: str) -> dict[str, Any]:
    """`data` (one file's YAML) checked against `model`; returned as is ({} for an empty file).

    Raises `DataFileError` naming the file, line and key; `where` names the module that holds
    the schema, for the message about an unknown key."""
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise DataFileError(f"the file must be a mapping of keys, not a {type(data).__name__}", place=f"{path}:1")
    try:
        model.model_validate(data)
    except ValidationError as err:
        first = min(err.errors(), key=lambda e: (e["type"] != "extra_forbidden", -len(data_path(data, e["loc"]))))
        keys = data_path(data, first["loc"])
        line = line_of(text if text is not None else read(path), keys)
        raise DataFileError(message(first, model, keys, where), place=f"{path}:{line}") from None
    return data


def message(error: Any, model: type[BaseModel], keys: list[Any], where: str) -> str:
    """`key.path: what is wrong (what would be right)` for one pydantic error."""
    dotted = ".".join(str(k) for k in keys) or "(top)"
    bare = next((k for k in keys if isinstance(k, bool)), None)
    if bare is not None:
        word = "yes" if bare else "no"
        return f"{dotted}: a key read as {bare} (quote it: '{word}'; YAML reads a bare yes/no as true/false)"
    if error["type"] == "extra_forbidden":
        known = known_keys(model, keys[:-1])
        hint = difflib.get_close_matches(str(keys[-1]), known, n=1)
        fix = (
            f"did you mean '{hint[0]}'?"
            if hint
            else f"known keys: {', '.join(known)}; a new key is one line in {where}"
        )
        return f"{dotted}: unknown key ({fix})"
    return f"{dotted}: {error['msg']} (got {error.get('input')!r})"


def data_path(data: Any, loc: tuple[Any, ...]) -> list[Any]:
    """The keys and indexes of `loc` that exist in the data (pydantic adds union branch names)."""
    out: list[Any] = []
    node = data
    for step in loc:
        if isinstance(node, dict):
            match = next((k for k in node if k == step or str(k) == str(step)), None)
            if match is None:
                continue
            out.append(match)
            node = node[match]
        elif isinstance(node, list) and isinstance(step, int) and 0 <= step < len(node):
            out.append(step)
            node = node[step]
    if loc and loc[-1] not in out and isinstance(node, dict):
        out.append(loc[-1])  # an extra key not found by equality (e.g. `True` from a bare yes)
    return out


def known_keys(model: type[BaseModel], keys: list[Any]) -> list[str]:
    current: Any = model
    for key in keys:
        if isinstance(key, int) or not (isinstance(current, type) and issubclass(current, Section)):
            return []
        field = current.model_fields.get(str(key))
        if field is None:
            return []
        current = section_of(field.annotation)
    if isinstance(current, type) and issubclass(current, Section):
        return list(current.model_fields)
    return []


def section_of(annotation: Any) -> Any:
    for arg in getattr(annotation, "__args__", ()) or ():
        if isinstance(arg, type) and issubclass(arg, Section):
            return arg
    return annotation


def read(path: Path | str) -> str:
    try:
        return Path(str(path)).read_text(encoding="utf-8")
    except OSError:
        return ""


def line_of(text: str, keys: list[Any]) -> int:
    """1-based line of the node at `keys` in the YAML text (the deepest one found)."""
    try:
        node = yaml.compose(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError:
        return 1
    line = 1
    for key in keys:
        if isinstance(node, yaml.MappingNode):
            for k, v in node.value:
                if k.value == str(key) or (
                    isinstance(key, bool)
                    and k.value.lower() in (("yes", "true", "on") if key else ("no", "false", "off"))
                ):
                    line, node = k.start_mark.line + 1, v
                    break
            else:
                return line
        elif isinstance(node, yaml.SequenceNode) and isinstance(key, int) and key < len(node.value):
            node = node.value[key]
            line = node.start_mark.line + 1
        else:
            return line
    return line
