"""Streaming output that is either stdout or an atomically replaced file.

`yamlio.write_atomic` needs the whole text up front; an export of 10,000 records is written
row by row, so this opens the temporary file, lets the writer stream into it, and renames it
over the target only when everything was written.
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TextIO


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


@contextmanager
def open_output(path: Path | None, stream: TextIO | None = None) -> Iterator[TextIO]:
    """Yield a text stream; for a path, readers see the old file or the complete new one.

    The file is opened with newline="" so CSV writers choose their own line endings.
    """
    if path is None:
        yield stream if stream is not None else sys.stdout
        return
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
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
