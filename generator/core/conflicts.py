"""Unresolved merge conflicts (spec section 9): git's marker lines left in a journal file.

A merge that both sides changed leaves, at the start of lines::

    <<<<<<< HEAD
    our lines
    ||||||| base          (diff3 / zdiff3 style only)
    the common ancestor's lines
    =======
    their lines
    >>>>>>> feature-x

A conflict is a ``<<<<<<<`` line followed later by a ``>>>>>>>`` line: it is reported once,
at its ``<<<<<<<`` line, before the file's YAML is parsed (a conflict in front-matter
would otherwise read as "not valid YAML"). A lone ``=======`` is not a conflict: it is a
Markdown heading underline, or a line of a code block. A ``<<<<<<<`` or ``>>>>>>>``
marker without its other half is what is left of a conflict resolved half-way, and is
reported too. Markers count only at the very start of a line, as git writes them: a
note that shows a conflict as an example indents those lines.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .problems import Problem

_OPEN, _CLOSE = "<<<<<<<", ">>>>>>>"
# Git writes the marker, then a space and a label (or nothing); eight '<' are not a marker.
_MARKER = re.compile(r"^(<{7}|>{7})(?:[ \t]+(.*))?$")
_BASE = "|||||||"


def _how(source: str, diff3: bool) -> str:
    """How to resolve a conflict in ``source``."""
    markers = ("the marker lines (<<<<<<<, |||||||, =======, >>>>>>>) and the common ancestor's lines between "
               "||||||| and =======" if diff3 else "the three marker lines (<<<<<<<, =======, >>>>>>>)")
    return (f"keep the lines you want, delete {markers}, then git add the file; "
            f"or keep one side whole with git checkout --ours (or --theirs) -- {source}")


@dataclass(frozen=True)
class Conflict:
    """One conflict: the line of its ``<<<<<<<`` (or of a lone marker) and what it says."""

    line: int  # from 1
    what: str  # e.g. "unresolved merge conflict (<<<<<<< HEAD … >>>>>>> feature-x, to line 18)"
    diff3: bool = False  # has a ||||||| part (the common ancestor's lines)
    lone: bool = False  # a marker without its other half

    def message(self, source: str) -> str:
        if self.lone:
            return self.what
        return f"{self.what}: {_how(source, self.diff3)}"


def _label(match: re.Match) -> str:
    label = (match.group(2) or "").strip()
    return f"{match.group(1)} {label}" if label else match.group(1)


def find_conflicts(text: str, first_line: int = 1) -> list[Conflict]:
    """The unresolved conflicts of ``text`` (line numbers from ``first_line``), in order."""
    if _OPEN not in text and _CLOSE not in text:  # the usual case: one scan of the text
        return []
    found: list[Conflict] = []
    start: tuple[int, str] | None = None  # line and label of the open conflict
    diff3 = False
    for n, line in enumerate(text.split("\n"), first_line):
        if start is not None and line.startswith(_BASE):
            diff3 = True
        if not line.startswith((_OPEN, _CLOSE)):
            continue
        match = _MARKER.match(line.rstrip("\r"))
        if match is None:
            continue
        if match.group(1) == _OPEN:
            if start is not None:  # the one before never closed
                found.append(_unclosed(*start, diff3))
            start, diff3 = (n, _label(match)), False
        elif start is not None:
            found.append(Conflict(start[0], f"unresolved merge conflict ({start[1]} … {_label(match)}, to line {n})", diff3))
            start = None
        else:
            found.append(Conflict(n, f"a leftover merge-conflict marker ({_label(match)}) without its <<<<<<< line: "
                                     "check that the lines above hold what you want (both sides may still be there), then delete this line", lone=True))
    if start is not None:
        found.append(_unclosed(*start, diff3))
    return found


def _unclosed(line: int, label: str, diff3: bool) -> Conflict:
    return Conflict(line, f"unresolved merge conflict ({label}, and its >>>>>>> line is missing)", diff3)


def conflict_problems(text: str, source: str) -> list[Problem]:
    """The conflicts of a file's text as located errors under ``source``."""
    return [Problem(source, c.line, c.message(source)) for c in find_conflicts(text)]
