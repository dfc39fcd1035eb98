"""workarounds: how people got around the restriction (VPN, Tor, proxies, DNS, satellite).

Names such as "VPN" or "Starlink" are the same in every language and live in
`data/lang/_common/cues.yaml`, so this runs even for a language without its own cue file.
"""

from __future__ import annotations

from collections.abc import Iterable

from .. import cues as C
from ..types import Doc, Mention


WITHOUT_USE = 0.5  # "Starlink" named without anyone using it to get around the block


def extract(doc: Doc) -> Iterable[Mention]:
    sink = C.MentionSink(doc)
    use = C.cue_set(doc.language, "gates", "workaround")
    for hit in C.hits(doc, "workarounds"):
        span = C.quote(doc, hit.start, hit.end)
        weight = hit.weight if (not use or C.in_sentence(doc, use, C.sentence(doc, hit.start, hit.end))) else hit.weight * WITHOUT_USE
        sink.add("workarounds", hit.value, span, weight, C.cue_note(hit, doc))
    return sink.mentions()
