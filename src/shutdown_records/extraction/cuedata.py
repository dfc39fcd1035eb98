"""Cue data: the cue lists of `data/lang/<code>/cues.yaml`, read into compiled cue sets.

Every language-specific word lives in `data/lang/<code>/cues.yaml` (plus language-neutral
cues in `data/lang/_common/cues.yaml`, merged into every language). A cue entry is a
regular expression (Python `re`, case-insensitive unless `case: true`) matched on the
`fold()`ed text at word boundaries, either as a plain string (weight 1.0) or as a mapping
`{re: ..., weight: 0.5, case: true}`. Placeholders (`{country}`, `{demonym}`, `{portfolio}`,
a language's own `placeholders:`) are expanded here. Each list is compiled once per language
and cached, so an extractor call only runs precompiled patterns over the document's body.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from typing import Any

from ..text import fold
from . import gazetteer, langdata, prefixes, wordtrie
from .cueset import _NAME_GROUPS, Cue, CueSet, Hit, _top_level_alternation, compile_pattern
from .langdata import COMMON, CUES_TOPIC
from .sentences import folded
from .types import Doc


def _entries(raw: Any) -> list[tuple[str, float, bool, bool]]:
    """(regex, weight, case-sensitive, stem) for each cue of an entry list."""
    if raw is None:
        return []
    if isinstance(raw, (str, dict)):
        raw = [raw]
    out = []
    for item in raw:
        if isinstance(item, str):
            out.append((item, 1.0, False, False))
        elif isinstance(item, dict) and "re" in item:
            out.append(
                (
                    str(item["re"]),
                    float(item.get("weight", 1.0)),
                    bool(item.get("case", False)),
                    bool(item.get("stem", False)),
                )
            )
    return out


@cache
def _inflection(language: str) -> tuple[str, str]:
    """(regex for the endings any cue may take, regex after a `stem: true` cue) from the
    language's meta.yaml `inflection:`; empty strings when it has none."""
    data = langdata.topic(language, "meta").get("inflection") or {}
    endings = sorted({fold(str(e)) for e in data.get("endings") or [] if e})
    ending = f"(?:{wordtrie.trie_pattern(endings)})?" if endings else ""
    return ending, fold(str(data.get("stem") or ""))


@cache
def verb_final(language: str) -> bool:
    """meta.yaml `verb_final` (tr, fa, hi, ur, ne): the verb closes the clause, so a sentence's
    opening speaker or authority is its final verb's subject (not the noun nearest that verb,
    usually its object), and the verb after a date says which step the date is."""
    return bool(langdata.topic(language, "meta").get("verb_final"))


def inflect(language: str, source: str, stem: bool = False) -> str:
    """A (folded, expanded) cue with what the language lets it carry after it: a stem's
    continuation (`inflection.stem`, for a cue marked `stem: true`), then one of the
    endings any cue may take (`inflection.endings`: Hindi "अफवाह" also matches "अफवाहों").
    Appended, not wrapped, so the cue's literal head still opens the set's trie."""
    ending, stem_re = _inflection(language)
    suffix = (stem_re if stem else "") + ending
    if not suffix:
        return source
    return f"(?:{source}){suffix}" if _top_level_alternation(source) else source + suffix


def _lookup(data: dict[str, Any], path: tuple[str, ...]) -> Any:
    node: Any = data
    for key in path:
        if not isinstance(node, dict):
            return None
        node = node.get(key)
    return node


def raw(language: str, *path: str) -> list[Any]:
    """The raw entries at `path` for a language followed by the common ones."""
    out: list[Any] = []
    for lang in (language, COMMON):
        node = _lookup(langdata.topic(lang, CUES_TOPIC), path)
        if node is None:
            continue
        out.extend(node if isinstance(node, list) else [node])
    return out


@cache
def cue_set(language: str, *path: str) -> CueSet:
    """Cues at `path` in cues.yaml: a mapping value -> entries, or a plain list (value = last key)."""
    cues: list[Cue] = []
    for lang in (language, COMMON):
        node = _lookup(langdata.topic(lang, CUES_TOPIC), path)
        if isinstance(node, dict) and "re" not in node:
            groups: Any = node.items()
        else:
            groups = [(path[-1], node)]
        for value, entries in groups:
            for pattern, weight, case, stem in _entries(entries):
                source = inflect(language, fold(expand(language, pattern)), stem)
                cues.append(Cue(str(value), compile_pattern(source, case), weight, source, case))
    return CueSet(cues)


def has_cues(language: str) -> bool:
    return bool(langdata.topic(language, CUES_TOPIC))


def hits(doc: Doc, *path: str) -> Iterator[Hit]:
    """All hits of the cues at `path` inside the document body."""
    lo, hi = doc.body
    yield from cue_set(doc.language, *path).finditer(folded(doc), lo, hi)


# A ministry's portfolio in capitalised words (see `ministries` in cues.yaml).
# The capital is checked first so lower-case positions fail at once.
_W = r"(?=(?-i:[A-Z\u00c0-\u00de]))(?!(?i:the|a|an|this|that|its|la|le|les|el|los|las|o|os|as)\b)[\w'-]+"
PORTFOLIO = (
    rf"{_W}( (?-i:Affairs|Economy|Technology|Technologies|Security))?((, | & ){_W})*( (and|&) (the {_W} {_W}|{_W}))?"
)


def expand(language: str, source: str) -> str:
    """Replace `{country}` / `{demonym}` in a cue by named groups matching this language's names."""
    for name, pattern in _placeholders(language).items():
        source = source.replace("{" + name + "}", pattern)
    source = source.replace("{portfolio}", PORTFOLIO).replace("{word}", _W)
    for what in ("country", "demonym"):
        if "{" + what + "}" in source:
            group = f"(?P<{what}>{gazetteer.alternation(language, what)})"
            _NAME_GROUPS.update((group, fold(group)))
            prefixes.register_group(fold(group), re.IGNORECASE)
            source = source.replace("{" + what + "}", group)
    return source


@cache
def _placeholders(language: str) -> dict[str, str]:
    """Per-language named sub-patterns (`placeholders:` in cues.yaml), e.g. a French portfolio."""
    table = {}
    for lang in (COMMON, language):
        table.update({str(k): str(v) for k, v in (langdata.topic(lang, CUES_TOPIC).get("placeholders") or {}).items()})
    return table
