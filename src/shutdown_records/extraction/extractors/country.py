"""Country: which country the article is about, from the names and demonyms it uses.

Names come from the gazetteer (`gazetteer.article_names`: CLDR in the article's language plus
English, pycountry's English names, `data/vocab/countries.yaml`; demonyms such as "Pakistani",
"pakistanais" from `data/vocab/demonyms.yaml`). Only the body counts (a "related news" tail is cut off by the loader).
Each article casts one vote split across the countries it names, in proportion to how often
it names them (the headline counts double), so a stray mention weighs little. A name or
adjective two countries share ("Congo", "congolais": `shared` in countries.yaml, or an
adjective listed under both in demonyms.yaml) counts for whichever of them the article also
names unambiguously ("RDC", "Kinshasa"), split evenly when it names neither.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator

from .. import gazetteer
from ..cueset import scan
from ..spans import folded as fold_text
from ..spans import in_related_line, quote_span
from ..types import Doc, Mention

SHARED_SEP = gazetteer.SHARED_SEP
MAX_CITATIONS = 3  # quotes per country per article: enough to check, not a wall of text
MIN_SHARE = 0.15  # a country named less than this share of the time is not a candidate
CAPITAL_WEIGHT = gazetteer.capital_weight()


def _capital_key(found: str) -> str:
    return re.sub(r"\s+", " ", found).casefold()


def _share_out(
    two_way: list[tuple[int, int, list[str], float]],
    scores: dict[str, float],
    spots: dict[str, list[tuple[int, int]]],
) -> None:
    """Give each shared name's weight to the countries it may be, in proportion to what the
    article says of them unambiguously (all of it to "CD" when only "RDC" is named besides
    "Congo"), evenly when it says nothing."""
    base = {code: scores.get(code, 0.0) for _s, _e, codes, _w in two_way for code in codes}
    for start, end, codes, w in two_way:
        total = sum(base[c] for c in codes)
        for code in codes:
            part = w * (base[code] / total if total else 1.0 / len(codes))
            if part:
                scores[code] += part
                spots[code].append((start, end))
    for code in spots:
        spots[code].sort()


def _headline_only(
    doc: Doc, folded: str, lo: int, title_end: int, scores: dict[str, float], spots: dict[str, list[tuple[int, int]]]
) -> None:
    """A name that is also a common word ("Togo", "Mali", "Chad": `ambiguous` in countries.yaml)
    counts when the headline holds it and nothing else in the article names a country: a
    headline's "Mali" is the country, a sentence's "chad" or "Jordan" may be anything."""
    pattern, codes = gazetteer.headline_names(doc.language)
    if pattern is None:
        return
    for m in pattern.finditer(folded, lo, title_end):
        code = codes.get(m.group(0))
        if code:
            scores[code] += 2.0  # the headline counts double, as for any name
            spots[code].append((m.start(), m.end()))


def extract(doc: Doc) -> Iterator[Mention]:
    names = gazetteer.article_names(doc.language)
    pattern, dem_pattern = names.pattern, names.demonym_pattern
    lo, hi = doc.body
    folded = fold_text(doc.text)
    title_end = folded.find("\n", lo)
    title_end = hi if title_end < 0 else min(title_end, hi)
    scores: dict[str, float] = defaultdict(float)
    spots: dict[str, list[tuple[int, int]]] = defaultdict(list)
    found: list[tuple[int, int, str, float]] = []
    if pattern is not None:
        for m in scan(pattern, folded, lo, hi):  # starts with (?<![\w]): only at its openings
            code = gazetteer.name_code(m.group(0), names)
            if code:
                weight = CAPITAL_WEIGHT if _capital_key(m.group(0)) in gazetteer.capitals() else 1.0
                found.append((m.start(), m.end(), code, weight))
    if dem_pattern is not None:
        for m in scan(dem_pattern, folded, lo, hi):
            code = gazetteer.demonym_code(m.group(0), names)
            if code:
                found.append((m.start(), m.end(), code, 0.6))
    found = [f for f in found if not in_related_line(doc, f[0])]
    two_way: list[tuple[int, int, list[str], float]] = []
    for start, end, code, w in sorted(found):
        w *= 2.0 if start < title_end else 1.0
        if SHARED_SEP in code:
            two_way.append((start, end, code.split(SHARED_SEP), w))
            continue
        scores[code] += w
        spots[code].append((start, end))
    _share_out(two_way, scores, spots)
    if not scores:
        _headline_only(doc, folded, lo, title_end, scores, spots)
    total = sum(scores.values())
    if not total:
        return
    for code in sorted(scores, key=lambda c: (-scores[c], c)):
        share = scores[code] / total
        if share < MIN_SHARE:
            continue
        sentences: list[tuple[int, int]] = []
        for start, end in spots[code]:
            span = quote_span(doc, start, end)
            if span not in sentences:
                sentences.append(span)
            if len(sentences) == MAX_CITATIONS:
                break
        for s, e in sentences:
            yield Mention(
                field="country",
                value=code,
                source=doc.id,
                start=s,
                end=e,
                weight=round(share, 4),
                extra={"share": round(share, 3), "mentions": len(spots[code])},
            )
