"""`journal quotes`: cleared quotes in the terminal, each with the attribution to paste."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from ...core.load import build_date, load_journal
from ...core.model import Quote
from ...core.project import read_base_path, read_config
from ...views.attribution import attribution, byline, with_article
from ...views.export import absolute_url, export_records, library_order, to_csv, to_json
from ...views.quote_filter import QuoteFilter, select_quotes
from ...views.wording import plural
from .output import err_console, handle_errors


@click.command("quotes")
@click.option("--tag", help="Only quotes with this tag.")
@click.option("--customer", help="Only quotes from this account (name, alias or part of the name).")
@click.option("--relationship", help="Only quotes said as this relationship, e.g. prospect.")
@click.option("--search", help="Only quotes whose text or attribution holds all these words.")
@click.option("--format", "fmt", type=click.Choice(["text", "csv", "json", "markdown"]), default="text", show_default=True,
              help="text to read, markdown to paste into documents, csv for spreadsheets, json for programs.")
@click.pass_obj
@handle_errors
def quotes_command(root: Path, tag: str | None, customer: str | None, relationship: str | None, search: str | None,
                   fmt: str) -> None:
    """Find quotes cleared for use outside, each with the attribution to paste.

    Internal quotes and expired clearances are never listed; anonymous quotes are
    credited by role and industry only, exactly as in the site's quotes.csv.
    """
    config = read_config(root)
    today = build_date()
    journal, problems = load_journal(root, config, today=today)
    broken = {p.path for p in problems.errors}
    if broken:
        err_console.print(f"[yellow]note:[/] the journal has errors in {plural(len(broken), 'file')}; "
                          "quotes from interviews with errors are left out (run `journal check` to see them)")
    usable = [q for q in journal.quotes if q.interview.source not in broken]
    found = library_order(select_quotes(journal, usable, QuoteFilter(tag, customer, relationship, search), today))
    base = read_base_path(root)
    if fmt in ("csv", "json"):
        records = export_records(found, today, lambda url: absolute_url(base, url))
        click.echo(to_csv(records) if fmt == "csv" else to_json(records), nl=False)
    else:
        click.echo(format_quotes(found, today, markdown=fmt == "markdown"), nl=False)
    err_console.print(plural(len(found), "cleared quote") + ("" if found else " match; try fewer filters"))


def format_quotes(quotes: list[Quote], today: dt.date, *, markdown: bool) -> str:
    """Quotes for reading (text) or pasting into documents (markdown), each with its attribution."""
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
