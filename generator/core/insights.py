"""Reading and checking insights: insights/*.md (spec section 7).

An insight is a claim (the Markdown body) with the quotes that support or
contradict it. Every load checks that each cited quote exists and is not
confidential, and marks each quote's ``evidence_for``. Who is behind the
evidence (strength, coverage) is a view: ``views.evidence``.
"""

from __future__ import annotations

from pathlib import Path

from .conflicts import conflict_problems
from .fields import Unique, check_keys, page_files, text_at
from .model import Evidence, Insight, Journal, insight_url
from .problems import Problems, one_of, suggest
from .segments import SegmentIndex, Term, segment_index
from ..errors import YamlProblem
from .yamlfile import Located, read_text, split_front_matter, type_word

STATUSES = ("hypothesis", "supported", "disputed", "retired")
STANCES = ("supports", "contradicts")
INSIGHT_FIELDS = ("title", "status", "owner", "segments", "evidence")
REQUIRED_FIELDS = ("title", "status", "owner")
EVIDENCE_FIELDS = ("id", "stance", "note")


# --- reading and checking ---------------------------------------------------------------


def load_insights(root: Path, journal: Journal, problems: Problems) -> None:
    """Read and validate insights into ``journal.insights``; mark each cited quote's ``evidence_for``."""
    for quote in journal.quotes:
        quote.evidence_for = []  # parsed quotes are cached across `mkdocs serve` rebuilds
    insights: list[Insight] = []
    unique = Unique(insight_url)
    for path, source, slug in page_files(root, journal.config.insights_dir, ".md", "insight", problems, misnamed=(".markdown",)):
        insight = read_insight(path, source, slug, problems)
        if insight is not None and unique.claim(slug, source, problems):
            check_evidence(insight, journal, problems)
            check_segments(insight, journal, problems)
            insights.append(insight)
    journal.insights = sorted(insights, key=lambda i: (i.title.casefold(), i.slug))
    for insight in journal.insights:
        for evidence in insight.found:
            evidence.quote.evidence_for.append(evidence)


def read_insight(path: Path, source: str, slug: str, problems: Problems) -> Insight | None:
    """Parse and validate one insight file; None when it cannot be used."""
    raw = read_text(path)
    if raw.problem:
        problems.error(source, raw.problem.line, raw.problem.message)
        return None
    conflicts = conflict_problems(raw.text, source)
    if conflicts:  # before the YAML: a conflict in front-matter is not "invalid YAML"
        problems.extend(conflicts)
        return None
    if not raw.text.strip():
        problems.error(source, 1, "the file is empty; an insight starts with front-matter (title, status, owner, evidence) between '---' lines")
        return None
    mine = Problems()  # this file's problems: any error makes the insight unusable
    insight: Insight | None = None
    try:
        fm = split_front_matter(raw.text, path=source, problems=mine)
        insight = _insight(fm.meta, fm.body, fm.body_line, source, slug, mine)
    except YamlProblem as exc:
        mine.error(source, exc.line, exc.message, exc.field)
    problems.extend(mine.items)
    return None if any(p.is_error for p in mine.items) else insight


def _insight(doc: Located, body: str, body_line: int, source: str, slug: str, problems: Problems) -> Insight | None:
    if not isinstance(doc.value, dict):
        problems.error(source, doc.line(()), "the front-matter needs title, status, owner and evidence lines")
        return None
    check_keys(doc, (), INSIGHT_FIELDS, REQUIRED_FIELDS, source, problems, f"fields: {', '.join(INSIGHT_FIELDS)}")
    title, status, owner = (text_at(doc, (key,), source, problems) for key in ("title", "status", "owner"))
    if status is not None and status not in STATUSES:
        problems.error(source, doc.line(("status",)), one_of(status, STATUSES), "status")
    segments = _words(doc, "segments", source, problems)
    evidence = _evidence(doc, source, problems)
    if not body.strip():
        problems.warning(source, body_line - 1, "states no claim: write the claim and what it means for us below the front-matter")
    if title is None or status is None or owner is None:
        return None
    insight = Insight(slug, source, title, status, owner, segments, evidence, body, doc.line(("status",)),
                      [doc.line(("segments", n)) for n in range(len(segments))])
    for e in evidence:
        e.insight = insight
    return insight


def _words(doc: Located, key: str, source: str, problems: Problems) -> list[str]:
    value = doc.value.get(key)
    if value is None:
        return []
    if isinstance(value, str):
        problems.error(source, doc.line((key,)), f"expected a list: write [{value}]", key)
        return []
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        problems.error(source, doc.line((key,)), f"expected a list of words, e.g. [a, b], got {type_word(value)}", key)
        return []
    return [" ".join(v.split()) for v in value]


def _evidence(doc: Located, source: str, problems: Problems) -> list[Evidence]:
    entries = doc.value.get("evidence")
    if entries is None:
        return []
    if not isinstance(entries, list):
        problems.error(source, doc.line(("evidence",)), "expected a list of quotes, each '- id: …' (optionally 'stance: contradicts' and a 'note: …')", "evidence")
        return []
    out: list[Evidence] = []
    seen: dict[str, int] = {}
    for n, entry in enumerate(entries):
        where = ("evidence", n)
        line = doc.line(where)
        if isinstance(entry, str) and entry.strip():  # a bare quote id: supports, no note
            quote_id, stance, note = entry.strip(), "supports", None
        elif isinstance(entry, dict):
            check_keys(doc, where, EVIDENCE_FIELDS, ("id",), source, problems, "evidence has id, stance and note")
            quote_id = text_at(doc, where + ("id",), source, problems)
            stance = text_at(doc, where + ("stance",), source, problems) or "supports"
            note = text_at(doc, where + ("note",), source, problems)
            if stance not in STANCES:
                problems.error(source, doc.line(where + ("stance",)), one_of(stance, STANCES), f"evidence[{n}].stance")
                continue
            line = doc.line(where + ("id",))
        else:
            problems.error(source, line, f"expected '- id: …' lines, got {type_word(entry)}", f"evidence[{n}]")
            continue
        if quote_id is None:
            continue
        if quote_id in seen:
            problems.error(source, line, f"the quote '{quote_id}' is already evidence on line {seen[quote_id]}", f"evidence[{n}].id")
            continue
        seen[quote_id] = line
        out.append(Evidence(quote_id, stance, note, line))
    return out


def check_evidence(insight: Insight, journal: Journal, problems: Problems) -> None:
    """Each quote must exist and not be confidential; a supported claim needs support from more than one account."""
    for n, evidence in enumerate(insight.evidence):
        at = f"evidence[{n}].id"
        quote = journal.quote(evidence.id)
        if quote is not None:
            evidence.quote = quote
        elif evidence.id in journal.confidential_quote_ids:  # say nothing of what it says or who said it
            problems.error(insight.source, evidence.line, f"the quote '{evidence.id}' is in a confidential interview and can never be evidence; remove it", at)
        elif held := journal.held_quote(evidence.id):
            problems.error(insight.source, evidence.line, f"the quote '{evidence.id}' cannot be checked: {held}", at,
                           [journal.held_quote_ids[evidence.id]])
        else:
            problems.error(insight.source, evidence.line, f"the quote '{evidence.id}' does not exist{suggest(evidence.id, journal.quotes_by_id)}; "
                           "use the id from the quote's attribution line ({#id})", at)
    if insight.status != "supported":
        return
    supporting = insight.supporting
    accounts = {e.quote.interview.account_key for e in supporting}
    if not supporting:
        problems.warning(insight.source, insight.status_line, "is supported, but no quote supports it: add evidence or call it a hypothesis", "status")
    elif len(accounts) == 1:
        problems.warning(insight.source, insight.status_line,
                         f"is supported, but all its supporting evidence comes from one account ({supporting[0].quote.interview.meta.customer}): "
                         "hear it from another account, or call it a hypothesis", "status")


def check_segments(insight: Insight, journal: Journal, problems: Problems) -> None:
    """Warn about each segment that is not a term of the journal."""
    index = segment_index(journal)
    for value, line, term in zip(insight.segments, insight.segment_lines, segment_terms(insight, index)):
        if term is None:
            labels = {t.label for t in index.all_terms()}
            problems.warning(insight.source, line, f"'{value}' is not a term of any segment (tag, product, department, relationship, …){suggest(value, labels)}", "segments")


def segment_terms(insight: Insight, index: SegmentIndex) -> list[Term | None]:
    """Each segment's term: the first taxonomy that has it; None when no taxonomy has it."""
    return [next((t for t in (index.term(name, value) for name in index.taxonomies) if t is not None), None)
            for value in insight.segments]
