"""Platforms: which services the article says were blocked, by canonical name.

Aliases come from `data/vocab/platforms.yaml`. A mention in a sentence that speaks of blocking or
access (the language's `restriction_words`, or `gates.impact`: "were also hit") weighs 1.0; a
passing mention ("like Facebook and TikTok, X played a role") or one whose sentence speaks of
content or accounts on it (`gates.content_only`: "had content blocked") weighs 0.3, so the
merger can tell a blocked service from one merely named (`min_single` in merge.yaml). A bare capital "X" is the platform only when the text says so ("platform X",
"X (formerly Twitter)", "Twitter/X") or the article already established it; "Twitter" next to
"formerly"/"ex-" is the old name of that same X, not a second platform. Twitter and X are
emitted under their own names; the assembler picks one by the incident's date.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from functools import cache, lru_cache
from typing import Any

from ...text import fold
from .. import cues as C
from ..cues import scan
from ..langdata import shared, supported_languages, topic
from ..spans import folded as fold_text
from ..spans import in_related_line, quote_span
from ..types import Doc, Mention
from ..wordtrie import trie_pattern
from ._stance import stance

STRONG, WEAK, UNKNOWN_LANGUAGE = 1.0, 0.3, 0.6
_ARABIC_SCRIPT = re.compile(r"[\u0600-\u06ff]")
_PROCLITICS = ("و", "ف", "ب", "ل", "وب", "ول", "فب")  # wa-, fa-, bi-, li- and their pairs
SLOWDOWN_NAMED = 0.8  # a slowdown cue this strong in the sentence: "Twitter'a bant daraltması"


@cache
def _tables() -> tuple[re.Pattern[str], dict[str, str], re.Pattern[str], re.Pattern[str], re.Pattern[str] | None]:
    """(alias pattern, folded alias -> canonical, X-cue pattern, renamed-marker pattern, medium pattern)."""
    data = shared("vocab/platforms")
    lookup: dict[str, str] = {}
    folded_aliases: list[str] = []
    exact: list[str] = []
    for canonical, entry in (data.get("platforms") or {}).items():
        entry = entry or {}
        renamed = entry.get("renamed") or {}
        before = {fold(a).casefold() for a in renamed.get("before_aliases") or []}
        for alias in entry.get("aliases") or []:
            key = fold(str(alias)).casefold()
            name = str(renamed.get("before")) if key in before else str(canonical)
            # Arabic writes "and", "by", "for" as a letter joined to the next word
            # ("فيسبوك وواتساب", "بتويتر"): the name with its proclitic is still the name.
            for form in [key] + ([p + key for p in _PROCLITICS] if _ARABIC_SCRIPT.match(key) else []):
                lookup[form] = name
                folded_aliases.append(form)
        for alias in entry.get("exact_aliases") or []:
            if str(alias) == "X":
                continue  # the bare X is handled by the cues below
            lookup[fold(str(alias)).casefold()] = str(canonical)
            exact.append(fold(str(alias)))
    branches = [f"(?i:{trie_pattern(folded_aliases)})"]
    if exact:
        branches.append(trie_pattern(exact))
    alias_re = re.compile(r"(?<![\w@#/.-])(?:" + "|".join(branches) + r")(?![\w-])")
    cue_parts = []
    for cue in data.get("x_cues") or []:
        head, _, tail = fold(str(cue)).partition("{X}")
        cue_parts.append(
            "(?i:"
            + re.escape(head).replace(r"\ ", r"\s+")
            + ")"
            + "(?-i:X)"
            + "(?i:"
            + re.escape(tail).replace(r"\ ", r"\s+")
            + ")"
        )
    cue_re = re.compile(r"(?<!\w)(?:" + "|".join(cue_parts) + r")")
    markers = [fold(m) for m in data.get("renamed_markers") or []]
    mediums = [fold(str(m)).casefold() for m in data.get("medium_markers") or []]
    medium_re = (
        re.compile(r"(?<!\w)(?:" + trie_pattern(mediums) + r")\s*(?:its\s+|son\s+|su\s+|seu\s+|sua\s+|the\s+)?$")
        if mediums
        else None
    )
    marker_re = re.compile(
        r"(?i)(?:" + "|".join(re.escape(m) for m in sorted(markers, key=len, reverse=True)) + r")\s*(?:known\s+as\s+)?$"
    )
    return alias_re, lookup, cue_re, marker_re, medium_re


def platform_names_re() -> re.Pattern[str]:
    """Any platform alias (folded text): lets other extractors ask whether a sentence names one."""
    return _tables()[0]


_LIST_JOIN = re.compile(r"\s*(?:,|/|&|and|et|e|y|or|ou|ve|и)\s*")
# A capital X not inside a word, handle or URL. The X comes first and the character before
# it is checked by a lookbehind over both ("[...]X"): same matches as "(?<![...])X...", but
# `re` then looks for the literal X instead of trying its lookbehind at every position.
_BARE_X = re.compile(r"X(?<![\w@#/.'’-]X)(?![\w-]|\.\w|\s*-\s*ray)")


@cache
def _restriction_re(language: str) -> re.Pattern[str] | None:
    words = topic(language, "meta").get("restriction_words") or []
    if not words:
        return None
    alt = "|".join(re.escape(fold(str(w)).casefold()) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alt})")


def extract(doc: Doc) -> list[Mention]:
    """The platforms named in the document, found once per document: the legal extractor
    asks too (whether a court case is about one of them), before this extractor runs."""
    return list(_mentions(doc))


@lru_cache(maxsize=16)
def _mentions(doc: Doc) -> tuple[Mention, ...]:
    return tuple(_extract(doc))


def _extract(doc: Doc) -> Iterator[Mention]:
    alias_re, lookup, cue_re, marker_re, medium_re = _tables()
    lo, hi = doc.body
    folded = fold_text(doc.text)
    restriction = _restriction_re(doc.language) if doc.language in supported_languages() else None
    impact = C.cue_set(doc.language, "gates", "impact") if C.has_cues(doc.language) else None
    content = C.cue_set(doc.language, "gates", "content_only") if C.has_cues(doc.language) else None
    slowdown = C.cue_set(doc.language, "kind", "throttling") if C.has_cues(doc.language) else None
    hits: list[tuple[int, int, str]] = []
    x_confirmed = False
    cue_matches: list[Any] = []
    for bare in _BARE_X.finditer(folded, lo, hi):  # cues only matter around a capital X
        cue_matches.extend(cue_re.finditer(folded, max(lo, bare.start() - 48), min(hi, bare.end() + 48)))
    for m in cue_matches:
        x = m.start() + m.group(0).find("X", len(m.group(0)) - len(m.group(0).lstrip()))
        # The cue's own X: the first capital X not part of "Twitter"-like words.
        for xm in _BARE_X.finditer(folded, m.start(), m.end()):
            x = xm.start()
            break
        else:
            continue
        hits.append((x, x + 1, "X"))
        x_confirmed = True
    for m in scan(alias_re, folded, lo, hi):  # starts with (?<![\w@#/.-]): only at its openings
        name = lookup.get(re.sub(r"\s+", " ", m.group(0)).casefold())
        if name is None:
            continue
        if name == "Twitter" and marker_re.search(folded[max(lo, m.start() - 30) : m.start()].rstrip(" (,")):
            x_confirmed = True
            continue  # "X (formerly Twitter)": the same platform, already counted as X
        if m.group(0) in ("Twitter/X", "X/Twitter"):
            x_confirmed = True
            name = "X"
        hits.append((m.start(), m.end(), name))
    if not x_confirmed:
        # "on X, TikTok and WhatsApp": a capital X listed with other platforms is one too.
        named = [(a, b) for a, b, name in hits if name != "X"]
        for m in _BARE_X.finditer(folded, lo, hi):
            if any(
                _LIST_JOIN.fullmatch(folded[m.end() : a]) or _LIST_JOIN.fullmatch(folded[b : m.start()])
                for a, b in named
                if abs(a - m.end()) <= 6 or abs(m.start() - b) <= 6
            ):
                x_confirmed = True
                break
    if x_confirmed:
        taken = {h[0] for h in hits}
        for m in _BARE_X.finditer(folded, lo, hi):
            if m.start() not in taken and not _inside(m.start(), hits):
                hits.append((m.start(), m.end(), "X"))
    hits = sorted(h for h in hits if not in_related_line(doc, h[0]))
    seen: set[tuple[str, int, int]] = set()
    out: list[Mention] = []
    for start, end, name in hits:
        s, e = quote_span(doc, start, end)
        if (name, s, e) in seen:
            continue
        seen.add((name, s, e))
        sentence = folded[s:e].casefold()
        if restriction is None:
            weight = UNKNOWN_LANGUAGE
        else:
            # A restriction word, or a phrase saying the service was hit ("foram atingidos",
            # "were also affected", `gates.impact`): the sentence speaks of the restriction.
            hit_by = impact is not None and C.in_sentence(doc, impact, (s, e)) is not None
            # a slowdown is a restriction too: "Twitter'a bant daraltması", "замедлил работу YouTube"
            slowed = slowdown is not None and any(h.weight >= SLOWDOWN_NAMED for h in slowdown.finditer(folded, s, e))
            weight = STRONG if restriction.search(sentence) or hit_by or slowed else WEAK
        if medium_re is not None and medium_re.search(folded[max(s, start - 30) : start].casefold()):
            weight = min(weight, WEAK)  # "said in a post on Twitter": the medium, not the target
        if weight > WEAK and content is not None and C.in_sentence(doc, content, (s, e)) is not None:
            weight = WEAK  # "YouTube has also had content blocked", "accounts were hacked"
        if weight > WEAK and _elsewhere(doc, start, end):
            weight = WEAK  # "in a separate case, X was blocked", "threatened to block X if"
        out.append(
            Mention(
                field="platforms",
                value=name,
                source=doc.id,
                start=s,
                end=e,
                weight=weight,
                extra={"match": (start, end)},
            )
        )
    yield from _background_weak(doc, folded, out)


_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
BACKGROUND_YEARS = 2  # a sentence dated only this many years or more before the article is history


def _old_sentence(doc: Doc, folded: str, m: Mention) -> bool:
    """Whether every year the mention's sentence states lies BACKGROUND_YEARS or more before
    the article's own year ("In June 2023 the authorities blocked Facebook" in a 2025 story)."""
    if doc.published is None:
        return False
    years = [int(y) for y in _YEAR.findall(folded[m.start : m.end])]
    return bool(years) and max(years) <= doc.published.year - BACKGROUND_YEARS


def _background_weak(doc: Doc, folded: str, found: list[Mention]) -> list[Mention]:
    """A platform named only in sentences about an earlier year is history, when the same
    article names another platform as blocked outside such sentences: it weighs WEAK. Digits
    only, so it holds in every language. A retrospective whose only blocked platform sits in a
    dated sentence ("in March 2018 X was blocked") keeps it: that is the story."""
    old = [_old_sentence(doc, folded, m) for m in found]
    current = {m.value for m, o in zip(found, old, strict=True) if not o and m.weight >= STRONG}
    if not current:
        return found
    return [
        replace(m, weight=min(m.weight, WEAK)) if o and m.value not in current else m
        for m, o in zip(found, old, strict=True)
    ]


def _elsewhere(doc: Doc, start: int, end: int) -> bool:
    """Whether the platform's sentence speaks of another incident or a hypothetical block
    (`_stance`). Not negation ("users could not open X" is the block itself), and not a
    year or "previously" (`gates.past`): "in March 2018 X was blocked" is often the story."""
    if not C.has_cues(doc.language):
        return False
    return stance(doc, start, end, negation=False).factor < 1.0


def _inside(pos: int, hits: list[tuple[int, int, str]]) -> bool:
    return any(s <= pos < e for s, e, _ in hits)
