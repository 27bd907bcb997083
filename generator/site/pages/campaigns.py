"""Campaign pages: /campaigns/ and /campaigns/<slug>/, each cited quote with its permalink."""

from __future__ import annotations

from typing import Iterator

from ..cards import quote_card
from ..page import Page
from ..cache import Family
from ..context import Site
from .packs import summary


def build(site: Site) -> Iterator[Page]:
    journal, renderer = site.journal, site.renderer
    campaigns = journal.campaigns
    yield renderer.page("campaigns/index.md", "pages/campaigns.html.j2", title="Campaigns", in_nav=True,
                        campaigns=campaigns, campaigns_dir=journal.config.campaigns_dir)
    for campaign in campaigns:
        quotes = [quote_card(site, q) for q in campaign.quotes]
        yield renderer.page(f"campaigns/{campaign.slug}.md", "pages/campaign.html.j2", title=campaign.name,
                            campaign=campaign, quotes=quotes, pack=summary(site, campaign))


FAMILY = Family("campaigns", build)
