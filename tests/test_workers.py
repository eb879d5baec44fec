"""A big content tree is loaded, rendered and written by forked workers (build_scripts/workers.py).

What they make must be exactly what one process makes: the same results in the same order,
the same docs/ byte for byte, and the same errors.
"""
from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from build_scripts.build import generate
from build_scripts.workers import PARALLEL_FROM, fork_map, worker_count
from tests.conftest import copy_project, files_of


def test_results_come_back_in_order_from_more_than_one_process() -> None:
    offset = 7  # a closure: forked workers inherit it without pickling

    def job(item: int) -> tuple[int, int]:
        time.sleep(0.002)  # long enough that one worker cannot take every chunk before the other starts
        return item + offset, os.getpid()

    results = fork_map(job, range(400), jobs=2)
    assert [value for value, _ in results] == [item + offset for item in range(400)]
    assert len({pid for _, pid in results} - {os.getpid()}) == 2, "two workers should have shared the items"


def test_work_done_meanwhile_runs_here_while_the_workers_run() -> None:
    seen: list[int] = []
    results = fork_map(lambda item: item * 2, range(100), jobs=2, meanwhile=lambda: seen.append(os.getpid()))
    assert results == [item * 2 for item in range(100)]
    assert seen == [os.getpid()]


def test_an_error_in_a_worker_is_raised_here() -> None:
    def job(item: int) -> int:
        if item == 123:
            raise ValueError("item 123")
        return item

    with pytest.raises(ValueError, match="item 123"):
        fork_map(job, range(500), jobs=2)


def test_few_items_are_done_in_this_process() -> None:
    assert worker_count(PARALLEL_FROM - 1) == 1
    assert worker_count(10, jobs=1) == 1
    assert worker_count(10, jobs=4) == 4
    assert worker_count(3, jobs=4) == 3
    assert set(fork_map(lambda _: os.getpid(), range(10))) == {os.getpid()}


def test_workers_write_the_same_docs_as_one_process(tmp_path: Path) -> None:
    one, two = copy_project(tmp_path / "one"), copy_project(tmp_path / "two")
    changes_one, status_one = generate(one, jobs=1)
    changes_two, status_two = generate(two, jobs=2)
    assert status_one == status_two == 0
    assert changes_one is not None and changes_two is not None
    assert changes_two.written == changes_one.written
    assert files_of(two / "docs") == files_of(one / "docs")

    (two / "docs" / "causes" / "stale.md").write_text("left from an entry that was deleted")
    again, _ = generate(two, jobs=2)
    assert again is not None
    assert (again.written, again.removed) == ([], ["causes/stale.md"]), "a rerun writes nothing, removes the stale page"
    assert again.unchanged == len(changes_one.written)
