"""Options of kb-search."""

from __future__ import annotations

from mkdocs.config import config_options as c
from mkdocs.config.base import Config

from kb_generator.core.config_options import FiniteNumbers, RelativePath
from kb_generator.core.outline import QUESTION_SUFFIXES, SKIP_TAGS

#: Field boosts used unless `boosts` overrides them (see README, "How search works").
DEFAULT_BOOSTS: dict[str, float] = {
    "title": 10.0,
    "question": 2.0,
    "context": 1.5,
    "summary": 0.2,
    "text": 1.0,
    "exact_title": 6.0,
    "exact": 1.0,
}


class SearchConfig(Config):
    """Configuration of the kb-search plugin."""

    enabled = c.Type(bool, default=True)
    """Build the per-language indexes and point Material's search box at our worker."""

    glossary = c.Optional(RelativePath(None, allow_empty=True))
    """Only for a site without kb-glossary: the glossary file inside each locale folder
    (default `glossary.yml`) whose names act as synonyms. With kb-glossary the synonyms
    come from the glossary it loaded (its `source` names the file): leave this unset
    (a different file is a configuration error); an empty string turns synonyms off."""

    question_suffixes = c.ListOfItems(c.Type(str), default=list(QUESTION_SUFFIXES))
    """A heading ending with one of these is a question: ranked above other headings, and
    in an FAQ an answer for kb-answers too (the page outline both read)."""

    skip_tags = c.ListOfItems(c.Type(str), default=list(SKIP_TAGS))
    """Elements whose text is never read: not indexed, not in the answers catalog
    (`data-search-exclude` also keeps an element out of the index)."""

    boosts = FiniteNumbers()
    """Field boosts over the defaults: title, question, context, summary, text, exact_title, exact."""

    fuzzy_min_length = c.Type(int, default=5)
    """Words of at least this many letters also match with one typo (edit distance 1)."""

    excerpt_length = c.Type(int, default=180)
    """Characters of section text shown under a result, around the best match."""

    fallback_pages = c.ListOfItems(c.Type(str), default=["faq", "faq-contact"])
    """Translation keys (`key:` in front matter) of the pages offered, in this order,
    when nothing matches a query (with a "did you mean" line): never an empty panel."""

    max_results = c.Type(int, default=20)
    """Most pages returned for one query (Material renders them lazily)."""

    shard_size = c.Type(int, default=98_304)
    """Bytes (uncompressed JSON) of one lazily fetched shard of postings."""

    text_shard_size = c.Type(int, default=8_192)
    """Bytes (uncompressed JSON) of one lazily fetched shard of document texts (whole pages)."""

    ranked_documents_per_term = c.Type(int, default=2_000)
    """Documents of one term whose own weights a term shard carries (those the term
    weighs most in); a term met in more ships the rest as document runs in four
    weight bands (0: never cut). At 10,000 articles a language the most frequent
    word's term shard was 340 kB gzipped: with the cut, 75 kB (README, "Frequent
    words cut")."""

    single_file_below = c.Type(int, default=262_144)
    """A language whose search data is smaller than this many bytes keeps it in one file."""
