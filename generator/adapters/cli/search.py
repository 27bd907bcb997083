"""`journal search-index`: the search index written into a built site, for engines without the plugin."""

from __future__ import annotations

from pathlib import Path

import click

from ...core.project import excluded_docs, read_folders
from ...site.registry import generate_pages
from ...site.render import Renderer
from ...site.search import guide_records, index, site_records, write_bundle
from .output import err_console, handle_errors


@click.command("search-index")
@click.option("--site", "site_dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="The built site to add the index to (default: site_dir of mkdocs.yml).")
@click.pass_obj
@handle_errors
def search_index_command(root: Path, site_dir: Path | None) -> None:
    """Write the search index (site/pagefind/) into a site built by an engine that does not run the
    journal's MkDocs plugin: after `journal build-pages` and the engine's own build."""
    docs_dir, default_site = read_folders(root)
    pages = generate_pages(root)
    records = site_records(pages.values()) + guide_records(docs_dir, Renderer(), generated=pages, excluded=excluded_docs(root))
    target = write_bundle(index(records), site_dir or default_site)
    err_console.print(f"[green]✓[/] search index of {len(records)} pages in {target}")
