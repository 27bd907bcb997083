"""`journal new` in a terminal: asks for what the flags did not give.

Known values (accounts, people, tags, interviewers) are offered as numbered
choices and, where the terminal has readline, completed with Tab.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import sys
from dataclasses import replace
from typing import Callable, Iterator

import click

from ...core.config import JournalConfig
from ...authoring.newnote import Draft, Known, KnownAccount, NoteError, choose, parse_date, parse_interviewer, parse_person, split_list

SHOWN = 9  # numbered choices shown at once; Tab completes the rest


@contextlib.contextmanager
def completion(words: list[str]) -> Iterator[None]:
    """Tab completes ``words`` (after a comma too) while a question is asked, when readline is there."""
    try:
        import readline
    except ImportError:  # e.g. Windows without pyreadline
        yield
        return
    if not sys.stdin.isatty():
        yield
        return
    old_completer, old_delims = readline.get_completer(), readline.get_completer_delims()

    def complete(text: str, state: int) -> str | None:
        stem = text.lstrip()
        matches = [w for w in words if w.casefold().startswith(stem.casefold())]
        return text[: len(text) - len(stem)] + matches[state] if state < len(matches) else None

    readline.set_completer(complete)
    readline.set_completer_delims(",")
    readline.parse_and_bind("bind ^I rl_complete" if "libedit" in (readline.__doc__ or "") else "tab: complete")
    try:
        yield
    finally:
        readline.set_completer(old_completer)
        readline.set_completer_delims(old_delims)


def _numbered(options: list[str]) -> None:
    for n, option in enumerate(options[:SHOWN], 1):
        click.echo(f"  {n}. {option}")
    if len(options) > SHOWN:
        click.echo(f"  … and {len(options) - SHOWN} more: type the start and press Tab")


def _ask(question: str, words: list[str], parse: Callable[[str], object], *, default: str | None = None) -> object:
    """Ask until ``parse`` accepts the answer; its NoteError is shown and the question repeated."""

    def proc(text: str) -> object:
        try:
            return parse(text.strip())
        except NoteError as exc:
            raise click.UsageError(str(exc)) from None

    with completion(words):
        return click.prompt(question, default=default, show_default=bool(default), value_proc=proc)


def _by_number(options: list[str]) -> Callable[[str], str]:
    """An answer's number (1…) picks from ``options``; any other text is itself."""

    def pick(token: str) -> str:
        if token.isdigit():
            n = int(token)
            if not 1 <= n <= min(len(options), SHOWN):
                raise NoteError(f"{n} is not one of the numbers shown")
            return options[n - 1]
        return token

    return pick


def _one_of(question: str, options: list[str], default: str | None, *, optional: bool = False) -> str | None:
    _numbered(options)
    pick = _by_number(options)
    hint = " (Enter to skip)" if optional and not default else ""
    answer = _ask(question + hint, options, lambda t: choose(pick(t), options, question.lower()) if t else "",
                  default=default or ("" if optional else None))
    return str(answer) or None


def _customer(known: Known) -> str:
    click.echo("Recent accounts:" if known.accounts else "No accounts yet: type the customer's name.")
    _numbered([f"{a.name} ({a.relationship}, last talked {a.last_contact})" for a in known.accounts])
    names = [a.name for a in known.accounts]
    pick = _by_number(names)

    def parse(text: str) -> str:
        if not text:
            raise NoteError("the customer's name is needed")
        return pick(text)

    name = str(_ask("Customer (number or name)", names, parse))
    close = known.close_account(name)
    if close and click.confirm(f"'{name}' is a new account. Did you mean '{close}'?", default=True):
        return close
    return name


def _people(account: KnownAccount | None) -> list[dict[str, str]]:
    people: list[dict[str, str]] = []
    met = account.people if account else []
    if met:
        click.echo(f"People met at {account.name} before:")  # type: ignore[union-attr]
        labels = [", ".join(p.values()) for p in met]
        _numbered(labels)
        pick = _by_number(labels)
        chosen = _ask("Who did you talk to? Numbers, e.g. 1,3 (Enter: someone new)", [p["name"] for p in met],
                      lambda t: [pick(x) for x in split_list(t)], default="")
        for label in chosen:  # type: ignore[union-attr]
            people.append(met[labels.index(label)] if label in labels else parse_person(label))
    while True:
        question = "Someone else? Name, Role, Department (Enter when done)" if people else "Who did you talk to? Name, Role, Department"
        person = _ask(question, [], lambda t: parse_person(t) if t else None, default="" if people else None)
        if not person:
            return people
        people.append(person)  # type: ignore[arg-type]


def _interviewers(known: Known, config: JournalConfig) -> list[dict[str, str]]:
    labels = [", ".join(who.values()) for who in known.interviewers]
    if labels:
        click.echo("From our side, before:")
        _numbered(labels)
    pick = _by_number(labels)

    def parse(text: str) -> list[dict[str, str]]:
        tokens = split_list(text)
        entries = tokens if tokens and all(t.isdigit() for t in tokens) else [e for e in text.split(";") if e.strip()]
        found = []
        for entry in entries:
            who = parse_interviewer(pick(entry.strip()))
            if who.get("team"):
                choose(who["team"], config.teams, f"team of {who['name']}")
            found.append(who)
        return found

    answer = _ask("Who from our side? Numbers, or 'Name, team' (several: separate with ;)", [who["name"] for who in known.interviewers],
                  parse, default="")
    return answer  # type: ignore[return-value]


def ask_missing(answers: Draft, known: Known, config: JournalConfig, today: dt.date) -> Draft:
    """Ask, in order, for each answer the flags left out."""
    a = replace(answers)
    if a.date is None:
        a.date = _ask("Date of the conversation", [], parse_date, default=today.isoformat())  # type: ignore[assignment]
    if not a.customer:
        a.customer = _customer(known)
    account = known.account(a.customer)
    if not a.relationship:
        a.relationship = _one_of("Relationship", config.relationships, account.relationship if account else None) or ""
    if not a.channel:
        a.channel = _one_of("Channel", config.channels, None, optional=True)
    if not a.people:
        a.people = _people(account)
    if not a.interviewers:
        a.interviewers = _interviewers(known, config)
    if not a.tags:
        if known.tags:
            click.echo("Tags in use: " + ", ".join(f"{n}. {t}" for n, t in enumerate(known.tags[:SHOWN], 1)))
        pick = _by_number(known.tags)
        a.tags = _ask("Tags, separated by commas (numbers pick from the list; Enter to skip)", known.tags,
                      lambda t: [pick(x) for x in split_list(t)], default="")  # type: ignore[assignment]
    if a.summary is None:
        a.summary = str(_ask("Summary in a sentence (Enter to write it later)", [], str, default="")) or None
    return a
