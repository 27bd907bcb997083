"""`journal new`: the path and the text of a new interview note (pure: no prompts, no writing).

What the journal already knows (accounts with their attributes and people, tags,
interviewers) is gathered into `Known`; a `Draft` holds the answers; `render_note`
fills `templates/scaffold/new-interview.md.j2`, quoting every value YAML could mistype.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass, field, replace
from pathlib import Path

import yaml
from jinja2 import Environment, FileSystemLoader, StrictUndefined

from ..core.config import JournalConfig
from ..errors import NoteError
from ..core.frontmatter import Person
from ..core.model import Journal
from ..core.problems import one_of, suggest
from ..resources import TEMPLATES_DIR
from ..core.slugs import normalize, slugify

TEMPLATE = "scaffold/new-interview.md.j2"
PERSON_FIELDS = ("name", "role", "department", "persona")
# Words YAML 1.1 (PyYAML) or 1.2 (editors) read as booleans or null when unquoted.
_RESERVED = {"y", "n", "yes", "no", "on", "off", "true", "false", "null", "~"}
# Plain (unquoted) only for text that starts with a letter and holds no YAML punctuation,
# so it reads back as the same text in block and flow ([a, b]) context, in YAML 1.1 and 1.2.
_PLAIN = re.compile(r"[^\W\d_][\w .'&()/+-]*")
_ESCAPES = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\t": "\\t"}


def yaml_scalar(value: str) -> str:
    """``value`` as a YAML scalar that every YAML reader reads back as this exact text."""
    if (_PLAIN.fullmatch(value) and value == value.rstrip() and value.casefold() not in _RESERVED
            and yaml.safe_load(value) == value):
        return value
    out = []
    for ch in value:
        if ch in _ESCAPES:
            out.append(_ESCAPES[ch])
        elif ch.isprintable():
            out.append(ch)
        else:  # control characters and YAML line breaks (\x85, \u2028, ...)
            out.append(f"\\u{ord(ch):04x}" if ord(ch) <= 0xFFFF else f"\\U{ord(ch):08x}")
    return '"' + "".join(out) + '"'


def yaml_list(values: list[str]) -> str:
    return "[" + ", ".join(yaml_scalar(v) for v in values) + "]"


def yaml_person(person: dict[str, str]) -> str:
    """One person as a flow mapping: ``{name: Jane Doe, role: VP Operations}``."""
    return "{" + ", ".join(f"{k}: {yaml_scalar(person[k])}" for k in PERSON_FIELDS if person.get(k)) + "}"


@dataclass
class KnownAccount:
    """An account as earlier interviews and accounts.yml describe it."""

    name: str
    relationship: str
    last_contact: dt.date | None
    attributes: dict[str, str]  # field -> value
    attribute_sources: dict[str, str]  # field -> "file:line"
    people: list[dict[str, str]]  # most recently met first, latest details


@dataclass
class Known:
    """What the journal already holds, for suggestions and completion."""

    accounts: list[KnownAccount] = field(default_factory=list)  # most recently contacted first
    tags: list[str] = field(default_factory=list)  # most used first
    interviewers: list[dict[str, str]] = field(default_factory=list)  # most active first
    products: list[str] = field(default_factory=list)
    competitors: list[str] = field(default_factory=list)
    _by_name: dict[str, KnownAccount] = field(default_factory=dict, repr=False)

    def account(self, name: str) -> KnownAccount | None:
        """The account called ``name`` or one of its aliases (any case or spacing)."""
        return self._by_name.get(normalize(name))

    def close_account(self, name: str) -> str | None:
        """An existing account whose name is close to (but not) ``name``: a likely typo."""
        hint = suggest(name, [a.name for a in self.accounts])
        return hint.split("'")[1] if hint and self.account(name) is None else None


def _person(p: Person) -> dict[str, str]:
    return {k: getattr(p, k) for k in PERSON_FIELDS if getattr(p, k)}


def _by_use(values: list[str]) -> list[str]:
    """Distinct values (any case), most used first, then alphabetically; the most used spelling."""
    counts = Counter(normalize(v) for v in values)
    spelling: dict[str, Counter] = {}
    for v in values:
        spelling.setdefault(normalize(v), Counter())[v] += 1
    order = sorted(counts, key=lambda k: (-counts[k], k))
    return [spelling[k].most_common(1)[0][0] for k in order]


def gather_known(journal: Journal, tags: list[str]) -> Known:
    """Known accounts, people, interviewers, products and competitors of a loaded journal."""
    known = Known(tags=tags)
    for account in sorted(journal.accounts.values(), key=lambda a: (-(a.last_contact or dt.date.min).toordinal(), a.name)):
        people: dict[str, dict[str, str]] = {}
        for interview in reversed(account.interviews):
            for p in interview.meta.people:
                people.setdefault(normalize(p.name), _person(p))
        entry = KnownAccount(account.name, account.relationship, account.last_contact, dict(account.attributes),
                             dict(account.attribute_sources), list(people.values()))
        known.accounts.append(entry)
        for spelling in (account.name, *account.aliases, *(i.meta.customer for i in account.interviews)):
            known._by_name.setdefault(normalize(spelling), entry)
    teams: dict[str, str] = {}
    names: list[str] = []
    for interview in reversed(journal.interviews):
        for who in interview.meta.interviewers:
            names.append(who.name)
            if who.team:
                teams.setdefault(normalize(who.name), who.team)
    known.interviewers = [{"name": n, **({"team": teams[normalize(n)]} if normalize(n) in teams else {})} for n in _by_use(names)]
    known.products = _by_use([p for i in journal.interviews for p in i.meta.products])
    known.competitors = _by_use([c for i in journal.interviews for c in i.meta.competitors])
    return known


@dataclass
class Draft:
    """The answers for a new note."""

    date: dt.date | None  # None: not answered yet (make_draft takes today)
    customer: str
    relationship: str
    people: list[dict[str, str]]
    interviewers: list[dict[str, str]] = field(default_factory=list)
    channel: str | None = None
    tags: list[str] = field(default_factory=list)
    products: list[str] = field(default_factory=list)
    competitors: list[str] = field(default_factory=list)
    summary: str | None = None


def choose(value: str, allowed: list[str], what: str) -> str:
    """``value`` if it is one of ``allowed``; NoteError with the closest one otherwise."""
    value = " ".join(value.split())
    if value not in allowed:
        raise NoteError(f"{what}: {one_of(value, allowed)}")
    return value


def make_draft(answers: Draft, known: Known, config: JournalConfig, today: dt.date) -> Draft:
    """Check the answers; prefill from the account (its spelling, current relationship)."""
    missing = [flag for flag, value in (("--customer", answers.customer), ("--person", answers.people)) if not value]
    account = known.account(answers.customer) if answers.customer else None
    relationship = answers.relationship or (account.relationship if account else "")
    if not relationship:
        missing.append("--relationship")
    if missing:
        raise NoteError(f"a note needs {', '.join(missing)} (or run `journal new` in a terminal to be asked)")
    for who in answers.interviewers:
        if who.get("team"):
            choose(who["team"], config.teams, f"team of {who['name']}")
    return replace(
        answers, date=answers.date or today, customer=account.name if account else " ".join(answers.customer.split()),
        relationship=choose(relationship, config.relationships, "relationship"),
        channel=choose(answers.channel, config.channels, "channel") if answers.channel else None,
    )


def parse_person(text: str) -> dict[str, str]:
    """``"Name, Role, Department[, persona]"`` -> a person; NoteError without a name."""
    parts = [" ".join(p.split()) for p in text.split(",")]
    if not parts[0]:
        raise NoteError(f"'{text}' has no name: write 'Name, Role, Department', e.g. 'Jane Doe, VP Operations, Operations'")
    if len(parts) > len(PERSON_FIELDS):
        raise NoteError(f"'{text}' has more than {len(PERSON_FIELDS)} parts: write 'Name, Role, Department, persona' (a role with a comma cannot be given here; edit the file)")
    return {k: v for k, v in zip(PERSON_FIELDS, parts) if v}


def parse_interviewer(text: str) -> dict[str, str]:
    """``"Name[, team]"`` -> an interviewer; NoteError without a name."""
    name, _, team = (" ".join(p.split()) for p in text.partition(","))
    if not name or "," in team:
        raise NoteError(f"'{text}': write 'Name, team', e.g. 'Sam Lee, marketing'")
    return {"name": name, **({"team": team} if team else {})}


def split_list(text: str) -> list[str]:
    """``"a, b"`` -> ["a", "b"]: comma-separated answers and flags."""
    return [" ".join(t.split()) for t in text.split(",") if t.strip()]


def parse_date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise NoteError(f"'{text}' is not a date: write it like 2026-03-04") from None


def note_path(interviews_dir: Path, date: dt.date, customer: str) -> Path:
    """``<interviews>/<yyyy>/<yyyy-mm-dd>-<account-slug>.md``, or ``…-2.md``, ``…-3.md`` when taken."""
    folder = interviews_dir / f"{date.year:04d}"
    stem = f"{date.isoformat()}-{slugify(customer)}"
    path, n = folder / f"{stem}.md", 1
    while path.exists():
        n += 1
        path = folder / f"{stem}-{n}.md"
    return path


def render_note(draft: Draft, known: Known, config: JournalConfig, source: str = "interviews/accounts.yml",
                templates_dir: Path = TEMPLATES_DIR) -> str:
    """The text of the new note: prefilled front-matter and the notes skeleton."""
    account = known.account(draft.customer)
    chosen = {normalize(p["name"]) for p in draft.people}
    env = Environment(loader=FileSystemLoader(str(templates_dir)), undefined=StrictUndefined, autoescape=False,
                      trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)
    env.filters.update(yaml=yaml_scalar, yaml_list=yaml_list, yaml_person=yaml_person)
    attributes: dict[str, list[str]] = {}  # where -> "field value", as the comment shows them
    for key in config.all_account_fields:
        if account and key in account.attributes:
            where = account.attribute_sources.get(key, source).rsplit(":", 1)[0]
            attributes.setdefault(where, []).append(f"{key} {account.attributes[key]}")
    return env.get_template(TEMPLATE).render(
        d=draft, account=account, attributes=attributes,
        missing_attributes=[k for k in config.all_account_fields if not (account and k in account.attributes)],
        other_people=[p for p in (account.people if account else []) if normalize(p["name"]) not in chosen],
        known_tags=[t for t in known.tags if normalize(t) not in {normalize(x) for x in draft.tags}][:8],
        taxonomies=config.taxonomies, quote_id=slugify(draft.customer).split("-")[0] + "-example",
    )
