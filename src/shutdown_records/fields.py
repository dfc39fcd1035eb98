"""The field registry's views: each core field of a record, described once, as the stages read it.

Why: a field's name used to be listed by hand in about twelve places (the model's lists,
build, merge, validate, the CSV/STOP/OONI exports, the STOP import, the evaluation and its
report), and a field added to one list but not another failed late (a KeyError in the eval
table). Every one of those now reads this registry. Each field is declared once, in
`model.Incident`: its type, default and description, annotated with its `FieldSpec` (kind,
merge rule, scoring, CSV/STOP/OONI mapping; fieldspec.py). So adding a scored, exported,
evidenced field is one attribute there plus its extractor and its cue data (steps in
docs/architecture.md).

Tuned numbers (how strongly a field must be supported to be kept) stay in
`data/extraction/merge.yaml`, under the section `merge` names; STOP value strings stay in
`data/exchange/stop_mapping.yaml`; per-platform OONI data in `data/exchange/platform_domains.yaml`.
"""

from __future__ import annotations

from .fieldspec import FieldKind, FieldSpec, MergeRule, OoniFact, ScoreRule, Scoring
from .model import FIELDS

__all__ = [
    "BY_NAME",
    "FIELDS",
    "OTHER_STOP_COLUMNS",
    "FieldKind",
    "FieldSpec",
    "MergeRule",
    "OoniFact",
    "ScoreRule",
    "Scoring",
    "names",
    "scored",
    "stop_column_fields",
]

BY_NAME: dict[str, FieldSpec] = {f.name: f for f in FIELDS}

# Record keys that are not claims about the incident but still feed STOP columns.
OTHER_STOP_COLUMNS: dict[str, tuple[str, ...]] = {
    "sources": ("info_source_link", "an_link"),
    "summary": ("event",),
}


def names(*, evidenced: bool | None = None, lists: bool | None = None) -> tuple[str, ...]:
    """Field names in model order, filtered."""
    return tuple(
        f.name
        for f in FIELDS
        if (evidenced is None or f.evidenced == evidenced) and (lists is None or f.is_list == lists)
    )


def scored() -> dict[str, Scoring]:
    """The scored fields in model order (also the corpus README's order)."""
    return {f.name: f.score for f in FIELDS if f.score is not None}


def stop_column_fields() -> dict[str, tuple[str, ...]]:
    """STOP column -> the record fields its cell holds (model order)."""
    out: dict[str, list[str]] = {}
    for spec_name, columns in [(f.name, f.stop) for f in FIELDS] + list(OTHER_STOP_COLUMNS.items()):
        for column in columns:
            out.setdefault(column, []).append(spec_name)
    return {column: tuple(fields) for column, fields in out.items()}
