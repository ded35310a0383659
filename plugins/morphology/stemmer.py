"""Stemming and keys: the one normaliser used by glossary matching and search.

``key(word) = fold(stem(word))``. The stemmer is a small interpreter of the
rule tables in ``data/`` (see :mod:`.rules`); ``assets/morphology.js``
interprets the same tables line for line, so a key computed at build time
equals the key the browser computes for a query.

Words are not stemmed when they are abbreviations (no lowercase letter and
at most six characters: CRM, NPS, RODO, B2B), when they contain a decimal
digit, or when they are shorter than the table's ``min_length``.

An optional lexicon (``form -> key``, see :mod:`.lexicon`) overrides the
stripper for listed lowercased forms; the same mapping is shipped to the
browser, so overrides keep parity.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import lru_cache

from .folding import fold, lower
from .rules import RuleTable, load_table
from .tokens import Token, tokenize

__all__ = ["ABBREVIATION_MAX", "Analyzer", "analyzer", "is_abbreviation", "key", "keys", "stem"]

ABBREVIATION_MAX = 6
_DIGIT = re.compile(r"\d")


def is_abbreviation(word: str) -> bool:
    """All-caps short words (CRM, NPS) are names, not inflectable words."""
    return 2 <= len(word) <= ABBREVIATION_MAX and word == word.upper() and word != word.lower()


def apply_table(table: RuleTable, word: str) -> str:
    """Run the rule interpreter on a lowercased word (mirrors ``applyTable`` in JS)."""
    word = table.exceptions.get(word, word)
    if len(word) < table.min_length:
        return word
    for step in table.steps:
        for n in range(min(step.max_len, len(word)), 0, -1):
            rule = step.rules.get(word[-n:])
            if rule is not None and len(word) - n >= rule.min_stem:
                word = word[:-n] + rule.replacement
                break
    return word


class Analyzer:
    """Tokenize / stem / key for one locale: the Python twin of ``KbMorphology.create``."""

    def __init__(self, table: RuleTable, lexicon: Mapping[str, str] | None = None) -> None:
        self.table = table
        self.locale = table.locale
        self.lexicon: Mapping[str, str] = lexicon or {}
        self._stem = lru_cache(maxsize=1 << 16)(self._stem_uncached)
        self._key = lru_cache(maxsize=1 << 16)(self._key_uncached)
        self._surface = lru_cache(maxsize=1 << 16)(fold)

    def _stem_uncached(self, word: str) -> str:
        if is_abbreviation(word):
            return lower(word)
        word = lower(word)
        if _DIGIT.search(word):
            return word
        return apply_table(self.table, word)

    def _key_uncached(self, word: str) -> str:
        hit = self.lexicon.get(lower(word)) if self.lexicon and not is_abbreviation(word) else None
        return hit if hit is not None else fold(self._stem(word))

    tokenize = staticmethod(tokenize)
    fold = staticmethod(fold)

    def stem(self, word: str) -> str:
        """Stem of one word (lowercased, unfolded); lexicon is not consulted."""
        return self._stem(word)

    def key(self, word: str) -> str:
        """Search/glossary key of one word."""
        return self._key(word)

    def surface(self, word: str) -> str:
        """Folded surface form of one word (`fold`, cached: indexing folds every word)."""
        return self._surface(word)

    def keys(self, text: str) -> list[str]:
        """Keys of every token of a text, in order."""
        return [self._key(t.text) for t in tokenize(text)]

    def token_keys(self, text: str) -> list[tuple[Token, str]]:
        """Tokens with their keys: what a glossary matcher needs to link a span."""
        return [(t, self._key(t.text)) for t in tokenize(text)]


@lru_cache(maxsize=32)
def analyzer(locale: str) -> Analyzer:
    """Shared lexicon-less analyzer for a locale (unknown locale: generic pipeline)."""
    return Analyzer(load_table(locale))


def stem(word: str, locale: str) -> str:
    """Stem of a word with the locale's rules (lowercased, not folded)."""
    return analyzer(locale).stem(word)


def key(word: str, locale: str) -> str:
    """Key shared by glossary matching and search: ``fold(stem(lower(word)))``."""
    return analyzer(locale).key(word)


def keys(text: str, locale: str) -> list[str]:
    """Keys of all tokens of a text."""
    return analyzer(locale).keys(text)
