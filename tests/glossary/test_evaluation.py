"""Glossary linking meets its quality floors on the hand-annotated evaluation set."""

from __future__ import annotations

from pathlib import Path

import pytest
from kb_generator.glossary.matcher import TermMatcher
from kb_generator.glossary.sources import load_glossary
from kb_generator.morphology import analyzer

from tests.glossary.scoring import ExactStringMatcher, parse_annotated, score

ROOT = Path(__file__).parents[2]
EVALUATION = Path(__file__).parent / "evaluation"


@pytest.mark.parametrize("locale", ["pl", "et", "sk"])
def test_precision_and_recall_floors(locale: str) -> None:
    glossary = load_glossary(ROOT / "docs" / locale / "glossary.yml", locale, locale)
    assert not glossary.problems
    paragraphs = parse_annotated((EVALUATION / f"{locale}.txt").read_text(encoding="utf-8"))
    assert len(paragraphs) >= 30
    ours = score(paragraphs, TermMatcher(glossary.terms.values(), analyzer(locale)).find)
    assert ours.precision >= 0.98, ours
    assert ours.recall >= 0.95, ours
    # The evaluation set is hard enough that exact strings cannot pass it.
    exact = score(paragraphs, ExactStringMatcher(glossary.terms.values()).find)
    assert exact.recall < 0.8, exact


def test_annotations_parse_into_spans() -> None:
    [paragraph] = parse_annotated("Napisz do {{obsługi klienta|customer-service}} lub {{CRM|crm}}.")
    assert paragraph.text == "Napisz do obsługi klienta lub CRM."
    assert paragraph.gold == {(10, 25, "customer-service"), (30, 33, "crm")}
