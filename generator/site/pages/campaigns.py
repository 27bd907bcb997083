"""Campaign pages: /campaigns/ and /campaigns/<slug>/.

A campaign page is what sales opens before a webinar or a mailing: each cited quote shows
first its outward form (views.outward) with "Copy with attribution", then its clearance,
then, for an anonymous quote, who said it, marked as internal context; "Copy all" copies
every quote with its attribution in the campaign's order.
"""

from __future__ import annotations

from typing import Iterator

from ...views.outward import copy_all, outward, status_line
from ..page import Page, Searchable
from ..cache import Family
from ..context import Site
from .packs import summary


def build(site: Site) -> Iterator[Page]:
    journal, renderer = site.journal, site.renderer
    campaigns = journal.campaigns
    yield renderer.page("campaigns/index.md", "pages/campaigns.html.j2", title="Campaigns", in_nav=True,
                        campaigns=campaigns, campaigns_dir=journal.config.campaigns_dir)
    for campaign in campaigns:
        cites = [outward(q, site.today) for q in campaign.quotes]
        page = renderer.page(f"campaigns/{campaign.slug}.md", "pages/campaign.html.j2", title=campaign.name,
                             campaign=campaign, cites=cites, copy_all=copy_all(cites), status=status_line(cites),
                             renderer=renderer, today=site.today, pack=summary(site, campaign))
        page.search = Searchable({"title": campaign.name})  # found with the quotes it cites: they are what it says
        yield page


# Reused under `serve` while the journal's facts are unchanged: they hold each quote's clearance,
# consent and expiry, and the account attributes its descriptor reads; "today" and the campaign
# files are in the build's fingerprint.
FAMILY = Family("campaigns", build)
