"""Named errors the CLI turns into one-line messages, and the documented exit codes."""

from __future__ import annotations

EXIT_OK = 0  # everything given was valid / built / written
EXIT_INVALID = 1  # a record is invalid, or a build/export/import could not complete
EXIT_USAGE = 2  # bad command line: unknown option, missing path, unknown format
EXIT_PARTIAL = 3  # finished, but some inputs (sources, rows) were unreadable and skipped
EXIT_OUTPUT = 4  # nothing written: the output may not be replaced (an input, a symlink, not ours) or the OS refused
EXIT_INTERRUPTED = 130  # stopped by Ctrl-C (SIGINT); 143 for SIGTERM. Temporary files are removed
EXIT_INTERNAL = 70  # a bug: an unexpected exception, reported in one line, never a traceback


class ShutdownRecordsError(Exception):
    """An error with a place and a fix, printed as `place: message` and mapped to an exit code."""

    exit_code = EXIT_INVALID

    def __init__(self, message: str, *, place: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.place = place

    def __str__(self) -> str:
        return f"{self.place}: {self.message}" if self.place else self.message


class UsageError(ShutdownRecordsError):
    exit_code = EXIT_USAGE


class InputError(ShutdownRecordsError):
    """A file we were given cannot be read as what it claims to be."""


class RecordFormatError(InputError):
    """A YAML record cannot be parsed; `place` is `path:line:column`.

    `code` is validate's stable code for the refusal: it belongs to the type, so rewording a
    message never changes a code (docs/validate.md lists them).
    """

    code = "E004"  # not valid YAML (syntax, a merge key, a key that is not a string...)


class RecordUnreadableError(RecordFormatError):
    """The record file cannot be read (missing, a folder, a symlink, a device...)."""

    code = "E001"


class RecordNotUtf8Error(RecordFormatError):
    code = "E002"


class RecordTooLargeError(RecordFormatError):
    code = "E003"


class DuplicateKeyError(RecordFormatError):
    """A mapping names one key twice: YAML would silently keep the last."""

    code = "E005"


class OutputError(ShutdownRecordsError):
    """The output cannot or may not be written: it is an input, a symlink, not ours, or the OS refused."""

    exit_code = EXIT_OUTPUT
