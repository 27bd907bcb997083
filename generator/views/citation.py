"""The citation of a quote: the campaign YAML that cites it, as the library's "Copy citation" copies it.

Pasted under ``cites:`` in ``campaigns/*.yml``, it passes `journal check` (spec section 6):
the id, and the text as it is now (spacing collapsed, as the check compares it).
"""

from __future__ import annotations

import re

import yaml

from ..core.model import Quote

# libyaml's emitter when PyYAML has it (a library of 20,000 quotes writes 20,000 citations)
_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def plain_citation(quote_id: str, text: str) -> str:
    """The citation of the quote ``quote_id`` saying ``text`` when YAML reads both values unquoted, as
    most are. The quotes library's records hold only the citations that differ from it, and quotes.js
    writes this one from a record's id and text: see :func:`library_citation`."""
    return f"  - id: {quote_id}\n    text: {text}\n"


# Values YAML writes plain, without asking it (a library of 20,000 quotes asked it 20,000 times):
# a letter first, a letter, digit, ")" or "." last, and between them only characters that mean
# nothing to YAML there (no ":", "#", quotes or line breaks), and none of the words YAML 1.1 reads
# as a boolean or null. Anything else goes to `citation`, which asks YAML.
_SURELY_PLAIN = re.compile(r"[A-Za-z](?:[A-Za-z0-9 .,;()/%$&+\-]*[A-Za-z0-9.)])?")
_NOT_TEXT = {"y", "n", "yes", "no", "true", "false", "on", "off", "null"}


def _surely_plain(value: str) -> bool:
    return _SURELY_PLAIN.fullmatch(value) is not None and "  " not in value and value.lower() not in _NOT_TEXT


def library_citation(quote: Quote) -> str:
    """What the library's record of ``quote`` keeps of its citation: "" when it is the plain one."""
    text = " ".join(quote.text.split())
    if _surely_plain(quote.id) and _surely_plain(text):
        return ""
    cited = citation(quote)
    return "" if cited == plain_citation(quote.id, text) else cited


def citation(quote: Quote) -> str:
    """``  - id: …`` and ``    text: …`` lines, indented for a campaign's ``cites:`` list; each value
    plain when it can be, quoted when YAML would misread it (a colon, a leading #, an id like 'yes')."""
    entry = [{"id": quote.id, "text": " ".join(quote.text.split())}]
    text = yaml.dump(entry, Dumper=_DUMPER, allow_unicode=True, width=2**30, default_flow_style=False, sort_keys=False)
    return "".join(f"  {line}\n" for line in text.splitlines())
