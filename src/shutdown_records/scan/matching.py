"""Which known record (from --records) an incident is, if any.

Records are untrusted (they arrive as pull requests): only regular `.yaml`/`.yml` files under
the folder are read (no symlinks), each under the size cap, and a source a record names is
used only when it resolves to a regular file inside that folder.
"""

from __future__ import annotations

import os
import re
import stat
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from ..errors import ShutdownRecordsError
from ..model import SLUG_PATTERN
from .grouping import WINDOW_DAYS, Group, parse_day

MAX_SOURCE_BYTES = 20 << 20


@dataclass
class KnownRecord:
    path: Path
    data: dict[str, Any]
    shas: set[str] = field(default_factory=set)

    @property
    def id(self) -> str:
        """The record's id when it is a safe slug (it names the update's file), else its file stem."""
        rid = str(self.data.get("id") or "")
        return rid if re.fullmatch(SLUG_PATTERN, rid) else self.path.stem


def load_records(root: Path) -> tuple[list[KnownRecord], list[str]]:
    """Every readable record under `root` (sorted by path), and problems with the others."""
    from ..yamlio import read_record_file  # noqa: PLC0415

    records: list[KnownRecord] = []
    problems: list[str] = []
    for path in sorted(root.rglob("*")):
        if path.suffix.lower() not in (".yaml", ".yml") or path.name.startswith("."):
            continue
        if path.is_symlink() or not path.is_file():
            problems.append(f"{path}: not a regular file (symlinks are not followed); skipped")
            continue
        try:
            data = read_record_file(path)
        except ShutdownRecordsError as err:
            problems.append(f"{err}; skipped")
            continue
        if not isinstance(data, dict) or not data.get("country"):
            continue  # not a record (a config file, a manifest)
        shas = {str(s.get("sha256")) for s in data.get("sources") or [] if isinstance(s, dict) and s.get("sha256")}
        records.append(KnownRecord(path=path, data=data, shas=shas))
    return records, problems


def _window(record: dict[str, Any]) -> tuple[date | None, date | None]:
    start = parse_day(str(record.get("start_date") or "")) if record.get("start_date") else None
    end = parse_day(str(record.get("end_date") or "")) if record.get("end_date") else None
    return start, end


def match(group: Group, records: list[KnownRecord], shas: set[str]) -> KnownRecord | None:
    """The record this incident is: one already citing one of its articles, else the same
    country (one the incident may be in) with shared platforms (or both network-wide) and
    dates that overlap."""
    for record in records:
        if record.shas & shas:
            return record
    best: KnownRecord | None = None
    for record in records:
        data = record.data
        if group.country is None or data.get("country") not in (group.countries or {group.country}):
            continue  # an incident whose articles say only "Congo" may be either Congo's record
        platforms = set(data.get("platforms") or [])
        if platforms and group.platforms and not (platforms & group.platforms):
            continue
        if bool(platforms) != bool(group.platforms):
            continue
        start, end = _window(data)
        window = timedelta(days=WINDOW_DAYS)
        if group.first and start:
            upper = (end + window) if end else None
            if group.last and group.last < start - window:
                continue
            if upper and group.first > upper:
                continue
        if best is None or (best.data.get("country") != group.country and data.get("country") == group.country):
            best = record  # the first that fits, the incident's likelier country first
    return best


def confined_source(record: KnownRecord, root: Path, written: str) -> Path | None:
    """The source file a record names, if it is a regular file inside `root`; else None."""
    try:
        candidate = (record.path.parent / written).resolve()
        if not candidate.is_relative_to(root.resolve()):
            return None
        info = os.lstat(record.path.parent / written)
        if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_SOURCE_BYTES:
            return None
    except (OSError, ValueError):
        return None
    return candidate
