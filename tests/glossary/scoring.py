"""Scoring glossary linking against a hand-annotated evaluation set.

The set (tests/glossary/evaluation/<locale>.txt) marks every true mention
as `{{surface|term-id}}`; paragraphs are separated by blank lines and each
stands for a page. Precision is over link texts (exact span and term),
recall over (paragraph, term) pairs, as the glossary issue defines them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from kb_generator.glossary.matcher import Match
from kb_generator.glossary.sources import Term
from kb_generator.morphology import is_abbreviation

_MARK = re.compile(r"\{\{([^{}|]+)\|([a-z0-9-]+)\}\}")


@dataclass(frozen=True)
class Paragraph:
    """Plain text with its gold mentions as (start, end, term id)."""

    text: str
    gold: frozenset[tuple[int, int, str]]


@dataclass(frozen=True)
class Score:
    """Precision of link texts and recall of (paragraph, term) pairs."""

    precision: float
    recall: float
    predicted: int
    gold_pairs: int


def parse_annotated(source: str) -> list[Paragraph]:
    """Paragraphs of an annotated file, markers removed."""
    paragraphs = []
    for block in re.split(r"\n\s*\n", source.strip()):
        text, gold, position = [], set(), 0
        for match in _MARK.finditer(block):
            text.append(block[position:match.start()])
            start = sum(len(part) for part in text)
            text.append(match.group(1))
            gold.add((start, start + len(match.group(1)), match.group(2)))
            position = match.end()
        text.append(block[position:])
        paragraphs.append(Paragraph("".join(text), frozenset(gold)))
    return paragraphs


def score(paragraphs: list[Paragraph], find: Callable[[str], Iterable[Match]]) -> Score:
    """Score a matcher: every mention counts for precision, pairs for recall."""
    predicted = correct = 0
    gold_pairs = found_pairs = 0
    for paragraph in paragraphs:
        matches = {(m.start, m.end, m.term_id) for m in find(paragraph.text)}
        predicted += len(matches)
        correct += len(matches & paragraph.gold)
        gold_terms = {term for _, _, term in paragraph.gold}
        found_terms = {term for _, _, term in matches}
        gold_pairs += len(gold_terms)
        found_pairs += len(gold_terms & found_terms)
    return Score(
        correct / predicted if predicted else 1.0,
        found_pairs / gold_pairs if gold_pairs else 1.0,
        predicted, gold_pairs,
    )


class ExactStringMatcher:
    """The baseline other glossary tools use: names as written, longest first."""

    def __init__(self, terms: Iterable[Term]) -> None:
        names: list[tuple[str, str, bool]] = []
        for term in terms:
            for name in (term.term, *term.aliases):
                names.append((name, term.id, is_abbreviation(name)))
            names.extend((name, term.id, True) for name in term.abbreviations)
        names.sort(key=lambda item: -len(item[0]))
        self._patterns = [
            (re.compile(rf"(?<!\w){re.escape(name)}(?!\w)", 0 if exact else re.IGNORECASE), term_id)
            for name, term_id, exact in names
        ]

    def find(self, text: str) -> list[Match]:
        taken: list[Match] = []
        for pattern, term_id in self._patterns:
            for found in pattern.finditer(text):
                if not any(found.start() < m.end and m.start < found.end() for m in taken):
                    taken.append(Match(found.start(), found.end(), term_id))
        return sorted(taken, key=lambda m: m.start)
