"""The dashboard at /: coverage of the big four, interviews per month, who talks to
customers, channels, stale accounts, recent interviews and tag trends."""

from __future__ import annotations

from typing import Iterator

from ...views import dashboard
from ..chart import series_colors, stacked_months
from ..page import Page
from ..cache import Family
from ..context import Site

RECENT = 10
STALE_SHOWN = 10  # the rest fold into a <details>


def build(site: Site) -> Iterator[Page]:
    journal = site.journal
    months = dashboard.months(journal)
    relationships = list(journal.config.relationships)
    chart = None
    if months:
        span = f"{months[0].start:%B %Y} to {months[-1].start:%B %Y}"
        chart = stacked_months(
            months, relationships, title="Interviews per month, stacked by relationship",
            desc=f"{len(journal.interviews)} interviews from {span}; the table under the chart lists the numbers.")
    used = {r for m in months for r in m.counts}
    yield site.renderer.page(
        "index.md", "pages/home.html.j2", title="Research journal", in_nav=True,
        journal=journal, today=site.today, coverage=dashboard.coverage(journal), chart=chart, months=months,
        series=[r for r in relationships if r in used or r in journal.config.big_four], heard=used, colors=series_colors(relationships),
        who=dashboard.who_talks(journal), channels=dashboard.channels(journal),
        stale=dashboard.stale_accounts(journal), stale_insights=dashboard.stale_insights(journal), stale_shown=STALE_SHOWN, stale_days=journal.config.stale_days,
        recent=dashboard.recent_interviews(journal, RECENT), trends=dashboard.tag_trends(journal),
        recent_days=dashboard.RECENT_DAYS, not_given=dashboard.NOT_GIVEN,
    )


FAMILY = Family("home", build)
