"""Every error the journal raises, in one tree.

    JournalError                 the root: catch it to catch anything the journal raises on purpose
    ├── ProjectError             the project cannot be used: mkdocs.yml unreadable, invalid plugin options,
    │                            no git where git is needed
    ├── JournalInvalid           the notes have errors; carries every located problem (`journal check` lists them)
    ├── YamlProblem              one YAML file or front-matter cannot be read, at a line and field
    ├── NoteError                `journal new`: an answer that cannot be used
    ├── FilterError              `journal quotes`: a filter that matches nothing the journal knows
    ├── EditAborted              `journal tags rename|merge`: a write failed part-way; every file was put back
    ├── PageConflict             two generated pages would have the same path
    └── BuildFailed              `journal build`: the engine could not build the site; the previous one is untouched

Problems in the notes are not exceptions: they are collected (``core.problems.Problems``)
so one pass reports them all; ``JournalInvalid`` carries them when a caller must stop.
The CLI maps each kind to its exit code in one place (``adapters.cli.app``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterable

if TYPE_CHECKING:
    from .core.problems import Problem


class JournalError(Exception):
    """The root of the journal's errors."""


class ProjectError(JournalError):
    """The project or its configuration cannot be used."""


class JournalInvalid(JournalError):
    """The journal has errors; ``problems`` holds every problem found (errors and warnings)."""

    def __init__(self, problems: Iterable[Problem]):
        self.problems = list(problems)
        errors = sum(p.is_error for p in self.problems)
        super().__init__(f"the journal has {errors} error{'s' if errors != 1 else ''}")


class YamlProblem(JournalError):
    """A YAML document (a file, or an interview's front-matter) that cannot be read."""

    def __init__(self, line: int, message: str, field: str = ""):
        super().__init__(message)
        self.line, self.message, self.field = line, message, field


class NoteError(JournalError):
    """An answer to `journal new` that cannot be used; the message says what would work."""


class FilterError(JournalError):
    """A filter value that matches nothing the journal knows; the message suggests a fix."""


class EditAborted(JournalError):
    """A change to several files that could not be completed; the message says what failed and
    that no file was changed (or, if even restoring failed, which files to restore)."""


class PageConflict(JournalError):
    """Two generated pages at one path: a bug, or two page families claiming one address."""


class BuildFailed(JournalError):
    """A build that could not finish (the engine failed, or a docs page has a generated page's address);
    the site was not changed."""
