"""Converted pages kept small until their template is rendered.

MkDocs converts every page of a language (`on_page_content`) before it
renders the first template, and keeps each page's Markdown and HTML to the
end of the build: about 58 kB a page as Python strings (Polish, 300 articles:
7.6 MB of Markdown, 10 MB of HTML), so at 10,000 articles a language each
language process held over half a gigabyte of text it reads once. After a
page's conversion its Markdown is read by nobody (MkDocs' `Page.title`
only asks whether it was read), and its HTML only by the hooks that run
while its own template is rendered. So the HTML is kept zlib-compressed
(about a fifth) from the end of `on_page_content` to the start of
`on_page_context`, and let go once the page is written; the Markdown is
let go after the conversion. The written site is byte for byte the same.
"""

from __future__ import annotations

import zlib

from mkdocs.structure.pages import Page

#: zlib level: the texts are read back once; 1 compresses an article's HTML to about a fifth, fast.
LEVEL = 1


class CompactPages:
    """The compressed HTML of the converted pages of one build, by source path."""

    def __init__(self) -> None:
        self.stored: dict[str, bytes] = {}

    def clear(self) -> None:
        """A new build (a language of the site) starts with none."""
        self.stored = {}

    def store(self, page: Page, html: str) -> str:
        """Keep `html` compressed; the page keeps empty texts (not `None`: MkDocs reads that as unread)."""
        self.stored[page.file.src_uri] = zlib.compress(html.encode("utf-8", "surrogatepass"), LEVEL)
        page.markdown = ""
        return ""

    def restore(self, page: Page) -> None:
        """Give the page its HTML back for the hooks and the template that render it."""
        stored = self.stored.pop(page.file.src_uri, None)
        if stored is not None:
            page.content = zlib.decompress(stored).decode("utf-8", "surrogatepass")

    @staticmethod
    def release(page: Page) -> None:
        """The page is written: its HTML is needed no more."""
        page.content = ""
