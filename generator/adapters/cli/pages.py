"""`journal build-pages`: the generated pages written to a folder, for generators without plugins."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from ...core.githistory import read_history
from ...core.load import build_date, load_journal
from ...core.project import read_config
from ...site.context import Site
from ...site.page import write_pages
from ...site.registry import build_pages
from ...site.render import Renderer
from .output import err_console, handle_errors


@click.command("build-pages")
@click.option("--out", "out", type=click.Path(file_okay=False, path_type=Path), required=True,
              help="Folder to write the generated pages into (e.g. docs/ of a Zensical site).")
@click.pass_obj
@handle_errors
def build_pages_command(root: Path, out: Path) -> None:
    """Write the generated pages to disk: a pre-build step for generators without MkDocs plugins."""
    config = read_config(root)
    journal, problems = load_journal(root, config, today=build_date())
    for problem in problems:
        click.echo(problem.format(), err=True)
    if problems.errors:
        sys.exit(1)
    pages = build_pages(Site(journal, Renderer(), history=read_history(root, config.interviews_dir)))
    write_pages(pages, out)
    err_console.print(f"[green]✓[/] wrote {len(pages)} files to {out}")
