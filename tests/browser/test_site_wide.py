"""Every page family in a real browser: no request leaves 127.0.0.1, no console errors, light and dark
schemes, and a 390 px phone without horizontal scrolling (on the site of each engine)."""

from __future__ import annotations


import pytest
from playwright.sync_api import Browser, Page, expect

from .conftest import FAMILIES, LOCAL_HOST, EngineSite, open_page

pytestmark = pytest.mark.browser

SCHEMES = {"light": "default", "dark": "slate"}  # prefers-color-scheme -> Material's data-md-color-scheme
SIZES = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 390, "height": 844}}

# WCAG contrast of two computed CSS colours; a translucent foreground is blended over the background first.
CONTRAST = """([fg, bg]) => {
  const rgba = c => { const m = c.match(/[\\d.]+/g).map(Number); return [m[0], m[1], m[2], m.length > 3 ? m[3] : 1]; };
  const [f, b] = [rgba(fg), rgba(bg)];
  const mixed = f.slice(0, 3).map((v, i) => v * f[3] + b[i] * (1 - f[3]));
  const lum = c => { const [r, g, bl] = c.map(v => { v /= 255; return v <= .03928 ? v / 12.92 : ((v + .055) / 1.055) ** 2.4; });
                     return .2126 * r + .7152 * g + .0722 * bl; };
  const [hi, lo] = [lum(mixed), lum(b.slice(0, 3))].sort((x, y) => y - x);
  return (hi + .05) / (lo + .05);
}"""


def background(page: Page) -> str:
    return page.evaluate("getComputedStyle(document.querySelector('.md-main')).backgroundColor === 'rgba(0, 0, 0, 0)'"
                         " ? getComputedStyle(document.body).backgroundColor : getComputedStyle(document.querySelector('.md-main')).backgroundColor")


def contrast(page: Page, fg: str, bg: str) -> float:
    return page.evaluate(CONTRAST, [fg, bg])


def luminance_of(page: Page, color: str) -> float:
    return contrast(page, color, "rgb(0, 0, 0)")  # 1 for black, 21 for white


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("scheme", SCHEMES)
def test_every_page_family(browser: Browser, engine_site: EngineSite, scheme: str, size: str, tmp_path_factory) -> None:
    """Visits one page of every family on the site of each engine (the open_page watch fails on console
    errors and foreign requests)."""
    site_url = engine_site.url
    shots = tmp_path_factory.mktemp("screenshots")
    # Two of the four runs also wait for the network to go quiet, catching late requests (the search
    # index, images) in both schemes and both sizes; the other two save that half second a page.
    settle = "networkidle" if (scheme, size) in {("light", "desktop"), ("dark", "phone")} else "load"
    with open_page(browser, color_scheme=scheme, viewport=SIZES[size]) as (page, watch):
        for family, path in FAMILIES.items():
            page.goto(site_url + path, wait_until=settle)
            expect(page.locator("body")).to_have_attribute("data-md-color-scheme", SCHEMES[scheme])
            bg = background(page)
            assert (luminance_of(page, bg) > 15) == (scheme == "light"), f"{family}: background {bg}"
            heading = page.locator("article h1").first
            assert contrast(page, heading.evaluate("h => getComputedStyle(h).color"), bg) >= 4.5, family
            widths = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
            assert widths[0] <= widths[1], f"{family} scrolls sideways at {size} width: {widths}"
            if family == "dashboard":
                page.screenshot(path=shots / f"dashboard-{engine_site.engine}-{scheme}-{size}.png", full_page=True)
        assert not watch.foreign and not watch.errors, (family, watch)
        print(f"screenshots in {shots}")


def test_wide_tables_scroll_inside_their_box_on_a_phone(browser: Browser, site_url: str) -> None:
    with open_page(browser, viewport=SIZES["phone"]) as (page, _):
        page.goto(site_url + FAMILIES["account"])
        themes = page.locator(".journal-themes")
        sizes = themes.evaluate("e => [e.scrollWidth, e.clientWidth, getComputedStyle(e).overflowX]")
        assert sizes[0] > sizes[1] and sizes[2] == "auto", sizes  # wider than the phone: it scrolls, the page does not
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


@pytest.mark.parametrize("scheme", SCHEMES)
def test_the_chart_is_readable_in_both_schemes(browser: Browser, site_url: str, scheme: str) -> None:
    with open_page(browser, color_scheme=scheme) as (page, _):
        page.goto(site_url)
        bg = background(page)
        labels = page.locator("svg.journal-chart text")
        assert labels.count() >= 3
        for fill in set(labels.evaluate_all("ts => ts.map(t => getComputedStyle(t).fill)")):
            assert contrast(page, fill, bg) >= 4.5, (scheme, fill, bg)  # axis numbers and months
        for fill in set(page.locator("svg.journal-chart rect.journal-series").evaluate_all("rs => rs.map(r => getComputedStyle(r).fill)")):
            assert contrast(page, fill, bg) >= 3, (scheme, fill, bg)  # bars: graphical objects (WCAG 1.4.11)


def test_the_palette_toggle_switches_and_remembers_the_scheme(browser: Browser, site_url: str) -> None:
    with open_page(browser, color_scheme="light") as (page, _):
        page.goto(site_url)
        body = page.locator("body")
        expect(body).to_have_attribute("data-md-color-scheme", "default")
        page.locator("[data-md-component=palette] label:visible").click()  # the sun icon: "Switch to dark mode"
        expect(body).to_have_attribute("data-md-color-scheme", "slate")
        assert luminance_of(page, background(page)) < 15
        page.goto(site_url + FAMILIES["quotes"])  # a full page load keeps the choice
        expect(body).to_have_attribute("data-md-color-scheme", "slate")


def test_the_watch_fails_on_foreign_requests_and_console_errors(browser: Browser, site_url: str) -> None:
    """The checks above can fail: a request to another host, and an error in the console."""
    with pytest.raises(AssertionError, match=f"left {LOCAL_HOST}.*tracker.invalid"):
        with open_page(browser) as (page, _):
            page.goto(site_url)
            page.evaluate("fetch('https://tracker.invalid/pixel.gif').catch(() => null)")  # .invalid never resolves; still a request
    with pytest.raises(AssertionError, match="console.error: boom"):
        with open_page(browser) as (page, _):
            page.goto(site_url)
            page.evaluate("console.error('boom')")
