"""Import records from other datasets: `import_stop` reads an Access Now STOP sheet (csv).

    from shutdown_records.importer import import_stop
    result = import_stop(Path("stop-2021.csv"), Path("records/"))
"""

from __future__ import annotations

from .stop import ImportResult, import_stop, read_stop_rows, row_to_incident

__all__ = ["ImportResult", "import_stop", "read_stop_rows", "row_to_incident"]
