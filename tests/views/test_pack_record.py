"""generator.views.export: a campaign pack's rows, written by the export's CSV writer."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from generator.views.export import CONSENT_ON_FILE, PACK_FIELDS, pack_record, to_csv
from tests.support import TODAY
from tests.quote_journal import interview, load

QUOTES = """
> We cut our on-call pages in half the first month.
> — Jane Doe {#fewer-pages public consent="Jane Doe, email 2026-03-10" expires=2027-03-31}

> Our dispatchers stopped ignoring alerts.
> — Jane Doe {#alerts-matter anonymous consent="Jane Doe, signed form F-12"}

> =SUM(A1:A9) is what our finance team lives in.
> — Jane Doe {#finance-sum anonymous}
"""


def rows(tmp_path: Path) -> dict[str, dict[str, str]]:
    journal, _ = load(tmp_path, {"interviews/a.md": interview(quotes=QUOTES, industry="Logistics")})
    records = [pack_record(q, TODAY, lambda url: "/" + url, f"cards/{q.id}.png") for q in journal.quotes]
    text = to_csv(records, PACK_FIELDS)
    return {r["id"]: r for r in csv.DictReader(io.StringIO(text.lstrip("\ufeff")))}


def test_a_public_row_has_its_consent_and_expiry(tmp_path: Path) -> None:
    row = rows(tmp_path)["fewer-pages"]
    assert row == {"id": "fewer-pages", "card": "cards/fewer-pages.png", "clearance": "public",
                   "attribution": '"We cut our on-call pages in half the first month." — Jane Doe, VP Operations, Acme Logistics',
                   "text": "We cut our on-call pages in half the first month.", "consent": "Jane Doe, email 2026-03-10",
                   "expires": "2027-03-31", "date": "2026-03-04", "url": "/interviews/a/#fewer-pages"}


def test_an_anonymous_row_only_says_its_consent_is_on_file(tmp_path: Path) -> None:
    found = rows(tmp_path)
    assert found["alerts-matter"]["consent"] == CONSENT_ON_FILE  # the consent names the person
    assert found["finance-sum"]["consent"] == ""  # none recorded
    assert not any("Jane" in value or "Acme" in value for r in (found["alerts-matter"], found["finance-sum"]) for value in r.values())


def test_the_formula_guard_holds_in_packs(tmp_path: Path) -> None:
    assert rows(tmp_path)["finance-sum"]["text"].startswith("'=SUM(")
