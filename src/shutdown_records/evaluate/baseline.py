"""Score floors: a baseline file pins the lowest acceptable scores, so a change that lowers
extraction quality fails the gate unless someone lowers a floor on purpose.

The file (JSON) holds the overall mean, the per-field means and the per-incident scores of a
run, each rounded DOWN to two decimals, so the run that wrote it always passes its own check.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..yamlio import write_atomic
from .corpus import CorpusResult

# A score equal to its floor passes even after float noise (0.7 stored as 0.69999...).
EPSILON = 1e-6
BASELINE_FORMAT = 1


def floor_down(value: float, places: int = 2) -> float:
    """Round down to `places` decimals (0.6789 -> 0.67), tolerant of float noise (0.29 stays 0.29)."""
    factor = 10**places
    return math.floor(value * factor + 1e-7) / factor


def baseline_from(result: CorpusResult) -> dict[str, Any]:
    """The floors a run sets: its scores rounded down."""
    overall = result.overall
    return {
        "format": BASELINE_FORMAT,
        "about": "Score floors for `shutdown-records eval`; raise them with --write-baseline (docs/eval.md).",
        "overall": floor_down(overall) if overall is not None else None,
        "fields": {name: floor_down(mean) for name, mean in result.field_means().items()},
        "incidents": {
            r.id: floor_down(r.score) for r in result.incidents if r.score is not None
        },
    }


def write_baseline(path: Path, result: CorpusResult) -> dict[str, Any]:
    data = baseline_from(result)
    write_atomic(Path(path), json.dumps(data, indent=2, ensure_ascii=False) + "\n")
    return data


def summarize_floors(data: dict[str, Any]) -> str:
    """One line: how many floors a baseline holds and its overall floor."""
    return (
        f"overall floor {data.get('overall')}, {len(data.get('fields', {}))} field floors, "
        f"{len(data.get('incidents', {}))} incident floors"
    )


def load_baseline(path: Path) -> dict[str, Any]:
    """Read a baseline file, naming what is wrong with it in one line."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as err:
        raise InputError(f"cannot read baseline: {err.strerror}", place=str(path)) from None
    except json.JSONDecodeError as err:
        raise InputError(f"not valid JSON: {err.msg}", place=f"{path}:{err.lineno}:{err.colno}") from None
    if not isinstance(data, dict):
        raise InputError("a baseline is a JSON object with overall, fields and incidents", place=str(path))
    for key in ("fields", "incidents"):
        section = data.get(key, {})
        if not isinstance(section, dict) or not all(
            isinstance(v, (int, float)) and not isinstance(v, bool) for v in section.values()
        ):
            raise InputError(f"`{key}` must map names to numbers (floors between 0 and 1)", place=str(path))
    overall = data.get("overall")
    if overall is not None and (not isinstance(overall, (int, float)) or isinstance(overall, bool)):
        raise InputError("`overall` must be a number between 0 and 1", place=str(path))
    return data


@dataclass(frozen=True)
class Drop:
    """A score below its floor."""

    what: str  # "overall", "field start_date", "incident br-2024-x"
    score: float | None
    floor: float

    def __str__(self) -> str:
        shown = "missing" if self.score is None else f"{self.score:.3f}"
        return f"{self.what}: {shown} is below the floor {self.floor:.2f}"


def _below(score: float | None, floor: float) -> bool:
    return score is None or score + EPSILON < floor


def check_baseline(result: CorpusResult, baseline: dict[str, Any], *, incidents_only: bool = False) -> list[Drop]:
    """Every score under its floor. With `incidents_only` (a run over some incidents), the
    corpus-wide means are not comparable, so only the per-incident floors of the incidents run apply."""
    drops: list[Drop] = []
    scored = {r.id: r.score for r in result.incidents}
    if not incidents_only:
        overall = baseline.get("overall")
        if overall is not None and _below(result.overall, overall):
            drops.append(Drop("overall", result.overall, overall))
        means = result.field_means()
        for name, floor in baseline.get("fields", {}).items():
            if _below(means.get(name), floor):
                drops.append(Drop(f"field {name}", means.get(name), floor))
    for incident_id, floor in baseline.get("incidents", {}).items():
        if incidents_only and incident_id not in scored:
            continue
        if _below(scored.get(incident_id), floor):
            drops.append(Drop(f"incident {incident_id}", scored.get(incident_id), floor))
    return drops
