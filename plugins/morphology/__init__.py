"""One morphology core per language, for glossary matching and search.

Python at build time, ``assets/morphology.js`` in the browser, both driven
by the rule tables in ``data/<locale>.json``, so a glossary term, an
indexed word and a typed query get byte-identical keys:
``key(word) = fold(stem(lower(word)))``. See README.md beside this file,
:mod:`.stemmer` for the pipeline and :mod:`.lexicon` for the optional
lemmatiser overrides (measured: not worth their load cost today).
"""

from __future__ import annotations

from .folding import fold, lower
from .lexicon import lexicon
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
    "lexicon",
    "load_table",
    "lower",
    "stem",
    "table_json",
    "tokenize",
]
