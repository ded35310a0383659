"""FAQ answers on the Markdown element tree, around the page's one outline.

Two treeprocessors: one runs before `toc` assigns generated ids, so it can
tell ids written in the source (`## Question? {#id}`) from generated ones
and mark the questions of the FAQ; the other runs after `toc` and wraps each
answer in a `<section>` that scripts and readers can address. The sections
and their text come from the page's outline (`core/outline.py`), shared with
kb-search.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree
from collections.abc import Callable
from dataclasses import dataclass, field

from markdown import Markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

from kb_generator.core import priorities
from kb_generator.core.outline import READER, OutlineExtension, Section, TextReader, is_question

HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
QUESTION_ATTRIBUTE = "data-kb-question"


@dataclass
class PageSections:
    """What the treeprocessors found on the page being rendered."""

    faq_page: bool = False
    faq_section_id: str = "faq"
    answer_ids: set[str] = field(default_factory=set)
    sections: list[Section] = field(default_factory=list)  # from the outline, with ids
    unnamed_questions: list[str] = field(default_factory=list)
    renamed: dict[str, str] = field(default_factory=dict)
    unresolved_renames: list[str] = field(default_factory=list)
    live_renames: list[str] = field(default_factory=list)  # old ids still used on the page

    @property
    def answers(self) -> list[Section]:
        return [section for section in self.sections if self.is_answer(section)]

    def is_answer(self, section: Section) -> bool:
        return section.anchor is not None and section.anchor in self.answer_ids


def _level(element: etree.Element) -> int:
    return int(element.tag[1])


class ExplicitIds(Treeprocessor):
    """Marks the FAQ's questions that have an id written by the writer (runs before `toc`)."""

    def __init__(
        self, md: Markdown, state: Callable[[], PageSections], outline: OutlineExtension
    ) -> None:
        super().__init__(md)
        self._state = state
        self._outline = outline

    def run(self, root: etree.Element) -> None:
        self.state = self._state()
        reader = TextReader(self.md, set(self._outline.skip_tags), "")
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
            heading = " ".join(reader.inline_text(element)[READER].split())
            if in_faq and is_question(heading, self._outline.question_suffixes):
                if heading_id:
                    element.set(QUESTION_ATTRIBUTE, "")
                    self.state.answer_ids.add(heading_id)
                else:
                    self.state.unnamed_questions.append(heading)


class AnswerWrapper(Treeprocessor):
    """Wraps FAQ answers in `<section>` and keeps renamed ids (runs after `toc`)."""

    def __init__(self, md: Markdown, state: Callable[[], PageSections]) -> None:
        super().__init__(md)
        self._state = state

    def run(self, root: etree.Element) -> None:
        self.state = self._state()
        children = list(root)
        answers: list[tuple[str, int, int]] = []  # id, start, end (exclusive)
        for index, element in enumerate(children):
            if element.tag not in HEADINGS or QUESTION_ATTRIBUTE not in element.attrib:
                continue
            # An answer's own text stops at the next heading.
            end = next(
                (i for i in range(index + 1, len(children)) if children[i].tag in HEADINGS),
                len(children),
            )
            answers.append((element.get("id", ""), index, end))
        # Wrap answers last to first, so earlier indices stay valid.
        for answer_id, start, end in reversed(answers):
            wrapper = etree.Element("section", {
                "class": "kb-answer", "data-kb-answer": answer_id,
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
    """Registers both treeprocessors around Python-Markdown's `toc`."""

    def __init__(self, state: Callable[[], PageSections], outline: OutlineExtension) -> None:
        super().__init__()
        self.state = state
        self.outline = outline

    def extendMarkdown(self, md: Markdown) -> None:
        md.treeprocessors.register(
            ExplicitIds(md, self.state, self.outline), "kb_explicit_ids", priorities.EXPLICIT_IDS)
        md.treeprocessors.register(
            AnswerWrapper(md, self.state), "kb_answers", priorities.ANSWER_SECTIONS)
