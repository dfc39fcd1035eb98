"""Relevant articles -> incidents: same country, compatible platforms, dates close together.

Greedy and deterministic: articles are taken in date order (then input order) and each joins
the first incident it fits, else starts one. The order of arrival from workers plays no
part, so the grouping is the same for every engine.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

WINDOW_DAYS = 60  # an article more than this far from every article of an incident starts another


@dataclass
class Item:
    """A relevant article as grouping sees it."""

    seq: int  # its place in the input
    input: str
    country: str | None
    platforms: frozenset[str]
    kind: str | None
    day: date | None  # the incident's start as the article tells it, else its publication date
    source: str  # saved source file name
    published: str | None = None


@dataclass
class Group:
    items: list[Item] = field(default_factory=list)
    country: str | None = None
    platforms: set[str] = field(default_factory=set)
    first: date | None = None
    last: date | None = None

    def fits(self, item: Item) -> bool:
        if item.country != self.country:
            return False
        if item.country is None and not (item.platforms & self.platforms):
            return False  # no country: only a shared platform ties it to another article
        if item.platforms and self.platforms and not (item.platforms & self.platforms):
            return False
        if item.day and self.first and self.last:
            window = timedelta(days=WINDOW_DAYS)
            if not (self.first - window <= item.day <= self.last + window):
                return False
        return True

    def add(self, item: Item) -> None:
        self.items.append(item)
        self.platforms |= item.platforms
        if item.day:
            self.first = min(self.first or item.day, item.day)
            self.last = max(self.last or item.day, item.day)


def parse_day(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value if len(value) == 10 else value[:7] + "-15")
    except ValueError:
        return None


def make_item(seq: int, row: dict[str, Any]) -> Item:
    feats = row.get("_features") or {}
    source = row["_source"]
    day = parse_day(feats.get("start_date")) or parse_day(source.get("published"))
    return Item(seq=seq, input=row["input"], country=feats.get("country"),
                platforms=frozenset(feats.get("platforms") or []), kind=feats.get("kind"),
                day=day, source=source["name"], published=source.get("published"))


def group_items(items: list[Item]) -> list[Group]:
    """Incidents, ordered by the input position of their first article."""
    groups: list[Group] = []
    for item in sorted(items, key=lambda i: (i.day is None, i.day or date.min, i.seq)):
        for group in groups:
            if group.fits(item):
                group.add(item)
                break
        else:
            group = Group(country=item.country)
            group.add(item)
            groups.append(group)
    for group in groups:
        group.items.sort(key=lambda i: i.seq)
    groups.sort(key=lambda g: g.items[0].seq)
    return groups
