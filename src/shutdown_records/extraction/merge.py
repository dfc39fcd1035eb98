"""Merging Mentions from every source into one value per field, with all its evidence.

Rules (the numbers live in `data/extraction/merge.yaml`, tuned with `shutdown-records eval`):

* Support: each source's mentions of a value count once, boosted a little by repetition
  (`max + 0.25 * rest`, capped), and the sources' supports add up. So three articles saying
  "17 February" outweigh one article saying "10 February" five times.
* Scalar fields take the best-supported value. Dates also count month-precision mentions
  ("mid-February") for each day inside that month, and such a month is never a conflict with
  a day it contains. Any other competing value is kept in `conflicts[field]` with its sources,
  and its quotes stay in `evidence[field]` with `value` set: nothing is dropped silently.
* Set fields (platforms, justification...) keep every value whose support reaches both an
  absolute floor and a share of the strongest value, so one passing mention does not pollute
  the record. Values left out are listed in `conflicts[field]` with their quotes, for a
  reviewer to promote.
* Lists of objects (ordered_by, legal_basis, court_challenges...) are grouped by normalised
  name, near-duplicates joined with rapidfuzz, then selected like sets. For ordered_by, a
  country's generic names ("Government of Ethiopia", "Ethiopian authorities") are one item,
  and that item is left out (to conflicts) beside a named authority that the sources
  support more; beside one of the government's own organs (a ministry, a security council,
  the presidency: `merge.yaml: government_organs`) that stands on its own, a generic name the
  sources lean on more than on the organ is that organ, named vaguely (cited under its name). A regulator or a court is another link of a chain of orders
  and stays. "High Court of X" and "Y High Court" are one court when Y is the only seat
  named for that kind of court. "The telecoms regulator" joins the one named regulator, "the state
  government" the one named state government, and a judge one source places on a court is
  that court in every source. An item needs one mention of at least `min_single`.
* `fallbacks` (justification `none_given`) are kept only when no other value survives;
  `subsumed` values (context `unrest` beside `protests`) give way to the broader one.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from ..fields import FIELDS
from ..model import ITEM_KEYS, item_label
from .gazetteer import country_code_of, display_country_code
from .langdata import shared
from .types import Doc, Mention

_CONF = shared("extraction/merge")
REPEAT_BOOST = float(_CONF.get("repeat_boost", 0.25))
SOURCE_CAP = float(_CONF.get("source_cap", 1.5))
MONTH_SHARE = float(_CONF.get("month_share", 0.5))
_FLOORS = dict(_CONF.get("scalar_floor") or {})
DEFAULT_SCALAR_FLOOR = float(_FLOORS.pop("default", 0.5))
SCALAR_FLOOR = {k: float(v) for k, v in _FLOORS.items()}
_SETS = {k: (float(v[0]), float(v[1])) for k, v in (_CONF.get("set_thresholds") or {}).items()}
DEFAULT_SET_THRESHOLD = _SETS.pop("default", (0.9, 0.3))
SET_THRESHOLDS = _SETS
_OBJECTS = {k: (float(v[0]), float(v[1])) for k, v in (_CONF.get("object_thresholds") or {}).items()}
OBJECT_THRESHOLD = _OBJECTS.pop("default", (0.5, 0.2))
OBJECT_THRESHOLDS = _OBJECTS
FUZZY_SAME = int(_CONF.get("fuzzy_same", 88))
CITATIONS_PER_SOURCE = int(_CONF.get("citations_per_source", 2))
# Lists of objects: an item needs one mention at least this strong (many passing mentions
# of "the government" near ordering words do not add up to an order).
MIN_SINGLE = {k: float(v) for k, v in (_CONF.get("min_single") or {}).items()}
# A value meaning "none of the others" (justification: none_given), kept below the set floor
# when no other value survives: field -> (value, its own floor).
FALLBACKS = {k: (str(v["value"]), float(v["floor"])) for k, v in (_CONF.get("fallbacks") or {}).items()}
# Values that only describe another value of the same field (clashes during protests are the
# protests): field -> {value: broader value}; dropped beside the broader one unless stronger.
SUBSUMED = {k: {str(a): str(b) for a, b in v.items()} for k, v in (_CONF.get("subsumed") or {}).items()}

# How each field is merged is its registry entry's `merge` (fields.py); any other is a scalar.
SET_FIELDS = tuple(f.name for f in FIELDS if f.merge == "set")
OBJECT_FIELDS = tuple(f.name for f in FIELDS if f.merge == "object")
DATE_FIELDS = ("start_date", "end_date")


@dataclass
class Merged:
    """One field's outcome: its value, the quotes for it, and any disagreement."""

    value: Any
    citations: list[dict] = field(default_factory=list)
    conflict: dict | None = None
    notes: list[str] = field(default_factory=list)  # weak candidates reported, not recorded


def source_support(weights: list[float]) -> float:
    ordered = sorted(weights, reverse=True)
    return min(SOURCE_CAP, ordered[0] + REPEAT_BOOST * sum(ordered[1:]))


def _key(value: Any) -> str:
    if isinstance(value, dict):
        return repr(sorted(value.items()))
    return repr(value)


def _support(mentions: list[Mention], label=lambda m: _key(m.value)) -> tuple[dict[str, float], dict[str, list[str]]]:
    """Total support per value label and the sources behind each (in first-seen order)."""
    per: dict[str, dict[str, list[float]]] = defaultdict(lambda: defaultdict(list))
    for m in mentions:
        per[label(m)][m.source].append(m.weight)
    totals = {k: sum(source_support(ws) for ws in by_src.values()) for k, by_src in per.items()}
    sources = {k: list(by_src) for k, by_src in per.items()}
    return totals, sources


class Citer:
    """Turns Mentions into Citation dicts: ordered by source then offset, identical spans once."""

    def __init__(self, docs: list[Doc], rename: dict[str, str] | None = None) -> None:
        self.docs = docs
        self.order = {d.id: i for i, d in enumerate(docs)}
        self.text = {d.id: d.text for d in docs}
        self.rename = rename or {}

    def cite(self, mentions: list[Mention], value_of) -> list[dict]:
        """Every source that supports a value is cited, with its strongest quotes only.

        A reviewer needs each source's best evidence for each value, not every repetition:
        at most CITATIONS_PER_SOURCE quotes per (source, value), the strongest first, then
        printed in source and text order.
        """
        best: dict[tuple, list[tuple[Mention, Any]]] = {}
        for m in sorted(mentions, key=lambda m: (-m.weight, m.start, m.end, _key(m.value))):
            value = value_of(m)
            group = best.setdefault((m.source, _key(value)), [])
            if len(group) < CITATIONS_PER_SOURCE and all((m.start, m.end) != (o.start, o.end) for o, _ in group):
                group.append((m, value))
        chosen = sorted(
            (pair for group in best.values() for pair in group),
            key=lambda pair: (self.order.get(pair[0].source, 1 << 30), pair[0].start, pair[0].end, _key(pair[1])),
        )
        out: list[dict] = []
        for m, value in chosen:
            c: dict[str, Any] = {
                "source": self.rename.get(m.source, m.source),
                "quote": self.text[m.source][m.start : m.end],
                "start": m.start,
                "end": m.end,
            }
            if value is not None:
                c["value"] = value
            if m.note:
                c["note"] = m.note
            out.append(c)
        return out


def _reason(chosen: str, totals: dict[str, float], sources: dict[str, list[str]], extra: str = "") -> str:
    n = len(sources[chosen])
    rivals = ", ".join(
        f"{_show(k)} {totals[k]:.2f}" for k in sorted(totals, key=lambda k: (-totals[k], k)) if k != chosen
    )
    text = f"best supported: {n} source{'s' if n != 1 else ''}, support {totals[chosen]:.2f}"
    if rivals:
        text += f" (others: {rivals})"
    return text + extra


def _show(key: str) -> str:
    return key.strip("'\"")


def merge_scalar(fname: str, mentions: list[Mention], citer: Citer) -> Merged:
    by_key: dict[str, Any] = {}
    for m in mentions:
        by_key.setdefault(_key(m.value), m.value)
    totals, sources = _support(mentions)
    scores = dict(totals)
    if fname in DATE_FIELDS:
        for k, v in by_key.items():
            if len(str(v)) == 10:
                scores[k] += MONTH_SHARE * sum(
                    t for k2, t in totals.items() if len(str(by_key[k2])) == 7 and str(v).startswith(str(by_key[k2]))
                )

    # Best score; then more sources; then (dates) the earlier start / later end; then the value.
    def rank(k: str) -> tuple:
        v = str(by_key[k])
        order = v if fname != "end_date" else "".join(chr(255 - ord(c)) for c in v)
        return (-round(scores[k], 6), -len(sources[k]), order if fname in DATE_FIELDS else "", v)

    ranked = sorted(scores, key=rank)
    best = ranked[0]
    floor = SCALAR_FLOOR.get(fname, DEFAULT_SCALAR_FLOOR)
    if scores[best] < floor:
        notes = [
            f"{fname}: candidate {by_key[k]!r} from {', '.join(sources[k])} too weakly supported "
            f"({scores[k]:.2f} < {floor}); left unset"
            for k in ranked
        ]
        return Merged(None, notes=notes)
    chosen = by_key[best]

    def compatible(k: str) -> bool:
        v = str(by_key[k])
        return k == best or (fname in DATE_FIELDS and len(v) == 7 and str(chosen).startswith(v))

    rivals = [k for k in ranked if not compatible(k)]
    # With a conflict every quote names its candidate, the chosen one included.
    cites = citer.cite(mentions, lambda m: m.value if rivals or _key(m.value) != best else None)
    conflict = None
    if rivals:
        extra = ""
        if fname in DATE_FIELDS and any(len(str(by_key[k])) == 7 for k in ranked if k != best):
            extra = f"; a month-precision mention counts {MONTH_SHARE:g} for each day inside it"
        conflict = {
            "chosen": chosen,
            "reason": _reason(best, scores, sources, extra),
            "candidates": [{"value": by_key[k], "sources": sources[k]} for k in ranked],
        }
    return Merged(chosen, cites, conflict)


def merge_set(fname: str, mentions: list[Mention], citer: Citer) -> Merged:
    by_key: dict[Any, Any] = {}
    for m in mentions:
        by_key.setdefault(_key(m.value), m.value)
    totals, sources = _support(mentions)
    floor, share = SET_THRESHOLDS.get(fname, DEFAULT_SET_THRESHOLD)
    top = max(totals.values(), default=0.0)
    ranked = sorted(totals, key=lambda k: (-totals[k], str(by_key[k])))
    keep = [k for k in ranked if totals[k] >= floor and totals[k] >= share * top]
    min_single = MIN_SINGLE.get(fname, 0.0)
    if min_single:
        # A value every source only names in passing ("other platforms, including YouTube,
        # had content blocked") is not kept however many sources name it.
        strongest: dict[Any, float] = {}
        for m in mentions:
            strongest[_key(m.value)] = max(strongest.get(_key(m.value), 0.0), m.weight)
        keep = [k for k in keep if strongest.get(k, 0.0) >= min_single]
    fallback = FALLBACKS.get(fname)
    if fallback:
        fb = _key(fallback[0])
        others = [k for k in keep if k != fb]
        if others:
            keep = others  # "gave no reason" beside a stated reason: the reason wins
        elif fb in totals and totals[fb] >= fallback[1] and all(totals[fb] >= t for t in totals.values()):
            # Nothing else survived: "the ministry did not respond" from the sources is the
            # record's answer, unless a weak reason is just as well supported.
            keep = [fb]
    for narrow, broad in SUBSUMED.get(fname, {}).items():
        n, b = _key(narrow), _key(broad)
        if n in keep and b in keep and totals[n] <= totals[b]:
            keep.remove(n)
    # Output order: first appearance across sources (reads like the articles), not by score.
    first: dict[Any, Any] = {}
    for c in citer.cite(mentions, lambda m: m.value):
        first.setdefault(_key(c["value"]), len(first))
    keep.sort(key=lambda k: first.get(k, 0))
    value = [by_key[k] for k in keep]
    kept = set(keep)
    cites = citer.cite(mentions, lambda m: item_label(fname, m.value))
    left = [k for k in ranked if k not in kept]
    conflict = None
    notes: list[str] = []
    if left and keep:
        conflict = {
            "chosen": value,
            "reason": (
                f"kept values with support >= {floor} and >= {share:.0%} of the strongest "
                f"({top:.2f}); left out: " + ", ".join(f"{by_key[k]} {totals[k]:.2f}" for k in left)
            ),
            "candidates": [{"value": by_key[k], "sources": sources[k]} for k in ranked],
        }
    elif left:
        cites = []
        notes = [
            f"{fname}: candidate {by_key[k]!r} from {', '.join(sources[k])} too weakly supported "
            f"({totals[k]:.2f} < {floor}); left out"
            for k in left
        ]
    return Merged(value, cites, conflict, notes)


_SMALL = {
    "the",
    "of",
    "de",
    "la",
    "le",
    "les",
    "du",
    "des",
    "da",
    "do",
    "das",
    "dos",
    "el",
    "los",
    "and",
    "et",
    "e",
    "y",
    "for",
    "on",
    "in",
    "a",
    "an",
}


def normalise_name(name: str) -> str:
    text = unicodedata.normalize("NFKD", name.casefold())
    text = "".join(c for c in text if not unicodedata.combining(c))
    words = [w for w in re.split(r"[\W_]+", text) if w and w not in _SMALL]
    return " ".join(words)


def merge_objects(fname: str, mentions: list[Mention], citer: Citer) -> Merged:
    from rapidfuzz import fuzz  # noqa: PLC0415 - only needed when such mentions exist

    key_name = ITEM_KEYS.get(fname, "name")
    if fname == "ordered_by":
        mentions = _judges_as_their_court(mentions, key_name)
    groups: list[list[Mention]] = []
    norms: list[str] = []
    for m in mentions:
        name = str((m.value or {}).get(key_name, "")) if isinstance(m.value, dict) else str(m.value)
        norm = _generic_government(name) if fname == "ordered_by" else None
        norm = norm or normalise_name(name)
        if not norm:
            continue
        for i, other in enumerate(norms):
            if norm == other or fuzz.token_set_ratio(norm, other) >= FUZZY_SAME:
                groups[i].append(m)
                break
        else:
            groups.append([m])
            norms.append(norm)
    if not groups:
        return Merged([])
    if fname == "ordered_by":
        groups, norms = _join_described(groups, norms, key_name, _DESCRIBED_REGULATOR, _is_regulator)
        groups, norms = _join_described(groups, norms, key_name, _DESCRIBED_STATE, _is_state_government)
        groups, norms = _join_generic_into_organ(groups, norms, key_name, fname)
    if fname in ("ordered_by", "court_challenges"):
        groups, norms = _join_seat_courts(groups, norms, key_name)
    if fname == "legal_basis":
        groups, norms = _join_same_number(groups, norms, key_name)
    items = [_merged_item(fname, g, key_name) for g in groups]
    labels = [item[key_name] for item in items]
    label_of = {id(m): labels[i] for i, g in enumerate(groups) for m in g}
    totals, sources = _support([m for g in groups for m in g], label=lambda m: label_of[id(m)])
    floor, share = OBJECT_THRESHOLDS.get(fname, OBJECT_THRESHOLD)
    top = max(totals.values())
    strongest = [max(m.weight for m in g) for g in groups]
    min_single = MIN_SINGLE.get(fname, 0.0)
    keep_idx = [
        i
        for i, lab in enumerate(labels)
        if totals[lab] >= floor and totals[lab] >= share * top and strongest[i] >= min_single
    ]
    if fname == "ordered_by":
        # "The government" beside a named ministry or regulator is kept only when the sources
        # lean on it more than on the named body: otherwise it is the same order, said vaguely.
        # (A state or provincial government, "Government of Manipur", is a named body.)
        generic = [i for i in keep_idx if norms[i].startswith("government ") and items[i].get("type") != "state"]
        named = [totals[labels[i]] for i in keep_idx if i not in generic]
        if named:
            # ... unless one sentence names both as links of one chain of orders ("the
            # government ordered the regulator to block X"): the gold lists each link.
            chained = _chain_links(groups, generic, [i for i in keep_idx if i not in generic])
            keep_idx = [i for i in keep_idx if i not in generic or totals[labels[i]] > max(named) or i in chained]
    value = [items[i] for i in keep_idx]
    cite_mentions = [m for g in groups for m in g]
    cites = citer.cite(cite_mentions, lambda m: label_of[id(m)])
    left = [i for i in range(len(items)) if i not in keep_idx]
    conflict = None
    notes: list[str] = []
    if left and keep_idx:
        ranked = sorted(range(len(items)), key=lambda i: (-totals[labels[i]], labels[i]))
        conflict = {
            "chosen": [items[i][key_name] for i in keep_idx],
            "reason": (
                f"kept items with support >= {floor} and >= {share:.0%} of the strongest ({top:.2f}); left out: "
                + ", ".join(f"{labels[i]} {totals[labels[i]]:.2f}" for i in left)
            ),
            "candidates": [{"value": labels[i], "sources": sources[labels[i]]} for i in ranked],
        }
    elif left:
        cites = []
        notes = [
            f"{fname}: candidate {labels[i]!r} from {', '.join(sources[labels[i]])} too weakly supported "
            f"({_object_shortfall(totals[labels[i]], floor, strongest[i], min_single)}); left out"
            for i in left
        ]
    return Merged(value, cites, conflict, notes)


# A law's or decree's own number: "19.448", "114/2025", "2017-22", "5651" (not a bare year).
_LAW_NUMBER = re.compile(r"(?<![\w.])(\d+(?:[./-]\d+)+|\d{3,})(?![\w])")
_YEAR = re.compile(r"(19|20)\d\d")


def _law_numbers(name: str) -> set[str]:
    return {n for n in _LAW_NUMBER.findall(name) if not _YEAR.fullmatch(n)}


def _join_same_number(
    groups: list[list[Mention]], norms: list[str], key_name: str
) -> tuple[list[list[Mention]], list[str]]:
    """Instruments that carry the same number are one: "Ley 19.448 de Telecomunicaciones" in
    one source and "Law No. 19.448" (a template's English form) in another, "5651 sayılı
    Kanun" and "Law No. 5651". A bare year ("Act 2019") is no number of its own."""
    numbers = [
        set().union(*(_law_numbers(str((m.value or {}).get(key_name, ""))) for m in g if isinstance(m.value, dict)))
        for g in groups
    ]
    out_groups: list[list[Mention]] = []
    out_norms: list[str] = []
    out_numbers: list[set[str]] = []
    for group, norm, nums in zip(groups, norms, numbers, strict=True):
        for i, other in enumerate(out_numbers):
            if nums and nums & other:
                out_groups[i] = out_groups[i] + group
                out_numbers[i] = other | nums
                break
        else:
            out_groups.append(list(group))
            out_norms.append(norm)
            out_numbers.append(set(nums))
    return out_groups, out_norms


CHAIN_WEIGHT = 1.0  # both links of a chain must be read as ordering in their shared sentence


def _chain_links(groups: list[list[Mention]], generic: list[int], named: list[int]) -> set[int]:
    """Generic groups cited, at full strength, by a sentence that also cites a named body at
    full strength: that sentence states a chain of orders with the government at its head."""
    quotes = {(m.source, m.start, m.end) for i in named for m in groups[i] if m.weight >= CHAIN_WEIGHT}
    return {
        i for i in generic if any((m.source, m.start, m.end) in quotes for m in groups[i] if m.weight >= CHAIN_WEIGHT)
    }


def _judges_as_their_court(mentions: list[Mention], key_name: str) -> list[Mention]:
    """A judge one source places on a court is that court in the other sources too.

    "The suspension was ordered by judge X" in one article and "judge X, of the Federal Court
    in Y, ordered..." in another are one order by one court.
    """
    court_of = {
        str(m.extra["judge"]): m.value.get(key_name)
        for m in mentions
        if m.extra.get("judge") and isinstance(m.value, dict)
    }
    if not court_of:
        return mentions
    from dataclasses import replace  # noqa: PLC0415

    out = []
    for m in mentions:
        judge = m.value.get(key_name) if isinstance(m.value, dict) else None
        if judge in court_of and not m.extra.get("judge"):
            m = replace(
                m,
                value=dict(m.value, **{key_name: court_of[judge]}),
                note=f"{m.note or ''}; {judge} is a judge of {court_of[judge]} (another source)".lstrip("; "),
            )
        out.append(m)
    return out


# Lower case: "Turkish telecommunications authority" is described; "Nepal Telecommunications Authority" is named.
_DESCRIBED_REGULATOR = re.compile(
    r" telecommunications (?:regulator|authority)$|^[Tt]elecommunications (?:regulator|authority) of "
)
_REGULATOR_NAME = re.compile(r"regulat|communications|telecom", re.I)  # English display names
_DESCRIBED_STATE = re.compile(r"^State government$", re.I)


def _is_regulator(name: str, m: Mention) -> bool:
    return not m.extra.get("generic") and bool(_REGULATOR_NAME.search(name)) and not name.startswith("Ministry")


def _is_state_government(name: str, m: Mention) -> bool:
    return name.startswith("Government of ") and isinstance(m.value, dict) and m.value.get("type") == "state"


def _join_described(
    groups: list[list[Mention]], norms: list[str], key_name: str, described_re: re.Pattern[str], is_named
) -> tuple[list[list[Mention]], list[str]]:
    """A described body is the one body of that sort another mention names, if exactly one is.

    "The telecoms regulator" beside the named regulator, or "the state government" beside
    "Government of Manipur", is built from a sentence that does not name the body.
    """

    def name(g: list[Mention]) -> str:
        v = g[0].value
        return str(v.get(key_name, "")) if isinstance(v, dict) else str(v)

    described = [i for i, g in enumerate(groups) if described_re.search(name(g))]
    named = [i for i, g in enumerate(groups) if i not in described and is_named(name(g), g[0])]
    if not described or len(named) != 1:
        return groups, norms
    from dataclasses import replace  # noqa: PLC0415

    target = named[0]
    label = name(groups[target])
    out_groups, out_norms = [], []
    for i, g in enumerate(groups):
        if i in described:  # cited under the named body's name
            groups[target].extend(
                replace(m, value=dict(m.value, **{key_name: label}) if isinstance(m.value, dict) else label) for m in g
            )
            continue
        out_groups.append(g)
        out_norms.append(norms[i])
    return out_groups, out_norms


_GENERIC = (
    re.compile(r"^(?:the )?(?:government|authorities) of (?P<place>.+)$", re.I),
    re.compile(r"^(?P<place>.+?) (?:authorities|government)$", re.I),
)


def _generic_government(name: str) -> str | None:
    """One key for the generic names of a country's executive across sources.

    "Government of Ethiopia" in one article and "Ethiopian authorities" in another are one
    authority, not two; the country is read with the same tables as the country field.
    """

    for pattern in _GENERIC:
        m = pattern.match(name.strip())
        if m:
            code = country_code_of(m.group("place")) or display_country_code(m.group("place"))
            if code:
                return f"government {code}"
    return None


_ORGAN_WORDS = frozenset(str(w).casefold() for w in _CONF.get("government_organs") or ())
_COURT_WORDS = frozenset(str(w).casefold() for w in _CONF.get("court_words") or ())


def _group_name(g: list[Mention], key_name: str) -> str:
    v = g[0].value
    return str(v.get(key_name, "")) if isinstance(v, dict) else str(v)


def _group_support(g: list[Mention]) -> tuple[float, float]:
    """A group's total support (as the selection counts it) and its strongest mention."""
    by_src: dict[str, list[float]] = defaultdict(list)
    for m in g:
        by_src[m.source].append(m.weight)
    return sum(source_support(ws) for ws in by_src.values()), max(m.weight for m in g)


def _join_generic_into_organ(
    groups: list[list[Mention]], norms: list[str], key_name: str, fname: str
) -> tuple[list[list[Mention]], list[str]]:
    """A country's generic executive and one of the government's own organs are one orderer.

    "The Iranian authorities blocked X" and "the Supreme National Security Council ordered
    the block", or "the government" and "the Ministry of Information" in the same incident,
    name one decision twice: the government acts through its ministry, council or presidency
    (`merge.yaml: government_organs`, words of the English display names). The strongest
    generic group is cited under the best-supported organ that would stand on its own (the
    field's floor and `min_single`); a regulator or a court is another body in a chain of
    orders and is left to the support rule in `merge_objects`, as is a generic name that the
    sources support less than the organ (it goes to the conflicts, where a reviewer sees it).
    """
    generic = [
        i
        for i, g in enumerate(groups)
        if norms[i].startswith("government ")
        and not any(_is_state_government(_group_name(g, key_name), m) for m in g[:1])
    ]
    if not generic or not _ORGAN_WORDS:
        return groups, norms
    floor, _share = OBJECT_THRESHOLDS.get(fname, OBJECT_THRESHOLD)
    min_single = MIN_SINGLE.get(fname, 0.0)
    organs = []
    for i, g in enumerate(groups):
        if i in generic or any(m.extra.get("generic") for m in g):
            continue
        name = _group_name(g, key_name)
        words = set(re.split(r"[\W_]+", name.casefold()))
        kind = g[0].value.get("type") if isinstance(g[0].value, dict) else None
        total, strongest = _group_support(g)
        if words & _ORGAN_WORDS and kind not in ("judiciary", "state") and total >= floor and strongest >= min_single:
            organs.append((total, -i, i))
    if not organs:
        return groups, norms
    target = max(organs)[2]
    source = max(generic, key=lambda i: (_group_support(groups[i])[0], -i))
    generic_total = _group_support(groups[source])[0]
    if generic_total < floor:
        return groups, norms  # a passing mention of some government is not this one's organ
    if generic_total <= max(organs)[0]:
        # The organ is better supported: the generic name is left out beside it (and shown
        # to the reviewer among the conflicts) by the rule in `merge_objects`, as before.
        return groups, norms
    label = _group_name(groups[target], key_name)
    from dataclasses import replace  # noqa: PLC0415

    joined = [
        replace(
            m,
            value=dict(m.value, **{key_name: label}) if isinstance(m.value, dict) else label,
            note=f"{m.note or ''}; the government named generically, cited as its organ {label}".lstrip("; "),
        )
        for m in groups[source]
    ]
    groups[target] = groups[target] + joined
    keep = [i for i in range(len(groups)) if i != source]
    return [groups[i] for i in keep], [norms[i] for i in keep]


_NATIONAL_COURT = re.compile(r"^(?:the )?(?P<kind>.+?) (?:of|for) (?P<place>.+)$", re.I)
_SEAT_AFTER = re.compile(r"^(?:the )?(?P<kind>.+?) (?:in|at) (?P<place>.+)$", re.I)


def _court_kind(name: str) -> tuple[str, str] | None:
    """("High Court", "ZM") for "High Court of Zambia": the kind and country of a country's court."""

    m = _NATIONAL_COURT.match(name.strip())
    code = country_code_of(m.group("place")) if m else None
    if not m or not code:
        return None
    kind = m.group("kind").strip()
    return (kind, code) if set(re.split(r"[\W_]+", kind.casefold())) & _COURT_WORDS else None


def _seat_of(name: str, kind: str, code: str) -> str | None:
    """ "Lusaka" of "Lusaka High Court" or "High Court in Lusaka": a seat not of another country.

    (A capital is read as its country by the country tables, so a seat may be read as the
    court's own country; one read as another country is that country's court.)
    """

    text = name.strip()
    place = None
    if text.casefold().endswith(" " + kind.casefold()):
        place = text[: -len(kind)].strip()
    else:
        m = _SEAT_AFTER.match(text)
        if m and m.group("kind").strip().casefold() == kind.casefold():
            place = m.group("place").strip()
    if not place or len(place.split()) > 3 or country_code_of(place) not in (None, code):
        return None
    return place


def _join_seat_courts(
    groups: list[list[Mention]], norms: list[str], key_name: str
) -> tuple[list[list[Mention]], list[str]]:
    """ "High Court of Zambia" and "Lusaka High Court" are one court when it is the only seat,
    named by its seat (the more specific name).

    Articles name a court by its country ("the High Court of X") or by the city it sits in
    ("the Y High Court", "the High Court in Y"). Two names of the same kind, one naming the
    country and exactly one other naming a seat that is not a country, are one court; two
    seats of one kind ("Islamabad High Court", "Sindh High Court") stay two courts.
    """
    if not _COURT_WORDS:
        return groups, norms
    drop: set[int] = set()
    for i, g in enumerate(groups):
        national = _court_kind(_group_name(g, key_name))
        if not national or i in drop:
            continue
        seats = [
            j
            for j, h in enumerate(groups)
            if j != i and j not in drop and _seat_of(_group_name(h, key_name), *national)
        ]
        if len(seats) == 1:  # cited under the seat's name: "the High Court" built as
            # "High Court of India" from a bare mention is, in a federal state, a state's court
            from dataclasses import replace  # noqa: PLC0415

            label = _group_name(groups[seats[0]], key_name)
            groups[seats[0]] = groups[seats[0]] + [
                replace(m, value=dict(m.value, **{key_name: label}) if isinstance(m.value, dict) else label) for m in g
            ]
            drop.add(i)
    keep = [i for i in range(len(groups)) if i not in drop]
    return [groups[i] for i in keep], [norms[i] for i in keep]


def _merged_item(fname: str, group: list[Mention], key_name: str) -> dict:
    """One item from every mention of it: the best-supported name, the commonest details."""
    name_support: dict[str, float] = defaultdict(float)
    for m in group:  # dict order = first seen, which breaks ties
        if isinstance(m.value, dict):
            name_support[str(m.value.get(key_name))] += m.weight
        else:
            name_support[str(m.value)] += m.weight
    first = {n: i for i, n in enumerate(name_support)}
    name = sorted(name_support, key=lambda n: (-round(name_support[n], 6), first[n]))[0]
    item: dict[str, Any] = {key_name: name}
    keys: list[str] = []
    for m in group:
        if isinstance(m.value, dict):
            keys.extend(k for k in m.value if k != key_name and k not in keys)
    for k in keys:
        values = [m.value.get(k) for m in group if isinstance(m.value, dict) and m.value.get(k) not in (None, [], "")]
        if not values:
            continue
        if all(isinstance(v, list) for v in values):
            merged: list = []
            for v in values:
                merged.extend(x for x in v or () if x not in merged)
            item[k] = merged
            continue
        counts: dict[str, int] = defaultdict(int)
        for v in values:
            counts[_key(v)] += 1
        if k == "type" and len(counts) > 1:
            counts.pop(_key("unknown"), None)
        best = sorted(counts, key=lambda c: (-counts[c], c))[0]
        item[k] = next(v for v in values if _key(v) == best)
    return item


def merge_field(fname: str, mentions: list[Mention], citer: Citer) -> Merged:
    if fname in OBJECT_FIELDS:
        return merge_objects(fname, mentions, citer)
    if fname in SET_FIELDS:
        return merge_set(fname, mentions, citer)
    return merge_scalar(fname, mentions, citer)


def _object_shortfall(total: float, floor: float, strongest: float, min_single: float) -> str:
    """Which threshold an item missed, so the note never reads "(0.93 < 0.5)"."""
    if total < floor:
        return f"{total:.2f} < {floor}"
    if strongest < min_single:
        return f"no single mention reaches {min_single}; the strongest is {strongest:.2f}"
    return f"{total:.2f}, too far below the strongest candidate"
