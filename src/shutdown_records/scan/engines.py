"""Where the work runs: this process, local processes, or a Dask cluster.

An engine maps a picklable function over a list of items and yields `(index, result)` as
items finish, in any order; the caller puts results back in input order, so the output never
depends on the engine or the number of workers. One engine serves both phases of a scan
(reading and judging the stream, then building the incidents), so a cluster starts once.

Items start in input order or, when the caller knows what each costs, the costliest first
(longest processing time first: a big task started last leaves the other workers idle while
it runs alone). The start order changes when results arrive, never what they are.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from typing import Any

from ..errors import UsageError


def default_workers() -> int:
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1))


def start_order(count: int, costs: Sequence[float] | None = None) -> list[int]:
    """Indices in the order to start them: input order, or the costliest first (ties in input order)."""
    if costs is None:
        return list(range(count))
    return sorted(range(count), key=lambda i: (-costs[i], i))


class Engine:
    """This process, one item after another (`-j 1`)."""

    def map(
        self, func: Callable[[Any], Any], items: list[Any], costs: Sequence[float] | None = None
    ) -> Iterator[tuple[int, Any]]:
        """(index, func(item)) for every item, in any order. `costs` (one number per item) only
        decides which start first; here, with nothing to balance, items run in input order."""
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

    def map(
        self, func: Callable[[Any], Any], items: list[Any], costs: Sequence[float] | None = None
    ) -> Iterator[tuple[int, Any]]:
        if len(items) <= 1:
            yield from super().map(func, items)
            return
        pending: dict[Future, int] = {}
        queue = iter(start_order(len(items), costs))

        def top_up() -> None:
            for index in queue:
                pending[self.pool.submit(func, items[index])] = index
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
    """One task per item (`Client.submit`) on a LocalCluster ("local") or a running scheduler.

    Each task carries a priority from `start_order`, so the scheduler hands tasks to free
    workers in that order (tasks of one `Client.map` call would run in the order of their
    keys' hashes). Results are gathered as they finish and released at once.
    """

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

    def map(
        self, func: Callable[[Any], Any], items: list[Any], costs: Sequence[float] | None = None
    ) -> Iterator[tuple[int, Any]]:
        from distributed import as_completed  # noqa: PLC0415

        order = start_order(len(items), costs)
        index_of: dict[Any, int] = {}  # task key -> item index
        futures = []
        for rank, index in enumerate(order):
            # pure=False: two equal items are still two tasks; higher priority starts first
            future = self.client.submit(func, items[index], pure=False, priority=len(order) - rank)
            index_of[future.key] = index
            futures.append(future)
        for future in as_completed(futures):
            yield index_of[future.key], future.result()
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
