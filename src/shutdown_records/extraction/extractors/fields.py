"""kind, scope, networks, status (ongoing) and acknowledged, from per-language cue phrases.

Weights let the merger add up evidence: a cue in the headline or first paragraph describes
the story's main restriction and weighs more than one further down (a shutdown mentioned as
background in a platform-block story must not win `kind`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace

from .. import cues as C
from ..types import Doc, Mention
from ._stance import clause, denier, negator_within, stance
from .authorities import authorities_in
from .platforms import platform_names_re


def _kind(doc: Doc, sink: C.MentionSink) -> None:
    hits = list(C.hits(doc, "kind"))
    restriction = C.cue_set(doc.language, "gates", "restriction")
    past = C.cue_set(doc.language, "gates", "past")
    text = C.folded(doc)
    slowed_here = _platform_slowdowns(doc, hits, text)
    for hit in hits:
        if hit.value != "throttling" and negator_within(doc, hit.start, hit.end) is not None:
            continue  # "the internet was not cut" (a gap cue took in the negator): a denial, not a cut
        span = C.quote(doc, hit.start, hit.end)
        # A kind cue is often negative itself ("could not access"): only hypotheticals and
        # other incidents are discounted here; a denied restriction is `gates.negation`'s.
        said = stance(doc, hit.start, hit.end, negation=False)
        weight = hit.weight * C.lead_factor(doc, hit.start) * said.factor
        earlier = _earlier_incident(doc, past, C.sentence(doc, hit.start, hit.end), text)
        if earlier is not None:
            weight *= EARLIER_INCIDENT
            said = replace(said, why=(said.why + "; " if said.why else "") + f"an earlier incident ({earlier!r})")
        slowed = hit.value == "service_block" and _object_of_slowdown(doc, hit, hits, restriction, text)
        # "Russia slows down Twitter": a platform named right at the slowdown is what was slowed
        named_slowed = hit.value == "throttling" and C.sentence(doc, hit.start, hit.end) in slowed_here
        if slowed:
            weight *= SLOWED_OBJECT
            said = replace(said, why=(said.why + "; " if said.why else "") + "what a slowdown in its sentence slowed")
        # (`slowed_services`: the assembler keeps the platform list of a slowdown of services)
        sink.add(
            "kind",
            hit.value,
            span,
            weight,
            said.note(C.cue_note(hit, doc)),
            extra={"slowed_services": slowed, "slowed_platform": named_slowed},
        )


EARLIER_INCIDENT = 0.35  # "In 2021 the country shut down the internet": background to this story
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")


def _earlier_incident(doc: Doc, past: C.CueSet, zone: tuple[int, int], text: str) -> str | None:
    """The `gates.past` words that tie a sentence to an earlier restriction ("previously",
    "l'an dernier", "в прошлом году"), or a year before the article's own ("en 2021" in a
    2025 article): a platform-block story that recalls a past shutdown is still about the
    block. A year of the article's own ("In March 2025 X was blocked") is the story itself."""
    if not past:
        return None
    for hit in past.finditer(text, zone[0], zone[1]):
        if dated_before(doc, text[hit.start : hit.end]):
            return doc.text[hit.start : hit.end]
    return None


def dated_before(doc: Doc, marker: str) -> bool:
    """Whether a `gates.past` marker points before the article: one without a year ("last
    year", "ранее"), or one whose year comes before the article's own ("in June 2023" in a
    2025 article; not "in March 2025", which is the story itself). In an undated article a
    year says nothing about when the story is."""
    year = _YEAR.search(marker)
    return year is None or (doc.published is not None and int(year.group(0)) < doc.published.year)


SLOWED_NEAR = 40  # characters between a slowdown word and the platform it slows ("slowing down the speed of Twitter")


def _platform_slowdowns(doc: Doc, hits: list[C.Hit], text: str) -> set[tuple[int, int]]:
    """Sentences where a platform is named right before or after a slowdown word: "slows
    down Twitter", "Twitter'ın yavaşlatılması", "замедление Twitter". A platform further off
    ("bandwidth was restricted, making it impossible to send photos on WhatsApp") is where
    people noticed a slowdown of the whole connection, not what was slowed."""
    names = platform_names_re()
    found: set[tuple[int, int]] = set()
    for hit in hits:
        if hit.value != "throttling":
            continue
        zone = C.sentence(doc, hit.start, hit.end)
        lo, hi = max(zone[0], hit.start - SLOWED_NEAR), min(zone[1], hit.end + SLOWED_NEAR)
        if names.search(text, lo, hi) is not None:
            found.add(zone)
    return found


SLOWED_OBJECT = 0.3  # "la diminution du débit des réseaux sociaux": the platforms are what was slowed


def _object_of_slowdown(doc: Doc, hit: C.Hit, hits: list[C.Hit], restriction: C.CueSet, text: str) -> bool:
    """Whether a block cue is only a noun for the services ("réseaux sociaux", "redes sociales":
    no restriction word of its own) in a sentence that names a slowdown: the services are
    what was slowed, not blocked."""
    if restriction and restriction.search(text, hit.start, hit.end) is not None:
        return False
    zone = C.sentence(doc, hit.start, hit.end)
    return any(h.value == "throttling" and h.weight >= 0.6 and zone[0] <= h.start < zone[1] for h in hits)


def _scope(doc: Doc, sink: C.MentionSink) -> None:
    gate = C.cue_set(doc.language, "gates", "restriction")
    restore = C.cue_set(doc.language, "gates", "restore")
    past = C.cue_set(doc.language, "gates", "past")
    # A slowdown is the restriction too: "internet lento en la provincia de X" names where it was slowed.
    slow = [h.start for h in C.hits(doc, "kind") if h.value == "throttling" and h.weight >= 0.6]

    def restricted(zone: tuple[int, int]) -> bool:
        return C.in_sentence(doc, gate, zone) is not None or any(zone[0] <= x < zone[1] for x in slow)

    unaffected = C.cue_set(doc.language, "gates", "unaffected")
    text = C.folded(doc)
    hits = list(C.hits(doc, "scope"))
    for hit in hits:
        span = C.quote(doc, hit.start, hit.end)
        zone = C.sentence(doc, hit.start, hit.end)
        if _in_dateline(doc, hit):
            continue  # "MJI WA MAWE, Juni 26 (Gazeti) -": where the article was filed, not the extent
        if unaffected:
            part = clause(doc, hit.start, hit.end, zone)
            if unaffected.search(text, part[0], part[1]) is not None:
                continue  # "while the rest of the district kept working normally": where it was not cut
        weight = hit.weight
        earlier = _earlier_incident(doc, past, zone, text)
        if earlier is not None:
            weight *= EARLIER_INCIDENT  # "In 2019 the internet was cut nationwide": an earlier incident's extent
        if (
            hit.value == "national"
            and not (restore and C.in_sentence(doc, restore, zone))
            and any(h.value != "national" and h.weight >= 0.5 and zone[0] <= h.start < zone[1] for h in hits)
        ):
            # "a total blackout hit the region of Karsh": total there, but in that region
            # (not where access came back: "restored in several provinces after the total blackout")
            weight *= NATIONAL_BESIDE_REGION
        if hit.value == "regional" and any(
            h.value == "local" and h.weight >= 0.5 and zone[0] <= h.start < hit.start for h in hits
        ):
            # "in the cities of Marlo and Peshta, in the north of Chad": the region says where
            # the cities are (not "the region of Karsh, including the city of Tembli")
            weight *= REGION_AFTER_PLACE
        if hit.value != "national" and not restricted(zone):
            continue  # "in the region" without a restriction is geography, not extent
        if not restricted(zone):
            weight *= 0.6
        if restore and C.in_sentence(doc, restore, zone):
            weight *= RESTORED_WHERE  # "access came back in several provinces": where it returned first
        said = stance(doc, hit.start, hit.end, negation=False, zone=zone)
        note = said.note(C.cue_note(hit, doc))
        if earlier is not None:
            note = f"{note}; an earlier incident ({earlier!r})"
        sink.add("scope", hit.value, span, weight * C.lead_factor(doc, hit.start) * said.factor, note)
    regional = C.cue_set(doc.language, "scope")
    # A region or city named as where the restriction applies is more specific than "in
    # <country>" elsewhere in the article (a headline "Internet cut in Ecuador" over "cut in
    # the province of Esmeraldas").
    narrower = any(
        h.value != "national"
        and h.weight >= 0.5
        and restricted(C.sentence(doc, h.start, h.end))
        and not (restore and C.in_sentence(doc, restore, C.sentence(doc, h.start, h.end)))
        for h in C.hits(doc, "scope")
    )
    for hit in C.hits(doc, "scope_country"):
        span = C.quote(doc, hit.start, hit.end)
        zone = C.sentence(doc, hit.start, hit.end)
        if _earlier_incident(doc, past, zone, text) is not None:
            continue  # "in 2021 Tarsan cut the internet": the country of an earlier incident
        below = [h for h in regional.finditer(C.folded(doc), zone[0], zone[1]) if h.value != "national"]
        if below:
            continue  # "in Ethiopia's Tigray region": the country names where, not how far
        if restricted(zone):
            weight = hit.weight * C.lead_factor(doc, hit.start) * (NARROWER if narrower else 1.0)
            sink.add("scope", "national", span, weight, C.cue_note(hit, doc))


DATELINE_REACH = 60  # characters after a capitalised place where a dateline's comma or date follows


def _in_dateline(doc: Doc, hit: C.Hit) -> bool:
    """Whether a cue matched inside a capitalised dateline at a line start ("MJI WA MAWE, Juni
    26", "CIUDAD DE LOS OLMOS, 8 may"): a case-insensitive cue read a town's name, in capitals,
    followed by a comma. Scripts without case never look like one."""
    line = doc.text.rfind("\n", 0, hit.start) + 1
    head = doc.text[line : hit.end]
    if not any(c.isupper() for c in head) or head != head.upper():
        return False
    rest = doc.text[hit.end : hit.end + DATELINE_REACH]
    comma = rest.find(",")
    return comma >= 0 and rest[:comma].upper() == rest[:comma]


def _main_kind(doc: Doc) -> str | None:
    """The kind this document is mainly about (its kind cues, lead-weighted)."""
    totals: dict[str, float] = {}
    for hit in C.hits(doc, "kind"):
        totals[hit.value] = totals.get(hit.value, 0.0) + hit.weight * C.lead_factor(doc, hit.start)
    return max(totals, key=lambda k: (totals[k], k)) if totals else None


def _networks(doc: Doc, sink: C.MentionSink) -> None:
    """A network named where a shutdown or slowdown is described; weaker elsewhere.

    In a story mainly about a platform block, a mobile-data cut it mentions is another
    restriction (the day of the vote, say), so its networks weigh little. The weight fitting
    each kind of record is kept in `extra["by_kind"]`: the assembler reads it once the
    record's kind is merged from every source, since one article's own wording ("X blocked")
    may not tell whether the incident is a shutdown or a block.
    """
    kind = C.cue_set(doc.language, "kind")
    restriction = C.cue_set(doc.language, "gates", "restriction")
    impact = C.cue_set(doc.language, "gates", "impact")
    unaffected = C.cue_set(doc.language, "gates", "unaffected")
    past = C.cue_set(doc.language, "gates", "past")
    operator = C.cue_set(doc.language, "gates", "operator")
    restore = C.cue_set(doc.language, "gates", "restore")
    text = C.folded(doc)
    main = _main_kind(doc)
    platforms = platform_names_re()
    for hit in C.hits(doc, "networks"):
        span = C.quote(doc, hit.start, hit.end)
        zone = C.sentence(doc, hit.start, hit.end)
        if unaffected and _spared(doc, hit, zone, unaffected, (restriction, kind, C.cue_set(doc.language, "networks"))):
            continue  # "fixed internet and wifi were not affected": named as spared
        found = list(kind.finditer(text, zone[0], zone[1]))
        kinds = {h.value for h in found if h.weight >= 0.8}
        # ("datos móviles" is itself a weak full_network cue: only a cut named apart from the
        # network word says the network itself was cut.)
        named = {h.value for h in found if h.end <= hit.start or h.start >= hit.end or h.weight >= 0.8}
        platform = platforms.search(text, zone[0], zone[1]) is not None
        cut = C.in_sentence(doc, restriction, zone) is not None or (
            bool(impact) and C.in_sentence(doc, impact, zone) is not None
        )
        if kinds & {"full_network", "throttling"}:
            factor = 1.0
        elif main in ("full_network", "throttling") and cut:
            # "these shutdowns cut off everything: mobile data, fibre...": in a story about a
            # network shutdown, any cut or slowdown named with a network is that shutdown.
            factor = NETWORK_STORY
        else:
            factor = 0.2
        weight = hit.weight * factor
        if main == "service_block" and "throttling" not in kinds:
            weight *= OTHER_RESTRICTION
        earlier = _earlier_incident(doc, past, zone, text) is not None
        # For a shutdown/slowdown record: a network said to be cut, slowed or hit is that
        # restriction's; one named without any restriction is background ("mobile networks
        # carry most traffic"). For a block record: a network named where the block is
        # said to apply ("blocked on mobile and fixed operators") unless the network itself
        # is cut in that sentence (another restriction).
        shutdown = 1.0 if (kinds & {"full_network", "throttling"} or cut) else BACKGROUND_NETWORK
        if earlier:
            shutdown *= 0.4
        if "throttling" in kinds:
            block = 1.0
        elif (
            "full_network" not in named
            and cut
            and not earlier
            and (
                "service_block" in named
                or platform
                # "the messenger is unavailable on most mobile operators", in a story about a block:
                # the operators are where the block applies (a network "shut down" is a cut)
                or (main == "service_block" and operator and operator.search(text, hit.start, hit.end) is not None)
            )
        ):
            block = 1.0
        else:
            block = min(weight, 0.2 * OTHER_RESTRICTION)
        if _came_back(doc, hit, zone, restore, (restriction, kind)):
            # "access was restored only on 2G", "mobile data is back": what returned, not
            # which network the restriction hit (several sources saying so still add up)
            factor = RESTORED_NETWORK
            weight *= factor
            shutdown *= factor
            block *= factor
        said = stance(doc, hit.start, hit.end, negation=False, zone=zone)
        by_kind = {
            "full_network": hit.weight * shutdown * said.factor,
            "throttling": hit.weight * shutdown * said.factor,
            "service_block": hit.weight * block * said.factor,
        }
        sink.add(
            "networks",
            hit.value,
            span,
            weight * said.factor,
            said.note(C.cue_note(hit, doc)),
            extra={"by_kind": by_kind},
        )


def _spared(doc: Doc, hit: C.Hit, zone: tuple[int, int], unaffected: C.CueSet, others: tuple[C.CueSet, ...]) -> bool:
    """Whether a network is said to have kept working: an `unaffected` phrase after it in its
    sentence with no cut or slowdown named in between ("Broadband lines, used mostly by
    offices, still work"; not "broadband lines were cut and only calls still work"). Beyond
    SPARED_NEAR characters, or after a comma, no other network may stand in between either
    ("fixed lines were cut, mobile data kept working" spares mobile data, not fixed lines).
    `others`: the cut cues, then the network cues."""
    text = C.folded(doc)
    near = unaffected.search(text, hit.end, zone[1])
    if near is None:
        return False
    cuts, networks = others[:-1], others[-1]
    between = [h for cues in cuts if cues for h in cues.finditer(text, hit.end, near.start)]
    # (a slowdown word there says how it kept working: "works slowly, but is not cut")
    slow = [(h.start, h.end) for h in between if h.value == "throttling"]
    if any(h.value != "throttling" and not any(s <= h.start and h.end <= e for s, e in slow) for h in between):
        return False
    other = bool(networks) and networks.search(text, hit.end, near.start) is not None
    if not other:
        return True
    # another network in between: "fixed internet and wifi were not affected" spares both, but
    # "wired internet is cut, mobile service works normally" spares only the one after the comma
    return near.start <= hit.end + SPARED_NEAR and not any(c in text[hit.end : near.start] for c in ",;\u060c")


def _came_back(doc: Doc, hit: C.Hit, zone: tuple[int, int], restore: C.CueSet, cuts: tuple[C.CueSet, ...]) -> bool:
    """Whether a network is named where access came back: a restoration word before it in
    its sentence, and no cut in its own clause ("fixed lines were restored, while mobile
    internet remains cut": mobile is still cut)."""
    text = C.folded(doc)
    if not restore or restore.search(text, zone[0], hit.start) is None:
        return False
    part = clause(doc, hit.start, hit.end, zone)
    lifted = list(restore.finditer(text, part[0], part[1]))
    return not any(
        r.value != "throttling"  # "restored, but only at a very slow speed": how it came back
        and not (hit.start <= r.start and r.end <= hit.end)  # "mobile data" is a weak cut cue itself
        and not any(0 <= r.start - b.end <= LIFTED_OBJECT for b in lifted)
        for cues in cuts
        if cues
        for r in cues.finditer(text, part[0], part[1])
    )


def _status(doc: Doc, sink: C.MentionSink) -> None:
    for hit in C.hits(doc, "status"):
        span = C.quote(doc, hit.start, hit.end)
        sink.add("status", hit.value, span, hit.weight, C.cue_note(hit, doc))


AUTHORITY_AFTER = 0.6
AUTHORITY_BEFORE = 0.8  # a generic authority word ("the department said") before the cue
NATIONAL_BESIDE_REGION = 0.3  # a "total"/"nationwide" cue in a sentence that names a region as the extent
REGION_AFTER_PLACE = 0.5  # a region named after a city or district in its sentence locates it
NARROWER = 0.5  # "in <country>" in a document that names a region or city as the extent
RESTORED_WHERE = 0.5  # a place named where access was restored says where it came back, not the extent
OTHER_RESTRICTION = 0.3
BACKGROUND_NETWORK = 0.4  # a network named without any restriction in a shutdown/slowdown record
NETWORK_STORY = 0.9  # a network named with a restriction word in a shutdown/slowdown story
RESTORED_NETWORK = 0.5  # a network named where access came back, in a clause naming no cut
LIFTED_OBJECT = 25  # "restored the blocked service": a cut word this close after a restoration word is its object
SPARED_NEAR = 60  # "<network> ... were not affected" within this many characters after the network


def _acknowledged(doc: Doc, sink: C.MentionSink) -> None:
    """True when an authority is said to announce/confirm/order it; False when it would not.

    `yes` cues need an authority before the cue (its subject) and a restriction in the
    sentence; `denied` needs the restriction too; `no` ("did not respond") needs only an
    authority.
    """
    authority = C.cue_set(doc.language, "gates", "authority")
    restriction = C.cue_set(doc.language, "gates", "restriction")
    denial = C.cue_set(doc.language, "acknowledged", "denied")
    anonymous = C.cue_set(doc.language, "gates", "anonymous")
    order = C.cue_set(doc.language, "gates", "order") or None
    text = C.folded(doc)
    denials = _negated_restrictions(doc, sink)
    for hit in C.hits(doc, "acknowledged"):
        span = C.quote(doc, hit.start, hit.end)
        zone = C.sentence(doc, hit.start, hit.end)
        named = authorities_in(doc, zone)
        if hit.value == "yes":
            if zone in denials:
                continue  # "'No shutdown was ordered,' the minister said": the saying is the denial
            subject = [a for a in named if a.end <= hit.start]
            # (up to the cue's end: "the department said" carries its subject inside the cue)
            before = (
                bool(subject)
                or authority.search(text, zone[0], hit.end) is not None
                or any(
                    # "Turkey said Saturday that it was lifting a ban": the state, named as the country
                    zone[0] <= c.start() and 0 <= hit.start - c.end() <= 2
                    for c in C.country_mentions(doc)
                )
            )
            after = bool(named) or authority.search(text, hit.end, zone[1]) is not None
            # "The minister confirmed the decision." right after the sentence that names the
            # block: the order word (the verb's object, not the verb itself) stands for it.
            about = C.in_sentence(doc, restriction, zone) or (
                order is not None
                and any(o.start >= hit.end or o.end <= hit.start for o in order.finditer(text, zone[0], zone[1]))
                and restriction.search(text, C.previous_sentence_start(doc, zone[0]), zone[0]) is not None
            )
            if not (before or after) or not about:
                continue
            if C.in_sentence(doc, C.cue_set(doc.language, "gates", "negation"), zone):
                continue  # "the ministry announced there would be no cut"
            if denial and C.in_sentence(doc, denial, zone):
                continue  # "the ministry said the disruption was due to maintenance": a denial
            if stance(doc, hit.start, hit.end, hypothetical=False, other=False, zone=zone).factor < 1.0:
                continue  # "the authorities did not announce a reason", "не сообщили": no confirmation
            if anonymous and C.in_sentence(doc, anonymous, zone):
                continue  # "an official said on condition of anonymity": a source, not a confirmation
            # The authority as subject before the verb is the clearest; verb-first sentences
            # (Arabic, "announced by the ministry") weigh less.
            weight = hit.weight * (1.0 if subject else AUTHORITY_BEFORE if before else AUTHORITY_AFTER)
            sink.add("acknowledged", True, span, weight, C.cue_note(hit, doc))
            continue
        if not named and not C.in_sentence(doc, authority, zone):
            continue
        if hit.value == "denied" and not C.in_sentence(doc, restriction, zone):
            continue
        # An authority that itself denies it ("the ministry denied blocking") is as explicit
        # as one that confirms it; silence or a denial reported without its author weighs less.
        official = hit.value == "denied" and (
            any(a.end <= hit.start for a in named) or authority.search(text, zone[0], hit.start) is not None
        )
        sink.add("acknowledged", False, span, hit.weight * (1.0 if official else 0.7), C.cue_note(hit, doc))


OFFICIAL_DENIAL = 0.8  # an authority's sentence that closely negates the restriction or its order


def _negated_restrictions(doc: Doc, sink: C.MentionSink) -> set[tuple[int, int]]:
    """Sentences where an authority closely negates the restriction or an order of it ("'No
    shutdown was ordered,' the minister said", "Aucune coupure n'a été ordonnée", "никаких
    блокировок не вводилось", "لم تصدر أي قرار بقطع"): a denial, in any language that has
    `stance.negator`, without a cue of its own. Not when the clause speaks of the future or
    of what might be ("there will be no cut during the exams": `gates.future`), nor
    from an anonymous source. Adds the False mentions; returns the sentences."""
    text = C.folded(doc)
    lo, hi = doc.body
    authority = C.cue_set(doc.language, "gates", "authority")
    future = C.cue_set(doc.language, "gates", "future")
    anonymous = C.cue_set(doc.language, "gates", "anonymous")
    # "the company did not comply with the requirements", "ہدایات پر عمل نہیں کیا": a negated
    # order word inside a reason of non-compliance is the platform's refusal, not a denial.
    refused = C.cue_set(doc.language, "justification", "non_compliance")
    done: set[tuple[int, int]] = set()
    for gate in ("restriction", "order"):
        for hit in C.cue_set(doc.language, "gates", gate).finditer(text, lo, hi):
            zone = C.sentence(doc, hit.start, hit.end)
            if zone in done:
                continue
            if refused and any(
                r.start <= hit.start and hit.end <= r.end for r in refused.finditer(text, zone[0], zone[1])
            ):
                continue
            # "did not issue any order", "لم تصدر أي قرار": an order may stand two words off
            word = denier(doc, hit.start, hit.end, zone, words=2 if gate == "order" else 1)
            if word is None:
                continue
            if not (authorities_in(doc, zone) or C.in_sentence(doc, authority, zone)):
                continue
            part = clause(doc, hit.start, hit.end, zone)
            if (future and future.search(text, part[0], part[1])) or (
                anonymous and C.in_sentence(doc, anonymous, zone)
            ):
                continue
            if stance(doc, hit.start, hit.end, negation=False, zone=zone).factor < 1.0:
                continue  # hypothetical or another incident
            done.add(zone)
            sink.add(
                "acknowledged",
                False,
                C.quote(doc, hit.start, hit.end),
                OFFICIAL_DENIAL,
                f"denied: {word!r} negates {doc.text[hit.start : hit.end]!r}",
            )
    return done


def extract(doc: Doc) -> Iterable[Mention]:
    if not C.has_cues(doc.language):
        return []
    sink = C.MentionSink(doc)
    _kind(doc, sink)
    _scope(doc, sink)
    _networks(doc, sink)
    _status(doc, sink)
    _acknowledged(doc, sink)
    return sink.mentions()
