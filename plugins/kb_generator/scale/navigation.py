"""Navigation that does not list every article on every page.

Material renders the whole navigation into every page: with a thousand
articles in a section that is a thousand links per page, most of the build
time and of the output size. A section with more pages than the limit is
shown as its index page only; the index page lists the section's pages
(we write one when the writer has not).
"""

from __future__ import annotations

from collections import Counter
from pathlib import PurePosixPath

from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page


def large_sections(src_uris: list[str], limit: int) -> set[str]:
    """Folders (source paths) that hold more pages than `limit`."""
    counts = Counter(str(PurePosixPath(uri).parent) for uri in src_uris)
    return {folder for folder, count in counts.items() if count > limit}


def index_markdown(title: str, pages: list[tuple[str, str]]) -> str:
    """A generated section index: front matter and a list of links."""
    lines = [
        "---", f"title: {_quoted(title)}", f"description: {_quoted(title)}", "---", "",
    ]
    lines += [f"- [{_escape(name)}]({target})" for name, target in pages]
    return "\n".join(lines) + "\n"


def collapse(nav: Navigation, limit: int) -> int:
    """Replace the pages of sections bigger than `limit` by their index page."""
    collapsed = 0
    for item in nav.items:
        collapsed += _collapse(item, limit)
    return collapsed


def _collapse(item: object, limit: int) -> int:
    if not isinstance(item, Section):
        return 0
    collapsed = sum(_collapse(child, limit) for child in item.children)
    pages = [child for child in item.children if isinstance(child, Page)]
    if len(pages) > limit:
        index = [page for page in pages if page.is_index]
        others = [child for child in item.children if not isinstance(child, Page)]
        item.children = index + others
        collapsed += 1
    return collapsed


def _quoted(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _escape(text: str) -> str:
    return "".join("\\" + ch if ch in "[]\\*_`<>" else ch for ch in text)
