"""The MkDocs plugin and card images: the same bytes from every build, linked from the card cache
(not copied), and under `serve --dirty` always the cards of the files as they are now: a quote made
anonymous or internal keeps no card of before."""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Callable

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.structure.files import File

from generator.adapters.mkdocs.linked import LinkedFile
from tests.support import EPOCH, run_mkdocs

FIXTURE = Path(__file__).parents[2] / "fixtures" / "quotes"
ACME = "interviews/2026/2026-03-04-acme.md"
OUTPUTS = ("quotes/cards", "campaigns")


def outputs(site: Path) -> dict[str, bytes]:
    """The card images and campaign packs of a built site, by path."""
    return {p.relative_to(site).as_posix(): p.read_bytes() for folder in OUTPUTS for p in sorted((site / folder).rglob("*"))
            if p.is_file() and p.suffix in (".png", ".svg", ".zip")}


def built(tmp_path: Path, name: str, monkeypatch, drawn: int = 6) -> Path:
    """The fixture built in ``tmp_path/name`` with a card cache of its own; ``drawn``: the cards it must draw."""
    monkeypatch.setenv("JOURNAL_CACHE_DIR", str(tmp_path / f"{name}-cache"))
    project = tmp_path / name
    if not project.exists():
        shutil.copytree(FIXTURE, project)
    result = run_mkdocs(project)  # not --strict: the fixture has a warning of its own
    assert result.returncode == 0, result.stderr
    assert (f"journal: drew {drawn} quote cards" in result.stderr) if drawn else ("quote cards" not in result.stderr)
    return project / "site"


def test_two_builds_give_the_same_bytes_and_link_the_cache(tmp_path: Path, monkeypatch) -> None:
    first, second = built(tmp_path, "one", monkeypatch), built(tmp_path, "two", monkeypatch)  # each renders its own cards
    cards = outputs(first)
    assert len([p for p in cards if p.endswith(".png")]) == 6 and len([p for p in cards if p.endswith(".zip")]) == 2
    assert cards == outputs(second)
    card = first / "quotes" / "cards" / "fewer-pages.png"
    cached = [p for p in (tmp_path / "one-cache" / "cards").iterdir() if p.read_bytes() == card.read_bytes()]
    assert len(cached) == 1 and os.path.samefile(card, cached[0])  # a hard link, no copy
    assert outputs(built(tmp_path, "one", monkeypatch, drawn=0)) == cards  # again: every card from the cache


def test_a_linked_file_is_current_only_when_it_is_that_very_file(tmp_path: Path) -> None:
    old, new, target = tmp_path / "old.png", tmp_path / "new.png", tmp_path / "site" / "card.png"
    old.write_bytes(b"old card")
    new.write_bytes(b"new card, written later")
    os.utime(old, (1_000, 1_000))
    file = LinkedFile("quotes/cards/x.png", src_dir=None, dest_dir=str(tmp_path / "site"), use_directory_urls=True)
    file.abs_src_path, file.abs_dest_path = str(new), str(target)
    file.copy_file(dirty=True)
    assert target.read_bytes() == b"new card, written later" and not file.is_modified()
    file.abs_src_path = str(old)  # an edit undone: the card of before, older than the one in the site
    assert file.is_modified()
    file.copy_file(dirty=True)
    assert target.read_bytes() == b"old card" and os.path.samefile(old, target)


def serving(tmp_path: Path, monkeypatch) -> tuple[Path, Path, Callable[[], None]]:
    """A copy of the fixture built as `mkdocs serve --dirty` builds it, with a card cache of its own:
    (the project, its site, a rebuild after an edit)."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    monkeypatch.setenv("JOURNAL_CACHE_DIR", str(tmp_path / "cache"))
    project, site = tmp_path / "project", tmp_path / "served"
    shutil.copytree(FIXTURE, project)
    config = lambda: load_config(config_file=str(project / "mkdocs.yml"), site_dir=str(site))  # noqa: E731
    first = config()
    first.plugins.on_startup(command="serve", dirty=True)
    build(first, dirty=True)
    return project, site, lambda: build(config(), dirty=True)


def test_serve_dirty_has_the_cards_of_the_files_as_they_are_now(tmp_path: Path, monkeypatch) -> None:
    project, site, rebuild = serving(tmp_path, monkeypatch)
    card = site / "quotes" / "cards" / "fast-support.png"
    before = card.read_bytes()
    source = project / "interviews" / "2026" / "2026-05-10-borealis.md"
    text = source.read_text()
    source.write_text(text.replace("within minutes", "within seconds"))
    rebuild()
    assert card.read_bytes() != before
    source.write_text(text)  # undone: the card of before comes back, though older than the one shown
    rebuild()
    assert card.read_bytes() == before
    full = built(tmp_path, "full", monkeypatch)
    assert outputs(site) == outputs(full)


def test_serve_dirty_keeps_no_card_of_a_quote_made_anonymous_or_internal(tmp_path: Path, monkeypatch) -> None:
    project, site, rebuild = serving(tmp_path, monkeypatch)
    png, svg = site / "quotes" / "cards" / "less-phone-time.png", site / "quotes" / "cards" / "less-phone-time.svg"
    assert "\u2014 Jane Doe, VP Operations, Acme Logistics" in svg.read_text(encoding="utf-8")
    public = png.read_bytes()
    source = project / "interviews" / "2026" / "2026-09-15-acme.md"
    text = source.read_text(encoding="utf-8")
    source.write_text(text.replace("{#less-phone-time tags", "{#less-phone-time anonymous tags"), encoding="utf-8")
    rebuild()
    shown = svg.read_text(encoding="utf-8")
    assert "Jane" not in shown and "Acme" not in shown and "\u2014 VP Operations at a logistics company" in shown
    assert png.read_bytes() != public  # the anonymous card, not the one with her name
    source.write_text(text.replace("{#less-phone-time tags", "{#less-phone-time internal tags"), encoding="utf-8")
    rebuild()
    assert not png.exists() and not svg.exists()
    assert 'download="less-phone-time.png"' not in (site / "quotes" / "index.html").read_text(encoding="utf-8")


def test_a_server_gives_the_next_build_the_same_card_files_without_checking_them_again(tmp_path: Path, monkeypatch) -> None:
    """26,000 cards at 5,000 interviews: made, placed and checked once per `serve` session, not per edit."""
    from generator.adapters.mkdocs import linked

    project, site, rebuild = serving(tmp_path, monkeypatch)
    checked: list[str] = []
    real = linked.same_file
    monkeypatch.setattr(linked, "same_file", lambda a, b: checked.append(str(b)) or real(a, b))
    made = []
    monkeypatch.setattr(LinkedFile, "generated", classmethod(lambda cls, *a, **k: made.append(a) or File.generated.__func__(cls, *a, **k)))
    with open(project / ACME, "a", encoding="utf-8") as notes:
        notes.write("\nOne more sentence of notes.\n")
    rebuild()
    assert made == [] and checked == []
    cards = list((site / "quotes" / "cards").iterdir())
    assert len(cards) >= 6 and all(card.stat().st_nlink > 1 for card in cards)  # still there, linked from the cache
