"""Keys: the one normaliser used by glossary matching and search.

At build time a word's key is its dictionary lemma, folded (the *site key*,
:mod:`.lemmas`); words the dictionary does not know get ``fold(stem(word))``
from the learned rule table in ``data/`` (see :mod:`.rules`, :mod:`.learn`).
The browser (``assets/morphology.js``) has no dictionary: the build ships it
a ``lexicon`` (site forms whose site key the rules miss) and a ``bridge``
(rule key -> the site key it most often stands for), so every word of the
site gets byte-identical keys on both sides and a visitor's unseen form
still meets the site's forms of its lemma.

Words are not stemmed when they are abbreviations (no lowercase letter and
at most six characters: CRM, NPS, RODO, B2B), when they contain a decimal
digit, or when they are shorter than the table's ``min_length``.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from functools import lru_cache

from .folding import fold, lower
from .lemmas import Lemmatizer, site_lemmatizer
from .rules import RuleTable, Step, load_table
from .tokens import Token, tokenize

__all__ = [
    "ABBREVIATION_MAX",
    "Analyzer",
    "analyzer",
    "browser_key",
    "derive",
    "elect",
    "guesses",
    "is_abbreviation",
    "key",
    "keys",
    "query_analyzer",
    "relatives",
    "stem",
]

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
        word = _apply_step(step, word)
    return word


def derive(table: RuleTable, lemma: str) -> str:
    """The table's steps after the learned one (derivational families), on a dictionary lemma."""
    for step in table.steps[1:]:
        lemma = _apply_step(step, lemma)
    return lemma


def guesses(table: RuleTable, word: str) -> list[str]:
    """Lemma guesses for a lowercased word, best first (mirrors ``guesses`` in JS).

    The first is :func:`apply_table`'s; then what each shorter matching word
    end of the first step would give (the rules the longest match overrode),
    then the word itself. A visitor's word whose best guess the site does not
    know may meet the site through a later one (Estonian ``avan``: ``avan``
    from the whole word, ``avama`` from ``-an``); the build never needs them.
    A later guess shorter than the table's ``min_length`` is no lemma (the
    ends of one or two letters left by long suffixes: Estonian ``laul`` ->
    ``la``, which the bridge took to ``minema``) and is skipped. Measured on
    the UD dev sets (query key F1): et 0.800 -> 0.807, pl and sk unchanged.
    """
    word = table.exceptions.get(word, word)
    if len(word) < table.min_length or not table.steps:
        return [word]
    first, later = table.steps[0], table.steps[1:]
    found = []
    for n in range(min(first.max_len, len(word)), 0, -1):
        rule = first.rules.get(word[-n:])
        if rule is not None and len(word) - n >= rule.min_stem:
            found.append(word[:-n] + rule.replacement)
    found.append(word)
    out: list[str] = []
    for guess in found:
        for step in later:
            guess = _apply_step(step, guess)
        if guess not in out and (not out or len(guess) >= table.min_length):
            out.append(guess)
    return out


def browser_key(rule_keys: Sequence[str], bridged: Callable[[str], str | None],
                known: Callable[[str], bool] | None) -> str:
    """The browser's key of a word the lexicon lacks, from its folded guesses (``rule_keys``).

    The best guess through the bridge, or as it is when the site has it as a
    term (or no term list is given); else the first later guess the bridge
    or the term list knows; else the best guess. For every word of the site
    the first case applies (:meth:`Analyzer.browser_tables`), so later
    guesses only ever change a visitor's word. Measured on the UD dev sets
    (query key F1, README): pl 0.872 -> 0.880, et 0.754 -> 0.771, sk 0.884 -> 0.900.
    """
    best = rule_keys[0]
    hit = bridged(best)
    if hit is not None:
        return hit
    if known is None or known(best):
        return best
    for guess in rule_keys[1:]:
        hit = bridged(guess)
        if hit is not None:
            return hit
        if known(guess):
            return guess
    return best


def relatives(table: RuleTable, key: str) -> list[str]:
    """Other keys of a key's derivational family, in table order: one ending of a pair swapped for the other.

    Both directions: ``samoobsluzny`` -> ``samoobsluha`` and back. Search
    keeps only those the index has, scored apart from the word's own terms.
    """
    out: list[str] = []
    length = len(key)
    for first, second, min_stem in table.families:
        for ending, other in ((first, second), (second, first)):
            if key.endswith(ending) and length - len(ending) >= min_stem:
                relative = key[:length - len(ending)] + other
                if relative != key and relative not in out:
                    out.append(relative)
    return out


def _apply_step(step: Step, word: str) -> str:
    """One step of a table: the longest matching suffix that leaves a long enough stem."""
    for n in range(min(step.max_len, len(word)), 0, -1):
        rule = step.rules.get(word[-n:])
        if rule is not None and len(word) - n >= rule.min_stem:
            return word[:-n] + rule.replacement
    return word


class Analyzer:
    """Tokenize / stem / key for one locale: the Python twin of ``KbMorphology.create``.

    Two modes share one class. With a ``lemmatizer`` (the build, see
    :func:`analyzer`) a word's key is its dictionary lemma, folded: the *site
    key*. Without one (the browser's view) a word's key comes from the shipped
    ``lexicon`` (the site's own words), else from the learned rules, mapped
    through the shipped ``bridge`` onto the site key its rule key most often
    stands for. :meth:`browser_tables` computes both tables for a vocabulary
    so that the browser gives every site word its site key. ``known``: the
    search index's terms (site keys and folded forms), which let a word the
    site lacks fall back to a later rule guess (:func:`browser_key`).
    """

    def __init__(
        self,
        table: RuleTable,
        lexicon: Mapping[str, str] | None = None,
        bridge: Mapping[str, str] | None = None,
        lemmatizer: Lemmatizer | None = None,
        known: Collection[str] | None = None,
    ) -> None:
        self.table = table
        self.locale = table.locale
        self.lexicon: Mapping[str, str] = lexicon or {}
        self.bridge: Mapping[str, str] = bridge or {}
        self.lemmatizer = lemmatizer
        self.known = known
        self._collector: set[str] | None = None
        self._stem = lru_cache(maxsize=1 << 16)(self._stem_uncached)
        self._key = lru_cache(maxsize=1 << 18)(self._key_uncached)
        self._surface = lru_cache(maxsize=1 << 16)(fold)

    def _stem_uncached(self, word: str) -> str:
        if is_abbreviation(word):
            return lower(word)
        word = lower(word)
        if _DIGIT.search(word):
            return word
        return apply_table(self.table, word)

    def _key_uncached(self, word: str) -> str:
        if is_abbreviation(word) or _DIGIT.search(word):
            return fold(lower(word))
        form = lower(word)
        hit = self.lexicon.get(form)
        if hit is not None:
            return hit
        if self.lemmatizer is not None:
            # A table exception (a maintainer's or writer's fix) overrides the dictionary.
            lemma = self.lemmatizer(self.table.exceptions.get(form, form))
            if lemma is not None and [t.text for t in tokenize(lemma)] == [lemma]:
                return fold(derive(self.table, lemma))
            return self.rule_key(form)
        return browser_key(self.rule_keys(form), self.bridge.get,
                           None if self.known is None else self.known.__contains__)

    tokenize = staticmethod(tokenize)
    fold = staticmethod(fold)

    def stem(self, word: str) -> str:
        """What the learned rules make of one word (lowercased, unfolded; a lemma guess)."""
        return self._stem(word)

    def rule_key(self, word: str) -> str:
        """Key from the learned rules alone: ``fold(stem(word))``."""
        return fold(self._stem(word))

    def rule_keys(self, form: str) -> list[str]:
        """Folded :func:`guesses` of a lowercased form (not an abbreviation, no digit), best first."""
        out: list[str] = []
        for guess in guesses(self.table, form):
            if (folded := fold(guess)) not in out:
                out.append(folded)
        return out

    def key(self, word: str) -> str:
        """Search/glossary key of one word (recorded while :meth:`collect` is active)."""
        if self._collector is not None:
            self._collector.add(word)
        return self._key(word)

    def relatives(self, key: str) -> list[str]:
        """Keys of the same derivational family by the table's ``families`` (the browser's ``relatives``)."""
        return relatives(self.table, key)

    def surface(self, word: str) -> str:
        """Folded surface form of one word (`fold`, cached: indexing folds every word)."""
        return self._surface(word)

    def keys(self, text: str) -> list[str]:
        """Keys of every token of a text, in order."""
        return [self.key(t.text) for t in tokenize(text)]

    def token_keys(self, text: str) -> list[tuple[Token, str]]:
        """Tokens with their keys: what a glossary matcher needs to link a span."""
        return [(t, self.key(t.text)) for t in tokenize(text)]

    @contextmanager
    def collect(self) -> Iterator[set[str]]:
        """Record every word keyed inside the block: the vocabulary the browser must know."""
        previous, self._collector = self._collector, set()
        try:
            yield self._collector
        finally:
            self._collector = previous

    def site_forms(self, words: Iterable[str]) -> dict[str, str]:
        """Lowercased form -> site key, for the words the tables cover (not abbreviations, digits)."""
        site: dict[str, str] = {}
        for word in words:
            if not (is_abbreviation(word) or _DIGIT.search(word)):
                site.setdefault(lower(word), self._key(word))
        return site

    def votes(self, form: str, site_key: str) -> list[tuple[str, str]]:
        """Bridge votes of one site form: its rule key, and that of its accent-less spelling."""
        out = [(self.rule_key(form), site_key)]
        folded = fold(form)
        if folded != form:
            out.append((self.rule_key(folded), site_key))
        return out

    def browser_tables(self, words: Iterable[str]) -> tuple[dict[str, str], dict[str, str]]:
        """``(lexicon, bridge)`` that make the browser's key equal this key for ``words``.

        bridge: rule key -> the site key most of the vocabulary's forms with
        that rule key have (so a visitor's unseen form, or a form typed
        without diacritics, meets the site's forms of its lemma); lexicon:
        the forms whose site key the rules and the bridge still miss.
        """
        site = self.site_forms(words)
        tally: dict[str, Counter[str]] = defaultdict(Counter)
        for form, site_key in site.items():
            for rule, target in self.votes(form, site_key):
                tally[rule][target] += 1
        bridge = {rule: best for rule, counts in sorted(tally.items())
                  if (best := elect(rule, counts)) is not None and best != rule}
        lexicon = {}
        for form, site_key in sorted(site.items()):
            rule = self.rule_key(form)
            if bridge.get(rule, rule) != site_key:
                lexicon[form] = site_key
        return lexicon, bridge


def elect(rule: str, counts: Counter[str]) -> str | None:
    """Most voted site key (ties: the rule key itself, then the larger key, deterministic)."""
    counts = +counts
    if not counts:
        return None
    return max(counts.items(), key=lambda item: (item[1], item[0] == rule, item[0]))[0]


@lru_cache(maxsize=32)
def analyzer(locale: str) -> Analyzer:
    """Shared build-time analyzer for a locale: site keys from the dictionary lemmatiser."""
    table = load_table(locale)
    return Analyzer(table, lemmatizer=site_lemmatizer(table.locale))


def query_analyzer(locale: str, lexicon: Mapping[str, str] | None = None,
                   bridge: Mapping[str, str] | None = None, known: Collection[str] | None = None) -> Analyzer:
    """What the browser computes: shipped tables, then learned rules (``known``: the index terms)."""
    return Analyzer(load_table(locale), lexicon, bridge, known=known)


def stem(word: str, locale: str) -> str:
    """Stem of a word with the locale's rules (lowercased, not folded)."""
    return analyzer(locale).stem(word)


def key(word: str, locale: str) -> str:
    """Key shared by glossary matching and search: ``fold(stem(lower(word)))``."""
    return analyzer(locale).key(word)


def keys(text: str, locale: str) -> list[str]:
    """Keys of all tokens of a text."""
    return analyzer(locale).keys(text)
