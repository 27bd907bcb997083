"""generator.site.cardimage.layout: the cheap bound `journal check` relies on never claims a fit that
Pillow's wrapper would not find, and ``verdict`` says what ``layout`` does."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.resources import CARD_FONT
from generator.site.cardimage import layout as L
from generator.site.cardimage.face import Brand, CardFace

BRAND = Brand("Northwind", "#3f51b5")
HEIGHT = (L.QUOTE_BOTTOM - L.QUOTE_TOP) * L.SCALE
SMALLEST = L.QUOTE_SIZES[0] * L.SCALE
# Narrow and wide letters, long and short words: the bound must hold for all of them.
WORDS = st.text(alphabet="iljtfrWMmwQ—Æœ0123456789abcdeghnopqsuvxyz.,'", min_size=1, max_size=18)
TEXTS = st.lists(WORDS, min_size=1, max_size=320).map(" ".join)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS)
def test_the_bound_never_claims_a_fit_that_the_wrapper_does_not_find(text: str) -> None:
    assert not L.surely_fits(text, CARD_FONT, SMALLEST, HEIGHT) or L.wrap(text, CARD_FONT, SMALLEST, HEIGHT) is not None


def test_the_bound_decides_ordinary_quotes_alone() -> None:
    """Without it, `journal check` would lay out every quote (a fifth of a second each)."""
    assert L.surely_fits(" ".join(["handover"] * 60), CARD_FONT, SMALLEST, HEIGHT)  # 60 words
    assert not L.surely_fits(" ".join(["handover"] * 400), CARD_FONT, SMALLEST, HEIGHT)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(min_value=100, max_value=260))
def test_verdict_says_what_layout_finds(words: int) -> None:
    face = CardFace(" ".join(["dispatchers"] * words), "VP Operations at a logistics company", BRAND)
    laid = L.layout(face)
    assert L.verdict(face) == (laid if isinstance(laid, str) else "")


def test_fit_finds_the_largest_size_that_fits() -> None:
    text = "\u201c" + " ".join(["the night shift opens one timeline"] * 6) + "\u201d"
    px, wrapped = L.fit(text, CARD_FONT, L.QUOTE_SIZES, HEIGHT)
    assert wrapped.text.count("\n") >= 2
    assert L.wrap(text, CARD_FONT, px + L.SCALE, HEIGHT) is None  # one size larger does not fit
