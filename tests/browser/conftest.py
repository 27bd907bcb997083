"""Real-browser fixtures: the sample journal built once, served once, one headless chromium per session.

Tests get ``site_url`` (http://127.0.0.1:<port>/, the built sample site) and ``page``
(a fresh Playwright page whose context may read and write the clipboard); another
built site can be served with ``serve_directory``. ``engine_site`` runs a test on the sample
site as each engine builds it (MkDocs, then Zensical). Mark browser tests ``@pytest.mark.browser``.

Every page opened through ``page`` or ``open_page`` is watched: a JavaScript error, a console
error or a request to any host but 127.0.0.1 fails the test. The tests never skip: without chromium or
Playwright they fail.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import json
import threading
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator
from urllib.parse import urlparse

import pytest
from playwright.sync_api import Browser, BrowserContext, Locator, Page, sync_playwright

CHROMIUM = "/usr/bin/chromium"
LOCAL_HOST = "127.0.0.1"
LOCAL_SCHEMES = ("data", "blob", "about")  # no network involved

# One page of every generated page family, and the guide pages (paths below the site root).
FAMILIES = {
    "dashboard": "",
    "customers": "customers/",
    "account": "customers/northwind-field-services/",
    "interview": "interviews/2026/2026-06-02-northwind-field-services/",
    "quotes": "quotes/",
    "segments": "segments/",
    "segment": "segments/tag/renewal/",
    "campaigns": "campaigns/",
    "campaign": "campaigns/spring-on-call-webinar/",
    "insights": "insights/",
    "insight": "insights/procurement-drives-churn/",
    "guide-about": "about/",
    "guide-format": "format/",
    "guide-using-quotes": "using-quotes/",
    "guide-authoring": "authoring/",
    "guide-publishing": "publishing/",
    "not-found": "404.html",
}


def is_local(url: str) -> bool:
    parsed = urlparse(url)
    return parsed.scheme in LOCAL_SCHEMES or parsed.hostname == LOCAL_HOST


@dataclass
class Watch:
    """What went wrong in a browser context: JavaScript errors, console errors, foreign requests."""

    errors: list[str] = field(default_factory=list)
    foreign: list[str] = field(default_factory=list)

    def attach(self, context: BrowserContext) -> None:
        context.on("request", lambda request: None if is_local(request.url) else self.foreign.append(request.url))
        context.on("page", self.watch_page)

    def watch_page(self, page: Page) -> None:
        page.on("pageerror", lambda exc: self.errors.append(f"{page.url}: {exc}"))
        page.on("console", lambda msg: self.errors.append(f"{page.url}: console.{msg.type}: {msg.text}")
                if msg.type == "error" else None)

    def check(self) -> None:
        assert not self.foreign, f"requests that left {LOCAL_HOST}: {sorted(set(self.foreign))}"
        assert not self.errors, f"errors in the browser: {self.errors}"


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args) -> None:  # noqa: A002 - the stdlib's name
        pass


@contextlib.contextmanager
def serve_directory(directory: Path) -> Iterator[str]:
    """Serve ``directory`` on 127.0.0.1 at a free port (in this process); yields the root URL."""
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo):
    """A browser test that skips (say, a future importorskip) fails instead: they must run in CI."""
    report = (yield).get_result()
    if report.skipped and item.get_closest_marker("browser") and not hasattr(report, "wasxfail"):
        report.outcome = "failed"
        report.longrepr = f"browser tests never skip: {report.longrepr}"


@pytest.fixture(scope="session")
def site_url(sample_site: Path) -> Iterator[str]:
    """The built sample site, served for the whole session."""
    with serve_directory(sample_site) as url:
        yield url


@pytest.fixture(scope="session")
def zensical_site_url(zensical_sample_site: Path) -> Iterator[str]:
    """The sample site built by `journal build --engine zensical`, served for the whole session."""
    with serve_directory(zensical_sample_site) as url:
        yield url


@dataclass(frozen=True)
class EngineSite:
    engine: str  # "mkdocs" or "zensical"
    url: str


@pytest.fixture(params=["mkdocs", "zensical"])
def engine_site(request: pytest.FixtureRequest) -> EngineSite:
    """The sample site built by each engine in turn: the journeys that must work on both."""
    return EngineSite(request.param, request.getfixturevalue("site_url" if request.param == "mkdocs" else "zensical_site_url"))


@contextlib.contextmanager
def headless_chromium() -> Iterator[Browser]:
    """Debian's chromium, headless, through Playwright (also what bench/browse.py measures with)."""
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=["--no-sandbox"])
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    with headless_chromium() as chromium:
        yield chromium


@contextlib.contextmanager
def open_page(browser: Browser, **options: Any) -> Iterator[tuple[Page, Watch]]:
    """A page of a fresh, watched context (``options`` go to ``new_context``); checks the watch on exit."""
    context = browser.new_context(**{"viewport": {"width": 1280, "height": 1000}, **options})
    watch = Watch()
    watch.attach(context)
    try:
        yield context.new_page(), watch
        watch.check()
    finally:
        context.close()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    """A watched page of a fresh context that may use the clipboard."""
    with open_page(browser, permissions=["clipboard-read", "clipboard-write"]) as (tab, _):
        yield tab


def exported(site_url: str) -> dict[str, dict[str, Any]]:
    """The records of the site's quotes.json, by quote id."""
    with urllib.request.urlopen(site_url + "quotes/quotes.json") as response:
        return {r["id"]: r for r in json.load(response)["quotes"]}


def copied_by(page: Page, button: Locator) -> str:
    """Click a copy ``button``; what reaches the clipboard. The clipboard is the browser's,
    shared by every test of this worker, and written asynchronously: wait until it changes."""
    nothing = "(nothing copied yet)"
    page.bring_to_front()  # the clipboard takes writes from the focused page only
    page.evaluate("text => navigator.clipboard.writeText(text)", nothing)
    button.click()
    for _ in range(100):
        copied = page.evaluate("navigator.clipboard.readText()")
        if copied != nothing:
            return copied
        page.wait_for_timeout(50)
    raise AssertionError(f"the click put nothing on the clipboard; the button says {button.inner_text()!r}")
