"""generator.adapters.mkdocs.plugin: a real `mkdocs build --strict` of a small project."""

from __future__ import annotations

import gzip
import re
import shutil
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from generator.adapters.mkdocs.parallel import OFFLOADED
from generator.site.registry import FAMILIES
from tests.support import FIXTURES, build_mini, run_mkdocs

MINI = FIXTURES / "mini"


def site_text(site: Path) -> str:
    """Every file of the site as text; gzip-compressed ones (the search index's) unpacked."""
    def text(data: bytes) -> str:
        return (gzip.decompress(data) if data[:2] == b"\x1f\x8b" else data).decode("utf-8", errors="replace")
    return "\n".join(text(p.read_bytes()) for p in sorted(site.rglob("*")) if p.is_file())


def test_interview_page_has_card_notes_and_quote_permalink(tmp_path: Path) -> None:
    site = build_mini(tmp_path)
    page = (site / "interviews" / "2026" / "2026-03-04-acme" / "index.html").read_text()
    assert "<title>Acme Logistics · 2026-03-04" in page
    assert 'id="fewer-pages"' in page and 'href="#fewer-pages"' in page
    assert "VP Operations" in page and "Sam Lee" in page
    assert 'href="../../../customers/acme-logistics/"' in page


def test_private_data_never_reaches_the_site(tmp_path: Path) -> None:
    text = site_text(build_mini(tmp_path))
    for secret in ("jane@acme.example", "555 0100", "Whitecap", "Halyard", "Bob Quill", "2026-04-01-halyard", "whitecap-move"):
        assert secret not in text, secret


def test_interview_pages_stay_out_of_the_nav(tmp_path: Path) -> None:
    site = build_mini(tmp_path)
    about = (site / "about" / "index.html").read_text()
    assert "2026-03-04-acme" not in about


def test_pages_outside_the_nav_link_to_it_from_where_they_are(tmp_path: Path) -> None:
    """The navigation is rendered once per place (navcache.py): a segment page and an interview
    page are as deep, but link to the segments index differently."""
    site = build_mini(tmp_path)

    def nav_links(page: str) -> list[str]:
        return re.findall(r'href="([^"]*)"\s*class="md-nav__link', (site / page / "index.html").read_text())

    def from_(depth: int, folder: str) -> list[str]:
        up = "../" * depth
        return [up[:-1] if not t else "../" * (depth - 1) if t == folder else up + t
                for t in ("", "about/", "customers/", "campaigns/", "insights/", "quotes/", "segments/")]

    assert nav_links("interviews/2026/2026-03-04-acme") == from_(3, "interviews/")
    assert nav_links("segments/channel/on-site") == from_(3, "segments/")
    assert nav_links("customers/acme-logistics") == from_(2, "customers/")
    assert from_(3, "segments/")[-1] == "../../"


def test_build_with_errors_fails_and_keeps_previous_site(tmp_path: Path) -> None:
    site = build_mini(tmp_path)
    before = {p: p.read_bytes() for p in site.rglob("*") if p.is_file()}
    bad = tmp_path / "mini" / "interviews" / "2026" / "2026-03-04-acme.md"
    bad.write_text(bad.read_text().replace("relationship: customer", "relationship: custmer"))
    result = run_mkdocs(tmp_path / "mini")
    assert result.returncode != 0
    assert "interviews/2026/2026-03-04-acme.md:4: error: relationship: 'custmer'" in result.stderr
    assert "Traceback" not in result.stderr
    assert {p: p.read_bytes() for p in site.rglob("*") if p.is_file()} == before
    assert not list((tmp_path / "mini").glob(".journal-build-*"))


def test_parallel_and_in_process_rendering_build_identical_sites(tmp_path: Path, monkeypatch) -> None:
    serial = build_mini(tmp_path / "serial")
    monkeypatch.setenv("JOURNAL_PARALLEL_MIN", "1")
    parallel = build_mini(tmp_path / "parallel")
    files = sorted(p.relative_to(serial) for p in serial.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(parallel) for p in parallel.rglob("*") if p.is_file())
    for rel in files:
        assert (serial / rel).read_bytes() == (parallel / rel).read_bytes(), rel


@pytest.mark.parametrize("parallel_min", ["1", "1000"], ids=["worker", "in-process"])
def test_build_v_logs_where_the_time_went(tmp_path: Path, monkeypatch, parallel_min: str) -> None:
    monkeypatch.setenv("JOURNAL_PARALLEL_MIN", parallel_min)
    project = tmp_path / "mini"
    shutil.copytree(MINI, project)
    quiet, verbose = run_mkdocs(project), run_mkdocs(project, "-v")
    assert "journal: timings" not in quiet.stderr
    lines = [line for line in verbose.stderr.splitlines() if "journal: timings: " in line]
    assert len(lines) == 1, verbose.stderr
    steps, _, total = lines[0].split("journal: timings: ")[1].rpartition("; total ")
    names = [re.fullmatch(r"(.+) \d+\.\d\d s", step).group(1) for step in steps.split(", ")]
    handed_off = {"1": ["waiting for the worker", "MkDocs (pages and theme)", "MkDocs rendering interview pages",
                        "MkDocs waiting for interview pages", "worker: interview pages", "worker: " + " + ".join(OFFLOADED)],
                  "1000": ["MkDocs (pages and theme)"]}[parallel_min]
    in_worker = {"1": ("interviews", *OFFLOADED), "1000": ()}[parallel_min]
    families = [name for name in FAMILIES if name not in in_worker]
    assert names == ["parse", "model", "git history", *families, *handed_off, "search index after the last page"]
    assert re.fullmatch(r"\d+\.\d\d s", total)


@pytest.mark.parametrize(("option", "message"), [
    ("stale_days: soon", "Plugin 'journal' option 'stale_days'"),
    ("relationships: [customer]",
     "big_four lists prospect, lost-customer, competitor-customer, which is not in relationships"),
], ids=["invalid-option-like-mkdocs-options", "big-four-must-be-configured-relationships"])
def test_bad_plugin_options_fail_the_build_with_their_message(tmp_path: Path, option: str, message: str) -> None:
    project = tmp_path / "mini"
    shutil.copytree(MINI, project)
    (project / "mkdocs.yml").write_text(
        f"site_name: Mini\ntheme: {{name: material, font: false}}\nplugins:\n  - journal:\n      {option}\n")
    result = run_mkdocs(project)
    assert result.returncode != 0
    assert message in result.stderr
    assert "Traceback" not in result.stderr


def test_a_docs_page_at_a_generated_address_fails_the_build(tmp_path: Path) -> None:
    project = tmp_path / "mini"
    shutil.copytree(MINI, project)
    (project / "docs" / "quotes.md").write_text("# My quotes\n")  # would be /quotes/, the library's address
    result = run_mkdocs(project, "--strict")
    assert result.returncode != 0
    assert "journal: docs/quotes.md has the address of a generated page (/quotes/); rename or remove it" in result.stderr


def test_file_names_with_spaces_accents_and_hash_get_working_links(tmp_path: Path) -> None:
    project = tmp_path / "mini"
    shutil.copytree(MINI, project)
    folder = project / "interviews" / "2026"
    (folder / "2026-03-04-acme.md").rename(folder / "Café notes – Acme #1?.md")
    result = run_mkdocs(project, "--strict")
    assert result.returncode == 0, result.stderr
    site = project / "site"
    assert (site / "interviews" / "2026" / "Café notes – Acme #1?" / "index.html").is_file()
    account = site / "customers" / "acme-logistics" / "index.html"
    hrefs = re.findall(r'href="([^"]*interviews/2026/[^"]*)"', account.read_text(encoding="utf-8"))
    assert hrefs
    for href in hrefs:
        assert " " not in href and "#1" not in href
        target = (account.parent / unquote(urlsplit(href).path)).resolve() / "index.html"
        assert target.is_file(), href


def test_a_docs_page_with_unreadable_front_matter_fails_the_build(tmp_path: Path) -> None:
    """MkDocs alone would publish the broken front-matter as page text and index it."""
    project = tmp_path / "mini"
    shutil.copytree(MINI, project)
    (project / "docs" / "about.md").write_text("---\ntitle: About\nowner: Priya: sales\n---\n# About\n", encoding="utf-8")
    result = run_mkdocs(project)
    assert result.returncode != 0
    assert "docs/about.md:3: error: this is not valid YAML: a value contains ': '" in result.stderr
    assert "Traceback" not in result.stderr and not (project / "site").exists()


def test_serve_keeps_compiled_theme_templates_across_rebuilds_and_compiles_edited_ones() -> None:
    from jinja2 import DictLoader, Environment

    from generator.adapters.mkdocs.session import MemoryBytecodeCache

    cache, sources = MemoryBytecodeCache(), {"main.html": "Hello {{ name }}"}
    first = Environment(loader=DictLoader(sources), bytecode_cache=cache)
    assert first.get_template("main.html").render(name="Ann") == "Hello Ann"

    def no_compiling(env: Environment) -> Environment:
        env.compile = lambda *a, **k: (_ for _ in ()).throw(AssertionError("compiled again"))  # type: ignore[method-assign]
        return env

    rebuilt = no_compiling(Environment(loader=DictLoader(sources), bytecode_cache=cache))  # MkDocs' next rebuild
    assert rebuilt.get_template("main.html").render(name="Bo") == "Hello Bo"
    sources["main.html"] = "Bye {{ name }}"
    with pytest.raises(AssertionError, match="compiled again"):
        no_compiling(Environment(loader=DictLoader(sources), bytecode_cache=cache)).get_template("main.html")
    assert Environment(loader=DictLoader(sources), bytecode_cache=cache).get_template("main.html").render(name="Cy") == "Bye Cy"
