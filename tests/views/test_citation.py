"""generator.views.citation: the campaign YAML "Copy citation" puts on the clipboard, which pasted into
a campaign passes `journal check`."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.adapters.cli.app import main
from generator.views import citation as citation_module
from generator.views.citation import citation
from tests.support import EPOCH
from tests.quote_journal import interview, load

TEXTS = [
    "We cut our on-call pages in half the first month.",
    "Price: too high. # of seats: 40",  # a colon and a hash would end a plain YAML value
    "'Quoted' from the start, and \"double\" too",
    "- starts like a list item",
    "@mentions and =formulas, [brackets] {braces} & *stars*",
    "Ünïcode — dashes … and ‘curly’ quotes",
    "yes",  # YAML 1.1 would read a plain yes as true
]
IDS = ["yes", "123", "null", "fewer-pages"]  # valid ids that plain YAML would read as a boolean, a number, nothing


def quotes_file() -> str:
    body = "\n\n".join(f"> {text}\n> — Jane Doe {{#q{n} public}}" for n, text in enumerate(TEXTS))
    return interview(quotes=body)


@pytest.mark.parametrize("n", range(len(TEXTS)))
def test_the_citation_is_yaml_for_the_quote(tmp_path: Path, n: int) -> None:
    journal, _ = load(tmp_path, {"interviews/a.md": quotes_file()})
    snippet = citation(journal.quote(f"q{n}"))
    assert snippet.startswith(f"  - id: q{n}\n    text: ") and snippet.endswith("\n") and snippet.count("\n") == 2
    assert yaml.safe_load("cites:\n" + snippet) == {"cites": [{"id": f"q{n}", "text": TEXTS[n]}]}


@pytest.mark.parametrize("quote_id", IDS)
def test_an_id_yaml_would_misread_is_quoted(tmp_path: Path, quote_id: str) -> None:
    journal, _ = load(tmp_path, {"interviews/a.md": interview(quotes=f"> Fine.\n> — Jane Doe {{#{quote_id} public}}")})
    assert yaml.safe_load("cites:\n" + citation(journal.quote(quote_id))) == {"cites": [{"id": quote_id, "text": "Fine."}]}


def test_pasted_citations_make_a_campaign_that_passes_journal_check(tmp_path: Path) -> None:
    journal, _ = load(tmp_path, {"interviews/a.md": quotes_file()})
    pasted = "".join(citation(q) for q in journal.quotes)
    (tmp_path / "campaigns").mkdir()
    (tmp_path / "campaigns" / "pasted.yml").write_text("name: Pasted from the library\ncites:\n" + pasted, encoding="utf-8")
    result = CliRunner().invoke(main, ["--root", str(tmp_path), "check"], env={"SOURCE_DATE_EPOCH": EPOCH})
    assert result.exit_code == 0, result.output
    assert "campaigns/pasted.yml" not in result.output
    journal, problems = load(tmp_path, {})
    assert [c.id for c in journal.campaigns[0].cites] == [f"q{n}" for n in range(len(TEXTS))]
    assert all(c.quote is not None for c in journal.campaigns[0].cites)


def test_a_citation_with_the_wrong_text_would_fail(tmp_path: Path) -> None:
    """The check the snippet passes is real: an edited text fails it."""
    journal, _ = load(tmp_path, {"interviews/a.md": quotes_file()})
    pasted = citation(journal.quote("q0")).replace("in half", "by a third")
    _, problems = load(tmp_path, {"campaigns/edited.yml": "name: Edited\ncites:\n" + pasted})
    assert [p.field for p in problems.errors] == ["cites[0].text"]


@settings(max_examples=400, deadline=None)
@given(st.from_regex(r"[A-Za-z][A-Za-z0-9 .,;()/%$&+\-]{0,40}[A-Za-z0-9.)]?", fullmatch=True))
def test_what_the_library_takes_for_plain_is_what_yaml_writes_plain(value: str) -> None:
    """The library skips asking YAML for values it knows YAML writes plain: it must never be wrong."""
    written = yaml.dump([{"id": value, "text": value}], Dumper=citation_module._DUMPER, allow_unicode=True,
                        width=2**30, default_flow_style=False, sort_keys=False)
    assert not citation_module._surely_plain(value) or written == f"- id: {value}\n  text: {value}\n"


@pytest.mark.parametrize("value", [*TEXTS, *IDS, "Yes", "OFF", "a  b", "Ends with a colon:", "Ends with space "])
def test_values_yaml_would_quote_are_not_taken_for_plain(value: str) -> None:
    plain = yaml.dump([value], Dumper=citation_module._DUMPER, allow_unicode=True, width=2**30) == f"- {value}\n"
    assert plain or not citation_module._surely_plain(value)
