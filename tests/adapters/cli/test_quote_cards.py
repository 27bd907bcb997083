"""`journal quotes --campaign --cards` writes a campaign's pack; `journal check` warns of quotes without a card."""

from __future__ import annotations

import io
import shutil
import zipfile
from pathlib import Path

from click.testing import CliRunner

from generator.adapters.cli.app import main
from generator.core.load import load_project
from generator.site.context import Site
from generator.site.pages.packs import PACKS
from generator.site.render import Renderer
from tests.support import EPOCH, TODAY
from tests.quote_journal import interview

FIXTURE = Path(__file__).parents[2] / "fixtures" / "quotes"


def run(root: Path, *args: str):
    return CliRunner().invoke(main, ["--root", str(root), *args], env={"SOURCE_DATE_EPOCH": EPOCH})


def test_the_cards_folder_gets_what_the_site_zip_holds(tmp_path: Path) -> None:
    result = run(FIXTURE, "quotes", "--campaign", "spring-webinar", "--cards", str(tmp_path / "out"))
    assert result.exit_code == 0, result.output
    assert "wrote 2 cards and quotes.csv to" in result.stderr
    assert "fewer-pages" in result.stdout and "less-phone-time" not in result.stdout  # only the campaign's quotes
    journal, _ = load_project(FIXTURE, today=TODAY)
    site = Site(journal, Renderer(), base_path="/journal/")
    campaign = next(c for c in journal.campaigns if c.slug == "spring-webinar")
    pack = zipfile.ZipFile(io.BytesIO(PACKS.get(site, campaign).data))
    written = sorted(p.relative_to(tmp_path / "out").as_posix() for p in (tmp_path / "out").rglob("*") if p.is_file())
    assert written == pack.namelist()
    assert all((tmp_path / "out" / name).read_bytes() == pack.read(name) for name in written)


def test_campaign_mistakes_are_usage_errors(tmp_path: Path) -> None:
    unknown = run(FIXTURE, "quotes", "--campaign", "spring-webinr", "--cards", str(tmp_path))
    assert unknown.exit_code == 2 and "no campaign is called 'spring-webinr' — did you mean 'spring-webinar'?" in unknown.output
    alone = run(FIXTURE, "quotes", "--cards", str(tmp_path))
    assert alone.exit_code == 2 and "name the campaign with --campaign" in alone.output
    broken = tmp_path / "broken"
    shutil.copytree(FIXTURE, broken)
    (broken / "campaigns" / "spring-webinar.yml").write_text("name: Spring\ncites:\n  - id: gone\n    text: Gone.\n")
    result = run(broken, "quotes", "--campaign", "spring-webinar", "--cards", str(tmp_path / "out"))
    assert result.exit_code == 2 and "the campaign 'spring-webinar' has errors" in result.output
    assert not (tmp_path / "out").exists()


def test_check_warns_of_each_cleared_quote_that_gets_no_card(tmp_path: Path) -> None:
    long = " ".join(["Our drivers kept telling us the same thing about the routing screens every week."] * 30)
    quotes = f"""
> We love it 😀 a lot.
> — Jane Doe {{#emoji-love public}}

> {long}
> — Jane Doe {{#very-long public}}

> Internal quotes get no card and no warning 😀.
> — Jane Doe {{#inside}}

> A short one is fine.
> — Jane Doe {{#fine public}}
"""
    (tmp_path / "interviews").mkdir()
    (tmp_path / "interviews" / "a.md").write_text(interview(quotes=quotes), encoding="utf-8")
    result = run(tmp_path, "check")
    assert result.exit_code == 0, result.output  # warnings only
    assert result.stdout.splitlines() == [
        "interviews/a.md:11: warning: quote: the quote 'emoji-love' gets no card: characters the card font lacks: 😀; "
        "the quotes library and campaign packs offer none",
        "interviews/a.md:14: warning: quote: the quote 'very-long' gets no card: too long for a card even at the smallest "
        "size (24 px); cite a shorter part of it as a quote of its own; the quotes library and campaign packs offer none",
    ]
    assert not (tmp_path / ".cache").exists()  # check writes nothing
