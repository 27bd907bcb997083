"""The theme's site navigation, rendered once per place for the pages outside it.

Material renders the whole navigation into every page. For a page that is not in the
navigation (every interview, account and segment page) nothing of it depends on the
page but the relative links, which depend only on how deep the page is and on the first
folders of its address (as many as the deepest link of the navigation has): so it is
rendered once per such place and reused, byte for byte what the theme gives.
At 5,000 interviews that is a sixth of MkDocs' own time. Themes that put the page's own
table of contents into the navigation (Material's ``toc.integrate``) are left alone.
"""

from __future__ import annotations

from typing import Any, Callable, Iterable, Iterator

from jinja2 import Environment, TemplateNotFound

NAV_TEMPLATE = "partials/nav.html"  # Material's sidebar navigation


def nav_depth(items: Iterable[Any]) -> int:
    """How many folders the deepest link of the navigation ``items`` has (MkDocs' nav.items)."""
    depth = 0
    for item in items:
        url = getattr(item, "url", None) or ""
        depth = max(depth, len([part for part in url.split("/") if part]), nav_depth(getattr(item, "children", None) or ()))
    return depth


def cache_outside_pages(env: Environment, outside: Callable[[Any], bool], depth: int, features: list[str]) -> bool:
    """Make ``env``'s navigation template reuse its output for pages where ``outside(page)``;
    ``depth``: what ``nav_depth`` gives for the navigation.

    False when the theme has no such template or renders the page's own contents in it."""
    if "toc.integrate" in features:
        return False
    try:
        template = env.get_template(NAV_TEMPLATE)
    except TemplateNotFound:
        return False
    render = template.root_render_func
    rendered: dict[tuple[str, tuple[str, ...]], str] = {}

    def cached(context: Any) -> Iterator[str]:
        page = context.get("page")
        if page is None or not outside(page):
            yield from render(context)
            return
        key = (context.get("base_url", ""), tuple(page.url.split("/")[:depth]))
        html = rendered.get(key)
        if html is None:
            html = rendered[key] = "".join(render(context))
        yield html

    template.root_render_func = cached  # type: ignore[method-assign]
    return True
