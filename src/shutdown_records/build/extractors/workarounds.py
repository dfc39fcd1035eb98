"""workarounds: how people got around the restriction (VPN, Tor, proxies, DNS, satellite).

Names such as "VPN" or "Starlink" are the same in every language and live in
`data/lang/_common/cues.yaml`, so this runs even for a language without its own cue file.
"""

from __future__ import annotations

from collections.abc import Iterable

from .. import cues as C
from ..types import Doc, Mention


def extract(doc: Doc) -> Iterable[Mention]:
    sink = C.MentionSink(doc)
    for hit in C.hits(doc, "workarounds"):
        span = C.quote(doc, hit.start, hit.end)
        sink.add("workarounds", hit.value, span, hit.weight, C.cue_note(hit, doc))
    return sink.mentions()
