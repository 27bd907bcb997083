"""generator.render: notes with quotes, sanitising, relative links."""

from __future__ import annotations

import datetime as dt

from generator.config import JournalConfig
from generator.load import parse_interview
from generator.render import Renderer, rel_url, sanitize

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
