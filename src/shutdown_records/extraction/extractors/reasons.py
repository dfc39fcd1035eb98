"""justification (the official reason) and context (what surrounded the restriction).

A reason word counts fully only in a sentence that attributes it ("citing", "pour des
raisons de", "said it was necessary") and ties it to the restriction or an authority; a bare
mention of "fake news" somewhere in the article weighs little. `none_given` is a fallback
with a low weight and the note below: the merger should keep it only when no other
justification survives.
"""

from __future__ import annotations

from collections.abc import Iterable

from .. import cues as C
from ..types import Doc, Mention
from ._attribution import STATED_REACH, attribution
from ._stance import OTHER_INCIDENT, Stance, stance
from .authorities import authorities_in, find_authorities
from .fields import _earlier_incident, dated_before

FAILED_OBJECT = 150  # characters after "failed to remove" in its sentence where the content listed is its object
NONE_GIVEN_NOTE = "fallback: use only when no other justification is found"
NONE_GIVEN_WEIGHT = 0.3
PAST = 0.4
OTHER_BAN = 0.3
LIFTING = 0.4  # a reason in a sentence about lifting, not naming the block, is the lifting's reason
JUSTIFIED_ACK = 0.7  # an authority stating the reason for the restriction acknowledges it
NOT_AN_ORDER = frozenset({"technical"})  # "officials blamed a technical fault": a denial, not a reason for an order
JUSTIFIED_NOTE = "an authority gives the restriction's reason: acknowledged"
AMID_AFTER = 20  # characters after a context word where a postposition (`gates.amid_after`) may start
AMID_NEAR = 40  # characters before a context word where "amid", "au lendemain de" tie it to the story
HEAD_REACH = 160  # characters before a reason, in its sentence, where the act it belongs to is looked for
OBLIGATION = 0.3  # a reason that is what the platform was asked to do or to remove, not the block's
LAW_PURPOSE = 0.3  # a reason that is the purpose of a law being passed, not of this restriction
OBLIGATION_NOTE = "what the platform was asked to do or remove (after {!r}), not the restriction's reason"
LAW_NOTE = "the purpose of a law (after {!r}), not of this restriction"
EPISODE_WORDS = 3  # words at most between a past marker and the restriction it dates
EPISODE_OPEN = 1  # words at most before a past marker that opens its sentence ("But in 2021, ..."): it dates all of it
EARLIER_NOTE = "an earlier restriction told as background ({!r}), not this one"


def _justification(doc: Doc, sink: C.MentionSink) -> None:
    official = C.cue_set(doc.language, "gates", "official")
    # purpose clauses and reported reasons ("aimed to", "alegando", "dengan alasan"), and
    # phrases that name the authorities' stated reason ("citing", "بحجة"): attribute too
    purpose = C.cue_set(doc.language, "attribution", "purpose")
    stated = C.cue_set(doc.language, "attribution", "stated")
    restriction = C.cue_set(doc.language, "gates", "restriction")
    authority = C.cue_set(doc.language, "gates", "authority")
    restore = C.cue_set(doc.language, "gates", "restore")
    assembly = C.cue_set(doc.language, "gates", "assembly_ban")
    medium = C.cue_set(doc.language, "gates", "medium")
    speech = C.cue_set(doc.language, "gates", "speech")
    anonymous = C.cue_set(doc.language, "gates", "anonymous")
    denial = C.cue_set(doc.language, "acknowledged", "denied")
    elections = C.cue_set(doc.language, "context", "elections")
    exams = C.cue_set(doc.language, "context", "exams")
    past = C.cue_set(doc.language, "gates", "past")
    heads = _Heads(doc, restriction, restore)
    all_hits = _outermost(list(C.hits(doc, "justification")))
    objects = [h for h in all_hits if h.value == "non_compliance"]
    for hit in all_hits:
        span = C.quote(doc, hit.start, hit.end)
        zone = C.sentence(doc, hit.start, hit.end)
        if hit.value == "illegal_content" and any(
            zone[0] <= o.start and 0 <= hit.start - o.end <= FAILED_OBJECT for o in objects
        ):
            # "failed to remove illegal content", "failing to remove content inciting suicide;
            # child pornography; ...": what was not removed, the reason is the failure to comply
            continue
        attributed = C.in_sentence(doc, official, zone) is not None or (
            any(cues and C.in_sentence(doc, cues, zone) is not None for cues in (purpose, stated))
        )
        # The restriction or the authority may be named in the sentence before ("X was
        # blocked on Friday. The ministry said it was needed to protect national security.")
        around = (C.previous_sentence_start(doc, zone[0]), zone[1])
        speaker = C.in_sentence(doc, authority, around) is not None or bool(authorities_in(doc, around))
        about = C.in_sentence(doc, restriction, around) is not None or C.in_sentence(doc, restore, around) is not None
        # "citing", "au nom de", "под предлогом": the phrase itself ties the reason to the act
        # it explains, the authorities' act in a story about a restriction, whoever is named
        tied = (
            about
            or speaker
            or bool(stated and C.in_sentence(doc, stated, (max(zone[0], hit.start - STATED_REACH), hit.start)))
        )
        if (
            not attributed
            and speaker
            and about
            and ((speech and C.in_sentence(doc, speech, zone) is not None) or _quoted(doc, hit.start, zone))
        ):
            # Reported speech: "the ministry said the shutdown was meant to...", "the
            # government describes as the platform's failure to comply", or the reason in
            # quotation marks in a sentence that names an authority and the restriction:
            # the official reason (a minister calling an attack "terrorist" is not).
            attributed = True
        if attributed and tied:
            factor = 1.0
        elif attributed:
            factor = 0.5
        elif tied:
            factor = 0.35  # "a standoff over disinformation": a topic, not yet a stated reason
        else:
            factor = 0.2
        if restore and (
            _about_lifting(doc, zone, restriction, restore, (hit.start, hit.end)) or heads.lifting_follows(zone)
        ):
            # "access was restored as the company now fights terrorism": the lifting's reason
            # (a sentence naming the block too, "blocked for security reasons, X seeks to
            # have it lifted", still gives the block's)
            factor *= LIFTING
        extras: list[str] = []  # why the reason belongs to another act, for the note
        head = heads.governing(hit, zone, objects) or heads.law_subject(hit, zone)
        if head is not None:
            # "after parliament passed a law to curb terrorist propaganda", "ignored the
            # regulator's demands to stop disinformation": the reason belongs to another act
            # named just before it, not to the restriction
            kind, word = head
            factor *= LAW_PURPOSE if kind == "law" else OBLIGATION
            extras.append((LAW_NOTE if kind == "law" else OBLIGATION_NOTE).format(word))
        if C.in_sentence(doc, assembly, zone) and not C.in_sentence(doc, medium, zone):
            factor *= OTHER_BAN  # "the protest was banned to prevent violence": not the internet
        value = hit.value
        if value == "exam_cheating" and _electoral_fraud(doc, zone, elections, exams):
            value = "other"  # "pour éviter la fraude" during a vote: electoral fraud, not exams
        said = stance(doc, hit.start, hit.end, zone=zone)
        if said.factor == 1.0 and (elsewhere := _other_country(doc, zone)) is not None:
            said = Stance(OTHER_INCIDENT, f"about another country ({elsewhere!r})")
        elif said.factor == 1.0 and (before := _earlier_episode(doc, zone, hit, past, restriction)) is not None:
            # "In 2021 the government had already cut the internet during exams to prevent
            # cheating": a reason of an earlier episode told as background
            factor *= PAST
            extras.append(EARLIER_NOTE.format(before))
        who = attribution(doc, hit.start, hit.end, zone)
        note = "; ".join(n for n in (said.note(C.cue_note(hit, doc)), *extras) if n) or None
        if who.why is not None:
            note = f"{note}; {who.why}" if note else who.why
        sink.add("justification", value, span, hit.weight * factor * said.factor * who.factor, note)
        if (
            factor == 1.0
            and said.factor == 1.0
            and who.official
            and speaker
            and hit.weight >= 1.0
            and hit.value not in NOT_AN_ORDER
            and not (anonymous and C.in_sentence(doc, anonymous, zone))
            and not (denial and C.in_sentence(doc, denial, zone))
        ):
            # An authority that gives the restriction its reason ("« a temporary measure taken
            # by the government for national security », the minister said") has acknowledged
            # it, though no word says "confirmed". (Blaming a technical fault denies an order.)
            sink.add("acknowledged", True, span, JUSTIFIED_ACK, JUSTIFIED_NOTE)
    for hit in C.hits(doc, "justification_none"):
        span = C.quote(doc, hit.start, hit.end)
        sink.add("justification", "none_given", span, NONE_GIVEN_WEIGHT * hit.weight, NONE_GIVEN_NOTE)


def _outermost(hits: list[C.Hit]) -> list[C.Hit]:
    """The hits not lying inside a longer hit of another value: "terrorist propaganda" is a
    security reason, and the "propaganda" inside it is no misinformation of its own."""
    return [
        h
        for h in hits
        if not any(
            o.value != h.value and o.start <= h.start and h.end <= o.end and o.end - o.start > h.end - h.start
            for o in hits
        )
    ]


class _Heads:
    """Which act a reason belongs to, read off the acts named before it in its sentence.

    An article names several acts, each with its purpose: the restriction, its lifting, a law
    being passed, the demands the platform ignored. A reason belongs to the act named last
    before it in its sentence (HEAD_REACH characters at most): "blocked ... after parliament
    adopted a law in an effort to curb terrorist propaganda" gives the law's purpose, "did not
    respond to its demands to stop disinformation" the demands'. A `stated` phrase or a speech
    word between that act and the reason ("..., citing national security", "..., the minister
    said") hands the reason back to the restriction. The words: `attribution.obligation` and
    `attribution.law_made` in each cues.yaml; the non-compliance cues found count as
    obligations too ("failed to remove posts inciting violence")."""

    def __init__(self, doc: Doc, restriction: C.CueSet, restore: C.CueSet) -> None:
        self.doc = doc
        self.text = C.folded(doc)
        self.restriction = restriction
        self.restore = restore
        self.obligation = C.cue_set(doc.language, "attribution", "obligation")
        self.law = C.cue_set(doc.language, "attribution", "law_made")
        self.law_noun = C.cue_set(doc.language, "attribution", "law")
        self.release = [
            cues
            for cues in (C.cue_set(doc.language, "attribution", "stated"), C.cue_set(doc.language, "gates", "speech"))
            if cues
        ]

    def governing(self, hit: C.Hit, zone: tuple[int, int], objects: list[C.Hit]) -> tuple[str, str] | None:
        """("obligation" | "law", the act's words) when the act named last before the reason
        is not the restriction (nor its lifting, which `_about_lifting` weighs); else None."""
        if not (self.obligation or self.law):
            return None
        lo = max(zone[0], hit.start - HEAD_REACH)
        last: tuple[int, str, int] | None = None  # (end, kind, start)
        sets = (("restriction", self.restriction), ("restriction", self.restore), ("law", self.law))
        for kind, cues in (*sets, ("obligation", self.obligation if hit.value != "non_compliance" else None)):
            if not cues:
                continue
            for found in cues.finditer(self.text, lo, hit.start):
                if last is None or found.end > last[0]:
                    last = (found.end, kind, found.start)
        if hit.value != "non_compliance":
            for o in objects:
                if lo <= o.start and o.end <= hit.start and (last is None or o.end > last[0]):
                    last = (o.end, "obligation", o.start)
        if last is None or last[1] == "restriction":
            return None
        if any(cues.search(self.text, last[0], hit.start) is not None for cues in self.release):
            return None
        return last[1], self.doc.text[last[2] : last[0]]

    def law_subject(self, hit: C.Hit, zone: tuple[int, int]) -> tuple[str, str] | None:
        """("law", its words) when a law is named before the reason in a sentence that names
        no restriction nor its lifting: "the government said at the time that the law was
        needed to fight fake news", "Hükümet, yasanın dezenformasyonla mücadele etmek
        amacıyla çıkarıldığını açıklamıştı" give the law's purpose, whatever verb tells its
        making (a verb-final language names it after the reason). A sentence that names the
        restriction too ("blocked under the law to protect national security") is left to
        `governing`. The words: `attribution.law` in each cues.yaml."""
        if not self.law_noun:
            return None
        if self.restriction.search(self.text, zone[0], zone[1]) or self.restore.search(self.text, zone[0], zone[1]):
            return None
        found = self.law_noun.search(self.text, zone[0], hit.start)
        if found is None:
            return None
        return "law", self.doc.text[found.start : found.end]

    def lifting_follows(self, zone: tuple[int, int]) -> bool:
        """Whether a sentence that names neither a restriction nor its lifting is followed by
        one about the lifting: «We welcome the founder's readiness to fight terrorism.» The
        regulator lifts the restrictions..." gives the lifting's reason. (The sentence before
        is not asked; see `_about_lifting`.)"""
        if self.restriction.search(self.text, zone[0], zone[1]) or self.restore.search(self.text, zone[0], zone[1]):
            return False
        if zone[1] >= self.doc.body[1]:
            return False
        nxt = C.sentence(self.doc, zone[1], zone[1] + 1)
        return nxt[0] >= zone[1] and _about_lifting(self.doc, nxt, self.restriction, self.restore)


LIFTED_OBJECT = (
    25  # "lifted the ban", "снял требования об ограничении": a restriction word this close after a lifting word
)


def _about_lifting(doc: Doc, zone: tuple[int, int], restriction, restore, reason: tuple[int, int] = (0, 0)) -> bool:
    """Whether a sentence is about lifting the restriction: a lifting word, and every
    restriction word it names is the lifted object. A lifting word inside the reason itself
    ("to restore order") lifts nothing. (The sentence before is not asked: "We apologise, but
    it was for the security of our country", after "access was restored", gives the block's
    reason.)"""
    text = C.folded(doc)
    blocks = list(restriction.finditer(text, zone[0], zone[1]))
    lifts = [h for h in restore.finditer(text, zone[0], zone[1]) if h.end <= reason[0] or h.start >= reason[1]]
    if not lifts:
        return False
    return all(any(0 <= b.start - h.end <= LIFTED_OBJECT for h in lifts) for b in blocks)


def _quoted(doc: Doc, pos: int, zone: tuple[int, int]) -> bool:
    """Whether `pos` stands inside quotation marks in its sentence: an odd number of double
    marks before it (folding made « » and curly double quotes a straight '"'), or a single
    curly opening mark ‘ not closed since (a ’ between two letters is an apostrophe)."""
    if C.folded(doc).count('"', zone[0], pos) % 2 == 1:
        return True
    text = doc.text
    opened = text.rfind("\u2018", zone[0], pos)
    if opened < 0:
        return False
    for i in range(opened + 1, pos):
        if text[i] == "\u2019" and not (text[i - 1].isalpha() and i + 1 < len(text) and text[i + 1].isalpha()):
            return False
    return True


def _electoral_fraud(doc: Doc, zone: tuple[int, int], elections: C.CueSet, exams: C.CueSet) -> bool:
    """Whether a cheating or fraud word is about a vote: its sentence names a vote and no
    exam, or, naming neither, the article names votes more often than exams ("pour éviter la
    fraude", "تقلب", "kecurangan" read in a story about an election, though a background
    paragraph recalls a cut during the baccalauréat)."""
    if not elections:
        return False
    text = C.folded(doc)
    if exams and exams.search(text, zone[0], zone[1]) is not None:
        return False
    if elections.search(text, zone[0], zone[1]) is not None:
        return True
    lo, hi = doc.body
    votes = sum(1 for _ in elections.finditer(text, lo, hi))
    tests = sum(1 for _ in exams.finditer(text, lo, hi)) if exams else 0
    return votes > tests


def _other_country(doc: Doc, zone: tuple[int, int]) -> str | None:
    """The country of an earlier restriction elsewhere, when a sentence tells one: it names
    a time in the past (`gates.past`: "last year", "in 2019") and one or more countries, not
    the one the document talks about most ("Neighbouring Chad blocked the app last year to
    stop exam cheating" in a story about Niger). None otherwise. (A country named as a
    topic, "articles about the Syrian war", says nothing about whose reason it is.)"""
    past = C.cue_set(doc.language, "gates", "past")
    if _earlier_incident(doc, past, zone, C.folded(doc)) is None:
        return None
    main = C.guess_country(doc)
    if main is None:
        return None
    matcher = C.countries(doc.language)
    named = [m for m in C.country_mentions(doc) if zone[0] <= m.start() and m.end() <= zone[1]]
    codes = {matcher.code(m.group(0)) for m in named} - {None}
    if not codes or main in codes:
        return None
    return doc.text[named[0].start() : named[0].end()]


def _earlier_episode(doc: Doc, zone: tuple[int, int], hit: C.Hit, past, restriction) -> str | None:
    """The words telling that a reason's sentence recounts an earlier restriction: a
    `gates.past` marker ("in 2021", "last year", "déjà", "ранее") outside the reason, and a
    restriction word in the sentence, where the marker either stands at most EPISODE_WORDS
    words from that restriction word ("in 2021 the government cut", "avait déjà coupé", "уже
    отключали") or opens the sentence (EPISODE_OPEN words at most before it): a time set at
    the head of a sentence dates all of it, however far the verb ("In June 2023 the education
    ministry suspended mobile data nationwide ... to prevent cheating", "2023'te ... milli
    güvenlik gerekçesiyle ... engellemişti", "गौरतलब है कि पिछले साल ... नकल रोकने ...").
    None otherwise: a marker farther away in the sentence dates something else ("had
    previously reported plans to shut down", "a law passed in 2017"), and a year that is not
    before the article's own ("in 2025" in a 2025 article) is this story's time."""
    if not past or not restriction:
        return None
    text = C.folded(doc)
    blocks = list(restriction.finditer(text, zone[0], zone[1]))
    if not blocks:
        return None
    for found in past.finditer(text, zone[0], zone[1]):
        if hit.start < found.end and found.start < hit.end:
            continue
        if not dated_before(doc, text[found.start : found.end]):
            continue
        if len(text[zone[0] : found.start].split()) <= EPISODE_OPEN and found.end <= hit.start:
            return doc.text[found.start : found.end]
        for block in blocks:
            gap = text[found.end : block.start] if found.end <= block.start else text[block.end : found.start]
            if len(gap.split()) <= EPISODE_WORDS and not any(c in gap for c in ".;:"):
                return doc.text[found.start : found.end]
    return None


def _next_word_is(cues, text: str, end: int, limit: int) -> bool:
    """Whether a cue of `cues` begins at the word right after `end` (a space or two away)."""
    found = cues.search(text, end, min(limit, end + AMID_AFTER))
    return found is not None and found.start - end <= 2


def _context(doc: Doc, sink: C.MentionSink) -> None:
    restriction = C.cue_set(doc.language, "gates", "restriction")
    past = C.cue_set(doc.language, "gates", "past")
    amid = C.cue_set(doc.language, "gates", "amid")
    amid_after = C.cue_set(doc.language, "gates", "amid_after")
    # "to prevent calls to violence" states the official reason, not an event around the
    # restriction: a context word inside a longer justification phrase is left to
    # `justification` (a phrase listed under both, "refused to remove", counts for both).
    reasons = [(h.start, h.end) for h in C.hits(doc, "justification")]
    # "Tribunal Superior Eleitoral", "Electoral Commission": a context word inside the name
    # of an authority or court names that body, not an event around the restriction.
    names = [(a.start, a.end) for a in find_authorities(doc)]
    found = []
    for hit in C.hits(doc, "context"):
        if any(s <= hit.start and hit.end <= e and e - s > hit.end - hit.start for s, e in reasons):
            continue
        if any(s <= hit.start and hit.end <= e for s, e in names):
            continue
        span = C.quote(doc, hit.start, hit.end)
        zone = C.sentence(doc, hit.start, hit.end)
        tied = C.in_sentence(doc, restriction, zone) is not None
        if (
            not tied
            and amid
            and (
                amid.search(C.folded(doc), max(zone[0], hit.start - AMID_NEAR), hit.start)
                # a postposition right after the event: "seçimler öncesinde", "انتخابات در آستانه"
                or (amid_after and _next_word_is(amid_after, C.folded(doc), hit.end, zone[1]))
            )
        ):
            # "au lendemain de manifestations", "en medio de las protestas": the sentence
            # places the story's event amid this one, whatever words it uses for the event.
            tied = True
        earlier = _earlier_incident(doc, past, zone, C.folded(doc)) is not None
        said = stance(doc, hit.start, hit.end, zone=zone)
        if said.factor == 1.0 and (elsewhere := _other_country(doc, zone)) is not None:
            said = Stance(OTHER_INCIDENT, f"about another country ({elsewhere!r})")
        found.append((hit, span, zone, tied, earlier, said))
    frame = _frame(
        doc, [(h, z) for h, _, z, _, earlier, said in found if not earlier and said.factor == 1.0], restriction
    )
    for hit, span, _zone, tied, earlier, said in found:
        note = C.cue_note(hit, doc)
        factor = 1.0 if tied else 0.5
        if not tied and hit.value in frame:
            factor = FRAME  # the article's frame: "Veloria election: ..." above "mobile internet was cut"
            note = f"{note}; {FRAME_NOTE}"
        weight = hit.weight * factor * C.lead_factor(doc, hit.start)
        if earlier:
            weight *= PAST  # "previously, during periods of unrest": an earlier episode
        sink.add("context", hit.value, span, weight * said.factor, said.note(note))


FRAME = 0.8  # a context that frames the article, though no sentence ties it to the restriction
FRAME_SENTENCES = 3  # sentences naming one context that make it the article's frame
FRAME_NOTE = "the article's frame (its headline, or named throughout)"


def _frame(doc: Doc, hits: list[tuple[C.Hit, tuple[int, int]]], restriction) -> set[str]:
    """Context values that frame the whole article: named in its headline, or in
    FRAME_SENTENCES sentences or more, in an article that names a restriction. Such an event
    surrounds the restriction though no sentence puts the two together ("Veloria election:
    opposition rejects results" above "On Tuesday, mobile internet was cut")."""
    lo, hi = doc.body
    if not restriction or restriction.search(C.folded(doc), lo, hi) is None:
        return set()
    line_end = doc.text.find("\n", lo, hi)
    headline = (lo, line_end) if doc.title is not None and line_end > lo else None
    sentences: dict[str, set[int]] = {}
    framed: set[str] = set()
    for hit, zone in hits:
        sentences.setdefault(hit.value, set()).add(zone[0])
        if headline is not None and headline[0] <= hit.start and hit.end <= headline[1]:
            framed.add(hit.value)
    framed.update(v for v, starts in sentences.items() if len(starts) >= FRAME_SENTENCES)
    return framed


def extract(doc: Doc) -> Iterable[Mention]:
    if not C.has_cues(doc.language):
        return []
    sink = C.MentionSink(doc)
    _justification(doc, sink)
    _context(doc, sink)
    return sink.mentions()
