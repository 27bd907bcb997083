"""Campaigns that cite quotes: campaigns/*.yml (spec section 6).

A campaign promises its audience that each cited quote is still cleared and still
says what was cited. Every load checks that promise; a broken one is an error in
the campaign file, related to the interview, so `journal check` on either shows it.
"""

from __future__ import annotations

import difflib
import datetime as dt
from pathlib import Path

from .model import Campaign, Citation, Journal, Quote
from .fields import Unique, check_keys, page_files, text_at
from .problems import Problems, suggest
from .yamlfile import Located, field_path, type_word, read_yaml_file

CAMPAIGN_FIELDS = ("name", "owner", "summary", "date", "cites")
REQUIRED_FIELDS = ("name", "cites")
CITE_FIELDS = ("id", "text")


def load_campaigns(root: Path, journal: Journal, problems: Problems) -> None:
    """Read and validate campaigns into ``journal.campaigns``; mark each cited quote's ``cited_in``."""
    for quote in journal.quotes:
        quote.cited_in = []  # parsed quotes are cached across `mkdocs serve` rebuilds
    campaigns: list[Campaign] = []
    unique = Unique(lambda slug: f"campaigns/{slug}/")
    for path, source, slug in page_files(root, journal.config.campaigns_dir, ".yml", "campaign", problems, misnamed=(".yaml",)):
        campaign = read_campaign(path, source, slug, problems)
        if campaign is not None and unique.claim(slug, source, problems):
            campaigns.append(campaign)
            check_citations(campaign, journal, problems)
    journal.campaigns = sorted(campaigns, key=lambda c: (c.name.casefold(), c.slug))
    for campaign in journal.campaigns:
        for quote in dict.fromkeys(campaign.quotes):
            quote.cited_in.append(campaign)


def read_campaign(path: Path, source: str, slug: str, problems: Problems) -> Campaign | None:
    """Parse and validate one campaign file; None when it cannot be used."""
    doc = read_yaml_file(path, source, problems)
    if doc is None:
        return None
    if not isinstance(doc.value, dict):
        problems.error(source, 1, "a campaign needs 'name:' and 'cites:' lines, e.g. name: Spring webinar")
        return None
    before = len(problems)
    data = doc.value
    check_keys(doc, (), CAMPAIGN_FIELDS, REQUIRED_FIELDS, source, problems, f"fields: {', '.join(CAMPAIGN_FIELDS)}")
    name, owner, summary = (text_at(doc, (key,), source, problems) for key in ("name", "owner", "summary"))
    date = data.get("date")
    if date is not None and (not isinstance(date, dt.date) or isinstance(date, dt.datetime)):
        problems.error(source, doc.line(("date",)), f"expected a date like 2026-03-04, got {type_word(date)}", "date")
        date = None
    cites = _citations(doc, source, problems)
    if len(problems) != before or name is None:
        return None
    return Campaign(slug, source, name, owner, summary, date, cites)


def _citations(doc: Located, source: str, problems: Problems) -> list[Citation]:
    cites = doc.value.get("cites")
    if cites is None:
        return []
    if not isinstance(cites, list) or not cites:
        problems.error(source, doc.line(("cites",)), "expected a list of quotes, each '- id: …' with its 'text: …'", "cites")
        return []
    out: list[Citation] = []
    seen: dict[str, int] = {}
    for n, entry in enumerate(cites):
        where = ("cites", n)
        if not isinstance(entry, dict):
            problems.error(source, doc.line(where), f"expected '- id: …' and 'text: …' lines, got {type_word(entry)}", field_path(where))
            continue
        check_keys(doc, where, CITE_FIELDS, CITE_FIELDS, source, problems, "a cited quote has id and text",
                   {"text": " (the quote's text as cited, so the build notices when it changes)"})
        quote_id, text = text_at(doc, where + ("id",), source, problems), text_at(doc, where + ("text",), source, problems)
        if quote_id is None or text is None:
            continue
        line = doc.line(where + ("id",))
        if quote_id in seen:
            problems.error(source, line, f"the quote '{quote_id}' is already cited on line {seen[quote_id]}", field_path(where + ("id",)))
            continue
        seen[quote_id] = line
        out.append(Citation(quote_id, text, line))
    return out


def check_citations(campaign: Campaign, journal: Journal, problems: Problems) -> None:
    """Each cited quote must exist, be cleared today, and still say what was cited."""
    today = journal.today
    for n, cite in enumerate(campaign.cites):
        at = f"cites[{n}].id"
        quote = journal.quote(cite.id)
        if quote is None:
            # `related` (never shown) lets `journal check <interview>`, e.g. the pre-commit hook, report it.
            if cite.id in journal.confidential_quote_ids:
                problems.error(campaign.source, cite.line, f"the quote '{cite.id}' is no longer cleared: its interview is now confidential; remove it from the campaign", at,
                               [journal.confidential_quote_ids[cite.id]])
            elif held := journal.held_quote(cite.id):
                problems.error(campaign.source, cite.line, f"the quote '{cite.id}' cannot be checked: {held}", at,
                               [journal.held_quote_ids[cite.id]])
            else:
                near = _nearest(journal, cite)
                problems.error(campaign.source, cite.line, f"the quote '{cite.id}' no longer exists{suggest(cite.id, journal.quotes_by_id)}; remove it from the campaign or restore the quote", at,
                               [near.interview.source] if near else [])
            continue
        cite.quote = quote
        where = f"{quote.interview.source}:{quote.line}"
        related = [quote.interview.source]
        if quote.expired(today) and quote.expires:
            problems.error(campaign.source, cite.line, f"the quote '{cite.id}' is no longer cleared: its {quote.clearance} clearance expired on {quote.expires.isoformat()} ({where}); renew the consent or remove it from the campaign", at, related)
        elif not quote.cleared_on(today):
            problems.error(campaign.source, cite.line, f"the quote '{cite.id}' is no longer cleared: it is now internal ({where}); clear it again or remove it from the campaign", at, related)
        if " ".join(cite.text.split()) != " ".join(quote.text.split()):
            problems.error(campaign.source, cite.line, f"the quote '{cite.id}' no longer says what the campaign cites ({where}). {side_by_side(cite.text, quote.text)}. If the new text is fine, copy it into the campaign", f"cites[{n}].text", related)


def _nearest(journal: Journal, cite: Citation) -> Quote | None:
    """The quote a missing citation most likely became: one with the same text, else the closest id."""
    text = " ".join(cite.text.split())
    same = next((q for q in journal.quotes if " ".join(q.text.split()) == text), None)
    close = difflib.get_close_matches(cite.id, list(journal.quotes_by_id), n=1, cutoff=0.6)
    return same or (journal.quote(close[0]) if close else None)


def side_by_side(cited: str, now: str) -> str:
    """'cited: "…" | now: "…" (changed: 'half' → 'a third')' on one line, for one-line messages.

    The change is the words between the longest common beginning and ending.
    """
    old, new = cited.split(), now.split()
    start = 0
    while start < min(len(old), len(new)) and old[start] == new[start]:
        start += 1
    end = 0
    while end < min(len(old), len(new)) - start and old[-1 - end] == new[-1 - end]:
        end += 1
    gone, came = " ".join(old[start:len(old) - end]), " ".join(new[start:len(new) - end])
    change = f"'{gone}' → '{came}'" if gone and came else (f"'{gone}' removed" if gone else f"'{came}' added")
    return f"cited: \"{' '.join(old)}\" | now: \"{' '.join(new)}\" (changed: {change})"
