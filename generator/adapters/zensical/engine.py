"""One project prepared for Zensical: validated, its pages generated and staged, its configuration derived.

Nothing is staged until the journal is valid, and nothing is ever written outside the
staging folder but the finished site (see build.py): the project's own folders stay as they are.
"""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path

from ...core.problems import Problem
from ...core.project import excluded_docs, read_config
from ...errors import BuildFailed, ProjectError
from ...site.page import Page, clash_message, clashing_docs, page_url
from ...site.registry import PageSource
from ...site.render import Renderer
from ...site.search import Record, guide_records
from ...site.search.records import page_record
from .config import SiteConfig
from .staging import DOCS, SITES, Staging, moved_pages, staged_path, team_docs

INSTALL = "pip install 'customer-research-journal[zensical]'"
HEADER = ("# Derived from mkdocs.yml by `journal build|serve --engine zensical`, which rewrite it on every run:\n"
          "# edit mkdocs.yml instead. Zensical builds from the staging folder next to this file.\n")


def require_zensical() -> None:
    """A clear message, not a traceback, when the optional engine is not installed."""
    if importlib.util.find_spec("zensical") is None:
        raise ProjectError(f"Zensical is not installed: {INSTALL} (see docs/engines.md)")


def zensical(command: str, config: Path, *args: str) -> list[str]:
    """The command line running Zensical (as a child process: its server ends the whole process on Ctrl-C)."""
    return [sys.executable, "-m", "zensical", command, "-f", str(config), *args]


class Engine:
    """The project at ``root`` as Zensical builds it. ``keep`` (a server): later :meth:`prepare` calls
    re-parse and re-render only what changed, and write only the staged files that changed."""

    def __init__(self, root: Path, *, keep: bool = False):
        self.root = root
        self.staging = Staging(root)
        self.keep = keep
        self._source: tuple[str, PageSource] | None = None
        self.site_config: SiteConfig | None = None
        self.warnings: list[Problem] = []
        self.changed: list[str] = []  # the staged files the last prepare wrote or removed
        self.pages: dict[str, Page] = {}  # the generated pages the last prepare staged
        self._derived: tuple[tuple, Path] | None = None  # what the configuration was derived from, and its file
        self._records: dict[str, tuple[Page, Record | None]] = {}  # a page's search record, while it is the same page

    def prepare(self, mode: str) -> Path:
        """Validate the journal and stage it with the team's docs; the path of the configuration derived
        for ``mode`` ("build" or "serve", which write to different folders of the staging folder).

        Raises JournalInvalid (the journal has errors), ProjectError or BuildFailed before anything is staged."""
        config = SiteConfig(self.root, read_config(self.root))
        pages, problems = self._pages(config).generate()
        docs = team_docs(config.docs_dir)
        clashes = clashing_docs(pages, {path: page_url(path) for path in docs})
        if clashes:
            raise BuildFailed(clash_message(_shown(config.docs_dir, self.root), clashes[0]) + "; the site was not changed")
        self.site_config, self.warnings, self.pages = config, list(problems), pages
        self.changed = self.staging.sync(pages, docs)
        moved, hidden = moved_pages(pages), _hidden(pages)
        key = (mode, config.text, tuple(sorted(moved.items())), tuple(hidden))
        if self._derived is None or self._derived[0] != key:  # a server mostly writes the same again
            text = config.derived(docs_dir=DOCS, site_dir=SITES[mode], moved=moved, hidden=hidden)
            self._derived = (key, self.staging.write_config(f"{mode}.yml", HEADER + text))
        return self._derived[1]

    def _pages(self, config: SiteConfig) -> PageSource:
        """The page source, kept while the Markdown settings and site_url stay the same."""
        key = repr((config.extensions, config.extension_configs, config.site_url))
        if self._source is None or self._source[0] != key:
            renderer = Renderer(extensions=config.extensions, extension_configs=config.extension_configs,
                                reload_templates=self.keep)
            self._source = (key, PageSource(self.root, renderer, site_url=config.site_url, settings=key, keep=self.keep))
        return self._source[1]

    def search_records(self) -> list[Record]:
        """The search index's records of what the last prepare staged: the generated pages (a page a
        server's cache reused keeps its record) and the team's docs."""
        assert self.site_config is not None
        kept = self._records
        self._records = {path: kept[path] if path in kept and kept[path][0] is page else (page, page_record(page))
                         for path, page in self.pages.items()}
        found = [record for _, record in self._records.values() if record is not None]
        return found + guide_records(self.site_config.docs_dir, self._pages(self.site_config).renderer,
                                     excluded=excluded_docs(self.root))

    def run(self, command: str, config: Path, *args: str) -> int:
        """Run Zensical in the project's folder (paths in Markdown extensions' options are relative to it)."""
        return subprocess.run(zensical(command, config, *args), cwd=self.root).returncode


def _hidden(pages: dict[str, Page]) -> list[str]:
    """Generated pages kept out of the nav (interviews, accounts, …), at their staged paths."""
    return [staged_path(path) for path, page in pages.items() if page.is_markdown and not page.in_nav]


def _shown(path: Path, root: Path) -> str:
    return Path(os.path.relpath(path, root)).as_posix()
