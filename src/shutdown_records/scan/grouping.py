"""Relevant articles -> incidents: same country, compatible platforms, dates close together.

Greedy and deterministic: articles are taken in date order (then input order) and each joins
the first incident it fits, else starts one. The order of arrival from workers plays no
part, so the grouping is the same for every engine.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

WINDOW_DAYS = 60  # an article more than this far from every article of an incident starts another
# A block of the same platform in the same country often lasts years (and follow-ups report
# its lifting years on), so articles sharing a platform are one incident within this window.
PLATFORM_WINDOW_DAYS = 3 * 366
SAME_NEWS_DAYS = 3  # an article naming no country, in another language, published this close


@dataclass
class Item:
    """A relevant article as grouping sees it."""

    seq: int  # its place in the input
    input: str
    country: str | None
    platforms: frozenset[str]
    kind: str | None
    days: tuple[date, ...]  # the incident's start as the article tells it, and its publication date
    source: str  # saved source file name
    published: str | None = None
    language: str | None = None

    @property
    def day(self) -> date | None:
        return min(self.days) if self.days else None


@dataclass
class Group:
    items: list[Item] = field(default_factory=list)
    country: str | None = None
    platforms: set[str] = field(default_factory=set)
    first: date | None = None
    last: date | None = None
    days: set[date] = field(default_factory=set)
    languages: set[str | None] = field(default_factory=set)

    def fits(self, item: Item) -> bool:
        """Same country (an article naming none needs a shared platform), compatible
        platforms, and a start or publication date near the incident's."""
        if item.country is None:
            if item.platforms or self.platforms:
                if not (item.platforms & self.platforms):
                    return False
            elif item.language not in self.languages and not (item.published and self.distance(item) <= SAME_NEWS_DAYS):
                # network-wide and no country: the same language, or reported within days
                return False
        elif item.country != self.country:
            return False
        if item.platforms and self.platforms and not (item.platforms & self.platforms):
            return False
        if item.published and item.days and self.days:
            # Only a published date is firm; a start date read from an undated article may be
            # a past event it recalls, so it only ranks the incidents that fit otherwise.
            window = PLATFORM_WINDOW_DAYS if item.platforms & self.platforms else WINDOW_DAYS
            if not any(abs((d - g).days) <= window for d in item.days for g in self.days):
                return False
        return True

    def distance(self, item: Item) -> int:
        if not item.days or not self.days:
            return 10**6
        return min(abs((d - g).days) for d in item.days for g in self.days)

    def add(self, item: Item) -> None:
        self.items.append(item)
        self.platforms |= item.platforms
        self.days.update(item.days)
        self.languages.add(item.language)
        if item.day:
            self.first = min(self.first or item.day, item.day)
            self.last = max(self.last or max(item.days), max(item.days))


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
    days = tuple(sorted({d for d in (parse_day(feats.get("start_date")), parse_day(source.get("published"))) if d}))
    return Item(
        seq=seq,
        input=row["input"],
        country=feats.get("country"),
        platforms=frozenset(feats.get("platforms") or []),
        kind=feats.get("kind"),
        days=days,
        source=source["name"],
        published=source.get("published"),
        language=row.get("language"),
    )


def group_items(items: list[Item]) -> list[Group]:
    """Incidents, ordered by the input position of their first article."""
    groups: list[Group] = []
    # Dated articles first (published dates are firm), then undated, then those naming no country.
    order = sorted(
        items, key=lambda i: (i.country is None, i.published is None, i.day is None, i.day or date.min, i.seq)
    )
    for item in order:
        fitting = [g for g in groups if g.fits(item)]
        ranked = sorted(fitting, key=lambda g: (g.distance(item), item.language not in g.languages, groups.index(g)))
        chosen = ranked[0] if ranked else None
        if item.country is None and len(ranked) > 1:
            # An article naming no country joins an incident only when one fits best:
            # closer in time, or (equally close) written in the same language.
            first, second = ranked[0], ranked[1]
            if (first.distance(item), item.language not in first.languages) == (
                second.distance(item),
                item.language not in second.languages,
            ):
                chosen = None
        if chosen is not None:
            chosen.add(item)
        else:
            group = Group(country=item.country)
            group.add(item)
            groups.append(group)
    for group in groups:
        group.items.sort(key=lambda i: i.seq)
    groups.sort(key=lambda g: g.items[0].seq)
    return groups
