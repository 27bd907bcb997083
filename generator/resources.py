"""Where the package's own files are: the Jinja2 templates and the page assets they come with.

They live in the repository's top-level templates/ folder, which the wheel ships as the
package ``generator.templates`` (see pyproject.toml), so an installed journal finds them
without a checkout:

- templates/pages: one template per page family;
- templates/partials: parts several pages share;
- templates/scaffold: the new-note skeleton and the files of `journal init`;
- templates/assets: CSS and JavaScript served with the site;
- templates/fonts: the fonts of the quote cards (Inter, OFL-1.1; see its README.md).
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path


def _folder() -> Path:
    """The templates folder as a real path (Jinja2's file loader and the serve fingerprint read
    it as files); an installed wheel and an editable install both unpack it on disk."""
    folder = Path(str(files("generator.templates")))
    if not (folder / "pages").is_dir():  # pragma: no cover - a zipped or broken installation
        raise RuntimeError(f"the journal's templates are missing from {folder}: reinstall customer-research-journal")
    return folder


TEMPLATES_DIR = _folder()
ASSETS_DIR = TEMPLATES_DIR / "assets"
SCAFFOLD_DIR = TEMPLATES_DIR / "scaffold"
FONTS_DIR = TEMPLATES_DIR / "fonts"
CARD_FONT = FONTS_DIR / "InterCard-SemiBold.ttf"  # the quote and the brand name
CARD_TEXT_FONT = FONTS_DIR / "InterCard-Regular.ttf"  # the attribution
