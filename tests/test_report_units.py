"""The report's building blocks: quote segments and the timeline layout."""

from __future__ import annotations

from datetime import date

import lxml.html

from shutdown_records.model import Incident
from shutdown_records.report.marks import MarkSpan, marked_html
from shutdown_records.report.timeline import data_horizon, incident_span, layout, parse_partial


def segments(html: str) -> list[tuple[str, str]]:
    """(text, data-q) for each piece of the marked text; data-q is '' outside quotes."""
    root = lxml.html.fragment_fromstring(f"<pre>{html}</pre>")
    out = [(root.text or "", "")] if root.text else []
    for child in root:
        if child.tag == "mark":
            out.append((child.text or "", child.get("data-q")))
        if child.tail:
            out.append((child.tail, ""))
    return out


def test_marks_nested_and_overlapping_quotes_cut_into_segments_that_rebuild_the_text() -> None:
    text = "abcdefghij"
    html = marked_html(text, [MarkSpan(1, 6, "a", ("x",)), MarkSpan(3, 9, "b", ("y",)), MarkSpan(4, 5, "c", ("z",))])
    assert segments(str(html)) == [
        ("a", ""),
        ("bc", "a"),
        ("d", "a b"),
        ("e", "a b c"),
        ("f", "a b"),
        ("ghi", "b"),
        ("j", ""),
    ]
    assert "".join(t for t, _ in segments(str(html))) == text


def test_marks_put_an_anchor_at_each_quote_start_even_when_two_start_together() -> None:
    html = str(marked_html("one two", [MarkSpan(0, 3, "long", ()), MarkSpan(0, 7, "longer", ())]))
    root = lxml.html.fragment_fromstring(f"<pre>{html}</pre>")
    assert root.xpath('//span[@class="anchor"]/@id') == ["longer", "long"]


def test_marks_escape_text_and_ignore_spans_outside_the_text() -> None:
    html = str(marked_html("<b>&", [MarkSpan(0, 3, "a", ("f",)), MarkSpan(2, 99, "bad", ("g",))]))
    assert (
        html
        == '<span class="anchor" id="a"></span><mark class="q" data-q="a" title="quoted for: f">&lt;b&gt;</mark>&amp;'
    )


def test_marks_count_code_points_not_utf16_units() -> None:
    text = "😀 blocked"  # the emoji is one code point, two UTF-16 units
    html = str(marked_html(text, [MarkSpan(2, 9, "a", ())]))
    assert [t for t, q in segments(html) if q] == ["blocked"]


def test_partial_dates_cover_the_whole_month_and_reject_impossible_days() -> None:
    assert parse_partial("2024-02") == date(2024, 2, 1)
    assert parse_partial("2024-02", end=True) == date(2024, 2, 29)
    assert parse_partial("2023-02-30") is None
    assert parse_partial(None) is None


def incident(
    ident: str, start: str | None, end: str | None = None, status: str = "unknown", **extra: object
) -> Incident:
    return Incident.model_validate(
        {"id": ident, "title": ident, "start_date": start, "end_date": end, "status": status, **extra}
    )


def test_open_ended_incidents_run_to_the_latest_date_in_the_data_not_today() -> None:
    records = [
        incident("a", "2024-01-05", "2024-01-06", "ended"),
        incident("b", "2024-03", None, "ongoing"),
        incident(
            "c",
            "2023-12-01",
            None,
            "unknown",
            sources=[{"id": "s", "language": "en", "sha256": "0" * 64, "published": "2024-05-02"}],
        ),
    ]
    horizon = data_horizon(records)
    assert horizon == date(2024, 5, 2)
    span = incident_span(records[1], horizon)
    assert (span.start, span.end, span.open_end) == (date(2024, 3, 1), date(2024, 5, 2), True)
    ended_without_end = incident("d", "2024-02-10", None, "ended")
    assert incident_span(ended_without_end, horizon).end == date(2024, 2, 10)
    assert incident_span(incident("e", None), horizon) is None


def test_timeline_packs_disjoint_incidents_into_one_lane_and_overlapping_ones_apart() -> None:
    spans = {
        "a": incident_span(incident("a", "2024-01-01", "2024-01-31", "ended"), None),
        "b": incident_span(incident("b", "2024-03-01", "2024-03-31", "ended"), None),
        "c": incident_span(incident("c", "2024-01-15", "2024-03-15", "ended"), None),
    }
    timeline = layout([(k, "full_network", k, s) for k, s in spans.items()] + [("x", "unknown", "x", None)])
    lanes = {bar.id: bar.y for bar in timeline.bars}
    assert lanes["a"] == lanes["b"] != lanes["c"]
    assert timeline.undrawn == 1
    by_id = {bar.id: bar for bar in timeline.bars}
    assert by_id["a"].x < by_id["c"].x < by_id["b"].x
    assert [t.label for t in timeline.ticks] == ["2024-01", "2024-02", "2024-03"]
