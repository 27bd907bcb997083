"""generator.adapters.mkdocs.navcache: the theme's navigation rendered once per place for pages outside it."""

from __future__ import annotations

from types import SimpleNamespace

from jinja2 import DictLoader, Environment

from generator.adapters.mkdocs.navcache import cache_outside_pages, nav_depth

NAV = "{{ base_url }} {{ page.url }} {{ count() }}"


def env_counting() -> tuple[Environment, list[int]]:
    calls: list[int] = []
    env = Environment(loader=DictLoader({"partials/nav.html": NAV, "page.html": "[{% include 'partials/nav.html' %}]"}))
    env.globals["count"] = lambda: calls.append(1) or len(calls)
    return env, calls


def render(env: Environment, url: str, base_url: str) -> str:
    return env.get_template("page.html").render(page=SimpleNamespace(url=url), base_url=base_url)


def test_pages_outside_the_navigation_at_one_place_share_its_rendering() -> None:
    env, calls = env_counting()
    assert cache_outside_pages(env, lambda page: page.url.startswith("interviews/"), 1, [])
    first = render(env, "interviews/2026/a/", "../../..")
    assert first == "[../../.. interviews/2026/a/ 1]"
    assert render(env, "interviews/2025/b/", "../../..") == first  # not rendered again
    assert len(calls) == 1


def test_each_place_and_every_page_in_the_navigation_get_their_own() -> None:
    env, calls = env_counting()
    assert cache_outside_pages(env, lambda page: not page.url.startswith("about"), 1, [])
    assert render(env, "interviews/2026/a/", "../../..") == "[../../.. interviews/2026/a/ 1]"
    # as deep, under another folder: links into that folder differ (segments/x/y/ links to segments/ as ../../)
    assert render(env, "segments/tag/pricing/", "../../..") == "[../../.. segments/tag/pricing/ 2]"
    assert render(env, "customers/acme/", "../..") == "[../.. customers/acme/ 3]"
    assert render(env, "about/", "..") == "[.. about/ 4]"
    assert render(env, "about/", "..") == "[.. about/ 5]"


def test_a_navigation_holding_the_pages_contents_is_left_alone() -> None:
    env, calls = env_counting()
    assert not cache_outside_pages(env, lambda page: True, 1, ["toc.integrate"])
    render(env, "interviews/2026/a/", "../../..")
    render(env, "interviews/2026/b/", "../../..")
    assert len(calls) == 2


def test_a_theme_without_the_template_is_left_alone() -> None:
    assert not cache_outside_pages(Environment(loader=DictLoader({})), lambda page: True, 1, [])


def test_nav_depth_is_the_deepest_link() -> None:
    page = SimpleNamespace
    items = [page(url=""), page(url="customers/"), page(title="Guides", url=None, children=[page(url="guides/setup/install/")])]
    assert nav_depth(items) == 3
    assert nav_depth([page(url="")]) == 0
