"""Segment taxonomies and the URL of each term's page (/segments/<taxonomy>/<term-slug>/)."""

from __future__ import annotations

from .slugs import slugify

# Built-in taxonomies, in the order the segments overview lists them.
TAXONOMIES: tuple[str, ...] = (
    "relationship", "industry", "size", "region", "persona", "department", "product", "competitor", "tag",
    "channel", "team",
)


def segment_url(taxonomy: str, term: str) -> str:
    """Site URL (no leading slash) of a term's segment page; case and spacing do not matter."""
    return f"segments/{slugify(taxonomy)}/{slugify(term)}/"
