"""generator.site.pages.interviews: `serve`'s page cache re-renders only what changed."""

from __future__ import annotations

import shutil
from pathlib import Path

from generator.core.load import load_journal
from generator.core.parsecache import ParseCache
from generator.site.pages import interviews
from generator.core.project import read_config
from generator.site.render import Renderer
from generator.site.cache import PageCache
from generator.site.context import Site

from tests.support import FIXTURES, TODAY

MINI = FIXTURES / "mini"


def test_page_cache_reuses_unchanged_pages_and_rerenders_edited_ones(tmp_path: Path) -> None:
    shutil.copytree(MINI, tmp_path / "j")
    root = tmp_path / "j"
    parse_cache, page_cache = ParseCache(), PageCache()
    page = "interviews/2026/2026-03-04-acme.md"  # the other interview of the fixture is confidential
    reused: set[str] = set()

    def build(fingerprint: str = "f") -> dict:
        journal, _ = load_journal(root, read_config(root), today=TODAY, cache=parse_cache)
        site = Site(journal, Renderer(), cache=page_cache, fingerprint=fingerprint)
        pages = {p.path: p.html for p in interviews.build(site)}
        reused.clear()
        reused.update(site.reused)
        return pages

    first = build()
    assert page in first and reused == set()
    assert build() == first and reused == {page}
    note = root / "interviews" / "2026" / "2026-03-04-acme.md"
    note.write_text(note.read_text().replace("Notes.", "Edited notes."))
    edited = build()
    assert reused == set()
    assert "Edited notes." in edited[page]
    build(fingerprint="templates changed")
    assert reused == set()


def test_serve_cache_fingerprint_changes_when_an_insight_changes(tmp_path: Path) -> None:
    """Interview pages show which insights their quotes are evidence for: editing an insight must re-render them."""
    from generator.core.config import JournalConfig
    from generator.site.cache import inputs_fingerprint, other_inputs

    options = JournalConfig()
    (tmp_path / "insights").mkdir()
    insight = tmp_path / "insights" / "claim.md"
    insight.write_text("---\ntitle: One\nstatus: hypothesis\nowner: Sam\n---\nClaim.\n")

    def fingerprint() -> str:
        return inputs_fingerprint(tmp_path, options, TODAY, other_inputs(tmp_path, options))

    before = fingerprint()
    assert fingerprint() == before
    insight.write_text(insight.read_text().replace("title: One", "title: Two"))
    assert fingerprint() != before


def test_python_bytecode_beside_the_templates_is_no_input_of_the_pages(tmp_path: Path, monkeypatch) -> None:
    """The templates' package marker gets its bytecode on first import, maybe in the middle of a
    `serve` session (tests running beside it): that must not make a server rebuild everything."""
    from generator.core.config import JournalConfig
    from generator.site import cache

    templates = tmp_path / "templates"
    shutil.copytree(cache.TEMPLATES_DIR / "partials", templates / "partials")
    monkeypatch.setattr(cache, "TEMPLATES_DIR", templates)
    before = cache.inputs_fingerprint(tmp_path, JournalConfig(), TODAY, [])
    (templates / "__pycache__").mkdir()
    (templates / "__pycache__" / "__init__.cpython-311.pyc").write_bytes(b"bytecode")
    assert cache.inputs_fingerprint(tmp_path, JournalConfig(), TODAY, []) == before
    (templates / "partials" / "quote.html.j2").write_text("edited")
    assert cache.inputs_fingerprint(tmp_path, JournalConfig(), TODAY, []) != before
