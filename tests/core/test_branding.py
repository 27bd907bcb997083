"""generator.core.branding and the `cards` option: a logo that is an image in the repository, a brand
name the card fonts can draw, each problem located in mkdocs.yml."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image
from pydantic import ValidationError

from generator.core.config import CardOptions, JournalConfig, option_errors
from generator.core.load import load_project
from tests.quote_journal import interview


def project(tmp_path: Path, cards: str) -> Path:
    (tmp_path / "interviews").mkdir(parents=True)
    (tmp_path / "interviews" / "a.md").write_text(interview(quotes="> Fine.\n> — Jane Doe {#fine public}"), encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text(f"site_name: T\nplugins:\n  - journal:\n      cards: {cards}\n", encoding="utf-8")
    return tmp_path


def messages(root: Path) -> list[str]:
    return [p.format() for p in load_project(root)[1]]


def png(size=(64, 64)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, "#ff6600").save(out, "PNG")
    return out.getvalue()


def test_defaults_and_valid_options() -> None:
    assert JournalConfig().cards == CardOptions(brand_name="", brand_color="#3f51b5", logo=None)
    assert CardOptions(brand_color="#FFD43B").brand_color == "#ffd43b"


@pytest.mark.parametrize("options, message", [
    ({"brand_color": "blue"}, "cards.brand_color: 'blue' is not a colour like #3f51b5"),
    ({"brand_color": "#fff"}, "cards.brand_color: '#fff' is not a colour like #3f51b5"),
    ({"logo": "/etc/logo.png"}, "cards.logo: '/etc/logo.png' must be a path inside the repository, like docs/logo.png"),
    ({"logo": "../logo.png"}, "cards.logo: '../logo.png' must be a path inside the repository, like docs/logo.png"),
    ({"brand_name": "x" * 41}, "cards.brand_name: String should have at most 40 characters"),
])
def test_invalid_options_name_the_option(options: dict, message: str) -> None:
    with pytest.raises(ValidationError) as caught:
        JournalConfig(cards=options)
    assert option_errors(caught.value) == [message]


def test_a_good_logo_passes(tmp_path: Path) -> None:
    root = project(tmp_path, "{logo: docs/logo.png, brand_name: Northwind Software}")
    (root / "docs").mkdir()
    (root / "docs" / "logo.png").write_bytes(png())
    assert messages(root) == []


@pytest.mark.parametrize("content, message", [
    (None, "mkdocs.yml: error: cards.logo: 'docs/logo.png' is not a file in the repository (paths are relative to mkdocs.yml's folder)"),
    (b"<svg xmlns='http://www.w3.org/2000/svg'/>", "mkdocs.yml: error: cards.logo: 'docs/logo.png' is not a PNG, JPEG, GIF or WebP image (an SVG logo must be exported as PNG first)"),
    (png()[:40], "mkdocs.yml: error: cards.logo: 'docs/logo.png' cannot be read as an image"),
])
def test_a_logo_that_cannot_be_drawn_is_an_error(tmp_path: Path, content: bytes | None, message: str) -> None:
    root = project(tmp_path, "{logo: docs/logo.png}")
    (root / "docs").mkdir()
    if content is not None:
        (root / "docs" / "logo.png").write_bytes(content)
    found = messages(root)
    assert len(found) == 1 and found[0].startswith(message)


def test_a_logo_linked_from_outside_is_refused(tmp_path: Path) -> None:
    outside = tmp_path / "outside.png"
    outside.write_bytes(png())
    root = project(tmp_path / "j", "{logo: logo.png}")
    (root / "logo.png").symlink_to(outside)
    assert messages(root) == ["mkdocs.yml: error: cards.logo: 'logo.png' is a link to a file outside the project; links out of the project are refused"]


def test_a_brand_name_the_fonts_cannot_draw_is_an_error(tmp_path: Path) -> None:
    root = project(tmp_path, "{brand_name: 'Northwind 北風'}")
    assert messages(root) == ["mkdocs.yml: error: cards.brand_name: 'Northwind 北風' has characters the card fonts cannot draw (北風); write it in Latin letters"]


def test_check_goes_on_without_a_logo_it_cannot_read(tmp_path: Path) -> None:
    """The error is the logo's; the cards' own check still runs (and does not trip over it)."""
    from click.testing import CliRunner

    from generator.adapters.cli.app import main

    root = project(tmp_path, "{logo: docs/missing.png}")
    result = CliRunner().invoke(main, ["--root", str(root), "check"])
    assert result.exit_code == 1 and "internal error" not in result.output
    assert result.stdout.startswith("mkdocs.yml: error: cards.logo: 'docs/missing.png' is not a file in the repository")
