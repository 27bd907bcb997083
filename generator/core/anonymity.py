"""Anonymous quotes must not give away who said them or at which account.

An anonymous quote is credited by role and industry ('VP Operations at a logistics
company'), so its text and the speaker's role must name neither the speaker nor the
account (under any of its spellings: the interview's, the canonical name, aliases).
Nor may an id written for it: the id is in its card's file name and in the exports.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterable

from .model import Interview, Quote
from .problems import Problems
from .slugs import normalize


def named(text: str, names: Iterable[str]) -> str | None:
    """The first of ``names`` that ``text`` contains as whole words (case and spacing aside)."""
    folded = " ".join(text.split()).casefold()
    for name in names:
        wanted = " ".join(name.split()).casefold()
        if wanted and _whole_words(wanted).search(folded):
            return name
    return None


@lru_cache(maxsize=8192)
def _whole_words(wanted: str) -> re.Pattern[str]:
    """Compiled once per name: a journal has more names than the ``re`` module's cache holds."""
    return re.compile(r"(?<!\w)" + re.escape(wanted) + r"(?!\w)")


# Words of a name too common to give anyone away on their own ("Acme Logistics Group" -> acme, logistics).
_COMMON_NAME_WORDS = frozenset("the and for inc ltd llc plc gmbh corp company group holdings".split())


def name_words(names: Iterable[str]) -> list[str]:
    """The words of ``names`` that could identify on their own: three letters or more, not a company suffix."""
    words = (w for name in names for w in re.split(r"[^\w]+", name.casefold()))
    return sorted({w for w in words if len(w) >= 3 and w not in _COMMON_NAME_WORDS})


def _anonymous(interview: Interview) -> list[Quote]:
    return [q for q in interview.quotes if q.clearance == "anonymous"]


def check_quote_text(interview: Interview, problems: Problems) -> None:
    """Per file: the speaker's name and the customer as written in this file."""
    for q in _anonymous(interview):
        leaked = named(q.text, (q.speaker.name, interview.meta.customer))
        if leaked:
            problems.error(interview.source, q.line, f"this anonymous quote's text names '{leaked}', which anonymity must hide: reword it or clear it as internal", "quote")
        role_leak = named(q.speaker.role or "", (q.speaker.name, interview.meta.customer))
        if role_leak:
            problems.error(interview.source, q.line, f"this anonymous quote is credited by the speaker's role '{q.speaker.role}', which names '{role_leak}': shorten the role or clear the quote as internal", "quote")


def check_account_spellings(interviews: Iterable[Interview], problems: Problems) -> None:
    """Across files: the account's canonical name and aliases (known once accounts are merged)."""
    for interview in interviews:
        account = interview.account
        if account is None:
            continue
        others = [n for n in (account.name, *account.aliases) if normalize(n) != normalize(interview.meta.customer)]
        for q in _anonymous(interview):
            leaked = named(q.text, others) or named(q.speaker.role or "", others)
            if leaked:
                problems.error(interview.source, q.line, f"this anonymous quote names '{leaked}', a name of the account {account.name}, which anonymity must hide: reword it or clear it as internal", "quote")


def check_quote_ids(interviews: Iterable[Interview], problems: Problems) -> None:
    """An id written for an anonymous quote must not name its speaker or account, not even one word
    of them: 'acme-fewer-pages' would put Acme into the card's file name."""
    for interview in interviews:
        account = interview.account
        names = [interview.meta.customer, *((account.name, *account.aliases) if account else ())]
        for q in _anonymous(interview):
            if not q.explicit_id:
                continue  # generated ids are hashes
            parts = re.split(r"[-_]+", q.id)
            for name in (q.speaker.name, *names):
                word = named(" ".join(parts), [name, *name_words([name])])
                if word:
                    rest = "-".join(p for p in parts if p.casefold() not in {*name_words([name]), *word.casefold().split()})
                    what = f"'{name}'" if word == name else f"'{word}' (of '{name}')"
                    hint = f", e.g. to '{rest}'" if rest else ""
                    problems.error(interview.source, q.line, f"this anonymous quote's id '{q.id}' names {what}, which anonymity must hide (the id is in its card's file name and the exports): rename it{hint}", "quote")
                    break
