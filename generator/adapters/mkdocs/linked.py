"""Generated files that are files on disk (card images in the card cache): MkDocs links them
into the site instead of copying, and `serve --dirty` skips those already there."""

from __future__ import annotations

import os

from mkdocs.structure.files import File

from ...site.page import link_or_copy, same_file


class LinkedFile(File):
    """A file backed by ``abs_src_path``, put into the site as a hard link (or a copy)."""

    def is_modified(self) -> bool:
        assert self.abs_src_path is not None
        return not same_file(self.abs_src_path, self.abs_dest_path)

    def copy_file(self, dirty: bool = False) -> None:
        if dirty and not self.is_modified():
            return
        assert self.abs_src_path is not None
        os.makedirs(os.path.dirname(self.abs_dest_path), exist_ok=True)
        link_or_copy(self.abs_src_path, self.abs_dest_path)
