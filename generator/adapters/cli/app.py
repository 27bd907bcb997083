"""The `journal` command: check, build pages, and more, for marketers and CI."""

from __future__ import annotations

import functools
import logging
import os
import sys
import traceback
from pathlib import Path
from typing import Callable, Iterable

import click
from rich.console import Console
from rich.markup import escape as esc

from ...core.load import build_date, load_journal
from ...core.problems import Problem, Problems
from ...core.project import ProjectError, find_root, read_base_path, read_config

err_console = Console(stderr=True, highlight=False)
out_console = Console(highlight=False, soft_wrap=True)


def friendly_errors(func: Callable) -> Callable:
    """No tracebacks for users: one line and a hint, the traceback only with --debug."""

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        debug = click.get_current_context().find_root().params.get("debug")
        try:
            return func(*args, **kwargs)
        except ProjectError as exc:
            err_console.print(f"[red]error:[/] {esc(str(exc))}", soft_wrap=True)
            sys.exit(2)
        except (click.ClickException, click.exceptions.Exit, SystemExit, KeyboardInterrupt):
            raise
        except Exception as exc:  # noqa: BLE001 - the last line of defence
            if debug:
                traceback.print_exc()
            err_console.print(f"[red]internal error:[/] {type(exc).__name__}: {esc(str(exc))}", soft_wrap=True)
            err_console.print("This is a bug in the journal tool, not in your notes. Please report it with the output of `journal --debug …`.")
            sys.exit(3)

    return wrapper


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--debug", is_flag=True, help="Show tracebacks of internal errors.")
@click.option("--root", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="The journal project (default: the folder holding mkdocs.yml, searched upwards).")
@click.pass_context
def main(ctx: click.Context, debug: bool, root: Path | None) -> None:
    """Customer research journal: check notes, find quotes, build pages."""
    ctx.obj = root.resolve() if root else find_root(Path.cwd())


def run() -> None:
    """The `journal` command: ``main``, then an exit without tearing the interpreter down.

    Freeing a loaded journal's millions of objects one by one took a sixth of `journal
    check`'s time at 5,000 files, for nothing: the process is ending anyway.
    """
    try:
        main()
        code = 0
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else 0 if exc.code is None else 1
        if isinstance(exc.code, str):
            print(exc.code, file=sys.stderr)
    logging.shutdown()
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):  # a closed pipe, e.g. `journal quotes | head`
            code = code or 1
    os._exit(code)


def _matches(problem: Problem, wanted: list[str]) -> bool:
    paths = (problem.path, *problem.related)
    return any(p == w or p.startswith(w.rstrip("/") + "/") for p in paths for w in wanted)


def _relative(paths: Iterable[str], root: Path) -> list[str]:
    out = []
    for raw in paths:
        path = Path(raw).resolve()
        try:
            out.append(path.relative_to(root).as_posix() if path != root else "")
        except ValueError:
            out.append(Path(raw).as_posix())
    return out


@main.command()
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--staged", is_flag=True, help="Report problems involving the files staged for commit (a git pre-commit hook).")
@click.pass_obj
@friendly_errors
def check(root: Path, paths: tuple[str, ...], staged: bool) -> None:
    """Validate the journal without building: one line per problem, exit 1 on errors.

    With PATHS (or --staged), the whole journal is still checked (duplicate ids,
    account conflicts and campaign citations cross files) but only problems
    involving those files are reported.
    """
    config = read_config(root)
    if staged:
        from ...core.githistory import staged_files

        folders = tuple(f.rstrip("/") + "/" for f in (config.interviews_dir, config.campaigns_dir, config.insights_dir))
        paths = (*paths, *(str(root / p) for p in staged_files(root) if p.startswith(folders)))
        if not paths:
            return  # nothing of the journal is being committed
    journal, problems = load_journal(root, config, today=build_date())
    wanted = [p for p in _relative(paths, root) if p]
    shown = [p for p in problems if not wanted or _matches(p, wanted)]
    color = out_console.is_terminal and not out_console.no_color  # NO_COLOR: plain lines, e.g. for editors
    for problem in shown:
        line = problem.format()
        if color:
            tag = "[bold red]error[/]" if problem.is_error else "[yellow]warning[/]"
            where, _, rest = line.partition(f": {problem.severity.value}: ")
            out_console.print(f"[bold]{where}[/]: {tag}: {rest}", markup=True, highlight=False)
        else:
            click.echo(line)
    errors = sum(p.is_error for p in shown)
    warnings = len(shown) - errors
    # Notes with errors are not in the model; count them too.
    folder = config.interviews_dir.rstrip("/") + "/"
    loaded = {i.source for i in journal.interviews} | journal.confidential_sources
    checked = len(loaded | {p.path for p in problems.errors if p.path.startswith(folder) and p.path.endswith(".md")})
    summary = f"{checked} interview{'s' if checked != 1 else ''} checked: {errors} error{'s' if errors != 1 else ''}, {warnings} warning{'s' if warnings != 1 else ''}"
    err_console.print(("[red]✗[/] " if errors else "[green]✓[/] ") + summary)
    sys.exit(1 if errors else 0)


@main.command("quotes")
@click.option("--tag", help="Only quotes with this tag.")
@click.option("--customer", help="Only quotes from this account (name, alias or part of the name).")
@click.option("--relationship", help="Only quotes said as this relationship, e.g. prospect.")
@click.option("--search", help="Only quotes whose text or attribution holds all these words.")
@click.option("--format", "fmt", type=click.Choice(["text", "csv", "json", "markdown"]), default="text", show_default=True,
              help="text to read, markdown to paste into documents, csv for spreadsheets, json for programs.")
@click.pass_obj
@friendly_errors
def quotes_command(root: Path, tag: str | None, customer: str | None, relationship: str | None, search: str | None,
                   fmt: str) -> None:
    """Find quotes cleared for use outside, each with the attribution to paste.

    Internal quotes and expired clearances are never listed; anonymous quotes are
    credited by role and industry only, exactly as in the site's quotes.csv.
    """
    from ...views.export import export_records, library_order, to_csv, to_json
    from ...views.quote_filter import FilterError, QuoteFilter, select_quotes
    from ...site.context import absolute_url

    config = read_config(root)
    today = build_date()
    journal, problems = load_journal(root, config, today=today)
    broken = {p.path for p in problems.errors}
    if broken:
        err_console.print(f"[yellow]note:[/] the journal has errors in {len(broken)} file{'s' if len(broken) != 1 else ''}; "
                          "quotes from interviews with errors are left out (run `journal check` to see them)")
    usable = [q for q in journal.quotes if q.interview.source not in broken]
    try:
        found = library_order(select_quotes(journal, usable, QuoteFilter(tag, customer, relationship, search), today))
    except FilterError as exc:
        raise click.UsageError(str(exc)) from None
    base = read_base_path(root)
    if fmt in ("csv", "json"):
        records = export_records(found, today, lambda url: absolute_url(base, url))
        click.echo(to_csv(records) if fmt == "csv" else to_json(records), nl=False)
    else:
        click.echo(format_quotes(found, today, markdown=fmt == "markdown"), nl=False)
    err_console.print(f"{len(found)} cleared quote{'s' if len(found) != 1 else ''}" + ("" if found else " match; try fewer filters"))


def format_quotes(quotes: list, today, *, markdown: bool) -> str:
    """Quotes for reading (text) or pasting into documents (markdown), each with its attribution."""
    from ...views.attribution import attribution, byline, with_article

    blocks = []
    for q in quotes:
        details = [q.clearance_on(today), q.interview.date.isoformat(), "said as " + with_article(q.interview.meta.relationship.replace("-", " "))]
        if q.all_tags:
            details.append("tags: " + ", ".join(q.all_tags))
        details.append(f"id: {q.id}")
        if markdown:
            blocks.append(f"> {' '.join(q.text.split())}\n>\n> — {byline(q, today)}\n\n<!-- {' · '.join(details)} -->\n")
        else:
            blocks.append(f"{attribution(q, today)}\n  {' · '.join(details)}\n")
    return "\n".join(blocks)


def _multi(values: tuple[str, ...], parse: Callable[[str], object], flag: str) -> list:
    try:
        return [parse(v) for v in values]
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint=flag) from None


@main.command("new")
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
@friendly_errors
def new_command(root: Path, date: str | None, customer: str | None, relationship: str | None, channel: str | None,
                people: tuple[str, ...], interviewers: tuple[str, ...], tags: tuple[str, ...], products: tuple[str, ...],
                competitors: tuple[str, ...], summary: str | None, interactive: bool | None) -> None:
    """Start a note about a conversation: writes interviews/<year>/<date>-<account>.md and prints its path.

    Front-matter comes prefilled (the account's known attributes, people met
    before) with a skeleton for the notes. An existing file is never overwritten:
    a second note on the same day gets -2, -3, ….
    """
    from ...authoring.newnote import Draft, NoteError, gather_known, make_draft, note_path, parse_date, parse_interviewer, parse_person, render_note, split_list
    from .prompts import ask_missing
    from ...core.vocabulary import tag_rows

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
    try:
        if interactive:
            answers = ask_missing(answers, known, config, build_date())
        draft = make_draft(answers, known, config, build_date())
    except NoteError as exc:
        raise click.UsageError(str(exc)) from None
    close = None if known.account(draft.customer) else known.close_account(draft.customer)
    if close and not interactive:
        err_console.print(esc(f"note: '{draft.customer}' is a new account; if you meant '{close}', use that name"), soft_wrap=True)
    path = note_path(folder, draft.date, draft.customer)  # type: ignore[arg-type]
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("x", encoding="utf-8") as out:  # "x": never overwrite, even in a race
        out.write(render_note(draft, known, config, source=f"{config.interviews_dir}/accounts.yml"))
    shown = _relative([str(path)], Path.cwd().resolve())[0]
    click.echo(shown)
    err_console.print(esc(f"Next: write your notes in {shown}, then run `journal check {shown}` (or commit: the hook checks it)."),
                      soft_wrap=True)


@main.command("schema")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Write the schema to this file (e.g. schema/interview.schema.json) instead of printing it.")
@click.pass_obj
@friendly_errors
def schema_command(root: Path, out: Path | None) -> None:
    """Print the JSON Schema of an interview's front-matter, for editors that validate while you type.

    Built from this journal's settings in mkdocs.yml (relationships, channels,
    teams, account fields, taxonomies). See docs/authoring.md for wiring it up.
    """
    from ...authoring.schema import schema_text

    text = schema_text(read_config(root))
    if out is None:
        click.echo(text, nl=False)
        return
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(text, encoding="utf-8")
    err_console.print(esc(f"✓ wrote {out}"))


@main.command("build-pages")
@click.option("--out", "out", type=click.Path(file_okay=False, path_type=Path), required=True,
              help="Folder to write the generated pages into (e.g. docs/ of a Zensical site).")
@click.pass_obj
@friendly_errors
def build_pages_command(root: Path, out: Path) -> None:
    """Write the generated pages to disk: a pre-build step for generators without MkDocs plugins."""
    from ...core.githistory import read_history
    from ...site.render import Renderer
    from ...site.context import Site, build_pages, write_pages

    config = read_config(root)
    journal, problems = load_journal(root, config, today=build_date())
    for problem in problems:
        click.echo(problem.format(), err=True)
    if problems.errors:
        sys.exit(1)
    pages = build_pages(Site(journal, Renderer(), extra={"history": read_history(root, config.interviews_dir)}))
    write_pages(pages, out)
    err_console.print(f"[green]✓[/] wrote {len(pages)} files to {out}")


def _load_clean(root: Path):
    """The journal, or exit 1 when it has errors: tags are only edited in a journal that checks clean."""
    config = read_config(root)
    journal, problems = load_journal(root, config, today=build_date())
    if problems.errors:
        n = len(problems.errors)
        err_console.print(f"[red]error:[/] the journal has {n} error{'s' if n != 1 else ''}; fix them first (run `journal check`). Nothing was changed.", soft_wrap=True)
        sys.exit(1)
    return config, journal


@main.group(invoke_without_command=True)
@click.pass_context
@friendly_errors
def tags(ctx: click.Context) -> None:
    """List tags with their counts; `rename` or `merge` a tag in every file."""
    if ctx.invoked_subcommand is not None:
        return
    from ...core.vocabulary import tag_rows

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
    from ...core.slugs import normalize
    from ...authoring.tagedit import plan
    from ...core.vocabulary import known_tags, read_vocabulary, vocabulary_path

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
    for edit in edits:
        edit.write()
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
@friendly_errors
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
@friendly_errors
def merge(root: Path, old: str, new: str) -> None:
    """Fold the tag OLD into the tag NEW in every interview and quote (a list that then
    holds NEW twice keeps it once)."""
    _edit_tags(root, old, new, merge=True)


if __name__ == "__main__":  # pragma: no cover
    run()
