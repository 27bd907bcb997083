"""Rendering: Jinja2 templates, Markdown notes, HTML sanitising, page links."""

from __future__ import annotations

import datetime as dt
import json
import re
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Iterable

import markdown
import nh3
from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from markupsafe import Markup, escape

from ..views.attribution import descriptor, internal_credit, with_article
from ..core.quote_syntax import QUOTE_END, QUOTE_START
from ..core.taxonomy import segment_url
from ..resources import TEMPLATES_DIR
from .page import Page, page_url

if TYPE_CHECKING:
    from ..core.model import Interview, Quote

_EMPTY_BLOCKQUOTE = re.compile(r"<blockquote>\s*</blockquote>")
DEFAULT_EXTENSIONS = ["tables", "fenced_code", "sane_lists", "attr_list", "admonition", "toc"]

_ATTRIBUTES: dict[str, set[str]] = {k: set(v) for k, v in nh3.ALLOWED_ATTRIBUTES.items()}
_ATTRIBUTES["*"] = {"id", "class", "title"}
_ATTRIBUTES.setdefault("img", set()).update({"src", "alt", "title"})


def _keep_attribute(tag: str, attr: str, value: str) -> str | None:
    # The site must work offline: no images fetched from outside at view time.
    if tag == "img" and attr == "src" and re.match(r"^\s*(https?:)?//", value, re.I):
        return None
    return value


def chip(link: Callable[[str], str], taxonomy: str, term: str, label: str | None = None, cls: str = "") -> Markup:
    """A term as a link to its segment page (a Python global: templates call it thousands of times)."""
    text = term if label is None else label
    return Markup(f'<a class="journal-chip {escape(cls)}" href="{escape(link(segment_url(taxonomy, term)))}">{escape(text)}</a>')


def chips(link: Callable[[str], str], taxonomy: str, terms: Iterable[str]) -> Markup:
    if link is root_link:  # a quote card's: the same wherever it is shown
        return Markup("").join(_root_chip(taxonomy, t) for t in terms)
    return Markup("").join(chip(link, taxonomy, t) for t in terms)


@lru_cache(maxsize=65536)  # the same few terms recur on every quote card (20,000 at 5,000 interviews)
def _root_chip(taxonomy: str, term: str) -> Markup:
    return chip(root_link, taxonomy, term)


@lru_cache(maxsize=8192)  # a few thousand days, on every quote card and library record
def longdate(day: dt.date | None) -> str:
    """'4 Mar 2026' (every date a journal shows in words)."""
    return f"{day.day} {day:%b %Y}" if isinstance(day, dt.date) else ""


def attribute_text(value: str) -> Markup:
    """``value`` escaped for an attribute, line breaks as ``&#10;``: a blank line in raw HTML would end
    the HTML block for a Markdown processor (pages written by `journal build-pages`)."""
    return Markup(str(escape(value)).replace("\n", "&#10;"))


def sanitize(html: str) -> str:
    """Allow ordinary formatting; drop scripts, event handlers and non-http(s)/mailto links."""
    return nh3.clean(html, tags=nh3.ALLOWED_TAGS, attributes=_ATTRIBUTES, url_schemes={"http", "https", "mailto"},
                     attribute_filter=_keep_attribute, link_rel="noopener noreferrer")


def rel_url(from_url: str, to_url: str) -> str:
    """Link from one directory-style page URL to another (both without a leading slash)."""
    depth = from_url.count("/")
    return "../" * depth + to_url if (depth or to_url) else "./"


# Stands for a page's "../" prefix in HTML rendered before its page is known (cards/quote_card).
# Escaped text cannot hold it: every '<' of text becomes '&lt;'.
LINK_ROOT = "<journal-root>"


def root_link(to_url: str) -> Markup:
    """A link (``to_url`` not empty) that ``relink`` makes relative to the page showing it: as rel_url gives."""
    return Markup(LINK_ROOT) + to_url


def relink(html: str, page_url: str) -> str:
    """``html`` with the ``root_link``s made relative to the page at ``page_url``."""
    return html.replace(LINK_ROOT, "../" * page_url.count("/"))


class Renderer:
    """Holds the Jinja2 environment and a reusable Markdown converter."""

    def __init__(self, templates_dir: Path = TEMPLATES_DIR, extensions: list[Any] | None = None,
                 extension_configs: dict[str, Any] | None = None, *, reload_templates: bool = False):
        # ``reload_templates``: look for edited templates at each use (a server); a build does not,
        # which spares a file check per template used (three per quote card).
        self.env = Environment(
            loader=FileSystemLoader(str(templates_dir)), autoescape=select_autoescape(default=True, default_for_string=True),
            undefined=StrictUndefined, auto_reload=reload_templates, trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True,
        )
        self.env.filters["isodate"] = lambda d: d.isoformat() if isinstance(d, dt.date) else ""
        self.env.filters["longdate"] = longdate
        self.env.filters["humanize"] = lambda s: str(s).replace("-", " ")
        self.env.globals.update(segment_url=segment_url, chip=chip, chips=chips, chip_fn=chip, chips_fn=chips)
        self.env.globals.update(descriptor=descriptor, internal_credit=internal_credit)
        self.env.filters["with_article"] = with_article
        self.env.filters["attribute_text"] = attribute_text
        self.env.filters["tojson_attr"] = lambda v: json.dumps(v, ensure_ascii=False, sort_keys=True)
        self._badges: dict[tuple, Markup] = {}
        self._md = markdown.Markdown(extensions=extensions or DEFAULT_EXTENSIONS, extension_configs=extension_configs or {})

    def markdown(self, text: str) -> Markup:
        """Markdown notes to sanitised HTML."""
        self._md.reset()
        return Markup(sanitize(self._md.convert(text)))

    def template(self, name: str):
        return self.env.get_template(name)

    def clearance_badge(self, quote: "Quote", today: dt.date) -> Markup:
        """The badge of ``quote``'s clearance on ``today``: every quote card and library record shows
        one, and it depends on the clearance and its expiry only, so each is rendered once per build."""
        key = (quote.clearance, quote.expires, today)
        badge = self._badges.get(key)
        if badge is None:
            badge = Markup(self.template("partials/clearance_badge.html.j2").render(q=quote, today=today).strip())
            if not self.env.auto_reload:  # a server shows an edited template at once
                self._badges[key] = badge
        return badge

    def quote_uses(self, quote: "Quote", link: Callable[[str], str]) -> Markup:
        """The insights and campaigns that use ``quote`` (most quotes: none, and nothing to render)."""
        if not (quote.evidence_for or quote.cited_in):
            return Markup("")
        return Markup(self.template("partials/quote_uses.html.j2").render(q=quote, link=link))

    def page(self, path: str, template: str, *, title: str, in_nav: bool = False, meta: dict[str, Any] | None = None,
             **context: Any) -> Page:
        """Render ``template`` into a Markdown page whose body is HTML."""
        url = page_url(path)
        html = self.template(template).render(link=lambda target: rel_url(url, target), page_url=url, **context)
        return Page(path, title=title, html=relink(html, url), meta=meta, in_nav=in_nav)

    def notes(self, interview: "Interview", render_quote: Callable[["Quote", Markup], str]) -> Markup:
        """An interview's notes as HTML; ``render_quote(quote, text_html)`` renders each quote in place."""
        html = str(self.markdown(interview.body))
        for n, quote in enumerate(interview.quotes):
            start_tag, end_tag = f"<p>{QUOTE_START.format(n)}</p>", f"<p>{QUOTE_END.format(n)}</p>"
            start = html.find(start_tag)
            end = html.find(end_tag, start)
            if start < 0 or end < 0:  # cannot happen for parsed quotes; keep the text
                continue
            text_html = Markup(html[start + len(start_tag) : end].strip())
            html = f"{html[:start]}</blockquote>\n{render_quote(quote, text_html)}\n<blockquote>{html[end + len(end_tag):]}"
        return Markup(_EMPTY_BLOCKQUOTE.sub("", html))

    @staticmethod
    def quote_html(quote: "Quote") -> Markup:
        """A quote's text for pages other than its interview: escaped, with inline emphasis and code.

        Cheap enough for a library of 20,000 quotes, and the same whichever
        process renders the interview pages.
        """
        return inline_html(quote.text)


_INLINE = [
    (re.compile(r"`([^`]+)`"), r"<code>\1</code>"),
    (re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*"), r"<strong>\1</strong>"),
    (re.compile(r"(?<![\w*])\*(?=\S)(.+?)(?<=\S)\*(?![\w*])"), r"<em>\1</em>"),
    (re.compile(r"(?<![\w_])_(?=\S)(.+?)(?<=\S)_(?![\w_])"), r"<em>\1</em>"),
]


def inline_html(text: str) -> Markup:
    """Escaped text with Markdown's inline emphasis and code; adds no other markup."""
    out = str(escape(text))
    for pattern, replacement in _INLINE:
        out = pattern.sub(replacement, out)
    return Markup(f"<p>{out}</p>")
