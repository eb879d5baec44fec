"""Run a function over many items on every core, in forked worker processes.

A forked worker starts with a copy of this process's memory, so the loaded content and the
function (a closure is fine) reach it without being pickled: only the items and the results
are. Where fork is not available (Windows), or there are too few items to pay for starting
processes, the items are done here, one after another. Either way the results are the same.
"""
from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

T = TypeVar("T")
R = TypeVar("R")

PARALLEL_FROM = 400  # items; below this, starting the workers costs more than they save
CHUNKS_PER_WORKER = 8  # small enough to even out slow items, big enough to keep the queues quiet

_job: Callable[[Any], Any] | None = None  # set before the fork; each worker inherits it


def worker_count(items: int, jobs: int | None = None) -> int:
    """How many workers to use for ``items`` items: ``jobs`` if given, else one per core, and 1 for few items."""
    if "fork" not in multiprocessing.get_all_start_methods():
        return 1
    if jobs is None:
        return min(os.cpu_count() or 1, items // PARALLEL_FROM) or 1
    return max(1, min(jobs, items))


def fork_map(job: Callable[[T], R], items: Sequence[T], jobs: int | None = None,
             meanwhile: Callable[[], object] | None = None) -> list[R]:
    """``[job(item) for item in items]``, in order, spread over forked workers (see ``worker_count``).

    ``meanwhile``, if given, is called in this process while the workers run (after the items,
    when there are no workers). An exception in ``job`` is raised here, as it would be without workers.
    """
    workers = worker_count(len(items), jobs)
    if workers < 2:
        results = [job(item) for item in items]
        if meanwhile is not None:
            meanwhile()
        return results
    global _job
    _job = job
    try:
        with multiprocessing.get_context("fork").Pool(workers) as pool:
            pending = pool.map_async(_call, items, chunksize=max(1, len(items) // (workers * CHUNKS_PER_WORKER)))
            if meanwhile is not None:
                meanwhile()
            return pending.get()
    finally:
        _job = None


def _call(item: Any) -> Any:
    assert _job is not None, "fork_map sets the job before it starts the workers"
    return _job(item)
