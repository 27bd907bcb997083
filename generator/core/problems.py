"""Problems found in a journal: located, plain-language, collected in one pass."""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from enum import Enum
from typing import Iterable, Iterator


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong in one file, at one line, about one field."""

    path: str
    line: int
    message: str
    field: str = ""
    severity: Severity = Severity.ERROR
    # Other files involved (e.g. the other side of a duplicate id); lets
    # `journal check FILE` report cross-file problems that touch FILE.
    related: tuple[str, ...] = ()

    def format(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        what = f"{self.field}: {self.message}" if self.field else self.message
        return f"{where}: {self.severity.value}: {what}"

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR


@dataclass
class Problems:
    """Collects problems; keeps them sorted and de-duplicated on output."""

    items: list[Problem] = field(default_factory=list)

    def error(self, path: str, line: int, message: str, field: str = "", related: Iterable[str] = ()) -> None:
        self.items.append(Problem(path, line, message, field, Severity.ERROR, tuple(related)))

    def warning(self, path: str, line: int, message: str, field: str = "", related: Iterable[str] = ()) -> None:
        self.items.append(Problem(path, line, message, field, Severity.WARNING, tuple(related)))

    def extend(self, other: Iterable[Problem]) -> None:
        self.items.extend(other)

    def __iter__(self) -> Iterator[Problem]:
        return iter(sorted(set(self.items), key=lambda p: (p.path, p.line, p.severity != Severity.ERROR, p.field, p.message)))

    def __len__(self) -> int:
        return len(self.items)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self if p.is_error]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self if not p.is_error]


def suggest(value: str, choices: Iterable[str]) -> str:
    """Return " — did you mean 'x'?" for the closest choice, or ""."""
    choices = list(choices)
    lowered = {c.lower(): c for c in choices}
    if value.lower() in lowered:
        return f" — did you mean '{lowered[value.lower()]}'?"
    match = difflib.get_close_matches(value.lower(), list(lowered), n=1, cutoff=0.6)
    return f" — did you mean '{lowered[match[0]]}'?" if match else ""


def one_of(value: object, choices: Iterable[str]) -> str:
    """Message for a value outside a closed list, with a suggestion."""
    choices = list(choices)
    return f"'{value}' is not one of {', '.join(choices)}{suggest(str(value), choices)}"
