"""One page per interview: header card, notes, and quotes with permalinks."""

from __future__ import annotations

from typing import Iterator

from markupsafe import Markup, escape

from ...core.githistory import FileHistory
from ...core.model import Interview
from ..page import Page, Searchable
from ..render import longdate, rel_url
from ...core.segments import segment_index, taxonomy_label
from ..cache import Cached, Family
from ..context import Site


def page_title(interview: Interview) -> str:
    return f"{interview.meta.customer} · {interview.date.isoformat()}"


def build(site: Site) -> Iterator[Page]:
    for interview in site.journal.interviews:
        yield PAGES.get(site, interview)


def file_history(site: Site, interview: Interview) -> FileHistory | None:
    """The interview's git history (last edited, authors), when the build has one."""
    return site.history.get(interview.source)


def history_cut_off(site: Site) -> bool:
    """Is the build's git history cut off (a shallow clone)? Then pages say "last edited: unknown"."""
    return bool(getattr(site.history, "cut_off", False))


def tag_labels(site: Site, interview: Interview) -> list[str]:
    """The labels of the note's tags and its quotes' (each tag's most common spelling in the journal)."""
    index = segment_index(site.journal)
    written = [*interview.meta.tags, *(t for q in interview.quotes for t in q.tags)]
    return sorted({(term.label if (term := index.term("tag", t)) else t) for t in written})


def inputs(site: Site, interview: Interview) -> tuple:
    """The whole text of the note, its account's name, its git history, and (for search) its tags' labels."""
    account = interview.account
    return (interview.digest, account.slug if account else "", account.name if account else "",
            repr(file_history(site, interview)), history_cut_off(site), tuple(tag_labels(site, interview)))


def render(site: Site, interview: Interview) -> Page:
    renderer = site.renderer
    quote_template = renderer.template("partials/quote.html.j2")
    link = lambda target: rel_url(interview.url, target)  # noqa: E731
    notes = renderer.notes(interview, lambda q, text_html: quote_template.render(
        q=q, text_html=text_html, link=link, today=site.today, renderer=renderer, show_source=False))
    taxonomies = [(name, taxonomy_label(name)) for name in site.journal.config.taxonomies]  # configured lists
    page = renderer.page(interview.page_path, "pages/interview.html.j2", title=page_title(interview),
                         i=interview, notes=notes, today=site.today, taxonomies=taxonomies,
                         history=file_history(site, interview), history_unknown=history_cut_off(site))
    page.search_html = search_html(interview, notes)
    page.search = searchable(site, interview)
    return page


def searchable(site: Site, interview: Interview) -> Searchable:
    """Search shows a hit's date, account and relationship, and narrows by relationship, account, tag and year."""
    m = interview.meta
    account = interview.account.name if interview.account else m.customer
    relationship = m.relationship.replace("-", " ")
    return Searchable(
        meta={"title": page_title(interview), "date": longdate(interview.date),
              "account": account, "relationship": relationship},
        filters={"relationship": [relationship], "account": [account], "tag": tag_labels(site, interview),
                 "year": [str(interview.date.year)]})


def search_html(interview: Interview, notes: Markup) -> str:
    """What the search index reads: the title, who was there, the summary and the notes.

    The full page's card markup would multiply the indexer's work for no better hits.
    """
    m = interview.meta
    people = "; ".join(", ".join(filter(None, (p.name, p.role, p.department))) for p in m.people)
    facts = " · ".join(filter(None, (m.relationship, m.channel, ", ".join(m.tags), ", ".join(m.products), ", ".join(m.competitors))))
    return (f"<h1>{escape(page_title(interview))}</h1><p>{escape(people)}</p><p>{escape(facts)}</p>"
            f"<p>{escape(m.summary or '')}</p>{notes}")


PAGES: Cached[Interview, Page] = Cached("interviews", lambda i: i.source, inputs, render)
FAMILY = Family("interviews", build, whole=None)
