"""Import real STOP sheets, export each back with `--like`, and print the figures (issue 8).

    python bench/stop_round_trip.py ../shared/stop/*.csv

Per sheet: rows, what import did with each (imported, merged, already there, kept, failed,
drafts with problems), and how many rows come back intact through `export --format stop
--like SHEET` (every cell equal after trimming spaces; date cells equal as dates), plus
OONI findings of the records that OONI's request model would refuse (checked against the
mirror in tests/ooni_model.py). Each sheet is imported into its own empty folder, then all
of them into one folder (where rows of the same incident in two sheets merge).
"""

from __future__ import annotations

import argparse
import csv
import io
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from ooni_model import rejected_findings  # noqa: E402

from shutdown_records.export import export_records  # noqa: E402
from shutdown_records.importer import import_stop, read_sheet  # noqa: E402
from shutdown_records.importer.dates import parse_date  # noqa: E402
from shutdown_records.importer.sheet import header_key  # noqa: E402
from shutdown_records.records import iter_record_files, load_record  # noqa: E402

DATE_KEYS = {"start_date", "end_date"}


def comparable(row: dict[str, str], order: str | None) -> tuple[tuple[str, str], ...]:
    """A row as compared: cells trimmed, date cells as ISO dates when they are dates."""
    out = []
    for header, cell in row.items():
        cell = (cell or "").strip()
        if header_key(header) in DATE_KEYS and cell:
            try:
                cell = parse_date(cell, order)
            except ValueError:
                pass
        out.append((header, cell))
    return tuple(sorted(out))


def round_trip(sheet_path: Path, work: Path) -> dict[str, object]:
    """Import one sheet into an empty folder and export it back like itself."""
    result = import_stop(sheet_path, work / "records")
    back = work / "back.csv"
    export_records([work / "records"], "stop", back, like=str(sheet_path))
    sheet = read_sheet(sheet_path)
    original = Counter(
        comparable(dict(zip(sheet.header, [cells.get(h, "") for h in sheet.header], strict=False)), result.date_order)
        for _, cells in sheet.rows
    )
    text = back.read_text(encoding="utf-8")
    returned = Counter(comparable(r, result.date_order) for r in csv.DictReader(io.StringIO(text, newline="")))
    intact = sum((original & returned).values())
    records = [load_record(p) for p in iter_record_files([work / "records"])]
    return {
        "result": result,
        "intact": intact,
        "rows": len(sheet.rows),
        "records": len(records),
        "ooni_rejected": rejected_findings(records),
    }


def main(paths: list[str]) -> int:
    sheets = [Path(p) for p in paths]
    ok = True
    with tempfile.TemporaryDirectory() as tmp:
        for number, path in enumerate(sheets):
            figures = round_trip(path, Path(tmp) / f"sheet-{number}")
            result = figures["result"]
            accounted = (
                len(result.written)
                + len(result.merged)
                + len(result.unchanged)
                + len(result.kept_existing)
                + len(result.errors)
            )
            print(
                f"{path.name}: {figures['rows']} rows, {result.layout} layout; imported {len(result.written)}, "
                f"merged {len(result.merged)}, failed {len(result.errors)} (accounted {accounted}/{figures['rows']}); "
                f"{len(result.problems)} drafts with problems; back intact {figures['intact']}/{figures['rows']}; "
                f"OONI findings rejected {len(figures['ooni_rejected'])}/{figures['records']}"
            )
            ok &= accounted == figures["rows"] and figures["intact"] == figures["rows"] and not figures["ooni_rejected"]
        together = Path(tmp) / "together"
        merged = 0
        for path in sheets:
            merged += len(import_stop(path, together).merged)
        count = len(list(iter_record_files([together])))
        print(f"all sheets into one folder: {count} records, {merged} rows merged into a record of another sheet")
    return 0 if ok else 1


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("sheets", nargs="+", help="STOP sheets (.csv), e.g. ../shared/stop/*.csv")
    raise SystemExit(main(parser.parse_args().sheets))
