"""Customer research journal: turns interview notes into an internal site.

The package in layers, each importing only those listed before it::

    errors, resources   the exception tree (JournalError and below); where templates and assets are
    core/               read and validate a journal's files into the typed model; collect located problems
    views/              read-only derivations: an account's view, the dashboard, attribution, exports
    site/               the model as generated pages: {docs path: Page}, and `serve`'s page cache
    authoring/          writing files: `journal new`, tag renames, the JSON Schema
    adapters/mkdocs/    the MkDocs plugin (`journal` in mkdocs.yml)
    adapters/cli/       the `journal` command

Its public API is this module's ``__all__``::

    journal, problems = generator.load_project(Path("."))   # mkdocs.yml's options, every problem found
    pages = generator.generate_pages(Path("."))             # {path: Page}; JournalInvalid on errors

Names are imported on first use, so the command-line checker does not load the renderer.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

# public name -> the module (under generator) that defines it
_EXPORTS: dict[str, str] = {
    # errors
    "JournalError": "errors", "ProjectError": "errors", "JournalInvalid": "errors", "YamlProblem": "errors",
    "NoteError": "errors", "FilterError": "errors", "PageConflict": "errors", "EditAborted": "errors",
    "BuildFailed": "errors",
    # configuration and the project
    "JournalConfig": "core.config", "read_config": "core.project", "find_root": "core.project",
    # loading and checking
    "load_project": "core.load", "load_journal": "core.load", "build_date": "core.load",
    "Problem": "core.problems", "Problems": "core.problems", "Severity": "core.problems",
    # the model
    "Journal": "core.model", "Interview": "core.model", "Quote": "core.model", "Account": "core.model",
    "Campaign": "core.model", "Insight": "core.model",
    # building pages
    "generate_pages": "site.registry", "build_pages": "site.registry", "Site": "site.context",
    "Renderer": "site.render", "Page": "site.page",
}

__all__ = [
    "__version__", "Account", "build_date", "build_pages", "BuildFailed", "Campaign", "EditAborted",
    "FilterError", "find_root", "generate_pages", "Insight", "Interview", "Journal", "JournalConfig",
    "JournalError", "JournalInvalid", "load_journal", "load_project", "NoteError", "Page", "PageConflict",
    "Problem", "Problems", "ProjectError", "Quote", "read_config", "Renderer", "Severity", "Site",
    "YamlProblem",
]  # _EXPORTS and __version__, sorted (tests/test_exported_members.py)


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'generator' has no attribute '{name}'")
    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return list(__all__)


if TYPE_CHECKING:  # what type checkers and editors see
    from .core.config import JournalConfig
    from .core.load import build_date, load_journal, load_project
    from .core.model import Account, Campaign, Insight, Interview, Journal, Quote
    from .core.problems import Problem, Problems, Severity
    from .core.project import find_root, read_config
    from .errors import (BuildFailed, EditAborted, FilterError, JournalError, JournalInvalid, NoteError, PageConflict,
                         ProjectError, YamlProblem)
    from .site.context import Site
    from .site.page import Page
    from .site.registry import build_pages, generate_pages
    from .site.render import Renderer
