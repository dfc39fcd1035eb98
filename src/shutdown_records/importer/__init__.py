"""Import records from other datasets: `import_stop` reads an Access Now STOP sheet (csv).

from shutdown_records.importer import import_stop
result = import_stop(Path("stop-2021.csv"), Path("records/"))
print(result.summary(Path("stop-2021.csv")))
"""

from __future__ import annotations

from .sheet import read_sheet
from .stop import ImportResult, import_stop, row_to_incident

__all__ = ["ImportResult", "import_stop", "read_sheet", "row_to_incident"]
