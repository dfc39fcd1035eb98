"""Speed and memory of `scan`, on 4 KB articles. Prints figures; asserts nothing.

    python bench/bench_scan.py            # all four figures
    python bench/bench_scan.py --quick    # smaller streams (a smoke run)

1. relevance: articles/s of the relevance filter alone on one core (target >= 5,000).
2. whole scan: articles/s of `scan` (default engine) on a JSON Lines stream with 1% relevant.
3. peak memory of `scan` over 100,000 articles (target < 500 MB): the largest total PSS
   (proportional set size: shared pages counted once) of the scanning process and its workers
   (psutil), sampled every 50 ms.
4. speed-up of a 2-worker LocalCluster over a 1-worker LocalCluster on the same stream
   (target >= 1.7x), two ways:
   - warm: the bench starts each LocalCluster (`n_workers=N, threads_per_worker=1`, worker
     processes), warms every worker the same way (`Client.run`: every incident article and 10
     others judged, the incident ones read by the builder, one draft built; a worker's first
     articles in each language cost about 4 s of imports and cue compilation that a long-lived
     worker pays once, and each of N workers pays in full), then times
     `shutdown-records scan --dask tcp://...` from its start to its exit (interpreter start,
     planning, both phases, writing OUT/ included). Printed with where the time went: the
     scanning process's CPU, the tasks (count, compute seconds from the scheduler's task
     stream, the longest), each worker's busy seconds, and Amdahl's law's prediction from the
     1-worker run's serial part (wall clock minus task compute).
   - cold: `shutdown-records scan --dask local -j N`, cluster start-up and warm-up included.

The stream: real non-incident news (../shared/stream/distractors, mostly hard negatives that
share the filter's words) and, for the 1% relevant, the corpus's incident articles, each
repeated to 4 KB. Texts are read from ../shared at run time, never stored in the project.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
ARTICLE_CHARS = 4096
FIGURES = ("relevance", "scan", "speedup", "memory")


def _bodies(folder_glob: str) -> list[str]:
    from shutdown_records.extraction.loader import parse_front_matter

    out = []
    for path in sorted(SHARED.glob(folder_glob)):
        text = path.read_text(encoding="utf-8")
        _meta, start = parse_front_matter(text, str(path))
        body = text[start:].strip()
        if body:
            out.append(((body + "\n\n") * (ARTICLE_CHARS // max(len(body), 1) + 1))[:ARTICLE_CHARS])
    return out


def write_stream(path: Path, n: int, negatives: list[str], positives: list[str]) -> None:
    """n articles, every 100th one relevant (1%)."""
    with path.open("w", encoding="utf-8") as handle:
        for i in range(n):
            if i % 100 == 50:
                text = positives[(i // 100) % len(positives)]
            else:
                text = negatives[i % len(negatives)]
            handle.write(json.dumps({"text": text, "url": f"https://bench.example/{i}"}, ensure_ascii=False) + "\n")


def relevance_rate(texts: list[str], seconds: float = 5.0) -> tuple[float, float]:
    """(articles per CPU second of this process, articles per wall-clock second).

    CPU time is what one core does; on a machine shared with other jobs the wall-clock rate is
    lower by however much of the core the others took.
    """
    from shutdown_records.scan.relevance import default_filter

    flt = default_filter()
    done = 0
    cpu, wall = time.process_time(), time.perf_counter()
    while time.perf_counter() - wall < seconds:
        for text in texts:
            flt.judge(text)
        done += len(texts)
    return done / (time.process_time() - cpu), done / (time.perf_counter() - wall)


def run_scan_measured(args: list[str]) -> tuple[float, float]:
    """(seconds, peak MB of the process tree's PSS) of one `shutdown-records scan` run."""
    import psutil

    command = [str(Path(sys.executable).parent / "shutdown-records"), "scan", *args, "-q"]
    started = time.perf_counter()
    proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    peak = 0.0
    stop = threading.Event()

    def sample() -> None:
        nonlocal peak
        root = psutil.Process(proc.pid)
        while not stop.is_set():
            try:
                tree = [root, *root.children(recursive=True)]
                total = 0
                for p in tree:
                    try:
                        # PSS: pages shared by the forked workers counted once, split between them
                        info = p.memory_full_info()
                        total += getattr(info, "pss", info.rss)
                    except psutil.Error:
                        pass
                peak = max(peak, total / 1e6)
            except psutil.Error:
                pass
            time.sleep(0.05)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _out, err = proc.communicate()
    stop.set()
    sampler.join()
    seconds = time.perf_counter() - started
    if proc.returncode not in (0, 3):
        raise SystemExit(f"scan failed ({proc.returncode}): {err.strip()[-500:]}")
    return seconds, peak


def warm_worker(negatives: list[str], positives: list[str]) -> float:
    """Run on every worker before timing: what a worker pays once (imports, the relevance
    automaton, the builder's cues) paid here, the same way for every cluster. Its CPU seconds."""
    from shutdown_records.scan.incidents import BuildTask, build_incident
    from shutdown_records.scan.inputs import Article
    from shutdown_records.scan.judging import JudgeConfig, judge_article

    started = time.process_time()
    for n, text in enumerate(negatives + positives):
        judge_article(Article(input=f"warm:{n}", text=text), JudgeConfig())
    build_incident(BuildTask("drafts", "draft", (("warm.txt", positives[0].encode("utf-8")),)))
    return time.process_time() - started


def speedup_run(workers: int, stream: Path, out: Path, negatives: list[str], positives: list[str]) -> dict:
    """One timed `scan --dask tcp://...` on a fresh, warmed LocalCluster of `workers` processes."""
    from distributed import Client, LocalCluster

    with (
        LocalCluster(
            n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None, silence_logs=40
        ) as cluster,
        Client(cluster) as client,
    ):
        warmed = client.run(warm_worker, negatives, positives)
        client.get_task_stream()  # starts the scheduler's task stream recording
        cpu_before = client.run(time.process_time)
        since = time.time()
        children = resource.getrusage(resource.RUSAGE_CHILDREN)
        command = [str(Path(sys.executable).parent / "shutdown-records"), "scan", str(stream), "-o", str(out)]
        started = time.perf_counter()
        proc = subprocess.run(
            [*command, "--dask", cluster.scheduler_address, "-q"], capture_output=True, text=True, check=False
        )
        wall = time.perf_counter() - started
        if proc.returncode not in (0, 3):
            raise SystemExit(f"scan failed ({proc.returncode}): {proc.stderr.strip()[-500:]}")
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu_after = client.run(time.process_time)
        tasks = client.get_task_stream(start=since)
    busy: dict[str, float] = {}
    durations = []
    for task in tasks:
        seconds = sum(s["stop"] - s["start"] for s in task.get("startstops", ()) if s.get("action") == "compute")
        busy[task["worker"]] = busy.get(task["worker"], 0.0) + seconds
        durations.append(seconds)
    return {
        "workers": workers,
        "wall": wall,
        "client_cpu": (after.ru_utime + after.ru_stime) - (children.ru_utime + children.ru_stime),
        "tasks": len(durations),
        "compute": sum(durations),
        "longest": max(durations, default=0.0),
        "busy": sorted(busy.values(), reverse=True),
        "worker_cpu": sorted((cpu_after[w] - cpu_before[w] for w in cpu_after), reverse=True),
        "warm_cpu": max(warmed.values()),
    }


def describe(run: dict) -> str:
    busy = ", ".join(f"{b:.1f}" for b in run["busy"])
    cpu = ", ".join(f"{c:.1f}" for c in run["worker_cpu"])
    return (
        f"  {run['workers']} worker(s), warm: {run['wall']:.1f} s wall; scanning process {run['client_cpu']:.1f} s CPU; "
        f"{run['tasks']} tasks, {run['compute']:.1f} s compute (longest {run['longest']:.2f} s), "
        f"busy per worker {busy} s; CPU per worker {cpu} s; warm-up {run['warm_cpu']:.1f} s CPU a worker"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description="scan speed and memory")
    parser.add_argument("--quick", action="store_true", help="smaller streams")
    parser.add_argument(
        "--only",
        choices=FIGURES,
        action="append",
        help="measure only this figure (repeatable); default: all four",
    )
    args = parser.parse_args()
    only = set(args.only or FIGURES)
    if not (SHARED / "stream" / "distractors").is_dir():
        print("../shared/stream is absent: nothing to measure", file=sys.stderr)
        return 1
    negatives = _bodies("stream/distractors/*.txt")
    positives = _bodies("corpus/*/sources/*.txt")
    n_speed = 5_000 if args.quick else 20_000
    n_memory = 10_000 if args.quick else 100_000

    print(f"load average at start: {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
    if "relevance" in only:
        cpu_rate, wall_rate = relevance_rate(negatives + positives[:1], seconds=2.0 if args.quick else 5.0)
        print(
            f"relevance filter, one core, {ARTICLE_CHARS // 1024} KB articles: {cpu_rate:,.0f} articles per CPU "
            f"second (target >= 5,000); {wall_rate:,.0f} per wall-clock second on this (shared) machine"
        )

    with tempfile.TemporaryDirectory() as tmp:
        tmpdir = Path(tmp)
        stream = tmpdir / "stream.jsonl"
        write_stream(stream, n_speed, negatives, positives)
        if "scan" in only:
            seconds, _peak = run_scan_measured([str(stream), "-o", str(tmpdir / "out-default")])
            print(
                f"whole scan (default engine, local processes), {n_speed:,} articles, 1% relevant: "
                f"{n_speed / seconds:,.0f} articles/s ({seconds:.1f} s, start-up and incident building included)"
            )
        if "speedup" in only:
            speedup(n_speed, stream, tmpdir, negatives, positives)
        if "memory" in only:
            memory(n_memory, tmpdir, negatives, positives)
        print(f"load average at end: {os.getloadavg()[0]:.1f}")
    return 0


def speedup(n_speed: int, stream: Path, tmpdir: Path, negatives: list[str], positives: list[str]) -> None:
    """Figure 4: 2 workers over 1, warm (the scan alone) and cold (cluster start-up included)."""
    warm = [speedup_run(n, stream, tmpdir / f"out-warm-{n}", negatives[:10], positives) for n in (1, 2)]
    same = (tmpdir / "out-warm-1" / "articles.jsonl").read_bytes() == (
        tmpdir / "out-warm-2" / "articles.jsonl"
    ).read_bytes()
    for run in warm:
        print(describe(run))
    one, two = warm
    serial = one["wall"] - one["compute"]
    amdahl = one["wall"] / (serial + one["compute"] / 2)
    print(
        f"LocalCluster, warm, {n_speed:,} articles: 1 worker {one['wall']:.1f} s, 2 workers {two['wall']:.1f} s: "
        f"speed-up {one['wall'] / two['wall']:.2f}x (target >= 1.7x); outputs identical: {same}; "
        f"serial part of the 1-worker run {serial:.1f} s ({serial / one['wall']:.0%}), "
        f"Amdahl's law predicts {amdahl:.2f}x"
    )
    # On CPU seconds, which other jobs on a shared machine barely change: the scanning process's
    # CPU counted as serial (pessimistic: much of it overlaps the workers), the busiest worker's
    # CPU as the parallel part (optimistic: no idle gaps).
    cpu_one = one["client_cpu"] + one["worker_cpu"][0]
    cpu_two = two["client_cpu"] + two["worker_cpu"][0]
    print(
        f"  on CPU time: 1 worker {cpu_one:.1f} s, 2 workers {cpu_two:.1f} s (scanning process + busiest worker): "
        f"{cpu_one / cpu_two:.2f}x; the wall-clock figure above is the measurement, this one a cross-check"
    )
    cold_one, _ = run_scan_measured([str(stream), "-o", str(tmpdir / "out-1"), "--dask", "local", "-j", "1"])
    cold_two, _ = run_scan_measured([str(stream), "-o", str(tmpdir / "out-2"), "--dask", "local", "-j", "2"])
    same = (tmpdir / "out-1" / "articles.jsonl").read_bytes() == (tmpdir / "out-2" / "articles.jsonl").read_bytes()
    print(
        f"LocalCluster, cold (--dask local: start-up and warm-up timed too), {n_speed:,} articles: "
        f"1 worker {cold_one:.1f} s, 2 workers {cold_two:.1f} s: speed-up {cold_one / cold_two:.2f}x; "
        f"outputs identical: {same}"
    )


def memory(n_memory: int, tmpdir: Path, negatives: list[str], positives: list[str]) -> None:
    """Figure 3: peak memory of a default-engine scan of n_memory articles."""
    big = tmpdir / "big.jsonl"
    write_stream(big, n_memory, negatives, positives)
    seconds, peak = run_scan_measured([str(big), "-o", str(tmpdir / "out-big")])
    print(
        f"peak memory, {n_memory:,} articles ({big.stat().st_size / 1e6:.0f} MB of JSON Lines), default engine: "
        f"{peak:.0f} MB for the process and its workers (target < 500 MB); {n_memory / seconds:,.0f} articles/s"
    )


if __name__ == "__main__":
    sys.exit(main())
