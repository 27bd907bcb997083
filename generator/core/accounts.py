"""Account identity and attributes: accounts.yml, aliases, slugs, conflicts."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .config import JournalConfig
from .model import Account, Interview
from .problems import Problems, suggest
from .slugs import normalize, slugify
from .yamlfile import type_word, read_yaml_file


@dataclass
class AccountDecl:
    """One entry of interviews/accounts.yml."""

    name: str
    line: int
    aliases: list[str] = field(default_factory=list)
    attributes: dict[str, tuple[str, int]] = field(default_factory=dict)  # field -> (value, line)


def read_accounts(path: Path, source: str, config: JournalConfig, problems: Problems) -> list[AccountDecl]:
    """Read accounts.yml: a mapping of account name to aliases and attributes."""
    doc = read_yaml_file(path, source, problems)
    if doc is None:
        return []
    if doc.value is None:
        return []
    if not isinstance(doc.value, dict):
        problems.error(source, 1, "accounts.yml must map each account name to its attributes, e.g. 'Acme Logistics:' then '  industry: Logistics'")
        return []
    allowed = ["aliases", *config.all_account_fields]
    decls = []
    for name, attrs in doc.value.items():
        decl = AccountDecl(" ".join(name.split()), doc.line((name,)))
        decls.append(decl)
        if attrs is None:
            continue
        if not isinstance(attrs, dict):
            problems.error(source, decl.line, f"expected the account's attributes as key: value lines, got {type_word(attrs)}", name)
            continue
        for key, value in attrs.items():
            line = doc.line((name, key))
            if key == "aliases":
                values = value if isinstance(value, list) else None
                if values is None or not all(isinstance(v, str) and v.strip() for v in values):
                    problems.error(source, line, "expected a list of names, e.g. [Acme, ACME Corp]", f"{name}.aliases")
                    continue
                decl.aliases = [" ".join(v.split()) for v in values]
            elif key not in allowed:
                problems.error(source, line, f"unknown account field '{key}'{suggest(key, allowed)} (fields: {', '.join(allowed)})", f"{name}")
            elif not isinstance(value, str) or not value.strip():
                problems.error(source, line, f"expected text, got {type_word(value)}; put it in quotes", f"{name}.{key}")
            else:
                decl.attributes[key] = (value.strip(), line)
    return decls


def build_accounts(
    interviews: list[Interview], decls: list[AccountDecl], decl_source: str, config: JournalConfig, problems: Problems,
) -> dict[str, Account]:
    """Group interviews (oldest first) into accounts; report slug collisions and attribute conflicts."""
    by_name: dict[str, AccountDecl] = {}
    for decl in decls:
        for spelling in [decl.name, *decl.aliases]:
            other = by_name.get(normalize(spelling))
            if other is not None and other is not decl:
                problems.error(decl_source, decl.line, f"'{spelling}' is also a name of '{other.name}' (line {other.line})")
            by_name[normalize(spelling)] = decl

    groups: dict[str, list[Interview]] = {}  # normalized canonical name -> interviews
    for interview in interviews:
        decl = by_name.get(normalize(interview.meta.customer))
        groups.setdefault(normalize(decl.name) if decl else normalize(interview.meta.customer), []).append(interview)
    for decl in decls:
        groups.setdefault(normalize(decl.name), [])

    accounts: dict[str, Account] = {}
    first_source: dict[str, str] = {}
    for key, members in groups.items():
        decl = by_name.get(key)
        name = decl.name if decl else members[-1].meta.customer.strip()
        slug = slugify(name)
        where = members[0].source if members else f"{decl_source}:{decl.line}"
        if slug in accounts:
            problems.error(
                members[0].source if members else decl_source, members[0].line_of("customer") if members else decl.line,
                f"'{name}' and '{accounts[slug].name}' ({first_source[slug]}) both make the account address customers/{slug}/; "
                f"use one spelling, or list one as an alias of the other in {decl_source}",
                "customer", related=[first_source[slug].split(":")[0]],
            )
            continue
        first_source[slug] = where
        account = Account(slug=slug, name=name, aliases=list(decl.aliases) if decl else [], interviews=members)
        _merge_attributes(account, decl, decl_source, config, problems)
        for interview in members:
            interview.account = account
        accounts[slug] = account
    return dict(sorted(accounts.items(), key=lambda kv: (kv[1].name.casefold(), kv[0])))


def _merge_attributes(account: Account, decl: AccountDecl | None, decl_source: str, config: JournalConfig, problems: Problems) -> None:
    seen: dict[str, tuple[str, str]] = {}  # field -> (value, "file:line")
    if decl:
        for key, (value, line) in decl.attributes.items():
            seen[key] = (value, f"{decl_source}:{line}")
    for interview in account.interviews:
        for key in config.all_account_fields:
            value = getattr(interview.meta, key, None) if key in ("industry", "size", "region") else interview.extra.get(key)
            if value is None:
                continue
            line = interview.line_of(key)
            if key in seen and normalize(seen[key][0]) != normalize(value):
                other_value, other_where = seen[key]
                problems.error(
                    interview.source, line,
                    f"'{value}' here, but '{other_value}' in {other_where}; an account has one {key}: fix one of the two files",
                    key, related=[other_where.rsplit(":", 1)[0]],
                )
            seen.setdefault(key, (value, f"{interview.source}:{line}"))
    account.attributes = {k: seen[k][0] for k in config.all_account_fields if k in seen}
    account.attribute_sources = {k: seen[k][1] for k in account.attributes}
