"""generator.site.render: notes with quotes, sanitising, relative links."""

from __future__ import annotations

import datetime as dt
import os

import pytest
from markupsafe import Markup, escape

from generator.core.config import JournalConfig
from generator.core.interviews import parse_interview
from generator.core.model import Quote
from generator.site.render import LINK_ROOT, Renderer, rel_url, relink, root_link, sanitize

HEAD = """---
date: 2026-03-04
customer: Acme
relationship: customer
people: [{name: Jane Doe}]
---
"""


def notes_html(body: str) -> str:
    parsed = parse_interview("interviews/a.md", "a.md", HEAD + body, JournalConfig(), dt.date(2026, 11, 20))
    assert parsed.interview, parsed.problems
    return Renderer().notes(parsed.interview, lambda q, text_html: f"[QUOTE {q.id}: {text_html}]")


def test_quotes_next_to_ordinary_blockquotes_keep_both() -> None:
    html = notes_html("> Ordinary before.\n\n> Said *this*.\n> — Jane Doe {#said}\n\n> Ordinary after.\n")
    quote = "[QUOTE said: <p>Said <em>this</em>.</p>]"
    assert quote in html
    assert html.index("Ordinary before.") < html.index(quote) < html.index("Ordinary after.")
    assert "Said" not in html.replace(quote, "")  # the text lives inside the quote figure only
    assert "<blockquote>\n</blockquote>" not in html and "journal-quote-" not in html


def test_quote_text_on_other_pages_is_escaped_with_inline_emphasis() -> None:
    parsed = parse_interview("interviews/a.md", "a.md", HEAD + "> Said *this* <b>`x`</b>.\n> — Jane Doe {#said}\n",
                             JournalConfig(), dt.date(2026, 11, 20))
    assert Renderer.quote_html(parsed.interview.quotes[0]) == "<p>Said <em>this</em> &lt;b&gt;<code>x</code>&lt;/b&gt;.</p>"


def test_sanitize_drops_scripts_handlers_and_unsafe_links() -> None:
    html = sanitize('<p onclick="x()">a<script>alert(1)</script><a href="javascript:alert(1)">b</a>'
                    '<img src="https://cdn.example/x.png" onerror="y()"><a href="../ok/">c</a></p>')
    assert "script" not in html and "onclick" not in html and "onerror" not in html
    assert "javascript:" not in html and "cdn.example" not in html
    assert 'href="../ok/"' in html


def test_rel_url() -> None:
    assert rel_url("interviews/2026/a/", "customers/acme/") == "../../../customers/acme/"
    assert rel_url("", "quotes/") == "quotes/"
    assert rel_url("", "") == "./"


@pytest.mark.parametrize("page", ["", "quotes/", "customers/acme/", "segments/tag/pricing/", "interviews/2026/a/"])
@pytest.mark.parametrize("target", ["customers/acme/", "segments/tag/a&b/", "interviews/2026/x/#q-1"])
def test_a_root_link_relinked_for_a_page_is_its_rel_url(page: str, target: str) -> None:
    html = str(Markup('<a href="{}">x</a>').format(root_link(target)))
    assert relink(html, page) == str(Markup('<a href="{}">x</a>').format(rel_url(page, target)))


def test_relink_leaves_escaped_text_that_looks_like_its_marker() -> None:
    text = str(escape(f"say {LINK_ROOT}quotes/"))
    assert relink(text, "customers/acme/") == text


@pytest.mark.parametrize("server", [True, False], ids=["server", "build"])
def test_a_server_sees_edited_templates_and_a_build_checks_none(tmp_path, server: bool) -> None:
    template = tmp_path / "t.html.j2"
    template.write_text("before")
    renderer = Renderer(templates_dir=tmp_path, reload_templates=server)
    assert renderer.template("t.html.j2").render() == "before"
    template.write_text("after")
    later = template.stat().st_mtime + 10
    os.utime(template, (later, later))
    assert renderer.template("t.html.j2").render() == ("after" if server else "before")


def quote_saying(clearance: str, expires: str = "") -> Quote:
    body = f"\n> Pages went down.\n> — Jane Doe {{#q-{clearance}{expires} {clearance}{' expires=' + expires if expires else ''}}}\n"
    parsed = parse_interview("interviews/a.md", "a.md", HEAD + body, JournalConfig(), dt.date(2026, 11, 20))
    assert parsed.interview, parsed.problems
    return parsed.interview.quotes[0]


@pytest.mark.parametrize("server", [True, False], ids=["server", "build"])
def test_a_clearance_badge_is_rendered_once_per_clearance_and_expiry_in_a_build(tmp_path, server: bool) -> None:
    """Every quote card and library record shows a badge; a build renders the template once per kind."""
    (tmp_path / "partials").mkdir()
    badge = tmp_path / "partials" / "clearance_badge.html.j2"
    badge.write_text("{{ q.clearance }} {{ q.expired(today) }}\n")
    renderer, today = Renderer(templates_dir=tmp_path, reload_templates=server), dt.date(2026, 11, 20)
    public, anonymous = quote_saying("public"), quote_saying("anonymous")
    expired = quote_saying("public", "2026-01-31")
    assert [renderer.clearance_badge(q, today) for q in (public, anonymous, expired)] == [
        "public False", "anonymous False", "public True"]
    ending = quote_saying("public", "2026-11-20")  # cleared through today
    assert [renderer.clearance_badge(ending, day) for day in (today, today + dt.timedelta(days=1))] == [
        "public False", "public True"]
    asked: list[str] = []
    template = renderer.template
    renderer.template = lambda name: asked.append(name) or template(name)  # type: ignore[method-assign]
    renderer.clearance_badge(quote_saying("public"), today)
    assert len(asked) == (1 if server else 0)  # a build knows the public badge of today already
    badge.write_text("edited {{ q.clearance }}")
    later = badge.stat().st_mtime + 10
    os.utime(badge, (later, later))
    assert renderer.clearance_badge(public, today) == ("edited public" if server else "public False")


def test_a_quote_used_nowhere_renders_no_uses() -> None:
    renderer, quote = Renderer(), quote_saying("public")
    assert renderer.quote_uses(quote, root_link) == ""
