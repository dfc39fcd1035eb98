"""Attribution: who gives a reason, an authority or someone guessing at it?

`justification` is the *official* reason. Articles also carry the reasons critics, analysts,
activists, the opposition or the journalist read into a restriction ("critics say the block
was meant to silence the opposition", "les analystes estiment que...", "эксперты полагают,
что...", "ويرى ناشطون أن..."), and hedged guesses ("the shutdown was likely aimed at...",
"apparently to..."). Such a reason is not the authority's, and an authority has not
acknowledged anything by it.

The words live in each language's cues.yaml under `attribution:` (docs/cues.md):

* `critic`: speakers who are not the authority (critics, activists, analysts, rights groups,
  opposition, observers, experts, residents, users);
* `belief`: verbs of opinion and accusation that make a critic a speaker, beside the speech
  words of `gates.speech` ("believe", "suspect", "accuse", "estiment", "полагают", "يرى");
* `speculation`: a hedge that makes the reason a guess ("likely", "apparently", "believed
  to", "suspected", "widely seen as");
* `stated`: phrases that mark the reason as the one the authorities gave, whoever reports
  it ("citing", "under the pretext of", "bahanesiyle", "بحجة", "под предлогом"): a critic
  saying "the ban, imposed under the pretext of national security" reports the official
  reason.

A speaker is an authority word (`gates.authority` or a named authority) or a critic word
with a speech or belief word within SUBJECT_WITHIN characters after it ("critics say", "the
minister said") or SPEAKS_WITHIN before it ("according to analysts", "قالت الوزارة", "считают эксперты").
Per reason found at text[start:end] in sentence `zone`:

1. a `stated` phrase within STATED_REACH characters before the reason, in its clause: the
   official reason;
2. else the last speaker before the reason in its sentence decides: a critic makes it the
   critic's reason ("critics say the government blocked it to silence dissent"), an
   authority the official one ("critics protested, but the minister said it was to stop
   fake news"); a critic that is no speaker ("to silence the opposition") does not count;
3. with no speaker before, the first speaker after the reason in its sentence decides
   ("..., analysts said", "..., according to rights groups");
4. a `speculation` word before the reason in its clause, with no authority speaking: a guess.
"""

from __future__ import annotations

from dataclasses import dataclass

from .. import cues as C
from ..types import Doc
from ._stance import clause
from .authorities import authorities_in

CRITIC = 0.25  # a reason that critics, analysts or activists give
SPECULATION = 0.35  # a reason the text reports as a guess
STATED_REACH = 40  # characters before a reason where "citing", "under the pretext of" reach it
SUBJECT_WITHIN = 60  # characters between a speaker and its speech or belief verb after it
SPEAKS_WITHIN = 30  # characters between a speech verb and its speaker after it
OPENS_WITHIN = 25  # characters from a sentence's start where a speaker is its subject, however far its verb
AFTER_REACH = 90  # characters after a reason where "..., analysts said" may attribute it


@dataclass(frozen=True)
class Attribution:
    """Whose reason it is: a weight factor and why (None = the authority's, or unknown)."""

    factor: float = 1.0
    why: str | None = None

    @property
    def official(self) -> bool:
        return self.why is None


OFFICIAL = Attribution()


def _speakers(doc: Doc, zone: tuple[int, int]) -> list[tuple[int, int, bool]]:
    """(start, end, is_critic) of every speaker in the sentence, in text order.

    Each speech or belief word belongs to one speaker: the nearest one before it
    (SUBJECT_WITHIN characters: "critics say", "the authorities in the region say"), else
    the nearest one after it (SPEAKS_WITHIN: "according to analysts", "said the minister"),
    else the speaker that opens the sentence (OPENS_WITHIN), its subject in a verb-final
    clause ("Muhalefet ... iddia etti"). So in "analysts believe the government wants to..."
    the government does not speak."""
    text = C.folded(doc)
    verbs = sorted(
        (h.start, h.end)
        for path in (("gates", "speech"), ("attribution", "belief"))
        for h in C.cue_set(doc.language, *path).finditer(text, zone[0], zone[1])
    )
    if not verbs:
        return []
    found: list[tuple[int, int, bool]] = []
    for path, is_critic in ((("attribution", "critic"), True), (("gates", "authority"), False)):
        found.extend(
            (h.start, h.end, is_critic) for h in C.cue_set(doc.language, *path).finditer(text, zone[0], zone[1])
        )
    found.extend((a.start, a.end, False) for a in authorities_in(doc, zone))
    found.sort(key=lambda f: (f[0], -f[1]))
    speaking: set[tuple[int, int, bool]] = set()
    opener = found[0] if found and found[0][0] - zone[0] <= OPENS_WITHIN else None
    verb_final = C.verb_final(doc.language)
    for v_start, v_end in verbs:
        inside = [f for f in found if v_start <= f[0] and f[1] <= v_end]
        if inside:  # the phrase names its speaker: "para analistas", "por parte de la oposición"
            speaking.add(inside[0])
            continue
        if verb_final and opener is not None and opener[1] <= v_start:
            # "Muhalefet ... hükümete ... iddia etti": the noun nearest the final verb is
            # its object; the sentence's opening speaker is its subject
            speaking.add(opener)
            continue
        subject = [f for f in found if f[1] <= v_start and v_start - f[1] <= SUBJECT_WITHIN]
        if subject:
            speaking.add(subject[-1])
            continue
        follower = [f for f in found if f[0] >= v_end and f[0] - v_end <= SPEAKS_WITHIN]
        if follower:
            speaking.add(follower[0])
            continue
        if opener is not None and opener[1] <= v_start:
            # the sentence's subject, far from its verb: "The ministry, in a statement
            # published late on Monday on its website, said ..."
            speaking.add(opener)
    return sorted(speaking)


def attribution(doc: Doc, start: int, end: int, zone: tuple[int, int]) -> Attribution:
    """Whose reason the one at text[start:end] is (module docstring)."""
    critic = C.cue_set(doc.language, "attribution", "critic")
    speculation = C.cue_set(doc.language, "attribution", "speculation")
    stated = C.cue_set(doc.language, "attribution", "stated")
    if not (critic or speculation):
        return OFFICIAL
    text = C.folded(doc)
    span = clause(doc, start, end, zone)
    if stated and stated.search(text, max(span[0], start - STATED_REACH), start) is not None:
        return OFFICIAL
    speakers = _speakers(doc, zone) if critic else []
    before = [s for s in speakers if s[1] <= start]
    after = [s for s in speakers if s[0] >= end and s[0] - end <= AFTER_REACH]
    decides = before[-1] if before else (after[0] if after else None)
    if decides is not None and decides[2]:
        return Attribution(CRITIC, f"a critic's reason ({doc.text[decides[0] : decides[1]]!r}), not the authority's")
    if speculation and (decides is None or decides[1] > start):
        guess = speculation.search(text, span[0], start)
        if guess is not None:
            return Attribution(SPECULATION, f"a guess ({doc.text[guess.start : guess.end]!r}), not a stated reason")
    return OFFICIAL
