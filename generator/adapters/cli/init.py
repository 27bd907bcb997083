"""`journal init`: a new journal repository for a team, from the package alone."""

from __future__ import annotations

from importlib.metadata import version
from pathlib import Path

import click
from rich.markup import escape as esc

from ...authoring.init import init_journal
from ...core.load import build_date
from ...views.wording import plural
from .output import err_console, handle_errors


@click.command("init")
@click.argument("directory", type=click.Path(file_okay=False, path_type=Path), default=".")
@click.option("--force", is_flag=True, help="Add the missing files to a folder that is not empty; existing files are never changed.")
@handle_errors
def init_command(directory: Path, force: bool) -> None:
    """Make DIRECTORY (default: here) a new journal: mkdocs.yml, an example note, campaign and insight,
    a pre-commit hook, CI for GitHub Actions and GitLab, and a README for the team.

    It passes `journal check` and builds with `mkdocs build --strict` as it is.
    """
    report = init_journal(directory, today=build_date(), version=version("customer-research-journal"), force=force)
    for name in report.created:
        click.echo(f"created {name}")
    for name in report.kept:
        click.echo(f"kept    {name} (it exists)")
    where = esc(str(directory))
    err_console.print(f"[green]✓[/] {plural(len(report.created), 'file')} written to {where}; {esc(report.git)}.", soft_wrap=True)
    steps = [] if directory.resolve() == Path.cwd().resolve() else [f"cd {directory}"]
    steps += ["journal new            # write your first note", "mkdocs serve           # see the site at http://127.0.0.1:8000/"]
    err_console.print("Next:\n" + "\n".join(f"  {esc(s)}" for s in steps), soft_wrap=True)
