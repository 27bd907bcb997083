"""One page per interview: header card, notes, and quotes with permalinks."""

from __future__ import annotations

from typing import Iterator

from ..model import Interview
from ..render import Page, rel_url
from ..site import Site


def page_title(interview: Interview) -> str:
    return f"{interview.meta.customer} · {interview.date.isoformat()}"


def build(site: Site) -> Iterator[Page]:
    renderer = site.renderer
    quote_template = renderer.template("quote.html.j2")
    for interview in site.journal.interviews:
        url = interview.url
        link = lambda target, _url=url: rel_url(_url, target)
        notes = renderer.notes(interview, lambda q, _link=link: quote_template.render(
            q=q, link=_link, today=site.today, renderer=renderer, show_source=False))
        yield renderer.page(
            interview.page_path, "interview.html.j2", title=page_title(interview),
            i=interview, notes=notes, extra=site.extra, today=site.today,
        )

