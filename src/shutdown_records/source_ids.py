"""One written form of a source id: the file name without its extension (`000_8ad11d0c648465c0`).

Builds before this form named a source by its file name (`000_8ad11d0c648465c0.txt`), and a
rebuild kept an existing record's ids, so one record could mix both. `validate` warns about
the old form (W218) and a rebuild over such a record renames it everywhere it is cited.
"""

from __future__ import annotations

import copy
import re
from pathlib import PurePath
from typing import Any

# A source file's suffix that the old form kept in the id (HTML was always stored as .txt).
OLD_FORM_SUFFIX = re.compile(r"\.(txt|md|markdown)$", re.IGNORECASE)
_ID_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


def source_id(path: PurePath) -> str:
    """The id a source file gets: its name without the extension, made safe for YAML and HTML."""
    return _ID_UNSAFE.sub("-", path.stem).lstrip("._-") or "source"


def current_form(sid: str) -> str | None:
    """The id written in the current form when `sid` is in the old one (with `.txt`), else None."""
    if not isinstance(sid, str) or not OLD_FORM_SUFFIX.search(sid):
        return None
    stem = OLD_FORM_SUFFIX.sub("", sid)
    return stem or None


def old_form_renames(record: dict[str, Any]) -> dict[str, str]:
    """Old-form source id -> its current form, for each source whose new id is still free."""
    sources = [s for s in record.get("sources") or [] if isinstance(s, dict)]
    taken = {s.get("id") for s in sources}
    renames: dict[str, str] = {}
    for s in sources:
        new = current_form(s.get("id"))  # type: ignore[arg-type]
        if new and new not in taken:
            renames[str(s["id"])] = new
            taken.add(new)
    return renames


def rename_old_form_ids(record: dict[str, Any]) -> dict[str, Any]:
    """A copy of `record` with old-form source ids renamed in sources, evidence and conflicts."""
    renames = old_form_renames(record)
    if not renames:
        return record
    out = copy.deepcopy(record)
    for s in out.get("sources") or []:
        if isinstance(s, dict) and s.get("id") in renames:
            s["id"] = renames[s["id"]]
    for citations in (out.get("evidence") or {}).values():
        for c in citations if isinstance(citations, list) else []:
            if isinstance(c, dict) and isinstance(c.get("source"), str):
                c["source"] = renames.get(c["source"], c["source"])
    for conflict in (out.get("conflicts") or {}).values():
        if not isinstance(conflict, dict):
            continue
        for cand in conflict.get("candidates") or []:
            if isinstance(cand, dict) and isinstance(cand.get("sources"), list):
                cand["sources"] = [renames.get(x, x) if isinstance(x, str) else x for x in cand["sources"]]
    return out
