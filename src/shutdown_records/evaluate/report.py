"""Render an evaluation: a per-incident x per-field table, a JSON document, a gold/built diff."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from ..fields import scored
from .baseline import CorpusChanged, Drop
from .corpus import CorpusResult, IncidentResult
from .scoring import FIELD_RULES, SCORED_FIELDS, gold_aliases, item_name

# Short column heads so fourteen fields fit one terminal line; the legend spells them out.
FIELD_ABBREVIATIONS: dict[str, str] = {name: spec.abbreviation for name, spec in scored().items()}


def _cell(value: float | None) -> str:
    return "   -" if value is None else f"{value:4.2f}"


def render_table(result: CorpusResult) -> str:
    """Rows: incidents, then the per-field means; the last column is each record's score.
    Below it, the same means per language of the sources (`render_languages`)."""
    id_width = max([len("field mean")] + [len(r.id) for r in result.incidents])
    heads = [FIELD_ABBREVIATIONS[name].rjust(4) for name in SCORED_FIELDS]
    lines = [f"{'incident'.ljust(id_width)}  {' '.join(heads)} | score"]
    lines.append("-" * len(lines[0]))
    for incident in result.incidents:
        cells = [_cell(incident.scores.fields.get(name)) for name in SCORED_FIELDS]
        lines.append(f"{incident.id.ljust(id_width)}  {' '.join(cells)} | {_cell(incident.score)}")
    lines.append("-" * len(lines[0]))
    means = result.field_means()
    cells = [_cell(means.get(name)) for name in SCORED_FIELDS]
    lines.append(f"{'field mean'.ljust(id_width)}  {' '.join(cells)} | {_cell(result.overall)}")
    overall = "-" if result.overall is None else f"{result.overall:.3f}"
    lines.append("")
    what = "" if result.split == "all" else f", split {result.split}"
    lines.append(f"overall (mean of {len(result.incidents)} records{what}): {overall}")
    lines.append("")
    lines.append(render_languages(result))
    lines.append("")
    lines.append("legend: " + ", ".join(f"{FIELD_ABBREVIATIONS[n]}={n}" for n in SCORED_FIELDS) + "; - = left out")
    if result.digest:
        lines.append(f"corpus digest: {result.digest}")
    return "\n".join(lines)


def render_languages(result: CorpusResult) -> str:
    """One row per language of the sources: its field means and score, over the incidents
    with a source in that language (an incident in two languages counts in both)."""
    groups = result.by_language()
    heads = [FIELD_ABBREVIATIONS[name].rjust(4) for name in SCORED_FIELDS]
    lines = [f"{'language':<8} {'n':>3}  {' '.join(heads)} | score"]
    lines.append("-" * len(lines[0]))
    for language, group in groups.items():
        means = group.field_means()
        cells = [_cell(means.get(name)) for name in SCORED_FIELDS]
        lines.append(f"{language:<8} {len(group.incidents):>3}  {' '.join(cells)} | {_cell(group.overall)}")
    lines.append("(per language: incidents with a source in that language; n = how many)")
    return "\n".join(lines)


def render_drops(drops: Sequence[Drop]) -> str:
    if not drops:
        return "baseline: every score is at or above its floor"
    if all(isinstance(d, CorpusChanged) for d in drops):
        return "\n".join(["baseline: not comparable with this run"] + [f"  {d}" for d in drops])
    return "\n".join([f"baseline: {len(drops)} score(s) below their floor"] + [f"  {d}" for d in drops])


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


def _plain(value: Any) -> Any:
    """Gold/built values as plain JSON types (gold mappings carry line marks)."""
    return json.loads(json.dumps(value, ensure_ascii=False, default=str))


def diff_fields(incident: IncidentResult) -> dict[str, dict[str, Any]]:
    """Every field below 1: its score, the gold value and the built value."""
    return {
        name: {
            "score": _round(score),
            "gold": _plain(incident.gold.get(name)),
            "built": _plain(incident.record.get(name)),
        }
        for name, score in incident.scores.fields.items()
        if score < 1.0
    }


def to_json(result: CorpusResult, drops: Sequence[Drop] | None = None, *, with_diff: bool = False) -> dict[str, Any]:
    """Machine-readable figures; scores rounded to 4 decimals so diffs of runs stay readable."""
    data: dict[str, Any] = {
        "corpus": str(result.corpus),
        "corpus_digest": result.digest,
        "split": result.split,
        "fields": list(SCORED_FIELDS),
        "overall": _round(result.overall),
        "field_means": {name: _round(v) for name, v in result.field_means().items()},
        "languages": {
            language: {
                "incidents": [r.id for r in group.incidents],
                "overall": _round(group.overall),
                "field_means": {name: _round(v) for name, v in group.field_means().items()},
            }
            for language, group in result.by_language().items()
        },
        "incidents": [
            {
                "id": r.id,
                "score": _round(r.score),
                "fields": {name: _round(v) for name, v in r.scores.fields.items()},
                "sources": len(r.incident.source_paths),
                "languages": list(r.languages),
                "problems": r.problems,
                "gold_warnings": r.gold_warnings,
                "seconds": round(r.seconds, 3),
            }
            for r in result.incidents
        ],
    }
    if with_diff:
        for entry, incident in zip(data["incidents"], result.incidents, strict=True):
            entry["diff"] = diff_fields(incident)
    if drops is not None:
        data["baseline_drops"] = [
            {"what": d.what, "score": _round(d.score), "floor": d.floor, "message": str(d)} for d in drops
        ]
    return data


def render_json(result: CorpusResult, drops: Sequence[Drop] | None = None, *, with_diff: bool = False) -> str:
    return json.dumps(to_json(result, drops, with_diff=with_diff), indent=2, ensure_ascii=False)


def _show(field_name: str, value: Any, *, gold: bool) -> str:
    """A compact one-line view of a value: names as their labels, aliases joined by ' | '."""
    if FIELD_RULES[field_name] == "names" and isinstance(value, list):
        if gold:
            parts = [" | ".join(gold_aliases(item)) for item in value]
        else:
            parts = [item_name(item) for item in value]
        return "[" + "; ".join(parts) + "]"
    if FIELD_RULES[field_name] == "set" and isinstance(value, list):
        return "[" + ", ".join(item_name(item) for item in value) + "]"
    if isinstance(value, dict) and "any_of" in value:
        return "any of " + json.dumps(value["any_of"], ensure_ascii=False, default=str)
    return json.dumps(value, ensure_ascii=False, default=str)


def render_diff(incident: IncidentResult) -> str:
    """Gold and built values of every field that scored below 1."""
    lines: list[str] = []
    for name in SCORED_FIELDS:
        score = incident.scores.fields.get(name)
        if score is None or score >= 1.0:
            continue
        lines.append(f"  {name} ({score:.2f})")
        lines.append(f"    gold:  {_show(name, incident.gold.get(name), gold=True)}")
        lines.append(f"    built: {_show(name, incident.record.get(name), gold=False)}")
    header = f"{incident.id}: " + ("every field scores 1" if not lines else "fields below 1")
    return "\n".join([header] + lines)
