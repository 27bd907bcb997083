"""`journal tags`: list the tags with their counts; rename or merge a tag in every file."""

from __future__ import annotations

import sys
from pathlib import Path

import click
from rich.markup import escape as esc

from ...authoring.tagedit import plan, write_edits
from ...core.config import JournalConfig
from ...core.load import build_date, load_journal
from ...core.model import Journal
from ...core.problems import Problems
from ...core.project import read_config
from ...core.slugs import normalize
from ...core.vocabulary import known_tags, read_vocabulary, tag_rows, vocabulary_path
from ...errors import JournalInvalid
from .output import err_console, handle_errors


def _load_clean(root: Path) -> tuple[JournalConfig, Journal]:
    """The journal, or exit 1 when it has errors: tags are only edited in a journal that checks clean."""
    config = read_config(root)
    journal, problems = load_journal(root, config, today=build_date())
    if problems.errors:
        raise JournalInvalid(problems)
    return config, journal


@click.group(invoke_without_command=True)
@click.pass_context
@handle_errors
def tags(ctx: click.Context) -> None:
    """List tags with their counts; `rename` or `merge` a tag in every file."""
    if ctx.invoked_subcommand is not None:
        return
    config, journal = _load_clean(ctx.obj)
    rows = tag_rows(ctx.obj, journal)
    if not rows:
        click.echo("No tags yet.")
        return
    width = max(len(r.tag) for r in rows)
    click.echo(f"{'tag':<{width}}  interviews  quotes")
    for r in rows:
        click.echo(f"{r.tag:<{width}}  {r.interviews:>10}  {r.quotes:>6}{'  ' + r.note if r.note else ''}")


def _edit_tags(root: Path, old: str, new: str, *, merge: bool) -> None:
    old, new = " ".join(old.split()), " ".join(new.split())
    if not old or not new or "," in new:
        raise click.UsageError("give the old and the new tag; a tag cannot contain a comma")
    config, journal = _load_clean(root)
    if not merge and normalize(new) != normalize(old) and normalize(new) in known_tags(root, journal):
        err_console.print(f"[red]error:[/] '{esc(new)}' is already a tag. To fold '{esc(old)}' into it, run: journal tags merge \"{esc(old)}\" \"{esc(new)}\"", soft_wrap=True)
        sys.exit(1)
    edits = plan(root, config, old, new, merge=merge)
    if not edits:
        err_console.print(f"[red]error:[/] no file uses the tag '{esc(old)}'. Nothing was changed.", soft_wrap=True)
        sys.exit(1)
    write_edits(edits)  # every file, or none (EditAborted: exit 2, the message says what failed)
    for edit in edits:
        for c in edit.changes:
            what = f"removed '{c.before}' (now listed twice)" if not c.after else f"{c.before} → {c.after}"
            click.echo(f"{edit.source}:{c.line}: {what}")
    n = sum(len(e.changes) for e in edits)
    done = esc(f"Merged '{old}' into '{new}'" if merge else f"Renamed '{old}' to '{new}'")
    err_console.print(f"[green]✓[/] {done}: {n} change{'s' if n != 1 else ''} in {len(edits)} file{'s' if len(edits) != 1 else ''}.", soft_wrap=True)
    path, source = vocabulary_path(root, config.interviews_dir)
    vocab = read_vocabulary(path, source, Problems()) if merge and path.is_file() else None
    listed = next((t for t in vocab.tags if normalize(t) == normalize(old)), None) if vocab else None
    if listed is not None:
        err_console.print(esc(f"note: {source}:{vocab.tags[listed]} still lists '{listed}': remove it, or list it as a synonym of '{new}'."), soft_wrap=True)


@tags.command()
@click.argument("old")
@click.argument("new")
@click.pass_obj
@handle_errors
def rename(root: Path, old: str, new: str) -> None:
    """Rename the tag OLD to NEW in every interview, quote and tags.yml.

    Refuses when NEW is already a tag (use `merge`). Any spelling of OLD
    (case, spacing) is renamed, so this also fixes inconsistent spellings.
    """
    _edit_tags(root, old, new, merge=False)


@tags.command()
@click.argument("old")
@click.argument("new")
@click.pass_obj
@handle_errors
def merge(root: Path, old: str, new: str) -> None:
    """Fold the tag OLD into the tag NEW in every interview and quote (a list that then
    holds NEW twice keeps it once)."""
    _edit_tags(root, old, new, merge=True)
