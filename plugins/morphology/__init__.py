"""One morphology core per language, for glossary matching and search.

Python at build time, ``assets/morphology.js`` in the browser, both driven
by the rule tables in ``data/<locale>.json``; see :mod:`.stemmer` for the
pipeline and :mod:`.lexicon` for the optional lemmatiser overrides.
"""

from __future__ import annotations

from .folding import fold, lower
from .rules import SUPPORTED_LOCALES, RuleTable, base_locale, load_table, table_json
from .stemmer import Analyzer, analyzer, is_abbreviation, key, keys, stem
from .tokens import Token, tokenize

__all__ = [
    "SUPPORTED_LOCALES",
    "Analyzer",
    "RuleTable",
    "Token",
    "analyzer",
    "base_locale",
    "fold",
    "is_abbreviation",
    "key",
    "keys",
    "load_table",
    "lower",
    "stem",
    "table_json",
    "tokenize",
]
