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
  Estonian participles are taken on to their verb and informal spellings
  looked up in their standard form (:func:`_estonian`), Slovak negated verbs
  and nominalised adjectives go to the plain lemma (:func:`_slovak`).

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

import json
import math
import re
from collections import Counter
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import Any

from .rules import DATA_DIR

__all__ = [
    "DERIVED_READINGS", "Lemmatizer", "choose_reading", "derived_from", "frequency_path",
    "informal_spellings", "lemma_frequency", "morfeusz_readings", "site_lemmatizer",
]

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


def _is_lemma(word: str, locale: str) -> bool:
    """Whether simplemma's dictionary lists ``word`` as its own lemma (a citation form)."""
    import simplemma

    return (bool(simplemma.is_known(word, lang=locale, low_memory=LOW_MEMORY))
            and str(simplemma.lemmatize(word, lang=locale, low_memory=LOW_MEMORY)) == word)


# Paradigm mates of an Estonian participle: forms of the same verb built on the
# same stem that no other word class has (quotative/conditional past for -nud,
# impersonal present/past for -tud/-dud).
_PARTICIPLE_MATES = {"nud": ("nuvat", "nuks"), "tud": ("takse", "ti", "ta"), "dud": ("dakse", "di", "da")}
_CLITICS = ("gi", "ki")
#: A letter typed three or more times in a row (`vääääga`); Estonian writes at most two.
_REPEATED = re.compile(r"(.)\1\1+")


def informal_spellings(word: str) -> list[str]:
    """Standard spellings to try for an Estonian form the dictionary lacks, in order.

    Web text writes `x` for `ks` (`tulex`, `saax`), the spoken participle
    `-nd` for `-nud` (`läind`, `tekkind`), and repeats letters for emphasis
    (`vääääga`: tried with the run cut to two letters, then to one).
    """
    out = []
    if "x" in word:
        out.append(word.replace("x", "ks"))
    if word.endswith("nd") and len(word) > 4:
        out.append(word[:-2] + "nud")
    if _REPEATED.search(word):
        out += [_REPEATED.sub(r"\1\1", word), _REPEATED.sub(r"\1", word)]
    return out


#: Case endings added to a genitive stem (and the plural `-d`, partitive `-t`), longest
#: first: a form the dictionary lacks that is a form it knows plus one of them
#: (`madalamaks` = `madalama` + `-ks`, `remondimeest` = `remondimees` + `-t`) gets that form's lemma.
_CASE_ENDINGS = ("sse", "lt", "le", "st", "ks", "ni", "na", "ta", "ga", "l", "s", "d", "t")
#: A stem left by a case ending is at least this long (`kilost`: `kilo` + `-st`).
_CASE_STEM_MIN = 4


def _estonian() -> Lemmatizer:
    """simplemma, with participles taken to their verb and the clitic -gi/-ki removed.

    simplemma lists ``kirjutanud`` and ``valitud`` as lemmas of their own
    (adjectives) and ``teinud`` as ``teinu``; as a verb form they belong to
    ``kirjutama``, ``valima``, ``tegema``. The verb is the one the participle's
    paradigm mates (``teinuvat``, ``teinuks``; ``võetakse``, ``võeti``) have in
    the dictionary, else the lemma's stem plus ``-ma`` when the dictionary has
    that verb. A form the dictionary does not know that ends in the emphatic
    clitic (``punktigi``, ``tahavadki``) is looked up without it; else in the
    informal spellings of web text (:func:`informal_spellings`), else as a form it
    knows plus a case ending (:data:`_CASE_ENDINGS`).
    Measured on the UD dev set (site key F1): 0.849 -> 0.863 (stem plus -ma),
    0.863 -> 0.880 (paradigm mates, clitic), 0.880 -> 0.894 (spellings, case
    endings; README has both halves).
    """
    plain = lru_cache(maxsize=1 << 16)(_simplemma("et"))  # stems are looked up again under many endings

    def verb_of_participle(word: str) -> str | None:
        mates = _PARTICIPLE_MATES.get(word[-3:])
        if mates is None or len(word) < 5:
            return None
        votes = Counter(lemma for end in mates
                        if (lemma := plain(word[:-3] + end)) is not None and lemma.endswith("ma"))
        return votes.most_common(1)[0][0] if votes else None

    def lookup(word: str) -> str | None:
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
                    if _is_lemma(stem + tail, "et"):
                        return stem + tail
        return lemma

    def lemmatize(word: str) -> str | None:
        lemma = lookup(word)
        if lemma is not None:
            return lemma
        for variant in informal_spellings(word):
            if (lemma := lookup(variant)) is not None:
                return lemma
        for end in _CASE_ENDINGS:
            stem = word[: -len(end)]
            if word.endswith(end) and len(stem) >= _CASE_STEM_MIN and plain(stem) is not None:
                return lookup(stem)
        return None

    return lemmatize


#: Slovak adjective endings, longest first (the form without its ending is the adjective's stem).
_SLOVAK_ADJECTIVE_ENDINGS = ("ými", "ého", "ému", "ých", "ým", "ej", "om", "ou", "ý", "á", "é", "ú", "í")
#: Nouns in -osť (`nezamestnanosť`) also end in -ť but keep their negative prefix.
_SLOVAK_ABSTRACT_NOUN = "osť"


def _slovak() -> Lemmatizer:
    """simplemma, with negated verbs and nominalised adjectives taken to the plain lemma.

    simplemma lists a negated verb form under the negated infinitive
    (`nemajú` -> `nemať`, `nebudú` -> `nebyť`), so it never meets the rest of
    its verb; a form `ne-` + a form the dictionary knows, both verbs (lemma
    in -ť, not an -osť noun), gets the plain verb's lemma. An adjective form
    whose lemma is its own stem with the feminine or neuter ending
    (`vysoké`, `hlavnou` -> `vysoká`, `hlavná`: the nouns `vysoká` school,
    `hlavná` station) gets the masculine `-ý` when the dictionary has it.
    Measured on the UD dev set (site key F1, README has both halves):
    0.922 -> 0.937 (negation), -> 0.945 (adjectives).
    """
    plain = _simplemma("sk")

    def is_verb(lemma: str | None) -> bool:
        return lemma is not None and lemma.endswith("ť") and not lemma.endswith(_SLOVAK_ABSTRACT_NOUN)

    def lemmatize(word: str) -> str | None:
        lemma = plain(word)
        if lemma is None:
            return None
        if word.startswith("ne") and len(word) > 5 and is_verb(lemma):
            positive = plain(word[2:])
            if is_verb(positive):
                return positive
        for end in _SLOVAK_ADJECTIVE_ENDINGS:
            if word.endswith(end) and len(word) - len(end) >= 3:
                stem = word[: -len(end)]
                if lemma in (stem + "á", stem + "é") and _is_lemma(stem + "ý", "sk"):
                    return stem + "ý"
                break
        return lemma

    return lemmatize


# Morfeusz readings derived from a verb (gerund, active and passive participle)
# whose lemma is the verb, and which side wins when the dictionary also lists
# the noun or adjective they lexicalised (`działania`: `działanie` subst and
# `działać` ger; `mówiący`: adj and `mówić` pact). UD (PDB) keys active
# participles by their verb and lexicalised gerunds and passive participles as
# nouns/adjectives; chosen on half A of the UD dev set, README has both halves.
DERIVED_READINGS = {"pact": "verb", "ger": "lexeme", "ppas": "lexeme"}
#: A lexeme outweighs simplemma's choice only when it is this many times as frequent.
OVERRIDE_FACTOR = 3.0
#: Frequency decides only between readings of these classes (NKJP tags: nouns,
#: adjectives, verb forms): an uninflected word (particle, adverb, preposition,
#: pronoun) has one form, shared by its homograph, so its lexeme's frequency is unknown.
OPEN_CLASS_READINGS = frozenset({
    "subst", "depr", "adj", "adja", "adjp", "adjc", "fin", "bedzie", "praet", "impt", "imps", "inf",
    "pcon", "pant", "ger", "pact", "ppas", "winien",
})
FREQUENCY_LOCALES = ("pl",)


def frequency_path(locale: str) -> Path:
    """Lemma frequencies (Zipf) that choose among a form's dictionary readings."""
    return DATA_DIR / f"lemma-frequency-{locale}.json"


@lru_cache(maxsize=4)
def lemma_frequency(locale: str) -> dict[str, float]:
    """Zipf frequency of each lemma in running text (wordfreq, see :func:`.learn.learn_lemma_frequency`)."""
    path = frequency_path(locale)
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}


def morfeusz_readings(word: str) -> list[tuple[str, str]]:
    """``(lemma, tag class)`` of each Morfeusz reading of the whole word, in Morfeusz's order.

    Only readings of the whole word: Morfeusz also offers segmentations
    (`kiedyś` = `kiedy` + the clitic `-ś`), whose first segment is not the
    word's lemma. Lemmas lose their homonym mark (`zamek:S1`).
    """
    analyses = _morfeusz().analyse(word)
    end = max((r[1] for r in analyses), default=0)
    return [(r[2][1].split(":", 1)[0].lower(), r[2][2].split(":", 1)[0]) for r in analyses
            if r[0] == 0 and r[1] == end and r[2][2] != "ign"]


@lru_cache(maxsize=1 << 16)
def derived_from(lemma: str) -> frozenset[str]:
    """Verbs whose gerund or participle the citation form ``lemma`` is (`działanie` -> działać)."""
    return frozenset(verb for verb, tag in morfeusz_readings(lemma)
                     if tag in DERIVED_READINGS and verb != lemma)


def _lexemes(lemmas: list[str]) -> dict[str, str]:
    """Each lemma -> the head of its family: the verb a noun/adjective lemma derives from, if offered."""
    head = {lemma: lemma for lemma in lemmas}
    for lemma in lemmas:
        for verb in sorted(derived_from(lemma)):
            if verb in head:
                head[lemma] = verb
                break
    return head


def choose_reading(readings: list[tuple[str, str]], preferred: str | None,
                   frequency: Callable[[str], float]) -> str:
    """The lemma of a form among its dictionary readings (``(lemma, tag class)``, non-empty).

    1. A verb reached only through one kind of derived reading (gerund, active
       or passive participle) competes with the noun/adjective it lexicalised:
       :data:`DERIVED_READINGS` says which side stays.
    2. Among what is left, simplemma's lemma (``preferred``) if offered, else
       Morfeusz's first. Homographs of unrelated lexemes (`programowi`:
       program, dative, or programowy, plural) are then decided by frequency:
       another lexeme wins when it is more than :data:`OVERRIDE_FACTOR` times
       as frequent as the chosen one (``frequency``: lemma -> Zipf, counted
       over the forms only that lexeme has), and only when every reading
       left is of an inflected class (:data:`OPEN_CLASS_READINGS`).
    Measured (UD dev site F1, README): pl 0.913 (0.922) -> see README.
    """
    lemmas = list(dict.fromkeys(lemma for lemma, _ in readings))
    if len(lemmas) == 1:
        return lemmas[0]
    head = _lexemes(lemmas)
    dropped: set[str] = set()
    for verb in set(head.values()):
        members = [lemma for lemma in lemmas if head[lemma] == verb and lemma != verb]
        if verb not in lemmas or not members:
            continue
        kinds = {tag for lemma, tag in readings if lemma == verb}
        if len(kinds) == 1 and (kind := next(iter(kinds))) in DERIVED_READINGS:
            dropped.update(members if DERIVED_READINGS[kind] == "verb" else [verb])
    kept = [lemma for lemma in lemmas if lemma not in dropped]
    chosen = preferred if preferred in kept else kept[0]
    if any(tag not in OPEN_CLASS_READINGS for lemma, tag in readings if lemma in kept):
        return chosen  # `nie`: the particle, or `on`; no frequency of a one-form word to weigh
    head = _lexemes(kept)
    score: dict[str, float] = {}
    for lemma in kept:
        score[head[lemma]] = max(score.get(head[lemma], 0.0), frequency(lemma))
    best = max(score, key=lambda lexeme: (score[lexeme], -kept.index(lexeme)))
    if best != head[chosen] and score[best] > score[head[chosen]] + math.log10(OVERRIDE_FACTOR):
        family = [lemma for lemma in kept if head[lemma] == best]
        return preferred if preferred in family else family[0]
    return chosen


def _polish() -> Lemmatizer:
    fallback = _simplemma("pl")
    try:
        _morfeusz()
    except ImportError:
        # Morfeusz 2 publishes wheels for x86_64 (and macOS) only; elsewhere (Linux on
        # aarch64) Polish keys come from simplemma alone (UD dev F1 0.90 instead of 0.91).
        return fallback
    zipf = lemma_frequency("pl")

    def lemmatize(word: str) -> str | None:
        readings = morfeusz_readings(word)
        preferred = fallback(word)
        if readings:
            return choose_reading(readings, preferred, lambda lemma: zipf.get(lemma, 0.0))
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
        return lru_cache(maxsize=1 << 18)(_closed(_slovak()))
    return None
