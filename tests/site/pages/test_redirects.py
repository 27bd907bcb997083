"""Moves keep links: `moved_from:` makes the old address redirect to the page's new one, and
keeps the quote ids made from the file (spec section 3: an id without #id comes from the
file and the text). The mistakes `journal check` refuses are in tests/bad_inputs/moved-from-mistakes."""

from __future__ import annotations

import shutil
from pathlib import Path

from generator.core.load import load_journal
from generator.core.project import read_config
from generator.site.registry import generate_pages

from tests.support import FIXTURES, TODAY, indexed_pages, run_mkdocs

MINI = FIXTURES / "mini"
OLD = "interviews/2026/2026-03-04-acme.md"
NEW = "interviews/archive/2026/acme-on-site.md"
CAMPAIGN = "name: Spring webinar\ncites:\n  - id: {id}\n    text: Dispatchers read every alert now.\n"


def project(tmp_path: Path) -> Path:
    """The mini journal, its Acme note with a second quote that has no #id, cited by a campaign by its made id."""
    root = tmp_path / "journal"
    shutil.copytree(MINI, root)
    note = root / OLD
    note.write_text(note.read_text(encoding="utf-8") + "\n> Dispatchers read every alert now.\n> — Jane Doe {anonymous}\n",
                    encoding="utf-8")
    journal, problems = load_journal(root, read_config(root), today=TODAY)
    made = next(q.id for q in journal.quotes if not q.explicit_id)
    (root / "campaigns").mkdir()
    (root / "campaigns" / "spring.yml").write_text(CAMPAIGN.format(id=made), encoding="utf-8")
    return root


def move(root: Path, moved_from: str | None) -> None:
    text = (root / OLD).read_text(encoding="utf-8")
    if moved_from is not None:
        text = text.replace("channel: on-site", f"channel: on-site\nmoved_from: {moved_from}")
    (root / NEW).parent.mkdir(parents=True)
    (root / NEW).write_text(text, encoding="utf-8")
    (root / OLD).unlink()


def ids(root: Path) -> dict[str, str]:
    journal, problems = load_journal(root, read_config(root), today=TODAY)
    assert not problems.errors, [p.format() for p in problems.errors]
    return {q.id: q.interview.url for q in journal.quotes}


def test_a_moved_file_keeps_its_quote_ids_and_its_campaign(tmp_path: Path) -> None:
    root = project(tmp_path)
    before = ids(root)
    move(root, OLD)
    assert ids(root) == {quote_id: "interviews/archive/2026/acme-on-site/" for quote_id in before}


def test_without_moved_from_a_made_id_changes_and_the_campaign_says_so(tmp_path: Path) -> None:
    root = project(tmp_path)
    move(root, None)
    _, problems = load_journal(root, read_config(root), today=TODAY)
    assert [p.path for p in problems.errors] == ["campaigns/spring.yml"]
    assert "no longer exists" in problems.errors[0].message


def test_the_old_address_redirects_to_the_new_page(tmp_path: Path) -> None:
    root = project(tmp_path)
    move(root, f"[{OLD}, interviews/drafts/acme.md]")
    pages = generate_pages(root)
    assert "interviews/archive/2026/acme-on-site.md" in pages and "interviews/2026/2026-03-04-acme.md" not in pages
    html = pages["interviews/2026/2026-03-04-acme/index.html"].content
    target = "../../../interviews/archive/2026/acme-on-site/"
    assert f'<meta http-equiv="refresh" content="0; url={target}">' in html
    assert f'<script>location.replace("{target}" + location.hash)</script>' in html  # a quote's #permalink too
    assert f'<a href="{target}">Acme Logistics · 2026-03-04</a>' in html
    assert '<link rel="canonical" href="/interviews/archive/2026/acme-on-site/">' in html
    assert "interviews/drafts/acme/index.html" in pages


def test_a_built_site_redirects_outside_search_and_sitemap(tmp_path: Path) -> None:
    root = project(tmp_path)
    move(root, OLD)
    (root / "mkdocs.yml").write_text((root / "mkdocs.yml").read_text() + "site_url: https://journal.corp.example/\n")
    result = run_mkdocs(root)  # not --strict: the quote without #id is a warning
    assert result.returncode == 0, result.stderr
    site = root / "site"
    redirect = (site / "interviews" / "2026" / "2026-03-04-acme" / "index.html").read_text(encoding="utf-8")
    assert '<link rel="canonical" href="https://journal.corp.example/interviews/archive/2026/acme-on-site/">' in redirect
    assert (site / "interviews" / "archive" / "2026" / "acme-on-site" / "index.html").is_file()
    indexed = indexed_pages(site)
    assert "/interviews/archive/2026/acme-on-site/" in indexed
    assert not [url for url in indexed if url.startswith("/interviews/2026/2026-03-04-acme/")]
    assert "2026-03-04-acme/" not in (site / "sitemap.xml").read_text(encoding="utf-8")
    assert "interviews/archive/2026/acme-on-site/" in (site / "sitemap.xml").read_text(encoding="utf-8")


def test_a_confidential_file_leaves_no_redirect(tmp_path: Path) -> None:
    root = project(tmp_path)
    (root / "campaigns" / "spring.yml").unlink()
    move(root, OLD)
    note = root / NEW
    note.write_text(note.read_text(encoding="utf-8").replace("channel: on-site", "channel: on-site\nconfidential: true"),
                    encoding="utf-8")
    assert not [p for p in generate_pages(root) if p.startswith("interviews/2026/2026-03-04-acme")]
