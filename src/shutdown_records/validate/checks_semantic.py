"""Checks of what a record means, beyond its shape: real dates, consistent status, known
country, every value backed by a citation to a declared source.

These run on the raw YAML data even when the schema found problems, so one run reports as
much as it can; each check looks only at values of the type it expects and leaves wrong
types to the schema check.
"""

from __future__ import annotations

import calendar
import difflib
import functools
import re
from datetime import date
from typing import Any

import pycountry

from ..model import DATE_PATTERN, EVIDENCED_FIELDS, LIST_FIELDS, Incident, values_needing_evidence
from .places import Loc, field_path, key_mark, value_mark
from .result import Problem

_DATE = re.compile(DATE_PATTERN)


@functools.cache
def country_codes() -> frozenset[str]:
    return frozenset(country.alpha_2 for country in pycountry.countries)


class SemanticChecker:
    """The semantic problems of one record; `problems` fills as each check runs."""

    def __init__(self, data: dict[str, Any], path: str, *, strict: bool = False) -> None:
        self.data = data
        self.path = path
        self.strict = strict
        self.problems: list[Problem] = []
        self.declared_sources = {
            s["id"] for s in _dicts(data.get("sources")) if isinstance(s.get("id"), str)
        }

    def run(self) -> list[Problem]:
        self.check_dates()
        self.check_status()
        self.check_country()
        self.check_duplicate_entries()
        self.check_sources()
        self.check_field_names()
        self.check_evidence()
        self.check_conflicts()
        return self.problems

    # -- helpers -----------------------------------------------------------------------------

    def add(self, loc: Loc, code: str, message: str, *, at_key: bool = False) -> None:
        line, column = key_mark(self.data, loc) if at_key else value_mark(self.data, loc)
        self.problems.append(Problem(self.path, line, column, field_path(loc), code, message))

    # -- dates and status --------------------------------------------------------------------

    def check_dates(self) -> None:
        places: list[list[str | int]] = [["start_date"], ["end_date"]]
        places += [["court_challenges", i, "date"] for i, _ in _indexed_dicts(self.data.get("court_challenges"))]
        places += [["sources", i, "published"] for i, _ in _indexed_dicts(self.data.get("sources"))]
        for loc in places:
            value = _get(self.data, loc)
            if isinstance(value, str) and _DATE.match(value) and _date_range(value) is None:
                self.add(loc, "E201", f"{value} is not a real date: {_why_impossible(value)}")
        start, end = self.data.get("start_date"), self.data.get("end_date")
        start_range, end_range = _date_range(start), _date_range(end)
        if start_range and end_range and end_range[1] < start_range[0]:
            self.add(["end_date"], "E202", f"end_date {end} is before start_date {start}")
        problem = start_after_publication(self.data)
        if problem is not None:
            self.add(["start_date"], "W219", problem)

    def check_status(self) -> None:
        status = self.data.get("status", "unknown")
        end = self.data.get("end_date")
        if isinstance(end, str) and end and status != "ended":
            loc = ["status"] if "status" in self.data else ["end_date"]
            self.add(loc, "E203", f"end_date is {end}, so status must be ended (it is {status!r}); "
                     "clear end_date if the incident is not over")
        if status == "ended" and not end and not _dicts(_get(self.data, ["evidence", "status"])):
            self.add(["status"], "W204", "status is ended but end_date is empty; add the end date, "
                     "or cite the restoration in evidence.status")

    def check_country(self) -> None:
        country = self.data.get("country")
        if isinstance(country, str) and re.fullmatch(r"[A-Z]{2}", country) and country not in country_codes():
            self.add(["country"], "E205", f"{country!r} is not an ISO 3166-1 alpha-2 country code "
                     "(e.g. GB for the United Kingdom, PK for Pakistan)")

    def check_duplicate_entries(self) -> None:
        """The model refuses `platforms: [X, x]`; say which entry repeats which."""
        for name in ("platforms", "regions"):
            items = self.data.get(name)
            if not isinstance(items, list):
                continue
            first: dict[str, int] = {}
            for i, item in enumerate(items):
                if not isinstance(item, str):
                    continue
                key = item.casefold()
                if key in first:
                    self.add([name, i], "E216", f"{item!r} repeats {name}[{first[key]}]; keep one")
                else:
                    first[key] = i

    # -- sources, evidence, conflicts --------------------------------------------------------

    def check_sources(self) -> None:
        seen: dict[str, int] = {}
        for i, source in _indexed_dicts(self.data.get("sources")):
            sid = source.get("id")
            if not isinstance(sid, str):
                continue
            if sid in seen:
                self.add(["sources", i, "id"], "E212", f"source id {sid!r} is already used by sources[{seen[sid]}]")
            else:
                seen[sid] = i

    def check_field_names(self) -> None:
        allowed = {"evidence": EVIDENCED_FIELDS, "conflicts": EVIDENCED_FIELDS,
                   "curation": tuple(Incident.model_fields)}
        for section, names in allowed.items():
            mapping = self.data.get(section)
            if not isinstance(mapping, dict):
                continue
            for key in mapping:
                if key not in names:
                    self.add([section, key], "E213",
                             f"{section} for {key!r}, which is not a field that takes one{_suggest(str(key), names)}",
                             at_key=True)

    def check_evidence(self) -> None:
        evidence = self.data.get("evidence")
        evidence = evidence if isinstance(evidence, dict) else {}
        needed = {f: _labels(f, self.data.get(f)) for f in EVIDENCED_FIELDS}
        uncited = [f for f, labels in needed.items() if labels]
        is_draft = self.data.get("review_status", "draft") == "draft"
        if is_draft and not evidence and not _dicts(self.data.get("sources")) and uncited and not self.strict:
            count = sum(len(needed[f]) for f in uncited)
            self.add([], "W209", f"draft without evidence: no citation for {count} value{'s' if count != 1 else ''} "
                     f"in {', '.join(uncited)}; fine for an imported row, but add sources and evidence "
                     "before review (--strict reports each value)")
            return
        for field in EVIDENCED_FIELDS:
            citations = list(_indexed_dicts(evidence.get(field)))
            self._check_citation_sources(field, citations)
            self._check_coverage(field, needed[field], citations)

    def _check_citation_sources(self, field: str, citations: list[tuple[int, dict[str, Any]]]) -> None:
        for i, citation in citations:
            source = citation.get("source")
            if isinstance(source, str) and source not in self.declared_sources:
                self.add(["evidence", field, i, "source"], "E210", _undeclared(source, self.declared_sources))

    def _check_coverage(self, field: str, labels: list[str], citations: list[tuple[int, dict[str, Any]]]) -> None:
        value = self.data.get(field)
        held = {_norm(label) for label in labels}
        if field == "status" and isinstance(value, str):
            held.add(_norm(value))
        candidates = {_norm(c.get("value")) for c in _conflict_candidates(self.data, field)}
        cited: set[str] = set()
        for i, citation in citations:
            supported = citation.get("value")
            if supported is None and field not in LIST_FIELDS and value is not None:
                supported = value
            if supported is None:
                continue
            cited.add(_norm(supported))
            if _norm(supported) not in held | candidates:
                self.add(["evidence", field, i, "value"], "W214",
                         f"cites {_show(supported)} but {field} holds {_show(value)}; "
                         "update the citation or record the disagreement in conflicts")
        unnamed = any(c.get("value") is None for _, c in citations) and field in LIST_FIELDS
        for index, label in enumerate(labels):
            if _norm(label) in cited:
                continue
            loc: list[str | int] = [field, index] if isinstance(value, list) else [field]
            hint = f"add a citation under evidence.{field}"
            if field in LIST_FIELDS:
                hint += f" with value: {label!r}"
                if unnamed:
                    hint += " (citations of list items must name the item in `value`)"
            self.add(loc, "E208", f"{_show(label)} has no evidence; {hint}")

    def check_conflicts(self) -> None:
        conflicts = self.data.get("conflicts")
        if not isinstance(conflicts, dict):
            return
        evidence = self.data.get("evidence")
        evidence = evidence if isinstance(evidence, dict) else {}
        for field, conflict in conflicts.items():
            if not isinstance(conflict, dict):
                continue
            citations = _dicts(evidence.get(field))
            cited = {_norm(c.get("value")) for c in citations if c.get("value") is not None}
            if field not in LIST_FIELDS and self.data.get(field) is not None and any(
                c.get("value") is None for c in citations
            ):
                cited.add(_norm(self.data.get(field)))  # a citation without value supports the field's value
            for i, candidate in _indexed_dicts(conflict.get("candidates")):
                loc: list[str | int] = ["conflicts", field, "candidates", i]
                sources = candidate.get("sources")
                for j, source in enumerate(sources if isinstance(sources, list) else []):
                    if isinstance(source, str) and source not in self.declared_sources:
                        self.add([*loc, "sources", j], "E210", _undeclared(source, self.declared_sources))
                if "value" in candidate and _norm(candidate["value"]) not in cited:
                    self.add([*loc, "value"], "E211",
                             f"candidate {_show(candidate['value'])} has no citation; add one under "
                             f"evidence.{field} with value: {_show(candidate['value'])}")


def check_semantics(data: dict[str, Any], path: str, *, strict: bool = False) -> list[Problem]:
    return SemanticChecker(data, path, strict=strict).run()


def _labels(field: str, value: Any) -> list[str]:
    """values_needing_evidence, for values of the expected type only (the schema reports the rest)."""
    if field in LIST_FIELDS and not isinstance(value, list):
        return []
    if field not in LIST_FIELDS and isinstance(value, (list, dict)):
        return []
    return [label for label in values_needing_evidence(field, value) if label != ""]


def _norm(value: Any) -> str:
    """Citation values compare as text, case-insensitively; booleans as true/false."""
    if isinstance(value, bool):
        return str(value).lower()
    return str(value).strip().casefold()


def _conflict_candidates(data: dict[str, Any], field: str) -> list[dict[str, Any]]:
    conflicts = data.get("conflicts")
    conflict = conflicts.get(field) if isinstance(conflicts, dict) else None
    return _dicts(conflict.get("candidates")) if isinstance(conflict, dict) else []


def start_after_publication(data: dict[str, Any]) -> str | None:
    """Why `start_date` cannot be right, when it is later than the publication of every source.

    Sources cannot report what had not begun when they were published: usually a relative
    date ("blocked since February 17") resolved into the wrong year. `validate` warns, `build`
    refuses the date.
    """
    start = data.get("start_date")
    start_range = _date_range(start)
    latest = latest_publication(data.get("sources"))
    if start_range is None or latest is None or start_range[0] <= latest[1]:
        return None
    return (f"start_date {start} is after the publication of every source (latest {latest[0]}); "
            "check the year of the date the sources give")


def latest_publication(sources: Any) -> tuple[str, date] | None:
    """The latest `published` date of the sources and its last day, when every source has one."""
    sources = _dicts(sources)
    dated = [(s.get("published"), _date_range(s.get("published"))) for s in sources]
    if not dated or any(r is None for _, r in dated):
        return None
    text, days = max(dated, key=lambda d: d[1][1])  # type: ignore[index]
    return text, days[1]  # type: ignore[index]


def _date_range(value: Any) -> tuple[date, date] | None:
    """First and last day a partial date can mean; None when it is not a real date."""
    if not isinstance(value, str) or not _DATE.match(value):
        return None
    parts = [int(p) for p in value.split("-")]
    year, month = parts[0], parts[1]
    if year < 1:
        return None
    last = calendar.monthrange(year, month)[1]
    if len(parts) == 3:
        if not 1 <= parts[2] <= last:
            return None
        day = date(year, month, parts[2])
        return day, day
    return date(year, month, 1), date(year, month, last)


def _why_impossible(value: str) -> str:
    year, month = (int(p) for p in value.split("-")[:2])
    if year < 1:
        return "there is no year 0000 (the calendar goes from 1 BC to AD 1)"
    last = calendar.monthrange(year, month)[1]
    return f"{calendar.month_name[month]} {year} has {last} days"


def _undeclared(source: str, declared: set[str]) -> str:
    known = ", ".join(sorted(declared)) or "none"
    return f"cites source {source!r}, which is not declared under sources (declared: {known})"


def _suggest(word: str, names: tuple[str, ...]) -> str:
    close = difflib.get_close_matches(word, list(names), n=1, cutoff=0.6)
    return f"; did you mean {close[0]!r}?" if close else ""


def _show(value: Any) -> str:
    if isinstance(value, bool):
        return str(value).lower()
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _get(data: Any, loc: list[str | int]) -> Any:
    node = data
    for step in loc:
        if isinstance(node, dict) and step in node:
            node = node[step]
        elif isinstance(node, list) and isinstance(step, int) and 0 <= step < len(node):
            node = node[step]
        else:
            return None
    return node


def _dicts(value: Any) -> list[dict[str, Any]]:
    return [item for item in value if isinstance(item, dict)] if isinstance(value, list) else []


def _indexed_dicts(value: Any) -> list[tuple[int, dict[str, Any]]]:
    return [(i, item) for i, item in enumerate(value) if isinstance(item, dict)] if isinstance(value, list) else []
