"""Relevant articles -> incidents: same country, compatible platforms, dates close together.

Greedy and deterministic: articles are taken in date order (then input order) and each joins
the incident it fits best, else starts one. The order of arrival from workers plays no part,
so the grouping is the same for every engine.

An article's country is a ranked reading (`country.country_shares`). A clear reading must be
the incident's country; an unclear one (two countries close, as when an article says only
"Congo") may join an incident of any of its candidates, the dates, the language and then the
shares deciding. Articles with a clear country, and with a publication date, go first, so the
incidents are laid down by the firmest evidence before the rest is placed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from .country import is_clear

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
    countries: tuple[tuple[str, float], ...] = ()  # (country, share) best first

    @property
    def day(self) -> date | None:
        return min(self.days) if self.days else None

    @property
    def clear(self) -> bool:
        """Whether the country reading is clear (else any candidate may be the country)."""
        return self.country is not None and is_clear(list(self.countries) or [(self.country, 1.0)])

    @property
    def candidates(self) -> tuple[str, ...]:
        if self.country is None:
            return ()
        return (self.country,) if self.clear else tuple(c for c, _ in self.countries)


@dataclass
class Group:
    items: list[Item] = field(default_factory=list)
    country: str | None = None  # the best-supported of `countries`
    platforms: set[str] = field(default_factory=set)
    first: date | None = None
    last: date | None = None
    days: set[date] = field(default_factory=set)
    languages: set[str | None] = field(default_factory=set)
    countries: set[str] = field(default_factory=set)  # what the country may still be
    kinds: set[str] = field(default_factory=set)
    votes: dict[str, float] = field(default_factory=dict)

    def fits(self, item: Item) -> bool:
        """Same country (an article naming none needs a shared platform), compatible
        platforms, and a start or publication date near the incident's."""
        if item.country is not None and not (set(item.candidates) & self.countries):
            return False
        return self.compatible(item)

    def compatible(self, item: Item) -> bool:
        """Platforms and dates allow the article here (its country aside)."""
        if item.country is None:
            if item.platforms or self.platforms:
                if not (item.platforms & self.platforms):
                    return False
            elif item.language not in self.languages and not (item.published and self.distance(item) <= SAME_NEWS_DAYS):
                # network-wide and no country: the same language, or reported within days
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
        if item.country is not None:
            candidates = set(item.candidates)
            self.countries = (self.countries & candidates) or candidates if self.items else candidates
            for code, share in item.countries or ((item.country, 1.0),):
                self.votes[code] = self.votes.get(code, 0.0) + share
            self.country = min(self.countries, key=lambda c: (-self.votes.get(c, 0.0), c))
        if item.kind:
            self.kinds.add(item.kind)
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
        countries=tuple((str(c), float(s)) for c, s in feats.get("countries") or []),
        platforms=frozenset(feats.get("platforms") or []),
        kind=feats.get("kind"),
        days=days,
        source=source["name"],
        published=source.get("published"),
        language=row.get("language"),
    )


def _rank(group: Group, item: Item, groups: list[Group]) -> tuple[bool, int, bool, bool, int, int]:
    """An incident of the country the article leads with (all of them when shares tie, as for
    "Congo" alone), then closer in time, then the same language, then the same kind (a
    throttling is not a full shutdown), then the likelier country, then the older. An unclear
    article goes to its second country only when no incident of its first fits."""
    top = item.countries[0][1] if item.countries else None
    leaders = {c for c, share in item.countries if share == top} or set(item.candidates)
    order = item.candidates.index(group.country) if group.country in item.candidates else len(item.candidates)
    return (
        bool(leaders) and not (group.countries & leaders),
        group.distance(item),
        item.language not in group.languages,
        bool(item.kind and group.kinds and item.kind not in group.kinds),
        order,
        groups.index(group),
    )


def _only_incident_of_its_country(groups: list[Group], item: Item) -> Group | None:
    """An undated article with a clear country that fits nowhere (its platforms differ: it
    may name another service blocked alongside) joins the one incident of its country and
    kind, when there is just one and no date it gives is far from it."""
    if item.published or not item.clear:
        return None
    same = [
        g
        for g in groups
        if g.countries == {item.country}
        and (item.kind is None or not g.kinds or item.kind in g.kinds)
        and not (item.days and g.days and g.distance(item) > WINDOW_DAYS)
    ]
    rivals = [g for g in groups if item.country in g.countries]
    return same[0] if len(same) == 1 and len(rivals) == 1 else None


def group_items(items: list[Item]) -> list[Group]:
    """Incidents, ordered by the input position of their first article."""
    groups: list[Group] = []
    # Clear countries and published dates first (the firmest evidence), then the rest.
    order = sorted(
        items,
        key=lambda i: (i.country is None, not i.clear, i.published is None, i.day is None, i.day or date.min, i.seq),
    )
    for item in order:
        ranked = sorted((g for g in groups if g.fits(item)), key=lambda g: _rank(g, item, groups))
        chosen = ranked[0] if ranked else _only_incident_of_its_country(groups, item)
        if item.country is None and len(ranked) > 1:
            # An article naming no country joins an incident only when one fits best:
            # closer in time, or (equally close) written in the same language.
            first, second = ranked[0], ranked[1]
            if _rank(first, item, groups)[1:3] == _rank(second, item, groups)[1:3]:
                chosen = None
        if chosen is not None:
            chosen.add(item)
        else:
            group = Group()
            group.add(item)
            groups.append(group)
    for group in groups:
        group.items.sort(key=lambda i: i.seq)
    groups.sort(key=lambda g: g.items[0].seq)
    return groups
