"""`journal quotes`: cleared quotes in the terminal, each with the attribution to paste; with
``--campaign`` the quotes a campaign cites, and with ``--cards`` its pack written to a folder."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from ...core.load import build_date, load_journal
from ...core.model import Campaign, Journal, Quote
from ...core.problems import Problems, suggest
from ...core.project import read_base_path, read_config
from ...errors import FilterError
from ...site.cardimage.pack import pack_members
from ...site.cardimage.store import CardImages
from ...views.attribution import attribution, byline, with_article
from ...views.export import Absolute, absolute_url, export_records, library_order, to_csv, to_json
from ...views.quote_filter import QuoteFilter, select_quotes
from ...views.wording import plural
from .output import err_console, handle_errors


@click.command("quotes")
@click.option("--tag", help="Only quotes with this tag.")
@click.option("--customer", help="Only quotes from this account (name, alias or part of the name).")
@click.option("--relationship", help="Only quotes said as this relationship, e.g. prospect.")
@click.option("--search", help="Only quotes whose text or attribution holds all these words.")
@click.option("--campaign", help="Only the quotes this campaign cites (its file name without .yml).")
@click.option("--cards", "cards_dir", type=click.Path(file_okay=False, path_type=Path),
              help="With --campaign: write its pack here, as the site's zip holds it (<campaign>/quotes.csv, <campaign>/cards/*.png).")
@click.option("--format", "fmt", type=click.Choice(["text", "csv", "json", "markdown"]), default="text", show_default=True,
              help="text to read, markdown to paste into documents, csv for spreadsheets, json for programs.")
@click.pass_obj
@handle_errors
def quotes_command(root: Path, tag: str | None, customer: str | None, relationship: str | None, search: str | None,
                   campaign: str | None, cards_dir: Path | None, fmt: str) -> None:
    """Find quotes cleared for use outside, each with the attribution to paste.

    Internal quotes and expired clearances are never listed; anonymous quotes are
    credited by role and industry only, exactly as in the site's quotes.csv.
    """
    if cards_dir is not None and campaign is None:
        raise click.UsageError("--cards writes a campaign's pack: name the campaign with --campaign")
    config = read_config(root)
    today = build_date()
    journal, problems = load_journal(root, config, today=today)
    broken = {p.path for p in problems.errors}
    if broken:
        err_console.print(f"[yellow]note:[/] the journal has errors in {plural(len(broken), 'file')}; "
                          "quotes from interviews with errors are left out (run `journal check` to see them)")
    usable = [q for q in journal.quotes if q.interview.source not in broken]
    cited = find_campaign(journal, campaign, problems) if campaign else None
    if cited is not None:
        usable = [q for q in usable if q in cited.quotes]
    found = library_order(select_quotes(journal, usable, QuoteFilter(tag, customer, relationship, search), today))
    base = read_base_path(root)
    if cited is not None and cards_dir is not None:
        write_pack(CardImages(journal), cited, cards_dir, lambda url: absolute_url(base, url))
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


def find_campaign(journal: Journal, slug: str, problems: Problems) -> Campaign:
    """The campaign ``slug`` names; FilterError when there is none, or it has errors (its pack would not hold)."""
    source = f"{journal.config.campaigns_dir}/{slug}.yml"
    if any(p.path == source for p in problems.errors):
        raise FilterError(f"the campaign '{slug}' has errors; run `journal check {source}` and fix them first")
    campaign = next((c for c in journal.campaigns if c.slug == slug), None)
    if campaign is None:
        raise FilterError(f"no campaign is called '{slug}'{suggest(slug, [c.slug for c in journal.campaigns])}")
    return campaign


def write_pack(cards: CardImages, campaign: Campaign, folder: Path, absolute: Absolute) -> None:
    """The campaign's pack as files under ``folder``: what its zip on the site holds."""
    cards.make_missing()
    members = pack_members(cards, campaign, absolute)
    for name, data in members.items():
        target = folder / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    made = sum(name.endswith(".png") for name in members)
    err_console.print(f"wrote {plural(made, 'card')} and quotes.csv to {folder / campaign.slug}")
