"""Tag vocabulary (interviews/tags.yml) and term normalisation (issue 6).

tags.yml is optional and maps each allowed tag to its synonyms::

    on-call: [pager, paging]
    alert fatigue:

Synonyms (any case or spacing) fold into the allowed tag, in interview and quote
tags. With a vocabulary, other tags are warnings (errors with `strict_tags: true`).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

from .model import Interview, Journal
from .problems import Problems, suggest
from .segments import check_spellings, segment_index, term_slug
from .slugs import normalize
from .yamlfile import type_word, read_yaml_file

FILE_NAME = "tags.yml"


@dataclass
class Vocabulary:
    """Allowed tags and the synonyms that fold into them."""

    source: str
    tags: dict[str, int] = field(default_factory=dict)  # allowed tag -> line in tags.yml
    folds: dict[str, str] = field(default_factory=dict)  # normalized tag or synonym -> allowed tag

    def canonical(self, tag: str) -> str | None:
        return self.folds.get(normalize(tag))

    def synonyms(self, tag: str) -> list[str]:
        key = normalize(tag)
        return sorted(k for k, v in self.folds.items() if v == tag and k != key)


def vocabulary_path(root: Path, interviews_dir: str) -> tuple[Path, str]:
    """Where tags.yml lives, and how messages name it."""
    return root / interviews_dir / FILE_NAME, f"{interviews_dir.rstrip('/')}/{FILE_NAME}"


def read_vocabulary(path: Path, source: str, problems: Problems) -> Vocabulary | None:
    """Read tags.yml; None (and located errors) when it cannot be used."""
    doc = read_yaml_file(path, source, problems)
    if doc is None:
        return None
    vocab = Vocabulary(source)
    if doc.value is None:
        return vocab
    if not isinstance(doc.value, dict):
        problems.error(source, doc.line(()), f"expected one allowed tag per line with its synonyms, e.g. 'on-call: [pager, paging]', got {type_word(doc.value)}")
        return None
    errors = len(problems.errors)
    where: dict[str, tuple[str, int]] = {}  # normalized -> (allowed tag, line)

    def claim(spelling: str, tag: str, line: int, name: str) -> None:
        key = normalize(spelling)
        if key in where:
            first_tag, first_line = where[key]
            role = "an allowed tag" if normalize(first_tag) == key else f"a synonym of '{first_tag}'"
            problems.error(source, line, f"'{spelling}' is already {role} (line {first_line}); a tag or synonym may appear once", name)
            return
        where[key] = (tag, line)
        vocab.folds[key] = tag

    for tag, synonyms in doc.value.items():
        line = doc.line((tag,))
        tag_name = " ".join(tag.split())
        if not tag_name:
            problems.error(source, line, "a tag must not be empty")
            continue
        vocab.tags[tag_name] = line
        claim(tag_name, tag_name, line, tag_name)
        if synonyms is None:
            continue
        if not isinstance(synonyms, list):
            hint = f": write [{synonyms}]" if isinstance(synonyms, str) else f", got {type_word(synonyms)}"
            problems.error(source, line, f"expected a list of synonyms{hint}", tag_name)
            continue
        for n, synonym in enumerate(synonyms):
            at = doc.line((tag, n))
            if not isinstance(synonym, str) or not synonym.strip():
                problems.error(source, at, f"expected a synonym as text, got {type_word(synonym)}", f"{tag_name}[{n}]")
            else:
                claim(" ".join(synonym.split()), tag_name, at, f"{tag_name}[{n}]")
    return vocab if len(problems.errors) == errors else None


def apply_vocabulary(root: Path, journal: Journal, problems: Problems) -> None:
    """Fold tag synonyms into allowed tags, report unknown tags, then check term spellings."""
    config = journal.config
    path, source = vocabulary_path(root, config.interviews_dir)
    vocab = read_vocabulary(path, source, problems) if path.is_file() else None
    if vocab is None and config.strict_tags and not path.is_file():
        problems.error(source, 0, f"strict_tags is set in mkdocs.yml, so {source} must list the allowed tags, e.g. 'on-call: [pager, paging]'")
    for interview in journal.interviews:
        fold_tags(interview, vocab, problems, strict=config.strict_tags)
    check_spellings(journal, problems)


def fold_tags(interview: Interview, vocab: Vocabulary | None, problems: Problems, *, strict: bool) -> None:
    """Set the interview's and its quotes' tags from the tags as written, folded by ``vocab``."""
    if interview.written_tags is None:
        interview.written_tags = tuple(interview.meta.tags)
    report = problems.error if strict else problems.warning
    choices = [*vocab.tags, *(k for k, v in vocab.folds.items() if normalize(v) != k)] if vocab else []

    def fold(tags: tuple[str, ...], line_of) -> list[str]:
        out: dict[str, None] = {}
        for n, tag in enumerate(tags):
            allowed = vocab.canonical(tag) if vocab else tag
            if allowed is None:
                line, name = line_of(n)
                report(interview.source, line, f"'{tag}' is not in {vocab.source}: add it there or use an allowed tag"
                       f"{suggest(tag, choices)}", name)
                allowed = tag
            out[allowed] = None
        return list(out)

    tags = fold(interview.written_tags, lambda n: (interview.line_of("tags", n), "tags"))
    if tags != interview.meta.tags:
        interview.meta = interview.meta.model_copy(update={"tags": tags})
    for q in interview.quotes:
        if q.written_tags is None:
            q.written_tags = q.tags
        q.tags = tuple(fold(q.written_tags, lambda n, _q=q: (_q.line, "quote")))


@dataclass
class TagRow:
    """One line of `journal tags`."""

    tag: str
    interviews: int
    quotes: int
    note: str = ""


def _written_forms(journal: Journal, vocab: Vocabulary | None) -> Iterator[tuple[str, str]]:
    """(tag as written, tag after folding) for every tag in every file."""
    for interview in journal.interviews:
        written = list(interview.written_tags or interview.meta.tags)
        written += [t for q in interview.quotes for t in (q.written_tags or q.tags)]
        for tag in written:
            yield tag, (vocab.canonical(tag) if vocab else None) or tag


def tag_rows(root: Path, journal: Journal) -> list[TagRow]:
    """Tags with interview and quote counts as the segment pages show them, most used first,
    noting other spellings and synonyms in use and tags missing from tags.yml."""
    path, source = vocabulary_path(root, journal.config.interviews_dir)
    vocab = read_vocabulary(path, source, Problems()) if path.is_file() else None
    index = segment_index(journal)
    written: dict[str, Counter] = {}
    for tag, folded in _written_forms(journal, vocab):
        written.setdefault(term_slug(folded), Counter())[tag] += 1
    rows = []
    for term in index.terms.get("tag", []):
        notes = []
        others = sorted((w, n) for w, n in written.get(term.slug, Counter()).items() if w != term.spelling)
        if others:
            notes.append("also written as " + ", ".join(f"'{w}' ({n})" for w, n in others))
        if vocab and vocab.canonical(term.spelling) is None:
            notes.append(f"not in {source}")
        rows.append(TagRow(term.spelling, len(term.interviews), len(term.quotes), "; ".join(notes)))
    return rows


def known_tags(root: Path, journal: Journal) -> set[str]:
    """Normalized tags in use or allowed: as written, after folding, and in tags.yml."""
    path, source = vocabulary_path(root, journal.config.interviews_dir)
    vocab = read_vocabulary(path, source, Problems()) if path.is_file() else None
    known = set(vocab.folds) if vocab else set()
    for tag, folded in _written_forms(journal, vocab):
        known.update((normalize(tag), normalize(folded)))
    return known
