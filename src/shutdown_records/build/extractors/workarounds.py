"""workarounds: how people got around the restriction (VPN, Tor, proxies, DNS, satellite).

Names such as "VPN" or "Starlink" are the same in every language and live in
`data/lang/_common/cues.yaml`, so this runs even for a language without its own cue file.
"""

from __future__ import annotations

from collections.abc import Iterable

from .. import cues as C
from ..types import Doc, Mention


WITHOUT_USE = 0.5  # "Starlink" named without anyone using it to get around the block
FAILED = 0.2  # "changing DNS servers no longer works", "even VPNs did not work"


def extract(doc: Doc) -> Iterable[Mention]:
    sink = C.MentionSink(doc)
    use = C.cue_set(doc.language, "gates", "workaround")
    failed = C.cue_set(doc.language, "gates", "workaround_failed")
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
        sink.add("workarounds", hit.value, span, weight, C.cue_note(hit, doc))
    return sink.mentions()
