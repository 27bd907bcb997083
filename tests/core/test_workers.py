"""generator.core.workers: splitting work with a forked process, and the paused collector."""

from __future__ import annotations

import gc
import os
import threading
import time
import weakref

import pytest

from generator.core import workers
from generator.core.workers import collect_later, gc_paused, split_across_cores


def _pids(items: list[int]) -> list[tuple[int, int]]:
    return [(item, os.getpid()) for item in items]


def _fails_on_last(items: list[int]) -> list[int]:
    if 99 in items:
        raise ValueError("item 99")
    return list(items)


def test_the_last_part_runs_in_a_forked_process_and_the_order_is_kept(monkeypatch) -> None:
    # Another test's server or timer thread may still be alive in this process, which (rightly)
    # stops forking: this test is about the split itself (the next one is about threads).
    monkeypatch.setattr(workers.threading, "active_count", lambda: 1)
    out = split_across_cores(_pids, list(range(100)), min_items=10)
    assert [item for item, _ in out] == list(range(100))
    pids = [pid for _, pid in out]
    assert pids[0] == os.getpid() and pids[-1] != os.getpid()
    assert pids.count(os.getpid()) == 50  # half each


def test_few_items_stay_in_this_process() -> None:
    assert {pid for _, pid in split_across_cores(_pids, list(range(9)), min_items=10)} == {os.getpid()}


def test_a_process_running_threads_does_not_fork() -> None:
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait)
    thread.start()
    try:
        assert {pid for _, pid in split_across_cores(_pids, list(range(100)), min_items=10)} == {os.getpid()}
    finally:
        stop.set()
        thread.join()


def test_the_workers_exception_reaches_the_caller() -> None:
    with pytest.raises(ValueError, match="item 99"):
        split_across_cores(_fails_on_last, list(range(100)), min_items=10)


@pytest.mark.parametrize("enabled", [True, False])
def test_gc_paused_restores_the_collector_and_freezes_what_was_loaded(enabled: bool) -> None:
    (gc.enable if enabled else gc.disable)()
    try:
        with gc_paused():
            assert not gc.isenabled()
            loaded = [[n] for n in range(1000)]
        assert gc.isenabled() is enabled
        assert gc.get_freeze_count() >= len(loaded)
    finally:
        gc.unfreeze()
        gc.enable()


def test_collect_later_frees_the_garbage_that_was_frozen() -> None:
    class Cycle:
        def __init__(self) -> None:
            self.me = self

    try:
        with gc_paused():
            garbage = weakref.ref(Cycle())  # unreachable, but only the collector frees a cycle
        assert garbage() is not None and gc.get_freeze_count() > 0
        gc.collect()
        assert garbage() is not None  # frozen: a collection skips it
        collect_later(0.01)
        for _ in range(200):
            if garbage() is None and gc.get_freeze_count() > 0:
                break
            time.sleep(0.01)
        assert garbage() is None and gc.get_freeze_count() > 0  # what is still alive is frozen again
    finally:
        gc.unfreeze()
