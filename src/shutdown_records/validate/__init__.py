"""`shutdown-records validate` as a library: check records, get a result object, render it.

from shutdown_records.validate import validate_paths
result = validate_paths(["records/"])
for problem in result.problems:
    print(problem.path, problem.line, problem.code, problem.message)
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .codes import CODES
from .result import Problem, RecordResult, Severity, ValidationResult

if TYPE_CHECKING:
    from .reporters import REPORTERS, Reporter
    from .runner import validate_paths

__all__ = [
    "CODES",
    "REPORTERS",
    "Problem",
    "RecordResult",
    "Reporter",
    "Severity",
    "ValidationResult",
    "validate_paths",
]


def __getattr__(name: str) -> Any:
    # Lazy, so `build` (which asks one check of `checks_semantic`) does not import the
    # runner and its JSON Schema validator (jsonschema: a tenth of a build's start-up).
    if name == "validate_paths":
        from .runner import validate_paths  # noqa: PLC0415

        return validate_paths
    if name in ("REPORTERS", "Reporter"):
        from . import reporters  # noqa: PLC0415

        return getattr(reporters, name)
    raise AttributeError(name)
