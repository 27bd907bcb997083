"""How a quote is credited when it is used: the one place that writes attribution strings.

The library's "Copy with attribution" button, the exports' ``attribution`` field and
`journal quotes` all use :func:`attribution`, so what sales paste is what the export says.

- public:    ``"text" — Jane Doe, VP Operations, Acme Logistics``
- anonymous: ``"text" — VP Operations at a logistics company`` (no name, no account)
- internal (or an expired clearance): the public form, labelled internal-only first,
  so whoever pastes it sees the label before anything else.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from ..core.model import Quote

INTERNAL_LABEL = "INTERNAL ONLY, not cleared for use outside"
_ACRONYM_VOWEL_SOUND = set("AEFHILMNORSX")  # letters whose names start with a vowel sound: "an HR firm"
_CONSONANT_SOUND = ("uni", "use", "usu", "uti", "ure", "euro", "one", "once")  # "a utilities company"
_VOWEL_SOUND = ("hour", "honest", "honor", "honour", "heir")  # "an hour"


@lru_cache(maxsize=4096)  # a few hundred phrases (relationships, industries), asked for on every quote
def with_article(phrase: str) -> str:
    """``phrase`` with "a" or "an" in front, by how it sounds: an insurance, a utility, an IT."""
    word = phrase.split()[0] if phrase.split() else ""
    letters = re.sub(r"[^A-Za-z]", "", word)
    if not letters:
        return f"a {phrase}"
    lowered = letters.lower()
    if letters.isupper():  # read letter by letter, a single capital too: "an S corporation"
        vowel = letters[0] in _ACRONYM_VOWEL_SOUND
    elif lowered.startswith(_VOWEL_SOUND):
        vowel = True
    elif lowered.startswith(_CONSONANT_SOUND):
        vowel = False
    else:
        vowel = lowered[0] in "aeiou"
    return f"{'an' if vowel else 'a'} {phrase}"


@lru_cache(maxsize=4096)
def _lower_words(text: str) -> str:
    """'Logistics' -> 'logistics', 'Health Care' -> 'health care', but 'SaaS', 'IT', 'eCommerce' stay."""
    return " ".join(w if any(c.isupper() for c in w[1:]) or w[:1].islower() else w.lower() for w in text.split())


def industry_of(quote: Quote) -> str | None:
    account = quote.interview.account
    value = account.attributes.get("industry") if account else None
    return value or quote.interview.meta.industry


def account_name(quote: Quote) -> str:
    account = quote.interview.account
    return account.name if account else quote.interview.meta.customer


def descriptor(quote: Quote) -> str:
    """Who said it, without saying who: 'VP Operations at a logistics company'.

    Falls back to the department ('Someone in Operations') and to 'a company'
    when the role or the account's industry is not known.
    """
    person = quote.speaker
    who = person.role or (f"Someone in {person.department}" if person.department else "Someone")
    industry = industry_of(quote)
    where = f"{with_article(_lower_words(industry))} company" if industry else "a company"
    return f"{who} at {where}"


def credit(quote: Quote) -> str:
    """The full credit line: 'Jane Doe, VP Operations, Acme Logistics'."""
    return ", ".join(part for part in (quote.speaker.name, quote.speaker.role, account_name(quote)) if part)


def internal_credit(quote: Quote) -> str:
    """Who said it, as the internal site names them: 'Jane Doe, VP Operations (Operations)'.
    Never for use outside when the quote is anonymous."""
    person = quote.speaker
    name = f"{person.name}, {person.role}" if person.role else person.name
    return f"{name} ({person.department})" if person.department else name


def byline(quote: Quote, today: dt.date) -> str:
    """What follows the dash: the credit, or the descriptor for an anonymous clearance."""
    return descriptor(quote) if quote.clearance_on(today) == "anonymous" else credit(quote)


def attribution(quote: Quote, today: dt.date) -> str:
    """The string to paste: '"text" — byline', labelled when the quote may not leave the company."""
    text = f"\"{' '.join(quote.text.split())}\" — {byline(quote, today)}"
    if quote.cleared_on(today):
        return text
    if quote.expired(today) and quote.expires:
        return f"[INTERNAL ONLY, clearance expired {quote.expires.isoformat()}] {text}"
    return f"[{INTERNAL_LABEL}] {text}"
