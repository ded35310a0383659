"""Lemmas of the site's own words, at build time: what makes site keys dictionary-quality.

Why: on UD dev sets the learned rules alone reach pairwise F1 of about
0.78 (sk), while a dictionary lookup of the same words reaches 0.90+.
The build sees every word the site contains, so it looks each up in a
well-kept dictionary and ships the result to the browser for those words
(:meth:`.stemmer.Analyzer.browser_tables`); the learned rules cover the
rest.

- Polish: Morfeusz 2 with the SGJP dictionary (BSD-2-Clause) lists every
  reading of a form; the reading whose lemma simplemma also gives wins (it
  resolves the ambiguity, e.g. ``mamy`` -> ``mieć``, not ``mama``), else the
  first reading. Forms Morfeusz does not know fall back to simplemma.
- Estonian, Slovak: simplemma 2.0.0 (MIT code; dictionaries from open
  lexicons, see README.md), used only for forms its dictionary lists;
  Estonian participles are taken on to their verb (:func:`_estonian`).

Unknown forms return ``None``: the caller uses the learned rules, exactly
as the browser would. Loading costs seconds once per process (simplemma pl
about 3 s); lookups are cached.

simplemma is asked for its ``low_memory`` dictionaries: the same entries
and the same lemmatisation strategies, kept as the compressed stream with
an index of every 32nd key instead of a ``dict`` of every form. Each
language process held its dictionary whole (pl 362 MB, et 215 MB, sk
86 MB resident: most of a build's peak memory); streamed it is 47 / 33 /
12 MB, and a lookup decodes one block of 32 entries (about 0.1 ms; every
form is looked up once, then cached). See README, "Running at larger scale".
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from functools import lru_cache
from typing import Any

__all__ = ["Lemmatizer", "site_lemmatizer"]

Lemmatizer = Callable[[str], "str | None"]
#: simplemma's streamed dictionaries (same answers as its in-memory ones, a tenth of the memory).
LOW_MEMORY = True


@lru_cache(maxsize=8)
def _morfeusz() -> Any:
    import morfeusz2

    return morfeusz2.Morfeusz(generate=False, expand_tags=False)


def _simplemma(locale: str) -> Lemmatizer:
    import simplemma

    def lemmatize(word: str) -> str | None:
        if not simplemma.is_known(word, lang=locale, low_memory=LOW_MEMORY):
            return None
        return str(simplemma.lemmatize(word, lang=locale, low_memory=LOW_MEMORY)).lower()

    return lemmatize


# Paradigm mates of an Estonian participle: forms of the same verb built on the
# same stem that no other word class has (quotative/conditional past for -nud,
# impersonal present/past for -tud/-dud).
_PARTICIPLE_MATES = {"nud": ("nuvat", "nuks"), "tud": ("takse", "ti", "ta"), "dud": ("dakse", "di", "da")}
_CLITICS = ("gi", "ki")


def _estonian() -> Lemmatizer:
    """simplemma, with participles taken to their verb and the clitic -gi/-ki removed.

    simplemma lists ``kirjutanud`` and ``valitud`` as lemmas of their own
    (adjectives) and ``teinud`` as ``teinu``; as a verb form they belong to
    ``kirjutama``, ``valima``, ``tegema``. The verb is the one the participle's
    paradigm mates (``teinuvat``, ``teinuks``; ``võetakse``, ``võeti``) have in
    the dictionary, else the lemma's stem plus ``-ma`` when the dictionary has
    that verb. A form the dictionary does not know that ends in the emphatic
    clitic (``punktigi``, ``tahavadki``) is looked up without it.
    Measured on the UD dev set (site key F1): 0.849 -> 0.863 (stem plus -ma),
    0.863 -> see README (paradigm mates, clitic).
    """
    import simplemma

    plain = _simplemma("et")

    def is_lemma(word: str) -> bool:
        return (bool(simplemma.is_known(word, lang="et", low_memory=LOW_MEMORY))
                and str(simplemma.lemmatize(word, lang="et", low_memory=LOW_MEMORY)) == word)

    def verb_of_participle(word: str) -> str | None:
        mates = _PARTICIPLE_MATES.get(word[-3:])
        if mates is None or len(word) < 5:
            return None
        votes = Counter(lemma for end in mates
                        if (lemma := plain(word[:-3] + end)) is not None and lemma.endswith("ma"))
        return votes.most_common(1)[0][0] if votes else None

    def lemmatize(word: str) -> str | None:
        lemma = plain(word)
        if lemma is None:
            if word.endswith(_CLITICS) and len(word) > 4:
                return plain(word[:-2])
            return None
        verb = verb_of_participle(word)
        if verb is not None:
            return verb
        for end in ("nud", "tud", "dud", "nu"):
            if lemma.endswith(end) and len(lemma) > len(end) + 2:
                stem = lemma[: -len(end)]
                for tail in ("ma", "ema", "ima", "ama", "uma"):
                    if is_lemma(stem + tail):
                        return stem + tail
        return lemma

    return lemmatize


def _polish() -> Lemmatizer:
    fallback = _simplemma("pl")
    try:
        morfeusz = _morfeusz()
    except ImportError:
        # Morfeusz 2 publishes wheels for x86_64 (and macOS) only; elsewhere (Linux on
        # aarch64) Polish keys come from simplemma alone (UD dev F1 0.90 instead of 0.91).
        return fallback

    def lemmatize(word: str) -> str | None:
        # Only readings of the whole word: Morfeusz also offers segmentations
        # (`kiedyś` = `kiedy` + the clitic `-ś`, `mama` = `ma` + `ma`), whose first
        # segment is not the word's lemma. UD dev site F1 (pl): see the README table.
        # Morfeusz lemmas carry a homonym mark after a colon (`zamek:S1`).
        analyses = morfeusz.analyse(word)
        end = max((r[1] for r in analyses), default=0)
        readings = [r[2][1].split(":", 1)[0].lower() for r in analyses
                    if r[0] == 0 and r[1] == end and r[2][2] != "ign"]
        preferred = fallback(word)
        if readings:
            return preferred if preferred in readings else readings[0]
        return preferred

    return lemmatize


def _closed(lemmatize: Lemmatizer) -> Lemmatizer:
    """Lemma of the lemma, to a fixed point: one key per paradigm.

    Dictionaries disagree with themselves on citation forms: simplemma takes
    ``zgłoszenie`` to ``zgłosić`` but ``zgłoszenia`` to ``zgłoszenie``; following
    the lemma once more puts all forms on one key. Measured on the UD dev sets
    (pairwise F1): pl 0.905 -> 0.912, et 0.837 -> 0.839, sk 0.908 -> 0.914.
    """

    def closed(word: str) -> str | None:
        lemma = lemmatize(word)
        for _ in range(3):
            if lemma is None:
                break
            again = lemmatize(lemma)
            if again is None or again == lemma:
                break
            lemma = again
        return lemma

    return closed


@lru_cache(maxsize=8)
def site_lemmatizer(locale: str) -> Lemmatizer | None:
    """Dictionary lemmatiser for a locale (lowercased word in, lowercased lemma or None out)."""
    if locale == "pl":
        return lru_cache(maxsize=1 << 18)(_closed(_polish()))
    if locale == "et":
        return lru_cache(maxsize=1 << 18)(_closed(_estonian()))
    if locale == "sk":
        return lru_cache(maxsize=1 << 18)(_closed(_simplemma(locale)))
    return None
