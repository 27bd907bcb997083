"""`journal check`: validate the journal without building; the pre-commit hook and CI run it."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from ...core.githistory import staged_files, staged_renames
from ...core.load import load_project
from ...core.model import Journal
from ...core.problems import Problem, Problems
from ...core.project import read_config
from ...site.cardimage.check import card_problems
from ...views.wording import plural
from .output import err_console, handle_errors, print_problems, relative


def _matches(problem: Problem, wanted: list[str]) -> bool:
    paths = (problem.path, *problem.related)
    return any(p == w or p.startswith(w.rstrip("/") + "/") for p in paths for w in wanted)


def _moves_without_moved_from(root: Path, journal: Journal, problems: Problems) -> None:
    """A note staged as moved (git sees a rename) that does not say where from: its old address would break."""
    by_source = {i.source: i for i in journal.interviews}
    for new, old in staged_renames(root).items():
        interview = by_source.get(new)
        if interview is not None and old.endswith(".md") and old not in interview.meta.moved_from:
            problems.warning(new, interview.line_of("moved_from"),
                             f"git shows this file moved from {old}: add 'moved_from: {old}' so its old address "
                             "redirects here and its quotes without #id keep their ids", "moved_from")


@click.command()
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--staged", is_flag=True, help="Report problems involving the files staged for commit (a git pre-commit hook).")
@click.pass_obj
@handle_errors
def check(root: Path, paths: tuple[str, ...], staged: bool) -> None:
    """Validate the journal without building: one line per problem, exit 1 on errors.

    With PATHS (or --staged), the whole journal is still checked (duplicate ids,
    account conflicts and campaign citations cross files) but only problems
    involving those files are reported.
    """
    config = read_config(root)
    if staged:
        folders = tuple(f.rstrip("/") + "/" for f in (config.interviews_dir, config.campaigns_dir, config.insights_dir))
        paths = (*paths, *(str(root / p) for p in staged_files(root) if p.startswith(folders)))
        if not paths:
            return  # nothing of the journal is being committed
    journal, problems = load_project(root)
    card_problems(journal, problems)
    if staged:
        _moves_without_moved_from(root, journal, problems)
    wanted = [p for p in relative(paths, root) if p]
    shown = [p for p in problems if not wanted or _matches(p, wanted)]
    print_problems(shown)
    errors = sum(p.is_error for p in shown)
    warnings = len(shown) - errors
    # Notes with errors are not in the model; count them too.
    folder = config.interviews_dir.rstrip("/") + "/"
    loaded = {i.source for i in journal.interviews} | journal.confidential_sources
    checked = len(loaded | {p.path for p in problems.errors if p.path.startswith(folder) and p.path.endswith(".md")})
    summary = f"{plural(checked, 'interview')} checked: {plural(errors, 'error')}, {plural(warnings, 'warning')}"
    err_console.print(("[red]✗[/] " if errors else "[green]✓[/] ") + summary)
    sys.exit(1 if errors else 0)
