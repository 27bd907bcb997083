"""Interviews per month as an inline SVG stacked bar chart, made at build time.

No JavaScript and no network at view time. Text and axes use ``currentColor`` so
they follow Material's light and dark schemes; the series colours come from CSS
classes (with a fill attribute as fallback) that segments.css adjusts for dark.
"""

from __future__ import annotations

import math
from typing import Sequence

from markupsafe import Markup, escape

from ..views.dashboard import Month

WIDTH, HEIGHT = 720, 240
LEFT, RIGHT, TOP, BOTTOM = 34, 6, 10, 34
MIN_LABEL_GAP = 42  # px between x-axis labels
# The big four keep their colours everywhere (chips, chart); other relationships take these.
SERIES_COLORS = {"customer": "#2e7d32", "prospect": "#1565c0", "lost-customer": "#c62828", "competitor-customer": "#ef6c00"}
EXTRA_COLORS = ("#6a1b9a", "#00838f", "#8d6e63", "#546e7a", "#ad1457", "#9e9d24")


def series_colors(series: Sequence[str]) -> dict[str, str]:
    extra = iter(EXTRA_COLORS * (1 + len(series) // len(EXTRA_COLORS)))
    return {s: SERIES_COLORS.get(s) or next(extra) for s in series}


def nice_max(value: int) -> tuple[int, int]:
    """A round axis maximum >= value, and its tick step (1, 2 or 5 times a power of ten)."""
    if value <= 0:
        return 1, 1
    raw = value / 5  # at most five intervals
    power = 10 ** math.floor(math.log10(raw)) if raw >= 1 else 1
    step = next(m * power for m in (1, 2, 5, 10) if m * power >= raw)
    return int(step * math.ceil(value / step)), int(step)


def _num(x: float) -> str:
    return f"{x:.2f}".rstrip("0").rstrip(".")


def month_label(start) -> str:
    return f"{start:%b %Y}"


def stacked_months(months: Sequence[Month], series: Sequence[str], title: str, desc: str, chart_id: str = "journal-chart") -> Markup:
    """Bars per month, stacked in ``series`` order. Each month is a ``<g data-month data-total>``
    and each bar piece a ``<rect data-series data-count>``, so the numbers can be checked."""
    colors = series_colors(series)
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    top_value, step = nice_max(max((m.total for m in months), default=0))
    scale = plot_h / top_value
    band = plot_w / max(len(months), 1)
    bar = max(band * 0.78, 0.5)
    base = TOP + plot_h
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="journal-chart" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
        f'aria-labelledby="{chart_id}-title {chart_id}-desc" font-size="11" fill="currentColor">',
        f'<title id="{chart_id}-title">{escape(title)}</title>',
        f'<desc id="{chart_id}-desc">{escape(desc)}</desc>',
        '<g class="journal-chart__axis">',
    ]
    for tick in range(0, top_value + 1, step):
        y = _num(base - tick * scale)
        out.append(f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y}" y2="{y}" stroke="currentColor" '
                   f'stroke-opacity="{".45" if tick == 0 else ".15"}" stroke-width="1"/>')
        out.append(f'<text x="{LEFT - 6}" y="{y}" text-anchor="end" dominant-baseline="middle">{tick}</text>')
    out.append("</g>")

    every = max(1, math.ceil(MIN_LABEL_GAP / (band * 12))) if len(months) > 18 else 0
    out.append('<g class="journal-chart__bars">')
    for n, month in enumerate(months):
        x = LEFT + n * band + (band - bar) / 2
        out.append(f'<g data-month="{month.start:%Y-%m}" data-total="{month.total}">')
        y = base
        for name in series:
            count = month.counts.get(name, 0)
            if not count:
                continue
            height = count * scale
            y -= height
            out.append(
                f'<rect class="journal-series journal-series--{escape(name)}" x="{_num(x)}" y="{_num(y)}" '
                f'width="{_num(bar)}" height="{_num(height)}" fill="{colors[name]}" data-series="{escape(name)}" '
                f'data-count="{count}"><title>{month_label(month.start)} · {escape(name.replace("-", " "))}: {count}</title></rect>')
        out.append("</g>")
    out.append("</g>")

    out.append('<g class="journal-chart__labels" text-anchor="middle">')
    for n, month in enumerate(months):
        center = _num(LEFT + (n + 0.5) * band)
        if every == 0:  # short history: every month, the year under January and the first month
            out.append(f'<text x="{center}" y="{base + 14}">{month.start:%b}</text>')
            if n == 0 or month.start.month == 1:
                out.append(f'<text x="{center}" y="{base + 27}">{month.start.year}</text>')
        elif month.start.month == 1 and month.start.year % every == 0:  # long history: years
            out.append(f'<text x="{center}" y="{base + 14}">{month.start.year}</text>')
    out.append("</g></svg>")
    return Markup("\n".join(out))
