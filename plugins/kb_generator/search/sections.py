"""Sections of a page read from the Markdown element tree, for the index.

A treeprocessor that runs after `toc` has given every heading its final id
walks the tree in document order: the text before the first heading is the
page's introduction, and every heading with an id opens a section that
search results deep-link to. Nothing is parsed out of rendered pages; text
that Markdown stashed away (raw HTML, highlighted code) is read back from
the stash.
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as etree
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from html.parser import HTMLParser

from markdown import Markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor
from markdown.util import ETX, STX, AtomicString

from kb_generator.core import priorities

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
#: A backslash-escaped character (`\.`) until Markdown's `unescape` (priority 0) restores it.
_ESCAPED = re.compile(f"{STX}(\\d+){ETX}")
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
    excluded: bool = False

    @property
    def text(self) -> str:
        return _SPACE.sub(" ", "".join(self.parts)).strip()


@dataclass
class PageSections:
    """What the treeprocessor found on the page being rendered."""

    active: bool = False
    language: str = ""
    sections: list[Section] = field(default_factory=list)


class _HtmlText(HTMLParser):
    """Text of a writer's raw HTML, fed fragment by fragment in page order.

    Markdown stashes an inline `<a lang="et">` and its `</a>` separately,
    with the link text between them left in the tree; `hidden` stays true
    from such an opening tag to its end, so the caller drops that text too.
    """

    VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link",
                      "meta", "source", "track", "wbr"})

    def __init__(self, skip: set[str], language: str) -> None:
        super().__init__(convert_charrefs=True)
        self.skip = skip
        self.language = language
        self.open: list[tuple[str, bool]] = []
        self.parts: list[str] = []

    @property
    def hidden(self) -> bool:
        return any(hide for _, hide in self.open)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in BLOCKS:
            self.parts.append(" ")
        if tag in self.VOID:
            return
        attributes = dict(attrs)
        hide = tag in self.skip or EXCLUDE_ATTRIBUTE in attributes
        self.open.append((tag, hide or foreign(attributes.get("lang"), self.language)))

    def handle_endtag(self, tag: str) -> None:
        for position in range(len(self.open) - 1, -1, -1):
            if self.open[position][0] == tag:
                del self.open[position:]
                break
        if tag in BLOCKS:
            self.parts.append(" ")

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            self.parts.append(data)

    def text(self, fragment: str) -> str:
        """Feed one fragment and return the text it contributed."""
        self.parts = []
        self.feed(fragment)
        self.goahead(True)
        return "".join(self.parts)


def foreign(lang: str | None, language: str) -> bool:
    """True for text marked as another language than the page's (`lang="et"` on a Polish page)."""
    if not lang or not language:
        return False
    return lang.strip().lower().replace("_", "-").split("-")[0] != language


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
        self._language = state.language.lower().replace("_", "-").split("-")[0]
        self._html = _HtmlText(self._skip, self._language)
        self._walk(root)
        state.sections = self._sections

    # -- walking ---------------------------------------------------------------

    def _walk(self, element: etree.Element) -> None:
        for child in element:
            if isinstance(child.tag, str) and child.tag in HEADINGS and child.get("id"):
                self._open(child)
            elif not self._skipped(child):
                self._add(_own_text(child))
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
            # `## Heading {: data-search-exclude }` leaves its whole section out, as in Material.
            excluded=self._skipped(heading),
        ))
        self._stack.append((level, title))

    def _skipped(self, element: etree.Element) -> bool:
        if not isinstance(element.tag, str):  # comments, processing instructions
            return True
        if element.tag in self._skip or EXCLUDE_ATTRIBUTE in element.attrib:
            return True
        if foreign(element.get("lang"), self._language):
            return True
        return "headerlink" in (element.get("class") or "").split()

    def _inline_text(self, element: etree.Element) -> str:
        parts = [self._unstash(_own_text(element) or "")]
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
        """Text with Markdown's placeholders replaced by the text they stand for.

        Pieces are taken in order, so text between a stashed opening tag in
        another language and its end tag is dropped with them.
        """
        if STX not in text and not self._html.hidden:
            return text
        parts = []
        at = 0
        for match in _STASHED.finditer(text):
            parts.append(self._visible(text[at:match.start()]))
            parts.append(self._stashed_text(int(match.group(1))))
            at = match.end()
        parts.append(self._visible(text[at:]))
        return _ESCAPED.sub(lambda match: chr(int(match.group(1))), "".join(parts))

    def _visible(self, text: str) -> str:
        return "" if self._html.hidden else text

    def _stashed_text(self, number: int) -> str:
        blocks = self.md.htmlStash.rawHtmlBlocks
        if number >= len(blocks):
            return ""
        block = blocks[number]
        if isinstance(block, etree.Element):
            return " " + self._inline_text(block) + " "
        return self._html.text(str(block))


def _own_text(element: etree.Element) -> str | None:
    """An element's text as the reader sees it.

    Python-Markdown stores a code span's text entity-escaped (`&lt;script&gt;`)
    in an AtomicString, which the serializer prints as it is; search shows
    text, so it wants the characters back (the worker escapes them again).
    """
    text = element.text
    if element.tag == "code" and isinstance(text, AtomicString):
        return html.unescape(text)
    return text


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
        # After `toc`, which sets the ids we link to; the glossary's links come
        # later (after MkDocs' link rewriting) and add no text anyway.
        md.treeprocessors.register(
            SectionCollector(md, self._state, self._skip_tags, self._question_suffixes),
            "kb_search_sections", priorities.SEARCH_SECTIONS,
        )
