"""Read a journal from disk into the model, collecting every problem in one pass."""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any
from urllib.parse import unquote

from pydantic import ValidationError

from .accounts import build_accounts, read_accounts
from .anonymity import check_account_spellings, check_quote_text
from .campaigns import load_campaigns
from .insights import load_insights
from .vocabulary import apply_vocabulary
from .config import JournalConfig
from .model import CLEARED, FRONT_MATTER_FIELDS, FrontMatter, Interview, Journal, Person, Quote
from .problems import Problem, Problems, one_of, suggest
from .quote_syntax import auto_id, parse_quotes
from .slugs import short_hash, slugify
from .workers import gc_paused, split_across_cores
from .yamlfile import LINK_OUT, Located, YamlProblem, _type_word, leaves_project, read_text, split_front_matter

EXPIRY_NOTICE_DAYS = 30
PARALLEL_PARSE_MIN = int(os.environ.get("JOURNAL_PARALLEL_MIN", "200"))  # files; fewer parse faster in one process


def build_date() -> dt.date:
    """'Today' for the build: SOURCE_DATE_EPOCH when set, so builds are reproducible."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.strip().isdigit():
        return dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc).date()
    return dt.date.today()


@dataclass
class Parsed:
    """The result of parsing one interview file; cacheable by path, mtime and size."""

    interview: Interview | None
    problems: list[Problem]
    # Explicit quote ids of a file with errors: a campaign or insight citing one is told where
    # the real problem is, not that the quote is gone.
    held_quote_ids: tuple[str, ...] = ()


def parse_interview(source: str, rel: str, text: str, config: JournalConfig, today: dt.date) -> Parsed:
    """Parse and validate one interview file's text (pure: no I/O)."""
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
                   f"the front-matter must be 'key: value' lines, not {_type_word(meta.value)}")
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
            problems.error(source, meta.line(loc), _message(err), _field_name(loc))
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
    interview = Interview(source=source, rel=rel, meta=front, extra=extra, body=body, body_line=fm.body_line,
                          quotes=[], lines=meta.lines, digest=short_hash(text, 16))
    for raw in raw_quotes:
        interview.quotes.append(Quote(
            id=raw.id or auto_id(rel, raw.text), explicit_id=raw.id is not None, text=raw.text, speaker=raw.speaker,
            clearance=raw.clearance, tags=raw.tags, consent=raw.consent, expires=raw.expires, line=raw.line,
            interview=interview,
        ))
    _check_quotes(interview, today, problems)
    if any(p.is_error for p in problems.items):
        return Parsed(None, problems.items, tuple(q.id for q in interview.quotes if q.explicit_id))
    return Parsed(interview, problems.items)


def _take_extra(data: dict, meta: Located, source: str, config: JournalConfig, problems: Problems) -> dict[str, Any]:
    """Split off configured account fields and taxonomies; report unknown keys."""
    extra_fields = [f for f in config.all_account_fields if f not in FRONT_MATTER_FIELDS]
    allowed = [*FRONT_MATTER_FIELDS, *extra_fields, *config.taxonomies]
    extra: dict[str, Any] = {}
    for key in list(data):
        line = meta.line((key,))
        if key in extra_fields:
            value = data.pop(key)
            if isinstance(value, str) and value.strip():
                extra[key] = value.strip()
            elif value is not None:
                problems.error(source, line, f"expected text, got {_type_word(value)}; put it in quotes", key)
        elif key in config.taxonomies:
            value = data.pop(key)
            if isinstance(value, list) and all(isinstance(v, str) and v.strip() for v in value):
                extra[key] = [v.strip() for v in value]
            elif value is not None:
                problems.error(source, line, f"expected a list of words, e.g. [a, b], got {_type_word(value)}", key)
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
        if q.expires and today <= q.expires <= today + dt.timedelta(days=EXPIRY_NOTICE_DAYS):
            problems.warning(interview.source, q.line, f"the {q.clearance} clearance expires on {q.expires.isoformat()}; renew the consent or it becomes internal", "quote")


def _field_name(loc: tuple) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


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
        return f"{hint}, but YAML reads this as {_type_word(value)}; put the value in quotes"
    return f"{hint}, got {_type_word(value)}"


def list_interview_files(root: Path, folder: Path, problems: Problems) -> list[tuple[Path, str, str]]:
    """(path, source, rel) of every interview file, sorted; links leaving the project are refused."""
    found: list[tuple[Path, str, str]] = []
    base = _source(root, folder)

    def walk(directory: str, prefix: str) -> None:
        with os.scandir(directory) as listing:  # file types come with the listing: no stat per file
            entries = sorted((e for e in listing if not e.name.startswith(".")), key=lambda e: e.name)
        folders = []
        for entry in entries:
            rel = prefix + entry.name
            if entry.is_symlink() and entry.is_dir():
                problems.error(f"{base}/{rel}", 0, "links to folders are not followed; move the folder into interviews/")
            elif entry.is_dir(follow_symlinks=False):
                folders.append(entry)
            elif entry.name.endswith(".md"):
                path = Path(entry.path)
                if entry.is_symlink() and leaves_project(path, root):
                    problems.error(f"{base}/{rel}", 0, LINK_OUT)
                else:
                    found.append((path, f"{base}/{rel}", rel))
        for entry in folders:
            walk(entry.path, f"{prefix}{entry.name}/")

    walk(str(folder), "")
    return found


def _source(root: Path, path: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


Stamp = tuple[int, int]


class ParseCache:
    """Parsed interviews keyed by path, mtime and size: `mkdocs serve` re-parses only changed files."""

    def __init__(self) -> None:
        self._entries: dict[str, tuple[Stamp, Parsed]] = {}

    @staticmethod
    def stamp(path: Path) -> Stamp:
        try:
            st = path.stat()
            return (st.st_mtime_ns, st.st_size)
        except OSError:
            return (0, 0)

    def lookup(self, source: str, stamp: Stamp) -> Parsed | None:
        hit = self._entries.get(source)
        return hit[1] if hit and hit[0] == stamp else None

    def store(self, source: str, stamp: Stamp, parsed: Parsed) -> None:
        self._entries[source] = (stamp, parsed)


def read_and_parse(path: Path, source: str, rel: str, config: JournalConfig, today: dt.date) -> Parsed:
    raw = read_text(path)
    if raw.problem:
        return Parsed(None, [Problem(source, raw.problem.line, raw.problem.message)])
    return parse_interview(source, rel, raw.text, config, today)


def parse_files(files: list[tuple[Path, str, str]], config: JournalConfig, today: dt.date,
                cache: ParseCache | None = None) -> list[Parsed]:
    """Parse ``files`` (from list_interview_files), in order; only those changed since ``cache``
    saw them are read, and many of them are parsed on both cores."""
    out: list[Parsed | None] = [None] * len(files)
    todo: list[int] = []
    stamps: list[Stamp] = []
    for k, (path, source, _) in enumerate(files):
        stamp = cache.stamp(path) if cache else (0, 0)
        hit = cache.lookup(source, stamp) if cache else None
        if hit:
            out[k] = hit
        else:
            todo.append(k)
            stamps.append(stamp)
    fresh = split_across_cores(partial(_parse_batch, config=config, today=today), [files[k] for k in todo], PARALLEL_PARSE_MIN)
    for k, stamp, parsed in zip(todo, stamps, fresh):
        out[k] = parsed
        if cache:
            cache.store(files[k][1], stamp, parsed)
    return out  # type: ignore[return-value]


def _parse_batch(files: list[tuple[Path, str, str]], *, config: JournalConfig, today: dt.date) -> list[Parsed]:
    return [read_and_parse(path, source, rel, config, today) for path, source, rel in files]


def load_journal(root: Path, config: JournalConfig, *, today: dt.date | None = None,
                 cache: ParseCache | None = None) -> tuple[Journal, Problems]:
    """Load every interview under ``root``; return the model of the valid ones and all problems.

    What is loaded is frozen for the garbage collector: see ``workers.gc_paused``."""
    with gc_paused():
        return _load_journal(root, config, today or build_date(), cache)


def _load_journal(root: Path, config: JournalConfig, today: dt.date, cache: ParseCache | None) -> tuple[Journal, Problems]:
    problems = Problems()
    folder = root / config.interviews_dir
    if not folder.is_dir():
        problems.error(config.interviews_dir, 0, f"the interviews folder is missing: create {config.interviews_dir}/ with one Markdown file per conversation")
        return Journal(config, today, [], {}), problems

    parsed_all: list[Interview] = []
    held: dict[str, str] = {}
    files = list_interview_files(root, folder, problems)
    for (_, source, _), parsed in zip(files, parse_files(files, config, today, cache)):
        problems.extend(parsed.problems)
        if parsed.interview:
            parsed_all.append(parsed.interview)
        held.update(dict.fromkeys(parsed.held_quote_ids, source))

    _check_unique(parsed_all, problems)
    visible = sorted((i for i in parsed_all if not i.meta.confidential), key=lambda i: (i.date, i.rel))
    for interview in visible:
        interview.account = None
    accounts_path = folder / "accounts.yml"
    accounts_source = _source(root, accounts_path)
    decls = read_accounts(accounts_path, accounts_source, config, problems) if accounts_path.exists() else []
    accounts = build_accounts(visible, decls, accounts_source, config, problems)
    check_account_spellings(visible, problems)
    confidential = frozenset(i.source for i in parsed_all if i.meta.confidential)
    journal = Journal(config, today, visible, accounts, confidential,
                      confidential_quote_ids={q.id: i.source for i in parsed_all if i.meta.confidential for q in i.quotes},
                      held_quote_ids=held)
    # Later stages see the whole model; each validates its own files into `problems`.
    for stage in (apply_vocabulary, load_campaigns, load_insights):
        stage(root, journal, problems)
    return journal, problems


def _check_unique(interviews: list[Interview], problems: Problems) -> None:
    """Page addresses and quote ids must be unique across the journal."""
    urls: dict[str, Interview] = {}
    ids: dict[str, tuple[str, int]] = {}
    for interview in interviews:
        other = urls.get(interview.url)
        if other:
            problems.error(interview.source, 1, f"makes the same page address /{unquote(interview.url)} as {other.source}; rename one of them", related=[other.source])
        urls.setdefault(interview.url, interview)
        for q in interview.quotes:
            if q.id in ids:
                where, line = ids[q.id]
                problems.error(interview.source, q.line, f"the quote id '{q.id}' is already used in {where}:{line}; ids must be unique across the journal", "quote", related=[where])
            else:
                ids[q.id] = (interview.source, q.line)
