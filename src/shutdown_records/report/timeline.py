"""The index's timeline: one bar per incident, laid out in Python so the SVG is plain markup.

Dates are partial ("2024-02" or "2024-02-17"): a month-precision start is drawn from the
month's first day, a month-precision end to its last day. An incident with no end date (ongoing
or unknown) is drawn to the *data horizon*, the latest date found anywhere in the records
(start/end dates, court dates, sources' published dates), never to the day of the build, so the
same records always give the same bytes.
"""

from __future__ import annotations

import calendar
import heapq
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date

from ..model import Incident

WIDTH = 1000  # SVG user units across the plotting area
LEFT_PAD = 10
LANE_HEIGHT = 10
BAR_HEIGHT = 7
AXIS_HEIGHT = 24
MIN_BAR = 3  # a one-day incident stays visible and clickable


def parse_partial(value: str | None, *, end: bool = False) -> date | None:
    """First (or, with `end`, last) day a partial date can mean; None if absent or not a real date."""
    if not value:
        return None
    try:
        parts = [int(p) for p in value.split("-")]
        if len(parts) == 2:
            year, month = parts
            day = calendar.monthrange(year, month)[1] if end else 1
            return date(year, month, day)
        return date(parts[0], parts[1], parts[2])
    except (ValueError, IndexError):
        return None


def latest_date(incident: Incident) -> date | None:
    """The latest date one record mentions (start/end, court dates, sources' published dates)."""
    candidates = [incident.start_date, incident.end_date]
    candidates += [s.published for s in incident.sources]
    candidates += [c.date for c in incident.court_challenges]
    days = [d for d in (parse_partial(raw, end=True) for raw in candidates) if d is not None]
    return max(days, default=None)


def data_horizon(incidents: Iterable[Incident]) -> date | None:
    """The latest date the records mention: where open-ended bars stop."""
    return max((d for d in map(latest_date, incidents) if d is not None), default=None)


@dataclass(frozen=True)
class Span:
    """An incident's drawn interval; `open_end` when it runs to the horizon for lack of an end date."""

    start: date
    end: date
    open_end: bool


def incident_span(incident: Incident, horizon: date | None) -> Span | None:
    return span_of(incident.start_date, incident.end_date, incident.status, horizon)


def span_of(start_date: str | None, end_date: str | None, status: str, horizon: date | None) -> Span | None:
    start = parse_partial(start_date)
    if start is None:
        return None
    end = parse_partial(end_date, end=True)
    open_end = end is None and status != "ended"
    if end is None:
        end = max(horizon or start, start) if open_end else start
    return Span(start, max(end, start), open_end)


@dataclass(frozen=True)
class Bar:
    id: str
    kind: str
    x: float
    y: int
    width: float
    open_end: bool
    label: str


@dataclass(frozen=True)
class Tick:
    x: float
    label: str


@dataclass(frozen=True)
class Timeline:
    bars: list[Bar]
    ticks: list[Tick]
    width: int
    height: int
    first: date | None
    last: date | None
    undrawn: int  # incidents with no usable start date


def layout(items: list[tuple[str, str, str, Span | None]]) -> Timeline:
    """Pack bars into lanes (first free lane, by start) so the chart stays short for 10,000 rows.

    `items` are (id, kind, accessible label, span).
    """
    drawn = sorted((span.start, ident, kind, label, span) for ident, kind, label, span in items if span)
    undrawn = len(items) - len(drawn)
    if not drawn:
        return Timeline([], [], WIDTH + 2 * LEFT_PAD, AXIS_HEIGHT, None, None, undrawn)
    first = min(s.start for *_, s in drawn).replace(day=1)
    last_end = max(s.end for *_, s in drawn)
    last = last_end.replace(day=calendar.monthrange(last_end.year, last_end.month)[1])
    days = max((last - first).days + 1, 1)
    scale = WIDTH / days

    def x_of(day: date) -> float:
        return LEFT_PAD + (day - first).days * scale

    lanes_free: list[tuple[float, int]] = []  # (x where the lane is free again, lane)
    lane_count = 0
    bars: list[Bar] = []
    for _start, ident, kind, label, span in drawn:
        x = x_of(span.start)
        width = max((span.end - span.start).days + 1, 1) * scale
        width = max(width, MIN_BAR)
        if lanes_free and lanes_free[0][0] <= x:
            _, lane = heapq.heappop(lanes_free)
        else:
            lane, lane_count = lane_count, lane_count + 1
        heapq.heappush(lanes_free, (x + width + 1, lane))
        bars.append(
            Bar(ident, kind, round(x, 2), AXIS_HEIGHT + lane * LANE_HEIGHT, round(width, 2), span.open_end, label)
        )
    bars.sort(key=lambda b: (b.y, b.x, b.id))
    height = AXIS_HEIGHT + lane_count * LANE_HEIGHT + 4
    return Timeline(bars, _ticks(first, last, x_of), WIDTH + 2 * LEFT_PAD, height, first, last, undrawn)


def _ticks(first: date, last: date, x_of: Callable[[date], float]) -> list[Tick]:
    """Year ticks (every n years so at most ~10), or month ticks for a range under about a year."""
    if (last - first).days < 400:
        ticks: list[Tick] = []
        day = first
        step = 1 if (last - first).days < 200 else 2
        while day <= last:
            ticks.append(Tick(round(x_of(day), 2), day.strftime("%Y-%m")))
            month = day.month - 1 + step
            day = date(day.year + month // 12, month % 12 + 1, 1)
        return ticks
    years = list(range(first.year + (first.month > 1 or first.day > 1), last.year + 1))
    step = max(1, -(-len(years) // 10))
    return [Tick(round(x_of(date(y, 1, 1)), 2), str(y)) for y in years[::step]]


def years_active(span: Span | None) -> list[int]:
    """Every year the incident touches, for the index's year filter."""
    if span is None:
        return []
    return list(range(span.start.year, span.end.year + 1))
