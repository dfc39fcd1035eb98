"""Score one built record against one gold record, exactly as the corpus README defines it.

Pure functions, no I/O besides two cached data files, so the same inputs always give the
same figures and a whole corpus scores in milliseconds. Each field scores 0..1; a field
whose gold value cannot take part in the comparison is left out (``None``); a record's
score is the mean of its scored fields.

Readings of the README that it leaves open (also in docs/eval.md):

- dates: "0.5 when the gold has a day and the record has the right month only" is read
  as *precision*: the record gives only a month (``YYYY-MM``) and it is the gold's month.
  A record day that is not the gold day scores 0, even inside the right month, so a
  builder gains nothing by guessing a day.
- names, "they share at least 60% of their words": the shared words are at least 60% of
  *each* name's words, i.e. ``|A & B| / max(|A|, |B|) >= 0.6`` (computed in integers,
  ``5 * |A & B| >= 3 * max``, so the boundary is exact). Words are compared as sets.
- a field absent from gold.yaml is left out like a null one; a null date still scores
  (null against null is 1), since the README gives dates a rule for null.
- set members and names are compared case-insensitively; a name that is nothing but small
  words keeps its words, so "The" can still match "the".
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from ..datafiles import shared
from ..fields import scored

# The fields the README scores, in its order, with the rule each follows (fields.py).
FIELD_RULES: dict[str, str] = {name: spec.rule for name, spec in scored().items()}
SCORED_FIELDS: tuple[str, ...] = tuple(FIELD_RULES)

# README: "a mapping is read through name, court, instrument or value, in that order".
ITEM_NAME_KEYS: tuple[str, ...] = ("name", "court", "instrument", "value")

_DATE_RE = re.compile(r"^\s*(\d{4})-(\d{1,2})(?:-(\d{1,2}))?\s*$")


@dataclass(frozen=True)
class RecordScore:
    """Per-field scores (only the fields that took part) and their mean."""

    fields: dict[str, float] = field(default_factory=dict)

    @property
    def score(self) -> float | None:
        if not self.fields:
            return None
        return sum(self.fields.values()) / len(self.fields)


# --- reading values -------------------------------------------------------------------


def item_name(item: Any) -> str:
    """The name a record's list item stands for: a string, or a mapping's first name key."""
    if item is None:
        return ""
    if isinstance(item, Mapping):
        for key in ITEM_NAME_KEYS:
            value = item.get(key)
            if value not in (None, ""):
                return item_name(value)
        return ""
    if isinstance(item, bool):
        return str(item).lower()
    return str(item)


def gold_aliases(item: Any) -> list[str]:
    """Every name a gold list item accepts: a string, `{any_of: [...]}`, or `{court: ...}`."""
    if item is None:
        return []
    if isinstance(item, Mapping):
        if "any_of" in item:
            return gold_aliases(item["any_of"])
        for key in ITEM_NAME_KEYS:
            if key in item:
                return gold_aliases(item[key])
        return []
    if isinstance(item, (list, tuple)):
        return [alias for part in item for alias in gold_aliases(part)]
    return [item_name(item)]


def _as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    if isinstance(value, (list, tuple, set, frozenset)):
        return list(value)
    return [value]


# --- exact ----------------------------------------------------------------------------


def _exact_text(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value).strip().casefold()


def score_exact(gold: Any, built: Any) -> float | None:
    """1 when equal ignoring case; a null gold has no place in the comparison (left out)."""
    if gold is None:
        return None
    if built is None:
        return 0.0
    return 1.0 if _exact_text(gold) == _exact_text(built) else 0.0


# --- dates ----------------------------------------------------------------------------


def parse_partial_date(value: Any) -> tuple[int, int, int | None] | None:
    """(year, month, day-or-None) from `YYYY-MM-DD`, `YYYY-MM` or a date object; None if neither."""
    if hasattr(value, "year") and hasattr(value, "month"):
        return (value.year, value.month, getattr(value, "day", None))
    match = _DATE_RE.match(str(value))
    if not match:
        return None
    year, month, day = int(match[1]), int(match[2]), int(match[3]) if match[3] else None
    if not 1 <= month <= 12 or (day is not None and not 1 <= day <= 31):
        return None
    return (year, month, day)


def _score_one_date(gold: Any, built: Any) -> float:
    if gold is None:
        return 1.0 if built is None else 0.0
    if built is None:
        return 0.0
    gold_date, built_date = parse_partial_date(gold), parse_partial_date(built)
    if gold_date is None or built_date is None:
        # Not a date we can read: only the very same text counts.
        return 1.0 if str(gold).strip() == str(built).strip() else 0.0
    if gold_date[:2] != built_date[:2]:
        return 0.0
    gold_day, built_day = gold_date[2], built_date[2]
    if gold_day is None:
        return 1.0  # same month, or a day inside the gold month
    if built_day is None:
        return 0.5  # the gold has a day, the record the right month only
    return 1.0 if gold_day == built_day else 0.0


def score_date(gold: Any, built: Any) -> float:
    """Best reading of a gold date (plain or `{any_of: [...]}`) against the built one."""
    if isinstance(gold, Mapping) and "any_of" in gold:
        readings = _as_list(gold["any_of"]) or [None]
        return max(_score_one_date(reading, built) for reading in readings)
    return _score_one_date(gold, built)


# --- sets -----------------------------------------------------------------------------


@cache
def _equivalents() -> dict[str, dict[str, str]]:
    """field -> {casefolded name -> group key}, from data/eval/equivalents.yaml."""
    table: dict[str, dict[str, str]] = {}
    for field_name, groups in (shared("eval/equivalents") or {}).items():
        mapping: dict[str, str] = {}
        for group in groups or []:
            names = [str(name).strip().casefold() for name in group]
            for name in names:
                mapping[name] = names[0]
        table[str(field_name)] = mapping
    return table


def _set_key(field_name: str, item: Any) -> str:
    text = item_name(item).strip().casefold()
    return _equivalents().get(field_name, {}).get(text, text)


def f1(matched: int, gold_count: int, built_count: int) -> float:
    """F1 from counts: 2*TP / (|gold| + |built|); two empty sides score 1."""
    if gold_count == 0 and built_count == 0:
        return 1.0
    return 2.0 * matched / (gold_count + built_count)


def score_set(field_name: str, gold: Any, built: Any) -> float | None:
    """F1 of two sets, case-insensitive, with the field's equivalent names counted as one."""
    if gold is None:
        return None
    gold_set = {_set_key(field_name, item) for item in _as_list(gold)}
    built_set = {_set_key(field_name, item) for item in _as_list(built)}
    gold_set.discard("")
    built_set.discard("")
    return f1(len(gold_set & built_set), len(gold_set), len(built_set))


# --- names ----------------------------------------------------------------------------


def _strip_to_words(text: str) -> list[str]:
    """Lower-case, strip accents, turn punctuation and symbols into spaces, split."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    chars: list[str] = []
    for char in decomposed:
        category = unicodedata.category(char)
        if category == "Mn":  # combining accent
            continue
        if category == "Cf":  # zero-width joiners and the like
            continue
        if category[0] in "PSZC":
            chars.append(" ")
        else:
            chars.append(char)
    return "".join(chars).split()


@cache
def small_words() -> frozenset[str]:
    """Every language's small words from data/eval/smallwords.yaml, normalised like names."""
    words: set[str] = set()
    for entries in (shared("eval/smallwords") or {}).values():
        for entry in entries or []:
            words.update(_strip_to_words(str(entry)))
    return frozenset(words)


@cache
def name_words(text: str) -> frozenset[str]:
    """The words a name is compared by: normalised, small words dropped (unless that empties it)."""
    words = _strip_to_words(text)
    kept = [word for word in words if word not in small_words()]
    return frozenset(kept or words)


def names_match(name: str, alias: str) -> bool:
    """README: one's words contain the other's, or they share at least 60% of their words."""
    a, b = name_words(name), name_words(alias)
    if not a or not b:
        return False
    if a <= b or b <= a:
        return True
    return 5 * len(a & b) >= 3 * max(len(a), len(b))


def _max_matching(edges: Sequence[Sequence[int]], right_count: int) -> int:
    """Size of a maximum one-to-one matching (Kuhn's augmenting paths; lists are tiny)."""
    owner: list[int | None] = [None] * right_count

    def augment(left: int, seen: list[bool]) -> bool:
        for right in edges[left]:
            if seen[right]:
                continue
            seen[right] = True
            current = owner[right]
            if current is None or augment(current, seen):
                owner[right] = left
                return True
        return False

    return sum(1 for left in range(len(edges)) if augment(left, [False] * right_count))


def score_names(gold: Any, built: Any) -> float | None:
    """F1 after matching built names to gold items one-to-one (each gold item has aliases)."""
    if gold is None:
        return None
    gold_items = [gold_aliases(item) for item in _as_list(gold)]
    built_names = [item_name(item) for item in _as_list(built)]
    edges = [
        [g for g, aliases in enumerate(gold_items) if any(names_match(name, a) for a in aliases)]
        for name in built_names
    ]
    matched = _max_matching(edges, len(gold_items))
    return f1(matched, len(gold_items), len(built_names))


# --- a whole record -------------------------------------------------------------------


def score_field(field_name: str, gold: Any, built: Any) -> float | None:
    """One field's score by its README rule; None when the field is left out."""
    rule = FIELD_RULES[field_name]
    if rule == "exact":
        return score_exact(gold, built)
    if rule == "date":
        return score_date(gold, built)
    if rule == "set":
        return score_set(field_name, gold, built)
    return score_names(gold, built)


def score_record(
    gold: Mapping[str, Any], record: Mapping[str, Any], fields: Iterable[str] = SCORED_FIELDS
) -> RecordScore:
    """Score every README field that the gold file states (null dates included)."""
    scores: dict[str, float] = {}
    for field_name in fields:
        if field_name not in gold:
            continue
        value = score_field(field_name, gold[field_name], record.get(field_name))
        if value is not None:
            scores[field_name] = value
    return RecordScore(scores)
