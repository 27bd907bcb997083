"""Two settings of glibc's memory allocator for a one-off build (elsewhere they do nothing).

A build's peak memory is its largest cost after time (the peak RSS target is 500 MB at 5,000
interviews), and glibc holds on to memory Python has freed in two ways:

- freed mid-sized blocks stay in the process: ``trim`` hands them back, after the generated
  pages are built (the quotes library's parts) and before MkDocs copies a very large page;
- each thread that allocates gets an arena of its own, and the arenas fragment: the thread
  that receives the worker's pages (parallel.py) and those that run Pagefind (site/search)
  added some 60 MB at 5,000 interviews. ``one_arena`` keeps them all in the main one.
"""

from __future__ import annotations

import ctypes

_M_ARENA_MAX = -8  # mallopt's parameter number, from glibc's malloc.h


def _libc():
    try:
        return ctypes.CDLL(None)
    except OSError:  # pragma: no cover - no C library to load
        return None


def trim() -> None:
    """Hand the memory freed so far back to the system."""
    libc = _libc()
    if libc is not None and hasattr(libc, "malloc_trim"):
        libc.malloc_trim(0)


def one_arena() -> None:
    """Let threads started from now on allocate from the main arena (only threads not yet started
    are affected: call it before any)."""
    libc = _libc()
    if libc is not None and hasattr(libc, "mallopt"):
        libc.mallopt(_M_ARENA_MAX, 1)
