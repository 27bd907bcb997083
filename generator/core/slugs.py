"""Stable, URL-safe slugs for accounts, terms and ids."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from functools import lru_cache


@lru_cache(maxsize=65536)  # terms and names recur on every quote of a large journal
def normalize(text: str) -> str:
    """Case- and spacing-insensitive key: 'Alert  Fatigue' == 'alert fatigue'."""
    return " ".join(text.split()).casefold()


def short_hash(text: str, length: int = 8) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:length]


def slugify(text: str) -> str:
    """ASCII slug; text with no Latin letters (e.g. CJK) gets a stable hash slug."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return slug or f"x-{short_hash(normalize(text), 6)}"
