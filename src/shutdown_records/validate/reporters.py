"""Rendering a ValidationResult: text for people, JSON for scripts, annotations for GitHub.

A new output format is one Reporter subclass plus one entry in REPORTERS.
"""

from __future__ import annotations

import json
from abc import ABC, abstractmethod
from typing import TextIO

from ..safetext import escape_controls, printable
from .codes import title
from .result import Problem, Severity, ValidationResult


class Reporter(ABC):
    """Writes a result to `stream`; `quiet` leaves out everything but the problems."""

    def __init__(self, stream: TextIO, *, quiet: bool = False) -> None:
        self.stream = stream
        self.quiet = quiet

    @abstractmethod
    def report(self, result: ValidationResult) -> None: ...

    def _line(self, text: str) -> None:
        self.stream.write(text + "\n")


class TextReporter(Reporter):
    """`path:line:column: field: message [E201]`, `... field: warning: message [W204]`, then a summary.

    Control characters from the record (a path or id with a newline or ESC) are escaped, so a
    record cannot forge a line in a CI log or rewrite the terminal.
    """

    def report(self, result: ValidationResult) -> None:
        for problem in result.problems:
            self._line(printable(format_problem(problem)))
        if not self.quiet:
            self._line(result.summary())


class JsonReporter(Reporter):
    """One JSON object: totals, each record's verdict, every problem. `quiet` does not apply."""

    def report(self, result: ValidationResult) -> None:
        self._line(json.dumps(result.as_dict(), ensure_ascii=False, indent=2))


class GithubReporter(Reporter):
    """GitHub Actions workflow commands, so problems show on the pull request's lines."""

    def report(self, result: ValidationResult) -> None:
        for problem in result.problems:
            kind = "warning" if problem.severity is Severity.warning else "error"
            properties = ",".join(
                f"{key}={_escape_property(value)}"
                for key, value in (
                    ("file", problem.path),
                    ("line", str(problem.line)),
                    ("col", str(problem.column)),
                    ("title", f"{problem.code} {title(problem.code)}: {problem.field}"),
                )
            )
            self._line(f"::{kind} {properties}::{_escape_data(problem.message)}")
        if not self.quiet:
            self._line(result.summary())


REPORTERS: dict[str, type[Reporter]] = {
    "text": TextReporter,
    "json": JsonReporter,
    "github": GithubReporter,
}


def format_problem(problem: Problem) -> str:
    warning = "warning: " if problem.severity is Severity.warning else ""
    return (
        f"{problem.path}:{problem.line}:{problem.column}: {problem.field}: {warning}{problem.message} [{problem.code}]"
    )


def _escape_data(text: str) -> str:
    """GitHub's own escapes for `%`, CR and LF, then any other control character made visible.

    A raw ESC would reach the log viewer and the terminal of whoever reads the raw log.
    """
    return escape_controls(text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"))


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")
