"""What keeps a large build's memory down: the same site from less memory.

Figures (peak memory per size) live in benchmarks/search_typing.py; these
tests pin the behaviour that produces them.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import simplemma
from kb_generator.morphology import lemmas
from kb_generator.morphology.tokens import WORD
from simplemma.strategies.dictionaries import DEFAULT_DICTIONARY_FACTORY

ROOT = Path(__file__).resolve().parents[2]


def site_words(locale: str) -> list[str]:
    """Every distinct lowercased word of the bundled site's pages of a language."""
    pages = sorted((ROOT / "docs" / locale).rglob("*.md"))
    text = " ".join(path.read_text(encoding="utf-8") for path in pages)
    return sorted({word.lower() for word in WORD.findall(text)})


@pytest.mark.parametrize("locale", ["pl", "et", "sk"])
def test_streamed_dictionaries_answer_as_the_in_memory_ones(locale: str) -> None:
    """simplemma's `low_memory` dictionaries know and lemmatise every site word the same way."""
    words = site_words(locale)
    assert len(words) > 500
    try:
        for word in words:
            known = simplemma.is_known(word, lang=locale)
            assert simplemma.is_known(word, lang=locale, low_memory=True) == known, word
            if known:
                assert (simplemma.lemmatize(word, lang=locale, low_memory=True)
                        == simplemma.lemmatize(word, lang=locale)), word
    finally:
        DEFAULT_DICTIONARY_FACTORY._get_dictionary.cache_clear()  # 86-362 MB a language


@pytest.mark.parametrize("locale", ["pl", "et", "sk"])
def test_site_lemmas_never_load_a_whole_dictionary(locale: str) -> None:
    """A language process keeps simplemma's compressed stream, not a dict of every form."""
    DEFAULT_DICTIONARY_FACTORY._get_dictionary.cache_clear()
    lemmas.site_lemmatizer.cache_clear()
    try:
        lemmatize = lemmas.site_lemmatizer(locale)
        assert lemmatize is not None
        assert {word: lemmatize(word) for word in ("klienta", "reklamácie", "klientidele")}
        assert DEFAULT_DICTIONARY_FACTORY._get_dictionary.cache_info().currsize == 0
    finally:
        lemmas.site_lemmatizer.cache_clear()
