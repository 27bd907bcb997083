"""generator.site.pages.quotecards and .packs: card files exactly for cleared quotes, campaign packs,
and what the library and campaign pages offer for them."""

from __future__ import annotations

import csv
import html
import io
import re
import shutil
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.adapters.cli.app import main
from generator.core.load import load_journal, load_project
from generator.core.project import read_config
from generator.site.context import Site
from generator.site.registry import build_pages
from generator.site.render import Renderer
from generator.views.citation import citation
from tests.support import EPOCH, TODAY, library_manifest, library_records
from tests.quote_journal import interview, load

FIXTURE = Path(__file__).parents[2] / "fixtures" / "quotes"
CLEARED = ["renewal-formula", "less-phone-time", "integration-broke", "fast-support", "fewer-pages", "alerts-matter"]


@pytest.fixture(scope="module")
def pages():
    journal, problems = load_journal(FIXTURE, read_config(FIXTURE), today=TODAY)
    assert not problems.errors
    return build_pages(Site(journal, Renderer(), base_path="/journal/"))


def test_cards_exist_exactly_for_cleared_quotes(pages) -> None:
    cards = sorted(path for path in pages if path.startswith("quotes/cards/"))
    # not pricing-gripe (internal), onboarding-praise (expired), whitecap-move (confidential interview)
    assert cards == sorted(f"quotes/cards/{i}.{kind}" for i in CLEARED for kind in ("png", "svg"))
    page = pages["quotes/cards/fewer-pages.png"]
    assert page.is_binary and not page.is_markdown and page.file.read_bytes()[:4] == b"\x89PNG"
    assert pages["quotes/cards/fewer-pages.svg"].file.read_text(encoding="utf-8").startswith("<svg")


def test_a_campaign_pack_holds_its_cards_and_a_csv_of_its_quotes(pages) -> None:
    pack = zipfile.ZipFile(io.BytesIO(pages["campaigns/spring-webinar/spring-webinar.zip"].data))
    names = pack.namelist()
    assert names == ["spring-webinar/cards/alerts-matter.png", "spring-webinar/cards/fewer-pages.png",
                     "spring-webinar/quotes.csv"]
    assert pack.read("spring-webinar/cards/fewer-pages.png") == pages["quotes/cards/fewer-pages.png"].file.read_bytes()
    assert {info.date_time for info in pack.infolist()} == {(1980, 1, 1, 0, 0, 0)}
    assert {info.compress_type for info in pack.infolist()} == {zipfile.ZIP_STORED}
    text = pack.read("spring-webinar/quotes.csv").decode("utf-8")
    rows = list(csv.DictReader(io.StringIO(text.lstrip("\ufeff"))))
    assert [r["id"] for r in rows] == ["fewer-pages", "alerts-matter"]  # the campaign's order
    public, anonymous = rows
    assert public["card"] == "cards/fewer-pages.png" and public["consent"] == "Jane Doe, email 2026-03-10"
    assert public["attribution"] == '"We cut our on-call pages in half the first month." — Jane Doe, VP Operations, Acme Logistics'
    assert anonymous["attribution"].endswith("— VP Operations at a logistics company") and anonymous["clearance"] == "anonymous"
    assert "Jane" not in "".join(anonymous.values()) and "Acme" not in "".join(anonymous.values())
    assert list(rows[0]) == ["id", "card", "attribution", "text", "clearance", "consent", "expires", "date", "url"]


CITATION = re.compile(r'class="md-button journal-citation" data-copy="([^"]*)"')


def test_the_library_offers_each_cleared_quote_its_card_and_citation(pages) -> None:
    library = pages["quotes/index.md"].html  # the first screen: every quote of this journal
    downloads = re.findall(r'href="\.\./quotes/cards/([\w-]+)\.png" download="([\w-]+)\.png">Download card<', library)
    assert sorted(a for a, b in downloads if a == b) == sorted(CLEARED)
    citations = [html.unescape(c) for c in CITATION.findall(library)]
    assert len(citations) == len(CLEARED)
    assert "  - id: fewer-pages\n    text: We cut our on-call pages in half the first month.\n" in citations
    assert '<script src="../assets/journal/copy.js"></script>' in library  # copies a button's data-copy


def test_the_library_records_give_the_citations_quotes_js_copies(pages) -> None:
    """Beyond the first screen quotes.js draws the buttons from the records: a cleared quote's ``cite``,
    or when that is empty (most quotes: nothing YAML would quote) the plain lines from its id and text."""
    journal, _ = load_journal(FIXTURE, read_config(FIXTURE), today=TODAY)
    quotes = {q.id: q for q in journal.quotes}
    records = library_records(pages["quotes/index.md"].html, lambda url: pages["quotes/" + url].content)
    manifest = library_manifest(pages["quotes/index.md"].html)
    assert manifest["cards"] == "../quotes/cards/" and manifest["card_image"] == "png"
    drawn = {r["id"]: r["cite"] or f"  - id: {r['id']}\n    text: {r['text']}\n" for r in records if r["state"]["card"]}
    assert sorted(drawn) == sorted(CLEARED)
    assert drawn == {i: citation(quotes[i]) for i in CLEARED}
    assert {r["id"]: r["state"]["card"] for r in records if r["state"]["card"]} == dict.fromkeys(CLEARED, "png")
    assert not any(r["cite"] for r in records)  # nothing here that YAML quotes: every citation is drawn from id and text


def test_a_record_spells_out_only_the_citations_yaml_quotes(tmp_path: Path) -> None:
    quotes = """
> Price: too high for us.
> — Jane Doe {#price-colon public}

> #1 reason we stayed.
> — Jane Doe {#hash-start public}

> Plain words, nothing to quote.
> — Jane Doe {#plain-words public}

> Between us: we may leave.
> — Jane Doe {#internal-colon internal}
"""
    journal, problems = load(tmp_path, {"interviews/a.md": interview(quotes=quotes)})
    assert not problems.errors, [p.format() for p in problems]
    pages = build_pages(Site(journal, Renderer()))
    records = {r["id"]: r for r in library_records(pages["quotes/index.md"].html, lambda url: pages["quotes/" + url].content)}
    assert {i for i, r in records.items() if r["cite"]} == {"price-colon", "hash-start"}
    internal = records["internal-colon"]
    assert internal["state"]["card"] == "" and internal["cite"] == ""  # no card, no citation: not cleared
    cleared = [q for q in journal.quotes if q.id != "internal-colon"]
    assert {q.id: records[q.id]["cite"] or f"  - id: {q.id}\n    text: {records[q.id]['text']}\n" for q in cleared} == \
        {q.id: citation(q) for q in cleared}
    served = [html.unescape(c) for c in CITATION.findall(pages["quotes/index.md"].html)]
    assert sorted(served) == sorted(citation(q) for q in journal.quotes if q.id != "internal-colon")


def test_the_library_citations_pasted_into_a_campaign_pass_journal_check(pages, tmp_path: Path) -> None:
    """What "Copy citation" copies (the button's data-copy, as a browser reads the attribute), pasted
    under ``cites:``, makes a campaign that `journal check` accepts: markup, a formula, quotes and all."""
    citations = [html.unescape(c) for c in CITATION.findall(pages["quotes/index.md"].html)]
    project = tmp_path / "journal"
    shutil.copytree(FIXTURE, project)
    (project / "campaigns" / "pasted.yml").write_text("name: Pasted\ncites:\n" + "".join(citations), encoding="utf-8")
    result = CliRunner().invoke(main, ["--root", str(project), "check"], env={"SOURCE_DATE_EPOCH": EPOCH})
    assert result.exit_code == 0 and "campaigns/pasted.yml" not in result.output, result.output
    journal, _ = load_project(project, today=TODAY)
    pasted = next(c for c in journal.campaigns if c.slug == "pasted")
    assert sorted(c.id for c in pasted.cites) == sorted(CLEARED) and all(c.quote is not None for c in pasted.cites)


def test_the_campaign_page_links_its_pack(pages) -> None:
    page = pages["campaigns/spring-webinar.md"].html
    assert 'href="../../campaigns/spring-webinar/spring-webinar.zip" download>Download the pack</a>' in page
    assert "a zip of 2 cards" in page and "journal-warning" not in page
    # each cited quote with a card offers it, next to its copy button
    assert page.count('download="fewer-pages.png">Download card</a>') == 1
    assert 'href="../../quotes/cards/alerts-matter.png" download="alerts-matter.png">Download card</a>' in page


def test_a_quote_without_a_card_says_why_and_a_clearance_ending_soon_is_flagged(tmp_path: Path) -> None:
    quotes = """
> We love it 😀 a lot.
> — Jane Doe {#emoji-love public}

> We renew in December.
> — Jane Doe {#renew-soon public expires=2026-12-01}
"""
    campaign = "name: Winter\ncites:\n  - id: emoji-love\n    text: We love it 😀 a lot.\n  - id: renew-soon\n    text: We renew in December.\n"
    journal, problems = load(tmp_path, {"interviews/a.md": interview(quotes=quotes), "campaigns/winter.yml": campaign})
    assert not problems.errors, [p.format() for p in problems]
    pages = build_pages(Site(journal, Renderer()))
    assert "quotes/cards/emoji-love.png" not in pages and "quotes/cards/renew-soon.png" in pages
    assert "no card (characters the card font lacks: 😀)" in pages["quotes/index.md"].html
    page = pages["campaigns/winter.md"].html
    assert "a zip of 1 card " in page and "No card for" in page and "emoji-love</a> (characters the card font lacks: 😀)" in page
    assert "Clearance ends in 11 days: renew the consent or stop using it" in page  # views.outward
    rows = zipfile.ZipFile(io.BytesIO(pages["campaigns/winter/winter.zip"].data)).read("winter/quotes.csv").decode()
    assert '"emoji-love","no card: characters the card font lacks: 😀"' in rows
