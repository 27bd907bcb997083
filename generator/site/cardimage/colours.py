"""A card's colours: the brand colour as background, and text that reads on it."""

from __future__ import annotations

INK, WHITE = "#0f172a", "#ffffff"


def _rgb(colour: str) -> tuple[int, int, int]:
    return int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16)


def _luminance(colour: str) -> float:
    """WCAG relative luminance."""
    channels = [c / 255 for c in _rgb(colour)]
    r, g, b = (c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str) -> float:
    """WCAG contrast ratio, 1 to 21."""
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def mix(a: str, b: str, share: float) -> str:
    """``share`` of ``a`` over ``b``."""
    return "#" + "".join(f"{round(x * share + y * (1 - share)):02x}" for x, y in zip(_rgb(a), _rgb(b)))


def colours(background: str) -> tuple[str, str]:
    """The text colour (dark or white, whichever reads better: at least 4.5:1 either way) and the
    byline's, a little softer."""
    text = max((INK, WHITE), key=lambda c: contrast(c, background))
    return text, mix(text, background, 0.82)
