"""Atomic file replacement: readers see the old file or the complete new one, never half.

Every command that writes over a user's file (build, import, export, schema) goes through
`atomic_open`, so a crash, a full disk or Ctrl-C leaves what was there untouched.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TextIO

from .errors import OutputError


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


@contextmanager
def atomic_open(path: Path, newline: str | None = "\n") -> Iterator[TextIO]:
    """Stream into a temporary file beside `path`; rename it over `path` only on success.

    `newline=""` lets CSV writers choose their own line endings.
    """
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except (FileExistsError, NotADirectoryError):
        raise OutputError("a file stands where the output's folder should be", place=str(path.parent)) from None
    except OSError as err:  # permission denied, read-only file system, disk full: nothing written
        raise OutputError(err.strerror or str(err), place=str(err.filename or path.parent)) from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline=newline) as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes 0600; match a normally created file
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise


def write_atomic(path: Path, text: str) -> None:
    """Write the whole text at once, atomically."""
    with atomic_open(path) as handle:
        handle.write(text)


class ChangedOnDisk(OSError):
    """The file is no longer what the command read: someone saved it meanwhile."""


def file_sha256(path: Path) -> str | None:
    """SHA-256 of a file's bytes, or None when it does not exist (the ETag of a record)."""
    import hashlib  # noqa: PLC0415 - only the guarded writers need it

    try:
        return hashlib.sha256(Path(path).read_bytes()).hexdigest()
    except FileNotFoundError:
        return None


def write_atomic_if_unchanged(path: Path, text: str, expected_sha256: str | None) -> None:
    """Write atomically, but only if `path` still holds the bytes that hashed to `expected_sha256`.

    A person may save the record in an editor while a build or a review runs over it: their
    save must win, not be silently overwritten. The check runs just before the rename, after
    the new text is safely on disk in a temporary file; `None` means "the file must not exist".
    """
    path = Path(path)
    with atomic_open(path) as handle:
        handle.write(text)
        handle.flush()
        if file_sha256(path) != expected_sha256:
            raise ChangedOnDisk(f"{path} changed on disk while this command ran; nothing written")
