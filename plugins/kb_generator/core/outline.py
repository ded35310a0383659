"""The section outline of a page, read once from the Markdown element tree.

One treeprocessor runs after `toc` has given every heading its final id and
walks the tree in document order: the text before the first heading is the
page's introduction, and every heading with an id opens a section. kb-answers
(catalog, JSON-LD, answer wrapping) and kb-search (the index) read the same
outline, so a question and the text of a section are the same for both.

Each section keeps two texts: what a reader sees (`visible_text`) and what
search indexes (`text`), which also leaves out elements marked
`data-search-exclude` and text in another language (`lang="et"` on a Polish
page). Text Markdown stashed away (raw HTML, entities, highlighted code) is
read back from Python-Markdown's `htmlStash`, through `markdown.util`'s
placeholder pattern; a raw `<div>` in an answer is text like any other.
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as etree
from collections.abc import Iterable
from dataclasses import dataclass, field
from html.parser import HTMLParser

from markdown import Markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor
from markdown.util import AMP_SUBSTITUTE, ETX, HTML_PLACEHOLDER_RE, STX, AtomicString
from mkdocs.config.defaults import MkDocsConfig

from kb_generator.core import priorities
from kb_generator.core.extensions import added_extension
from kb_generator.core.i18n import current_locale

#: A heading ending with one of these is a question (kb-search's `question_suffixes`).
QUESTION_SUFFIXES: tuple[str, ...] = ("?", "？", "؟")
#: Elements whose text nobody reads (kb-search's `skip_tags`).
SKIP_TAGS: tuple[str, ...] = ("script", "style", "object", "template")
EXCLUDE_ATTRIBUTE = "data-search-exclude"
HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
#: Elements after which words must not run together ("a</p><p>b" is two words).
BLOCKS = frozenset({
    "p", "div", "li", "ul", "ol", "dl", "dt", "dd", "table", "thead", "tbody", "tr",
    "td", "th", "blockquote", "pre", "br", "hr", "details", "summary", "section",
    "article", "aside", "figure", "figcaption", "nav", "header", "footer", "caption",
    *HEADINGS,
})
#: A backslash-escaped character (`\.`) until Markdown's `unescape` restores it.
_ESCAPED = re.compile(f"{STX}(\\d+){ETX}")
_SPACE = re.compile(r"\s+")
#: Whether a piece of text is shown (to the reader, to search).
READER, SEARCH = 0, 1


def is_question(title: str, suffixes: Iterable[str] = QUESTION_SUFFIXES) -> bool:
    """The one definition of a question: a heading ending with a question mark."""
    ends = tuple(suffixes)
    return bool(ends) and title.rstrip().endswith(ends)


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
    heading: str = ""  # the title as the reader sees it (text in other languages too)
    visible_parts: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        """The text search indexes."""
        return _SPACE.sub(" ", "".join(self.parts)).strip()

    @property
    def visible_text(self) -> str:
        """The text the reader sees (catalog, JSON-LD, "Copy answer")."""
        return _SPACE.sub(" ", "".join(self.visible_parts)).strip()


@dataclass
class PageOutline:
    """The sections of one rendered page, the introduction first."""

    sections: list[Section] = field(default_factory=list)


@dataclass
class Visibility:
    """Who sees text from here on: the reader and search, or search alone not."""

    reader: bool = True
    search: bool = True

    def parts(self, text: str) -> tuple[str, str]:
        return (text if self.reader else "", text if self.reader and self.search else "")


def foreign(lang: str | None, language: str) -> bool:
    """True for text marked as another language than the page's (`lang="et"` on a Polish page)."""
    if not lang or not language:
        return False
    return lang.strip().lower().replace("_", "-").split("-")[0] != language


class _HtmlText(HTMLParser):
    """Text of a writer's raw HTML, fed fragment by fragment in page order.

    Markdown stashes an inline `<a lang="et">` and its `</a>` separately,
    with the link text between them left in the tree; `visibility` holds
    from such an opening tag to its end, so the caller hides that text too.
    """

    VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link",
                      "meta", "source", "track", "wbr"})

    def __init__(self, skip: set[str], language: str) -> None:
        super().__init__(convert_charrefs=True)
        self.skip = skip
        self.language = language
        self.open: list[tuple[str, Visibility]] = []
        self.parts: list[tuple[str, str]] = []

    @property
    def visibility(self) -> Visibility:
        return Visibility(
            all(seen.reader for _, seen in self.open), all(seen.search for _, seen in self.open))

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in BLOCKS:
            self.parts.append((" ", " "))
        if tag in self.VOID:
            return
        attributes = dict(attrs)
        self.open.append((tag, Visibility(
            tag not in self.skip,
            EXCLUDE_ATTRIBUTE not in attributes and not foreign(attributes.get("lang"), self.language),
        )))

    def handle_endtag(self, tag: str) -> None:
        for position in range(len(self.open) - 1, -1, -1):
            if self.open[position][0] == tag:
                del self.open[position:]
                break
        if tag in BLOCKS:
            self.parts.append((" ", " "))

    def handle_data(self, data: str) -> None:
        self.parts.append(self.visibility.parts(data))

    def text(self, fragment: str) -> tuple[str, str]:
        """Feed one fragment and return the text it contributed (reader's, search's)."""
        self.parts = []
        self.feed(fragment)
        self.goahead(True)
        return "".join(p[READER] for p in self.parts), "".join(p[SEARCH] for p in self.parts)


class TextReader:
    """Text of elements of one page's tree, with Markdown's stash read back."""

    def __init__(self, md: Markdown, skip: set[str], language: str) -> None:
        self.md = md
        self.skip = skip
        self.language = language
        self.html = _HtmlText(skip, language)

    def hidden(self, element: etree.Element) -> Visibility:
        """Who does not see an element's text (as a Visibility of who does)."""
        if not isinstance(element.tag, str):  # comments, processing instructions
            return Visibility(False, False)
        if element.tag in self.skip or "headerlink" in (element.get("class") or "").split():
            return Visibility(False, False)
        return Visibility(True, EXCLUDE_ATTRIBUTE not in element.attrib
                          and not foreign(element.get("lang"), self.language))

    def inline_text(self, element: etree.Element) -> tuple[str, str]:
        """An element's text (reader's, search's), as in a heading."""
        reader, search = self.unstash(own_text(element) or "")
        for child in element:
            seen = self.hidden(child)
            if seen.reader:
                child_reader, child_search = self.inline_text(child)
                reader += child_reader
                search += child_search if seen.search else ""
            tail_reader, tail_search = self.unstash(child.tail or "")
            reader, search = reader + tail_reader, search + tail_search
        return reader, search

    def unstash(self, text: str) -> tuple[str, str]:
        """Text with Markdown's placeholders replaced by the text they stand for.

        Pieces are taken in order, so text between a stashed opening tag in
        another language and its end tag is hidden with them.
        """
        seen = self.html.visibility
        if STX not in text and seen.reader and seen.search:
            return _restored(text), _restored(text)
        reader, search = [], []
        at = 0
        for match in HTML_PLACEHOLDER_RE.finditer(text):
            between = self.html.visibility.parts(text[at:match.start()])
            stashed = self._stashed_text(int(match.group(1)))
            reader += [between[READER], stashed[READER]]
            search += [between[SEARCH], stashed[SEARCH]]
            at = match.end()
        rest = self.html.visibility.parts(text[at:])
        reader.append(rest[READER])
        search.append(rest[SEARCH])
        return _restored("".join(reader)), _restored("".join(search))

    def _stashed_text(self, number: int) -> tuple[str, str]:
        blocks = self.md.htmlStash.rawHtmlBlocks
        if number >= len(blocks):
            return "", ""
        block = blocks[number]
        if isinstance(block, etree.Element):
            reader, search = self.inline_text(block)
            return f" {reader} ", f" {search} "
        return self.html.text(str(block))


def _restored(text: str) -> str:
    """Backslash escapes and Markdown's `&` placeholder back as the characters written."""
    if STX not in text and AMP_SUBSTITUTE not in text:
        return text
    return _ESCAPED.sub(lambda match: chr(int(match.group(1))), text).replace(AMP_SUBSTITUTE, "&")


def own_text(element: etree.Element) -> str | None:
    """An element's text as the reader sees it.

    Python-Markdown stores a code span's text entity-escaped (`&lt;script&gt;`)
    in an AtomicString, which the serializer prints as it is; readers and
    search want the characters back (the worker escapes them again).
    """
    text = element.text
    if element.tag == "code" and isinstance(text, AtomicString):
        return html.unescape(text)
    return text


class OutlineCollector(Treeprocessor):
    """Splits the tree into sections at headings with ids and collects their text."""

    def __init__(self, md: Markdown, extension: OutlineExtension) -> None:
        super().__init__(md)
        self.extension = extension

    def run(self, root: etree.Element) -> None:
        extension = self.extension
        self._sections = [Section(None, "")]
        self._stack: list[tuple[int, str]] = []
        language = extension.language.lower().replace("_", "-").split("-")[0]
        self._reader = TextReader(self.md, set(extension.skip_tags), language)
        self._walk(root, Visibility())
        extension.outline.sections = self._sections

    def _walk(self, element: etree.Element, seen: Visibility) -> None:
        for child in element:
            if isinstance(child.tag, str) and child.tag in HEADINGS and child.get("id") and seen.search:
                self._open(child)
            else:
                hidden = self._reader.hidden(child)
                if hidden.reader:
                    inner = Visibility(seen.reader, seen.search and hidden.search)
                    self._add(own_text(child), inner)
                    self._walk(child, inner)
                    if child.tag in BLOCKS:
                        self._add(" ", inner)
            self._add(child.tail, seen)

    def _open(self, heading: etree.Element) -> None:
        reader, search = self._reader.inline_text(heading)
        title = _SPACE.sub(" ", search).strip()
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
            question=is_question(title, self.extension.question_suffixes),
            # `## Heading {: data-search-exclude }` leaves its whole section out, as in Material.
            excluded=not self._reader.hidden(heading).search,
            heading=_SPACE.sub(" ", reader).strip(),
        ))
        self._stack.append((level, title))

    def _add(self, text: str | None, seen: Visibility) -> None:
        if not text:
            return
        reader, search = self._reader.unstash(text)
        section = self._sections[-1]
        if seen.reader:
            section.visible_parts.append(reader)
            if seen.search:
                section.parts.append(search)


class OutlineExtension(Extension):
    """Registers the outline collector; one instance per site configuration.

    MkDocs creates one `Markdown` per page and calls `extendMarkdown` for it,
    so `outline` is always the page being rendered (empty for a blank page,
    which Python-Markdown renders without treeprocessors).
    """

    def __init__(self) -> None:
        super().__init__()
        self.language = ""
        self.question_suffixes: tuple[str, ...] = QUESTION_SUFFIXES
        self.skip_tags: tuple[str, ...] = SKIP_TAGS
        self.outline = PageOutline()

    def extendMarkdown(self, md: Markdown) -> None:
        self.outline = PageOutline()
        md.treeprocessors.register(OutlineCollector(md, self), "kb_outline", priorities.OUTLINE)


def outline_extension(config: MkDocsConfig) -> OutlineExtension:
    """The site's one outline extension, registered by the first plugin that asks for it."""
    extension = added_extension(config, OutlineExtension, OutlineExtension)
    extension.language = current_locale(config)
    return extension
