"""An invented record for the report tests of issue 13: overlapping quotes, a quote that has
its own quotation marks, one source with a web address and one with a `javascript:` URL."""

from __future__ import annotations

import hashlib
from pathlib import Path

from shutdown_records.yamlio import dump_yaml

TEXT = (
    "Telegram was blocked across Freedonia on 3 March 2025, the telecoms regulator said.\n"
    '"The block on Telegram protects national security," the interior ministry of Freedonia said on Monday.\n'
    "Many users turned to VPNs, and Telegram stayed blocked across Freedonia for a week.\n"
)
OTHER = "Users in Freedonia could not reach Telegram from 3 March 2025, a monitoring group said.\n"
WEB_URL = "https://news.example.org/freedonia?id=7&lang=en"
BAD_URL = "javascript:alert(document.domain)"
QUOTES = {
    "country": ("s1", "blocked across Freedonia", None),
    "platforms": ("s1", "Telegram was blocked across Freedonia", "Telegram"),
    "kind": ("s1", "Telegram was blocked across Freedonia on 3 March 2025", None),
    "start_date": ("s1", "blocked across Freedonia on 3 March 2025", None),
    "justification": (
        "s1",
        '"The block on Telegram protects national security," the interior ministry',
        "national_security",
    ),
    "workarounds": ("s1", "Many users turned to VPNs", "vpn"),
}


def write_sample(root: Path) -> Path:
    """records/fd-2025-telegram.yaml and its two sources under `root`; returns the records folder."""
    (root / "sources").mkdir(parents=True)
    (root / "records").mkdir()
    texts = {"s1": TEXT, "s2": OTHER}
    sources = []
    for sid, text in texts.items():
        path = root / "sources" / f"{sid}.txt"
        path.write_text(text, encoding="utf-8")
        sources.append(
            {
                "id": sid,
                "path": f"../sources/{sid}.txt",
                "language": "en",
                "url": WEB_URL if sid == "s1" else BAD_URL,
                "sha256": hashlib.sha256(text.encode("utf-8")).hexdigest(),
            }
        )
    evidence = {}
    for field, (sid, quote, value) in QUOTES.items():
        start = texts[sid].index(quote)
        cite = {"source": sid, "quote": quote, "start": start, "end": start + len(quote)}
        if value:
            cite["value"] = value
        evidence[field] = [cite]
    record = {
        "id": "fd-2025-telegram",
        "title": "Telegram blocked in Freedonia",
        "review_status": "draft",
        "country": "PK",
        "platforms": ["Telegram"],
        "kind": "service_block",
        "scope": "national",
        "start_date": "2025-03-03",
        "status": "ongoing",
        "justification": ["national_security"],
        "workarounds": ["vpn"],
        "sources": sources,
        "evidence": evidence,
    }
    (root / "records" / "fd-2025-telegram.yaml").write_text(dump_yaml(record), encoding="utf-8")
    return root / "records"
