"""Memorisation audit of the cue files: in how many corpus incidents and invented test
articles does each cue entry of data/lang/*/cues.yaml match?

A cue that states a general pattern of its language matches in several incidents, or in
invented articles written to show it; a cue that matches in exactly one real incident and
nothing invented may exist for one sentence of one article (a name, a phrase only that
article uses). This script lists those so a person can judge them; it decides nothing.

Patterns are compiled as the build compiles them (`cuedata.expand`, `inflect`, `fold`,
`cueset.compile_pattern`), and matched on the folded body of each article, as extractors do.
Only the dev incidents of ../shared/corpus are read: the hold-out ids of
bench/corpus_split.json are skipped without opening their folders.

Run: .venv/bin/python bench/cue_audit.py [CORPUS] [-v] [--lang fr]
"""

from __future__ import annotations

import argparse
import ast
import json
import sys
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

import yaml

from shutdown_records.extraction.cuedata import expand, inflect
from shutdown_records.extraction.cueset import compile_pattern
from shutdown_records.extraction.langdata import COMMON
from shutdown_records.extraction.loader import load_sources
from shutdown_records.text import fold

ROOT = Path(__file__).resolve().parent.parent
TESTS = ROOT / "tests"
# Keys of cues.yaml that hold no cue patterns: tables of names or English words, settings,
# sub-patterns used inside other cues (audited through the cues that use them).
NOT_CUES = frozenset(
    {"settings", "placeholders", "name_forms", "country_names", "demonyms", "ministry_words", "court_kinds"}
)


@dataclass
class Entry:
    """One cue entry as written in a cues.yaml file."""

    language: str
    key: str  # dotted path of the list it is in, e.g. "gates.restriction"
    line: int
    pattern: str
    case: bool
    stem: bool
    incidents: set[str] = field(default_factory=set)
    invented: int = 0  # invented articles / test files it matches in


def _lang_dir() -> Path:
    return Path(str(resources.files("shutdown_records").joinpath("data", "lang")))


def _entries(node: yaml.Node, path: tuple[str, ...], language: str) -> Iterator[Entry]:
    """Walk a composed YAML node; yield each cue entry with its key path and line."""
    if isinstance(node, yaml.MappingNode):
        pairs = {str(k.value): v for k, v in node.value if isinstance(k, yaml.ScalarNode)}
        if "re" in pairs and isinstance(pairs["re"], yaml.ScalarNode):
            flag = {
                name: isinstance(pairs.get(name), yaml.ScalarNode) and pairs[name].value.lower() == "true"
                for name in ("case", "stem")
            }
            yield Entry(
                language, ".".join(path), node.start_mark.line + 1, pairs["re"].value, flag["case"], flag["stem"]
            )
            return
        for key, value in pairs.items():
            if not path and key in NOT_CUES:
                continue
            yield from _entries(value, (*path, key), language)
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            yield from _entries(item, path, language)
    elif isinstance(node, yaml.ScalarNode) and path and node.tag.endswith(":str"):
        yield Entry(language, ".".join(path), node.start_mark.line + 1, node.value, False, False)


def cue_entries(languages: list[str] | None = None) -> list[Entry]:
    """Every cue entry of every language's cues.yaml (and _common), in file order."""
    out: list[Entry] = []
    for folder in sorted(_lang_dir().iterdir()):
        path = folder / "cues.yaml"
        if not path.is_file() or (languages and folder.name not in languages):
            continue
        root = yaml.compose(path.read_text(encoding="utf-8"), Loader=yaml.SafeLoader)
        if root is not None:
            out.extend(_entries(root, (), folder.name))
    return out


def _texts(paths: list[Path]) -> list[tuple[str, str, str]]:
    """(language, incident or file label, folded body) for the sources under these paths."""
    loaded = load_sources(paths) if paths else None
    out = []
    for doc in loaded.docs if loaded else []:
        lo, hi = doc.body
        out.append((doc.language, str(doc.path), fold(doc.text[lo:hi])))
    return out


def dev_incidents(corpus: Path) -> list[Path]:
    """The corpus's incident folders minus the hold-out (never opened)."""
    split = json.loads((ROOT / "bench" / "corpus_split.json").read_text(encoding="utf-8"))
    holdout = set(split["holdout"])
    return [p for p in sorted(corpus.iterdir()) if p.is_dir() and p.name not in holdout]


def invented_texts() -> list[tuple[str, str, str]]:
    """Invented in-repo articles: tests/*_corpus sources, tests/fixtures/languages and
    languages2 articles (language = file name), and every string literal of tests/*.py
    (language "*": any)."""
    out = _texts([p / "sources" for d in sorted(TESTS.glob("*_corpus")) for p in sorted(d.iterdir()) if p.is_dir()])
    for path in sorted(
        p for folder in ("languages", "languages2") for p in (TESTS / "fixtures" / folder).glob("*.yaml")
    ):
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for i, article in enumerate(data.get("articles") or []):
            out.append((path.stem, f"{path}#{i}", fold(str(article.get("text") or ""))))
    for path in sorted(TESTS.glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        strings = [n.value for n in ast.walk(tree) if isinstance(n, ast.Constant) and isinstance(n.value, str)]
        out.append(("*", str(path), fold("\n".join(strings))))
    return out


def audit(entries: list[Entry], corpus: list[tuple[str, str, str]], invented: list[tuple[str, str, str]]) -> None:
    """Fill each entry's `incidents` (dev incident ids) and `invented` (texts matched)."""
    for entry in entries:
        try:
            source = inflect(entry.language, fold(expand(entry.language, entry.pattern)), entry.stem)
            pattern = compile_pattern(source, entry.case)
            search = pattern.search
        except Exception as err:  # noqa: BLE001 - report and go on: the build reports it too
            print(f"{entry.language}:{entry.line}: cannot compile {entry.pattern!r}: {err}", file=sys.stderr)
            continue
        common = entry.language == COMMON
        for language, label, text in corpus:
            if (common or language == entry.language) and search(text):
                entry.incidents.add(Path(label).parent.parent.name)
        entry.invented = sum(
            1 for language, _, text in invented if (common or language in (entry.language, "*")) and search(text)
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("corpus", nargs="?", default=str(ROOT.parent / "shared" / "corpus"), help="reference corpus")
    parser.add_argument("-v", "--verbose", action="store_true", help="list entries matching exactly one incident")
    parser.add_argument("--lang", action="append", help="only this language's cues.yaml (repeatable)")
    parser.add_argument("--json", action="store_true", help="print every entry's counts as JSON lines")
    args = parser.parse_args(argv)
    corpus = Path(args.corpus)
    if not corpus.is_dir():
        print(f"{corpus}: not a corpus folder", file=sys.stderr)
        return 2
    entries = cue_entries(args.lang)
    dev = _texts([p / "sources" for p in dev_incidents(corpus)])
    audit(entries, dev, invented_texts())
    per_language: dict[str, set[str]] = defaultdict(set)  # how many dev incidents a language's cues can meet
    for language, label, _ in dev:
        per_language[language].add(Path(label).parent.parent.name)
        per_language[COMMON].add(Path(label).parent.parent.name)
    if args.json:
        for e in entries:
            row = {"lang": e.language, "key": e.key, "line": e.line, "re": e.pattern}
            print(json.dumps({**row, "incidents": sorted(e.incidents), "invented": e.invented}, ensure_ascii=False))
        return 0
    table: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0, 0])
    for e in entries:
        n = len(e.incidents)
        row = table[e.language]
        row[0] += 1
        row[1 + min(n, 2)] += 1
        row[4] += n == 1 and e.invented == 0
    print("incidents = dev incidents with a source in the language; 1 dev = the cue matches in one of them")
    print(f"{'lang':<8}{'incidents':>10}{'entries':>8}{'0 dev':>8}{'1 dev':>8}{'2+ dev':>8}{'1 dev, 0 invented':>19}")
    total = [0, 0, 0, 0, 0]
    for language in sorted(table):
        row = table[language]
        total = [a + b for a, b in zip(total, row, strict=True)]
        print(f"{language:<8}{len(per_language[language]):>10}" + "".join(f"{v:>8}" for v in row[:4]) + f"{row[4]:>19}")
    print(f"{'all':<8}{len(per_language[COMMON]):>10}" + "".join(f"{v:>8}" for v in total[:4]) + f"{total[4]:>19}")
    if args.verbose:
        print("\nentries matching exactly one dev incident (lang:line key [invented matches] incident  cue):")
        for e in entries:
            if len(e.incidents) == 1:
                print(f"{e.language}:{e.line} {e.key} [{e.invented}] {next(iter(e.incidents))}  {e.pattern}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
