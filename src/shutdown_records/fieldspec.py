"""What a field registry entry says: the types of `model.Incident`'s field descriptions.

Why a module of its own: each core field of the record is declared once, in `model.Incident`,
as its type annotated with a `FieldSpec` (its kind, merge rule, scoring, CSV/STOP/OONI mapping)
beside its default and description. The model needs these types to declare its fields, and
`fields.py` (the registry's views every stage reads) needs the model, so the types sit below both.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any, Literal

# scalar: one value; date: one partial date (YYYY-MM or YYYY-MM-DD); set: a list of strings
# (vocabulary values or names); named list: a list of objects, each named by `item_key`.
FieldKind = Literal["scalar", "date", "set", "named_list"]
# How extraction/merge.py weighs sources for the field, i.e. which data/extraction/merge.yaml section tunes it:
# scalar -> scalar_floor, set -> set_thresholds, object -> object_thresholds; derived fields
# are computed in extraction/assemble.py from other fields (status from the dates); "none": build
# never writes the field (only a person or an import does).
MergeRule = Literal["scalar", "set", "object", "derived", "none"]
# The corpus README's comparison rules (evaluate/scoring.py).
ScoreRule = Literal["exact", "set", "date", "names"]


@dataclass(frozen=True)
class Scoring:
    """How `eval` scores the field against a gold record, and its 4-letter column head."""

    rule: ScoreRule
    abbreviation: str


@dataclass(frozen=True)
class OoniFact:
    """The field's line in an OONI finding's text: its label and where it comes in the list."""

    label: str
    rank: int


@dataclass(frozen=True)
class FieldSpec:
    """One core field of the record: what it holds and how each stage treats it."""

    kind: FieldKind
    merge: MergeRule
    evidenced: bool = True
    # Which key of a list item names it in a citation's `value` (named lists only).
    item_key: str | None = None
    # Written to the YAML even when empty (null or []), so a reader sees it was looked for.
    always_written: bool = False
    # False: no extractor fills it yet, so a rebuild keeps what a person or an import put there
    # unless it finds a value of its own (extraction/curation.py).
    extracted: bool = True
    # Values come from a codebook vocabulary (data/vocab/codebook.yaml), not free text.
    vocabulary: bool = False
    # A case-insensitive duplicate entry is an error. Not written by hand: `collect` sets it
    # when the model's type carries `unique_marker` (the validator that refuses duplicates).
    unique: bool = False
    score: Scoring | None = None
    # A column of the `csv` export, named as the field.
    csv: bool = True
    # The STOP (2020-2022) columns whose cells hold this field: an imported row's cell is given
    # back verbatim while the fields it feeds are unchanged. Value strings: data/exchange/stop_mapping.yaml.
    stop: tuple[str, ...] = ()
    # Its line in an OONI finding's text; None when it is shown another way (with another
    # field's line, in tags, in its own section) or not at all.
    ooni: OoniFact | None = None
    # The model attribute's name; `collect` fills it in.
    name: str = ""

    @property
    def is_list(self) -> bool:
        return self.kind in ("set", "named_list")


def collect(model: Any, unique_marker: object) -> tuple[FieldSpec, ...]:
    """The `FieldSpec` of each annotated field of a pydantic model, in the model's order, named
    after its attribute; `unique` when the field's type carries `unique_marker`."""
    found = []
    for name, info in model.model_fields.items():
        for meta in info.metadata:
            if isinstance(meta, FieldSpec):
                found.append(replace(meta, name=name, unique=any(m is unique_marker for m in info.metadata)))
    return tuple(found)
