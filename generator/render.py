"""Rendering: Jinja2 templates, Markdown notes, HTML sanitising, page links."""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable

import markdown
import nh3
from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from markupsafe import Markup, escape

from .attribution import descriptor, with_article
from .quotes import PLACEHOLDER
from .taxonomy import segment_url

TEMPLATES_DIR = Path(__file__).resolve().parent.parent / "templates"
DEFAULT_EXTENSIONS = ["tables", "fenced_code", "sane_lists", "attr_list", "admonition", "toc"]

_ATTRIBUTES: dict[str, set[str]] = {k: set(v) for k, v in nh3.ALLOWED_ATTRIBUTES.items()}
_ATTRIBUTES["*"] = {"id", "class", "title"}
_ATTRIBUTES.setdefault("img", set()).update({"src", "alt", "title"})


def _keep_attribute(tag: str, attr: str, value: str) -> str | None:
    # The site must work offline: no images fetched from outside at view time.
    if tag == "img" and attr == "src" and re.match(r"^\s*(https?:)?//", value, re.I):
        return None
    return value


def sanitize(html: str) -> str:
    """Allow ordinary formatting; drop scripts, event handlers and non-http(s)/mailto links."""
    return nh3.clean(html, tags=nh3.ALLOWED_TAGS, attributes=_ATTRIBUTES, url_schemes={"http", "https", "mailto"},
                     attribute_filter=_keep_attribute, link_rel="noopener noreferrer")


def rel_url(from_url: str, to_url: str) -> str:
    """Link from one directory-style page URL to another (both without a leading slash)."""
    depth = from_url.count("/")
    return "../" * depth + to_url if (depth or to_url) else "./"


@dataclass
class Page:
    """A generated file of the docs tree: a Markdown page or a data file."""

    path: str  # e.g. "interviews/2026/acme.md", "quotes/quotes.json"
    content: str
    title: str | None = None
    html: str | None = None  # body HTML of a Markdown page (plugin fast path)
    in_nav: bool = False

    @property
    def url(self) -> str:
        if not self.path.endswith(".md"):
            return self.path
        stem = self.path[:-3]
        if stem == "index" or stem.endswith("/index"):
            stem = stem[:-5].rstrip("/")
        return stem + "/" if stem else ""


class Renderer:
    """Holds the Jinja2 environment and a reusable Markdown converter."""

    def __init__(self, templates_dir: Path = TEMPLATES_DIR, extensions: list[Any] | None = None,
                 extension_configs: dict[str, Any] | None = None):
        self.env = Environment(
            loader=FileSystemLoader(str(templates_dir)), autoescape=select_autoescape(default=True, default_for_string=True),
            undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True,
        )
        self.env.filters["isodate"] = lambda d: d.isoformat() if isinstance(d, dt.date) else ""
        self.env.filters["longdate"] = lambda d: f"{d.day} {d:%b %Y}" if isinstance(d, dt.date) else ""
        self.env.filters["humanize"] = lambda s: str(s).replace("-", " ")
        self.env.globals["segment_url"] = segment_url
        self.env.globals["descriptor"] = descriptor
        self.env.filters["with_article"] = with_article
        self.env.filters["tojson_attr"] = lambda v: json.dumps(v, ensure_ascii=False, sort_keys=True)
        self._quotes: dict[str, Markup] = {}
        self._md = markdown.Markdown(extensions=extensions or DEFAULT_EXTENSIONS, extension_configs=extension_configs or {})

    def markdown(self, text: str) -> Markup:
        """Markdown notes to sanitised HTML."""
        self._md.reset()
        return Markup(sanitize(self._md.convert(text)))

    def quote_html(self, text: str) -> Markup:
        """A quote's text as sanitised HTML, converted once per build: every quote appears on its
        interview page and again in the library (and campaign, customer, insight pages)."""
        html = self._quotes.get(text)
        if html is None:
            html = self._quotes[text] = self.markdown(text)
        return html

    def template(self, name: str):
        return self.env.get_template(name)

    def page(self, path: str, template: str, *, title: str, in_nav: bool = False, **context: Any) -> Page:
        """Render ``template`` into a Markdown page whose body is HTML."""
        url = Page(path, "").url
        html = self.template(template).render(link=lambda target: rel_url(url, target), page_url=url, **context)
        return Page(path, markdown_page(title, html), title=str(escape(title)), html=html, in_nav=in_nav)

    def replace_quotes(self, html: str, rendered: Iterable[str]) -> Markup:
        """Put rendered quotes where the notes had placeholders."""
        html = str(html)  # Markup.replace would escape the quote HTML
        for n, quote_html in enumerate(rendered):
            html = html.replace(f"<p>{PLACEHOLDER.format(n)}</p>", quote_html, 1)
        return Markup(html)


def markdown_page(title: str, html: str) -> str:
    """A Markdown file whose front-matter holds the (escaped) title and whose body is HTML.

    Themes insert the title raw into <title> and the nav, so it is escaped here.
    JSON is valid YAML, which keeps the front-matter safe whatever the title holds.
    """
    meta = json.dumps(str(escape(title)), ensure_ascii=False)
    return f"---\ntitle: {meta}\n---\n\n<div class=\"journal\">\n{html.strip()}\n</div>\n"
