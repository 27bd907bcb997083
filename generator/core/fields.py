"""Checks shared by the journal's own files (campaigns, insights): one file per page,
located fields, unknown keys with a "did you mean", text values.

Interviews use the pydantic model instead; these files are small and their
messages name list entries (``cites[1].id``, ``evidence[0].stance``).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any, Iterable, Iterator

from .problems import Problems, suggest
from .slugs import slugify
from .yamlfile import LINK_OUT, Located, field_path, type_word, leaves_project

RESERVED_SLUGS = ("index",)


def page_files(root: Path, folder: str, suffix: str, kind: str, problems: Problems,
               misnamed: tuple[str, ...] = ()) -> Iterator[tuple[Path, str, str]]:
    """(path, source, slug) of each ``*suffix`` file directly in ``root/folder``, sorted.

    A file ending in one of ``misnamed`` is an error asking for the right suffix; a stem whose
    slug is reserved for the folder's index page is an error. Other files are left alone.
    """
    directory = root / folder
    if not directory.is_dir():
        return
    for path in sorted(p for p in directory.iterdir() if p.is_file() and not p.name.startswith(".")):
        source = f"{folder}/{path.name}"
        if path.suffix in misnamed:
            problems.error(source, 0, f"{kind} files end in {suffix}: rename it to {path.stem}{suffix}")
            continue
        if path.suffix != suffix:
            continue
        if leaves_project(path, root):
            problems.error(source, 0, LINK_OUT)
            continue
        slug = slugify(path.stem)
        if slug in RESERVED_SLUGS:
            problems.error(source, 0, f"'{path.stem}' is reserved for the list of {kind}s: rename the file")
            continue
        yield path, source, slug


class Unique:
    """One page per address: the second file making the same slug is an error naming the first."""

    def __init__(self, url_of: Any):
        self.seen: dict[str, str] = {}
        self.url_of = url_of

    def claim(self, slug: str, source: str, problems: Problems) -> bool:
        other = self.seen.get(slug)
        if other is not None:
            problems.error(source, 1, f"makes the same page address /{self.url_of(slug)} as {other}; rename one of them", related=[other])
            return False
        self.seen[slug] = source
        return True


def value_at(value: Any, path: tuple) -> Any:
    """The value at ``path`` (keys and list indexes) inside parsed YAML, or None."""
    for part in path:
        if isinstance(value, dict):
            value = value.get(part)
        elif isinstance(value, list) and isinstance(part, int) and part < len(value):
            value = value[part]
        else:
            return None
    return value


def text_at(doc: Located, path: tuple, source: str, problems: Problems) -> str | None:
    """The stripped text at ``path``; None when absent, or (with an error) when not text."""
    value = value_at(doc.value, path)
    if value is None:
        return None
    if not isinstance(value, str) or not value.strip():
        hint = "; put it in quotes" if isinstance(value, (bool, int, float, dt.date)) else ""
        problems.error(source, doc.line(path), f"expected text, got {type_word(value)}{hint}", field_path(path))
        return None
    return value.strip()


def check_keys(doc: Located, where: tuple, allowed: Iterable[str], required: Iterable[str], source: str,
               problems: Problems, unknown_hint: str, missing_hint: dict[str, str] | None = None) -> None:
    """Unknown keys of the mapping at ``where`` (with a suggestion), and missing required ones."""
    allowed = list(allowed)
    data = value_at(doc.value, where)
    for key in data:
        if key not in allowed:
            problems.error(source, doc.line(where + (key,)), f"unknown field{suggest(key, allowed)} ({unknown_hint})", field_path(where + (key,)))
    for key in required:
        if data.get(key) is None:
            hint = (missing_hint or {}).get(key, "")
            problems.error(source, doc.line(where + (key,)), f"is required but missing{hint}", field_path(where + (key,)))
