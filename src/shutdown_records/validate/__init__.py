"""`shutdown-records validate` as a library: check records, get a result object, render it.

from shutdown_records.validate import validate_paths
result = validate_paths(["records/"])
for problem in result.problems:
    print(problem.path, problem.line, problem.code, problem.message)
"""

from __future__ import annotations

from .codes import CODES
from .reporters import REPORTERS, Reporter
from .result import Problem, RecordResult, Severity, ValidationResult
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
