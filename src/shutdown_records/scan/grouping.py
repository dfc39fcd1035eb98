"""Relevant articles -> incidents: same country, compatible platforms, dates close together.

Greedy and deterministic: articles are taken in date order (then input order) and each joins
the incident it fits best, else starts one. The order of arrival from workers plays no part,
so the grouping is the same for every engine. An article is compared with all that its
incident has gathered (every article's platforms, stated start and end dates, publication
dates, languages, contexts), so a follow-up stating the incident's dates joins it however late
it is published, and a block lifted and imposed again is a new incident. A last pass places an
article left alone because its country reading went to another state it recalls.

An article's country is a ranked reading (`country.country_shares`). A clear reading must be
the incident's country; an unclear one (two countries close, as when an article says only
"Congo") may join an incident of any of its candidates, the dates, the language and then the
shares deciding. Articles with a clear country, and with a publication date, go first, so the
incidents are laid down by the firmest evidence before the rest is placed. An article naming no
country prefers, among the incidents it fits, one of its outlet's country (a national domain).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any
from urllib.parse import urlsplit

from .country import is_clear

WINDOW_DAYS = 60  # an article more than this far from every article of an incident starts another
# A block of the same platform in the same country often lasts years (and follow-ups report
# its lifting years on), so articles sharing a platform are one incident within this window.
PLATFORM_WINDOW_DAYS = 3 * 366
SAME_NEWS_DAYS = 3  # an article naming no country, in another language, published this close
# A block lifted and imposed again is two incidents: an article whose stated start is this far
# after an incident's stated end (or whose end is this far before its start) is not that incident.
ENDED_MARGIN_DAYS = 31
# An article alone in its incident, read as another country's, joins an incident of a country it
# also names when it shares that incident's platforms (or both are network-wide) this close in time.
MISREAD_DAYS = 7
# A follow-up whose start reading went to its own news (a court ruling months later) joins the
# one incident of its country that another start the builder weighed almost as much (at least
# RUNNER_UP of the best) falls within RECALL_DAYS of (a month's reading, "in September", included).
RUNNER_UP = 0.75
RECALL_DAYS = 31
# Country-code top-level domains sold to anyone (.io, .tv, .co...): an outlet's domain in one
# of these says nothing of where it is.
GENERIC_TLDS = frozenset(
    "ac ad ag ai am as bz cc cd co cx fm gg gl gs im io je la ly md me ms mu nu pw sc sh so st tk to tv vc ws".split()
)
TLD_CODES = {"uk": "GB"}  # ccTLDs that are not the ISO code


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
    start: date | None = None  # the incident's start as the article states it
    end: date | None = None  # the incident's end as the article states it
    contexts: frozenset[str] = frozenset()  # what it came with: exams, election, protests...
    named: tuple[str, ...] = ()  # every country the article names, the minor ones too
    outlet: str | None = None  # the country of the outlet's domain (.cm, .com.br), if any
    start_readings: tuple[tuple[date, float], ...] = ()  # every start the builder weighed, and its weight

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
    starts: set[date] = field(default_factory=set)  # stated starts
    ends: set[date] = field(default_factory=set)  # stated ends
    published: set[date] = field(default_factory=set)
    contexts: set[str] = field(default_factory=set)

    def fits(self, item: Item) -> bool:
        """Same country (an article naming none needs a shared platform), compatible
        platforms (shared, or the same stated start), and a start or publication date near
        the incident's."""
        if item.country is not None and not (set(item.candidates) & self.countries):
            return False
        return self.compatible(item)

    def compatible(self, item: Item) -> bool:
        """Platforms and dates allow the article here (its country aside)."""
        if item.country is None:
            if item.platforms or self.platforms:
                if not (item.platforms & self.platforms) and not self.outlets_own(item):
                    return False
            elif not (
                item.language in self.languages
                or (item.published and self.distance(item) <= SAME_NEWS_DAYS)
                or self.same_start(item)
            ):
                # network-wide and no country: the same language, reported within days, or
                # stating the same start (a language whose country names the builder lacks)
                return False
        if item.platforms and self.platforms and not (item.platforms & self.platforms) and not self.same_start(item):
            return False
        if self.ended_before(item):
            return False
        if item.published and item.days and self.days:
            # Only a published date is firm; a start date read from an undated article may be
            # a past event it recalls, so it only ranks the incidents that fit otherwise.
            window = PLATFORM_WINDOW_DAYS if item.platforms & self.platforms else WINDOW_DAYS
            if not any(abs((d - g).days) <= window for d in item.days for g in self.days):
                return False
        return True

    def outlets_own(self, item: Item) -> bool:
        """An article naming no country, from an outlet of this incident's country (a national
        domain), stating its start to a day: a national daily's follow-up may name other
        platforms than the wire's ("Facebook and TikTok back" after "social media blocked"), or
        none ("the internet is back"), so its platforms are not asked to match."""
        return item.outlet is not None and item.outlet in self.countries and self.same_start(item)

    def same_start(self, item: Item) -> bool:
        """The article states the incident's start to a day (outlets list different platforms
        of one block: "WhatsApp and Facebook" here, "X and Instagram" there)."""
        return item.start is not None and any(abs((item.start - s).days) <= 1 for s in self.starts)

    def ended_before(self, item: Item) -> bool:
        """The article reports a restriction that started after this incident had ended (a
        block lifted, then imposed again), or one that ended before this incident started."""
        if item.start and self.ends and (item.start - max(self.ends)).days > ENDED_MARGIN_DAYS:
            return True
        return bool(item.end and self.starts and (min(self.starts) - item.end).days > ENDED_MARGIN_DAYS)

    def distance(self, item: Item) -> int:
        if not item.days or not self.days:
            return 10**6
        return min(abs((d - g).days) for d in item.days for g in self.days)

    def published_distance(self, item: Item) -> int:
        """Days between the article's publication and the nearest of the incident's (firm dates:
        they tell two incidents apart when a stated date, read from a passing mention, ties)."""
        day = parse_day(item.published)
        if day is None or not self.published:
            return 10**6
        return min(abs((day - g).days) for g in self.published)

    def add(self, item: Item, *, country: bool = True) -> None:
        """Take the article in; `country=False` leaves the incident's country as it is (an
        article placed by its other facts, its own reading set aside)."""
        if item.country is not None and country:
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
        self.contexts |= item.contexts
        if item.start:
            self.starts.add(item.start)
        if item.end:
            self.ends.add(item.end)
        published = parse_day(item.published)
        if published:
            self.published.add(published)
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


def outlet_country(url: str | None) -> str | None:
    """The country of a news site's country-code domain ("lejour.example.cm" -> CM,
    "folha.com.br" -> BR), None for generic domains (.com, .org, .io, .tv...)."""
    if not url:
        return None
    host = urlsplit(url).hostname or ""
    tld = host.rsplit(".", 1)[-1].lower() if "." in host else ""
    if len(tld) != 2 or not tld.isalpha() or tld in GENERIC_TLDS:
        return None
    return TLD_CODES.get(tld, tld.upper())


def make_item(seq: int, row: dict[str, Any]) -> Item:
    feats = row.get("_features") or {}
    source = row["_source"]
    start, end = parse_day(feats.get("start_date")), parse_day(feats.get("end_date"))
    days = tuple(sorted({d for d in (start, end, parse_day(source.get("published"))) if d}))
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
        start=start,
        end=end,
        contexts=frozenset(str(c) for c in feats.get("context") or []),
        named=tuple(str(c) for c in feats.get("named") or []),
        outlet=outlet_country(row.get("url")),
        start_readings=tuple(
            (day, float(weight)) for value, weight in feats.get("start_readings") or [] if (day := parse_day(value))
        ),
    )


def _rank(group: Group, item: Item, groups: list[Group]) -> tuple[bool, int, bool, int, bool, bool, int, int]:
    """An incident of the country the article leads with (all of them when shares tie, as for
    "Congo" alone), then closer in time, then one it shares a context with (exams, an
    election), then closer in publication, then the same language, then the same kind (a
    throttling is not a full shutdown), then the likelier country, then the older. An unclear
    article goes to its second country only when no incident of its first fits."""
    top = item.countries[0][1] if item.countries else None
    leaders = {c for c, share in item.countries if share == top} or set(item.candidates)
    order = item.candidates.index(group.country) if group.country in item.candidates else len(item.candidates)
    return (
        bool(leaders) and not (group.countries & leaders),
        group.distance(item),
        bool(item.contexts and group.contexts and not (item.contexts & group.contexts)),
        group.published_distance(item),
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
        and not g.ended_before(item)
    ]
    rivals = [g for g in groups if item.country in g.countries]
    return same[0] if len(same) == 1 and len(rivals) == 1 else None


def _recalled_incident(groups: list[Group], item: Item) -> Group | None:
    """A dated follow-up with a clear country that fits nowhere because its start reading went
    to its own news ("the court ruled on Tuesday that the shutdown imposed last September...")
    joins the one earlier incident of its country, kind and platforms that a close second start
    reading (RUNNER_UP of the best) falls within RECALL_DAYS of. A reading far behind (a past
    block recalled in the background of a new one) is not enough, nor one two incidents fit."""
    if not item.published or not item.clear or not item.start_readings:
        return None
    best = max(weight for _day, weight in item.start_readings)
    recalled = [day for day, weight in item.start_readings if weight >= RUNNER_UP * best and day != item.start]
    published = parse_day(item.published)
    if not recalled or published is None:
        return None
    fitting = [
        g
        for g in groups
        if g.countries == {item.country}
        and (item.kind is None or not g.kinds or item.kind in g.kinds)
        and (bool(item.platforms & g.platforms) or not (item.platforms or g.platforms))
        and g.published
        and min(g.published) <= published
        and any(abs((day - s).days) <= RECALL_DAYS for day in recalled for s in g.starts)
    ]
    return fitting[0] if len(fitting) == 1 else None


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
        if item.country is None and item.outlet:
            # An article naming no country, from an outlet of a country that has an incident
            # it fits (a national daily's follow-up: "the exams ended on Saturday"): that one.
            ranked = [g for g in ranked if item.outlet in g.countries] or ranked
        chosen = (
            ranked[0] if ranked else _only_incident_of_its_country(groups, item) or _recalled_incident(groups, item)
        )
        if item.country is None and len(ranked) > 1:
            # An article naming no country joins an incident only when one fits best:
            # closer in time or sharing a context, or (else equal) closer in publication or
            # written in the same language.
            best = _rank(ranked[0], item, groups)[1:5]
            tied = [g for g in ranked if _rank(g, item, groups)[1:5] == best]
            if len(tied) > 1:
                # still one, when only one of them states the article's start to a day (a
                # city-only report of a regional cut: the incident reported from that day)
                starting = [g for g in tied if g.same_start(item)]
                chosen = starting[0] if len(starting) == 1 else None
        if chosen is not None:
            chosen.add(item)
        else:
            group = Group()
            group.add(item)
            groups.append(group)
    groups = _join_misread(groups)
    for group in groups:
        group.items.sort(key=lambda i: i.seq)
    groups.sort(key=lambda g: g.items[0].seq)
    return groups


def _join_misread(groups: list[Group]) -> list[Group]:
    """An article left alone whose country reading may be wrong joins the incident it matches.

    The reading can go to another state when an article recalls a block abroad at length, or
    names another state's regulator ("as Roskomnadzor did in 2018"). When such an article is
    the only one of its incident, and it also names the country of an incident of several
    articles that shares its platforms (or both are network-wide), allows its dates and is
    reported within MISREAD_DAYS of it, it is that incident's, if exactly one fits so. An
    incident of two articles or more is the stream's own evidence and is never taken apart.
    """
    alone = [g for g in groups if len(g.items) == 1 and g.items[0].country is not None]
    for group in alone:
        item = group.items[0]
        others = set(item.named) - set(item.candidates)
        if not others or not item.days:
            continue
        fitting = [
            g
            for g in groups
            if len(g.items) > 1
            and g.countries & others
            and bool(item.platforms) == bool(g.platforms)
            and g.compatible(item)
            and g.distance(item) <= MISREAD_DAYS
            and not (item.kind and g.kinds and item.kind not in g.kinds)
        ]
        if len(fitting) == 1:
            fitting[0].add(item, country=False)
            group.items.clear()
    return [g for g in groups if g.items]
