"""The Atom feed /feed.xml of new interviews and cleared quotes (issue 6).

Deterministic: every date comes from the notes, never from the clock; entry ids
are name-based UUIDs of stable addresses. Links carry the host when mkdocs.yml
has a site_url, and are root-relative paths otherwise. Confidential files are not
in the model; internal and expired quotes are left out; a quote's content is the export's
attribution, so an anonymous one carries its descriptor only: no name, no account and no
interview or account link.
"""

from __future__ import annotations

import datetime as dt
import re
import uuid
import xml.etree.ElementTree as ET
from typing import Iterator

from ...views.attribution import attribution
from ...core.model import Interview, Quote
from ..page import Page
from ..cache import Family
from ..context import Site

ATOM = "http://www.w3.org/2005/Atom"
MAX_ENTRIES = 100
TITLE_CHARS = 90
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _text(value: str) -> str:
    """Characters XML 1.0 cannot hold (control characters) are dropped."""
    return _NOT_XML.sub("", value)


def _stamp(date: dt.date) -> str:
    return f"{date.isoformat()}T00:00:00Z"


def _id(kind: str, key: str) -> str:
    return "urn:uuid:" + str(uuid.uuid5(uuid.NAMESPACE_URL, f"journal:{kind}:{key}"))


def _add(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    element = ET.SubElement(parent, tag, {k: _text(v) for k, v in attrs.items()})
    if text is not None:
        element.text = _text(text)
    return element


def _short(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= TITLE_CHARS else flat[: TITLE_CHARS - 1].rsplit(" ", 1)[0] + "…"


def interview_entry(site: Site, interview: Interview) -> ET.Element:
    m = interview.meta
    entry = ET.Element("entry")
    name = interview.account.name if interview.account else m.customer
    _add(entry, "id", _id("interview", interview.url))
    _add(entry, "title", f"{name} · {m.relationship.replace('-', ' ')} · {interview.date.isoformat()}")
    _add(entry, "link", rel="alternate", type="text/html", href=site.full_url(interview.url))
    _add(entry, "published", _stamp(interview.date))
    _add(entry, "updated", _stamp(interview.date))
    for who in m.interviewers:
        _add(_add(entry, "author"), "name", who.name)
    for tag in m.tags:
        _add(entry, "category", term=tag)
    if m.summary:
        _add(entry, "summary", m.summary, type="text")
    return entry


def quote_entry(site: Site, q: Quote) -> ET.Element:
    clearance = q.clearance_on(site.today)
    entry = ET.Element("entry")
    # Anonymous quotes link into the quotes library, never to the interview or account page.
    url = f"{q.interview.url}#{q.id}" if clearance == "public" else f"quotes/#{q.id}"
    _add(entry, "id", _id("quote", q.id))
    _add(entry, "title", f"“{_short(q.text)}”")
    _add(entry, "link", rel="alternate", type="text/html", href=site.full_url(url))
    _add(entry, "published", _stamp(q.interview.date))
    _add(entry, "updated", _stamp(q.interview.date))
    _add(entry, "category", term=clearance)
    for tag in q.tags:
        _add(entry, "category", term=tag)
    _add(entry, "content", attribution(q, site.today), type="text")  # exactly the export's
    return entry


def feed_xml(site: Site) -> str:
    journal, today = site.journal, site.today
    # Newest conversation first, each followed by its cleared quotes; only those shown are built.
    picked: list[Interview | Quote] = []
    for interview in reversed(journal.interviews):
        if len(picked) >= MAX_ENTRIES:
            break
        if interview.date <= today:
            picked += [interview, *(q for q in interview.quotes if q.cleared_on(today))]
    picked = picked[:MAX_ENTRIES]
    entries = [interview_entry(site, x) if isinstance(x, Interview) else quote_entry(site, x) for x in picked]
    newest = max((x.date if isinstance(x, Interview) else x.interview.date for x in picked), default=None)

    feed = ET.Element("feed", xmlns=ATOM)
    _add(feed, "id", _id("feed", site.full_url("")))
    _add(feed, "title", "Research journal: new interviews and cleared quotes")
    _add(feed, "link", rel="self", type="application/atom+xml", href=site.full_url("feed.xml"))
    _add(feed, "link", rel="alternate", type="text/html", href=site.full_url(""))
    _add(feed, "updated", _stamp(newest or dt.date(1970, 1, 1)))
    _add(_add(feed, "author"), "name", "Research journal")
    _add(feed, "generator", "journal")
    feed.extend(entries)
    ET.indent(feed)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(feed, encoding="unicode") + "\n"


def build(site: Site) -> Iterator[Page]:
    yield Page("feed.xml", feed_xml(site))


FAMILY = Family("feed", build)
