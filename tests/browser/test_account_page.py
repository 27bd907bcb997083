"""An account page read top to bottom: the timeline, relationship changes, the stakeholder map, an interview;
styled by the journal's stylesheets on the site of each engine."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from .conftest import EngineSite
from .sample import Note, account_of, visible

pytestmark = pytest.mark.browser

ACCOUNTS = {"Northwind Field Services": "northwind-field-services",  # prospect → customer → lost customer
            "Acme Logistics": "acme-logistics"}  # one interview under an alias


def notes_of(name: str) -> list[Note]:
    return [n for n in visible() if account_of(n) == name]


def transitions(notes: list[Note]) -> list[str]:
    """What the timeline should say about relationship changes, oldest first."""
    out, before = [], None
    for n in notes:
        after = n.meta["relationship"].replace("-", " ")
        if before is None:
            out.append(f"First contact as {after}")
        elif after != before:
            out.append(f"Relationship changed: {before} → {after}")
        before = after
    return out


@pytest.mark.parametrize("name", ACCOUNTS)
def test_timeline_and_transitions(page: Page, engine_site: EngineSite, name: str) -> None:
    notes = notes_of(name)
    page.goto(engine_site.url + f"customers/{ACCOUNTS[name]}/")
    expect(page.locator("h1")).to_have_text(name)
    events = page.locator("#journal-timeline > li")
    dates = events.locator(".journal-event__date time").evaluate_all("ts => ts.map(t => t.getAttribute('datetime'))")
    assert dates == sorted(dates, reverse=True)  # newest first
    kinds = events.evaluate_all("ls => ls.map(l => l.classList.contains('journal-event--transition') ? 't' : 'i')")
    interview_dates = [d for d, k in zip(dates, kinds) if k == "i"]
    assert interview_dates == [n.meta["date"].isoformat() for n in reversed(notes)]

    changes = page.locator("#journal-timeline > li.journal-event--transition .journal-event__body")
    expect(changes).to_have_text(transitions(notes)[::-1])
    for change in changes.all():
        expect(change).to_be_visible()
        assert change.evaluate("e => getComputedStyle(e.closest('li')).fontWeight") == "700"  # they stand out


@pytest.mark.parametrize("name", ACCOUNTS)
def test_stakeholder_map_groups_people_by_department(page: Page, site_url: str, name: str) -> None:
    department: dict[str, str] = {}
    for note in notes_of(name):  # oldest first: the last description wins
        for person in note.meta["people"]:
            department[person["name"]] = person.get("department") or ""
    expected: dict[str, set[str]] = {}
    for person, dep in department.items():
        expected.setdefault(dep, set()).add(person)

    page.goto(site_url + f"customers/{ACCOUNTS[name]}/")
    shown = {}
    for section in page.locator(".journal-stakeholders > .journal-department").all():
        expect(section).to_be_visible()
        chip = section.locator("h3 .journal-chip")
        dep = chip.inner_text() if chip.count() else ""
        shown[dep] = set(section.locator(".journal-people > li > strong").all_inner_texts())
    assert shown == expected


def test_an_interview_link_opens_the_interview(page: Page, site_url: str) -> None:
    newest = notes_of("Northwind Field Services")[-1]
    page.goto(site_url + "customers/northwind-field-services/")
    page.locator("#journal-timeline .journal-event--interview .journal-event__head a").first.click()
    page.wait_for_url(re.compile(re.escape(newest.url) + "$"))
    expect(page.locator("h1")).to_contain_text(newest.meta["customer"])
    expect(page.locator(".journal-facts time")).to_have_attribute("datetime", newest.meta["date"].isoformat())
    expect(page.locator(".journal-summary")).to_have_text(newest.meta["summary"])
    page.get_by_role("link", name="Northwind Field Services").first.click()  # and back to the account
    page.wait_for_url(re.compile(r"/customers/northwind-field-services/$"))


STYLE = "(e, names) => Object.fromEntries(names.map(n => [n, getComputedStyle(e).getPropertyValue(n)]))"


def test_the_account_page_is_styled(page: Page, engine_site: EngineSite) -> None:
    """The journal's stylesheets reach the page whichever engine built it (Zensical loads only what its
    configuration declares): the facts card is a two-column grid, chips are pills, the stale mark is a badge."""
    page.goto(engine_site.url + "customers/northwind-field-services/")
    card = page.locator(".journal-card.journal-account")
    style = card.evaluate(STYLE, ["display", "border-top-style", "grid-template-columns"])
    assert style["display"] == "grid" and style["border-top-style"] == "solid"
    assert len(style["grid-template-columns"].split()) == 2, style  # two columns at desktop width
    assert page.locator(".journal-facts").first.evaluate(STYLE, ["display"])["display"] == "grid"
    for chip in page.locator(".journal-card .journal-chip").all():
        style = chip.evaluate(STYLE, ["display", "background-color", "border-top-left-radius", "text-decoration-line"])
        assert style == {**style, "display": "inline-block", "text-decoration-line": "none"}, style
        assert style["background-color"] != "rgba(0, 0, 0, 0)" and style["border-top-left-radius"] != "0px"
    stale = page.locator(".journal-stale")
    expect(stale).to_have_text("stale")
    assert stale.evaluate(STYLE, ["text-transform"])["text-transform"] == "uppercase"
    assert page.locator("ol.journal-timeline").evaluate(STYLE, ["list-style-type"])["list-style-type"] == "none"
