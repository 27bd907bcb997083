"""The Atom feed /feed.xml (issue 6)."""

from __future__ import annotations

from typing import Iterator

from ..render import Page
from ..site import Site


def build(site: Site) -> Iterator[Page]:
    """Not built yet."""
    return iter(())
