"""Which record fields each language folder (`data/lang/<code>/`) can read, by its own data.

Prints one row per language: how many cue entries of its own (not the `_common` ones every
language shares) feed each field, the date role words, stance words, and whether it has the
meta.yaml facts detection and matching use (stop words, script, inflection). A "-" is a field
the language's articles are read for only through language-neutral data (country names,
platforms, workarounds such as "VPN"), so users can see which languages are really supported.
Run: .venv/bin/python bench/bench_languages.py
"""

from __future__ import annotations

from typing import Any

from shutdown_records.extraction.langdata import supported_languages, topic

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


def main() -> None:
    heads = [*FIELDS, "date", "stop", "script", "inflection"]
    print("cue entries of each language's own per field (docs/cues.md); date = role words in dates.yaml")
    print(f"{'lang':<5}" + "".join(f"{h:>6}" for h in heads[:-3]) + f"{'stop':>6} {'script':<7}{'inflection'}")
    for code in sorted(supported_languages()):
        cells = row(code)
        print(f"{code:<5}" + "".join(f"{c:>6}" for c in cells[:-3]) + f"{cells[-3]:>6} {cells[-2]:<7}{cells[-1]}")
    print("stop = stop words for detection (meta.yaml); '-' = no entries of its own")


if __name__ == "__main__":
    main()
