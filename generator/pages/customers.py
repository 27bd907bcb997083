"""Account pages: /customers/ and /customers/<account-slug>/ (issue 4)."""

from __future__ import annotations

from typing import Iterator

from ..render import Page
from ..site import Site


def build(site: Site) -> Iterator[Page]:
    """Not built yet."""
    return iter(())
