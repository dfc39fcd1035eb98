"""bench/cue_audit.py: counts where each cue matches, compiled as the build compiles it, and
never opens the hold-out incidents of bench/corpus_split.json."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parent.parent


def _audit_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location("cue_audit", ROOT / "bench" / "cue_audit.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def _incident(corpus: Path, name: str, text: str) -> None:
    (corpus / name / "sources").mkdir(parents=True)
    (corpus / name / "sources" / "01.txt").write_text(f"---\nlanguage: en\n---\n{text}\n", encoding="utf-8")


def test_hold_out_incidents_are_skipped_and_matches_counted_per_incident(tmp_path: Path) -> None:
    audit = _audit_module()
    holdout = json.loads((ROOT / "bench" / "corpus_split.json").read_text(encoding="utf-8"))["holdout"][0]
    _incident(tmp_path, "xx-2030-one", "Veloria's regulator blocked Chirper on stationary connections.")
    _incident(tmp_path, "xx-2031-two", "Marenia cut fixed broadband lines.")
    _incident(tmp_path, holdout, "Stationary devices were throttled in Tanzol.")
    folders = audit.dev_incidents(tmp_path)
    assert [p.name for p in folders] == ["xx-2030-one", "xx-2031-two"]

    entries = [e for e in audit.cue_entries(["en"]) if e.key == "networks.fixed"]
    stationary = next(e for e in entries if e.pattern.startswith("stationary"))
    assert stationary.line > 1 and stationary.language == "en"
    audit.audit(entries, audit._texts([p / "sources" for p in folders]), [])
    assert stationary.incidents == {"xx-2030-one"}  # the hold-out's "Stationary devices" is not read
    assert next(e for e in entries if e.pattern == "broadband").incidents == {"xx-2031-two"}


def test_entries_are_cue_patterns_not_name_tables_or_settings() -> None:
    entries = _audit_module().cue_entries(["fr"])
    keys = {e.key.split(".")[0] for e in entries}
    assert {"gates", "kind", "justification", "authorities"} <= keys
    assert not keys & {"ministry_words", "court_kinds", "settings", "placeholders", "demonyms"}
