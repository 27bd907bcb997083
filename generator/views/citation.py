"""The citation of a quote: the campaign YAML that cites it, as the library's "Copy citation" copies it.

Pasted under ``cites:`` in ``campaigns/*.yml``, it passes `journal check` (spec section 6):
the id, and the text as it is now (spacing collapsed, as the check compares it).
"""

from __future__ import annotations

import yaml

from ..core.model import Quote


def _field(key: str, value: str) -> str:
    """``key: value`` as YAML writes it: plain when it can be, quoted when the text needs it (a colon, a #)."""
    return yaml.safe_dump({key: value}, allow_unicode=True, width=float("inf"), default_flow_style=False).rstrip("\n")


def citation(quote: Quote) -> str:
    """``  - id: …`` and ``    text: …`` lines, indented for a campaign's ``cites:`` list."""
    return f"  - {_field('id', quote.id)}\n    {_field('text', ' '.join(quote.text.split()))}\n"
