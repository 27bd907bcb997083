"""generator.site.pages.campaigns: what sales may use outside first, exactly as the export words it.

On the sample journal's "Spring on-call webinar" (two public quotes, two anonymous ones) and the
quotes fixture. A copy payload is a button's ``data-copy``: what its click puts on the clipboard.
"""

from __future__ import annotations

import datetime as dt
import html as htmllib
import re
import shutil
from pathlib import Path

import pytest
import yaml

from generator.core.load import load_journal
from generator.core.parsecache import ParseCache
from generator.core.model import Journal, Quote
from generator.core.project import read_config
from generator.site.cache import PageCache
from generator.site.context import Site
from generator.site.page import Page
from generator.site.pages import campaigns
from generator.site.render import Renderer
from generator.views.export import export_records
from tests.support import FIXTURES, REPO, TODAY, per_module

QUOTES_FIXTURE = FIXTURES / "quotes"
SPRING = "campaigns/spring-on-call-webinar.md"
SPRING_ATTRIBUTIONS = [  # the sample's campaigns/spring-on-call-webinar.yml, in its order
    '"We cut our on-call pages in half the first month." — Ingrid Halvorsen, VP Operations, Acme Logistics',
    '"In the first three weeks our night supervisor went from thirty-odd phone calls a night to about eight." '
    "— Dana Whitfield, Director of Dispatch Operations, Northwind Field Services",
    '"We mute the alerting tool at night and use a WhatsApp group for real emergencies. I know how that sounds." '
    "— Operations Lead at a courier and last mile company",
    '"It\'s a good tool for people who run servers. We run trucks, and every tyre sensor becomes an incident." '
    "— Night Shift Dispatch Lead at a logistics company",
]
INTERNAL_CONTEXT = re.compile(r'<div class="journal-internal" role="note" aria-label="Internal context, do not use outside">\n'
                              r'<p class="journal-internal__label">Internal context — do not use outside</p>\n(.*?)</div>', re.S)


def load(root: Path, today: dt.date = TODAY, cache: ParseCache | None = None) -> Journal:
    journal, problems = load_journal(root, read_config(root), today=today, cache=cache)
    assert not problems.errors, [p.format() for p in problems]
    return journal


def campaign_pages(journal: Journal) -> dict[str, Page]:
    return {p.path: p for p in campaigns.build(Site(journal, Renderer()))}


def exported(journal: Journal) -> dict[str, str]:
    return {r["id"]: r["attribution"] for r in export_records(journal.quotes, journal.today, lambda url: "/" + url)}


def payloads(html: str) -> list[str]:
    """What the page's copy buttons copy, in page order."""
    return [htmllib.unescape(v) for v in re.findall(r'data-copy="([^"]*)"', html)]


def figures(html: str) -> dict[str, str]:
    """Each quote's figure (its inside), by quote id, in page order."""
    return dict(re.findall(r'<figure class="journal-quote [^"]*" id="([^"]+)">(.*?)</figure>', html, re.S))


def identity(quote: Quote) -> list[str]:
    """What names an anonymous quote's speaker: the name and its parts, the account's names, its pages."""
    account = quote.interview.account
    parts = [p for p in quote.speaker.name.split() if len(p) > 2]  # not "de" of "Ana de Souza"
    return [quote.speaker.name, *parts, account.name, *account.aliases, account.slug, quote.interview.url]


def names(text: str, quote: Quote) -> list[str]:
    """The parts of ``quote``'s identity that ``text`` holds, as whole words."""
    return [n for n in identity(quote) if re.search(rf"(?<!\w){re.escape(n)}(?!\w)", text)]


@pytest.fixture(scope=per_module)
def sample() -> tuple[Journal, dict[str, Page]]:
    journal = load(REPO)
    return journal, campaign_pages(journal)


def cited_ids(name: str) -> list[str]:
    return [c["id"] for c in yaml.safe_load((REPO / "campaigns" / f"{name}.yml").read_text(encoding="utf-8"))["cites"]]


def test_each_quote_shows_first_its_outward_form_with_the_exports_attribution(sample) -> None:
    journal, pages = sample
    shown = figures(pages[SPRING].html)
    assert list(shown) == cited_ids("spring-on-call-webinar")  # the campaign file's order
    export = exported(journal)
    for (quote_id, figure), attribution in zip(shown.items(), SPRING_ATTRIBUTIONS):
        assert attribution == export[quote_id]
        assert figure.startswith('\n<div class="journal-outward">\n<blockquote>'), quote_id
        byline = attribution.rsplit(" — ", 1)[1]
        assert f'<p class="journal-outward__byline">— {htmllib.escape(byline, quote=False)}</p>' in figure
        assert payloads(figure) == [attribution]
        assert ">Copy with attribution</button>" in figure


def test_copy_all_copies_every_quote_in_the_campaigns_order_a_blank_line_between(sample) -> None:
    html = sample[1][SPRING].html
    button = re.search(r'<button type="button" class="[^"]*journal-copy-all" data-copy="([^"]*)">([^<]*)</button>', html)
    assert button.group(2) == "Copy all 4 quotes with attribution"
    assert htmllib.unescape(button.group(1)) == "\n\n".join(SPRING_ATTRIBUTIONS)
    assert "\n" not in button.group(1)  # written as &#10;: a blank line would end the raw HTML for a Markdown reader


@pytest.mark.parametrize("quote_id", ["quiet-hours-hack", "built-for-software-teams"])
def test_an_anonymous_speaker_is_named_only_in_the_marked_internal_context(sample, quote_id: str) -> None:
    journal, pages = sample
    quote = journal.quote(quote_id)
    assert quote.clearance_on(TODAY) == "anonymous"
    figure = figures(pages[SPRING].html)[quote_id]
    internal = INTERNAL_CONTEXT.search(figure)
    assert internal, "the identity sits in a block marked as internal context"
    who = internal.group(1)
    for expected in (f"{quote.speaker.name}, {quote.speaker.role} ({quote.speaker.department})",
                     f">{quote.interview.account.name}</a>", f'href="../../{quote.interview.url}#{quote_id}"'):
        assert expected in who, expected
    outside = figure.replace(internal.group(0), "")
    assert names(who, quote) and names(outside, quote) == []
    for copy in payloads(pages[SPRING].html):
        assert names(copy, quote) == []


def test_a_public_quote_names_its_source_and_has_no_internal_context(sample) -> None:
    figure = figures(sample[1][SPRING].html)["pages-halved-first-month"]
    assert "journal-internal" not in figure
    assert ('<p class="journal-quote__source">Source: <a href="../../customers/acme-logistics/">Acme Logistics</a> · said as a customer · '
            '<a href="../../interviews/2025/2025-08-27-acme-logistics/#pages-halved-first-month">interview of 27 Aug 2025</a> · on site'
            "<br>Consent: Ingrid Halvorsen, email 2025-09-03</p>") in figure


@pytest.mark.parametrize("quote_id, badge, until, consent", [
    ("pages-halved-first-month", "public", "no expiry date", "Consent: Ingrid Halvorsen, email 2025-09-03"),
    ("quiet-hours-hack", "anonymous", 'cleared until <time datetime="2027-12-31">2027-12-31</time>',
     "Consent: Webinar registration form, anonymous-use opt-in"),
    ("built-for-software-teams", "anonymous", "no expiry date", "Consent: not recorded"),
])
def test_each_quote_shows_its_clearance_consent_and_expiry(sample, quote_id: str, badge: str, until: str, consent: str) -> None:
    figure = figures(sample[1][SPRING].html)[quote_id]
    clearance = re.search(r'<p class="journal-clearance">(.*?)</p>', figure, re.S).group(1)
    assert f'journal-badge--{badge}"' in clearance and until in clearance
    assert consent in figure and consent not in clearance  # beside the source: an anonymous consent may name the speaker
    assert "journal-warning" not in figure


def test_status_line_gives_the_earliest_expiry(sample) -> None:
    assert '<p class="journal-campaign__status">All 4 quotes cleared until 2027-12-31</p>' in sample[1][SPRING].html


@pytest.mark.parametrize("days, warned", [(29, True), (30, True), (31, False)])
def test_a_clearance_ending_within_30_days_is_flagged_on_the_page(days: int, warned: bool) -> None:
    """quiet-hours-hack's clearance ends on 2027-12-31; the page is built ``days`` before."""
    today = dt.date(2027, 12, 31) - dt.timedelta(days=days)
    html = campaign_pages(load(REPO, today=today))[SPRING].html
    figure = figures(html)["quiet-hours-hack"]
    warning = f'<strong class="journal-warning">Clearance ends in {days} days: renew the consent or stop using it</strong>'
    assert (warning in figure) == warned
    assert ("journal-warning" in html.replace(figure, "")) is False  # the other quotes do not expire
    status = re.search(r'<p class="journal-campaign__status( journal-campaign__status--warn)?">([^<]*)</p>', html)
    assert status.group(2) == "All 4 quotes cleared until 2027-12-31" + ("; 1 expires within 30 days: renew the consent" if warned else "")
    assert bool(status.group(1)) == warned


def test_the_fixture_campaign_copies_what_the_export_says() -> None:
    journal = load(QUOTES_FIXTURE)
    pages = campaign_pages(journal)
    html = pages["campaigns/spring-webinar.md"].html
    export = exported(journal)
    assert payloads(html) == ["\n\n".join([export["fewer-pages"], export["alerts-matter"]]), export["fewer-pages"], export["alerts-matter"]]
    assert export["alerts-matter"] == '"Our dispatchers stopped ignoring alerts." — VP Operations at a logistics company'
    assert '<p class="journal-campaign__status">Both quotes cleared, none expires</p>' in html
    assert 'data-copy="' not in pages["campaigns/index.md"].html


def test_serve_reuses_the_campaign_pages_until_a_cited_quotes_clearance_changes(tmp_path: Path) -> None:
    """The campaigns family is kept while the journal's facts are unchanged: a quote's consent and expiry are facts."""
    root = tmp_path / "journal"
    shutil.copytree(QUOTES_FIXTURE, root)
    parse_cache, page_cache = ParseCache(), PageCache()

    def build() -> tuple[str, set[str]]:
        site = Site(load(root, cache=parse_cache), Renderer(), cache=page_cache, fingerprint="f")
        pages = {p.path: p for p in campaigns.FAMILY.pages(site)}
        return pages["campaigns/spring-webinar.md"].html, site.reused

    first, _ = build()
    again, reused = build()
    assert again == first and "campaigns/spring-webinar.md" in reused
    note = root / "interviews" / "2026" / "2026-03-04-acme.md"
    note.write_text(note.read_text().replace('consent="Jane Doe, email 2026-03-10"', 'consent="form 2026-099" expires=2026-12-01'))
    edited, reused = build()
    assert reused == set()
    assert "Consent: form 2026-099" in edited and "Clearance ends in 11 days" in edited
    assert "Both quotes cleared until 2026-12-01; 1 expires within 30 days" in edited
