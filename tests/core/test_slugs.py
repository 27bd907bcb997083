"""generator.core.slugs: usable, stable slugs whatever the script; spellings of one name meet on one slug."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from generator.core.load import load_journal
from generator.core.project import read_config
from generator.core.slugs import slugify

from tests import cases
from tests.support import TODAY

CJK = cases.case("bad-inputs", "cjk-customer-name")


def test_spellings_of_one_name_share_a_slug() -> None:
    assert slugify("Acme Inc") == slugify("Acme, Inc.") == slugify("acme-inc") == "acme-inc"
    assert slugify("Café Zürich") == "cafe-zurich"


def test_a_name_without_latin_letters_gets_a_stable_hash_slug() -> None:
    slug = slugify("東京物流株式会社")
    assert slug.startswith("x-") and len(slug) == 8 and slug == slugify(" 東京物流株式会社 ")
    assert slug != slugify("大阪物流株式会社")


def test_a_cjk_account_gets_a_page_address() -> None:
    journal, problems = load_journal(CJK, read_config(CJK), today=TODAY)
    assert not problems.errors
    [account] = journal.accounts.values()
    assert account.name == "東京物流株式会社" and account.slug == slugify(account.name)


@settings(max_examples=200, deadline=None, derandomize=True)
@given(st.text())
def test_any_name_gives_a_url_safe_slug(name: str) -> None:
    slug = slugify(name)
    assert slug and all(c in "abcdefghijklmnopqrstuvwxyz0123456789-" for c in slug)
    assert not slug.startswith("-") and not slug.endswith("-")
