"""generator.views.export and the exports quotes.json / quotes.csv: cleared quotes only, no identities."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import pytest

from generator.core.load import load_journal
from generator.core.project import read_config
from generator.views.export import (CSV_TAG_SEPARATOR, FIELDS, PUBLIC_ONLY, absolute_url, export_record, export_records, inert,
                                    to_csv, to_json)
from generator.site.render import Renderer
from generator.site.context import Site
from generator.site.registry import build_pages

from tests.quote_journal import interview, load
from tests.support import FIXTURES, REPO, TODAY, build_in_process, per_module, run_mkdocs

FIXTURE = FIXTURES / "quotes"
FORMULAS = FIXTURES / "formulas"  # every value a journal writes into quotes.csv starts a formula
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n")  # what a spreadsheet would run or let start a formula
# The columns of quotes.csv whose values come from what a journal writes: in tests/fixtures/formulas
# each starts with =, + , - and @ (behind a tab or carriage return in the file for some).
WRITTEN = ("text", "relationship", "tags", "speaker", "role", "department", "customer")
# The columns the generator writes: ids and slugs start with a letter or digit, dates with a digit,
# urls with '/', the attribution with '"' and the clearance is a word.
GENERATED = ("id", "clearance", "attribution", "date", "url", "expires", "customer_slug")
CLEARED = ["renewal-formula", "less-phone-time", "integration-broke", "fast-support", "fewer-pages", "alerts-matter"]
ANONYMOUS = {"integration-broke": ("Omar Reyes", "Borealis", "borealis"), "fast-support": ("Omar Reyes", "Borealis", "borealis"),
             "alerts-matter": ("Jane Doe", "Acme", "acme")}
NEVER = [
    "pricing-gripe", "The pricing page made no sense",  # internal
    "onboarding-praise", "Best onboarding we have had",  # expired public clearance
    "whitecap", "Whitecap", "Bob Quill", "Halyard", "halyard",  # confidential file
    "jane@acme.example", "555 0100",  # contacts
    "consent",  # clearance bookkeeping stays on the internal site
]


@pytest.fixture(scope=per_module)
def exports() -> tuple[str, str]:
    journal, problems = load_journal(FIXTURE, read_config(FIXTURE), today=TODAY)
    assert not problems.errors, [p.format() for p in problems]
    pages = build_pages(Site(journal, Renderer(), base_path="/journal/"))
    return pages["quotes/quotes.json"].content, pages["quotes/quotes.csv"].content


def test_json_holds_the_cleared_quotes_newest_first(exports) -> None:
    records = json.loads(exports[0])["quotes"]
    assert [r["id"] for r in records] == CLEARED
    fewer = next(r for r in records if r["id"] == "fewer-pages")
    assert fewer == {
        "id": "fewer-pages", "text": "We cut our on-call pages in half the first month.", "clearance": "public",
        "attribution": '"We cut our on-call pages in half the first month." — Jane Doe, VP Operations, Acme Logistics',
        "date": "2026-03-04", "relationship": "prospect", "tags": ["on-call", "alert fatigue"],
        "url": "/journal/interviews/2026/2026-03-04-acme/#fewer-pages", "expires": None,
        "speaker": "Jane Doe", "role": "VP Operations", "department": "Operations",
        "customer": "Acme Logistics", "customer_slug": "acme-logistics",
    }


def test_anonymous_records_carry_no_identity(exports) -> None:
    records = {r["id"]: r for r in json.loads(exports[0])["quotes"]}
    for quote_id, secrets in ANONYMOUS.items():
        record = records[quote_id]
        assert not set(PUBLIC_ONLY) & set(record)
        assert record["url"] == f"/journal/quotes/#{quote_id}"
        dumped = json.dumps(record, ensure_ascii=False)
        for secret in (*secrets, "interviews/", "customers/"):
            assert secret not in dumped, (quote_id, secret)
    assert records["alerts-matter"]["attribution"] == '"Our dispatchers stopped ignoring alerts." — VP Operations at a logistics company'
    rows = {row["id"]: row for row in csv.DictReader(io.StringIO(exports[1].lstrip("\ufeff")))}
    for quote_id, secrets in ANONYMOUS.items():
        assert all(rows[quote_id][f] == "" for f in PUBLIC_ONLY)
        for secret in (*secrets, "interviews/", "customers/"):
            assert secret not in ",".join(rows[quote_id].values()), (quote_id, secret)


@pytest.mark.parametrize("which", [0, 1], ids=["json", "csv"])
def test_exports_leak_nothing_internal_or_confidential(exports, which: int) -> None:
    for secret in NEVER:
        assert secret not in exports[which], secret


def test_csv_is_for_spreadsheets(exports) -> None:
    text = exports[1]
    assert text.startswith("\ufeff\"id\",\"text\",")  # BOM: Excel reads UTF-8
    assert "\r\n" in text and "\n" not in text.replace("\r\n", "")
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))
    assert rows[0] == list(FIELDS)
    by_id = {row[0]: dict(zip(FIELDS, row)) for row in rows[1:]}
    assert [row[0] for row in rows[1:]] == CLEARED
    formula = by_id["renewal-formula"]
    assert formula["text"] == "'=HYPERLINK(\"http://evil.example\",\"Click\"), said nobody, \"ever\"; we renewed for 3 years."
    assert formula["attribution"].startswith('"=HYPERLINK(')  # starts with a quote mark: already inert
    assert by_id["less-phone-time"]["text"] == "'-40% time on the phone with carriers."
    assert by_id["less-phone-time"]["tags"] == "carriers; Alert Fatigue; renewal"
    assert by_id["fast-support"]["attribution"] == '"Support answered within minutes, every time." — Head of IT at a health care company'


@pytest.mark.parametrize("value, expected", [
    ("=1+1", "'=1+1"), ("+1", "'+1"), ("-1", "'-1"), ("@SUM(A1)", "'@SUM(A1)"), ("\t=1", "'\t=1"),
    ("\r=1", "'\r=1"), ("\n=1", "'\n=1"), ("  =1", "'  =1"), (" \t1", "' \t1"), ("a=1", "a=1"), ("", ""),
    ('"quoted" — x', '"quoted" — x'), ("x\t=1", "x\t=1"), ("X+1", "X+1"),  # only spaces are looked past
])
def test_formula_guard(value: str, expected: str) -> None:
    assert inert(value) == expected


@pytest.fixture(scope=per_module)
def formula_exports(tmp_path_factory) -> tuple[list[dict], list[dict[str, str]]]:
    """tests/fixtures/formulas built by MkDocs: the records of quotes.json and the rows of quotes.csv."""
    project = tmp_path_factory.mktemp("formulas") / "formulas"
    shutil.copytree(FORMULAS, project)
    site = build_in_process(project)
    records = json.loads((site / "quotes" / "quotes.json").read_text(encoding="utf-8"))["quotes"]
    rows = list(csv.DictReader(io.StringIO((site / "quotes" / "quotes.csv").read_text(encoding="utf-8-sig"))))
    assert [r["id"] for r in records] == [r["id"] for r in rows] == ["at-quote", "minus-quote", "plus-quote", "equals-quote"]
    return records, rows


def test_every_column_of_quotes_csv_is_written_or_generated() -> None:
    assert sorted(WRITTEN + GENERATED) == sorted(FIELDS)


@pytest.mark.parametrize("column", WRITTEN)
def test_a_formula_start_in_any_written_column_is_inert_in_the_built_csv(formula_exports, column: str) -> None:
    records, rows = formula_exports
    as_written = [CSV_TAG_SEPARATOR.join(r[column]) if column == "tags" else r[column] for r in records]  # JSON is no spreadsheet
    assert sorted(value[0] for value in as_written) == ["+", "-", "=", "@"]
    assert [row[column] for row in rows] == ["'" + value for value in as_written]


def test_a_built_csv_has_no_cell_a_spreadsheet_would_run(formula_exports) -> None:
    records, rows = formula_exports
    for row in rows:
        assert [cell for cell in row.values() if cell.lstrip(" ").startswith(FORMULA_STARTS)] == [], row["id"]
    assert {column: rows[1][column] for column in GENERATED} == {
        "id": "minus-quote", "clearance": "public",
        "attribution": '"-40% time on the phone with carriers." — -Ana Lima, -Dispatcher, -Cobalt Freight',
        "date": "2026-03-03", "url": "/interviews/minus/#minus-quote", "expires": "", "customer_slug": "cobalt-freight"}
    # A tab or carriage return before the formula character is gone: the cell starts with the guard.
    assert (rows[1]["speaker"], rows[1]["role"], rows[1]["department"], rows[1]["tags"]) == (
        "'-Ana Lima", "'-Dispatcher", "'-Dispatch", "'-carriers; -minus")


def test_consent_stays_out_of_the_exports(formula_exports) -> None:
    records, rows = formula_exports
    text = json.dumps(records) + json.dumps(rows)
    assert "consent" not in text and "HYPERLINK" not in text and "signed form" not in text


def test_json_is_readable_utf_8_indented_by_two() -> None:
    assert to_json([{"id": "x", "text": "Straße — “fine”"}]) == (
        '{\n  "quotes": [\n    {\n      "id": "x",\n      "text": "Straße — “fine”"\n    }\n  ]\n}\n')


@pytest.mark.parametrize("base_path, url", [("/", "/quotes/"), ("", "/quotes/"), ("/journal/", "/journal/quotes/"),
                                            ("/journal", "/journal/quotes/"), ("/team-X/", "/team-X/quotes/")])
def test_an_address_is_absolute_on_the_host_under_the_sites_path(base_path: str, url: str) -> None:
    assert absolute_url(base_path, "quotes/") == url


def test_a_record_says_when_its_clearance_lapses(tmp_path: Path) -> None:
    quotes = "> Fast.\n> — Jane Doe {#p public expires=2027-01-31}"
    journal, _ = load(tmp_path, {"interviews/a.md": interview(quotes=quotes)})
    record = export_record(journal.quote("p"), TODAY, lambda url: "/" + url)
    assert record["expires"] == "2027-01-31"
    assert dict(zip(FIELDS, list(csv.reader(io.StringIO(to_csv([record])[1:])))[1]))["expires"] == "2027-01-31"


def test_a_quote_that_is_not_cleared_is_never_made_a_record(tmp_path: Path) -> None:
    """The callers export cleared quotes only; a caller that forgot stops here instead of leaking it."""
    quotes = "> Fast.\n> — Jane Doe {#i internal}\n\n> Old.\n> — Jane Doe {#e public expires=2026-01-31}"
    journal, _ = load(tmp_path, {"interviews/a.md": interview(quotes=quotes)})
    for quote_id in ("i", "e"):
        with pytest.raises(AssertionError, match="^only cleared quotes are exported$"):
            export_record(journal.quote(quote_id), TODAY, lambda url: "/" + url)
    assert export_records(journal.quotes, TODAY, lambda url: "/" + url) == []


def test_a_public_quote_without_an_account_has_no_slug(tmp_path: Path) -> None:
    """Two spellings making one account address are an error; the second file gets no account."""
    journal, _ = load(tmp_path, {"interviews/a.md": interview(),
                                 "interviews/b.md": interview(customer="Acme-Logistics", quotes="> Fast.\n> — Jane Doe {#p public}")})
    record = export_record(journal.quote("p"), TODAY, lambda url: "/" + url)
    assert (record["customer"], record["customer_slug"], record["url"]) == ("Acme-Logistics", None, "/interviews/b/#p")


def test_csv_quotes_commas_quotes_and_newlines() -> None:
    record = {"id": "x", "text": 'one, "two"\nthree', "tags": ["a, b", "c"], "speaker": None}
    text = to_csv([record])
    row = list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))[1]
    values = dict(zip(FIELDS, row))
    assert values["text"] == 'one, "two"\nthree'
    assert values["tags"] == "a, b; c"
    assert values["speaker"] == ""


def test_exports_are_the_same_bytes_in_every_build(tmp_path: Path) -> None:
    """Two `mkdocs build`s in two processes with different hash seeds (set and dict orders differ)."""
    def build(seed: str) -> list[bytes]:
        project = tmp_path / seed / "quotes"
        shutil.copytree(FIXTURE, project)
        result = run_mkdocs(project, env={"PYTHONHASHSEED": seed})
        assert result.returncode == 0, result.stderr
        return [(project / "site" / "quotes" / name).read_bytes() for name in ("quotes.json", "quotes.csv")]

    first, second = build("1"), build("2")
    assert first == second
    assert b"fewer-pages" in first[0] and b"fewer-pages" in first[1]


def test_sample_site_exports_hold_no_identity_of_anonymous_quotes(sample_site: Path) -> None:
    """Scan the built sample site's export files against the journal model's names."""
    journal, _ = load_journal(REPO, read_config(REPO), today=TODAY)
    records = {r["id"]: r for r in json.loads((sample_site / "quotes" / "quotes.json").read_text(encoding="utf-8"))["quotes"]}
    rows = {r["id"]: r for r in csv.DictReader(io.StringIO((sample_site / "quotes" / "quotes.csv").read_text(encoding="utf-8-sig")))}
    assert records.keys() == rows.keys()
    cleared = [q for q in journal.quotes if q.cleared_on(TODAY)]
    assert {q.id for q in cleared} == records.keys()
    anonymous = [q for q in cleared if q.clearance == "anonymous"]
    assert anonymous, "the sample journal has anonymous quotes"
    for q in anonymous:
        account = q.interview.account
        names = {p.name for p in q.interview.meta.people} | {account.name, account.slug, *account.aliases, q.interview.meta.customer}
        for text in (json.dumps(records[q.id], ensure_ascii=False), ",".join(rows[q.id].values())):
            for name in names:
                assert name not in text, (q.id, name)
            assert q.interview.url not in text and "customers/" not in text
    csv_text = (sample_site / "quotes" / "quotes.csv").read_text(encoding="utf-8-sig")
    json_text = (sample_site / "quotes" / "quotes.json").read_text(encoding="utf-8")
    held_back = [q for q in journal.quotes if not q.cleared_on(TODAY)]  # internal, or an expired clearance
    assert len(held_back) == 21
    for q in held_back:
        assert q.text not in csv_text and q.text not in json_text and q.id not in json_text, q.id
    for quote_id in journal.confidential_quote_ids:
        assert quote_id not in csv_text and quote_id not in json_text
    assert any(q.expired(TODAY) for q in journal.quotes), "the sample journal has an expired clearance"
