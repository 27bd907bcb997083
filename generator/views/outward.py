"""A quote as sales may use it outside, and for how long: what campaign and insight pages show first.

The outward form is the text and the attribution of :mod:`.attribution` (exactly the export's
``attribution``): an anonymous quote's is its descriptor, never the speaker's name or account,
which the pages show apart, marked as internal context. The copy buttons put only
``attribution`` (or :func:`copy_all`'s join of them) on the clipboard.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Iterable

from ..core.frontmatter import CLEARED
from ..core.model import EXPIRY_NOTICE_DAYS, Quote
from .attribution import attribution, byline
from .wording import plural

# Between two quotes of "Copy all": a blank line, so each is its own paragraph in a slide or a mail.
COPY_ALL_SEPARATOR = "\n\n"


@dataclass(frozen=True)
class Outward:
    """One quote's outward form and clearance, as of ``today``."""

    quote: Quote
    clearance: str  # in force: public, anonymous, or internal (also when expired)
    byline: str  # what follows the dash: the full credit, or the anonymous descriptor
    attribution: str  # what "Copy with attribution" copies
    days_left: int | None  # until the clearance lapses (0: today is its last day); None: no expiry date
    expires_soon: bool  # within EXPIRY_NOTICE_DAYS, the rule of `journal check`

    @property
    def cleared(self) -> bool:
        return self.clearance in CLEARED

    @property
    def warning(self) -> str:
        """'Clearance ends in 12 days: renew the consent or stop using it', or '' when it does not end soon."""
        if not self.expires_soon or self.days_left is None:
            return ""
        when = "today" if self.days_left == 0 else f"in {plural(self.days_left, 'day')}"
        return f"Clearance ends {when}: renew the consent or stop using it"


def outward(quote: Quote, today: dt.date) -> Outward:
    expires = quote.expires
    return Outward(
        quote=quote,
        clearance=quote.clearance_on(today),
        byline=byline(quote, today),
        attribution=attribution(quote, today),
        days_left=(expires - today).days if expires is not None and not quote.expired(today) else None,
        expires_soon=quote.cleared_on(today) and quote.expires_soon(today),
    )


def copy_all(items: Iterable[Outward]) -> str:
    """Every cleared quote's attribution, in the given order, a blank line between them."""
    return COPY_ALL_SEPARATOR.join(o.attribution for o in items if o.cleared)


def status_line(items: list[Outward]) -> str:
    """A campaign's clearance at a glance: 'All 4 quotes cleared until 2027-03-01' (the earliest
    expiry), 'All 4 quotes cleared, none expires', and how many lapse within the notice period."""
    n = len(items)
    if not n:
        return "No quotes cited"
    cleared = [o for o in items if o.cleared]
    if len(cleared) < n:
        return f"{len(cleared)} of {plural(n, 'quote')} cleared: do not use the others outside"
    who = {1: "1 quote", 2: "Both quotes"}.get(n, f"All {n} quotes")
    ends = [o.quote.expires for o in cleared if o.quote.expires is not None]
    line = f"{who} cleared until {min(ends).isoformat()}" if ends else f"{who} cleared, {'it does not expire' if n == 1 else 'none expires'}"
    soon = sum(o.expires_soon for o in cleared)
    if soon:
        line += f"; {soon} {'expires' if soon == 1 else 'expire'} within {EXPIRY_NOTICE_DAYS} days: renew the consent"
    return line
