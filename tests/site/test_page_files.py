"""generator.site.page: binary pages (bytes, or a file on disk) written by engines without plugins,
and card files linked, not copied."""

from __future__ import annotations

import errno
import os
from pathlib import Path

from generator.site import page as P
from generator.site.page import Page, link_or_copy, same_file, write_pages


def test_write_pages_writes_text_bytes_and_links_files(tmp_path: Path) -> None:
    card = tmp_path / "cache" / "abc.png"
    card.parent.mkdir()
    card.write_bytes(b"\x89PNG card")
    pages = {"quotes/quotes.json": Page("quotes/quotes.json", '{"quotes": []}\n'),
             "campaigns/s/s.zip": Page("campaigns/s/s.zip", data=b"PK zip"),
             "quotes/cards/q.png": Page("quotes/cards/q.png", file=card)}
    assert [p.is_binary for p in pages.values()] == [False, True, True]
    assert not any(p.is_markdown for p in pages.values())
    write_pages(pages, tmp_path / "docs")
    assert (tmp_path / "docs" / "quotes" / "quotes.json").read_text() == '{"quotes": []}\n'
    assert (tmp_path / "docs" / "campaigns" / "s" / "s.zip").read_bytes() == b"PK zip"
    assert os.path.samefile(tmp_path / "docs" / "quotes" / "cards" / "q.png", card)
    write_pages(pages, tmp_path / "docs")  # again, over what is there: the same
    assert os.path.samefile(tmp_path / "docs" / "quotes" / "cards" / "q.png", card)


def test_a_link_replaces_another_file_and_a_copy_stands_in_across_file_systems(tmp_path: Path, monkeypatch) -> None:
    new, target = tmp_path / "new.png", tmp_path / "target.png"
    new.write_bytes(b"new")
    target.write_bytes(b"old")
    link_or_copy(new, target)
    assert os.path.samefile(new, target)

    def cross_device(source, destination):
        raise OSError(errno.EXDEV, "Invalid cross-device link")

    monkeypatch.setattr(P.os, "link", cross_device)
    other = tmp_path / "other.png"
    link_or_copy(new, other)
    assert other.read_bytes() == b"new" and not os.path.samefile(new, other)
    assert same_file(new, other)  # a copy with the same size and time counts as that file
    os.utime(other, (1, 1))
    assert not same_file(new, other)


def test_a_long_page_body_is_held_compressed_and_read_back_whole() -> None:
    """An account page of a large journal waits in memory (and crosses from the worker) until
    MkDocs asks for it: its body takes a fraction of its length until then."""
    import pickle

    body = "".join(f'<figure id="q-{n}"><blockquote><p>Pages went down — by {n} %.</p></blockquote></figure>\n'
                   for n in range(3000))
    assert len(body) > P.BIG_HTML
    big, small = Page("customers/acme.md", title="Acme", html=body), Page("customers/b.md", title="B", html="<p>b</p>")
    assert big.html == body and big.has_html and small.html == "<p>b</p>"
    assert len(pickle.dumps(big)) < len(body) / 5
    assert pickle.loads(pickle.dumps(big)).html == body
    assert big.content.endswith(P.wrap_body(body)) and not Page("x.md", title="x").has_html
