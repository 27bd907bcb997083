"""`journal new` (start a note about a conversation) and `journal schema` (for editors)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Callable

import click
from rich.markup import escape as esc

from ...authoring.newnote import (Draft, gather_known, make_draft, note_path, parse_date, parse_interviewer, parse_person,
                                  render_note, split_list)
from ...authoring.schema import schema_text
from ...core.load import build_date, load_journal
from ...core.project import read_config
from ...core.vocabulary import tag_rows
from ...errors import NoteError, ProjectError
from .output import err_console, handle_errors, relative
from .prompts import ask_missing


def _multi(values: tuple[str, ...], parse: Callable[[str], object], flag: str) -> list:
    try:
        return [parse(v) for v in values]
    except NoteError as exc:
        raise click.BadParameter(str(exc), param_hint=flag) from None


@click.command("new")
@click.option("--date", help="Date of the conversation, e.g. 2026-03-04 (default: today).")
@click.option("--customer", help="The account's name; an existing account's aliases work too.")
@click.option("--relationship", help="customer, prospect, lost-customer, competitor-customer (default: the account's current one).")
@click.option("--channel", help="call, video-call, on-site, … (see docs/format.md).")
@click.option("--person", "people", multiple=True, metavar='"NAME, ROLE, DEPARTMENT"',
              help="Someone we talked to (repeat for several); a fourth part is the persona.")
@click.option("--interviewer", "interviewers", multiple=True, metavar='"NAME, TEAM"', help="Someone from our side (repeat for several).")
@click.option("--tag", "tags", multiple=True, help="A tag (repeat, or separate with commas).")
@click.option("--product", "products", multiple=True, help="A product discussed (repeat for several).")
@click.option("--competitor", "competitors", multiple=True, help="A competitor mentioned (repeat for several).")
@click.option("--summary", help="One or two sentences.")
@click.option("--interactive/--no-interactive", default=None,
              help="Ask for what the flags leave out (default: when run in a terminal).")
@click.pass_obj
@handle_errors
def new_command(root: Path, date: str | None, customer: str | None, relationship: str | None, channel: str | None,
                people: tuple[str, ...], interviewers: tuple[str, ...], tags: tuple[str, ...], products: tuple[str, ...],
                competitors: tuple[str, ...], summary: str | None, interactive: bool | None) -> None:
    """Start a note about a conversation: writes interviews/<year>/<date>-<account>.md and prints its path.

    Front-matter comes prefilled (the account's known attributes, people met
    before) with a skeleton for the notes. An existing file is never overwritten:
    a second note on the same day gets -2, -3, ….
    """
    config = read_config(root)
    folder = root / config.interviews_dir
    if not folder.is_dir() and not (root / "mkdocs.yml").is_file():
        raise ProjectError("no journal here: run `journal new` inside the journal's folder (the one with mkdocs.yml), or give --root")
    journal, _ = load_journal(root, config, today=build_date())
    known = gather_known(journal, [r.tag for r in tag_rows(root, journal)])
    answers = Draft(
        date=_multi((date,), parse_date, "--date")[0] if date else None, customer=customer or "", relationship=relationship or "",
        people=_multi(people, parse_person, "--person"), interviewers=_multi(interviewers, parse_interviewer, "--interviewer"),
        channel=channel, tags=[t for v in tags for t in split_list(v)], products=list(products), competitors=list(competitors),
        summary=summary,
    )
    if interactive is None:
        interactive = sys.stdin.isatty() and sys.stdout.isatty()
    if interactive:
        answers = ask_missing(answers, known, config, build_date())
    draft = make_draft(answers, known, config, build_date())
    close = None if known.account(draft.customer) else known.close_account(draft.customer)
    if close and not interactive:
        err_console.print(esc(f"note: '{draft.customer}' is a new account; if you meant '{close}', use that name"), soft_wrap=True)
    path = note_path(folder, draft.date, draft.customer)  # type: ignore[arg-type]
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("x", encoding="utf-8") as out:  # "x": never overwrite, even in a race
        out.write(render_note(draft, known, config, source=f"{config.interviews_dir}/accounts.yml"))
    shown = relative([str(path)], Path.cwd().resolve())[0]
    click.echo(shown)
    err_console.print(esc(f"Next: write your notes in {shown}, then run `journal check {shown}` (or commit: the hook checks it)."),
                      soft_wrap=True)


@click.command("schema")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Write the schema to this file (e.g. schema/interview.schema.json) instead of printing it.")
@click.pass_obj
@handle_errors
def schema_command(root: Path, out: Path | None) -> None:
    """Print the JSON Schema of an interview's front-matter, for editors that validate while you type.

    Built from this journal's settings in mkdocs.yml (relationships, channels,
    teams, account fields, taxonomies). See docs/authoring.md for wiring it up.
    """
    text = schema_text(read_config(root))
    if out is None:
        click.echo(text, nl=False)
        return
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(text, encoding="utf-8")
    err_console.print(esc(f"✓ wrote {out}"))
