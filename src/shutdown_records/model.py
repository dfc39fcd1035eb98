"""The incident record: the single source of truth for the YAML format and its JSON Schema.

Field names at the top level are a public contract (other tools read them); add, never rename.
Vocabulary values are defined one line each in ``data/vocab/codebook.yaml``; a test keeps the
two in step.
"""

from __future__ import annotations

import re
from datetime import date
from enum import StrEnum
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints

from .fieldspec import FieldSpec, OoniFact, Scoring, collect

SCHEMA_ID = "https://github.com/shutdown-records/shutdown-records/schema/incident.schema.json"

# "YYYY-MM-DD" (day precision) or "YYYY-MM" (month precision), ASCII digits only (`\d` would
# let fullwidth or Arabic-Indic digits through into exports). Calendar validity (no
# 2024-02-30, no year 0000) is a semantic check in validate and a validator in the model.
DATE_PATTERN = r"^[0-9]{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?$"
SLUG_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
SOURCE_ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9._-]*$"
SHA256_PATTERN = r"^[0-9a-f]{64}$"


def _real_date(value: str) -> str:
    """Refuse dates of the right shape that no calendar has (year 0000, 2023-02-29)."""
    parts = [int(p) for p in value.split("-")]
    try:
        date(parts[0], parts[1], parts[2] if len(parts) == 3 else 1)
    except ValueError:
        raise ValueError(f"{value} is not a real date") from None
    return value


def _no_duplicates(values: list[str]) -> list[str]:
    seen = {v.casefold() for v in values}
    if len(seen) != len(values):
        raise ValueError("list has duplicate entries")
    return values


# On a list field's type: a case-insensitive duplicate entry is an error (its FieldSpec is `unique`).
NO_DUPLICATES = AfterValidator(_no_duplicates)

# The STOP (2020-2022) columns that hold `platforms`.
_PLATFORM_COLUMNS = (
    "facebook_affected",
    "twitter_affected",
    "whatsapp_affected",
    "instagram_affected",
    "telegram_affected",
    "other_affected",
    "service_details",
)

PartialDate = Annotated[str, StringConstraints(pattern=DATE_PATTERN), AfterValidator(_real_date)]
NonEmptyStr = Annotated[str, StringConstraints(min_length=1)]


class Kind(StrEnum):
    full_network = "full_network"
    service_block = "service_block"
    throttling = "throttling"


class Network(StrEnum):
    mobile = "mobile"
    fixed = "fixed"


class Scope(StrEnum):
    national = "national"
    regional = "regional"
    local = "local"


class Status(StrEnum):
    ongoing = "ongoing"
    ended = "ended"
    unknown = "unknown"


class AuthorityType(StrEnum):
    executive = "executive"
    state = "state"
    local = "local"
    military = "military"
    law_enforcement = "law_enforcement"
    judiciary = "judiciary"
    non_government = "non_government"
    unknown = "unknown"


class Justification(StrEnum):
    national_security = "national_security"
    public_order = "public_order"
    misinformation = "misinformation"
    hate_speech = "hate_speech"
    exam_cheating = "exam_cheating"
    non_compliance = "non_compliance"
    illegal_content = "illegal_content"
    precautionary = "precautionary"
    technical = "technical"
    other = "other"
    none_given = "none_given"


class Context(StrEnum):
    elections = "elections"
    protests = "protests"
    unrest = "unrest"
    conflict = "conflict"
    coup = "coup"
    exams = "exams"
    religious = "religious"
    other = "other"


class Workaround(StrEnum):
    vpn = "vpn"
    tor = "tor"
    proxy = "proxy"
    alternative_dns = "alternative_dns"
    satellite = "satellite"
    other = "other"


class ReviewStatus(StrEnum):
    draft = "draft"
    reviewed = "reviewed"


class Curation(StrEnum):
    """How a person touched a field; `build` never overwrites either."""

    reviewed = "reviewed"
    edited = "edited"


class ItemCuration(StrEnum):
    """How a person touched one item of a list field; `removed` keeps a rebuild from re-adding it."""

    reviewed = "reviewed"
    edited = "edited"
    removed = "removed"


class _Strict(BaseModel):
    # Unknown keys are errors: a typo such as `contry:` must not pass silently.
    model_config = ConfigDict(extra="forbid", use_enum_values=True)


class Authority(_Strict):
    name: NonEmptyStr = Field(description="Stable English display name, e.g. 'Ministry of Interior'.")
    type: AuthorityType = Field(AuthorityType.unknown, description="STOP's ordered_by category.")


class LegalInstrument(_Strict):
    instrument: NonEmptyStr = Field(description="Law, decree or order invoked, e.g. 'PTA Act'.")
    provision: str | None = Field(None, description="Section or article, when named.")


class CourtChallenge(_Strict):
    court: NonEmptyStr = Field(description="Court that heard a challenge, in English.")
    date: PartialDate | None = None
    petitioners: list[NonEmptyStr] = Field(default_factory=list)
    outcome: str | None = Field(None, description="What the court decided, in a few words.")
    status: str | None = Field(None, description="pending, decided, appealed... as reported.")


class Operator(_Strict):
    name: NonEmptyStr
    asn: int | None = Field(None, ge=0, description="Autonomous system number, when reported.")


class TechnicalReport(_Strict):
    publisher: NonEmptyStr = Field(description="NetBlocks, OONI, IODA, Cloudflare Radar...")
    url: str | None = None


class Statement(_Strict):
    by: NonEmptyStr = Field(description="Who spoke: an authority, the platform, an operator.")
    summary: NonEmptyStr = Field(description="What they said, in a few words.")


class Source(_Strict):
    id: Annotated[str, StringConstraints(pattern=SOURCE_ID_PATTERN)]
    path: str | None = Field(None, description="Text file, relative to the record's folder; offsets index its text.")
    url: str | None = None
    origin: str | None = Field(None, description="Original file the text was extracted from (e.g. an .html page).")
    title: str | None = None
    publisher: str | None = None
    published: PartialDate | None = None
    language: Annotated[str, StringConstraints(pattern=r"^[a-z]{2,3}$")] = Field(
        description="ISO 639 code of the text; `und` when not known (a URL-only source)."
    )
    sha256: Annotated[str, StringConstraints(pattern=SHA256_PATTERN)] | None = Field(
        None,
        description="SHA-256 of the bytes of `path`, so a changed source is caught. Required with "
        "`path`; a URL-only source (no stored text, nothing quotable) has none.",
    )


class Citation(_Strict):
    """One quote supporting one value: `text[start:end] == quote`, code-point offsets."""

    source: Annotated[str, StringConstraints(pattern=SOURCE_ID_PATTERN)]
    quote: NonEmptyStr
    start: int = Field(ge=0, strict=True)  # strict: 149.0 is refused, not read as 149
    end: int = Field(ge=1, strict=True, description="Exclusive end offset.")
    value: Any = Field(
        None,
        description="Which value it supports: required for list items (the item's name) and for "
        "conflicting candidates; defaults to the field's value.",
    )
    note: str | None = Field(None, description="How the value was read, e.g. a resolved relative date.")
    item: str | None = Field(
        None,
        description="For a sub-field's evidence (e.g. `court_challenges.date`): the name of the list "
        "item whose sub-field the quote supports.",
    )


class Candidate(_Strict):
    value: Any
    sources: list[str] = Field(min_length=1)


class Conflict(_Strict):
    """Sources disagree: every candidate is kept with its evidence, and the choice explained."""

    chosen: Any
    reason: NonEmptyStr
    candidates: list[Candidate] = Field(min_length=2)


class ImportedRow(_Strict):
    """One row of another dataset this record was imported from: where it stood, and its cells
    verbatim, so an export gives the row back as it was and a merged record keeps every row."""

    dataset: NonEmptyStr = Field(description="Which dataset's format, e.g. 'stop'.")
    sheet: NonEmptyStr = Field(description="The file's name (no folder), e.g. 'stop-2022.csv'.")
    row: int = Field(ge=2, description="Spreadsheet row number; the header is row 1.")
    layout: NonEmptyStr = Field(description="The sheet's layout, e.g. '2020-2022'.")
    cells: dict[str, str] = Field(default_factory=dict, description="Non-empty cells by header, verbatim.")
    date_order: Literal["day-first", "month-first"] | None = Field(
        None, description="How the sheet's slash dates were read (D/M or M/D); None when it had none."
    )
    problems: list[NonEmptyStr] = Field(
        default_factory=list, description="What the record could not hold; `validate` lists each."
    )


class Incident(_Strict):
    id: Annotated[str, StringConstraints(pattern=SLUG_PATTERN)] = Field(
        description="Slug: country-year-platform, e.g. pk-2024-x."
    )
    title: NonEmptyStr
    summary: str | None = None
    review_status: ReviewStatus = ReviewStatus.draft

    # The core fields: claims about the incident, each declared once here, its type annotated
    # with its registry entry (`FieldSpec`: kind, merge rule, scoring, CSV/STOP/OONI mapping;
    # fields.py's views are what the stages read). Adding a field: docs/architecture.md.
    country: Annotated[
        Annotated[str, StringConstraints(pattern=r"^[A-Z]{2}$")] | None,
        FieldSpec(
            "scalar",
            "scalar",
            always_written=True,
            score=Scoring("exact", "ctry"),
            stop=("country",),
            ooni=OoniFact("Country", 0),
        ),
    ] = Field(None, description="ISO 3166-1 alpha-2.")
    platforms: Annotated[
        list[NonEmptyStr],
        NO_DUPLICATES,
        FieldSpec(
            "set",
            "set",
            always_written=True,
            score=Scoring("set", "plat"),
            stop=_PLATFORM_COLUMNS,
            ooni=OoniFact("Platforms", 4),
        ),
    ] = Field(
        default_factory=list,
        description="Canonical service names; a whole-network shutdown names them only when a source does.",
    )
    kind: Annotated[
        Kind | None,
        FieldSpec(
            "scalar",
            "scalar",
            always_written=True,
            vocabulary=True,
            score=Scoring("exact", "kind"),
            stop=("shutdown_type", "shutdown_extent"),
            ooni=OoniFact("Kind", 3),
        ),
    ] = None
    # Written by the STOP import and by people; shown on kind's OONI line; no CSV column. A
    # rebuild does not keep it (it is not among the `extracted=False` fields): today's behaviour.
    kinds: Annotated[
        list[Kind],
        NO_DUPLICATES,
        FieldSpec("set", "none", vocabulary=True, csv=False, stop=("shutdown_type", "shutdown_extent")),
    ] = Field(
        default_factory=list,
        description="Every kind, when the incident was more than one (STOP's 'Shutdown, Throttle', "
        "'Full network, Service-based'); `kind` is the main one and is among them. [] when one.",
    )
    networks: Annotated[
        list[Network],
        FieldSpec(
            "set",
            "set",
            always_written=True,
            vocabulary=True,
            score=Scoring("set", "netw"),
            stop=("affected_network",),
            ooni=OoniFact("Networks", 5),
        ),
    ] = Field(default_factory=list)
    scope: Annotated[
        Scope | None,
        FieldSpec(
            "scalar",
            "scalar",
            always_written=True,
            vocabulary=True,
            score=Scoring("exact", "scop"),
            stop=("geo_scope", "area_name"),
            ooni=OoniFact("Scope", 6),
        ),
    ] = None
    # Shown on scope's OONI line.
    regions: Annotated[
        list[NonEmptyStr],
        NO_DUPLICATES,
        FieldSpec("set", "set", extracted=False, stop=("geo_scope", "area_name")),
    ] = Field(default_factory=list)
    start_date: Annotated[
        PartialDate | None,
        FieldSpec(
            "date",
            "scalar",
            always_written=True,
            score=Scoring("date", "strt"),
            stop=("start_date", "duration"),
            ooni=OoniFact("Dates", 1),
        ),
    ] = None
    # Shown on start_date's OONI line ("Dates").
    end_date: Annotated[
        PartialDate | None,
        FieldSpec("date", "scalar", always_written=True, score=Scoring("date", "end"), stop=("end_date", "duration")),
    ] = Field(None, description="null while ongoing or unknown.")
    status: Annotated[
        Status,
        FieldSpec(
            "scalar",
            "derived",
            always_written=True,
            vocabulary=True,
            stop=("shutdown_status",),
            ooni=OoniFact("Status", 2),
        ),
    ] = Status.unknown
    ordered_by: Annotated[
        list[Authority],
        FieldSpec(
            "named_list",
            "object",
            item_key="name",
            always_written=True,
            score=Scoring("names", "ordr"),
            stop=("ordered_by", "decision_maker"),
            ooni=OoniFact("Ordered by", 7),
        ),
    ] = Field(default_factory=list)
    justification: Annotated[
        list[Justification],
        FieldSpec(
            "set",
            "set",
            always_written=True,
            vocabulary=True,
            score=Scoring("set", "just"),
            stop=("gov_justification",),
            ooni=OoniFact("Official justification", 8),
        ),
    ] = Field(default_factory=list, description="Official reason.")
    context: Annotated[
        list[Context],
        FieldSpec(
            "set",
            "set",
            always_written=True,
            vocabulary=True,
            score=Scoring("set", "ctxt"),
            stop=("actual_cause", "election"),
            ooni=OoniFact("Context", 9),
        ),
    ] = Field(default_factory=list, description="What surrounded it.")
    legal_basis: Annotated[
        list[LegalInstrument],
        FieldSpec(
            "named_list",
            "object",
            item_key="instrument",
            always_written=True,
            score=Scoring("names", "legl"),
            stop=("legal_just", "legal_method"),
            ooni=OoniFact("Legal basis", 10),
        ),
    ] = Field(default_factory=list)
    court_challenges: Annotated[
        list[CourtChallenge],
        FieldSpec(
            "named_list",
            "object",
            item_key="court",
            always_written=True,
            score=Scoring("names", "crt"),
            ooni=OoniFact("Court challenges", 11),
        ),
    ] = Field(default_factory=list)
    workarounds: Annotated[
        list[Workaround],
        FieldSpec("set", "set", always_written=True, vocabulary=True, score=Scoring("set", "work")),
    ] = Field(default_factory=list)
    acknowledged: Annotated[
        bool | None,
        FieldSpec(
            "scalar",
            "scalar",
            always_written=True,
            score=Scoring("exact", "ackn"),
            stop=("gov_ack",),
            ooni=OoniFact("Officially acknowledged", 12),
        ),
    ] = Field(None, description="Did an authority officially confirm it?")

    operators: Annotated[
        list[Operator],
        FieldSpec(
            "named_list",
            "object",
            item_key="name",
            extracted=False,
            stop=("telcos_involved",),
            ooni=OoniFact("Operators", 13),
        ),
    ] = Field(default_factory=list, description="Affected operators/ISPs.")
    # A finding's own "Technical reports" section and its links.
    technical_reports: Annotated[
        list[TechnicalReport], FieldSpec("named_list", "object", item_key="publisher", extracted=False)
    ] = Field(default_factory=list)
    official_statements: Annotated[
        list[Statement], FieldSpec("named_list", "object", item_key="by", extracted=False)
    ] = Field(default_factory=list)
    platform_response: Annotated[str | None, FieldSpec("scalar", "scalar", extracted=False)] = Field(
        None, description="What the platform said or did."
    )

    sources: list[Source] = Field(default_factory=list)
    evidence: dict[str, list[Citation]] = Field(
        default_factory=dict, description="Field name -> the quotes that support its value(s)."
    )
    conflicts: dict[str, Conflict] = Field(
        default_factory=dict, description="Field name -> the disagreement between sources."
    )
    curation: dict[str, Curation | dict[str, ItemCuration]] = Field(
        default_factory=dict,
        description="Field name -> reviewed/edited by a person (build keeps the whole field); for a "
        "list field also item name -> reviewed/edited/removed (build keeps those items, or keeps a "
        "removed one out, and still adds new candidates for the rest).",
    )
    extra_columns: dict[str, str] = Field(
        default_factory=dict,
        description="Columns of an imported dataset that have no field here (e.g. STOP's econ_impact).",
    )
    imported_rows: list[ImportedRow] = Field(
        default_factory=list, description="The dataset rows this record was imported from (provenance)."
    )


# The field registry: each core field's `FieldSpec`, in model order (read through fields.py).
FIELDS: tuple[FieldSpec, ...] = collect(Incident, NO_DUPLICATES)

# Fields whose every value must be cited in `evidence`. Free text a person writes about the
# record (id, title, summary) and the bookkeeping fields are not claims about the incident.
# These lists are read from the field registry (fields.py), which describes each field once.
EVIDENCED_FIELDS: tuple[str, ...] = tuple(f.name for f in FIELDS if f.evidenced)

# Which key of a list item names it in a citation's `value`.
ITEM_KEYS: dict[str, str] = {f.name: f.item_key for f in FIELDS if f.item_key}

# Sub-fields of list items that are claims too: cited under `evidence["court_challenges.date"]`
# with `item` naming the court and `value` the date (one citation per petitioner).
CITED_SUBFIELDS: dict[str, tuple[str, ...]] = {"court_challenges": ("date", "petitioners")}
# Sub-fields that may be cited but need not be (a few words a person may write themselves).
OPTIONAL_CITED_SUBFIELDS: dict[str, tuple[str, ...]] = {"court_challenges": ("outcome", "status")}

LIST_FIELDS: frozenset[str] = frozenset(f.name for f in FIELDS if f.is_list)


def item_label(field: str, item: Any) -> str:
    """The string a citation's `value` uses for one item of a list field."""
    if isinstance(item, dict):
        return str(item.get(ITEM_KEYS.get(field, "name"), ""))
    if isinstance(item, BaseModel):
        return str(getattr(item, ITEM_KEYS.get(field, "name"), ""))
    return str(item)


def values_needing_evidence(field: str, value: Any) -> list[str]:
    """The labels of a field's value that each need a citation; [] when there is nothing to cite.

    `status: ended` is implied by a cited end_date and `unknown` claims nothing, so only
    `ongoing` needs its own quote.
    """
    if value is None or value == [] or value == "":
        return []
    if field == "status":
        return ["ongoing"] if value == "ongoing" else []
    if isinstance(value, list):
        return [item_label(field, item) for item in value]
    if isinstance(value, bool):
        return [str(value).lower()]
    return [str(value)]


def slugify(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
