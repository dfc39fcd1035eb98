"""The changes a reviewer makes to a record, each keeping the record's promise: every value cited.

`cite` and the review web app both call `apply_edit`: read the file (round trip, hash), change
the document, check the changed field against the model (a bad value is refused and the file
is not touched), write atomically unless the file changed meanwhile, then validate the result.
Every change marks `curation`, so a rebuild keeps it: a whole field for scalars, one item for
lists (`removed` keeps a deleted item out), so new candidates still arrive for the rest.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from dataclasses import field as dc_field
from pathlib import Path
from typing import Any

from pydantic import ValidationError
from ruamel.yaml.comments import CommentedMap, CommentedSeq

from ..errors import InputError, UsageError
from ..model import (
    CITED_SUBFIELDS,
    EVIDENCED_FIELDS,
    ITEM_KEYS,
    LIST_FIELDS,
    OPTIONAL_CITED_SUBFIELDS,
    CourtChallenge,
    Incident,
    item_label,
)
from ..validate import validate_paths
from ..validate.result import Problem
from .quotes import Found, find_quote, read_confined
from .roundtrip import RecordDoc, StaleRecord, node, plain, read_doc, write_doc

TEXT_FIELDS = ("title", "summary")  # the editor's own words: no citation
ACTIONS = ("cite", "remove", "accept", "choose", "text", "reviewed")
_FIELD_RE = re.compile(r"^(?P<field>[a-z_]+)(?:\[(?P<item>[^\]]+)\]\.(?P<sub>[a-z_]+))?$")
_ORDER = list(Incident.model_fields)
_COURT_ORDER = list(CourtChallenge.model_fields)


@dataclass
class Edit:
    """One change. `field` may name a sub-field: `court_challenges[Sindh High Court].date`."""

    action: str
    field: str = ""
    value: Any = None
    source: str | None = None
    quote: str | None = None
    start: int | None = None
    occurrence: int | None = None


@dataclass
class EditResult:
    path: Path
    sha256: str
    message: str
    problems: list[Problem] = dc_field(default_factory=list)

    @property
    def valid(self) -> bool:
        return not any(p.code.startswith("E") for p in self.problems)


@dataclass(frozen=True)
class Target:
    field: str
    item: str | None = None  # the list item's name, for a sub-field
    sub: str | None = None

    @property
    def evidence_key(self) -> str:
        return f"{self.field}.{self.sub}" if self.sub else self.field

    def __str__(self) -> str:
        return f"{self.field}[{self.item}].{self.sub}" if self.sub else self.field


def parse_target(text: str) -> Target:
    match = _FIELD_RE.match(text.strip())
    if not match:
        raise UsageError(
            f"{text!r} is not a field; use a field name such as start_date, "
            "or a sub-field such as 'court_challenges[Sindh High Court].date'"
        )
    target = Target(match["field"], match["item"], match["sub"])
    if target.sub is None:
        if target.field not in EVIDENCED_FIELDS and target.field not in TEXT_FIELDS:
            raise UsageError(
                f"{target.field!r} is not a field that takes a value and a quote; fields: {', '.join(EVIDENCED_FIELDS)}"
            )
    else:
        allowed = CITED_SUBFIELDS.get(target.field, ()) + OPTIONAL_CITED_SUBFIELDS.get(target.field, ())
        if target.sub not in allowed:
            raise UsageError(
                f"{target.field} has no citable sub-field {target.sub!r}"
                + (f"; sub-fields: {', '.join(allowed)}" if allowed else "")
            )
    return target


def coerce(target: Target, value: Any) -> Any:
    """A value typed on a command line or in a form, as the record holds it."""
    if not isinstance(value, str):
        return value
    value = value.strip()
    if target.sub is None and target.field == "acknowledged":
        if value.lower() in ("true", "false"):
            return value.lower() == "true"
        raise UsageError(f"acknowledged takes true or false, not {value!r}")
    if target.sub is None and target.field == "country":
        return value.upper()
    if not value:
        raise UsageError(f"{target}: the value is empty")
    return value


def _norm(value: Any) -> str:
    if isinstance(value, bool):
        return str(value).lower()
    return str(value).strip().casefold()


class RecordEditor:
    """The changes on one open document; each method keeps values, evidence, conflicts and curation in step."""

    def __init__(self, record: RecordDoc, root: Path | None = None) -> None:
        self.record = record
        self.doc = record.doc
        self.root = root

    # -- document helpers ---------------------------------------------------------------------

    def _insert_top(self, key: str, value: Any) -> None:
        insert_in_order(self.doc, key, value, _ORDER)

    def _mapping(self, key: str) -> CommentedMap:
        current = self.doc.get(key)
        if not isinstance(current, dict):
            current = CommentedMap()
            self._insert_top(key, current)
        return current

    def _citations(self, key: str, create: bool = True) -> CommentedSeq:
        evidence = self._mapping("evidence")
        current = evidence.get(key)
        if not isinstance(current, list):
            current = CommentedSeq()
            if not create:
                return current
            order = [*EVIDENCED_FIELDS]
            rank = _evidence_rank(key, order)
            position = len(evidence)
            for i, existing in enumerate(evidence):
                if _evidence_rank(str(existing), order) > rank:
                    position = i
                    break
            evidence.insert(position, key, current)
        return current

    def _drop_empty_evidence(self, key: str) -> None:
        evidence = self.doc.get("evidence")
        if isinstance(evidence, dict) and isinstance(evidence.get(key), list) and not evidence[key]:
            del evidence[key]

    def _curate(self, target: Target, how: str, label: str | None = None) -> None:
        """Mark a field (scalars) or one item (lists) as a person's; `edited` is never weakened."""
        curation = self._mapping("curation")
        name = target.field
        if name in LIST_FIELDS and label is not None:
            current = curation.get(name)
            if isinstance(current, str):
                if how == "edited" and current == "reviewed":
                    # a whole-list mark stays, and stays the strongest thing said about it
                    curation[name] = "edited"
                return
            items = current if isinstance(current, dict) else CommentedMap()
            if not isinstance(current, dict):
                self._set_in_order(curation, name, items)
            keep = items.get(label)
            if how == "reviewed" and keep in ("edited", "removed"):
                return
            for existing in list(items):
                if _norm(existing) == _norm(label) and existing != label:
                    del items[existing]
            items[label] = how
            return
        if how == "reviewed" and curation.get(name) == "edited":
            return
        self._set_in_order(curation, name, how)

    @staticmethod
    def _set_in_order(mapping: CommentedMap, key: str, value: Any) -> None:
        """Curation keys in field order, as the build writes them, so a rebuild moves nothing."""
        insert_in_order(mapping, key, value, _ORDER)

    def check_shapes(self, target: Target) -> None:
        """Refuse, before any change, a record whose containers are not what the model says
        (`sources: 5`, `platforms: X`): records are untrusted, and an edit must neither crash on
        them nor quietly replace what a person wrote there."""
        shapes = {"sources": list, "evidence": dict, "conflicts": dict, "curation": dict}
        if target.field in LIST_FIELDS:
            shapes[target.field] = list
        for key, kind in shapes.items():
            value = self.doc.get(key)
            if value is not None and not isinstance(value, kind):
                raise InputError(
                    f"{key}: holds {_show(value)}, not a {'list' if kind is list else 'mapping'}; "
                    "fix it by hand first (validate shows where), then cite again"
                )

    def _source_text(self, source_id: str) -> str:
        sources = [s for s in self.doc.get("sources") or [] if isinstance(s, dict)]
        for source in sources:
            if str(source.get("id")) == source_id:
                path = source.get("path")
                if not isinstance(path, str) or not path:
                    raise UsageError(f"source {source_id!r} has no path, so a quote cannot be found in it")
                return read_confined(self.record.path, path, self.root)
        known = ", ".join(str(s.get("id")) for s in sources) or "none"
        raise UsageError(f"no source {source_id!r} in this record (sources: {known})")

    def locate(self, edit: Edit) -> Found | None:
        if not edit.quote:
            return None
        if not edit.source:
            raise UsageError("a quote needs --source, the id of the source it is taken from")
        return find_quote(
            self._source_text(edit.source),
            edit.quote,
            occurrence=edit.occurrence,
            start=edit.start,
            source_id=edit.source,
        )

    def _add_citation(self, key: str, source: str, found: Found, value: Any, item: str | None = None) -> None:
        citations = self._citations(key)
        for existing in citations:
            if (
                isinstance(existing, dict)
                and existing.get("source") == source
                and existing.get("start") == found.start
                and existing.get("end") == found.end
                and _norm(existing.get("value")) == _norm(value)
                and existing.get("item") == item
            ):
                return
        entry: dict[str, Any] = {"source": source, "quote": found.quote, "start": found.start, "end": found.end}
        if item is not None:
            entry["item"] = item
        entry["value"] = value
        citations.append(node(entry))

    def _has_citation(self, key: str, value: Any, item: str | None = None) -> bool:
        evidence = self.doc.get("evidence")
        citations = evidence.get(key) if isinstance(evidence, dict) else None
        return any(
            isinstance(c, dict)
            and _norm(c.get("value")) == _norm(value)
            and (item is None or _norm(c.get("item")) == _norm(item))
            for c in citations or []
        )

    def _remove_citations(self, key: str, value: Any, *, valueless_too: bool = False, item: str | None = None) -> None:
        evidence = self.doc.get("evidence")
        citations = evidence.get(key) if isinstance(evidence, dict) else None
        if not isinstance(citations, list):
            return
        for i in reversed(range(len(citations))):
            c = citations[i]
            if not isinstance(c, dict):
                continue
            if item is not None and _norm(c.get("item")) != _norm(item):
                continue
            if (value is not None and _norm(c.get("value")) == _norm(value)) or (
                valueless_too and c.get("value") is None
            ):
                del citations[i]
        self._drop_empty_evidence(key)

    def _stamp(self, key: str, value: Any) -> None:
        """Citations written without `value` supported the value then held: say so before it changes."""
        evidence = self.doc.get("evidence")
        for c in (evidence.get(key) if isinstance(evidence, dict) else None) or []:
            if isinstance(c, dict) and c.get("value") is None and value is not None:
                c["value"] = node(value)

    def _conflict(self, name: str) -> CommentedMap | None:
        conflicts = self.doc.get("conflicts")
        conflict = conflicts.get(name) if isinstance(conflicts, dict) else None
        # the round-trip loader and node() make every mapping of the document a CommentedMap
        return conflict if isinstance(conflict, CommentedMap) else None

    def _drop_candidate(self, name: str, value: Any) -> None:
        conflict = self._conflict(name)
        if conflict is None:
            return
        candidates = conflict.get("candidates")
        if isinstance(candidates, list):
            for i in reversed(range(len(candidates))):
                if isinstance(candidates[i], dict) and _norm(candidates[i].get("value")) == _norm(value):
                    del candidates[i]
        chosen = conflict.get("chosen")
        if isinstance(chosen, list):
            for i in reversed(range(len(chosen))):
                if _norm(chosen[i]) == _norm(value):
                    del chosen[i]
        elif _norm(chosen) == _norm(value):
            conflict["chosen"] = None
        if not isinstance(candidates, list) or len(candidates) < 2:
            del self.doc["conflicts"][name]
            if not self.doc["conflicts"]:
                self.doc["conflicts"] = CommentedMap()

    def _items(self, name: str) -> CommentedSeq:
        items = self.doc.get(name)
        if not isinstance(items, list):
            items = CommentedSeq()
            self._insert_top(name, items)
        return items

    def _find_item(self, name: str, label: str) -> int | None:
        for i, item in enumerate(self.doc.get(name) or []):
            if _norm(item_label(name, plain(item))) == _norm(label):
                return i
        return None

    # -- the changes ---------------------------------------------------------------------------

    def cite(self, target: Target, value: Any, edit: Edit) -> str:
        found = self.locate(edit)
        if target.sub:
            return self._cite_sub(target, value, found, edit)
        if target.field in LIST_FIELDS:
            return self._cite_item(target, value, found, edit)
        return self._cite_scalar(target, value, found, edit)

    def _need_quote(self, target: Target, value: Any, item: str | None = None) -> None:
        if not self._has_citation(target.evidence_key, value, item):
            raise UsageError(
                f"{target}: no quote supports {_show(value)} yet; give one (--source and --quote, "
                "or select it in the source)"
            )

    def _cite_scalar(self, target: Target, value: Any, found: Found | None, edit: Edit) -> str:
        name = target.field
        old = plain(self.doc.get(name))
        if found is None:
            self._need_quote(target, value)
        changed = _norm(old) != _norm(value) or old is None
        if changed and old not in (None, "unknown"):
            self._stamp(name, old)
            new_sources = [str(edit.source)] if found is not None else self._sources_citing(name).get(_norm(value), [])
            self._keep_as_candidate(name, old, value, new_sources)
        elif not changed:
            self._stamp(name, value)
        conflict = self._conflict(name)
        if conflict is not None:
            conflict["chosen"] = node(value)
            conflict["reason"] = "chosen by a reviewer"
        self._insert_top(name, node(value))
        if found is not None:
            self._add_citation(name, str(edit.source), found, value)
        self._curate(target, "edited" if changed else "reviewed")
        return (
            f"{name}: {_show(value)}"
            + (f" (was {_show(old)})" if changed and old is not None else "")
            + (f", cited from {edit.source} at {found.start}-{found.end}" if found else "")
        )

    def _keep_as_candidate(self, name: str, old: Any, new: Any, new_sources: list[str]) -> None:
        """The value a person replaced stays visible as a rejected candidate, with its quotes."""
        if not self._has_citation(name, old):
            return
        conflict = self._conflict(name)
        sources_of = self._sources_citing(name)
        if conflict is None:
            conflicts = self._mapping("conflicts")
            self._set_in_order(
                conflicts, name, node({"chosen": new, "reason": "chosen by a reviewer", "candidates": []})
            )
            conflict = conflicts[name]
        candidates = conflict.get("candidates")
        if not isinstance(candidates, list):
            return
        for value, sources in ((new, new_sources), (old, sources_of.get(_norm(old)) or [])):
            if sources and not any(isinstance(c, dict) and _norm(c.get("value")) == _norm(value) for c in candidates):
                candidates.append(node({"value": value, "sources": sources}))

    def _sources_citing(self, name: str) -> dict[str, list[str]]:
        out: dict[str, list[str]] = {}
        evidence = self.doc.get("evidence")
        for c in (evidence.get(name) if isinstance(evidence, dict) else None) or []:
            if isinstance(c, dict) and c.get("value") is not None:
                ids = out.setdefault(_norm(c.get("value")), [])
                if str(c.get("source")) not in ids:
                    ids.append(str(c.get("source")))
        return out

    def _after_new_candidate(self, name: str, value: Any, source: str | None) -> None:
        conflict = self._conflict(name)
        if conflict is None or source is None:
            return
        candidates = conflict.get("candidates")
        if isinstance(candidates, list) and not any(
            isinstance(c, dict) and _norm(c.get("value")) == _norm(value) for c in candidates
        ):
            candidates.append(node({"value": value, "sources": [source]}))

    def _cite_item(self, target: Target, value: Any, found: Found | None, edit: Edit) -> str:
        name = target.field
        if found is None:
            self._need_quote(target, value)
        index = self._find_item(name, str(value))
        added = index is None
        if added:
            key = ITEM_KEYS.get(name)
            self._items(name).append(node({key: value} if key else value))
        label = str(value) if added else item_label(name, plain(self.doc[name][index]))
        if found is not None:
            self._add_citation(name, str(edit.source), found, label)
        conflict = self._conflict(name)
        if conflict is not None:
            chosen = conflict.get("chosen")
            if isinstance(chosen, list) and not any(_norm(c) == _norm(label) for c in chosen):
                chosen.append(node(label))
                conflict["reason"] = "chosen by a reviewer"
            self._after_new_candidate(name, label, edit.source if found else None)
        self._curate(target, "edited" if added else "reviewed", label)
        return f"{name}: {'added' if added else 'cited'} {_show(label)}" + (
            f" from {edit.source} at {found.start}-{found.end}" if found else ""
        )

    def _court(self, target: Target) -> CommentedMap:
        index = self._find_item(target.field, str(target.item))
        if index is None:
            names = ", ".join(item_label(target.field, plain(i)) for i in self.doc.get(target.field) or []) or "none"
            raise UsageError(f"no {target.field} item named {target.item!r} (items: {names}); add it first")
        item = self.doc[target.field][index]
        if not isinstance(item, CommentedMap):  # every mapping of the round-trip document is one
            raise UsageError(f"{target.field}[{index}] is not a mapping")
        return item

    def _cite_sub(self, target: Target, value: Any, found: Found | None, edit: Edit) -> str:
        item = self._court(target)
        label = item_label(target.field, plain(item))
        if found is None:
            self._need_quote(target, value, label)
        sub = str(target.sub)
        if sub == "petitioners":
            people = item.get(sub)
            if not isinstance(people, list):
                people = CommentedSeq()
                _insert_sub(item, sub, people)
            if not any(_norm(p) == _norm(value) for p in people):
                people.append(node(value))
        else:
            old = plain(item.get(sub))
            if old is not None and _norm(old) != _norm(value):
                self._remove_citations(target.evidence_key, old, item=label)
            _insert_sub(item, sub, node(value))
        if found is not None:
            self._add_citation(target.evidence_key, str(edit.source), found, value, item=label)
        self._curate(target, "edited", label)
        return f"{target.field}[{label}].{sub}: {_show(value)}" + (
            f", cited from {edit.source} at {found.start}-{found.end}" if found else ""
        )

    def remove(self, target: Target, value: Any) -> str:
        name = target.field
        if target.sub:
            item = self._court(target)
            label = item_label(name, plain(item))
            sub = str(target.sub)
            if sub == "petitioners":
                people = item.get(sub) or []
                kept = [p for p in people if _norm(p) != _norm(value)]
                if len(kept) == len(people):
                    raise UsageError(f"{target} has no {value!r}")
                item[sub] = node(kept)
            else:
                if item.get(sub) is None:
                    raise UsageError(f"{target} is already empty")
                value = plain(item[sub]) if value is None else value
                del item[sub]
            self._remove_citations(target.evidence_key, value, item=label)
            self._curate(target, "edited", label)
            return f"{name}[{label}].{sub}: removed {_show(value)}"
        if name in LIST_FIELDS:
            index = self._find_item(name, str(value))
            if index is None:
                held = ", ".join(item_label(name, plain(i)) for i in self.doc.get(name) or []) or "nothing"
                raise UsageError(f"{name} has no item {value!r} (it holds {held})")
            label = item_label(name, plain(self.doc[name][index]))
            del self.doc[name][index]
            self._remove_citations(name, label)
            for sub in CITED_SUBFIELDS.get(name, ()) + OPTIONAL_CITED_SUBFIELDS.get(name, ()):
                evidence = self.doc.get("evidence")
                for c in list((evidence.get(f"{name}.{sub}") if isinstance(evidence, dict) else None) or []):
                    if isinstance(c, dict) and _norm(c.get("item")) == _norm(label):
                        evidence[f"{name}.{sub}"].remove(c)
                self._drop_empty_evidence(f"{name}.{sub}")
            self._drop_candidate(name, label)
            self._curate(target, "removed", label)
            return f"{name}: removed {_show(label)} and its citations"
        old = plain(self.doc.get(name))
        if old is None or (name == "status" and old == "unknown"):
            raise UsageError(f"{name} is already empty")
        if value is not None and _norm(value) != _norm(old):
            raise UsageError(f"{name} holds {_show(old)}, not {_show(value)}; nothing removed")
        self.doc[name] = "unknown" if name == "status" else None
        self._remove_citations(name, old, valueless_too=True)
        self._drop_candidate(name, old)
        self._curate(target, "edited")
        return f"{name}: removed {_show(old)} and its citations"

    def accept(self, target: Target, item: str | None = None) -> str:
        """A person confirms the value as it is: it is theirs now, and a rebuild keeps it."""
        name = target.field
        value = plain(self.doc.get(name))
        if name in LIST_FIELDS:
            labels = [item_label(name, i) for i in value or []]
            if item is not None:
                if not any(_norm(label) == _norm(item) for label in labels):
                    raise UsageError(f"{name} has no item {item!r}")
                labels = [label for label in labels if _norm(label) == _norm(item)]
            if not labels:
                self._curate(target, "reviewed")  # an empty list, confirmed empty
            for label in labels:
                self._curate(target, "reviewed", label)
            return f"{name}: accepted {', '.join(map(_show, labels)) or 'empty'}"
        self._stamp(name, value)
        self._curate(target, "reviewed")
        return f"{name}: accepted {_show(value)}"

    def set_text(self, target: Target, text: str) -> str:
        text = text.strip()
        if target.field == "title" and not text:
            raise UsageError("title: a record needs a title")
        self._insert_top(target.field, node(text) if text else None)
        self._curate(target, "edited")
        return f"{target.field}: saved"

    def check_field(self, target: Target) -> None:
        """Refuse a value the model rejects, naming what would be right, before anything is written."""
        try:
            Incident.model_validate(plain(self.doc))
        except ValidationError as err:
            for item in err.errors():
                if item["loc"] and item["loc"][0] == target.field:
                    where = ".".join(str(p) for p in item["loc"])
                    raise UsageError(f"{where}: {item['msg']}{_vocabulary(target)}; nothing written") from None


def _vocabulary(target: Target) -> str:
    annotation = Incident.model_fields[target.field].annotation if target.field in Incident.model_fields else None
    text = str(annotation)
    for enum_name in ("Kind", "Network", "Scope", "Status", "Justification", "Context", "Workaround"):
        if f".{enum_name}" in text or f"'{enum_name}'" in text or text.endswith(enum_name):
            from .. import model  # noqa: PLC0415 - the enums by name

            return f" (one of: {', '.join(v.value for v in getattr(model, enum_name))})"
    return ""


def _insert_sub(item: CommentedMap, key: str, value: Any) -> None:
    insert_in_order(item, key, value, _COURT_ORDER)


def insert_in_order(mapping: CommentedMap, key: str, value: Any, order: list[str]) -> None:
    """Set `key`, or insert it before the first key that comes after it in `order` (keys not in
    `order` last), so an edited file keeps the order the build writes and a rebuild moves nothing."""
    if key in mapping:
        mapping[key] = value
        return
    rank = order.index(key) if key in order else len(order)
    position = len(mapping)
    for i, existing in enumerate(mapping):
        if existing in order and order.index(existing) > rank:
            position = i
            break
    mapping.insert(position, key, value)


def _evidence_rank(key: str, order: list[str]) -> float:
    base, _, sub = key.partition(".")
    rank = order.index(base) if base in order else len(order)
    return rank + (0.5 if sub else 0.0)


def _show(value: Any) -> str:
    if isinstance(value, bool):
        return str(value).lower()
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def apply_edit(path: Path, edit: Edit, *, expect_sha256: str | None = None, root: Path | None = None) -> EditResult:
    """Make one change to the record at `path`, write it atomically, validate it.

    `expect_sha256` (a page's ETag) refuses the change when the file is no longer the one the
    person looked at. `root`: the folder sources must stay in, for reading and validating
    (default: the record's repository root). Raises UsageError/QuoteNotFound/StaleRecord with
    the file untouched.
    """
    record = read_doc(Path(path))
    if expect_sha256 is not None and expect_sha256 != record.sha256:
        raise StaleRecord(
            "the record was saved by someone else since this page was loaded; nothing "
            "written, reload it to see their change",
            place=str(path),
        )
    editor = RecordEditor(record, root)
    if edit.action not in ACTIONS:
        raise UsageError(f"unknown change {edit.action!r}; one of: {', '.join(ACTIONS)}")
    if edit.action == "reviewed":
        result = validate_paths([record.path], strict=True, root=root)
        blocking = [p for p in result.problems if p.code.startswith("E") or p.code == "W209"]
        if blocking:
            return EditResult(record.path, record.sha256, "not marked reviewed: fix these first", result.problems)
        editor._insert_top("review_status", "reviewed")
        message = "marked reviewed"
    else:
        target = parse_target(edit.field)
        editor.check_shapes(target)
        if edit.action == "text":
            if target.field not in TEXT_FIELDS or target.sub:
                raise UsageError(f"only {', '.join(TEXT_FIELDS)} take free text; cite a value for {target}")
            message = editor.set_text(target, str(edit.value or ""))
        elif target.field in TEXT_FIELDS:
            raise UsageError(f"{target.field} is the editor's own words: set it as text, it takes no quote")
        elif edit.action == "accept":
            if target.sub:
                raise UsageError(f"accept a whole item ({target.field}), not one of its sub-fields")
            message = editor.accept(target, None if edit.value in (None, "") else str(edit.value))
        elif edit.action == "remove":
            message = editor.remove(target, None if edit.value in (None, "") else coerce(target, edit.value))
        else:  # cite, choose
            value = coerce(target, edit.value)
            if edit.action == "choose":
                edit = Edit("choose", edit.field, value)
            message = editor.cite(target, value, edit)
        editor.check_field(target)
    sha = write_doc(record)
    problems = validate_paths([record.path], root=root).problems
    return EditResult(record.path, sha, message, problems)


__all__ = ["ACTIONS", "Edit", "EditResult", "RecordEditor", "StaleRecord", "Target", "apply_edit", "parse_target"]
