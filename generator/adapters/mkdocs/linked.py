"""Generated files that are files on disk (card images in the card cache): MkDocs links them
into the site instead of copying, and `serve --dirty` skips those already there.

A server keeps these File objects from one build to the next (``LinkedFiles``): at 5,000
interviews there are 26,000 cards, and making their File objects, working out where each goes
and checking each in the site again took a second of every edit's rebuild."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, InclusionLevel

from ...site.page import link_or_copy, same_file


class LinkedFile(File):
    """A file backed by ``abs_src_path``, put into the site as a hard link (or a copy)."""

    # (source, target) as this process last put it into the site: a dirty build, which keeps the
    # site's files, need not look at it again
    linked: tuple[str | None, str] | None = None

    def is_modified(self) -> bool:
        assert self.abs_src_path is not None
        return not same_file(self.abs_src_path, self.abs_dest_path)

    def copy_file(self, dirty: bool = False) -> None:
        pair = (self.abs_src_path, self.abs_dest_path)
        if dirty and (self.linked == pair or not self.is_modified()):
            self.linked = pair
            return
        assert self.abs_src_path is not None
        os.makedirs(os.path.dirname(self.abs_dest_path), exist_ok=True)
        link_or_copy(self.abs_src_path, self.abs_dest_path)
        self.linked = pair


class LinkedFiles:
    """The linked files of the last build, to give the next build the same objects.

    A card's file in the cache is named by a hash of what it shows: the same path in the site
    and the same source is the same file."""

    def __init__(self) -> None:
        self._files: dict[tuple[Any, ...], LinkedFile] = {}
        self._used: dict[tuple[Any, ...], LinkedFile] = {}

    def get(self, config: MkDocsConfig, path: str, source: Path, inclusion: InclusionLevel) -> LinkedFile:
        key = (path, str(source), inclusion, config.docs_dir, config.site_dir, config.use_directory_urls)
        file = self._files.get(key)
        if file is None:
            file = LinkedFile.generated(config, path, abs_src_path=str(source), inclusion=inclusion)
        self._used[key] = file
        return file

    def done(self) -> None:
        """The build has all its files: forget those it did not ask for."""
        self._files, self._used = self._used, {}
