"""Evidence a reviewer can read: every supporting source cited once per value, its best quote."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from shutdown_records.extraction import build_record

ARTICLE = """---
published: 2025-03-12
language: en
---
Authorities in Freedonia blocked access to Telegram on Monday, the telecoms regulator said.
Many users turned to virtual private networks (VPNs) to reach Telegram.
"VPN downloads rose tenfold overnight," an analyst said, adding that VPN apps topped the charts.
Others said they would keep using a VPN until the ban on Telegram is lifted.
"""


def test_each_source_is_cited_once_per_value_with_its_strongest_quote(tmp_path: Path) -> None:
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text(ARTICLE.replace("Freedonia", "Kenya"), encoding="utf-8")
    record = build_record([tmp_path / "a.txt", tmp_path / "b.txt"], record_path=tmp_path / "r.yaml").record
    assert record["workarounds"] == ["vpn"]
    per_source = Counter((c["source"], c.get("value")) for c in record["evidence"]["workarounds"])
    assert per_source == {("a", "vpn"): 1, ("b", "vpn"): 1}
