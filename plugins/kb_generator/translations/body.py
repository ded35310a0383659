"""Whether a page has any body: a page with front matter only is a writer's mistake.

Read from the Markdown element tree after every other treeprocessor, so text a
plugin adds (the glossary list, for one) counts, and an HTML comment does not.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree
from collections.abc import Callable
from dataclasses import dataclass

from markdown import Markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor
from markdown.util import HTML_PLACEHOLDER_RE

from kb_generator.core import priorities

#: Elements that are content without any text of their own.
_CONTENT_TAGS = frozenset({
    "img", "picture", "svg", "video", "audio", "iframe", "object", "embed", "canvas",
    "math", "table", "input", "select", "textarea",
})


@dataclass
class PageBody:
    """What the treeprocessor found on the page being rendered."""

    checked: bool = False
    empty: bool = False


def _is_comment(raw: str) -> bool:
    raw = raw.strip()
    return not raw or (raw.startswith("<!--") and raw.endswith("-->"))


def has_body(root: etree.Element, stash: list[str]) -> bool:
    """True when the tree holds text, a media element or raw HTML other than comments."""

    def visible(text: str | None) -> bool:
        if not text:
            return False
        for match in HTML_PLACEHOLDER_RE.finditer(text):
            index = int(match.group(1))
            if index < len(stash) and not _is_comment(stash[index]):
                return True
        return bool(HTML_PLACEHOLDER_RE.sub("", text).strip())

    for element in root.iter():
        if element is not root and element.tag in _CONTENT_TAGS:
            return True
        if visible(element.text) or (element is not root and visible(element.tail)):
            return True
    return False


class BodyCheck(Treeprocessor):
    """Records whether the page has a body (runs after the other treeprocessors)."""

    def __init__(self, md: Markdown, state: Callable[[], PageBody]) -> None:
        super().__init__(md)
        self._state = state

    def run(self, root: etree.Element) -> None:
        state = self._state()
        state.checked = True
        state.empty = not has_body(root, [str(block) for block in self.md.htmlStash.rawHtmlBlocks])


class BodyExtension(Extension):
    """Registers the check last among the treeprocessors."""

    def __init__(self, state: Callable[[], PageBody]) -> None:
        super().__init__()
        self._state = state

    def extendMarkdown(self, md: Markdown) -> None:
        md.treeprocessors.register(BodyCheck(md, self._state), "kb_body_check", priorities.BODY_CHECK)
