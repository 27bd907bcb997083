"""Using both cores, and keeping Python's garbage collector out of bulk loading."""

from __future__ import annotations

import contextlib
import gc
import multiprocessing
import threading
from typing import Callable, Iterator, Sequence, TypeVar

T = TypeVar("T")
R = TypeVar("R")


def can_fork() -> bool:
    return "fork" in multiprocessing.get_all_start_methods()


def split_across_cores(work: Callable[[Sequence[T]], list[R]], items: Sequence[T], min_items: int) -> list[R]:
    """``work(items)``, with the last part done by a forked copy of this process meanwhile.

    ``work`` must be picklable (a module-level function or a partial of one), and so must
    its results. Only a single-threaded process forks (`mkdocs serve` runs threads, and a
    fork copies their locks in whatever state they are): otherwise, and for few items,
    everything runs here.
    """
    if len(items) < min_items or not can_fork() or threading.active_count() > 1:
        return work(items)
    # Half each: the worker's results are pickled and sent back, but unpickling them (in a thread
    # of this process, meanwhile) costs a tenth of making them once the collector is paused.
    half = len(items) // 2
    with multiprocessing.get_context("fork").Pool(1) as pool:
        later = pool.apply_async(work, (items[half:],))
        first = work(items[:half])
        return first + later.get()  # re-raises the worker's exception here


@contextlib.contextmanager
def gc_paused() -> Iterator[None]:
    """Keep the cyclic garbage collector out of loading, and out of what was loaded.

    Loading a journal allocates millions of small objects that all survive; the collector
    would scan the growing heap again and again (a third of `journal check`'s time at
    5,000 files), and again during the build (a third of a `serve` rebuild). So it is
    paused while loading, and every object alive at the end is frozen: later collections
    skip it. Reference counting still frees everything else as usual. Garbage that was
    waiting for the collector is frozen too: a long-running process calls
    ``collect_later`` after its work, or that garbage is never freed.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if enabled:
            gc.enable()


_collector: threading.Timer | None = None


def collect_later(delay: float = 1.0) -> None:
    """In ``delay`` seconds, unfreeze everything and collect the garbage (a few hundred
    milliseconds with a large journal loaded), then freeze what is left again.

    `mkdocs serve` calls it after each build: the collection then runs while the reader
    looks at the reloaded page, not between an edit and the page showing it.
    """
    global _collector
    if _collector is not None:
        _collector.cancel()
    _collector = threading.Timer(delay, _collect)
    _collector.daemon = True
    _collector.start()


def _collect() -> None:
    gc.unfreeze()
    gc.collect()
    gc.freeze()
