"""Score floors: a baseline file pins the lowest acceptable scores, so a change that lowers
extraction quality fails the gate unless someone lowers a floor on purpose.

The file (JSON) holds the overall mean, the per-field means and the per-incident scores of a
run, each rounded DOWN to two decimals, so the run that wrote it always passes its own check,
and the digest of the corpus (and split) they were measured on: floors checked against another
corpus report that the corpus changed instead of comparing numbers that mean nothing there.
Rewriting a file never lowers a floor unless asked to (`allow_lower`).
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import InputError, ShutdownRecordsError
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
        "corpus_digest": result.digest,
        "split": result.split,
        "corpus_incidents": len(result.incidents),
        "overall": floor_down(overall) if overall is not None else None,
        "fields": {name: floor_down(mean) for name, mean in result.field_means().items()},
        "incidents": {r.id: floor_down(r.score) for r in result.incidents if r.score is not None},
    }


class FloorsLowered(ShutdownRecordsError):
    """Writing the floors would lower some of them, and lowering was not asked for."""


def lowered_floors(old: dict[str, Any], new: dict[str, Any]) -> list[str]:
    """Each floor of `old` that `new` lowers or drops, as `what: old -> new`."""
    out: list[str] = []
    if isinstance(old.get("overall"), (int, float)) and not (
        isinstance(new.get("overall"), (int, float)) and new["overall"] + EPSILON >= old["overall"]
    ):
        out.append(f"overall: {old['overall']} -> {new.get('overall')}")
    for section, label in (("fields", "field"), ("incidents", "incident")):
        for name, floor in (old.get(section) or {}).items():
            value = (new.get(section) or {}).get(name)
            if value is None:
                out.append(f"{label} {name}: {floor} -> removed")
            elif value + EPSILON < floor:
                out.append(f"{label} {name}: {floor} -> {value}")
    return out


def write_baseline(path: Path, result: CorpusResult, *, allow_lower: bool = False) -> dict[str, Any]:
    """Write this run's floors to `path`. If `path` holds floors already, none may go down
    (or disappear) unless `allow_lower`: a lowered floor is a regression accepted on purpose."""
    data = baseline_from(result)
    path = Path(path)
    if path.exists() and not allow_lower:
        lowered = lowered_floors(load_baseline(path), data)
        if lowered:
            shown = "; ".join(lowered[:8]) + (f"; and {len(lowered) - 8} more" if len(lowered) > 8 else "")
            raise FloorsLowered(
                f"not written: {len(lowered)} floor(s) would go down ({shown}); "
                "rerun with --allow-lower to accept that on purpose, and say why in the commit",
                place=str(path),
            )
    write_atomic(path, json.dumps(data, indent=2, ensure_ascii=False) + "\n")
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
    digest = data.get("corpus_digest")
    if digest is not None and not (isinstance(digest, str) and digest.startswith("sha256:")):
        raise InputError(
            "`corpus_digest` must be a string 'sha256:<hex>' (written by --write-baseline)", place=str(path)
        )
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


@dataclass(frozen=True)
class CorpusChanged(Drop):
    """The floors were pinned on another corpus (or split): its scores are not comparable."""

    pinned: str = ""
    now: str = ""
    detail: str = ""
    split_then: str = "all"
    split_now: str = "all"

    def __str__(self) -> str:
        if self.split_then != self.split_now:
            return (
                f"corpus changed: these floors are for split {self.split_then} ({self.pinned}), this run is "
                f"split {self.split_now} ({self.now}); the scores are not comparable. Check against floors "
                f"written by a --split {self.split_now} run (--split {self.split_now} --write-baseline FILE)"
            )
        return (
            f"corpus changed: these floors were measured on {self.pinned}, this run is on {self.now}{self.detail}; "
            "the scores are not comparable. Re-pin with --write-baseline FILE --allow-lower and say in "
            "the commit that the corpus changed"
        )


def corpus_change(result: CorpusResult, baseline: dict[str, Any]) -> CorpusChanged | None:
    """A `CorpusChanged` when `baseline` records a digest other than this run's; None when
    they agree or either does not know it (old floors, a run of some incidents only)."""
    pinned = baseline.get("corpus_digest")
    if not pinned or not result.digest or pinned == result.digest:
        return None
    count = baseline.get("corpus_incidents")
    detail = ""
    if isinstance(count, int) and count != len(result.incidents):
        detail = f" ({count} incidents then, {len(result.incidents)} now)"
    return CorpusChanged(
        "corpus",
        None,
        0.0,
        pinned=pinned[:19],
        now=result.digest[:19],
        detail=detail,
        split_then=str(baseline.get("split", "all")),
        split_now=result.split,
    )


def _below(score: float | None, floor: float) -> bool:
    return score is None or score + EPSILON < floor


def check_baseline(result: CorpusResult, baseline: dict[str, Any], *, incidents_only: bool = False) -> list[Drop]:
    """Every score under its floor. With `incidents_only` (a run over some incidents), the
    corpus-wide means are not comparable, so only the per-incident floors of the incidents run apply."""
    drops: list[Drop] = []
    scored = {r.id: r.score for r in result.incidents}
    changed = None if incidents_only else corpus_change(result, baseline)
    if changed is not None:
        return [changed]
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
