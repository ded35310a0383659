"""Optional lemmatiser overrides: a small ``form -> key`` table for the site vocabulary.

Why optional: the rule stripper alone passes every quality floor in
tests/morphology (all inflection groups merge, no listed false merges) and
costs nothing to load (tables: ~20 ms; stemming: ~0.6M words/s uncached).
simplemma, measured here (Python 3.11, simplemma 2.0.0), costs on first use
pl 3.9 s / 430 MB RSS, et 2.1 s / 250 MB, sk 0.7 s / 120 MB (all three
loaded: ~720 MB), and only improves forms the stripper cannot relate
(suppletion, irregular gradation: lepszy/dobry, ludzie/człowiek, hea/häid).
On the seed corpus it raises the share of lemmas whose corpus forms share
one key from about 0.69/0.75/0.79 (pl/et/sk, stripper) to 1.0 by
construction, but it also inherits simplemma's quirks (zgłoszenie ->
zgłosić) and does not help query forms that are not in the vocabulary.

Contract that keeps the browser in parity: the build computes
``lexicon(words, locale)`` over the words it indexes and ships the result
next to the rule table; ``Analyzer(table, lexicon)`` in Python and
``KbMorphology.create(table, lexicon)`` in JavaScript consult it first
(lowercased form, abbreviations excluded), so both sides give identical keys
for every listed form. Only forms whose lemma key differs from the plain
stripper key are listed, which keeps the table small.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from .folding import lower
from .stemmer import analyzer, is_abbreviation

__all__ = ["lexicon", "simplemma_lemmatizer"]

Lemmatizer = Callable[[str], str]


def simplemma_lemmatizer(locale: str) -> Lemmatizer:
    """simplemma for one language (imported lazily: it is not a runtime dependency)."""
    try:
        import simplemma
    except ImportError as error:  # pragma: no cover - depends on the environment
        raise ImportError("lexicon() needs simplemma: pip install simplemma==2.0.0") from error

    def lemmatize(word: str) -> str:
        return str(simplemma.lemmatize(word, lang=locale))

    return lemmatize


def lexicon(words: Iterable[str], locale: str, lemmatize: Lemmatizer | None = None) -> dict[str, str]:
    """``form -> key(lemma)`` for the vocabulary forms where it beats the stripper.

    A form is listed only when its lemma's key differs from its own key, so
    the browser table stays small and unlisted forms fall back to the rules.
    """
    core = analyzer(locale)
    lemma_of = lemmatize or simplemma_lemmatizer(core.locale)
    table: dict[str, str] = {}
    for word in words:
        form = lower(word)
        if form in table or is_abbreviation(word) or not form.isalpha():
            continue
        target = core.key(lower(lemma_of(form)))
        if target != core.key(form):
            table[form] = target
    return table
