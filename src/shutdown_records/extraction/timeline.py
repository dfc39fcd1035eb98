"""The incident's timeline, and its start and end dates chosen from it by stated rules.

The date extractor (`extractors/dates.py`) tells, for every date it reads, which step of the
restriction it is: an announcement, the order, the moment it took effect, an extension, a
partial or full restoration, the lifting of the order, its revocation. This module groups
those steps across sources (each with its date, support and quotes) and applies the rules
of docs/timeline.md before the merger picks the record's `start_date` and `end_date`:

1. start is when the restriction took effect; an order or announcement date counts only
   when no source dates the effect (announced on Monday, blocked from Thursday: Thursday);
2. an order revoked before it took effect keeps the order's date as start and the
   revocation's as end;
3. a date the sources give for the return of access is not the start;
4. a follow-up article's own date is not the incident's: a start read from a source's own
   published day, weeks after the other sources' start, does not count;
5. an extension's dates are neither start nor end (the extractor already weighs them down);
6. a schedule that began as announced ("from 3 to 7 June", and the cuts were seen to begin
   on the 3rd) ends on its last day when no source reports another return;
7. access that came back in stages, in one sentence, came back fully on the last stage's day;
8. an earlier episode is background: a start or end more than a year before the first source
   was published, while the sources also date a start within that year, is another incident's
   ("In June 2023 the internet was cut from 3 to 9 June" in a 2025 article);
9. a return dated on or before a firm start is not the end when a later return is reported.

The rules only reweigh Mentions; the merger still adds support across sources and cites the
quotes, so every value stays traceable and a disagreement stays visible in `conflicts`.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, timedelta

from .types import Mention

EVENTS = ("announcement", "order", "effect", "extension", "partial_restoration", "restoration", "lifting", "revocation")
ENDING = frozenset({"restoration", "lifting", "revocation"})
STARTING = frozenset({"effect", "order", "announcement"})
EFFECT_FLOOR = 0.6  # an effect date this well supported makes order/announcement dates secondary
SECONDARY = 0.5  # weight of an order date beside a supported effect date
ANNOUNCED = 0.3  # ...and of an announcement date
FOLLOW_UP_DAYS = 14  # a source's own day this much after another source's start is a follow-up
FOLLOW_UP = 0.2
OWN_TIME_DAYS = 7  # a start this close to its source's published day is that source's news
PARTIAL_STAGE = 0.3  # an earlier stage of a return that one sentence gives in stages
RESTORE_AS_START = 0.2  # a date the sources give as the return of access, read as a start
BACKGROUND_DAYS = 365  # a step this long before the first source's day is an earlier episode's...
BACKGROUND = 0.2  # ...when the sources date steps after it too: its weight
RECENT_STEP = 0.5  # the weight a step within that year needs to make the older ones background
EARLY_RETURN = 0.3  # a return dated on or before a firm start, beside a later return


@dataclass
class Step:
    """One dated step of the restriction, as the sources tell it."""

    event: str
    value: str  # YYYY-MM-DD or YYYY-MM
    support: float
    sources: list[str] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)


def event_of(m: Mention) -> str | None:
    event = m.extra.get("event")
    if event:
        return str(event)
    return "effect" if m.field == "start_date" else "restoration" if m.field == "end_date" else None


def steps(mentions: list[Mention]) -> list[Step]:
    """The timeline: one Step per (event, date), its support summed over sources (the
    strongest mention of each source), ordered by date then by the event's place."""
    groups: dict[tuple[str, str], dict[str, list[Mention]]] = {}
    for m in mentions:
        event = event_of(m)
        if event is None or m.field not in ("start_date", "end_date"):
            continue
        groups.setdefault((event, str(m.value)), {}).setdefault(m.source, []).append(m)
    out = []
    for (event, value), by_source in groups.items():
        support = sum(max(x.weight for x in ms) for ms in by_source.values())
        out.append(
            Step(event, value, round(support, 3), sorted(by_source), [x for ms in by_source.values() for x in ms])
        )
    rank = {e: i for i, e in enumerate(EVENTS)}
    out.sort(key=lambda st: (st.value, rank.get(st.event, 99)))
    return out


def _support(mentions: list[Mention]) -> dict[str, float]:
    per: dict[tuple[str, str], float] = {}
    for m in mentions:
        key = (str(m.value), m.source)
        per[key] = max(per.get(key, 0.0), m.weight)
    out: dict[str, float] = {}
    for (value, _), w in per.items():
        out[value] = out.get(value, 0.0) + w
    return out


def _same(a: str, b: str) -> bool:
    """Two dates that may be one: equal, or a day inside the other's month."""
    return a == b or (min(len(a), len(b)) == 7 and a[:7] == b[:7])


def _day(value: str) -> date | None:
    try:
        return date.fromisoformat(value) if len(value) == 10 else None
    except ValueError:
        return None


def _revoked_before_planned(start: list[Mention], revoked: list[Mention]) -> bool:
    """Whether the order was revoked before the day it was to take effect: "blocked from 15
    February" said on the 11th (a plan: `planned`), revoked on the 13th, and no source
    reporting the block as already in place on or before the revocation."""
    if not revoked:
        return False
    first = min(str(m.value) for m in revoked)
    effects = [m for m in start if event_of(m) == "effect" and m.weight >= 0.3 and len(str(m.value)) == 10]
    planned_after = any(m.extra.get("planned") and str(m.value) > first for m in effects)
    happened = any(not m.extra.get("planned") and str(m.value) <= first for m in effects)
    return planned_after and not happened


def apply_rules(
    start: list[Mention], end: list[Mention], published: dict[str, str]
) -> tuple[list[Mention], list[Mention], list[str]]:
    """Start and end Mentions reweighed by the timeline rules, and a note per rule that fired."""
    notes: list[str] = []
    start = list(start)
    end = list(end)

    # Rule 2: revoked before it took effect.
    revoked = [m for m in end if event_of(m) == "revocation" and m.weight >= 0.3]
    never = any(m.extra.get("not_effective") for m in start + end) or _revoked_before_planned(start, revoked)
    if revoked and never:
        orders = [m for m in start if event_of(m) in ("order", "effect", "announcement")]
        if orders:
            end = [m if event_of(m) == "revocation" else replace(m, weight=round(m.weight * 0.3, 4)) for m in end]
            # The effect dates after the revocation were plans that never came true.
            first = min(str(m.value) for m in revoked)
            start = [
                replace(m, weight=round(m.weight * FOLLOW_UP, 4))
                if event_of(m) == "effect" and str(m.value) > first
                else m
                for m in start
            ]
            notes.append(
                "timeline: the order was revoked before it took effect: start is the order's date, end the revocation's"
            )

    # Rule 1: when it took effect, not when it was announced or ordered.
    effect = _support([m for m in start if event_of(m) == "effect"])
    if effect and max(effect.values()) >= EFFECT_FLOOR and not (revoked and never):
        out = []
        fired = False
        for m in start:
            ev = event_of(m)
            # (An order on 5 May inside an effect known only as "May 2008" agrees with it.)
            if ev in ("order", "announcement") and not any(_same(str(m.value), v) for v in effect):
                m = replace(m, weight=round(m.weight * (SECONDARY if ev == "order" else ANNOUNCED), 4))
                fired = True
            out.append(m)
        start = out
        if fired:
            notes.append(
                "timeline: start is the day the restriction took effect; order and announcement dates count less"
            )

    start, end, old = _background(start, end, published)
    if old:
        notes.append(f"timeline: {', '.join(old)} belong to an earlier episode the sources recall, not this one")

    # Rule 7: access that came back in stages ("restored in the capital on 4 July and in the
    # rest of the region on 9 July"): in one sentence, the last return day is the end.
    end, staged = _stages(end)
    if staged:
        notes.append(f"timeline: access came back in stages; {staged} is the last")

    # Rule 3: a date the sources give as the return of access is not the start.
    returns = _support([m for m in end if event_of(m) in ENDING])
    strong_returns = {v for v, w in returns.items() if w >= EFFECT_FLOOR}
    if strong_returns:
        starts = _support(start)
        earlier = [v for v, w in starts.items() if w >= EFFECT_FLOOR and all(v < r for r in strong_returns)]
        # (Access can come back the day it was cut: only after a firm earlier start is a
        # return date taken off the starts.)
        misread = strong_returns
        if earlier:
            out = []
            for m in start:
                if str(m.value) in misread and m.extra.get("cue") not in ("start", "range", "label"):
                    m = replace(m, weight=round(m.weight * RESTORE_AS_START, 4))
                    notes.append(f"timeline: {m.value} is when access returned, not a start")  # one per date (a set)
                out.append(m)
            start = out

    # Rule 4: a follow-up article's own time. A source published more than FOLLOW_UP_DAYS
    # after the first source is a follow-up; a start it reads within a week of its own day
    # ("blocked again today") is its news, not the incident's start, when an earlier source
    # gives a firm start day more than FOLLOW_UP_DAYS before. (Sources published together
    # are never follow-ups: an older episode they name as background changes nothing.)
    days = {sid: d for sid, d in ((sid, _day(v)) for sid, v in published.items()) if d is not None}
    first_published = min(days.values()) if days else None
    follow_ups: set[str] = set()
    out = []
    for m in start:
        own = days.get(m.source)
        mine = _day(str(m.value))
        if (
            own is not None
            and mine is not None
            and first_published is not None
            and (own - first_published).days > FOLLOW_UP_DAYS
            and abs((mine - own).days) <= OWN_TIME_DAYS
            and m.extra.get("cue") not in ("start", "range", "label")
        ):
            firm = _support(
                [
                    x
                    for x in start
                    if x.source != m.source and x.source in days and days[x.source] < own and len(str(x.value)) == 10
                ]
            )
            if any(w >= EFFECT_FLOOR and (mine - date.fromisoformat(v)).days > FOLLOW_UP_DAYS for v, w in firm.items()):
                m = replace(m, weight=round(m.weight * FOLLOW_UP, 4))
                follow_ups.add(m.source)
        out.append(m)
    start = out
    if follow_ups:
        names = sorted(follow_ups)
        shown = ", ".join(names[:5]) + (f" and {len(names) - 5} more" if len(names) > 5 else "")
        notes.append(
            f"timeline: starts that follow-up sources ({shown}) read near their own published day "
            "count less: that is their news, not the start"
        )
    # Rule 9: a return on or before the firm start ("traffic fell to zero on Saturday", read
    # as "until"), when a source reports a return after it, is not the end.
    starts = _support(start)
    firm_days = [v for v, w in starts.items() if w >= EFFECT_FLOOR and len(v) == 10]
    if firm_days:
        first = min(firm_days)
        later = any(str(m.value) > first and m.weight >= 0.3 and len(str(m.value)) == 10 for m in end)
        if later and any(len(str(m.value)) == 10 and str(m.value) <= first for m in end):
            end = [
                replace(m, weight=round(m.weight * EARLY_RETURN, 4))
                if len(str(m.value)) == 10 and str(m.value) <= first
                else m
                for m in end
            ]
            notes.append(f"timeline: returns dated on or before the start ({first}) are not the end")

    # Rule 6: a schedule that began as announced ("cut from 3 to 7 June during the exams",
    # and another source saw the cuts begin on the 3rd): with no return reported, the
    # schedule's last day is the end.
    if not any(w >= EFFECT_FLOOR for w in _support(end).values()):
        end, kept = _schedule_end(start, end)
        if kept:
            notes.append(f"timeline: {kept} is the last day of a schedule that began as announced")
    return start, end, sorted(set(notes))


def _latest(value: str) -> date | None:
    """The last day a date of day or month precision may mean."""
    if len(value) == 7:
        try:
            y, m = int(value[:4]), int(value[5:])
            return date(y + (m == 12), m % 12 + 1, 1) - timedelta(days=1)
        except ValueError:
            return None
    return _day(value)


def _background(
    start: list[Mention], end: list[Mention], published: dict[str, str]
) -> tuple[list[Mention], list[Mention], list[str]]:
    """Rule 8: start and end mentions of an earlier episode weighed down, and their dates.

    A step is old when even its latest possible day lies more than BACKGROUND_DAYS before
    the first source's published day; it is background only when some other step with at
    least RECENT_STEP weight lies within that year or later (a retrospective whose every
    start is old keeps them: it has no newer incident to tell)."""
    days = [d for d in (_day(v) for v in published.values()) if d is not None]
    if not days:
        return start, end, []
    cutoff = min(days) - timedelta(days=BACKGROUND_DAYS)

    def old(m: Mention) -> bool:
        last = _latest(str(m.value))
        return last is not None and last < cutoff

    # (a start: "a year ago today it was blocked ... lifted on 30 May" alone has no newer incident)
    if not any(m.weight >= RECENT_STEP and not old(m) and _latest(str(m.value)) for m in start):
        return start, end, []
    dates = sorted({str(m.value) for m in start + end if old(m) and m.weight > 0})
    start = [replace(m, weight=round(m.weight * BACKGROUND, 4)) if old(m) else m for m in start]
    end = [replace(m, weight=round(m.weight * BACKGROUND, 4)) if old(m) else m for m in end]
    return start, end, dates


def _stages(end: list[Mention]) -> tuple[list[Mention], str | None]:
    """Return mentions of one sentence with several days: the earlier ones are stages
    (partial restorations, PARTIAL_STAGE x), the last one keeps the strongest weight."""
    by_sentence: dict[tuple[str, int, int], list[Mention]] = {}
    for m in end:
        if event_of(m) in ("restoration", "lifting") and len(str(m.value)) == 10:
            by_sentence.setdefault((m.source, m.start, m.end), []).append(m)
    changed: dict[int, Mention] = {}
    last_day = None
    for group in by_sentence.values():
        days = {str(m.value) for m in group}
        if len(days) < 2:
            continue
        last_day = max(days)
        strongest = max(m.weight for m in group)
        for m in group:
            if str(m.value) == last_day:
                changed[id(m)] = replace(m, weight=strongest)
            else:
                changed[id(m)] = replace(
                    m, weight=round(m.weight * PARTIAL_STAGE, 4), extra={**m.extra, "event": "partial_restoration"}
                )
    return [changed.get(id(m), m) for m in end], last_day


def _schedule_end(start: list[Mention], end: list[Mention]) -> tuple[list[Mention], str | None]:
    """End mentions with a stated range's last day raised to the floor when the range's first
    day is a start that a second source, or a report of it happening, confirms."""
    support = _support(start)
    for m in end:
        if m.extra.get("cue") != "range" or len(str(m.value)) != 10:
            continue
        firsts = {str(x.value) for x in start if x.source == m.source and x.extra.get("cue") == "range"}
        for first in firsts:
            confirmed = [
                x
                for x in start
                if str(x.value) == first and (x.source != m.source or not x.extra.get("planned")) and x.weight >= 0.3
            ]
            if confirmed and support.get(first, 0.0) >= EFFECT_FLOOR and first <= str(m.value):
                raised = replace(m, weight=max(m.weight, EFFECT_FLOOR))
                return [raised if x is m else x for x in end], str(m.value)
    return end, None


def describe(mentions: list[Mention]) -> list[str]:
    """One line per step with support >= 0.3: "2022-03-18 order (01.txt, 02.txt)"."""
    return [f"{st.value} {st.event} ({', '.join(st.sources)})" for st in steps(mentions) if st.support >= 0.3]
