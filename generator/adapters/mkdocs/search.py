"""The theme's own search gives way to the journal's (site/search, templates/assets/search.js).

Material's search plugin writes one index of every page's text that the browser fetches whole
(17 MB at 5,000 interviews, before the first result). Teams list it in mkdocs.yml
(`plugins: [search, journal]`; MkDocs adds it when mkdocs.yml lists no plugins): the journal
turns it off rather than have two indexes built, and says so. The theme then leaves its
header button and dialog out; search.js puts the same markup back, wired to the journal's index.
"""

from __future__ import annotations

import logging

from mkdocs.config.defaults import MkDocsConfig


def turn_off_theme_search(config: MkDocsConfig, log: logging.Logger) -> None:
    """Turn off Material's search plugin when mkdocs.yml lists it. Other themes keep their own search:
    the journal's search box needs Material's header (MkDocs' own theme, say, has its own dialog)."""
    plugin = config.plugins.get("material/search")
    if plugin is not None and plugin.config.enabled:  # the plugin checks it in every event, the header too
        plugin.config.enabled = False
        log.info("journal: search is the journal's own; Material's search plugin is turned off (you may remove "
                 "`search` from mkdocs.yml's plugins)")
