"""Canary test: a full build of tests/fixtures/canary, whose private values carry unique strings,
then a scan of every file the site holds (compressed ones unpacked: the search index's); with
each engine (MkDocs and Zensical).

What may appear where (spec sections 2-5):
- contacts and anything from the confidential interview (including its file name): nowhere;
- internal quotes (and quotes whose clearance expired): on internal pages, never in an export
  (quotes.json, quotes.csv, feed.xml, `journal quotes`);
- the speaker and account of an anonymous quote: on internal pages, never in that quote's
  export record, feed entry or the attribution the library copies;
- quote cards and campaign packs: only for cleared quotes, and an anonymous quote's card and pack
  row carry no identity: not in the SVG's text or alt text, the PNG's chunks or pixels, file names
  or the pack's CSV; nor in the card cache (kept between builds, by CI too) or the pack that
  `journal quotes --cards` writes; a campaign citing a private quote gets no pack at all.

Every file is scanned as what it says: gzip unpacked, each zip member on its own, a PNG's chunks
(all but the pixels), and the images an SVG embeds (the logo comes with metadata canaries).
"""

from __future__ import annotations

import base64
import csv
import gzip
import io
import json
import re
import shutil
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.adapters.cli.app import main
from generator.core.load import load_project
from generator.core.project import read_config
from generator.site.cardimage.face import CardFace, brand_of
from generator.site.cardimage.png import chunks
from generator.site.cardimage.render import render

from tests.support import EPOCH, FIXTURES, TODAY, build_fixture, build_with_zensical, library_records, run_mkdocs

CANARY = FIXTURES / "canary"
NOWHERE = ("CANARY-CONTACT", "CANARY-CONF")  # contacts, the confidential file's values and its name, the logo's metadata
INTERNAL = ("CANARY-INTERNAL-3b9e", "CANARY-INTERNAL-e6f0", "CANARY-EXPIRED-6d1a")  # an expired clearance counts as internal
ANONYMOUS = ("CANARY-ANONSPEAKER-51c2", "CANARY-ANONACCT-2c7d")
EXPORTS = ("quotes/quotes.json", "quotes/quotes.csv", "feed.xml")
CARDS = ("quotes/cards/open-public.png", "quotes/cards/open-public.svg", "quotes/cards/anon-price.png", "quotes/cards/anon-price.svg")
GZIP = b"\x1f\x8b"


# The quotes no card, pack or export may hold, each with its text as a campaign would cite it.
PRIVATE = {
    "open-internal": "Between us, CANARY-INTERNAL-3b9e our CFO wants to cancel next year.",
    "anon-internal": "CANARY-INTERNAL-e6f0 is the budget we could never get approved.",
    "open-expired": "Renewing was easy: CANARY-EXPIRED-6d1a exported every report we had.",
    "canary-conf-quote-ff00": "CANARY-CONF-QUOTE-ddee we are leaving for a rival.",
}


@pytest.fixture(scope="module", params=["mkdocs", "zensical"])
def site(request, tmp_path_factory) -> Path:
    tmp = tmp_path_factory.mktemp("canary")
    with pytest.MonkeyPatch.context() as env:
        env.setenv("JOURNAL_CACHE_DIR", str(tmp / "cache"))  # a card cache of its own, scanned too
        if request.param == "mkdocs":
            return build_fixture(CANARY, tmp)
        shutil.copytree(CANARY, tmp / "canary")
        return build_with_zensical(tmp / "canary")


def card_cache(site: Path) -> Path:
    return site.parents[1] / "cache" / "cards"


def search_index(site: Path) -> str:
    """The text of the site's search index: every page's Pagefind fragment, unpacked."""
    texts = files(site)
    return "".join(text for name, text in texts.items() if re.match(r"pagefind/(part-\d+/)?fragment/", name))


def files(site: Path) -> dict[str, str]:
    """Every file of the site as text, by path relative to the site (a zip's members as zip/member)."""
    out = {}
    for p in sorted(site.rglob("*")):
        if p.is_file():
            out.update(readable(p.relative_to(site).as_posix(), p.read_bytes()))
    return out


def readable(name: str, data: bytes) -> dict[str, str]:
    """What a file holds, as text, decoded leniently: gzip unpacked (sitemap.xml.gz, the search index's
    files), zip members (and their names), a PNG's chunks but the pixels, an SVG with the images it embeds."""
    if data[:2] == GZIP:
        data = gzip.decompress(data)
    if name.endswith(".zip"):
        archive = zipfile.ZipFile(io.BytesIO(data))
        found = {name: "\n".join(archive.namelist())}
        for member in archive.namelist():
            found.update(readable(f"{name}/{member}", archive.read(member)))
        return found
    if name.endswith(".png"):
        return {name: "\n".join(f"{kind.decode()} {'' if kind == b'IDAT' else body.decode('latin-1')}" for kind, body in chunks(data))}
    text = data.decode("utf-8", "replace")
    if name.endswith(".svg"):
        for image in re.findall(r"data:image/png;base64,([A-Za-z0-9+/=]+)", text):
            text += "\n" + readable("embedded.png", base64.b64decode(image))["embedded.png"]
    return {name: text}


def found(canaries: tuple[str, ...], text: str) -> list[str]:
    return [c for c in canaries if c.casefold() in text.casefold()]  # slugs and ids are lower case


def test_the_scan_covers_the_whole_site(site: Path) -> None:
    names = set(files(site))
    assert {"404.html", "sitemap.xml", "pagefind/pagefind-entry.json", *EXPORTS, *CARDS} <= names
    assert {"campaigns/spring/spring.zip/spring/quotes.csv", "campaigns/spring/spring.zip/spring/cards/anon-price.png"} <= names
    assert "IHDR" in files(site)["quotes/cards/open-public.svg"].split("data:image/png")[-1]  # the logo, unpacked
    for sitemap in {"sitemap.xml", "sitemap.xml.gz"} & names:
        assert "anonymous-account/" in files(site)[sitemap]  # unpacked, so it is scanned
    assert found(INTERNAL, search_index(site)) == list(INTERNAL)  # the index holds the notes, scanned unpacked
    # The canaries are there to be found: the internal and anonymous ones on internal pages.
    page = files(site)["interviews/2026/2026-04-10-anonymous-account/index.html"]
    assert found(INTERNAL, page) == ["CANARY-INTERNAL-e6f0"] and found(ANONYMOUS, page) == list(ANONYMOUS)
    page = files(site)["interviews/2026/2026-03-04-open-account/index.html"]
    assert found(INTERNAL, page) == ["CANARY-INTERNAL-3b9e", "CANARY-EXPIRED-6d1a"]


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


def test_cards_exist_only_for_cleared_quotes(site: Path) -> None:
    cleared = {r["id"] for r in json.loads(files(site)["quotes/quotes.json"])["quotes"]}
    assert cleared == {"open-public", "anon-price"}
    assert sorted(p.name for p in (site / "quotes" / "cards").iterdir()) == sorted(Path(c).name for c in CARDS)
    packed = [n for n in files(site) if n.startswith("campaigns/spring/spring.zip/") and n.endswith(".png")]
    assert sorted(Path(n).stem for n in packed) == sorted(cleared)


def test_cards_and_packs_carry_nothing_private(site: Path) -> None:
    texts = files(site)
    carried = {name: text for name, text in texts.items() if "/cards/" in name or ".zip" in name}
    assert len(carried) >= len(CARDS)
    assert {name: found(NOWHERE + INTERNAL, text) for name, text in carried.items()} == dict.fromkeys(carried, [])
    pngs = [name for name in CARDS if name.endswith(".png")]
    assert pngs and {name: [kind for kind, _ in chunks((site / name).read_bytes())] for name in pngs} == \
        dict.fromkeys(pngs, [b"IHDR", b"PLTE", b"IDAT", b"IEND"])


def test_an_anonymous_card_and_pack_row_carry_no_identity(site: Path) -> None:
    texts = files(site)
    svg = ET.fromstring((site / "quotes" / "cards" / "anon-price.svg").read_text(encoding="utf-8"))
    shown = " ".join([*svg.itertext(), *(value for element in svg.iter() for value in element.attrib.values())])
    assert "The per-seat price made us look elsewhere." in shown and "Head of Dispatch at a cold chain company" in shown
    assert "Northwind Software" in shown  # our brand is on it, the customer's name is not
    for name in ("quotes/cards/anon-price.svg", "quotes/cards/anon-price.png", "campaigns/spring/spring.zip"):
        assert not found(ANONYMOUS, texts[name]), name
    assert not found(ANONYMOUS, "\n".join(n for n in texts if "/cards/" in n or ".zip" in n)), "a file name"
    rows = list(csv.DictReader(io.StringIO(texts["campaigns/spring/spring.zip/spring/quotes.csv"].lstrip("\ufeff"))))
    anonymous = next(r for r in rows if r["id"] == "anon-price")
    assert anonymous["consent"] == "on file" and not found(ANONYMOUS, " ".join(anonymous.values()))
    assert next(r for r in rows if r["id"] == "open-public")["consent"] == "Paula, email 2026-03-05"
    library = texts["quotes/index.html"]
    assert 'download="anon-price.png">Download card</a>' in library


def test_the_anonymous_png_draws_nothing_but_the_quote_its_descriptor_and_our_brand(site: Path) -> None:
    """A PNG's pixels cannot be scanned as text: they must be exactly what a card of the quote's text,
    the descriptor and our brand draws (a face holds nothing else, not even the id)."""
    face = CardFace("The per-seat price made us look elsewhere.", "Head of Dispatch at a cold chain company",
                    brand_of(read_config(CANARY).cards, CANARY))
    png, svg = render(face)
    assert (site / "quotes" / "cards" / "anon-price.png").read_bytes() == png
    assert (site / "quotes" / "cards" / "anon-price.svg").read_text(encoding="utf-8") == svg
    alt = ET.fromstring(svg).get("aria-label")  # what an <img> of the SVG is called
    assert alt == "\u201cThe per-seat price made us look elsewhere.\u201d \u2014 Head of Dispatch at a cold chain company"


def test_the_card_cache_holds_only_the_cleared_cards(site: Path) -> None:
    """The cache outlives the build (CI keeps it between runs): nothing private is drawn into it either."""
    cached = {p.name: p.read_bytes() for p in sorted(card_cache(site).iterdir())}
    assert sorted(cached.values()) == sorted((site / name).read_bytes() for name in CARDS)
    for name, data in cached.items():
        assert not found(NOWHERE + INTERNAL + ANONYMOUS, readable(name, data)[name] + name), name


def test_journal_quotes_writes_a_pack_as_clean_as_the_sites(site: Path, tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["--root", str(CANARY), "quotes", "--campaign", "spring", "--cards", str(tmp_path)],
                                env={"SOURCE_DATE_EPOCH": EPOCH})
    assert result.exit_code == 0, result.output
    written = {p.relative_to(tmp_path).as_posix(): p.read_bytes() for p in sorted(tmp_path.rglob("*")) if p.is_file()}
    zipped = {name[len("campaigns/spring/spring.zip/"):]: text for name, text in files(site).items()
              if name.startswith("campaigns/spring/spring.zip/")}
    assert {name: readable(name, data)[name] for name, data in written.items()} == zipped
    for name, data in written.items():
        assert not found(NOWHERE + INTERNAL + ANONYMOUS, readable(name, data)[name]), name
    assert not found(NOWHERE + INTERNAL + ANONYMOUS, result.output + "\n".join(written))
    assert not (CANARY / ".cache").exists()  # the fixture stays as it is


def leaky_campaign(tmp_path: Path, cited: list[str]) -> Path:
    """A copy of the canary journal with campaigns/leaky.yml citing ``cited`` (ids of PRIVATE) word for word:
    its only errors are that they are not cleared."""
    project = tmp_path / "canary"
    shutil.copytree(CANARY, project)
    cites = "".join(f"  - id: {quote_id}\n    text: {json.dumps(PRIVATE[quote_id])}\n" for quote_id in cited)
    (project / "campaigns" / "leaky.yml").write_text(f"name: Leaky\ncites:\n{cites}", encoding="utf-8")
    _, problems = load_project(project, today=TODAY)
    assert [(p.path, p.message.split(" is no longer cleared")[0]) for p in problems.errors] == [
        ("campaigns/leaky.yml", f"the quote '{quote_id}'") for quote_id in cited]
    return project


@pytest.mark.parametrize("quote_id", sorted(PRIVATE))
def test_journal_quotes_writes_no_pack_citing_a_private_quote(quote_id: str, tmp_path: Path) -> None:
    project = leaky_campaign(tmp_path, [quote_id])
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["--root", str(project), "quotes", "--campaign", "leaky", "--cards", str(out)],
                                env={"SOURCE_DATE_EPOCH": EPOCH})
    assert result.exit_code == 2 and "the campaign 'leaky' has errors" in result.output
    assert not out.exists()
    assert not found(INTERNAL + ANONYMOUS + ("CANARY-CONF-QUOTE", "CANARY-CONF-PERSON", "CANARY-CONTACT"), result.output)


def test_a_build_with_a_campaign_citing_private_quotes_fails_and_writes_no_pack(tmp_path: Path) -> None:
    project = leaky_campaign(tmp_path, sorted(PRIVATE))
    result = run_mkdocs(project, "--strict")
    assert result.returncode != 0
    assert "journal: 4 errors in the journal" in result.stderr and "the site was not changed" in result.stderr
    assert not (project / "site").exists()
