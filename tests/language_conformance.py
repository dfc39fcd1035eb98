"""Build each language folder's invented articles (`tests/fixtures/languages/<code>.yaml`) and
say, per field, whether the record holds what the article states.

A second, independent set (`tests/fixtures/languages2/<code>.yaml`: other stories, other
phrasing, other invented places and people) guards against cues fitted to the first: a
language reads a field only when both sets show it. A third set (`languages3/`, some
languages only) holds one longer wire-style article each, closer to what real sources are.

Shared by `tests/test_language_conformance.py` (which holds every folder to its file's
`known_gaps`) and `bench/bench_languages.py` (which prints the table)."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

import yaml

from shutdown_records.extraction.pipeline import build_record
from shutdown_records.fields import scored

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "languages"
# set number -> folder of invented articles (set 2 written apart from set 1, see above)
SETS = {1: FIXTURES, 2: FIXTURES.parent / "languages2", 3: FIXTURES.parent / "languages3"}
# the scored fields, in the model's order (the table's columns)
FIELDS = tuple(scored())
NAMED = {"ordered_by": "name", "legal_basis": "instrument", "court_challenges": "court"}


def languages(which: int = 1) -> list[str]:
    return sorted(p.stem for p in SETS[which].glob("*.yaml"))


def fixture(code: str, which: int = 1) -> dict[str, Any]:
    return yaml.safe_load((SETS[which] / f"{code}.yaml").read_text(encoding="utf-8"))


def holds(field: str, expected: Any, record: dict[str, Any]) -> bool:
    """Whether the record's value of `field` says what the article states."""
    got = record.get(field)
    if field in NAMED:
        names = [str(item.get(NAMED[field]) or item.get("name") or "") for item in got or []]
        return any(str(expected).casefold() in n.casefold() for n in names)
    if isinstance(expected, list):
        return set(map(str, expected)) <= set(map(str, got or []))
    return str(got) == str(expected)


def check(code: str, which: int = 1) -> dict[str, bool]:
    """Field -> whether every article of the language (in set `which`) that states it is read right."""
    data = fixture(code, which)
    out: dict[str, bool] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for i, article in enumerate(data["articles"]):
            path = Path(tmp) / f"{code}-{i}.txt"
            path.write_text(
                f"---\nurl: https://example.org/{code}/{i}\npublished: {article['published']}\n"
                f"language: {code}\n---\n{article['text']}",
                encoding="utf-8",
            )
            record = build_record([path]).record
            for field, expected in article["expect"].items():
                out[field] = out.get(field, True) and holds(field, expected, record)
    return out
