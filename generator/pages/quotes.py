"""The quotes library /quotes/ and its exports quotes.json / quotes.csv (issue 5)."""

from __future__ import annotations

from typing import Iterator

from ..render import Page
from ..site import Site


def build(site: Site) -> Iterator[Page]:
    """Not built yet."""
    return iter(())
