"""What a validation run found: problems with a place, per record, and the totals.

The checker fills these; reporters only read them. Everything here is plain, picklable data
so worker processes can hand results back to the parent.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any


class Severity(StrEnum):
    error = "error"
    warning = "warning"


@dataclass(frozen=True, slots=True)
class Problem:
    """One problem at `path:line:column`, in `field` (a dotted path such as `evidence.kind[0].quote`)."""

    path: str
    line: int
    column: int
    field: str
    code: str
    message: str

    @property
    def severity(self) -> Severity:
        return Severity.warning if self.code.startswith("W") else Severity.error

    def sort_key(self) -> tuple[int, int, str, str]:
        return (self.line, self.column, self.field, self.code)

    def as_dict(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "field": self.field,
            "severity": str(self.severity),
            "code": self.code,
            "message": self.message,
        }


@dataclass(slots=True)
class RecordResult:
    """The problems of one record file, sorted by line."""

    path: str
    record_id: str | None
    problems: list[Problem] = field(default_factory=list)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity is Severity.error]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity is Severity.warning]

    def is_valid(self, strict: bool = False) -> bool:
        """Warnings only fail a record under --strict."""
        return not self.problems if strict else not self.errors


@dataclass(slots=True)
class ValidationResult:
    """Every record checked, in the order the files were given (folders sorted)."""

    records: list[RecordResult]
    strict: bool = False

    @property
    def problems(self) -> list[Problem]:
        """All problems, by file (in the order checked), then line and column."""
        return [p for record in self.records for p in record.problems]

    @property
    def records_checked(self) -> int:
        return len(self.records)

    @property
    def valid_count(self) -> int:
        return sum(1 for r in self.records if r.is_valid(self.strict))

    @property
    def error_count(self) -> int:
        return sum(len(r.errors) for r in self.records)

    @property
    def warning_count(self) -> int:
        return sum(len(r.warnings) for r in self.records)

    @property
    def ok(self) -> bool:
        return self.valid_count == self.records_checked

    def summary(self) -> str:
        return (
            f"{_count(self.records_checked, 'record')} checked, {self.valid_count} valid, "
            f"{_count(self.error_count, 'error')}, {_count(self.warning_count, 'warning')}"
        )

    def as_dict(self) -> dict[str, Any]:
        return {
            "records_checked": self.records_checked,
            "valid": self.valid_count,
            "errors": self.error_count,
            "warnings": self.warning_count,
            "strict": self.strict,
            "ok": self.ok,
            "records": [{"path": r.path, "id": r.record_id, "valid": r.is_valid(self.strict)} for r in self.records],
            "problems": [p.as_dict() for p in self.problems],
        }


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"
