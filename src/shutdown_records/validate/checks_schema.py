"""JSON Schema checks: the record's shape, against the schema generated from the model.

The schema is generated in-process from `model.Incident` (the single source of truth;
schema/incident.schema.json is a generated copy kept in step by `shutdown-records schema
--check`), compiled into a Draft 2020-12 validator with format checks on, once per process.
jsonschema's messages are rewritten into ones that name the fix: a type error on `yes`
says "use true/false", an unknown field or vocabulary value suggests the nearest known one.
"""

from __future__ import annotations

import difflib
import functools
import sys
from collections.abc import Iterator
from typing import Any


def _import_jsonschema_without_iri_parser() -> None:
    """Import jsonschema without `rfc3987_syntax`, which builds a parser at import (~2 s).

    That package only checks the `iri`/`iri-reference` formats, which the record schema
    never uses (a test pins this), and its import cost would be paid by every
    `shutdown-records validate` run, pre-commit hooks included
    (python-jsonschema/jsonschema#1428). jsonschema treats it as not installed.
    """
    if "jsonschema" in sys.modules or "rfc3987_syntax" in sys.modules:
        return
    sys.modules["rfc3987_syntax"] = None  # type: ignore[assignment]
    try:
        import jsonschema  # noqa: F401
    finally:
        del sys.modules["rfc3987_syntax"]


_import_jsonschema_without_iri_parser()

from jsonschema import Draft202012Validator  # noqa: E402
from jsonschema.exceptions import ValidationError, best_match  # noqa: E402

from .. import model  # noqa: E402
from ..schema_gen import incident_schema  # noqa: E402
from .places import field_path, key_mark, value_mark  # noqa: E402
from .result import Problem  # noqa: E402

# Plain words for the schema's patterns, so an error says what would be right.
_PATTERN_HINTS: dict[str, str] = {
    model.DATE_PATTERN: "a date written YYYY-MM-DD or YYYY-MM, e.g. 2024-02-17",
    model.SLUG_PATTERN: "a lowercase slug of letters, digits and single hyphens, e.g. pk-2024-x",
    model.SOURCE_ID_PATTERN: "an id of letters, digits, '.', '_' or '-', e.g. dawn-2024-02-17",
    model.SHA256_PATTERN: "64 lowercase hexadecimal digits (the file's SHA-256)",
    r"^[A-Z]{2}$": "an ISO 3166-1 alpha-2 code in capitals, e.g. PK",
    r"^[a-z]{2,3}$": "an ISO 639 language code in lowercase, e.g. en",
}

_TYPE_WORDS: dict[str, str] = {
    "string": "text",
    "integer": "a whole number",
    "number": "a number",
    "boolean": "true or false",
    "null": "empty (null)",
    "array": "a list",
    "object": "a mapping (key: value)",
}

_YAML11_BOOLEAN_WORDS = frozenset({"yes", "no", "on", "off", "y", "n"})


@functools.cache
def compiled_validator() -> Draft202012Validator:
    """Build the validator once per process; workers forked afterwards inherit it."""
    schema = incident_schema()
    return Draft202012Validator(_inline_local_refs(schema), format_checker=Draft202012Validator.FORMAT_CHECKER)


def _inline_local_refs(schema: dict[str, Any]) -> dict[str, Any]:
    """The same schema with `#/$defs/X` references replaced by their target.

    jsonschema resolves each `$ref` on every visit, which was half of its time per record;
    the model's definitions are not recursive, so writing them out keeps the meaning and
    doubles the speed. A recursive reference, should the model ever grow one, is left as is.
    """
    defs = schema.get("$defs", {})

    def inline(node: Any, stack: tuple[str, ...]) -> Any:
        if isinstance(node, list):
            return [inline(item, stack) for item in node]
        if not isinstance(node, dict):
            return node
        ref = node.get("$ref")
        if isinstance(ref, str) and ref.startswith("#/$defs/"):
            name = ref.removeprefix("#/$defs/")
            if name in defs and name not in stack:
                target = inline(defs[name], (*stack, name))
                rest = {k: inline(v, stack) for k, v in node.items() if k != "$ref"}
                return {**target, **rest} if not set(rest) & set(target) else {"allOf": [target], **rest}
        return {key: inline(value, stack) for key, value in node.items()}

    return {key: inline(value, ()) if key != "$defs" else value for key, value in schema.items()}


def check_schema(data: Any, path: str) -> list[Problem]:
    """Every schema problem of one record, each at the YAML node at fault."""
    problems: list[Problem] = []
    for error in compiled_validator().iter_errors(data):
        problems.extend(_describe(error, data, path))
    return problems


def _describe(error: ValidationError, data: Any, path: str) -> Iterator[Problem]:
    loc = list(error.absolute_path)
    kind = error.validator
    if kind in ("anyOf", "oneOf"):
        yield from _describe_alternatives(error, data, path)
    elif kind == "additionalProperties":
        known = sorted(error.schema.get("properties", {}))
        for key in sorted((k for k in error.instance if k not in known), key=str):
            line, column = key_mark(data, [*loc, key])
            yield Problem(
                path,
                line,
                column,
                field_path([*loc, key]),
                "E101",
                f"unknown field {key!r}{_suggest(str(key), known)}",
            )
    elif kind == "required":
        line, column = value_mark(data, loc)
        for name in error.validator_value:
            if isinstance(error.instance, dict) and name not in error.instance:
                yield Problem(path, line, column, field_path([*loc, name]), "E102", f"missing required field {name!r}")
    elif kind == "type":
        yield _problem(data, path, loc, "E103", _type_message(_as_list(error.validator_value), error.instance))
    elif kind == "enum":
        yield _problem(data, path, loc, "E104", _enum_message(loc, error.validator_value, error.instance))
    elif kind == "pattern":
        hint = _PATTERN_HINTS.get(error.validator_value, f"text matching {error.validator_value}")
        yield _problem(data, path, loc, "E105", f"{_show(error.instance)} is not {hint}")
    elif kind == "format":
        yield _problem(data, path, loc, "E105", f"{_show(error.instance)} is not a valid {error.validator_value}")
    else:
        yield _problem(data, path, loc, "E106", _bounds_message(kind, error))


def _describe_alternatives(error: ValidationError, data: Any, path: str) -> Iterator[Problem]:
    """A nullable field (`anyOf: [X, null]`): report why X failed, or that the type is wrong."""
    deeper = [e for e in error.context if e.validator != "type" or list(e.relative_path)]
    if deeper:
        yield from _describe(best_match(deeper), data, path)
        return
    expected: list[str] = []
    for sub in error.context:
        expected.extend(t for t in _as_list(sub.validator_value) if t not in expected)
    loc = list(error.absolute_path)
    yield _problem(data, path, loc, "E103", _type_message(expected, error.instance))


def _problem(data: Any, path: str, loc: list[str | int], code: str, message: str) -> Problem:
    line, column = value_mark(data, loc)
    return Problem(path, line, column, field_path(loc), code, message)


def _type_message(expected: list[str], value: Any) -> str:
    wanted = " or ".join(_TYPE_WORDS.get(t, t) for t in expected)
    message = f"expected {wanted}, got {_describe_value(value)}"
    if "boolean" in expected and isinstance(value, str) and value.lower() in _YAML11_BOOLEAN_WORDS:
        message += "; use true/false (records are YAML 1.2: yes/no/on/off are plain text)"
    elif "string" in expected and isinstance(value, (bool, int, float)):
        message += f'; quote it to keep it as text: "{_yaml_scalar(value)}"'
    elif ("integer" in expected or "number" in expected) and isinstance(value, str):
        stripped = value.strip()
        if stripped.lstrip("-").isdigit():
            message += f"; write the number without quotes: {stripped}"
    return message


def _enum_message(loc: list[str | int], allowed: list[Any], value: Any) -> str:
    names = [str(v) for v in allowed]
    # `curation: {country: checked}`: the vocabulary is curation's, not country's.
    in_mapping_of_fields = len(loc) >= 2 and loc[0] == "curation"
    vocabulary = loc[0] if in_mapping_of_fields else next((s for s in reversed(loc) if isinstance(s, str)), "value")
    hint = _suggest(str(value), names) if isinstance(value, str) else ""
    return f"{_show(value)} is not a known {vocabulary} value; expected one of: {', '.join(names)}{hint}"


def _bounds_message(kind: str, error: ValidationError) -> str:
    limit = error.validator_value
    if kind == "minLength" and limit == 1:
        return "must not be empty"
    if kind == "minItems":
        return f"needs at least {limit} item{'s' if limit != 1 else ''}, has {len(error.instance)}"
    if kind == "minimum":
        return f"must be at least {limit}, got {_show(error.instance)}"
    if kind == "maximum":
        return f"must be at most {limit}, got {_show(error.instance)}"
    return error.message


def _suggest(word: str, known: list[str]) -> str:
    close = difflib.get_close_matches(word, known, n=1, cutoff=0.6)
    if not close:
        close = [k for k in known if k.casefold() == word.casefold()]
    return f"; did you mean {close[0]!r}?" if close else ""


def _describe_value(value: Any) -> str:
    if value is None:
        return "empty (null)"
    if isinstance(value, bool):
        return f"boolean {_yaml_scalar(value)}"
    if isinstance(value, (int, float)):
        return f"number {value!r}"
    if isinstance(value, str):
        return f"text {_show(value)}"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return type(value).__name__


def _show(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _yaml_scalar(value: Any) -> str:
    return str(value).lower() if isinstance(value, bool) else str(value)


def _as_list(value: Any) -> list[str]:
    return list(value) if isinstance(value, list) else [value]
