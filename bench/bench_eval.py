"""Speed of `shutdown-records eval`: building vs scoring, so a slow scorer cannot hide in a slow build.

Prints the wall time of a whole evaluation of a corpus, the builder's share, and the time to
score every record again (scoring alone, repeated). Target: the 9-incident reference corpus
evaluates in seconds; scoring all records takes milliseconds.
Run: /work/venv/bin/python bench/bench_eval.py [CORPUS_DIR]   (default ../shared/corpus)
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from shutdown_records.evaluate import evaluate_corpus, score_record

ROOT = Path(__file__).resolve().parent.parent


def main(corpus: Path, rounds: int = 200) -> None:
    started = time.perf_counter()
    result = evaluate_corpus(corpus)
    total = time.perf_counter() - started
    building = sum(r.seconds for r in result.incidents)
    started = time.perf_counter()
    for _ in range(rounds):
        for incident in result.incidents:
            score_record(incident.gold, incident.record)
    scoring_ms = (time.perf_counter() - started) * 1000 / rounds
    print(f"corpus: {corpus} ({len(result.incidents)} incidents)")
    print(f"eval wall time: {total:.2f} s (builder {building:.2f} s, first import and I/O the rest)")
    print(f"scoring every record once: {scoring_ms:.2f} ms (mean of {rounds} rounds)")
    print(f"overall score: {result.overall:.4f}")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=ROOT.parent / "shared" / "corpus")
    main(parser.parse_args().corpus)
