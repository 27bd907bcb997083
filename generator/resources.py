"""Where the package's own files are: the Jinja2 templates and the page assets they come with."""

from __future__ import annotations

from pathlib import Path

# templates/pages: one template per page family; templates/partials: parts several pages share;
# templates/scaffold: the new-note skeleton; templates/assets: CSS and JavaScript served with the site.
TEMPLATES_DIR = Path(__file__).resolve().parent.parent / "templates"
ASSETS_DIR = TEMPLATES_DIR / "assets"
