"""One interview file: its front-matter validated, its quotes parsed and checked (pure: no I/O).

Problems are collected, not raised, so one pass reports everything wrong in the file.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from pydantic import ValidationError

from ..errors import YamlProblem
from .anonymity import check_quote_text
from .config import JournalConfig
from .conflicts import conflict_problems
from .frontmatter import CLEARED, FRONT_MATTER_FIELDS, FrontMatter, Person
from .model import Interview, Quote
from .problems import Problem, Problems, one_of, suggest
from .quote_syntax import auto_id, parse_quotes
from .slugs import short_hash, slugify
from .yamlfile import Located, field_path, split_front_matter, type_word

_QUOTE_ID = re.compile(r"\{#([A-Za-z0-9][\w-]*)")  # explicit quote ids, read without parsing the file


@dataclass
class Parsed:
    """The result of parsing one interview file; cacheable by path, mtime and size."""

    interview: Interview | None
    problems: list[Problem]
    # Explicit quote ids of a file with errors: a campaign or insight citing one is told where
    # the real problem is, not that the quote is gone.
    held_quote_ids: tuple[str, ...] = ()
    digest: str = ""  # of the text parsed (set by core.load: the parse cache checks it)


def parse_interview(source: str, rel: str, text: str, config: JournalConfig, today: dt.date) -> Parsed:
    """Parse and validate one interview file's text (pure: no I/O)."""
    conflicts = conflict_problems(text, source)
    if conflicts:  # before the YAML: a conflict in front-matter is not "invalid YAML"
        return Parsed(None, conflicts, tuple(dict.fromkeys(_QUOTE_ID.findall(text))))
    problems = Problems()
    try:
        fm = split_front_matter(text, path=source, problems=problems)
    except YamlProblem as exc:
        problems.error(source, exc.line, exc.message, exc.field)
        return Parsed(None, problems.items)
    meta = fm.meta
    if not isinstance(meta.value, dict):
        message = ("the front-matter is empty: it needs at least date, customer, relationship and people"
                   if meta.value is None else
                   f"the front-matter must be 'key: value' lines, not {type_word(meta.value)}")
        problems.error(source, meta.line(()), message)
        return Parsed(None, problems.items)

    data = dict(meta.value)
    extra = _take_extra(data, meta, source, config, problems)
    _check_vocabulary(data, meta, source, config, problems)
    try:
        front: FrontMatter | None = FrontMatter.model_validate(data)
    except ValidationError as exc:
        front = None
        for err in exc.errors():
            loc = tuple(err["loc"])
            problems.error(source, meta.line(loc), _message(err), field_path(loc))
    if front and front.date > today:
        problems.warning(source, meta.line(("date",)), f"{front.date.isoformat()} is in the future", "date")

    # Quotes are checked even when the front-matter has errors, so one pass reports everything.
    people = front.people if front else _raw_people(data)
    clearance = front.clearance if front else "internal"
    body, raw_quotes = parse_quotes(
        fm.body, fm.body_line, path=source, people=people, default_clearance=clearance,
        default_consent=front.consent if front else None, default_expires=front.expires if front else None,
        problems=problems,
    )
    if front is None:
        return Parsed(None, problems.items, tuple(r.id for r in raw_quotes if r.id))
    old_rels = _old_rels(front, meta, source, config, problems)
    interview = Interview(source=source, rel=rel, meta=front, extra=extra, body=body, body_line=fm.body_line,
                          quotes=[], lines=meta.lines, digest=short_hash(text, 16), old_rels=old_rels)
    id_base = old_rels[0] if old_rels else rel  # automatic quote ids stay the same when the file moves
    for raw in raw_quotes:
        interview.quotes.append(Quote(
            id=raw.id or auto_id(id_base, raw.text), explicit_id=raw.id is not None, text=raw.text, speaker=raw.speaker,
            clearance=raw.clearance, tags=raw.tags, consent=raw.consent, expires=raw.expires, line=raw.line,
            interview=interview,
        ))
    _check_quotes(interview, today, problems)
    if any(p.is_error for p in problems.items):
        return Parsed(None, problems.items, tuple(q.id for q in interview.quotes if q.explicit_id))
    return Parsed(interview, problems.items)


def _old_rels(front: FrontMatter, meta: Located, source: str, config: JournalConfig, problems: Problems) -> tuple[str, ...]:
    """``moved_from`` as paths inside the interviews folder; each must be an interview file's path."""
    folder = config.interviews_dir.strip("/") + "/"
    out: list[str] = []
    for n, raw in enumerate(front.moved_from):
        where, path = f"moved_from[{n}]" if len(front.moved_from) > 1 else "moved_from", raw.replace("\\", "/").removeprefix("./")
        line = meta.line(("moved_from", n) if len(front.moved_from) > 1 else ("moved_from",))
        if not path.startswith(folder) or not path.endswith(".md") or ".." in path.split("/") or "//" in path:
            problems.error(source, line, f"'{raw}' is not the path of an interview file: write the path the file had, "
                                         f"from the project's folder, e.g. {folder}2025/acme.md", where)
        elif path == source:
            problems.error(source, line, "is the path of this file itself: list only the paths the file had before it moved", where)
        elif path[len(folder):] in out:
            problems.error(source, line, f"'{raw}' is listed twice", where)
        else:
            out.append(path[len(folder):])
    return tuple(out)


def _take_extra(data: dict, meta: Located, source: str, config: JournalConfig, problems: Problems) -> dict[str, str | list[str]]:
    """Split off configured account fields and taxonomies; report unknown keys."""
    extra_fields = [f for f in config.all_account_fields if f not in FRONT_MATTER_FIELDS]
    allowed = [*FRONT_MATTER_FIELDS, *extra_fields, *config.taxonomies]
    extra: dict[str, str | list[str]] = {}
    for key in list(data):
        line = meta.line((key,))
        if key in extra_fields:
            value = data.pop(key)
            if isinstance(value, str) and value.strip():
                extra[key] = value.strip()
            elif value is not None:
                problems.error(source, line, f"expected text, got {type_word(value)}; put it in quotes", key)
        elif key in config.taxonomies:
            value = data.pop(key)
            if isinstance(value, list) and all(isinstance(v, str) and v.strip() for v in value):
                extra[key] = [v.strip() for v in value]
            elif value is not None:
                problems.error(source, line, f"expected a list of words, e.g. [a, b], got {type_word(value)}", key)
        elif key not in allowed:
            data.pop(key)
            problems.error(source, line, f"unknown field{suggest(key, allowed)}", key)
    return extra


def _raw_people(data: dict) -> list[Person] | None:
    """The people of an otherwise invalid file, for checking quote speakers; None when
    some name cannot be read (the front-matter error says why: no second error per quote)."""
    people = data.get("people")
    if not isinstance(people, list) or not people:
        return None
    names = [p.get("name") if isinstance(p, dict) else None for p in people]
    if not all(isinstance(n, str) and n.strip() for n in names):
        return None
    return [Person.model_construct(name=n) for n in names]


def _check_vocabulary(data: dict, meta: Located, source: str, config: JournalConfig, problems: Problems) -> None:
    """Configured closed lists (relationship, channel, team) and duplicate people, on the raw values."""
    for key, allowed in (("relationship", config.relationships), ("channel", config.channels)):
        value = data.get(key)
        if isinstance(value, str) and value.strip() and value.strip() not in allowed:
            problems.error(source, meta.line((key,)), one_of(value.strip(), allowed), key)
    interviewers = data.get("interviewers")
    for n, who in enumerate(interviewers if isinstance(interviewers, list) else []):
        team = who.get("team") if isinstance(who, dict) else None
        if isinstance(team, str) and team.strip() and team.strip() not in config.teams:
            problems.error(source, meta.line(("interviewers", n, "team")), one_of(team.strip(), config.teams), f"interviewers[{n}].team")
    seen: dict[str, int] = {}
    people = data.get("people")
    for n, person in enumerate(people if isinstance(people, list) else []):
        name = person.get("name") if isinstance(person, dict) else None
        if not isinstance(name, str):
            continue
        key = " ".join(name.split()).casefold()
        if key in seen:
            problems.error(source, meta.line(("people", n, "name")), f"'{name}' is listed twice (also people[{seen[key]}])", f"people[{n}].name")
        seen[key] = n


def _check_quotes(interview: Interview, today: dt.date, problems: Problems) -> None:
    check_quote_text(interview, problems)
    for q in interview.quotes:
        if q.clearance not in CLEARED:
            continue
        if not q.explicit_id:
            hint = slugify(" ".join(q.text.split()[:5]))
            problems.warning(interview.source, q.line, f"this {q.clearance} quote has no id; give it one (e.g. {{#{hint} {q.clearance}}}) so campaigns can cite it", "quote")
        if q.expires_soon(today):
            problems.warning(interview.source, q.line, f"the {q.clearance} clearance expires on {q.expires.isoformat()}; renew the consent or it becomes internal", "quote")



_TYPE_HINTS = {
    "string_type": "expected text",
    "list_type": "expected a list, e.g. [a, b] or one '- item' per line",
    "bool_type": "expected true or false",
    "date_type": "expected a date like 2026-03-04",
    "model_type": "expected key: value lines (name: …, role: …)",
    "dict_type": "expected key: value lines",
    "int_type": "expected a whole number",
}


def _message(err: dict) -> str:
    kind, value, loc = err["type"], err.get("input"), err["loc"]
    if kind == "missing":
        return "is required but missing"
    if kind == "extra_forbidden":
        parent = {"people": ["name", "role", "department", "persona", "contact"], "interviewers": ["name", "team"]}
        allowed = parent.get(str(loc[0]), [])
        return f"unknown field{suggest(str(loc[-1]), allowed)}"
    if kind == "too_short":
        return "needs at least one person" if loc and loc[0] == "people" else "must not be empty"
    if kind == "string_too_short":
        return "must not be empty"
    if kind == "literal_error":
        return one_of(value, ("internal", "anonymous", "public"))
    if kind == "value_error":
        return str(err.get("ctx", {}).get("error", err["msg"]))
    hint = _TYPE_HINTS.get(kind, err["msg"])
    if kind == "list_type" and isinstance(value, str):
        if loc == ("people",):
            return f"expected a list of people: write '- name: {value}' on the next line"
        return f"expected a list: write [{value}]"
    if kind == "string_type" and isinstance(value, (bool, int, float)) or value is None and kind.endswith("_type"):
        return f"{hint}, but YAML reads this as {type_word(value)}; put the value in quotes"
    return f"{hint}, got {type_word(value)}"
