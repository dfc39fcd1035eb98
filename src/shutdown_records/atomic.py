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
