"""legal_basis (a law or decree named as the basis) and court_challenges (courts that heard one).

An instrument must be named: "as required by law" yields nothing. Patterns and name
templates ("5651 sayılı Kanun" -> "Law No. 5651") are per language in cues.yaml
`legal_basis`. A court is a challenge when its sentence speaks of a petition, appeal or case,
or when it is a supranational court; a court that itself ordered the block belongs to
ordered_by, so a court only "lifting" or "ruling" is a weak challenge and is dropped when the
same court is found ordering the block in this document.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache

from .. import cues as C
from .. import langdata
from ..types import Doc, Mention
from . import platforms
from ._stance import clause, stance
from .authorities import (
    UNNAMED_COUNTRY,
    Authority,
    authorities_in,
    find_authorities,
    is_challenge_sentence,
    ordering_candidates,
)

_TITLE_WORDS = {"act", "law", "code", "rules", "regulations", "ordinance", "decree", "proclamation"}
_SMALL_LEAD = re.compile(r"^(the|a|an|this|that|its|their)\s+", re.IGNORECASE)


@dataclass(frozen=True)
class _LegalCue:
    pattern: re.Pattern[str]
    template: str | None
    weight: float


def legal_cue_patterns(language: str) -> tuple[re.Pattern[str], ...]:
    """The patterns that name a law or decree, for callers that only ask where one is."""
    return tuple(cue.pattern for cue in _legal_cues(language))


@cache
def _legal_cues(language: str) -> tuple[_LegalCue, ...]:
    out = []
    for entry in C.raw(language, "legal_basis"):
        if isinstance(entry, str):
            entry = {"re": entry}
        out.append(
            _LegalCue(
                C.compile_pattern(C.expand(language, str(entry["re"])), bool(entry.get("case", False))),
                str(entry["name"]) if entry.get("name") else None,
                float(entry.get("weight", 1.0)),
            )
        )
    return tuple(out)


@cache
def _legal_name_forms(language: str) -> tuple[tuple[re.Pattern[str], str], ...]:
    """`legal_name_forms` of cues.yaml: [pattern, replacement] pairs that bring a law's name
    read in an oblique case to the form a reader looks up ("na mocy ustawy regulującej..." ->
    "ustawa regulująca...", "статьи 280 Уголовного кодекса" -> "Уголовный кодекс")."""
    return tuple(
        (re.compile(str(pair[0])), str(pair[1]))
        for pair in langdata.topic(language, C.CUES_TOPIC).get("legal_name_forms") or []
        if isinstance(pair, list) and len(pair) == 2
    )


def _instrument(doc: Doc, cue: _LegalCue, m: re.Match[str]) -> dict[str, str] | None:
    groups = {k: doc.text[m.start(k) : m.end(k)].strip() for k, v in m.groupdict().items() if v}
    if cue.template:
        name = cue.template
        for key, part in groups.items():
            name = name.replace("{" + key + "}", part)
        if "{" in name:
            return None
    elif "instrument" in groups:
        name = _SMALL_LEAD.sub("", groups["instrument"]).strip(" ,.")
        words = name.split()
        if len(words) < 2 and not any(ch.isdigit() for ch in name):
            return None
        # "the PTA act" -> "PTA Act": a closing generic word is capitalised like a title.
        if words[-1].casefold() in _TITLE_WORDS:
            name = " ".join(words[:-1] + [words[-1][:1].upper() + words[-1][1:]])
    else:
        return None
    for pattern, replacement in _legal_name_forms(doc.language):
        name = pattern.sub(replacement, name)
    value = {"instrument": name}
    if groups.get("provision"):
        provision = groups["provision"]
        value["provision"] = provision[:1].upper() + provision[1:]  # "section 37" -> "Section 37"
    return value


def _legal_basis(doc: Doc, sink: C.MentionSink) -> None:
    text = C.folded(doc)
    lo, hi = doc.body
    legal = C.cue_set(doc.language, "gates", "legal")
    restriction = C.cue_set(doc.language, "gates", "restriction")
    taken: list[tuple[int, int]] = []
    found: list[tuple[int, int, dict[str, str], float]] = []
    for cue in _legal_cues(doc.language):
        for m in C.scan(cue.pattern, text, lo, hi):
            if any(m.start() < e and m.end() > s for s, e in taken):
                continue  # a more specific pattern (listed first) already read this text
            value = _instrument(doc, cue, m)
            if value is None:
                continue
            taken.append((m.start(), m.end()))
            found.append((m.start(), m.end(), value, cue.weight))
    for start, end, value, weight in _join_glossed(text, _by_full_name(sorted(found, key=lambda f: f[0]))):
        span = C.quote(doc, start, end)
        zone = C.sentence(doc, start, end)
        gate = legal.search(text, zone[0], zone[1]) is not None
        about = restriction.search(text, zone[0], zone[1]) is not None
        factor = 1.0 if gate else 0.6 if about else 0.3
        said = stance(doc, start, end, zone=zone)
        sink.add(
            "legal_basis",
            value,
            span,
            weight * factor * said.factor,
            said.note(f"instrument named: {doc.text[start:end]!r}"),
        )


_NUMBER_ONLY = re.compile(
    r"^[\w ]+ No\. (\d+)(?:/(\d{4}))?$"
)  # "Law No. 7", "Law No. 7/2023": built from a number alone


def _by_full_name(
    found: list[tuple[int, int, dict[str, str], float]],
) -> list[tuple[int, int, dict[str, str], float]]:
    """A law cited by its number alone ("the same law No. 7") after the document named it in
    full ("the Cybercrime Law No. 7 of 2023") is that law: it takes the full name, so one law
    is not counted twice. Only when exactly one full name holds the number (and the year)."""
    full = [v["instrument"] for _, _, v, _ in found if v.get("instrument") and not _NUMBER_ONLY.match(v["instrument"])]
    out = []
    for start, end, value, weight in found:
        m = _NUMBER_ONLY.match(value.get("instrument", ""))
        if m is not None:
            same = {
                name
                for name in full
                if re.search(rf"(?<!\d){m.group(1)}(?!\d)", name) and (m.group(2) is None or m.group(2) in name)
            }
            if len(same) == 1:
                value = {**value, "instrument": same.pop()}
        out.append((start, end, value, weight))
    return out


_GLOSS = re.compile(r"\s*\(\s*")  # "Marco Civil da Internet (Law 12.965/2014)": a bracket only


def _join_glossed(
    text: str, found: list[tuple[int, int, dict[str, str], float]]
) -> list[tuple[int, int, dict[str, str], float]]:
    """A law named and then glossed by its number in brackets (or the reverse) is one instrument.

    The name comes first in the record and the other form follows in brackets, so either
    spelling in another source still matches it.
    """
    out: list[tuple[int, int, dict[str, str], float]] = []
    for start, end, value, weight in found:
        if out:
            p_start, p_end, p_value, p_weight = out[-1]
            gap = _GLOSS.fullmatch(text, p_end, start)
            if gap and "provision" not in p_value and "provision" not in value and p_value != value:
                joined = dict(p_value, instrument=f"{p_value['instrument']} ({value['instrument']})")
                out[-1] = (p_start, end, joined, max(p_weight, weight))
                continue
        out.append((start, end, value, weight))
    return out


def _court_challenges(doc: Doc, sink: C.MentionSink) -> None:
    orderers = {a.name for a, _, w, _ in ordering_candidates(doc) if a.judiciary and w >= 0.5}
    courts = [a for a in find_authorities(doc) if a.judiciary and not a.name.startswith(("Justice ", "Judge "))]
    elsewhere = _courts_of_other_matters(doc, courts)
    for i, court in enumerate(courts):
        if _chamber_of_next(doc, court, courts[i + 1] if i + 1 < len(courts) else None):
            continue  # "la Sala Constitucional del Tribunal Superior": the court named next hears it
        span = C.quote(doc, court.start, court.end)
        strength = is_challenge_sentence(doc, C.sentence(doc, court.start, court.end))
        if strength == "weak" and _only_other_lifted(doc, C.sentence(doc, court.start, court.end)):
            continue  # "when the posts were not removed, the court's decision blocked it"
        if strength == "strong":
            weight = 1.0
        elif court.supranational:
            weight = 0.8
        elif strength == "weak" and court.name not in orderers:
            # "The Supreme Court held... The ruling came on petitions filed by...": a ruling
            # the next sentence ties to a petition weighs more.
            weight = NEXT_SENTENCE if _next_is_challenge(doc, court) else 0.6
        else:
            continue
        zone = C.sentence(doc, court.start, court.end)
        if strength == "strong" and _filed_by_authority(doc, court, zone):
            weight *= BY_AUTHORITY
        other = _another_matter(doc, zone, court) or _another_country(doc, court)
        if other is None and court.name in elsewhere and not _names_restriction(doc, _court_clause(doc, court, zone)):
            other = elsewhere[court.name]
        if other is not None:
            weight *= OTHER_MATTER
        intent = _intended(doc, court, zone)
        if intent is not None:
            weight *= INTENDED
        if UNNAMED in court.name:
            # A follow-up that names the court without its country ("the High Court asked the
            # state to reply") is about the incident's country, which the record fills in; the
            # court is no less the one that heard the case (authorities halve such names).
            weight *= UNNAMED_COURT / UNNAMED_COUNTRY
        value: dict[str, str] = {"court": court.name}
        # What the court did and where the case stands, when this sentence says it; the
        # values are English phrases from cues.yaml (`court_outcome`, `court_status`).
        for key, path in (("outcome", "court_outcome"), ("status", "court_status")):
            hit = C.in_sentence(doc, C.cue_set(doc.language, path), zone)
            if hit:
                value[key] = hit.value
        said = stance(doc, court.start, court.end, zone=zone)
        note = "court hearing a challenge" + (f"; {other}" if other else "") + (f"; {intent}" if intent else "")
        sink.add("court_challenges", value, span, weight * court.weight * said.factor, said.note(note))


LIFTED_NEAR = 30  # characters either side of a lifting word where what it lifts is named


def _only_other_lifted(doc: Doc, zone: tuple[int, int]) -> bool:
    """Whether every weak challenge word of the sentence is a lifting word (`gates.restore`)
    with no restriction or medium named beside it: what it removes or revokes is something
    else ("kaldırılmayınca": the posts were not removed; "revogou a licença": revoked a
    licence), so the court is not undoing the block. A court that "ruled" still is."""
    text = C.folded(doc)
    weak = C.cue_set(doc.language, "gates", "challenge_weak")
    restore = C.cue_set(doc.language, "gates", "restore")
    if not weak or not restore:
        return False
    near = [C.cue_set(doc.language, "gates", gate) for gate in ("restriction", "medium")]
    for hit in weak.finditer(text, zone[0], zone[1]):
        if not any(r.start < hit.end and hit.start < r.end for r in restore.finditer(text, hit.start, hit.end)):
            return False  # "ruled", "illegal": a challenge word that lifts nothing
        lo, hi = max(zone[0], hit.start - LIFTED_NEAR), min(zone[1], hit.end + LIFTED_NEAR)
        if any(cues and cues.search(text, lo, hi) is not None for cues in near):
            return False  # "lifted the ban", "yasağı kaldırdı"
    return True


OTHER_MATTER = 0.3  # a case about something else: an election's results, another platform's ban
INTENDED = 0.25  # "plans to challenge it at the Constitutional Court": no court has heard it yet
UNNAMED = "{country}"
UNNAMED_COURT = 0.8  # a court named without its country, in a follow-up of the incident's sources
_OF = re.compile(r"\s*(?:of the|of|del|de la|de|do|da|della|dello|di|des|du)\s+", re.IGNORECASE)


def _intended(doc: Doc, court: Authority, zone: tuple[int, int]) -> str | None:
    """Why the court has not heard the challenge yet, or None: the court's clause says a party
    plans, intends, considers or threatens to go to it (`gates.challenge_intent`: "plans to
    challenge", "envisage de saisir", "vai recorrer", "намерена обратиться", "akan mengajukan",
    "تعتزم رفع دعوى"). The README counts courts that heard a challenge, so an announced case is
    hypothetical until a later source says it was filed. The whole clause is read, since in
    verb-final languages the intent follows the court ("Anayasa Mahkemesi'ne başvuracak")."""
    intent = C.cue_set(doc.language, "gates", "challenge_intent")
    if not intent:
        return None
    lo, hi = _court_clause(doc, court, zone)
    hit = intent.search(C.folded(doc), lo, hi)
    return None if hit is None else f"a case only intended ({doc.text[hit.start : hit.end]!r})"


def _court_clause(doc: Doc, court: Authority, zone: tuple[int, int]) -> tuple[int, int]:
    """The clause around the court (its sentence cut at `;` and `stance.clause_break`)."""
    return clause(doc, court.start, court.end, zone)


def _chamber_of_next(doc: Doc, court: Authority, following: Authority | None) -> bool:
    """Whether the court is a chamber of the court named right after it ("Sala Constitucional
    del Tribunal Superior de Justicia", "the administrative chamber of the Supreme Court"):
    one court, named by the whole, not two."""
    if following is None:
        return False
    return _OF.fullmatch(doc.text, court.end, following.start) is not None


def _courts_of_other_matters(doc: Doc, courts: list[Authority]) -> dict[str, str]:
    """Courts this document ties to another matter in some sentence: another mention of the same
    court whose clause names no restriction ("the Constitutional Council received the appeal"
    after "...the opposition's appeal over the vote count") is about that matter too."""
    out: dict[str, str] = {}
    for court in courts:
        zone = C.sentence(doc, court.start, court.end)
        why = _another_matter(doc, zone, court)
        if why is not None and not _names_restriction(doc, _court_clause(doc, court, zone)):
            out.setdefault(court.name, f"{why}, the same court elsewhere in this source")
    return out


def _another_matter(doc: Doc, zone: tuple[int, int], court: Authority | None = None) -> str | None:
    """Why the case in this sentence is not a challenge to this restriction, or None.

    Two signs, in any language: the case's object is another dispute (`gates.other_matter`:
    "the results of the presidential election", "contentieux électoral") and the sentence
    names no restriction or medium; or the sentence names platforms and none of them is one
    this document is about ("a petition against last year's ban on X" in a story about a
    TikTok block).
    """
    text = C.folded(doc)
    names = _platforms_in(doc, zone)
    other = C.in_sentence(doc, C.cue_set(doc.language, "gates", "other_matter"), zone)
    # The restriction must be named in the court's own clause: "internet restored after ten
    # days; Constitutional Council receives the opposition's appeal" is two matters.
    near = zone if court is None else _court_clause(doc, court, zone)
    if other is not None and not names and not _names_restriction(doc, near):
        return f"a case about another matter ({text[other.start : other.end]!r})"
    main = _main_platforms(doc, zone)
    if names and main and not names & main:
        return f"a case about another platform ({', '.join(sorted(names))})"
    return None


def _another_country(doc: Doc, court: Authority) -> str | None:
    """A court of another country than the one the document is about ("In neighbouring
    India, the Supreme Court of India had ruled..." in a story about Pakistan) hears
    another country's case."""
    home = C.guess_country(doc)
    if court.country and home and court.country != home:
        return f"a court of another country ({court.country}, the article is about {home})"
    return None


def _names_restriction(doc: Doc, zone: tuple[int, int]) -> bool:
    """Whether the sentence names a restriction or a medium outside an authority's name
    (the "Corte" of "Corte Suprema" is no cut)."""
    text = C.folded(doc)
    names = authorities_in(doc, zone)
    return any(
        not any(a.start <= h.start < a.end for a in names)
        for gate in ("restriction", "medium")
        for h in C.cue_set(doc.language, "gates", gate).finditer(text, zone[0], zone[1])
    )


@lru_cache(maxsize=16)
def _platform_hits(doc: Doc) -> tuple[tuple[int, str, float], ...]:
    """(position, platform, weight) of every platform the document names."""
    return tuple((int(m.extra["match"][0]), str(m.value), m.weight) for m in platforms.extract(doc) if m.extra)


def _platforms_in(doc: Doc, zone: tuple[int, int]) -> set[str]:
    return {name for pos, name, _ in _platform_hits(doc) if zone[0] <= pos < zone[1]}


def _main_platforms(doc: Doc, zone: tuple[int, int]) -> frozenset[str]:
    """The platforms the rest of the document (outside the court's sentence) says are
    restricted: named in a sentence with a restriction word, with at least half the support
    of the most-supported one."""
    support: dict[str, float] = {}
    for pos, name, weight in _platform_hits(doc):
        if weight >= platforms.STRONG and not zone[0] <= pos < zone[1]:
            support[name] = support.get(name, 0.0) + weight
    if not support:
        return frozenset()
    top = max(support.values())
    return frozenset(name for name, total in support.items() if total >= top / 2)


NEXT_SENTENCE = 0.8  # a court whose ruling the next sentence ties to a petition or challenge
BY_AUTHORITY = 0.3  # "the regulator filed a suit in the district court to block X": asking for the block


def _filed_by_authority(doc: Doc, court, zone: tuple[int, int]) -> bool:
    """Whether a named executive body (a regulator, a ministry) stands before the challenge
    word in the court's sentence: an authority suing to obtain the block is not a challenge
    to it ("Roskomnadzor filed a lawsuit with the Tagansky court")."""
    challenge = C.cue_set(doc.language, "gates", "challenge")
    first = C.in_sentence(doc, challenge, zone)
    if first is None:
        return False
    return any(
        not a.generic and not a.judiciary and a.end <= first.start for a in authorities_in(doc, (zone[0], first.start))
    )


def _next_is_challenge(doc: Doc, court) -> bool:
    """Whether the sentence right after the court's speaks of a petition or challenge."""
    zone = C.sentence(doc, court.start, court.end)
    if zone[1] >= doc.body[1]:
        return False
    after = C.sentence(doc, zone[1], min(doc.body[1], zone[1] + 1))
    return is_challenge_sentence(doc, after) == "strong"


def extract(doc: Doc) -> Iterable[Mention]:
    if not C.has_cues(doc.language):
        return []
    sink = C.MentionSink(doc)
    _legal_basis(doc, sink)
    _court_challenges(doc, sink)
    return sink.mentions()
