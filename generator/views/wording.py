"""Words for counts and lists, as every page and message writes them."""

from __future__ import annotations

from typing import Iterable


def plural(n: int, one: str, many: str | None = None) -> str:
    """'1 quote', '3 quotes', '2 people'."""
    return f"{n} {one if n == 1 else (many or one + 's')}"


def either(words: Iterable[str]) -> str:
    """'Finance', 'Finance or IT', 'Finance, IT or Legal'."""
    words = list(words)
    return words[0] if len(words) == 1 else f"{', '.join(words[:-1])} or {words[-1]}"
