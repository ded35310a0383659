"""Questions, answers and sections read from the Markdown element tree.

Two treeprocessors: one runs before `toc` assigns generated ids, so it can
tell ids written in the source (`## Question? {#id}`) from generated ones;
the other runs after `toc` and collects every section with its final id and
plain text, wrapping each FAQ answer in a `<section>` that scripts and
readers can address.
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as etree
from collections.abc import Callable
from dataclasses import dataclass, field

from markdown import Markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor
from markdown.util import AMP_SUBSTITUTE, ETX, STX

from kb_generator.core import priorities

HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
QUESTION_MARK = ("?", "？")
_STASHED = re.compile(f"{STX}wzxhzdk:(\\d+){ETX}")
_SPACE = re.compile(r"\s+")


@dataclass
class Section:
    """A heading with an id and the plain text up to the next heading of its level."""

    id: str
    heading: str
    level: int
    text: str = ""
    question: bool = False
    explicit: bool = False


@dataclass
class PageSections:
    """What the treeprocessors found on the page being rendered."""

    faq_page: bool = False
    faq_section_id: str = "faq"
    explicit: list[str] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    unnamed_questions: list[str] = field(default_factory=list)
    renamed: dict[str, str] = field(default_factory=dict)
    unresolved_renames: list[str] = field(default_factory=list)
    live_renames: list[str] = field(default_factory=list)  # old ids still used on the page

    @property
    def answers(self) -> list[Section]:
        return [section for section in self.sections if section.question]


def _inner_text(element: etree.Element) -> str:
    if "headerlink" in (element.get("class") or "").split():
        return ""  # toc's permalink sign is not content
    return (element.text or "") + "".join(
        _inner_text(child) + (child.tail or "") for child in element
    )


def plain_text(element: etree.Element, stash: list[str] | None = None) -> str:
    """Visible text of an element, whitespace collapsed.

    Python-Markdown keeps entities (`&lt;`) and inline HTML tags aside in its
    stash; entities come back as the characters they stand for, tags go.
    """

    def restore(match: re.Match[str]) -> str:
        raw = stash[int(match.group(1))] if stash and int(match.group(1)) < len(stash) else ""
        return raw if raw.startswith("&") and raw.endswith(";") else ""

    text = _STASHED.sub(restore, _inner_text(element)).replace(AMP_SUBSTITUTE, "&")
    return _SPACE.sub(" ", html.unescape(text)).strip()


def _stash(md: Markdown) -> list[str]:
    return [str(block) for block in md.htmlStash.rawHtmlBlocks]


def _level(element: etree.Element) -> int:
    return int(element.tag[1])


class ExplicitIds(Treeprocessor):
    """Marks headings whose id the writer wrote (runs before `toc`)."""

    def __init__(self, md: Markdown, state: Callable[[], PageSections]) -> None:
        super().__init__(md)
        self._state = state

    def run(self, root: etree.Element) -> None:
        self.state = self._state()
        in_faq = self.state.faq_page
        faq_level = 0
        for element in root:
            if element.tag not in HEADINGS:
                continue
            level = _level(element)
            if faq_level and level <= faq_level:
                in_faq = self.state.faq_page
                faq_level = 0
            heading_id = element.get("id")
            if heading_id == self.state.faq_section_id:
                in_faq, faq_level = True, level
                continue
            if heading_id:
                self.state.explicit.append(heading_id)
                element.set("data-kb-explicit", "")
            heading = plain_text(element, _stash(self.md))
            if in_faq and heading.endswith(QUESTION_MARK):
                if heading_id:
                    element.set("data-kb-question", "")
                else:
                    self.state.unnamed_questions.append(heading)


class SectionCollector(Treeprocessor):
    """Collects sections with final ids and wraps FAQ answers (runs after `toc`)."""

    def __init__(self, md: Markdown, state: Callable[[], PageSections]) -> None:
        super().__init__(md)
        self._state = state

    def run(self, root: etree.Element) -> None:
        self.state = self._state()
        stash = _stash(self.md)
        children = list(root)
        sections: list[tuple[Section, int, int]] = []  # section, start, end (exclusive)
        for index, element in enumerate(children):
            if element.tag not in HEADINGS or element.tag == "h1" or not element.get("id"):
                continue
            level = _level(element)
            end = next(
                (i for i in range(index + 1, len(children))
                 if children[i].tag in HEADINGS and _level(children[i]) <= level),
                len(children),
            )
            body = children[index + 1:end]
            # A section's own text stops at its first sub-heading.
            own = []
            for child in body:
                if child.tag in HEADINGS:
                    break
                own.append(child)
            section = Section(
                id=element.get("id", ""),
                heading=plain_text(element, stash),
                level=level,
                text=" ".join(t for t in (plain_text(child, stash) for child in own) if t),
                question="data-kb-question" in element.attrib,
                explicit="data-kb-explicit" in element.attrib,
            )
            sections.append((section, index, index + 1 + len(own)))
            for name in ("data-kb-explicit",):
                element.attrib.pop(name, None)
        self.state.sections = [section for section, _, _ in sections]
        # Wrap answers last to first, so earlier indices stay valid.
        for section, start, end in reversed(sections):
            if not section.question:
                continue
            wrapper = etree.Element("section", {
                "class": "kb-answer", "data-kb-answer": section.id,
            })
            for element in children[start:end]:
                root.remove(element)
                wrapper.append(element)
            root.insert(start, wrapper)
        self._keep_old_ids(root)

    def _keep_old_ids(self, root: etree.Element) -> None:
        """An empty anchor with each old id, just before the renamed heading.

        Old links land on the answer even without JavaScript; the script then
        rewrites the address to the new id so agents copy the current link.
        """
        parents = {child: parent for parent in root.iter() for child in parent}
        headings = {
            element.get("id"): element for element in root.iter() if element.tag in HEADINGS
        }
        live = {element.get("id") for element in root.iter() if element.get("id")}
        for old, new in self.state.renamed.items():
            heading = headings.get(new)
            if old in live:
                # Two elements with one id: a link to it would land on either.
                self.state.live_renames.append(old)
                continue
            if heading is None:
                self.state.unresolved_renames.append(old)
                continue
            anchor = etree.Element("span", {
                "id": old, "class": "kb-renamed-id", "data-kb-renamed-to": new,
            })
            parent = parents[heading]
            parent.insert(list(parent).index(heading), anchor)


class AnswersExtension(Extension):
    """Registers both treeprocessors around Python-Markdown's `toc` (priority 5)."""

    def __init__(self, state: Callable[[], PageSections]) -> None:
        super().__init__()
        self.state = state

    def extendMarkdown(self, md: Markdown) -> None:
        md.treeprocessors.register(
            ExplicitIds(md, self.state), "kb_explicit_ids", priorities.EXPLICIT_IDS)
        md.treeprocessors.register(
            SectionCollector(md, self.state), "kb_sections", priorities.ANSWER_SECTIONS)
