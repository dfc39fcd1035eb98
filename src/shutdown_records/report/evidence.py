"""What a record page shows: each value beside its quotes, every quote re-checked against its text.

Nothing is dropped for being ungrounded: a value that needs a quote and has none is kept and
flagged, a quote whose text is not at its offsets is kept and flagged (never highlighted at the
wrong place), and a quote whose `value` matches no value of its field is listed under the field.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import pycountry
from pydantic import BaseModel

from ..model import EVIDENCED_FIELDS, ITEM_KEYS, LIST_FIELDS, Citation, Incident, item_label, values_needing_evidence
from ..text import fold
from .marks import MarkSpan
from .sources import SourceCache, SourceView, load_source_view

# Fields shown as a record's own data; the bookkeeping maps get sections of their own.
BOOKKEEPING = ("sources", "evidence", "conflicts", "curation", "extra_columns", "imported_rows")
SHOWN_FIELDS: tuple[str, ...] = tuple(name for name in Incident.model_fields if name not in BOOKKEEPING)

QUOTE_PROBLEMS = {
    "mismatch": "quote not found at offsets",
    "unknown_source": "source not listed in the record",
    "no_text": "source text unavailable",
}


@dataclass
class QuoteView:
    """One citation and what checking it against its source found."""

    field: str
    citation: Citation
    source: SourceView | None
    status: str  # "ok" or a key of QUOTE_PROBLEMS
    found_elsewhere: tuple[int, int] | None = None  # where the quote really is, for a mismatch

    @property
    def ok(self) -> bool:
        return self.status == "ok"

    @property
    def anchor(self) -> str | None:
        """The id of the quote's mark; identical spans share one mark."""
        if not self.ok or self.source is None:
            return None
        return f"q{self.source.number}-{self.citation.start}-{self.citation.end}"

    @property
    def problem(self) -> str | None:
        return QUOTE_PROBLEMS.get(self.status)

    @property
    def text_at_offsets(self) -> str | None:
        """What the source really holds at the cited offsets, to show beside a mismatch."""
        if self.status != "mismatch" or self.source is None or self.source.text is None:
            return None
        return self.source.text[self.citation.start : self.citation.end]


@dataclass
class ValueView:
    """One value of a field (a scalar, or one item of a list) with the quotes that support it."""

    display: str
    label: str | None  # what a citation's `value` must equal; None: the value claims nothing
    details: list[tuple[str, str]] = field(default_factory=list)
    quotes: list[QuoteView] = field(default_factory=list)

    @property
    def needs_evidence(self) -> bool:
        return self.label is not None

    @property
    def grounded(self) -> bool:
        return any(q.ok for q in self.quotes)

    @property
    def first_anchor(self) -> str | None:
        return next((q.anchor for q in self.quotes if q.ok), None)


@dataclass
class CandidateView:
    value: str
    chosen: bool
    sources: list[tuple[str, SourceView | None]]
    quotes: list[QuoteView]
    sources_without_quote: list[str]


@dataclass
class ConflictView:
    field: str
    chosen: str
    reason: str
    candidates: list[CandidateView]


@dataclass
class FieldView:
    name: str
    values: list[ValueView]
    is_list: bool
    evidenced: bool
    curation: str | None = None
    conflict: ConflictView | None = None
    unmatched: list[QuoteView] = field(default_factory=list)  # quotes whose value is not in the record
    note: str | None = None

    @property
    def label(self) -> str:
        return field_label(self.name)


@dataclass
class RecordView:
    incident: Incident
    path: Path
    sources: list[SourceView]
    fields: list[FieldView]
    conflicts: list[ConflictView]
    quotes_for_unknown_fields: dict[str, list[QuoteView]]
    # evidence["court_challenges.date"] and the like: a named item's dated or named sub-field
    quotes_for_subfields: dict[str, list[QuoteView]] = field(default_factory=dict)

    @property
    def needed(self) -> int:
        return sum(1 for f in self.fields if f.evidenced for v in f.values if v.needs_evidence)

    @property
    def unquoted(self) -> int:
        """Values that need a quote and cite none (a cited quote that fails the check is not this)."""
        return sum(1 for f in self.fields if f.evidenced for v in f.values if v.needs_evidence and not v.quotes)

    @property
    def unverified(self) -> int:
        """Values whose every cited quote failed the check (not at its offsets, source unreadable)."""
        return self.needed - self.covered - self.unquoted

    @property
    def covered(self) -> int:
        return sum(1 for f in self.fields if f.evidenced for v in f.values if v.needs_evidence and v.grounded)

    @property
    def all_quotes(self) -> list[QuoteView]:
        """Every checked citation once (a chosen candidate's quotes also sit under their field)."""
        quotes = [q for f in self.fields for v in f.values for q in v.quotes]
        quotes += [q for f in self.fields for q in f.unmatched]
        quotes += [q for c in self.conflicts for cand in c.candidates for q in cand.quotes]
        quotes += [q for qs in self.quotes_for_unknown_fields.values() for q in qs]
        quotes += [q for qs in self.quotes_for_subfields.values() for q in qs]
        return list({id(q): q for q in quotes}.values())

    @property
    def bad_quotes(self) -> int:
        return sum(1 for q in self.all_quotes if not q.ok)

    def spans_for(self, source: SourceView) -> list[MarkSpan]:
        """Every verified quote in one source, identical spans merged, for marking its text."""
        fields: dict[tuple[int, int], list[str]] = {}
        for quote in self.all_quotes:
            if quote.ok and quote.source is source:
                names = fields.setdefault((quote.citation.start, quote.citation.end), [])
                if quote.field not in names:
                    names.append(quote.field)
        return [
            MarkSpan(start, end, f"q{source.number}-{start}-{end}", tuple(names))
            for (start, end), names in sorted(fields.items())
        ]


def field_label(name: str) -> str:
    return name.replace("_", " ").capitalize()


def label_of(value: Any) -> str:
    """How a value compares with a citation's `value`: YAML booleans as true/false, else as text."""
    if isinstance(value, bool):
        return str(value).lower()
    return str(value)


def _same(a: str, b: str) -> bool:
    return a.casefold() == b.casefold()


@cache
def country_name(code: str) -> str:
    country = pycountry.countries.get(alpha_2=code)
    if country is None:
        return code
    return getattr(country, "common_name", None) or country.name


def display_value(name: str, value: Any) -> str:
    if name == "country" and isinstance(value, str):
        return f"{country_name(value)} ({value})"
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, list):  # the values a list field's conflict kept
        return ", ".join(display_value(name, item_label(name, v) if isinstance(v, dict) else v) for v in value)
    return str(value)


def _item_details(name: str, item: Any) -> list[tuple[str, str]]:
    """The parts of a structured item besides its label (type, date, outcome...), in model order."""
    if not isinstance(item, BaseModel):
        return []
    key = ITEM_KEYS.get(name, "name")
    details = []
    for part, part_value in item.model_dump(mode="json").items():
        if part == key or part_value in (None, "", []):
            continue
        shown = ", ".join(map(str, part_value)) if isinstance(part_value, list) else label_of(part_value)
        details.append((part.replace("_", " "), shown))
    return details


def _check(field_name: str, citation: Citation, sources: dict[str, SourceView]) -> QuoteView:
    source = sources.get(citation.source)
    if source is None:
        return QuoteView(field_name, citation, None, "unknown_source")
    text = source.text
    if text is None:
        return QuoteView(field_name, citation, source, "no_text")
    if citation.end <= len(text) and text[citation.start : citation.end] == citation.quote:
        return QuoteView(field_name, citation, source, "ok")
    where = fold(text).find(fold(citation.quote))
    elsewhere = (where, where + len(citation.quote)) if where >= 0 else None
    return QuoteView(field_name, citation, source, "mismatch", elsewhere)


def build_record_view(incident: Incident, path: Path, cache: SourceCache) -> RecordView:
    sources = [load_source_view(i, meta, path, cache) for i, meta in enumerate(incident.sources, 1)]
    by_id = {s.meta.id: s for s in sources}
    checked = {name: [_check(name, c, by_id) for c in citations] for name, citations in incident.evidence.items()}
    fields: list[FieldView] = []
    conflicts: list[ConflictView] = []
    for name in SHOWN_FIELDS:
        quotes = checked.get(name, [])
        value = getattr(incident, name)
        conflict = incident.conflicts.get(name)
        taken: set[int] = set()
        conflict_view = None
        if conflict is not None:
            conflict_view = _conflict_view(name, conflict, quotes, by_id, taken)
            conflicts.append(conflict_view)
        view = _field_view(name, value, quotes, taken)
        how = incident.curation.get(name)
        # a list curated item by item: "Sindh High Court edited, Islamabad High Court removed"
        view.curation = ", ".join(f"{item} {mark}" for item, mark in how.items()) if isinstance(how, dict) else how
        view.conflict = conflict_view
        fields.append(view)
    shown = set(SHOWN_FIELDS)
    subfields = {name: qs for name, qs in sorted(checked.items()) if name.split(".")[0] in shown and "." in name}
    unknown = {name: qs for name, qs in sorted(checked.items()) if name not in shown and name not in subfields}
    for name in sorted(set(incident.conflicts) - shown):  # a conflict about a field the record lacks
        conflicts.append(_conflict_view(name, incident.conflicts[name], checked.get(name, []), by_id, set()))
    return RecordView(incident, path, sources, fields, conflicts, unknown, subfields)


def _conflict_view(
    name: str, conflict: Any, quotes: list[QuoteView], by_id: dict[str, SourceView], taken: set[int]
) -> ConflictView:
    """Each candidate with the quotes its sources give for it; the chosen value's quotes stay with the field."""
    # A list field's conflict chose several values (the items kept); a scalar's chose one.
    chosen_values = conflict.chosen if isinstance(conflict.chosen, list) else [conflict.chosen]
    chosen = [label_of(item_label(name, v) if isinstance(v, dict) else v) for v in chosen_values]
    candidates = []
    for cand in conflict.candidates:
        value = label_of(item_label(name, cand.value) if isinstance(cand.value, dict) else cand.value)
        is_chosen = any(_same(value, c) for c in chosen)
        mine = [
            (i, q)
            for i, q in enumerate(quotes)
            if q.citation.source in cand.sources
            and (_same(label_of(q.citation.value), value) if q.citation.value is not None else is_chosen)
        ]
        if not is_chosen:
            taken.update(i for i, _ in mine)
        cited = {q.citation.source for _, q in mine}
        candidates.append(
            CandidateView(
                value=display_value(name, cand.value),
                chosen=is_chosen,
                sources=[(sid, by_id.get(sid)) for sid in cand.sources],
                quotes=[q for _, q in mine],
                sources_without_quote=[sid for sid in cand.sources if sid not in cited],
            )
        )
    return ConflictView(name, display_value(name, conflict.chosen), conflict.reason, candidates)


def _field_view(name: str, value: Any, quotes: list[QuoteView], taken: set[int]) -> FieldView:
    evidenced = name in EVIDENCED_FIELDS
    is_list = name in LIST_FIELDS or isinstance(value, list)
    items = list(value) if isinstance(value, list) else ([] if value is None else [value])
    labels = values_needing_evidence(name, value) if evidenced else []
    values: list[ValueView] = []
    for item in items:
        if is_list:
            label = item_label(name, item) if evidenced else None
            shown = label if label is not None else display_value(name, item)
        else:
            label = labels[0] if labels else None
            shown = display_value(name, item)
        values.append(ValueView(shown, label, _item_details(name, item)))
    free = [(i, q) for i, q in enumerate(quotes) if i not in taken]
    unmatched: list[QuoteView] = []
    for _, quote in free:
        cited = quote.citation.value
        target = None
        if cited is None:
            # A citation without `value` supports the field's value (a single item of a list too).
            if len(values) == 1:
                target = values[0]
        else:
            target = next(
                (v for v in values if _same(label_of(cited), v.label if v.label is not None else v.display)),
                None,
            )
        if target is None:
            unmatched.append(quote)
        else:
            target.quotes.append(quote)
    note = None
    if name == "status" and value == "ended":
        note = "needs no quote of its own: implied by the cited end date"
    elif name == "status" and value == "unknown":
        note = "claims nothing, so needs no quote"
    return FieldView(name, values, is_list, evidenced, unmatched=unmatched, note=note)
