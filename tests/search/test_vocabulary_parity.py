"""Every word of the bundled site gets the same key at build time and in the browser.

The index holds keys computed in Python; the browser computes the query's
keys with assets/morphology.js. Over the whole vocabulary of docs/**/*.md and
each glossary.yml, both must agree byte for byte, and so must the folded
forms the index stores for exact matches. node is required.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from kb_generator.morphology import analyzer, fold, tokenize

from tests.morphology.parity import node_run

DOCS = Path(__file__).resolve().parents[2] / "docs"
LOCALES = sorted(path.name for path in DOCS.iterdir() if path.is_dir())


def vocabulary(locale: str) -> list[str]:
    words: set[str] = set()
    for path in sorted((DOCS / locale).rglob("*")):
        if path.suffix in {".md", ".yml", ".yaml"}:
            words.update(token.text for token in tokenize(path.read_text(encoding="utf-8")))
    return sorted(words)


@pytest.mark.parametrize("locale", LOCALES)
def test_python_and_javascript_keys_agree_on_the_whole_vocabulary(locale: str) -> None:
    words = vocabulary(locale)
    assert len(words) > 1000, f"{locale}: suspiciously small vocabulary"
    core = analyzer(locale)
    lexicon, bridge = core.browser_tables(words)
    browser = node_run(locale, words=words, lexicon=lexicon, bridge=bridge)
    keys = {word: core.key(word) for word in words}
    assert {w: k for w, k in zip(words, browser.keys, strict=True) if k != keys[w]} == {}
    assert {w: f for w, f in zip(words, browser.folds, strict=True) if f != fold(w)} == {}
