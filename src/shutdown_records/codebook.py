"""The codebook: one-line definitions of every vocabulary value, kept in data/vocab/codebook.yaml."""

from __future__ import annotations

import typing
from enum import StrEnum
from functools import cache
from importlib import resources
from typing import Any

from . import model
from .dataschema import read_yaml


def _enum_of(annotation: Any) -> type[StrEnum]:
    """The enum a vocabulary field's values come from (`Kind | None`, `list[Network]`...)."""
    for arg in (annotation, *typing.get_args(annotation)):
        if isinstance(arg, type) and issubclass(arg, StrEnum):
            return arg
    raise TypeError(f"no vocabulary enum in {annotation!r}")


def _field_vocabularies() -> dict[str, type[StrEnum]]:
    """Each registry field marked `vocabulary`, by its name, once per enum (`kinds` shares `kind`'s)."""
    found: dict[str, type[StrEnum]] = {}
    for spec in model.FIELDS:
        enum = _enum_of(model.Incident.model_fields[spec.name].annotation) if spec.vocabulary else None
        if enum is not None and enum not in found.values():
            found[spec.name] = enum
    return found


# Vocabulary name in the codebook -> the model's enum that holds the values: the registry's
# vocabulary fields, then the vocabularies of sub-fields and bookkeeping.
VOCABULARIES: dict[str, type[StrEnum]] = {
    **_field_vocabularies(),
    "authority_type": model.AuthorityType,
    "review_status": model.ReviewStatus,
    "curation": model.Curation,
}


@cache
def codebook() -> dict[str, dict[str, str]]:
    data, _ = read_yaml(resources.files("shutdown_records").joinpath("data", "vocab", "codebook.yaml"))
    return data


def codebook_markdown() -> str:
    """docs/codebook.md, generated so the definitions live in one place."""
    lines = [
        "# Codebook",
        "",
        "Generated from `src/shutdown_records/data/codebook.yaml` by "
        "`python -m shutdown_records.codebook > docs/codebook.md`; a test keeps it current.",
        "",
    ]
    for name, values in codebook().items():
        lines += [f"## `{name}`", "", "| value | definition |", "| --- | --- |"]
        lines += [f"| `{value}` | {definition} |" for value, definition in values.items()]
        lines.append("")
    return "\n".join(lines)


if __name__ == "__main__":
    print(codebook_markdown(), end="")
