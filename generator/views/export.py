"""Records of cleared quotes (spec section 5), shared by quotes.json, quotes.csv and `journal quotes`.

Only quotes whose clearance is in force (public or anonymous, not expired) are
exported. An anonymous record names no speaker and no account and links only into
the library (``/quotes/#id``), never to the interview or account page.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from typing import Any, Callable, Iterable

from .attribution import account_name, attribution
from ..core.model import Quote

# Columns of quotes.csv, in order; a JSON record holds the same keys (public-only ones only when public).
FIELDS: tuple[str, ...] = (
    "id", "text", "clearance", "attribution", "date", "relationship", "tags", "url", "expires",
    "speaker", "role", "department", "customer", "customer_slug",
)
PUBLIC_ONLY: tuple[str, ...] = ("speaker", "role", "department", "customer", "customer_slug")
# Columns of a campaign pack's quotes.csv: what a quote may be used for, and until when.
PACK_FIELDS: tuple[str, ...] = ("id", "card", "attribution", "text", "clearance", "consent", "expires", "date", "url")
CONSENT_ON_FILE = "on file"
CSV_TAG_SEPARATOR = "; "
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n")

Absolute = Callable[[str], str]  # site URL -> absolute path, e.g. Site.absolute


def absolute_url(base_path: str, url: str) -> str:
    """A site URL (no leading slash) as an absolute path on the host: /journal/quotes/."""
    return base_path.rstrip("/") + "/" + url


def library_order(quotes: Iterable[Quote]) -> list[Quote]:
    """Newest first; within a day by file, then by position in the file."""
    by_date = sorted(quotes, key=lambda q: (q.interview.rel, q.line))
    return sorted(by_date, key=lambda q: q.interview.date, reverse=True)


def library_url(quote: Quote) -> str:
    return f"quotes/#{quote.id}"


def export_record(quote: Quote, today: dt.date, absolute: Absolute) -> dict[str, Any]:
    """One quote as an export record; the caller makes sure it is cleared."""
    clearance = quote.clearance_on(today)
    assert clearance in ("public", "anonymous"), "only cleared quotes are exported"
    public = clearance == "public"
    record: dict[str, Any] = {
        "id": quote.id,
        "text": " ".join(quote.text.split()),
        "clearance": clearance,
        "attribution": attribution(quote, today),
        "date": quote.interview.date.isoformat(),
        "relationship": quote.interview.meta.relationship,  # at the time it was said
        "tags": quote.all_tags,
        "url": absolute(f"{quote.interview.url}#{quote.id}" if public else library_url(quote)),
        "expires": quote.expires.isoformat() if quote.expires else None,
    }
    if public:
        account = quote.interview.account
        record.update(
            speaker=quote.speaker.name, role=quote.speaker.role, department=quote.speaker.department,
            customer=account_name(quote), customer_slug=account.slug if account else None,
        )
    return record


def export_records(quotes: Iterable[Quote], today: dt.date, absolute: Absolute) -> list[dict[str, Any]]:
    """Records of the cleared quotes among ``quotes``, in library order."""
    return [export_record(q, today, absolute) for q in library_order(quotes) if q.cleared_on(today)]


def pack_record(quote: Quote, today: dt.date, absolute: Absolute, card: str) -> dict[str, Any]:
    """A quote's row in a campaign pack: its export record, its card's file name (or why it has
    none) and the consent. An anonymous quote's consent is only said to be on file: it often
    names the person who gave it."""
    record = export_record(quote, today, absolute)
    public = record["clearance"] == "public"
    consent = quote.consent if public else (CONSENT_ON_FILE if quote.consent else None)
    return {**record, "card": card, "consent": consent}


def to_json(records: list[dict[str, Any]]) -> str:
    return json.dumps({"quotes": records}, ensure_ascii=False, indent=2) + "\n"


def inert(value: str) -> str:
    """Make a spreadsheet read a cell as text: a leading =, +, -, @ (or tab, CR) would start a formula."""
    return "'" + value if value.lstrip(" ").startswith(_FORMULA_STARTS) else value


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        value = CSV_TAG_SEPARATOR.join(value)
    return inert(str(value))


def to_csv(records: list[dict[str, Any]], fields: tuple[str, ...] = FIELDS) -> str:
    """CSV for spreadsheets: UTF-8 with a byte-order mark (so Excel reads it as UTF-8), CRLF rows,
    every cell quoted, formula starts made inert; anonymous records leave the public-only columns empty."""
    out = io.StringIO()
    writer = csv.writer(out, quoting=csv.QUOTE_ALL, lineterminator="\r\n")
    writer.writerow(fields)
    for record in records:
        writer.writerow([_cell(record.get(name)) for name in fields])
    return "\ufeff" + out.getvalue()
