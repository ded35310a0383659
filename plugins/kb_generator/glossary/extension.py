"""The Markdown treeprocessor that turns term mentions into links.

It works on the element tree, so headings, code, existing links and raw
HTML are never touched. It runs after MkDocs resolves `.md` links and emits
final relative URLs: a page links dozens of terms, and resolving each link
through static-i18n's file lookup cost more than finding the terms. The
anchors are the term ids the glossary page itself writes.
"""

from __future__ import annotations

import time
import xml.etree.ElementTree as etree
from collections.abc import Callable
from dataclasses import dataclass, field

from markdown import Markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

from kb_generator.core import priorities
from kb_generator.glossary.matcher import TermMatcher
from kb_generator.glossary.sources import Term

SUPPRESS_CLASS = "kb-no-glossary"
FORCE_SCHEME = "glossary:"


@dataclass
class PageLinking:
    """What the treeprocessor needs to know about the page being rendered."""

    matcher: TermMatcher | None = None
    terms: dict[str, Term] = field(default_factory=dict)
    glossary_href: str = ""
    first_only: bool = True
    linked: set[str] = field(default_factory=set)
    unknown: list[str] = field(default_factory=list)
    seconds: float = 0.0


class TermLinker(Treeprocessor):
    """Links the terms of `state.matcher` in the text of the tree."""

    def __init__(self, md: Markdown, state: Callable[[], PageLinking], skip_tags: set[str]) -> None:
        super().__init__(md)
        self._state = state
        self._skip_tags = skip_tags

    def run(self, root: etree.Element) -> None:
        state = self._state()
        if state.matcher is None:
            return
        started = time.perf_counter()
        self._walk(root, state)
        # After the walk: an explicit link later on the page must not stop an
        # earlier mention from being the first one linked.
        self._force(root, state)
        state.seconds += time.perf_counter() - started

    def _force(self, root: etree.Element, state: PageLinking) -> None:
        """`[text](glossary:id)` links a term explicitly (even a later mention)."""
        for link in root.iter("a"):
            href = link.get("href", "")
            if not href.startswith(FORCE_SCHEME):
                continue
            term_id = href[len(FORCE_SCHEME):]
            term = state.terms.get(term_id)
            if term is None:
                state.unknown.append(term_id)
                link.tag = "span"
                link.attrib.pop("href", None)
                continue
            self._decorate(link, term, state)

    def _walk(self, element: etree.Element, state: PageLinking) -> None:
        children = list(element)  # before we insert links among them
        if element.text:
            split = self._link(element.text, state)
            if split:
                element.text, links = split
                for position, link in enumerate(links):
                    element.insert(position, link)
        for child in children:
            if not self._skipped(child):
                self._walk(child, state)
            if child.tail:
                split = self._link(child.tail, state)
                if split:
                    child.tail, links = split
                    at = list(element).index(child) + 1
                    for offset, link in enumerate(links):
                        element.insert(at + offset, link)

    def _skipped(self, element: etree.Element) -> bool:
        if element.tag in self._skip_tags:
            return True
        return SUPPRESS_CLASS in (element.get("class") or "").split()

    def _link(self, text: str, state: PageLinking) -> tuple[str, list[etree.Element]] | None:
        """Split text into (leading text, [link, ...]) with each link's tail set."""
        assert state.matcher is not None
        matches = state.matcher.find(text, state.linked if state.first_only else frozenset())
        if state.first_only:
            first: dict[str, object] = {}
            matches = [m for m in matches if first.setdefault(m.term_id, m) is m]
        if not matches:
            return None
        links: list[etree.Element] = []
        for index, match in enumerate(matches):
            link = etree.Element("a")
            link.text = text[match.start:match.end]
            self._decorate(link, state.terms[match.term_id], state)
            end = matches[index + 1].start if index + 1 < len(matches) else len(text)
            link.tail = text[match.end:end]
            links.append(link)
        return text[:matches[0].start], links

    def _decorate(self, link: etree.Element, term: Term, state: PageLinking) -> None:
        link.set("href", f"{state.glossary_href}#{term.id}")
        link.set("class", "kb-term")
        link.set("data-term", term.id)
        link.set("data-definition", term.definition)
        state.linked.add(term.id)


class GlossaryExtension(Extension):
    """Registers the term linker after MkDocs rewrote `.md` links (see `core/priorities.py`)."""

    def __init__(self, state: Callable[[], PageLinking], skip_tags: set[str]) -> None:
        super().__init__()
        self._state = state
        self._skip_tags = skip_tags

    def extendMarkdown(self, md: Markdown) -> None:
        md.treeprocessors.register(
            TermLinker(md, self._state, self._skip_tags), "kb_glossary", priorities.GLOSSARY_LINKS
        )
