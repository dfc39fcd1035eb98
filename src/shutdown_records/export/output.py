"""Streaming output that is either stdout or an atomically replaced file (see atomic.py)."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TextIO

from ..atomic import atomic_open


@contextmanager
def open_output(path: Path | None, stream: TextIO | None = None) -> Iterator[TextIO]:
    """Yield a text stream; for a path, readers see the old file or the complete new one.

    The file is opened with newline="" so CSV writers choose their own line endings.
    """
    if path is None:
        yield stream if stream is not None else sys.stdout
        return
    with atomic_open(Path(path), newline="") as handle:
        yield handle
