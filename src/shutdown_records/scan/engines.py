"""Where the work runs: this process, local processes, or a Dask cluster.

An engine maps a picklable function over a list of items and yields `(index, result)` as
items finish, in any order; the caller puts results back in input order, so the output never
depends on the engine or the number of workers. One engine serves both phases of a scan
(reading and judging the stream, then building the incidents), so a cluster starts once.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from typing import Any

from ..errors import UsageError


def default_workers() -> int:
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1))


def apply_indexed(batch: Any, func: Callable[[Any], Any]) -> list[tuple[int, Any]]:
    """A Dask bag partition of (index, item) pairs -> (index, result) pairs."""
    return [(index, func(item)) for index, item in batch]


class Engine:
    """This process, one item after another (`-j 1`)."""

    def map(self, func: Callable[[Any], Any], items: list[Any]) -> Iterator[tuple[int, Any]]:
        for index, item in enumerate(items):
            yield index, func(item)

    def close(self) -> None:
        pass

    def __enter__(self) -> Engine:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class ProcessEngine(Engine):
    """A local process pool; at most 2 items per worker in flight, so memory stays bounded."""

    def __init__(self, workers: int) -> None:
        self.workers = workers
        self.pool = ProcessPoolExecutor(max_workers=workers)

    def map(self, func: Callable[[Any], Any], items: list[Any]) -> Iterator[tuple[int, Any]]:
        if len(items) <= 1:
            yield from super().map(func, items)
            return
        pending: dict[Future, int] = {}
        queue = iter(enumerate(items))

        def top_up() -> None:
            for index, item in queue:
                pending[self.pool.submit(func, item)] = index
                if len(pending) >= 2 * self.workers:
                    break

        top_up()
        while pending:
            done, _ = wait(pending, return_when=FIRST_COMPLETED)
            for future in sorted(done, key=lambda f: pending[f]):
                index = pending.pop(future)
                yield index, future.result()
            top_up()

    def close(self) -> None:
        self.pool.shutdown(cancel_futures=True)


class DaskEngine(Engine):
    """A dask.bag of items, one partition each, on a LocalCluster ("local") or a running scheduler."""

    def __init__(self, address: str, workers: int) -> None:
        try:
            from distributed import Client, LocalCluster  # noqa: PLC0415
        except ImportError:
            raise UsageError("--dask needs dask and distributed: pip install 'shutdown-records[scan]'") from None
        self.cluster = None
        try:
            if address == "local":
                self.cluster = LocalCluster(
                    n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None, silence_logs=40
                )
                self.client = Client(self.cluster)
            else:
                self.client = Client(address, timeout="20s")
        except (OSError, TimeoutError, ValueError) as err:
            if self.cluster is not None:
                self.cluster.close()
            raise UsageError(
                f"--dask {address}: cannot reach the Dask scheduler ({err}); "
                "give tcp://HOST:PORT of a running scheduler, or 'local'"
            ) from None

    def map(self, func: Callable[[Any], Any], items: list[Any]) -> Iterator[tuple[int, Any]]:
        import dask.bag as db  # noqa: PLC0415
        from distributed import as_completed  # noqa: PLC0415

        if not items:
            return
        bag = db.from_sequence(list(enumerate(items)), npartitions=len(items))
        futures = self.client.compute(bag.map_partitions(apply_indexed, func).to_delayed())
        for future in as_completed(futures):
            yield from future.result()
            future.release()

    def close(self) -> None:
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()


def open_engine(dask: str | None, workers: int) -> Engine:
    if dask:
        return DaskEngine(dask, workers)
    if workers <= 1:
        return Engine()
    return ProcessEngine(workers)
