"""One morphology core per language, for glossary matching and search.

Python at build time, ``assets/morphology.js`` in the browser, both driven
by the learned rule tables in ``data/<locale>.json`` and, at build time, by
a dictionary lemmatiser (:mod:`.lemmas`) whose results for the site's words
are shipped to the browser, so a glossary term, an indexed word and a typed
query get byte-identical keys. See README.md beside this file and
:mod:`.stemmer` for the pipeline.
"""

from __future__ import annotations

from .folding import fold, lower
from .rules import SUPPORTED_LOCALES, RuleTable, base_locale, browser_table, load_table, table_json
from .stemmer import Analyzer, analyzer, is_abbreviation, key, keys, query_analyzer, stem
from .tokens import Token, tokenize

__all__ = [
    "SUPPORTED_LOCALES",
    "Analyzer",
    "RuleTable",
    "Token",
    "analyzer",
    "base_locale",
    "browser_table",
    "fold",
    "is_abbreviation",
    "key",
    "keys",
    "load_table",
    "lower",
    "query_analyzer",
    "stem",
    "table_json",
    "tokenize",
]
