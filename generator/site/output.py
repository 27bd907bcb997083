"""Where a build writes the site: a temporary folder beside the site, swapped in only when the whole build succeeded."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

BUILD_PREFIX = ".journal-build-"


def temp_site_dir(final: Path) -> Path:
    """A new, empty folder beside ``final`` (same file system, so the swap is a rename)."""
    parent = final.resolve().parent
    parent.mkdir(parents=True, exist_ok=True)
    return Path(tempfile.mkdtemp(prefix=BUILD_PREFIX, dir=parent))


def swap_in(built: Path, final: Path) -> None:
    """Replace ``final`` with ``built`` (a folder beside it); the old site is removed only after the swap."""
    old = final.with_name(f".{final.name}.journal-old-{os.getpid()}")
    if final.exists():
        final.rename(old)
    built.rename(final)
    shutil.rmtree(old, ignore_errors=True)
