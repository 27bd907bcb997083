"""What the plugin keeps across the builds of one project in one process (`mkdocs serve`).

MkDocs re-creates its configuration, and with it the plugin's options, for every
rebuild; a rebuild after an edit is fast because of what survives here: parsed
interviews (re-parsed only when their file changed), rendered pages and cards (see
``site.cache``), the Markdown/Jinja2 renderer, the theme's compiled templates, and the
search index that follows the site (``site.search.live``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import jinja2
import jinja2.bccache

from ...core.parsecache import ParseCache
from ...site.cache import PageCache
from ...site.render import Renderer
from ...site.search import index
from .linked import LinkedFiles
from ...site.search.live import LiveIndex


class MemoryBytecodeCache(jinja2.BytecodeCache):
    """Compiled theme templates (Jinja checks each template's source checksum, so an edited
    template is compiled again)."""

    def __init__(self) -> None:
        self._code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        code = self._code.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self._code[bucket.key] = bucket.bytecode_to_string()


@dataclass
class Session:
    """The caches of one project."""

    parsed: ParseCache = field(default_factory=ParseCache)
    pages: PageCache = field(default_factory=PageCache)
    theme_bytecode: MemoryBytecodeCache = field(default_factory=MemoryBytecodeCache)
    _renderer: tuple[str, Renderer] | None = None
    live_index: LiveIndex | None = None
    linked: LinkedFiles = field(default_factory=LinkedFiles)

    def renderer(self, settings: str, make: Callable[[], Renderer]) -> Renderer:
        """The last renderer while the Markdown ``settings`` are the same (its templates stay
        compiled; Jinja2 reloads one that changed), else a new one from ``make``."""
        if self._renderer is None or self._renderer[0] != settings:
            self._renderer = (settings, make())
        return self._renderer[1]

    def search(self, report: Callable[[str], None]) -> LiveIndex:
        """The search index that follows the served site (made on first use, reporting to ``report``)."""
        if self.live_index is None:
            self.live_index = LiveIndex(index, report)
        return self.live_index


_SESSIONS: dict[str, Session] = {}


def session(root: Path) -> Session:
    """The session of the project at ``root``, made on first use."""
    return _SESSIONS.setdefault(str(root), Session())
