"""A redirect at each old address of a moved interview (``moved_from``) to its page.

The redirect is a small HTML file, copied as it is by the site generator: no theme, not
in the nav, the search index or the sitemap. It keeps the ``#fragment`` of the address
(a quote's permalink) when scripts run, and works without them (meta refresh, and a link).
"""

from __future__ import annotations

from typing import Iterator
from urllib.parse import unquote

from markupsafe import escape

from ...core.model import Interview
from ..cache import Family
from ..context import Site
from ..page import Page
from ..render import rel_url
from .interviews import page_title

TEMPLATE = """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Moved: {title}</title>
<meta name="robots" content="noindex">
<link rel="canonical" href="{canonical}">
<script>location.replace({target_js} + location.hash)</script>
<meta http-equiv="refresh" content="0; url={target}">
</head>
<body>
<p>This interview moved to <a href="{target}">{title}</a>.</p>
</body>
</html>
"""


def redirect(site: Site, interview: Interview, old_url: str) -> Page:
    target = rel_url(old_url, interview.url)
    html = TEMPLATE.format(title=escape(page_title(interview)), canonical=escape(site.full_url(interview.url)),
                           target=escape(target), target_js=_js_string(target))
    return Page(unquote(old_url) + "index.html", html)


def _js_string(text: str) -> str:
    """A JavaScript string literal of a URL path (already percent-encoded: no quote or backslash)."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("<", "\\u003c") + '"'


def build(site: Site) -> Iterator[Page]:
    for interview in site.journal.interviews:
        for old_url in interview.old_urls:
            yield redirect(site, interview, old_url)


FAMILY = Family("redirects", build)
