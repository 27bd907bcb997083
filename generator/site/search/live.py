"""`serve`: the search index follows the site while it is served, without slowing a rebuild.

Pagefind has no incremental mode: every change means a whole new index (a few seconds at
1,000 interviews). A rebuild hands its records over and returns; a background thread indexes
them into a fresh folder and swaps it in, so the reloaded page comes first and its search
follows. A rebuild with the same records only puts the last bundle back when the build
emptied the site folder (plain `serve` does).
"""

from __future__ import annotations

import threading
import time
from pathlib import Path
from typing import Callable

from ...errors import JournalError
from .bundle import FOLDER, write_bundle
from .records import Record


class LiveIndex:
    """The index of one served site; ``report`` gets a line for each new index or failure."""

    def __init__(self, build: Callable[[list[Record]], dict[str, bytes]], report: Callable[[str], None]):
        self._build = build
        self._report = report
        self._lock = threading.Lock()
        self._wanted: tuple[list[Record], Path] | None = None
        self._thread: threading.Thread | None = None
        self._records: list[Record] | None = None  # what the last bundle holds
        self._files: dict[str, bytes] = {}

    def update(self, records: list[Record], site_dir: Path) -> None:
        """The site at ``site_dir`` now has these records: index them, unless the last bundle has them."""
        with self._lock:
            if records == self._records and self._wanted is None:
                if not (site_dir / FOLDER / "pagefind-entry.json").is_file():
                    write_bundle(self._files, site_dir)
                return
            self._wanted = (records, site_dir)
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name="journal-search-index", daemon=True)
                self._thread.start()

    def wait(self) -> None:
        """Until the index of the last update is in the site (for tests)."""
        thread = self._thread
        if thread is not None:
            thread.join()

    def _run(self) -> None:
        while True:
            with self._lock:
                job, self._wanted = self._wanted, None
                if job is None:
                    self._thread = None
                    return
            records, site_dir = job
            started = time.perf_counter()
            try:
                files = self._build(records)
                write_bundle(files, site_dir)
            except (JournalError, OSError) as exc:
                self._report(f"the search index was not updated: {exc}")
                continue
            with self._lock:
                self._records, self._files = records, files
            self._report(f"search index of {len(records)} pages updated in {time.perf_counter() - started:.1f} s")
