"""Zensical, the successor of Material for MkDocs, as a second engine: the only place Zensical is run.

Zensical reads mkdocs.yml but does not run MkDocs plugins, so the journal's pages are
generated first into a staging folder, ``.journal/zensical/`` in the project (``staging``),
with a configuration derived from mkdocs.yml (``config``); ``build`` and ``serve`` run
Zensical on it. ``guard`` stops a Zensical run that was pointed at mkdocs.yml directly.
"""
