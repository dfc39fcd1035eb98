"""A mirror of the request model OONI's findings API validates a new finding with.

Read from ooni/backend, file ooniapi/services/oonifindings/src/oonifindings/routers/v1.py
(stored version with `finding_slug` and `themes`, PostgreSQL-backed): `OONIFindingId`
(`incident_id`, alias `id`), `OONIFindingWithMail` (`email_address`), `OONIFinding` (the
fields below and the validator `check_time_difference`: end_time not before start_time),
`OONIFindingWithText` (`text`; `check_empty` on title and text) and
`OONIFindingCreateUpdate(OONIFindingWithText)`. Their base, ooniapi/common/src/common/routers.py,
is pydantic's BaseModel with only JSON encoders configured, so OONI ignores unknown keys; this
mirror forbids them, to catch a key OONI would silently drop. The create endpoint
(`create_oonifinding`) also refuses an `email_address` other than the caller's; we check it
is set when the export was asked for one.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, ValidationInfo, field_validator


class OONIFindingCreateUpdate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    incident_id: str | None = Field(alias="id", default=None)
    email_address: str = Field(default="")
    title: str
    short_description: str = Field(default="")
    slug: str | None = Field(default=None)
    start_time: datetime
    create_time: datetime | None = Field(default=None)
    update_time: datetime | None = Field(default=None)
    end_time: datetime | None = Field(default=None)
    reported_by: str = Field(default="")
    creator_account_id: str | None = Field(default="")
    published: bool = Field(default=False)
    event_type: str = Field(default="")
    ASNs: list[int] = Field(default=[])
    CCs: list[str] = Field(default=[])
    themes: list[str] = Field(default=[])
    tags: list[str] = Field(default=[])
    test_names: list[str] = Field(default=[])
    domains: list[str] = Field(default=[])
    links: list[str] = Field(default=[])
    mine: bool | None = Field(default=False)
    text: str

    @field_validator("end_time")
    @classmethod
    def check_time_difference(cls, end_time: datetime, info: ValidationInfo) -> datetime:
        start_time = info.data.get("start_time")
        if end_time and start_time:
            if (end_time.replace(microsecond=0) - start_time.replace(microsecond=0)).total_seconds() < 0:
                raise ValueError("invalid start and end time")
        return end_time

    @field_validator("title", "text")
    @classmethod
    def check_empty(cls, v: str) -> str:
        if not v:
            raise ValueError("field cannot be empty")
        return v


def ooni_problem(item: dict[str, Any]) -> str | None:
    """Why OONI's create endpoint would refuse this finding, or None."""
    try:
        OONIFindingCreateUpdate.model_validate(item)
    except ValidationError as err:
        first = err.errors()[0]
        return f"{'.'.join(str(p) for p in first['loc'])}: {first['msg']}"
    if item.get("published"):
        return "published: a create request must not publish"
    return None


def rejected_findings(records: list[Any], email_address: str = "editor@example.org") -> list[tuple[str, str]]:
    """(record id, why) for each record whose finding OONI's request model refuses."""
    from shutdown_records.export.ooni import finding

    rejected = []
    for record in records:
        try:
            item = finding(record, "shutdown-records", email_address)
        except Exception as err:  # a record the export refuses is a rejected finding too
            rejected.append((record.id, str(err)))
            continue
        problem = ooni_problem(item)
        if problem:
            rejected.append((record.id, problem))
    return rejected
