"""The field registry: each core field of a record described once.

Why: a field's name used to be listed by hand in about twelve places (the model's lists,
build, merge, validate, the CSV/STOP/OONI exports, the STOP import, the evaluation and its
report), and a field added to one list but not another failed late (a KeyError in the eval
table). Every one of those now reads this table, so adding a scored, exported, evidenced field
is one `FieldSpec` here plus the model attribute, its extractor and its cue data (steps in
docs/architecture.md).

This module is at the bottom of the package: it imports nothing from it, so the model and
every stage may read it. Tuned numbers (how strongly a field must be supported to be kept)
stay in `data/extraction/merge.yaml`, under the section `merge` names; STOP value strings stay in
`data/exchange/stop_mapping.yaml`; per-platform OONI data in `data/exchange/platform_domains.yaml`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

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

    name: str
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
    # A case-insensitive duplicate entry is an error.
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

    @property
    def is_list(self) -> bool:
        return self.kind in ("set", "named_list")


_PLATFORM_COLUMNS = (
    "facebook_affected",
    "twitter_affected",
    "whatsapp_affected",
    "instagram_affected",
    "telegram_affected",
    "other_affected",
    "service_details",
)

# In the model's order (a test keeps the two in step).
FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec(
        "country",
        "scalar",
        "scalar",
        always_written=True,
        score=Scoring("exact", "ctry"),
        stop=("country",),
        ooni=OoniFact("Country", 0),
    ),
    FieldSpec(
        "platforms",
        "set",
        "set",
        always_written=True,
        unique=True,
        score=Scoring("set", "plat"),
        stop=_PLATFORM_COLUMNS,
        ooni=OoniFact("Platforms", 4),
    ),
    FieldSpec(
        "kind",
        "scalar",
        "scalar",
        always_written=True,
        vocabulary=True,
        score=Scoring("exact", "kind"),
        stop=("shutdown_type", "shutdown_extent"),
        ooni=OoniFact("Kind", 3),
    ),
    # Written by the STOP import and by people; shown on kind's OONI line; no CSV column. A
    # rebuild does not keep it (it is not among the `extracted=False` fields): today's behaviour.
    FieldSpec(
        "kinds", "set", "none", vocabulary=True, unique=True, csv=False, stop=("shutdown_type", "shutdown_extent")
    ),
    FieldSpec(
        "networks",
        "set",
        "set",
        always_written=True,
        vocabulary=True,
        score=Scoring("set", "netw"),
        stop=("affected_network",),
        ooni=OoniFact("Networks", 5),
    ),
    FieldSpec(
        "scope",
        "scalar",
        "scalar",
        always_written=True,
        vocabulary=True,
        score=Scoring("exact", "scop"),
        stop=("geo_scope", "area_name"),
        ooni=OoniFact("Scope", 6),
    ),
    # Shown on scope's OONI line.
    FieldSpec("regions", "set", "set", extracted=False, unique=True, stop=("geo_scope", "area_name")),
    FieldSpec(
        "start_date",
        "date",
        "scalar",
        always_written=True,
        score=Scoring("date", "strt"),
        stop=("start_date", "duration"),
        ooni=OoniFact("Dates", 1),
    ),
    # Shown on start_date's OONI line ("Dates").
    FieldSpec(
        "end_date", "date", "scalar", always_written=True, score=Scoring("date", "end"), stop=("end_date", "duration")
    ),
    FieldSpec(
        "status",
        "scalar",
        "derived",
        always_written=True,
        vocabulary=True,
        stop=("shutdown_status",),
        ooni=OoniFact("Status", 2),
    ),
    FieldSpec(
        "ordered_by",
        "named_list",
        "object",
        item_key="name",
        always_written=True,
        score=Scoring("names", "ordr"),
        stop=("ordered_by", "decision_maker"),
        ooni=OoniFact("Ordered by", 7),
    ),
    FieldSpec(
        "justification",
        "set",
        "set",
        always_written=True,
        vocabulary=True,
        score=Scoring("set", "just"),
        stop=("gov_justification",),
        ooni=OoniFact("Official justification", 8),
    ),
    FieldSpec(
        "context",
        "set",
        "set",
        always_written=True,
        vocabulary=True,
        score=Scoring("set", "ctxt"),
        stop=("actual_cause", "election"),
        ooni=OoniFact("Context", 9),
    ),
    FieldSpec(
        "legal_basis",
        "named_list",
        "object",
        item_key="instrument",
        always_written=True,
        score=Scoring("names", "legl"),
        stop=("legal_just", "legal_method"),
        ooni=OoniFact("Legal basis", 10),
    ),
    FieldSpec(
        "court_challenges",
        "named_list",
        "object",
        item_key="court",
        always_written=True,
        score=Scoring("names", "crt"),
        ooni=OoniFact("Court challenges", 11),
    ),
    FieldSpec("workarounds", "set", "set", always_written=True, vocabulary=True, score=Scoring("set", "work")),
    FieldSpec(
        "acknowledged",
        "scalar",
        "scalar",
        always_written=True,
        score=Scoring("exact", "ackn"),
        stop=("gov_ack",),
        ooni=OoniFact("Officially acknowledged", 12),
    ),
    FieldSpec(
        "operators",
        "named_list",
        "object",
        item_key="name",
        extracted=False,
        stop=("telcos_involved",),
        ooni=OoniFact("Operators", 13),
    ),
    # A finding's own "Technical reports" section and its links.
    FieldSpec("technical_reports", "named_list", "object", item_key="publisher", extracted=False),
    FieldSpec("official_statements", "named_list", "object", item_key="by", extracted=False),
    FieldSpec("platform_response", "scalar", "scalar", extracted=False),
)

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
