"""The `journal` command: check notes, find quotes, start a note, build and serve the site.

Each command lives in its own module and is imported only when it runs, so
`journal check` (the pre-commit hook) does not pay for the page renderer.
"""

from __future__ import annotations

import importlib
from pathlib import Path

import click

from ...core.project import find_root

# command name -> "module:attribute", relative to this package
COMMANDS = {
    "check": "check:check",
    "quotes": "quotes:quotes_command",
    "new": "notes:new_command",
    "schema": "notes:schema_command",
    "tags": "tags:tags",
    "build-pages": "pages:build_pages_command",
    "build": "engines:build_command",
    "serve": "engines:serve_command",
    "search-index": "search:search_index_command",
    "init": "init:init_command",
}


class LazyGroup(click.Group):
    """A group whose commands are imported when used (click's documented lazy-loading pattern)."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        target = COMMANDS.get(cmd_name)
        if target is None:
            return None
        module, _, attribute = target.partition(":")
        return getattr(importlib.import_module(f"{__package__}.{module}"), attribute)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="customer-research-journal", prog_name="journal")
@click.option("--debug", is_flag=True, help="Show tracebacks of internal errors.")
@click.option("--root", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="The journal project (default: the folder holding mkdocs.yml, searched upwards).")
@click.pass_context
def main(ctx: click.Context, debug: bool, root: Path | None) -> None:
    """Customer research journal: check notes, find quotes, build pages."""
    ctx.obj = root.resolve() if root else find_root(Path.cwd())


def run() -> None:
    """The `journal` command (click ends it with the exit code)."""
    main()


if __name__ == "__main__":  # pragma: no cover
    run()
