"""Where the per-unit work runs: this process, local processes, or a Dask cluster.

Every engine yields `(unit index, rows)` as units finish, in any order; the caller puts them
back in input order, so the output never depends on the engine or the number of workers.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from typing import Any

from ..errors import UsageError
from .inputs import Unit
from .judging import JudgeConfig, process_indexed, process_unit

Rows = list[dict[str, Any]]


def default_workers() -> int:
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1))


def run_serial(units: list[Unit], config: JudgeConfig) -> Iterator[tuple[int, Rows]]:
    for index, unit in enumerate(units):
        yield index, process_unit(unit, config)


def run_processes(units: list[Unit], config: JudgeConfig, workers: int) -> Iterator[tuple[int, Rows]]:
    """A local process pool; at most 2 units per worker in flight, so memory stays bounded."""
    if workers <= 1 or len(units) <= 1:
        yield from run_serial(units, config)
        return
    with ProcessPoolExecutor(max_workers=workers) as pool:
        pending: dict[Future, int] = {}
        queue = iter(enumerate(units))
        for index, unit in queue:
            pending[pool.submit(process_unit, unit, config)] = index
            if len(pending) >= 2 * workers:
                break
        while pending:
            done, _ = wait(pending, return_when=FIRST_COMPLETED)
            for future in done:
                index = pending.pop(future)
                yield index, future.result()
            for index, unit in queue:
                pending[pool.submit(process_unit, unit, config)] = index
                if len(pending) >= 2 * workers:
                    break


def run_dask(units: list[Unit], config: JudgeConfig, address: str, workers: int) -> Iterator[tuple[int, Rows]]:
    """A dask.bag of units, one partition each, on a LocalCluster ("local") or a cluster's scheduler."""
    try:
        import dask.bag as db  # noqa: PLC0415
        from distributed import Client, LocalCluster, as_completed  # noqa: PLC0415
    except ImportError:
        raise UsageError("--dask needs dask and distributed: pip install 'shutdown-records[scan]'") from None
    cluster = None
    try:
        if address == "local":
            cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                   dashboard_address=None, silence_logs=40)
            client = Client(cluster)
        else:
            try:
                client = Client(address, timeout="20s")
            except (OSError, TimeoutError) as err:
                raise UsageError(f"--dask {address}: cannot reach the Dask scheduler ({err}); "
                                 "give tcp://HOST:PORT of a running scheduler, or 'local'") from None
    except ValueError as err:
        raise UsageError(f"--dask {address}: {err}") from None
    try:
        if not units:
            return
        bag = db.from_sequence(list(enumerate(units)), npartitions=len(units))
        parts = bag.map_partitions(process_indexed, config).to_delayed()
        futures = client.compute(parts)
        for future in as_completed(futures):
            for index, rows in future.result():
                yield index, rows
            future.release()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
