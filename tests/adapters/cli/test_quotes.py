"""generator.adapters.cli.quotes: `journal quotes`, cleared quotes in the terminal, with the same attribution and records as the exports."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.adapters.cli.app import main

from tests.support import EPOCH, FIXTURES

FIXTURE = FIXTURES / "quotes"


def run(*args: str, root: Path = FIXTURE):
    return CliRunner().invoke(main, ["--root", str(root), "quotes", *args], env={"SOURCE_DATE_EPOCH": EPOCH})


def ids(result) -> list[str]:
    return [r["id"] for r in json.loads(result.stdout)["quotes"]]


def test_text_lists_cleared_quotes_with_attribution() -> None:
    result = run()
    assert result.exit_code == 0, result.output
    assert '"We cut our on-call pages in half the first month." — Jane Doe, VP Operations, Acme Logistics\n' \
           "  public · 2026-03-04 · said as a prospect · tags: on-call, alert fatigue · id: fewer-pages\n" in result.stdout
    assert '"Our dispatchers stopped ignoring alerts." — VP Operations at a logistics company\n' in result.stdout
    for never in ("pricing page", "Best onboarding", "Whitecap", "INTERNAL"):
        assert never not in result.stdout
    assert "6 cleared quotes" in result.stderr


def test_json_and_csv_are_the_export_records() -> None:
    exported = json.loads(run("--format", "json").stdout)
    assert [r["id"] for r in exported["quotes"]] == [
        "renewal-formula", "less-phone-time", "integration-broke", "fast-support", "fewer-pages", "alerts-matter"]
    assert exported["quotes"][4]["url"] == "/journal/interviews/2026/2026-03-04-acme/#fewer-pages"  # site_url's path
    rows = list(csv.DictReader(io.StringIO(run("--format", "csv").stdout.lstrip("\ufeff"))))
    assert [(r["id"], r["attribution"]) for r in rows] == [(r["id"], r["attribution"]) for r in exported["quotes"]]


def test_markdown_is_ready_to_paste() -> None:
    result = run("--format", "markdown", "--search", "dispatchers")
    assert result.stdout.startswith("> Our dispatchers stopped ignoring alerts.\n>\n> — VP Operations at a logistics company\n")


@pytest.mark.parametrize("args, expected", [
    (("--tag", "ALERT fatigue"), ["less-phone-time", "fewer-pages", "alerts-matter"]),
    (("--customer", "acme"), ["renewal-formula", "less-phone-time", "fewer-pages", "alerts-matter"]),
    (("--customer", "ACME Corp"), ["renewal-formula", "less-phone-time", "fewer-pages", "alerts-matter"]),
    (("--relationship", "lost-customer"), ["integration-broke", "fast-support"]),
    (("--search", "health   SUPPORT"), ["fast-support"]),
    (("--search", "Omar"), []),  # anonymous quotes are found only by what their attribution shows
    (("--customer", "acme", "--relationship", "prospect", "--tag", "on-call"), ["fewer-pages"]),
    (("--search", "pricing page"), []),  # internal
])
def test_filters_combine(args: tuple[str, ...], expected: list[str]) -> None:
    result = run("--format", "json", *args)
    assert result.exit_code == 0, result.output
    assert ids(result) == expected


@pytest.mark.parametrize("args, message", [
    (("--relationship", "prospct"), "'prospct' is not one of customer, prospect, lost-customer, competitor-customer — did you mean 'prospect'?"),
    (("--customer", "Borealys Health"), "no account is called 'Borealys Health' — did you mean 'Borealis Health'?"),
    (("--tag", "renewals"), "no quote has the tag 'renewals' — did you mean 'renewal'?"),
])
def test_unknown_filter_values_are_usage_errors(args: tuple[str, ...], message: str) -> None:
    result = run(*args)
    assert result.exit_code == 2
    assert message in result.output
    assert "Traceback" not in result.output


def test_files_with_errors_are_left_out(tmp_path: Path) -> None:
    project = tmp_path / "j"
    shutil.copytree(FIXTURE, project)
    path = project / "interviews" / "2026" / "2026-03-04-acme.md"
    # An anonymity leak found only once accounts are merged (ACME Corp is an alias): the file is loaded, but has an error.
    path.write_text(path.read_text().replace("Our dispatchers stopped", "ACME Corp dispatchers stopped"))
    result = run("--format", "json", root=project)
    assert result.exit_code == 0
    assert "ACME Corp dispatchers" not in result.stdout
    assert ids(result) == ["renewal-formula", "less-phone-time", "integration-broke", "fast-support"]
    assert "the journal has errors in 2 files" in result.stderr  # the interview and the campaign citing it
