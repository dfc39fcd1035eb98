"""Which record fields each language folder (`data/lang/<code>/`) really reads.

Three tables. Conformance, once per set: each language's invented articles
(`tests/fixtures/languages/<code>.yaml`, a shutdown during exams and a platform block taken to
court; `tests/fixtures/languages2/<code>.yaml`, a second set written apart, with other stories
and phrasing, so that a cue fitted to one article shows as read in one set only) are built, and each field they
state is shown as read ("ok"), not read ("--"), or not stated ("."); a field read although the
file lists it under `known_gaps` is flagged ("ok!": take it off the list). Data: how many cue
entries of its own (not the `_common` ones every language shares) feed each field, the date
role words, and the meta.yaml facts detection and matching use (stop words, script,
inflection). Together they tell users which languages are supported for which fields.
Run: .venv/bin/python bench/bench_languages.py [--data-only]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from shutdown_records.extraction.langdata import supported_languages, topic

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
import language_conformance  # noqa: E402 - the tests' helper: one definition of "read right"

SHORT = {
    "country": "ctry",
    "platforms": "plat",
    "kind": "kind",
    "networks": "netw",
    "scope": "scop",
    "start_date": "strt",
    "end_date": "end",
    "ordered_by": "ordr",
    "justification": "just",
    "context": "ctxt",
    "legal_basis": "legl",
    "court_challenges": "crt",
    "workarounds": "work",
    "acknowledged": "ackn",
}

# field column -> cue paths in cues.yaml that feed it (docs/cues.md)
FIELDS: dict[str, tuple[tuple[str, ...], ...]] = {
    "kind": (("kind",),),
    "netw": (("networks",),),
    "scop": (("scope",), ("scope_country",)),
    "stat": (("status",),),
    "ackn": (("acknowledged",),),
    "ordr": (("authorities",), ("ministries",), ("courts",), ("gates", "order"), ("gates", "agent")),
    "just": (("justification",), ("justification_none",)),
    "ctxt": (("context",),),
    "legl": (("legal_basis",), ("gates", "legal")),
    "crt": (("courts",), ("gates", "challenge"), ("gates", "challenge_weak")),
    "work": (("workarounds",), ("gates", "workaround")),
    "stnc": (("stance",),),
}


def count(node: Any) -> int:
    """Cue entries under a node of cues.yaml (a string, a mapping with `re`, or nested)."""
    if node is None:
        return 0
    if isinstance(node, str):
        return 1
    if isinstance(node, list):
        return sum(count(item) for item in node)
    if isinstance(node, dict):
        return 1 if "re" in node else sum(count(v) for v in node.values())
    return 0


def lookup(data: dict[str, Any], path: tuple[str, ...]) -> Any:
    node: Any = data
    for key in path:
        node = node.get(key) if isinstance(node, dict) else None
    return node


def row(code: str) -> list[str]:
    cues, dates, meta = topic(code, "cues"), topic(code, "dates"), topic(code, "meta")
    cells = [str(sum(count(lookup(cues, p)) for p in paths) or "-") for paths in FIELDS.values()]
    roles = sum(len(v or []) for v in (dates.get("roles") or {}).values())
    cells.append(str(roles or "-"))
    script = (meta.get("script") or {}).get("name", "latin").lower()[:5]
    cells.append("yes" if meta.get("stopwords") else "no")
    cells.append(script)
    inflection = meta.get("inflection") or {}
    cells.append("+".join(k for k in ("endings", "stem") if inflection.get(k)) or "-")
    return cells


def conformance(which: int) -> None:
    folder = language_conformance.SETS[which].name
    print(
        f"set {which}: invented articles per language (tests/fixtures/{folder}): ok = read, -- = not read, . = not stated"
    )
    fields = language_conformance.FIELDS
    print(f"{'lang':<5}" + "".join(f"{SHORT[f]:>5}" for f in fields) + "  read")
    for code in language_conformance.languages(which):
        results = language_conformance.check(code, which)
        gaps = set(language_conformance.fixture(code, which).get("known_gaps") or [])
        cells = []
        for field in fields:
            if field not in results:
                cells.append(".")
            elif results[field]:
                cells.append("ok!" if field in gaps else "ok")
            else:
                cells.append("--")
        read = sum(results.values())
        print(f"{code:<5}" + "".join(f"{c:>5}" for c in cells) + f"  {read}/{len(results)}")
    print("ok! = read although listed in known_gaps: take it off the list")


def data_table() -> None:
    heads = [*FIELDS, "date", "stop", "script", "inflection"]
    print("cue entries of each language's own per field (docs/cues.md); date = role words in dates.yaml")
    print(f"{'lang':<5}" + "".join(f"{h:>6}" for h in heads[:-3]) + f"{'stop':>6} {'script':<7}{'inflection'}")
    for code in sorted(supported_languages()):
        cells = row(code)
        print(f"{code:<5}" + "".join(f"{c:>6}" for c in cells[:-3]) + f"{cells[-3]:>6} {cells[-2]:<7}{cells[-1]}")
    print("stop = stop words for detection (meta.yaml); '-' = no entries of its own")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data-only", action="store_true", help="only the data table (no builds)")
    args = parser.parse_args()
    if not args.data_only:
        for which in language_conformance.SETS:
            conformance(which)
            print()
    data_table()


if __name__ == "__main__":
    main()
