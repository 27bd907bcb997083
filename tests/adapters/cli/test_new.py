"""generator.adapters.cli.notes: `journal new` with flags and interactive; the note it writes passes `journal check`."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from generator.adapters.cli.app import main
from generator.core.load import load_journal
from generator.site.pages import interviews
from generator.core.project import read_config
from generator.site.render import Renderer
from generator.site.context import Site

from tests.support import EPOCH, FIXTURES, REPO, TODAY

MINI = FIXTURES / "mini"


def journal(root: Path, *args: str, input: str | None = None):
    return CliRunner().invoke(main, ["--root", str(root), *args], input=input, env={"SOURCE_DATE_EPOCH": EPOCH})


@pytest.fixture()
def mini(tmp_path: Path) -> Path:
    shutil.copytree(MINI, tmp_path / "j")
    return tmp_path / "j"


@pytest.fixture()
def sample(tmp_path: Path) -> Path:
    root = tmp_path / "sample"
    root.mkdir()
    shutil.copytree(REPO / "interviews", root / "interviews")
    shutil.copy2(REPO / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copytree(REPO / "docs", root / "docs")  # mkdocs.yml's card logo is there
    return root


def front_matter(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8").split("---\n")[1])


def checks_clean(root: Path, path: Path) -> None:
    result = journal(root, "check", str(path))
    assert result.exit_code == 0, result.output
    assert result.stdout == ""  # not even a warning


FLAGS = ["new", "--customer", "Acme Logistics", "--relationship", "prospect", "--channel", "video-call",
         "--person", "Jo Bloggs, CTO, IT", "--person", "Kim Park", "--interviewer", "Sam Lee, marketing",
         "--tag", "no, 1e3", "--tag", "on-call", "--product", "Dispatch", "--summary", "Yes: renewal talk"]


def test_flags_write_a_prefilled_note_that_checks_clean(mini: Path) -> None:
    result = journal(mini, *FLAGS, "--date", "2026-11-02")
    assert result.exit_code == 0, result.output
    path = mini / "interviews" / "2026" / "2026-11-02-acme-logistics.md"
    assert result.stdout.strip() == str(path)  # the path, alone on stdout, for scripts and editors
    assert front_matter(path) == {
        "date": dt.date(2026, 11, 2), "customer": "Acme Logistics", "relationship": "prospect",
        "industry": None, "size": None, "region": None,
        "people": [{"name": "Jo Bloggs", "role": "CTO", "department": "IT"}, {"name": "Kim Park"}],
        "interviewers": [{"name": "Sam Lee", "team": "marketing"}], "channel": "video-call", "products": ["Dispatch"],
        "competitors": [], "tags": ["no", "1e3", "on-call"], "summary": "Yes: renewal talk",
    }
    text = path.read_text(encoding="utf-8")
    assert "# - {name: Jane Doe, role: VP Operations, department: Operations}" in text  # met before, suggested
    assert "jane@acme.example" not in text  # contacts are not copied around
    assert all(h in text for h in ("## Context", "## What we heard", "## Quotes", "## Follow-ups"))
    checks_clean(mini, path)


def test_a_suggested_person_uncommented_still_checks_clean(mini: Path) -> None:
    journal(mini, *FLAGS, "--date", "2026-11-02")
    path = mini / "interviews" / "2026" / "2026-11-02-acme-logistics.md"
    path.write_text(path.read_text(encoding="utf-8").replace("  # - {name: Jane", "  - {name: Jane"), encoding="utf-8")
    assert [p["name"] for p in front_matter(path)["people"]] == ["Jo Bloggs", "Kim Park", "Jane Doe"]
    checks_clean(mini, path)


def test_skeleton_guidance_never_reaches_the_page(mini: Path) -> None:
    journal(mini, *FLAGS, "--date", "2026-11-02")
    loaded, problems = load_journal(mini, read_config(mini), today=TODAY)
    assert not problems.errors
    page = {p.path: p.html for p in interviews.build(Site(loaded, Renderer()))}["interviews/2026/2026-11-02-acme-logistics.md"]
    assert "What we heard" in page and "Why we talked" not in page and "consent=" not in page


def test_known_account_gets_its_attributes_and_relationship(sample: Path) -> None:
    result = journal(sample, "new", "--customer", "acme", "--person", "Ingrid Halvorsen, VP Operations, Operations, champion")
    assert result.exit_code == 0, result.output
    path = sample / "interviews" / "2026" / "2026-11-20-acme-logistics.md"  # the alias is written as the account's name
    meta = front_matter(path)
    assert (meta["customer"], meta["relationship"]) == ("Acme Logistics", "customer")  # relationship: the account's current one
    text = path.read_text(encoding="utf-8")
    assert "# Known about Acme Logistics from interviews/accounts.yml: industry Logistics, size 200-1000, region EMEA" in text
    assert "industry:" not in text  # not repeated: accounts.yml holds it
    assert "# - {name: Martin Osei, role: Finance Director, department: Finance, persona: economic-buyer}" in text
    assert "# - {name: Ingrid Halvorsen" not in text  # already among the people, not suggested again
    checks_clean(sample, path)


def test_never_overwrites_a_second_note_gets_a_number(mini: Path) -> None:
    folder = mini / "interviews" / "2026"
    first = journal(mini, *FLAGS, "--date", "2026-11-02")
    original = (folder / "2026-11-02-acme-logistics.md").read_bytes()
    second = journal(mini, *FLAGS, "--date", "2026-11-02", "--summary", "another call")
    third = journal(mini, *FLAGS, "--date", "2026-11-02")
    assert [r.exit_code for r in (first, second, third)] == [0, 0, 0]
    assert second.stdout.strip().endswith("2026-11-02-acme-logistics-2.md")
    assert third.stdout.strip().endswith("2026-11-02-acme-logistics-3.md")
    assert (folder / "2026-11-02-acme-logistics.md").read_bytes() == original
    assert front_matter(folder / "2026-11-02-acme-logistics-2.md")["summary"] == "another call"
    assert journal(mini, "check").exit_code == 0


@pytest.mark.parametrize(("args", "message"), [
    (["--customer", "Acme Logistics"], "a note needs --person (or run `journal new` in a terminal"),  # relationship: the account's
    (["--person", "Jo"], "a note needs --customer, --relationship"),
    (["--customer", "Zed", "--relationship", "custmer", "--person", "Jo"],
     "relationship: 'custmer' is not one of customer, prospect, lost-customer, competitor-customer — did you mean 'customer'?"),
    (["--customer", "Zed", "--relationship", "prospect", "--person", "Jo", "--channel", "phone"], "channel: 'phone' is not one of call"),
    (["--customer", "Zed", "--relationship", "prospect", "--person", ", CTO"], "', CTO' has no name"),
    (["--customer", "Zed", "--relationship", "prospect", "--person", "Jo", "--interviewer", "Sam, marketting"],
     "team of Sam: 'marketting' is not one of marketing"),
    (["--customer", "Zed", "--relationship", "prospect", "--person", "Jo", "--date", "4 March"], "'4 March' is not a date: write it like 2026-03-04"),
])
def test_missing_or_wrong_flags_say_what_would_be_right(mini: Path, args: list[str], message: str) -> None:
    before = sorted(p.name for p in (mini / "interviews").rglob("*.md"))
    result = journal(mini, "new", "--no-interactive", *args)
    assert result.exit_code == 2
    assert message in " ".join(result.output.split())
    assert "Traceback" not in result.output
    assert sorted(p.name for p in (mini / "interviews").rglob("*.md")) == before


def test_outside_a_journal_new_refuses_in_one_line(tmp_path: Path) -> None:
    result = journal(tmp_path, "new", "--customer", "Zed", "--relationship", "prospect", "--person", "Jo")
    assert result.exit_code == 2 and "no journal here" in result.output
    assert not any(tmp_path.iterdir())


def test_interactive_offers_known_accounts_people_and_tags(sample: Path) -> None:
    answers = "\n".join([
        "",  # date: today
        "1",  # the most recent account: Acme Logistics
        "",  # relationship: its current one
        "cal", "call",  # a typo is explained and asked again
        "2,9",  # Martin Osei; 9 is not a number shown (4 people) ...
        "2",  # ... so the question is asked again
        "Dana Lee, Head of IT, IT",  # someone new
        "",  # done with people
        "2; Ana Ruiz, marketing",  # Sam Lee (known), and someone new on our side
        "1, brand new",  # the most used tag and a new one
        "Finance is on side.",
    ]) + "\n"
    result = journal(sample, "new", "--interactive", input=answers)
    assert result.exit_code == 0, result.output
    assert "1. Acme Logistics (customer, last talked 2026-11-04)" in result.output
    assert "Error: channel: 'cal' is not one of" in result.output and "did you mean 'call'?" in result.output
    assert "Error: 9 is not one of the numbers shown" in result.output
    path = sample / "interviews" / "2026" / "2026-11-20-acme-logistics.md"
    meta = front_matter(path)
    assert meta["people"] == [{"name": "Martin Osei", "role": "Finance Director", "department": "Finance", "persona": "economic-buyer"},
                              {"name": "Dana Lee", "role": "Head of IT", "department": "IT"}]
    assert meta["interviewers"] == [{"name": "Sam Lee", "team": "marketing"}, {"name": "Ana Ruiz", "team": "marketing"}]
    assert (meta["relationship"], meta["channel"], meta["summary"]) == ("customer", "call", "Finance is on side.")
    assert meta["tags"] == ["pricing", "brand new"]
    checks_clean(sample, path)


def test_interactive_asks_only_what_the_flags_left_out(mini: Path) -> None:
    result = journal(mini, "new", "--interactive", "--date", "2026-11-03", "--customer", "Halyard Marine", "--person", "Ola",
                     "--interviewer", "Sam Lee", "--tag", "x", "--summary", "s", input="\nyes-no\nprospect\n\n")
    assert result.exit_code == 0, result.output
    assert "Customer" not in result.output and "Who did you talk to" not in result.output
    meta = front_matter(mini / "interviews" / "2026" / "2026-11-03-halyard-marine.md")
    assert (meta["relationship"], meta["channel"]) == ("prospect", None)


def test_interactive_new_account_close_to_a_known_one_asks_to_confirm(mini: Path) -> None:
    result = journal(mini, "new", "--interactive", "--date", "2026-11-03", "--person", "Ola", "--interviewer", "Sam Lee",
                     "--tag", "x", "--summary", "s", input="Acme Logistic\ny\n\n\n")
    assert result.exit_code == 0, result.output
    assert "'Acme Logistic' is a new account. Did you mean 'Acme Logistics'?" in result.output
    assert (mini / "interviews" / "2026" / "2026-11-03-acme-logistics.md").is_file()
