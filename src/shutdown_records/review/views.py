"""What the review pages show, computed from the record's plain data and its source texts.

Each field: its value(s), who touched it (curation), the quotes citing each value (checked
against the source: a quote not at its offsets is flagged, never highlighted elsewhere), and
the conflict's candidates. Each source: its text cut into segments, cited ones marked, so the
page's text content is exactly the source text and a selection's offsets are the source's.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..curate.quotes import read_confined
from ..errors import ShutdownRecordsError
from ..model import (
    CITED_SUBFIELDS,
    EVIDENCED_FIELDS,
    LIST_FIELDS,
    OPTIONAL_CITED_SUBFIELDS,
    Incident,
    item_label,
    values_needing_evidence,
)


def _norm(value: Any) -> str:
    if isinstance(value, bool):
        return str(value).lower()
    return str(value).strip().casefold()


def show(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value).lower()
    return str(value)


@dataclass
class CitationView:
    source: str
    quote: str
    start: int
    end: int
    ok: bool

    @property
    def anchor(self) -> str:
        return f"q-{self.source}-{self.start}"


@dataclass
class ValueView:
    label: str
    citations: list[CitationView] = field(default_factory=list)
    curation: str | None = None
    subfields: list[SubView] = field(default_factory=list)
    # No quote, and the value claims something (`status: unknown` or `ended` need none: the
    # model's `values_needing_evidence`).
    needs_quote: bool = False
    # Not the field's default (`status: unknown` is what removing it would leave).
    removable: bool = True


@dataclass
class SubView:
    target: str  # court_challenges[Sindh High Court].date
    name: str
    value: str
    citations: list[CitationView] = field(default_factory=list)
    needs_quote: bool = False


@dataclass
class CandidateView:
    value: str
    sources: list[str]
    held: bool


@dataclass
class FieldView:
    name: str
    is_list: bool
    values: list[ValueView]
    curation: str | None
    candidates: list[CandidateView]
    reason: str | None
    other_citations: list[tuple[str, CitationView]]  # (value it supports, citation) for values not held

    @property
    def uncited(self) -> list[str]:
        return [v.label for v in self.values if not v.citations]

    @property
    def open_conflict(self) -> bool:
        return bool(self.candidates) and self.curation is None


@dataclass
class Segment:
    text: str
    anchor: str | None = None
    marked: bool = False


@dataclass
class SourceView:
    id: str
    title: str
    segments: list[Segment]
    error: str | None = None


def _citations(data: dict[str, Any], key: str, texts: dict[str, str | None]) -> list[tuple[dict, CitationView]]:
    evidence = data.get("evidence")
    raw = evidence.get(key) if isinstance(evidence, dict) else None
    out = []
    for c in raw if isinstance(raw, list) else []:
        if not isinstance(c, dict):
            continue
        source, quote, start, end = str(c.get("source")), str(c.get("quote")), c.get("start"), c.get("end")
        if not (isinstance(start, int) and isinstance(end, int)):
            start, end = -1, -1
        text = texts.get(source)
        ok = text is not None and start >= 0 and text[start:end] == quote
        out.append((c, CitationView(source, quote, start, end, ok)))
    return out


def _list(value: Any) -> list[Any]:
    """A list the record holds, or none: records are untrusted and may hold `sources: 5`."""
    return value if isinstance(value, list) else []


def mapping_at(data: dict[str, Any], key: str) -> dict[str, Any]:
    """`data[key]` when it is a mapping, else {}: a hand-edited record may hold anything there."""
    value = data.get(key)
    return value if isinstance(value, dict) else {}


def field_views(data: dict[str, Any], texts: dict[str, str | None]) -> list[FieldView]:
    curation = mapping_at(data, "curation")
    conflicts = mapping_at(data, "conflicts")
    views = []
    for name in EVIDENCED_FIELDS:
        value = data.get(name)
        is_list = name in LIST_FIELDS
        cites = _citations(data, name, texts)
        how = curation.get(name)
        items = value if is_list and isinstance(value, list) else ([] if value in (None, "") else [value])
        if name == "status" and value in ("unknown", None):
            items = [value or "unknown"]
        values = []
        held = set()
        for item in items:
            label = item_label(name, item) if is_list else show(item)
            held.add(_norm(label))
            if is_list:
                mine = [cv for c, cv in cites if _norm(c.get("value")) == _norm(label)]
            else:
                mine = [cv for c, cv in cites if c.get("value") is None or _norm(c.get("value")) == _norm(label)]
            item_how = how.get(label) if isinstance(how, dict) else (how if isinstance(how, str) else None)
            view = ValueView(label, mine, item_how)
            view.needs_quote = not mine and bool(values_needing_evidence(name, [item] if is_list else item))
            view.removable = item != Incident.model_fields[name].default
            if is_list and isinstance(item, dict):
                view.subfields = _subviews(data, name, item, label, texts)
            values.append(view)
        conflict = mapping_at(conflicts, name)
        candidates = [
            CandidateView(
                show(c.get("value")), [str(s) for s in _list(c.get("sources"))], _norm(c.get("value")) in held
            )
            for c in _list(conflict.get("candidates"))
            if isinstance(c, dict)
        ]
        others = [
            (show(c.get("value")), cv)
            for c, cv in cites
            if c.get("value") is not None and _norm(c.get("value")) not in held
        ]
        views.append(
            FieldView(
                name, is_list, values, how if isinstance(how, str) else None, candidates, conflict.get("reason"), others
            )
        )
    return views


def _subviews(data: dict[str, Any], name: str, item: dict, label: str, texts: dict[str, str | None]) -> list[SubView]:
    out = []
    required = CITED_SUBFIELDS.get(name, ())
    for sub in required + OPTIONAL_CITED_SUBFIELDS.get(name, ()):
        value = item.get(sub)
        if value in (None, "", []):
            continue
        cites = [(c, cv) for c, cv in _citations(data, f"{name}.{sub}", texts) if _norm(c.get("item")) == _norm(label)]
        for one in value if isinstance(value, list) else [value]:
            mine = [cv for c, cv in cites if _norm(c.get("value")) == _norm(one)]
            out.append(SubView(f"{name}[{label}].{sub}", sub, show(one), mine, sub in required and not mine))
    return out


def source_texts(data: dict[str, Any], record_path: Path, root: Path) -> tuple[dict[str, str | None], dict[str, str]]:
    """Each declared source's text (None when unreadable) and why it could not be read."""
    texts: dict[str, str | None] = {}
    errors: dict[str, str] = {}
    for s in _list(data.get("sources")):
        if not isinstance(s, dict) or not isinstance(s.get("id"), str):
            continue
        path = s.get("path")
        if not isinstance(path, str) or not path:
            texts[s["id"]], errors[s["id"]] = None, "this source has no path"
            continue
        try:
            texts[s["id"]] = read_confined(record_path, path, root)
        except ShutdownRecordsError as err:
            texts[s["id"]], errors[s["id"]] = None, err.message
    return texts, errors


def source_views(data: dict[str, Any], texts: dict[str, str | None], errors: dict[str, str]) -> list[SourceView]:
    spans: dict[str, list[tuple[int, int]]] = {}
    evidence = mapping_at(data, "evidence")
    for key in evidence:
        for _, cv in _citations(data, str(key), texts):
            if cv.ok:
                spans.setdefault(cv.source, []).append((cv.start, cv.end))
    views = []
    for s in _list(data.get("sources")):
        if not isinstance(s, dict) or not isinstance(s.get("id"), str):
            continue
        sid = s["id"]
        text = texts.get(sid)
        title = str(s.get("title") or s.get("url") or s.get("path") or sid)
        if text is None:
            views.append(SourceView(sid, title, [], errors.get(sid, "not readable")))
            continue
        views.append(SourceView(sid, title, _segments(sid, text, spans.get(sid, []))))
    return views


def _segments(sid: str, text: str, spans: list[tuple[int, int]]) -> list[Segment]:
    """The text cut at every quote boundary; a segment inside a quote is marked, a quote's first one anchored."""
    bounds = sorted({0, len(text), *(b for span in spans for b in span if 0 <= b <= len(text))})
    starts = {start: f"q-{sid}-{start}" for start, _ in spans}
    out = []
    for a, b in zip(bounds, bounds[1:], strict=False):
        marked = any(s <= a and b <= e for s, e in spans)
        out.append(Segment(text[a:b], starts.get(a) if marked else None, marked))
    return out


def subfield_targets(data: dict[str, Any]) -> list[str]:
    """The named sub-fields a selection can cite: each court's date, petitioners, outcome."""
    targets = []
    for name, subs in CITED_SUBFIELDS.items():
        for item in _list(data.get(name)):
            if isinstance(item, dict):
                label = item_label(name, item)
                targets += [f"{name}[{label}].{sub}" for sub in subs + OPTIONAL_CITED_SUBFIELDS.get(name, ())]
    return targets
