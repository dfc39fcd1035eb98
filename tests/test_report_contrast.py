"""The report's colours meet WCAG AA: 4.5:1 for text, 3:1 for timeline bars against white."""

from __future__ import annotations

import re
from importlib import resources

import pytest

CSS = resources.files("shutdown_records").joinpath("static", "report.css").read_text(encoding="utf-8")
COLOURS = dict(re.findall(r"--([\w-]+):\s*(#[0-9a-fA-F]{6})", CSS))


def luminance(hex_colour: str) -> float:
    def channel(c: int) -> float:
        s = c / 255
        return s / 12.92 if s <= 0.03928 else ((s + 0.055) / 1.055) ** 2.4

    r, g, b = (int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast(a: str, b: str) -> float:
    hi, lo = sorted((luminance(a), luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def colour(name: str) -> str:
    return "#ffffff" if name == "white" else COLOURS[name]


@pytest.mark.parametrize(
    ("fg", "bg"),
    [
        ("text", "bg"),
        ("muted", "bg"),
        ("muted", "panel"),
        ("link", "bg"),
        ("link", "panel"),
        ("text", "mark"),
        ("text", "mark-overlap"),
        ("text", "mark-hl"),
        ("white", "mark-hl-edge"),
        ("white", "missing"),
        ("white", "bad"),
        ("white", "ok"),
        ("white", "curation"),
        ("white", "conflict"),
        ("ok", "bg"),
    ],
)
def test_report_text_colours_meet_wcag_aa(fg: str, bg: str) -> None:
    assert contrast(colour(fg), colour(bg)) >= 4.5, f"{fg} on {bg}"


@pytest.mark.parametrize("kind", ["full_network", "service_block", "throttling", "unknown"])
def test_report_timeline_bar_colours_stand_out_from_white(kind: str) -> None:
    assert contrast(colour(f"kind-{kind}"), "#ffffff") >= 3.0
