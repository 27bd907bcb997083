"""`journal build-pages`: the generated pages written to a folder, for generators without plugins."""

from __future__ import annotations

from pathlib import Path

import click

from ...site.page import write_pages
from ...site.registry import generate_pages
from .output import err_console, handle_errors


@click.command("build-pages")
@click.option("--out", "out", type=click.Path(file_okay=False, path_type=Path), required=True,
              help="Folder to write the generated pages into (to build a Zensical site, use `journal build --engine zensical`).")
@click.pass_obj
@handle_errors
def build_pages_command(root: Path, out: Path) -> None:
    """Write the generated pages to disk: a pre-build step for generators without MkDocs plugins."""
    pages = generate_pages(root)
    write_pages(pages, out)
    err_console.print(f"[green]✓[/] wrote {len(pages)} files to {out}")
