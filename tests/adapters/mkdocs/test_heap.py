"""generator.adapters.mkdocs.heap: glibc's allocator asked for a single arena during a build."""

from __future__ import annotations

import ctypes
import subprocess
import sys

from generator.adapters.mkdocs import heap
from generator.adapters.mkdocs.plugin import JournalPlugin


def arenas_after_threads(setup: str) -> int:
    """How many arenas glibc reports after four threads allocated, in a fresh process."""
    code = f"""{setup}
import ctypes, threading
def work():
    blocks = [bytearray(2000) for _ in range(2000)]
threads = [threading.Thread(target=work) for _ in range(4)]
for t in threads: t.start()
for t in threads: t.join()
ctypes.CDLL(None).malloc_stats()  # to stderr: a paragraph per arena
"""
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return result.stderr.count("Arena ")


def test_threads_of_a_build_share_one_arena() -> None:
    assert hasattr(ctypes.CDLL(None), "mallopt")  # glibc, as on the build machine
    assert arenas_after_threads("") > 1
    assert arenas_after_threads("from generator.adapters.mkdocs import heap; heap.one_arena()") == 1


def test_a_build_asks_for_it_before_it_starts_threads_and_a_server_does_not(monkeypatch) -> None:
    asked: list[str] = []
    monkeypatch.setattr(heap, "one_arena", lambda: asked.append("one arena"))
    JournalPlugin().on_startup(command="serve", dirty=False)
    assert asked == []
    JournalPlugin().on_startup(command="build", dirty=False)
    assert asked == ["one arena"]
