"""Score `scan` on the labelled development stream: relevance precision/recall, grouping B-cubed F1.

The stream: every article of ../shared/corpus/*/sources/ (its folder names the incident) and
../shared/stream/distractors/ (not incidents). Parts are reported apart, per the splits:
  dev       corpus dev incidents + the 'tune' half of the distractors (tuned on)
  unseen    corpus hold-out incidents (bench/corpus_split.json) + the 'check' half (never tuned on)

    python bench/eval_scan.py                 # relevance and grouping, both parts
    python bench/eval_scan.py --part dev -v   # list the dev part's errors (never the unseen part's)
    python bench/eval_scan.py --corpus tests/scan_stream --corpus tests/dev_corpus -v
                                              # grouping on invented corpora (folders of INCIDENT/sources/)

Grouping is scored on the articles that are truly relevant (B-cubed over incidents: each
article's precision and recall of the group it is put in); an article the filter dropped is
its own group. It runs the real `scan` (default engine) over a folder of symlinks.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


def stream(part: str) -> list[tuple[Path, str | None]]:
    """(article file, incident id or None) for one part of the split."""
    split = json.loads((ROOT / "bench" / "corpus_split.json").read_text())
    dsplit = json.loads((ROOT / "bench" / "scan_split.json").read_text())
    holdout = set(split["holdout"])
    items: list[tuple[Path, str | None]] = []
    for incident in sorted(p for p in (SHARED / "corpus").iterdir() if (p / "sources").is_dir()):
        if (incident.name in holdout) == (part == "unseen"):
            items += [(f, incident.name) for f in sorted((incident / "sources").glob("*.txt"))]
    names = dsplit["tune"] if part == "dev" else dsplit["check"]
    items += [(SHARED / "stream" / "distractors" / n, None) for n in names]
    return items


def corpus_stream(folders: list[Path]) -> list[tuple[Path, str | None]]:
    """(article file, incident) for every article of folders laid out as INCIDENT/sources/*.txt;
    all folders make one stream (their incidents apart, even when two share a name), so two
    corpora's incidents of the same country test that they are kept apart. A folder's
    `negatives/*.txt` are articles of no incident (scored for relevance only)."""
    items: list[tuple[Path, str | None]] = []
    for folder in folders:
        for incident in sorted(p for p in folder.iterdir() if (p / "sources").is_dir()):
            label = f"{folder.name}/{incident.name}"
            items += [(f, label) for f in sorted((incident / "sources").glob("*.txt"))]
        # hard negatives (cable cuts, outages, bills...): articles of no incident, for relevance
        items += [(f, None) for f in sorted((folder / "negatives").glob("*.txt"))]
    return items


def _gold_path(incident: str, articles: list[str]) -> Path:
    """The gold file of an incident: the shared corpus's, or the one beside its sources."""
    if "/" not in incident:
        return SHARED / "corpus" / incident / "gold.yaml"
    return Path(articles[0]).resolve().parent.parent / "gold.yaml"


def _shown(path: Path) -> str:
    return str(path.relative_to(SHARED) if path.is_relative_to(SHARED) else path.relative_to(ROOT))


def relevance_scores(items: list[tuple[Path, str | None]], verbose: bool) -> dict[str, float]:
    from shutdown_records.extraction.loader import parse_front_matter
    from shutdown_records.scan.relevance import judge

    tp = fp = fn = tn = 0
    for path, incident in items:
        text = path.read_text(encoding="utf-8")
        meta, start = parse_front_matter(text, str(path))
        verdict = judge(text[start:], meta.get("title"))
        truth = incident is not None
        if verdict.relevant and truth:
            tp += 1
        elif verdict.relevant:
            fp += 1
        elif truth:
            fn += 1
        else:
            tn += 1
        if verbose and verdict.relevant != truth:
            print(f"  {'FP' if verdict.relevant else 'FN'} {_shown(path)}: {verdict.why}")
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    return {
        "articles": len(items),
        "tp": tp,
        "fp": fp,
        "fn": fn,
        "tn": tn,
        "precision": round(precision, 3),
        "recall": round(recall, 3),
    }


def bcubed(truth: dict[str, str], found: dict[str, str]) -> tuple[float, float, float]:
    """B-cubed precision, recall, F1 of `found` (article -> group) against `truth`."""
    by_truth: dict[str, set[str]] = {}
    by_found: dict[str, set[str]] = {}
    for a, t in truth.items():
        by_truth.setdefault(t, set()).add(a)
        by_found.setdefault(found.get(a) or f"alone:{a}", set()).add(a)
    p = r = 0.0
    for a, t in truth.items():
        group = by_found[found.get(a) or f"alone:{a}"]
        same = group & by_truth[t]
        p += len(same) / len(group)
        r += len(same) / len(by_truth[t])
    p /= len(truth)
    r /= len(truth)
    return round(p, 3), round(r, 3), round(2 * p * r / (p + r) if p + r else 0.0, 3)


def grouping_scores(items: list[tuple[Path, str | None]], verbose: bool, drafts: bool = True) -> dict[str, float]:
    from shutdown_records.scan.engine import ScanOptions, run_scan

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "in"
        folder.mkdir()
        names: dict[str, str | None] = {}
        for i, (path, incident) in enumerate(items):
            link = folder / f"{i:04d}-{path.parent.parent.name if incident else 'n'}-{path.name}"
            link.symlink_to(path)
            names[str(link)] = incident
        out = Path(tmp) / "out"
        started = time.perf_counter()
        run_scan([folder], ScanOptions(out=out, progress=False))
        seconds = time.perf_counter() - started
        truth: dict[str, str] = {}
        found: dict[str, str] = {}
        for line in (out / "articles.jsonl").read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            incident = names.get(row["input"])
            if incident is not None:
                truth[row["input"]] = incident
                if row["incident"]:
                    found[row["input"]] = row["incident"]
        quality = draft_quality(out, truth, found, Path(tmp) / "built", verbose) if drafts else {}
        if drafts:
            quality.update(drafts_as_built(out, Path(tmp) / "same", verbose))
        if verbose:
            groups: dict[str, list[str]] = {}
            for a, g in found.items():
                groups.setdefault(g, []).append(Path(a).name)
            for g, members in sorted(groups.items()):
                print(f"  {g}: {' '.join(sorted(members))}")
    p, r, f1 = bcubed(truth, found)
    # grouping alone: B-cubed over the articles the filter kept (a dropped article is no split)
    kept = bcubed({a: t for a, t in truth.items() if a in found}, found)[2] if found else 0.0
    return {
        "bcubed_precision": p,
        "bcubed_recall": r,
        "bcubed_f1": f1,
        "bcubed_f1_kept": kept,
        "scan_seconds": round(seconds, 1),
        **quality,
    }


def draft_quality(
    out: Path, truth: dict[str, str], found: dict[str, str], work: Path, verbose: bool = False
) -> dict[str, float]:
    """Mean gold score (the eval's scoring) of each incident's scan draft (the draft holding most
    of its articles) against `build` on all of the incident's articles; `verbose` lists the
    incidents whose two scores differ."""
    from collections import Counter

    from shutdown_records.evaluate.corpus import load_gold
    from shutdown_records.evaluate.scoring import score_record
    from shutdown_records.extraction import build_record
    from shutdown_records.yamlio import read_record_file

    scan_scores: list[float] = []
    build_scores: list[float] = []
    for incident in sorted(set(truth.values())):
        articles = [a for a, t in truth.items() if t == incident]
        gold_path = _gold_path(incident, articles)
        if not gold_path.is_file():
            continue  # an invented stream for grouping only
        gold = load_gold(gold_path)
        built = build_record([Path(a).resolve() for a in articles], record_path=work / incident / "r.yaml")
        build_scores.append(score_record(gold, built.record).score or 0.0)
        ids = Counter(found[a] for a in articles if a in found)
        draft = out / "drafts" / f"{ids.most_common(1)[0][0]}.yaml" if ids else None
        record = read_record_file(draft) if draft is not None and draft.is_file() else {}
        scan_scores.append(score_record(gold, record).score or 0.0)
        if verbose and abs(scan_scores[-1] - build_scores[-1]) >= 0.005:
            print(f"  draft {incident}: scan {scan_scores[-1]:.3f}, build {build_scores[-1]:.3f}")
    if not scan_scores:
        return {}
    return {
        "draft_score_scan": round(sum(scan_scores) / len(scan_scores), 3),
        "draft_score_build": round(sum(build_scores) / len(build_scores), 3),
    }


def drafts_as_built(out: Path, work: Path, verbose: bool = False) -> dict[str, int]:
    """How many of scan's drafts are byte for byte what `shutdown-records build` writes from the
    same articles (the ones articles.jsonl puts in the incident, in input order, saved under the
    same names beside the record); `verbose` prints the first differing lines of the others."""
    import difflib
    import shutil

    from click.testing import CliRunner

    from shutdown_records.cli import cli
    from shutdown_records.scan.inputs import source_name

    members: dict[str, list[Path]] = {}
    for line in (out / "articles.jsonl").read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        if row["incident"]:
            members.setdefault(row["incident"], []).append(Path(row["input"]).resolve())
    same = differ = 0
    for draft in sorted((out / "drafts").glob("*.yaml")):
        folder = work / draft.stem
        (folder / "sources").mkdir(parents=True)
        saved = []
        for path in members.get(draft.stem, []):
            text = path.read_text(encoding="utf-8")
            target = folder / "sources" / source_name(None, text)  # type: ignore[arg-type]
            shutil.copyfile(path, target)
            saved.append(str(target))
        record = folder / f"{draft.stem}.yaml"
        result = CliRunner().invoke(cli, ["build", *saved, "-o", str(record), "-q"])
        built = record.read_text(encoding="utf-8") if record.is_file() else f"(build exited {result.exit_code})\n"
        # the builder names the incident; scan may add "-2" when two drafts would share a name
        built_lines = [f"id: {draft.stem}" if ln.startswith("id: ") else ln for ln in built.splitlines()]
        draft_lines = draft.read_text(encoding="utf-8").splitlines()
        if built_lines == draft_lines:
            same += 1
            continue
        differ += 1
        if verbose:
            diff = list(difflib.unified_diff(built_lines, draft_lines, "build", "scan", n=0, lineterm=""))
            print(f"  draft {draft.stem} differs from build on its {len(saved)} articles:")
            for ln in diff[2:12]:
                print(f"    {ln}")
    return {"drafts_same_as_build": same, "drafts_differing": differ}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--part", choices=["dev", "unseen", "both"], default="both")
    parser.add_argument("-v", "--verbose", action="store_true", help="list errors (dev part only)")
    parser.add_argument("--no-grouping", action="store_true")
    parser.add_argument(
        "--corpus",
        action="append",
        type=Path,
        metavar="DIR",
        help="score grouping on these folders of INCIDENT/sources/*.txt instead (repeat to join them in one stream)",
    )
    parser.add_argument("--no-drafts", action="store_true", help="skip comparing drafts with build (faster)")
    args = parser.parse_args()
    if args.corpus:
        items = corpus_stream([folder.resolve() for folder in args.corpus])
        print(f"corpus: relevance {json.dumps(relevance_scores(items, args.verbose))}")
        print(f"corpus: grouping {json.dumps(grouping_scores(items, args.verbose, drafts=not args.no_drafts))}")
        return 0
    if not (SHARED / "corpus").is_dir():
        print("../shared/corpus is absent: nothing to score", file=sys.stderr)
        return 1
    parts = ["dev", "unseen"] if args.part == "both" else [args.part]
    for part in parts:
        items = stream(part)
        verbose = args.verbose and part == "dev"
        print(f"{part}: relevance {json.dumps(relevance_scores(items, verbose))}")
        if not args.no_grouping:
            print(f"{part}: grouping {json.dumps(grouping_scores(items, verbose))}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
