"""generator.site.cardimage.store: the card cache by content hash, made on both cores, pruned after a build."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from generator.site.cardimage import store as S
from tests.quote_journal import interview, load

QUOTES = """
> We cut our on-call pages in half the first month.
> — Jane Doe {#fewer-pages public}

> Our dispatchers stopped ignoring alerts.
> — Jane Doe {#alerts-matter anonymous}

> The pricing page confused our buyers.
> — Jane Doe {#pricing-gripe}

> We love it 😀 a lot.
> — Jane Doe {#emoji-love public}
"""


@pytest.fixture
def journal(tmp_path: Path):
    loaded, problems = load(tmp_path / "project", {"interviews/a.md": interview(quotes=QUOTES, industry="Logistics")})
    assert not problems.errors
    return loaded


def quote(journal, quote_id: str):
    return journal.quote(quote_id)


def test_a_cleared_quote_gets_its_files_and_another_build_reuses_them(journal, tmp_path: Path, monkeypatch) -> None:
    cards = S.CardImages(journal, tmp_path / "cache")
    assert cards.make_missing() == 3 and cards.drawn == 3  # fewer-pages, alerts-matter, the emoji one (a marker)
    card = cards.card(quote(journal, "fewer-pages"))
    assert card.ok and card.png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and card.svg.read_text().startswith("<svg")
    assert card.png.name == f"{card.key}.png"  # named by content, not by quote
    assert cards.card(quote(journal, "pricing-gripe")) is None  # internal: no card
    again = S.CardImages(journal, tmp_path / "cache")
    monkeypatch.setattr(S, "render", lambda face: pytest.fail("a cached card was rendered again"))
    assert again.make_missing() == 0 and again.card(quote(journal, "fewer-pages")) == card and again.drawn == 0


def test_a_face_that_makes_no_card_is_remembered_with_its_reason(journal, tmp_path: Path, monkeypatch) -> None:
    cards = S.CardImages(journal, tmp_path / "cache")
    card = cards.card(quote(journal, "emoji-love"))
    assert not card.ok and card.reason == "characters the card font lacks: 😀"
    assert (tmp_path / "cache" / f"{card.key}.none").read_text(encoding="utf-8") == card.reason
    monkeypatch.setattr(S, "render", lambda face: pytest.fail("rendered again"))
    assert S.CardImages(journal, tmp_path / "cache").card(quote(journal, "emoji-love")) == card


def test_missing_cards_are_rendered_by_worker_processes(journal, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(S, "PARALLEL_MIN", 2)
    monkeypatch.setattr(S.os, "cpu_count", lambda: 2)
    here = os.getpid()
    rendered_in: list[int] = []
    real = S.render
    monkeypatch.setattr(S, "render", lambda face: rendered_in.append(os.getpid()) or real(face))
    cards = S.CardImages(journal, tmp_path / "cache")
    assert cards.make_missing() == 3
    assert rendered_in == []  # not in this process: the workers did it (their calls are theirs)
    names = sorted(os.listdir(tmp_path / "cache"))
    assert len([n for n in names if n.endswith(".png")]) == 2 and len([n for n in names if n.endswith(".none")]) == 1
    assert all(not n.startswith(".") for n in names)  # nothing half-written left behind
    assert cards.card(quote(journal, "alerts-matter")).ok and here == os.getpid()


def test_a_build_prunes_what_it_did_not_use_once_it_is_old(journal, tmp_path: Path) -> None:
    cards = S.CardImages(journal, tmp_path / "cache")
    cards.make_missing()
    folder = tmp_path / "cache"
    old = time.time() - S.KEEP_UNUSED - 60
    for name in ("stale.png", "stale.svg", "recent.png"):
        (folder / name).write_bytes(b"x")
    for name in ("stale.png", "stale.svg"):
        os.utime(folder / name, (old, old))
    used = cards.card(quote(journal, "fewer-pages"))
    os.utime(used.png, (old, old))  # old, but this build used it
    cards.store.forget()
    assert cards.prune() == 2
    assert not (folder / "stale.png").exists() and (folder / "recent.png").exists() and used.png.exists()
    assert "recent.png" in cards.store.names and "stale.png" not in cards.store.names


def test_the_cache_lives_in_the_project_unless_told_otherwise(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.delenv("JOURNAL_CACHE_DIR", raising=False)
    assert S.cache_folder(tmp_path) == tmp_path / ".cache" / "journal" / "cards"
    monkeypatch.setenv("JOURNAL_CACHE_DIR", str(tmp_path / "ci-cache"))
    assert S.cache_folder(tmp_path) == tmp_path / "ci-cache" / "cards"


def test_a_process_with_threads_renders_in_fresh_workers(journal, tmp_path: Path, monkeypatch) -> None:
    """`mkdocs serve` runs threads: forking it could copy a held lock, so its workers are spawned."""
    monkeypatch.setattr(S, "PARALLEL_MIN", 2)
    monkeypatch.setattr(S.os, "cpu_count", lambda: 2)
    monkeypatch.setattr(S.threading, "active_count", lambda: 3)
    started = []
    real = S.multiprocessing.get_context
    monkeypatch.setattr(S.multiprocessing, "get_context", lambda method: started.append(method) or real(method))
    cards = S.CardImages(journal, tmp_path / "cache")
    assert cards.make_missing() == 3 and started == ["spawn"]
    assert cards.card(quote(journal, "fewer-pages")).ok
