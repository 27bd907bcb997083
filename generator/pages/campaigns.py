"""Campaign pages: /campaigns/ and /campaigns/<slug>/, each cited quote with its permalink."""

from __future__ import annotations

from typing import Iterator

from markupsafe import Markup

from ..render import Page, rel_url
from ..site import Site


def build(site: Site) -> Iterator[Page]:
    journal, renderer = site.journal, site.renderer
    campaigns = journal.campaigns
    yield renderer.page("campaigns/index.md", "campaigns.html.j2", title="Campaigns", in_nav=True,
                        campaigns=campaigns, campaigns_dir=journal.config.campaigns_dir)
    template = renderer.template("quote.html.j2")
    for campaign in campaigns:
        link = lambda target, _url=campaign.url: rel_url(_url, target)  # noqa: E731
        quotes = [Markup(template.render(q=q, link=link, today=site.today, renderer=renderer, show_source=True))
                  for q in campaign.quotes]
        yield renderer.page(f"campaigns/{campaign.slug}.md", "campaign.html.j2", title=campaign.name,
                            campaign=campaign, quotes=quotes)
