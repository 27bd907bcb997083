"""A Markdown extension that stops Zensical when it is pointed at mkdocs.yml directly.

Zensical reads mkdocs.yml but silently leaves out every plugin it does not know, the
journal's among them: `zensical build` would publish the team's guides without a single
journal page, and say nothing. It does load the Markdown extensions mkdocs.yml lists, so
mkdocs.yml lists this one next to the plugin::

    markdown_extensions:
      - generator.adapters.zensical.guard

Under MkDocs (and in the journal's own renderer) it does nothing. Under Zensical it fails the
build with a message naming the command to run instead. `journal build|serve --engine zensical`
leave it out of the configuration they derive (see config.py), so it never runs there.
"""

from __future__ import annotations

import os
import sys
from typing import Any

from markdown import Markdown
from markdown.extensions import Extension

MESSAGE = ("journal: error: Zensical does not run MkDocs plugins, so this site would have none of the journal's pages. "
           "Build it with `journal build --engine zensical` or serve it with `journal serve --engine zensical` "
           "(they generate the pages first); see docs/engines.md.")


def under_zensical() -> bool:
    """Whether this process is Zensical building from a configuration it has read (no import: only a look)."""
    config = sys.modules.get("zensical.config")
    return config is not None and getattr(config, "get_config", lambda: None)() is not None


class JournalGuard(Extension):
    """Ends a Zensical run that lacks the journal's pre-build step, with exit code 1."""

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 - Python-Markdown's name
        if under_zensical():
            print(MESSAGE, file=sys.stderr, flush=True)
            # Zensical calls this from its Rust core, which would wrap an exception in a long
            # traceback (and its server would go on serving the site without the journal).
            os._exit(1)


def makeExtension(**kwargs: Any) -> JournalGuard:  # noqa: N802 - Python-Markdown's entry point
    return JournalGuard(**kwargs)
