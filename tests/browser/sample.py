"""The sample journal's notes as the tests read them, straight from the files (not through the generator)."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

import yaml

from tests.support import REPO

INTERVIEWS = REPO / "interviews"


@dataclass(frozen=True)
class Note:
    path: Path
    meta: dict
    body: str

    @property
    def url(self) -> str:
        """The interview page's address below the site root."""
        return f"interviews/{self.path.relative_to(INTERVIEWS).with_suffix('').as_posix()}/"


@functools.cache
def notes() -> tuple[Note, ...]:
    """Every interview file, confidential ones included, oldest first."""
    out = []
    for path in sorted(INTERVIEWS.rglob("*.md")):
        _, head, body = path.read_text(encoding="utf-8").split("---\n", 2)
        out.append(Note(path, yaml.safe_load(head), body))
    return tuple(sorted(out, key=lambda n: (n.meta["date"], str(n.path))))


def visible() -> list[Note]:
    return [n for n in notes() if not n.meta.get("confidential")]


def confidential() -> list[Note]:
    return [n for n in notes() if n.meta.get("confidential")]


@functools.cache
def _aliases() -> dict[str, str]:
    accounts = yaml.safe_load((INTERVIEWS / "accounts.yml").read_text(encoding="utf-8"))
    return {alias.casefold(): name for name, attrs in accounts.items() for alias in [name, *(attrs or {}).get("aliases", [])]}


def account_of(note: Note) -> str:
    """The account's display name (accounts.yml names the account; interviews may use an alias)."""
    return _aliases().get(note.meta["customer"].casefold(), note.meta["customer"])
