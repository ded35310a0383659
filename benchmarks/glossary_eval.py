"""Glossary linking quality: our morphology matcher vs an exact-string matcher.

Prints, per language, precision of link texts and recall of (paragraph, term)
pairs on the hand-annotated set in tests/glossary/evaluation/.

    .venv/bin/python benchmarks/glossary_eval.py
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kb_generator.glossary.matcher import TermMatcher  # noqa: E402
from kb_generator.glossary.sources import load_glossary  # noqa: E402
from kb_generator.morphology import analyzer  # noqa: E402

from tests.glossary.scoring import ExactStringMatcher, parse_annotated, score  # noqa: E402


def main() -> None:
    print(f"{'lang':<5}{'matcher':<14}{'precision':>10}{'recall':>8}{'links':>7}{'pairs':>7}")
    for locale in ("pl", "et", "sk"):
        glossary = load_glossary(ROOT / "docs" / locale / "glossary.yml", locale, locale)
        source = (ROOT / "tests/glossary/evaluation" / f"{locale}.txt").read_text(encoding="utf-8")
        paragraphs = parse_annotated(source)
        for name, matcher in (
            ("morphology", TermMatcher(glossary.terms.values(), analyzer(locale))),
            ("exact string", ExactStringMatcher(glossary.terms.values())),
        ):
            result = score(paragraphs, matcher.find)
            print(f"{locale:<5}{name:<14}{result.precision:>10.3f}{result.recall:>8.3f}"
                  f"{result.predicted:>7}{result.gold_pairs:>7}")


if __name__ == "__main__":
    main()
