"""Segment taxonomies and the URL of each term's page (/segments/<taxonomy>/<term-slug>/)."""

from __future__ import annotations

from functools import lru_cache

from .slugs import slugify

# Built-in taxonomies, in the order the segments overview lists them.
TAXONOMIES: tuple[str, ...] = (
    "relationship", "industry", "size", "region", "persona", "department", "product", "competitor", "tag",
    "channel", "team",
)


@lru_cache(maxsize=65536)  # the same few terms recur on thousands of pages
def segment_url(taxonomy: str, term: str) -> str:
    """Site URL (no leading slash) of a term's segment page; case and spacing do not matter."""
    return f"segments/{slugify(taxonomy)}/{slugify(term)}/"
