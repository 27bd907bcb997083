"""Campaigns that cite quotes: campaigns/*.yml (spec section 6, issue 5)."""

from __future__ import annotations

from pathlib import Path

from .model import Journal
from .problems import Problems


def load_campaigns(root: Path, journal: Journal, problems: Problems) -> None:
    """Read and validate campaigns into ``journal.campaigns``. Not built yet."""
