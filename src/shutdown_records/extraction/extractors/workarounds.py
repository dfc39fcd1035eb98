"""workarounds: how people got around the restriction (VPN, Tor, proxies, DNS, satellite).

Names such as "VPN" or "Starlink" are the same in every language and live in
`data/lang/_common/cues.yaml`, so this runs even for a language without its own cue file.
"""

from __future__ import annotations

from collections.abc import Iterable

from .. import cues as C
from ..types import Doc, Mention
from ._stance import clause, stance

WITHOUT_USE = 0.5  # "Starlink" named without anyone using it to get around the block
FAILED = 0.2  # "changing DNS servers no longer works", "even VPNs did not work"
TARGET = 0.2  # "VPN services were also blocked": the tool is what was hit, not a way around


def extract(doc: Doc) -> Iterable[Mention]:
    sink = C.MentionSink(doc)
    use = C.cue_set(doc.language, "gates", "workaround")
    failed = C.cue_set(doc.language, "gates", "workaround_failed")
    restriction = C.cue_set(doc.language, "gates", "restriction")
    impact = C.cue_set(doc.language, "gates", "impact")
    for hit in C.hits(doc, "workarounds"):
        span = C.quote(doc, hit.start, hit.end)
        zone = C.sentence(doc, hit.start, hit.end)
        used = not use or C.in_sentence(doc, use, zone) is not None
        weight = hit.weight if used else hit.weight * WITHOUT_USE
        if failed and not used and C.in_sentence(doc, failed, zone):
            # A tool said not to work is not a way people got around the block; one people
            # are said to have used ("relied on VPNs, though they were largely ineffective")
            # is still a workaround they turned to.
            weight *= FAILED
        part = clause(doc, hit.start, hit.end, zone)
        if not (use and C.in_sentence(doc, use, part)) and any(
            gate and C.in_sentence(doc, gate, part) for gate in (restriction, impact)
        ):
            # "VPNs were also affected", "authorities blocked VPN services": the clause says
            # the tool was hit, and nobody in it turns to the tool.
            weight *= TARGET
        said = stance(doc, hit.start, hit.end, zone=zone)
        sink.add("workarounds", hit.value, span, weight * said.factor, said.note(C.cue_note(hit, doc)))
    return sink.mentions()
