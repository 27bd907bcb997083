"""Canary test: a full build of tests/fixtures/canary, whose private values carry unique strings,
then a scan of every file the site holds (compressed ones unpacked: the search index's); with
each engine (MkDocs and Zensical).

What may appear where (spec sections 2-5):
- contacts and anything from the confidential interview (including its file name): nowhere;
- internal quotes: on internal pages, never in an export (quotes.json, quotes.csv, feed.xml,
  `journal quotes`);
- the speaker and account of an anonymous quote: on internal pages, never in that quote's
  export record, feed entry or the attribution the library copies.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.adapters.cli.app import main

from tests.support import EPOCH, FIXTURES, build_fixture, build_with_zensical, library_records

CANARY = FIXTURES / "canary"
NOWHERE = ("CANARY-CONTACT", "CANARY-CONF")  # contacts, the confidential file's values and its name
INTERNAL = ("CANARY-INTERNAL-3b9e", "CANARY-INTERNAL-e6f0")
ANONYMOUS = ("CANARY-ANONSPEAKER-51c2", "CANARY-ANONACCT-2c7d")
EXPORTS = ("quotes/quotes.json", "quotes/quotes.csv", "feed.xml")
GZIP = b"\x1f\x8b"


@pytest.fixture(scope="module", params=["mkdocs", "zensical"])
def site(request, tmp_path_factory) -> Path:
    tmp = tmp_path_factory.mktemp("canary")
    if request.param == "mkdocs":
        return build_fixture(CANARY, tmp)
    shutil.copytree(CANARY, tmp / "canary")
    return build_with_zensical(tmp / "canary")


def search_index(site: Path) -> str:
    """The text of the site's search index: every page's Pagefind fragment, unpacked."""
    texts = files(site)
    return "".join(text for name, text in texts.items() if re.match(r"pagefind/(part-\d+/)?fragment/", name))


def files(site: Path) -> dict[str, str]:
    """Every file of the site (gzip-compressed ones unpacked: sitemap.xml.gz, the search index's), decoded
    leniently, by path relative to the site."""
    out = {}
    for p in sorted(site.rglob("*")):
        if p.is_file():
            data = p.read_bytes()
            out[p.relative_to(site).as_posix()] = (gzip.decompress(data) if data[:2] == GZIP else data).decode("utf-8", "replace")
    return out


def found(canaries: tuple[str, ...], text: str) -> list[str]:
    return [c for c in canaries if c.casefold() in text.casefold()]  # slugs and ids are lower case


def test_the_scan_covers_the_whole_site(site: Path) -> None:
    names = set(files(site))
    assert {"404.html", "sitemap.xml", "pagefind/pagefind-entry.json", *EXPORTS} <= names
    for sitemap in {"sitemap.xml", "sitemap.xml.gz"} & names:
        assert "anonymous-account/" in files(site)[sitemap]  # unpacked, so it is scanned
    assert found(INTERNAL, search_index(site)) == list(INTERNAL)  # the index holds the notes, scanned unpacked
    # The canaries are there to be found: the internal and anonymous ones on internal pages.
    page = files(site)["interviews/2026/2026-04-10-anonymous-account/index.html"]
    assert found(INTERNAL, page) == ["CANARY-INTERNAL-e6f0"] and found(ANONYMOUS, page) == list(ANONYMOUS)


def test_no_contact_and_nothing_confidential_anywhere(site: Path) -> None:
    leaks = {path: found(NOWHERE, text) for path, text in files(site).items()}
    assert {path: hit for path, hit in leaks.items() if hit} == {}
    paths = "\n".join(files(site))
    assert not found(NOWHERE, paths)


def test_internal_quotes_are_in_no_export(site: Path) -> None:
    texts = files(site)
    for export in EXPORTS:
        assert not found(INTERNAL, texts[export]), export
    assert "We cut our on-call pages in half" in texts["quotes/quotes.json"]


def test_anonymous_quotes_carry_no_identity_in_exports(site: Path) -> None:
    texts = files(site)
    records = json.loads(texts["quotes/quotes.json"])["quotes"]
    anonymous = [r for r in records if r["clearance"] == "anonymous"]
    assert [r["id"] for r in anonymous] == ["anon-price"]
    assert anonymous[0]["attribution"].endswith("— Head of Dispatch at a cold chain company")
    assert anonymous[0]["url"].endswith("/quotes/#anon-price")
    for export in ("quotes/quotes.json", "quotes/quotes.csv"):
        assert not found(ANONYMOUS, texts[export]), export
    rows = list(csv.DictReader(io.StringIO(texts["quotes/quotes.csv"].lstrip("\ufeff"))))
    assert {r["id"] for r in rows} == {r["id"] for r in records}


def test_anonymous_quote_feed_entry_and_library_copy_carry_no_identity(site: Path) -> None:
    texts = files(site)
    ns = {"a": "http://www.w3.org/2005/Atom"}
    entries = ET.fromstring(texts["feed.xml"]).findall("a:entry", ns)
    anon = [e for e in entries if any("#anon-price" in (l.get("href") or "") for l in e.findall("a:link", ns))]
    assert len(anon) == 1
    assert not found(ANONYMOUS, ET.tostring(anon[0], encoding="unicode"))
    records = library_records(texts["quotes/index.html"], lambda url: texts["quotes/" + url])
    record = next(r for r in records if r["id"] == "anon-price")
    assert record["copy"].endswith("— Head of Dispatch at a cold chain company")
    assert not found(ANONYMOUS, record["copy"])
    assert not found(ANONYMOUS, record["voice"]["who"])  # the card credits it as the copy does


@pytest.mark.parametrize("fmt", ["text", "csv", "json", "markdown"])
def test_journal_quotes_exports_the_same_way(fmt: str) -> None:
    result = CliRunner().invoke(main, ["--root", str(CANARY), "quotes", "--format", fmt], env={"SOURCE_DATE_EPOCH": EPOCH})
    assert result.exit_code == 0, result.output
    assert "half the first month" in result.stdout and "per-seat price" in result.stdout
    assert not found(NOWHERE + INTERNAL + ANONYMOUS, result.output)
