"""Sections of a page read from the Markdown element tree, for the index.

A treeprocessor that runs after `toc` has given every heading its final id
walks the tree in document order: the text before the first heading is the
page's introduction, and every heading with an id opens a section that
search results deep-link to. Nothing is parsed out of rendered pages; text
that Markdown stashed away (raw HTML, highlighted code) is read back from
the stash.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from html.parser import HTMLParser

from markdown import Markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor
from markdown.util import ETX, STX

HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
#: Elements after which words must not run together ("a</p><p>b" is two words).
BLOCKS = frozenset({
    "p", "div", "li", "ul", "ol", "dl", "dt", "dd", "table", "thead", "tbody", "tr",
    "td", "th", "blockquote", "pre", "br", "hr", "details", "summary", "section",
    "article", "aside", "figure", "figcaption", "nav", "header", "footer", "caption",
    *HEADINGS,
})
EXCLUDE_ATTRIBUTE = "data-search-exclude"
_STASHED = re.compile(f"{STX}wzxhzdk:(\\d+){ETX}")
_SPACE = re.compile(r"\s+")


@dataclass
class Section:
    """A heading with an id and its text up to the next heading (or the page intro)."""

    anchor: str | None
    title: str
    level: int = 0
    parents: tuple[str, ...] = ()
    question: bool = False
    parts: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return _SPACE.sub(" ", "".join(self.parts)).strip()


@dataclass
class PageSections:
    """What the treeprocessor found on the page being rendered."""

    active: bool = False
    sections: list[Section] = field(default_factory=list)


class _HtmlText(HTMLParser):
    """Text of a writer's raw HTML fragment (scripts and styles left out)."""

    def __init__(self, skip: set[str]) -> None:
        super().__init__(convert_charrefs=True)
        self.skip = skip
        self.depth = 0
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.skip:
            self.depth += 1
        elif tag in BLOCKS:
            self.parts.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag in self.skip:
            self.depth = max(0, self.depth - 1)
        elif tag in BLOCKS:
            self.parts.append(" ")

    def handle_data(self, data: str) -> None:
        if not self.depth:
            self.parts.append(data)


class SectionCollector(Treeprocessor):
    """Splits the tree into sections at headings with ids and collects their text."""

    def __init__(
        self,
        md: Markdown,
        state: Callable[[], PageSections],
        skip_tags: Iterable[str],
        question_suffixes: Iterable[str],
    ) -> None:
        super().__init__(md)
        self._state = state
        self._skip = set(skip_tags)
        self._questions = tuple(question_suffixes)

    def run(self, root: etree.Element) -> None:
        state = self._state()
        if not state.active:
            return
        self._sections = [Section(None, "")]
        self._stack: list[tuple[int, str]] = []
        self._walk(root)
        state.sections = self._sections

    # -- walking ---------------------------------------------------------------

    def _walk(self, element: etree.Element) -> None:
        for child in element:
            if isinstance(child.tag, str) and child.tag in HEADINGS and child.get("id"):
                self._open(child)
            elif not self._skipped(child):
                self._add(child.text)
                self._walk(child)
                if child.tag in BLOCKS:
                    self._add(" ")
            self._add(child.tail)

    def _open(self, heading: etree.Element) -> None:
        title = _SPACE.sub(" ", self._inline_text(heading)).strip()
        level = HEADINGS[str(heading.tag)]
        if level == 1:
            # The page title (MkDocs takes it from front matter or the first h1).
            return
        while self._stack and self._stack[-1][0] >= level:
            self._stack.pop()
        self._sections.append(Section(
            anchor=heading.get("id"),
            title=title,
            level=level,
            parents=tuple(name for _, name in self._stack),
            question=bool(self._questions) and title.endswith(self._questions),
        ))
        self._stack.append((level, title))

    def _skipped(self, element: etree.Element) -> bool:
        if not isinstance(element.tag, str):  # comments, processing instructions
            return True
        if element.tag in self._skip or element.get(EXCLUDE_ATTRIBUTE) is not None:
            return True
        return "headerlink" in (element.get("class") or "").split()

    def _inline_text(self, element: etree.Element) -> str:
        parts = [self._unstash(element.text or "")]
        for child in element:
            if not self._skipped(child):
                parts.append(self._inline_text(child))
            parts.append(self._unstash(child.tail or ""))
        return "".join(parts)

    def _add(self, text: str | None) -> None:
        if text:
            self._sections[-1].parts.append(self._unstash(text))

    # -- stashed raw HTML ------------------------------------------------------

    def _unstash(self, text: str) -> str:
        """Replace Markdown's placeholders by the text of what they stand for."""
        if STX not in text:
            return text
        return _STASHED.sub(lambda match: self._stashed_text(int(match.group(1))), text)

    def _stashed_text(self, number: int) -> str:
        blocks = self.md.htmlStash.rawHtmlBlocks
        if number >= len(blocks):
            return ""
        block = blocks[number]
        if isinstance(block, etree.Element):
            return " " + self._inline_text(block) + " "
        parser = _HtmlText(self._skip)
        parser.feed(str(block))
        parser.close()
        return "".join(parser.parts)


class SectionExtension(Extension):
    """Registers the collector after `toc` (priority 5) has assigned heading ids."""

    def __init__(
        self,
        state: Callable[[], PageSections],
        skip_tags: Iterable[str],
        question_suffixes: Iterable[str],
    ) -> None:
        super().__init__()
        self._state = state
        self._skip_tags = list(skip_tags)
        self._question_suffixes = list(question_suffixes)

    def extendMarkdown(self, md: Markdown) -> None:
        # Below `toc` (5), which sets the ids we link to, and above MkDocs'
        # link rewriting (0); glossary links (1) do not change the text.
        md.treeprocessors.register(
            SectionCollector(md, self._state, self._skip_tags, self._question_suffixes),
            "kb_search_sections", 3,
        )
