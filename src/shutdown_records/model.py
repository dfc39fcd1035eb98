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

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints, field_validator

from . import fields

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

    country: Annotated[str, StringConstraints(pattern=r"^[A-Z]{2}$")] | None = Field(
        None, description="ISO 3166-1 alpha-2."
    )
    platforms: list[NonEmptyStr] = Field(
        default_factory=list,
        description="Canonical service names; a whole-network shutdown names them only when a source does.",
    )
    kind: Kind | None = None
    kinds: list[Kind] = Field(
        default_factory=list,
        description="Every kind, when the incident was more than one (STOP's 'Shutdown, Throttle', "
        "'Full network, Service-based'); `kind` is the main one and is among them. [] when one.",
    )
    networks: list[Network] = Field(default_factory=list)
    scope: Scope | None = None
    regions: list[NonEmptyStr] = Field(default_factory=list)
    start_date: PartialDate | None = None
    end_date: PartialDate | None = Field(None, description="null while ongoing or unknown.")
    status: Status = Status.unknown
    ordered_by: list[Authority] = Field(default_factory=list)
    justification: list[Justification] = Field(default_factory=list, description="Official reason.")
    context: list[Context] = Field(default_factory=list, description="What surrounded it.")
    legal_basis: list[LegalInstrument] = Field(default_factory=list)
    court_challenges: list[CourtChallenge] = Field(default_factory=list)
    workarounds: list[Workaround] = Field(default_factory=list)
    acknowledged: bool | None = Field(None, description="Did an authority officially confirm it?")

    operators: list[Operator] = Field(default_factory=list, description="Affected operators/ISPs.")
    technical_reports: list[TechnicalReport] = Field(default_factory=list)
    official_statements: list[Statement] = Field(default_factory=list)
    platform_response: str | None = Field(None, description="What the platform said or did.")

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

    @field_validator(*(f.name for f in fields.FIELDS if f.unique))
    @classmethod
    def _no_duplicates(cls, values: list[str]) -> list[str]:
        seen = {v.casefold() for v in values}
        if len(seen) != len(values):
            raise ValueError("list has duplicate entries")
        return values


# Fields whose every value must be cited in `evidence`. Free text a person writes about the
# record (id, title, summary) and the bookkeeping fields are not claims about the incident.
# These lists are read from the field registry (fields.py), which describes each field once.
EVIDENCED_FIELDS: tuple[str, ...] = fields.names(evidenced=True)

# Which key of a list item names it in a citation's `value`.
ITEM_KEYS: dict[str, str] = {f.name: f.item_key for f in fields.FIELDS if f.item_key}

# Sub-fields of list items that are claims too: cited under `evidence["court_challenges.date"]`
# with `item` naming the court and `value` the date (one citation per petitioner).
CITED_SUBFIELDS: dict[str, tuple[str, ...]] = {"court_challenges": ("date", "petitioners")}
# Sub-fields that may be cited but need not be (a few words a person may write themselves).
OPTIONAL_CITED_SUBFIELDS: dict[str, tuple[str, ...]] = {"court_challenges": ("outcome", "status")}

LIST_FIELDS: frozenset[str] = frozenset(fields.names(lists=True))


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
