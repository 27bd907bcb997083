"""Tag vocabulary (interviews/tags.yml) and term normalisation (issue 6)."""

from __future__ import annotations

from pathlib import Path

from .model import Journal
from .problems import Problems


def apply_vocabulary(root: Path, journal: Journal, problems: Problems) -> None:
    """Fold tag synonyms into canonical tags; warn about unknown tags. Not built yet."""
