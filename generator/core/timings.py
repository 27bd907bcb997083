"""Where a build's time went, step by step: the one line the plugin logs at `mkdocs build -v`."""

from __future__ import annotations

import contextlib
import time
from typing import Iterator


class Stopwatch:
    """Seconds per named step, in the order the steps first ran; a step timed twice adds up."""

    def __init__(self) -> None:
        self.laps: dict[str, float] = {}

    @contextlib.contextmanager
    def step(self, name: str) -> Iterator[None]:
        started = time.perf_counter()
        try:
            yield
        finally:
            self.add(name, time.perf_counter() - started)

    def add(self, name: str, seconds: float) -> None:
        self.laps[name] = self.laps.get(name, 0.0) + seconds

    def line(self) -> str:
        """``parse 1.92 s, model 0.41 s, …``: every step, rounded to hundredths."""
        return ", ".join(f"{name} {seconds:.2f} s" for name, seconds in self.laps.items())
