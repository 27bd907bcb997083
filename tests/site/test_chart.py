"""generator.site.chart: the interviews-per-month SVG is well-formed and its bars add up."""

from __future__ import annotations

import datetime as dt
import re
import xml.etree.ElementTree as ET
from collections import Counter

import pytest

from generator.site.chart import nice_max, stacked_months
from generator.views.dashboard import Month, months
from generator.core.load import load_journal
from generator.core.project import read_config

from tests.support import FIXTURES, REPO, TODAY

FIXTURE = FIXTURES / "segments"
SVG = "{http://www.w3.org/2000/svg}"
SERIES = ["customer", "prospect", "lost-customer", "competitor-customer"]


def parse(svg: str) -> ET.Element:
    return ET.fromstring(svg)  # raises on anything not well-formed


def bars(root: ET.Element) -> dict[str, list[ET.Element]]:
    return {g.get("data-month"): g.findall(f"{SVG}rect") for g in root.iter(f"{SVG}g") if g.get("data-month")}


def check_bars(root: ET.Element, expected: dict[str, Counter]) -> None:
    """Each month's pieces sum to its count, stack without gaps from one baseline, at one scale."""
    found = bars(root)
    assert set(found) == set(expected)
    scales, baselines = set(), set()
    for month, rects in found.items():
        group = next(g for g in root.iter(f"{SVG}g") if g.get("data-month") == month)
        counts = {r.get("data-series"): int(r.get("data-count")) for r in rects}
        assert counts == {k: v for k, v in expected[month].items() if v}, month
        assert int(group.get("data-total")) == sum(expected[month].values()), month
        bottom = None
        for r in rects:
            y, h = float(r.get("y")), float(r.get("height"))
            scales.add(round(h / int(r.get("data-count")), 1))
            if bottom is not None:
                assert y + h == pytest.approx(bottom, abs=0.02), month
            else:
                baselines.add(round(y + h, 1))
            bottom = y
    assert len(scales) <= 1 and len(baselines) <= 1


def test_the_journal_chart_matches_the_monthly_counts() -> None:
    journal, _ = load_journal(FIXTURE, read_config(FIXTURE), today=TODAY)
    svg = stacked_months(months(journal), SERIES, title="Interviews per month", desc="d")
    root = parse(svg)
    assert root.get("role") == "img"
    assert root.find(f"{SVG}title").text == "Interviews per month"
    expected: dict[str, Counter] = {}
    for m in months(journal):
        expected[m.start.strftime("%Y-%m")] = Counter()
    for i in journal.interviews:  # counted straight from the model, not via dashboard.months
        expected[i.date.strftime("%Y-%m")][i.meta.relationship] += 1
    check_bars(root, expected)
    assert sum(int(r.get("data-count")) for rects in bars(root).values() for r in rects) == 5


def test_a_long_busy_history_stacks_every_series_and_labels_years() -> None:
    data = []
    for n in range(75):
        year, month = 2020 + n // 12, n % 12 + 1
        data.append(Month(dt.date(year, month, 1), Counter({s: (n * (k + 3)) % 7 for k, s in enumerate(SERIES + ["partner"])})))
    root = parse(stacked_months(data, SERIES + ["partner"], title="t & <t>", desc="d"))
    check_bars(root, {m.start.strftime("%Y-%m"): m.counts for m in data})
    labels = [t.text for g in root.iter(f"{SVG}g") if g.get("class") == "journal-chart__labels" for t in g]
    assert labels == ["2020", "2021", "2022", "2023", "2024", "2025", "2026"]
    assert root.find(f"{SVG}title").text == "t & <t>"


def test_text_and_axes_follow_the_colour_scheme() -> None:
    svg = stacked_months([Month(dt.date(2026, 1, 1), Counter(customer=2))], SERIES, title="t", desc="d")
    root = parse(svg)
    assert root.get("fill") == "currentColor"
    assert all(line.get("stroke") == "currentColor" for line in root.iter(f"{SVG}line"))
    assert "#" not in "".join(t.get("fill") or "" for t in root.iter(f"{SVG}text"))


@pytest.mark.parametrize("value, top, step", [(0, 1, 1), (1, 1, 1), (3, 3, 1), (6, 6, 2), (7, 8, 2), (23, 25, 5), (180, 200, 50)])
def test_axis_maximum_is_round_and_not_below_the_data(value, top, step) -> None:
    assert nice_max(value) == (top, step)


ASSETS = REPO / "templates" / "assets"
BACKGROUNDS = {"default": "#ffffff", "slate": "#1e2029"}  # Material's light and dark page backgrounds (hue 232)


def contrast(a: str, b: str) -> float:
    def luminance(colour: str) -> float:
        channels = [int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
        r, g, b = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * r + 0.7152 * g + 0.0722 * b
    hi, lo = sorted((luminance(a), luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


@pytest.mark.parametrize("scheme", BACKGROUNDS)
@pytest.mark.parametrize("relationship", SERIES)
def test_series_and_relationship_colours_stand_out_in_both_schemes(relationship: str, scheme: str) -> None:
    """Chart bars and relationship dots: a colour per scheme, the same in both places, at least 3:1 (WCAG, graphics)."""
    css = (ASSETS / "segments.css").read_text() + (ASSETS / "journal.css").read_text()
    prefix = r'\[data-md-color-scheme="slate"\] ' if scheme == "slate" else r"(?<![\] ])"
    bar = re.search(rf"{prefix}\.journal-series--{relationship} {{ fill: (#[0-9a-f]{{6}})", css)
    dot = re.search(rf"{prefix}\.journal-rel--{relationship} {{ --journal-rel-color: (#[0-9a-f]{{6}})", css)
    assert bar and dot, (relationship, scheme)
    assert bar.group(1) == dot.group(1)
    assert contrast(bar.group(1), BACKGROUNDS[scheme]) >= 3, bar.group(1)
