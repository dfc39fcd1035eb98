"""Building one incident's record: a draft from its articles, or an update of a known record.

A picklable task in, the record out, so the builds of many incidents run on the same engine as
the reading (local processes or Dask workers). The task carries the source texts, not paths:
a worker of a remote cluster need not see the scanning machine's disk.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..yamlio import dump_yaml


@dataclass(frozen=True)
class BuildTask:
    folder: str  # "drafts" or "updates"
    name: str  # the record file's stem ("draft" until the builder names a new incident)
    sources: tuple[tuple[str, bytes], ...]  # (file name under sources/, exact bytes), old ones first
    existing: dict[str, Any] | None = None  # the known record, its source paths pointing at sources/


def build_incident(task: BuildTask) -> dict[str, Any]:
    """{"record": ..., "yaml": its text} or {"error": one line}: laid out as OUT/<folder>/ will be, so the source
    paths the builder writes ("sources/NAME") are the final ones."""
    from ..extraction import build_record  # noqa: PLC0415
    from ..validate.checks_semantic import drop_impossible_start  # noqa: PLC0415

    try:
        with tempfile.TemporaryDirectory(prefix="scan-build-") as tmp:
            folder = Path(tmp) / task.folder
            (folder / "sources").mkdir(parents=True)
            paths = []
            for name, data in task.sources:
                path = folder / "sources" / name
                path.write_bytes(data)
                paths.append(path)
            built = build_record(paths, record_path=folder / f"{task.name}.yaml", existing=task.existing)
            drop_impossible_start(built.record)  # as `build` writes it
            # dumped here, on the worker: the scanning process only writes the text
            return {"record": built.record, "yaml": dump_yaml(built.record)}
    except Exception as err:  # noqa: BLE001 - pydantic's ValidationError for a bad known record, etc.
        lines = str(err).strip().splitlines()
        return {"error": f"{type(err).__name__}: {lines[0] if lines else ''}"}
