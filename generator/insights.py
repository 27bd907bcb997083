"""Insights backed by evidence: insights/*.md (spec section 7, issue 11)."""

from __future__ import annotations

from pathlib import Path

from .model import Journal
from .problems import Problems


def load_insights(root: Path, journal: Journal, problems: Problems) -> None:
    """Read and validate insights into ``journal.insights``. Not built yet."""
