"""generator.views.outward: a quote as it may be used outside, its clearance, and a campaign's status line."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from generator.core.model import Quote
from generator.views.export import export_record
from generator.views.outward import COPY_ALL_SEPARATOR, copy_all, outward, status_line
from tests.quote_journal import interview, load
from tests.support import TODAY


def quotes(tmp_path: Path, *specs: str) -> tuple[list[Quote], list[str]]:
    """One quote per spec, in order: its clearance words, e.g. "anonymous expires=2027-03-01".
    Returns the quotes and `journal check`'s messages."""
    body = "\n".join(f"> Quote number {n}.\n> — Jane Doe {{#q{n} {spec}}}\n" for n, spec in enumerate(specs))
    journal, problems = load(tmp_path, {"interviews/a.md": interview(industry="Logistics", quotes=body)})
    assert not problems.errors, [p.format() for p in problems]
    return [journal.quote(f"q{n}") for n in range(len(specs))], [p.format() for p in problems]


def in_days(days: int) -> str:
    return (TODAY + dt.timedelta(days=days)).isoformat()


@pytest.mark.parametrize("spec, byline", [
    ("public", "Jane Doe, VP Operations, Acme Logistics"),
    ("anonymous", "VP Operations at a logistics company"),
])
def test_the_outward_form_is_the_exports_attribution(tmp_path: Path, spec: str, byline: str) -> None:
    [quote], _ = quotes(tmp_path, spec)
    o = outward(quote, TODAY)
    assert (o.clearance, o.cleared, o.byline) == (spec, True, byline)
    assert o.attribution == export_record(quote, TODAY, lambda url: "/" + url)["attribution"] == f'"Quote number 0." — {byline}'


@pytest.mark.parametrize("days, warning", [
    (0, "Clearance ends today: renew the consent or stop using it"),
    (1, "Clearance ends in 1 day: renew the consent or stop using it"),
    (29, "Clearance ends in 29 days: renew the consent or stop using it"),
    (30, "Clearance ends in 30 days: renew the consent or stop using it"),
    (31, ""),
    (400, ""),
])
def test_the_expiry_warning_follows_the_rule_of_journal_check(tmp_path: Path, days: int, warning: str) -> None:
    [quote], messages = quotes(tmp_path, f"public expires={in_days(days)}")
    o = outward(quote, TODAY)
    assert (o.days_left, o.expires_soon, o.warning) == (days, bool(warning), warning)
    assert any("clearance expires on" in m for m in messages) == bool(warning)


def test_an_expired_or_internal_quote_is_not_cleared_and_gets_no_warning(tmp_path: Path) -> None:
    expired, internal = quotes(tmp_path, f"public expires={in_days(-1)}", f"internal expires={in_days(3)}")[0]
    for quote in (expired, internal):
        o = outward(quote, TODAY)
        assert (o.clearance, o.cleared, o.expires_soon, o.warning) == ("internal", False, False, "")
        assert o.attribution.startswith("[INTERNAL ONLY")


def test_copy_all_joins_the_cleared_attributions_in_the_given_order(tmp_path: Path) -> None:
    found, _ = quotes(tmp_path, "anonymous", "internal", "public")
    items = [outward(q, TODAY) for q in reversed(found)]
    assert COPY_ALL_SEPARATOR == "\n\n"
    assert copy_all(items) == ('"Quote number 2." — Jane Doe, VP Operations, Acme Logistics\n\n'
                               '"Quote number 0." — VP Operations at a logistics company')


@pytest.mark.parametrize("specs, line", [
    (["public", "anonymous", "public", "anonymous"], "All 4 quotes cleared, none expires"),
    (["public expires=2027-06-01", "anonymous", "public expires=2027-03-01", "public"], "All 4 quotes cleared until 2027-03-01"),
    (["public", "anonymous"], "Both quotes cleared, none expires"),
    (["anonymous expires=2027-03-01"], "1 quote cleared until 2027-03-01"),
    (["public"], "1 quote cleared, it does not expire"),
    ([f"public expires={in_days(30)}", "public", f"anonymous expires={in_days(12)}"],
     f"All 3 quotes cleared until {in_days(12)}; 2 expire within 30 days: renew the consent"),
    ([f"public expires={in_days(31)}", f"public expires={in_days(30)}"],
     f"Both quotes cleared until {in_days(30)}; 1 expires within 30 days: renew the consent"),
    (["public", "internal"], "1 of 2 quotes cleared: do not use the others outside"),
    ([], "No quotes cited"),
])
def test_status_line(tmp_path: Path, specs: list[str], line: str) -> None:
    found, _ = quotes(tmp_path, *specs)
    assert status_line([outward(q, TODAY) for q in found]) == line
