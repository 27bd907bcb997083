"""What every page builder gets: the model, the renderer, site settings, and the serve cache."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cached_property
from typing import Mapping
from urllib.parse import urljoin

from markupsafe import Markup

from ..core.githistory import FileHistory
from ..core.model import Journal
from ..views.export import absolute_url
from .cache import Inputs, PageCache
from .cardimage.store import CardImages
from .render import Renderer


@dataclass
class Site:
    """The journal as a site: its model, how it renders, where it lives, and (`serve`) its cache."""

    journal: Journal
    renderer: Renderer
    base_path: str = "/"  # path of the site root on its host, for absolute URLs in exports
    site_url: str = ""  # mkdocs.yml site_url (scheme and host), for links that leave the site (the feed)
    history: Mapping[str, FileHistory] = field(default_factory=dict)  # git history by interview source (githistory.History)
    # `serve` only: values of earlier builds (see cache.py) and the fingerprint of every input other
    # than the interviews; `reused` collects the docs paths of the pages this build took from it.
    cache: PageCache | None = None
    fingerprint: str = ""
    reused: set[str] = field(default_factory=set)
    cards: dict[str, Markup] = field(default_factory=dict, repr=False)  # this build's quote cards (cards.py)
    inputs: Inputs = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self.inputs = Inputs(self)

    @cached_property
    def card_images(self) -> CardImages:
        """Each cleared quote's card image, from the card cache (made when missing)."""
        return CardImages(self.journal)

    @property
    def today(self) -> dt.date:
        return self.journal.today

    def absolute(self, url: str) -> str:
        return absolute_url(self.base_path, url)

    def full_url(self, url: str) -> str:
        """``https://host/base/url`` with a site_url; the root-relative path without one."""
        return urljoin(self.site_url, self.absolute(url)) if self.site_url else self.absolute(url)
