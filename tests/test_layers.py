"""Layers point down: no module imports one of a later stage (docs/architecture.md).

Walks every module's imports with `ast` (those inside functions too: a lazy import is still
a dependency), so a report module reaching into build, or the library reaching for the CLI,
fails here rather than in a reviewer's head.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "src" / "shutdown_records"

# Module (or package prefix) -> layer; the longest matching prefix wins. Lower layers may be
# imported by higher ones and by their own layer, never the other way.
LAYERS: dict[str, int] = {
    # 0 data and model: what every stage reads
    "shutdown_records": 0,
    "shutdown_records.data": 0,
    "shutdown_records.errors": 0,
    "shutdown_records.fields": 0,
    "shutdown_records.fieldspec": 0,
    "shutdown_records.model": 0,
    "shutdown_records.datafiles": 0,
    "shutdown_records.dataschema": 0,
    "shutdown_records.vocabschema": 0,
    "shutdown_records.codebook": 0,
    "shutdown_records.schema_gen": 0,
    "shutdown_records.source_ids": 0,
    "shutdown_records.atomic": 0,
    "shutdown_records.safeio": 0,
    "shutdown_records.safetext": 0,
    "shutdown_records.yamlio": 0,
    # 1 text
    "shutdown_records.text": 1,
    # 2 extraction: sources in, mentions out
    "shutdown_records.extraction.types": 2,
    "shutdown_records.extraction.context": 2,
    "shutdown_records.extraction.notes": 2,
    "shutdown_records.extraction.langdata": 2,
    "shutdown_records.extraction.langschema": 2,
    "shutdown_records.extraction.language": 2,
    "shutdown_records.extraction.loader": 2,
    "shutdown_records.extraction.cues": 2,
    "shutdown_records.extraction.cuedata": 2,
    "shutdown_records.extraction.cueset": 2,
    "shutdown_records.extraction.gazetteer": 2,
    "shutdown_records.extraction.sentences": 2,
    "shutdown_records.extraction.sink": 2,
    "shutdown_records.extraction.prefixes": 2,
    "shutdown_records.extraction.regexcache": 2,
    "shutdown_records.extraction.regexsyntax": 2,
    "shutdown_records.extraction.spans": 2,
    "shutdown_records.extraction.wordtrie": 2,
    "shutdown_records.extraction.extractors": 2,
    # 3 merge: mentions of all sources -> values, evidence, conflicts
    "shutdown_records.extraction.timeline": 3,
    "shutdown_records.extraction.merge": 3,
    # 4 records: the assembled, curated record, and reading records
    "shutdown_records.extraction": 4,
    "shutdown_records.extraction.assemble": 4,
    "shutdown_records.extraction.curation": 4,
    "shutdown_records.extraction.pipeline": 4,
    "shutdown_records.records": 4,
    # 5 what uses records: validate, export, import, report, evaluate, curate, review, scan
    "shutdown_records.validate": 5,
    "shutdown_records.export": 5,
    "shutdown_records.importer": 5,
    "shutdown_records.report": 5,
    "shutdown_records.evaluate": 5,
    "shutdown_records.curate": 5,
    "shutdown_records.review": 5,
    "shutdown_records.scan": 5,
    # 6 the CLI
    "shutdown_records.commands": 6,
    "shutdown_records.cli": 6,
}
NAMES = {0: "data/model", 1: "text", 2: "extraction", 3: "merge", 4: "records", 5: "stages", 6: "CLI"}


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def modules() -> dict[str, Path]:
    return {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def layer_of(name: str) -> int | None:
    best = None
    for prefix in LAYERS:
        if (name == prefix or name.startswith(prefix + ".")) and (best is None or len(prefix) > len(best)):
            best = prefix
    return LAYERS[best] if best is not None else None


def imported(path: Path, name: str, known: set[str]) -> list[tuple[int, str]]:
    """(line, module) of every project module the file imports, resolved to the module itself."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: list[tuple[int, str]] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [(node.lineno, a.name) for a in node.names if a.name.startswith("shutdown_records")]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            if not target.startswith("shutdown_records"):
                continue
            # `from pkg import submodule` depends on the submodule, not on all of pkg
            subs = [f"{target}.{a.name}" for a in node.names if f"{target}.{a.name}" in known]
            found += [(node.lineno, s) for s in subs] or [(node.lineno, target)]
    return found


def test_every_module_has_a_layer() -> None:
    missing = [name for name in modules() if layer_of(name) is None]
    assert not missing, f"add these modules to LAYERS in {Path(__file__).name}: {missing}"


def test_no_module_imports_a_later_layer() -> None:
    known = set(modules())
    wrong = []
    for name, path in modules().items():
        own = layer_of(name)
        for line, target in imported(path, name, known):
            other = layer_of(target)
            if own is not None and other is not None and other > own:
                wrong.append(
                    f"{path.relative_to(PACKAGE.parent)}:{line}: {name} ({NAMES[own]}) imports "
                    f"{target} ({NAMES[other]})"
                )
    assert not wrong, "a lower layer imports a higher one:\n" + "\n".join(wrong)


@pytest.mark.parametrize(
    ("importer", "target", "bad"),
    [
        ("shutdown_records.text", "shutdown_records.extraction.cues", True),
        ("shutdown_records.extraction.pipeline", "shutdown_records.commands.build", True),
        ("shutdown_records.model", "shutdown_records.text", True),
        ("shutdown_records.export.stop", "shutdown_records.importer.rows", False),
        ("shutdown_records.extraction.merge", "shutdown_records.extraction.extractors.dates", False),
    ],
)
def test_layer_rule_tells_down_from_up(importer: str, target: str, bad: bool) -> None:
    """The rule itself: a later stage reading an earlier one is fine, the reverse is not."""
    assert ((layer_of(target) or 0) > (layer_of(importer) or 0)) is bad


def test_library_does_not_import_the_cli_toolkit() -> None:
    """click belongs to the CLI: the library reports progress through a callback it is given."""
    wrong = []
    for name, path in modules().items():
        if (layer_of(name) or 0) >= LAYERS["shutdown_records.commands"]:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = (
                [a.name for a in node.names]
                if isinstance(node, ast.Import)
                else ([node.module or ""] if isinstance(node, ast.ImportFrom) and not node.level else [])
            )
            wrong += [f"{name}:{node.lineno}" for n in names if n == "click" or n.startswith("click.")]
    assert not wrong, f"library modules import click: {wrong}"


def test_other_stages_read_shared_vocabularies_from_the_bottom_module() -> None:
    """report, export, evaluate... read data/<name>.yaml through datafiles, not build's langdata
    (a later stage may still read a language's own data, `topic`, from build)."""
    wrong = []
    for name, path in modules().items():
        if name.startswith("shutdown_records.extraction"):
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.ImportFrom)
                and (node.module or "").endswith("build.langdata")
                and any(alias.name == "shared" for alias in node.names)
            ):
                wrong.append(f"{name}:{node.lineno}")
    assert not wrong, f"import shared from shutdown_records.datafiles instead: {wrong}"
