"""Learn a ``data/<locale>.json`` rule table from a form -> lemma lexicon.

Why learned: hand-tuned suffix lists sat at Snowball's level on independent
gold data (UD dev sets), while lemmatisers built from dictionaries were far
ahead. This module turns a dictionary into the table shape our interpreter
already runs in Python and JavaScript ("longest matching suffix ->
replacement", what LemmaGen learns), so the browser keeps computing a lemma
for any word, including words the site does not contain.

Algorithm: every pair (form, lemma) is an edit "drop the last ``k``
characters, append ``tail``". For each word end (context) of up to
``max_context`` characters that contains the dropped part, the most frequent
edit is counted. A context becomes a rule when at least ``min_count``
dictionary forms end with it and its edit differs from the one the nearest
shorter rule would apply, so the table holds only the decisions that matter.

The lexicon is simplemma's dictionary for the language (run offline by a
maintainer: ``kb-morphology learn --locale pl``; simplemma is not needed to
build a site). See README.md beside this file for licences.
"""

from __future__ import annotations

import importlib
import json
import math
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from .rules import DATA_DIR

__all__ = [
    "CONTENT_POS",
    "FAMILY_PARAMETERS",
    "FREQUENCY_FLOOR",
    "LEARNED_STEP",
    "PARAMETERS",
    "SHORT",
    "SITE_LEMMAS",
    "WEIGHTED",
    "ending_pairs",
    "family_half",
    "frequency_weight",
    "learn_families",
    "learn_lemma_frequency",
    "learn_rules",
    "learn_table",
    "read_pos",
    "simplemma_pairs",
    "site_lemma_pairs",
    "write_lemma_frequency",
    "write_table",
]

LEARNED_STEP = "learned"
# Per language: (max_context, min_count), chosen by measurement on one half of
# the UD dev sets (README): the query key's F1 against the gzipped table size.
# et (7, 12) -> (7, 4): query F1 0.734 -> 0.754, 43 -> 89 kB; sk (7, 3) -> (8, 2):
# 0.876 -> 0.884, 43 -> 79 kB; et (8, 4) gained 0.001 for 12 kB more: not taken.
# pl (7, 6) -> (7, 4) with frequency weights (below): 0.860 -> 0.872, 88 -> 143 kB.
PARAMETERS: dict[str, tuple[int, int]] = {"pl": (7, 4), "et": (7, 4), "sk": (8, 2)}
# Languages whose rules weight each dictionary form by 1 + its Zipf frequency
# (wordfreq 3.1.1, the `learn` extra; it has no Estonian). Type counts alone
# let verbs, with many forms each, decide word ends that in running text are
# mostly adjectives (`-ną` -> `-nąć` for `własną`). Measured on half A of the
# UD dev set, pl query F1 at (7, 6): 0.876 -> 0.881 (half B 0.908 -> 0.909).
WEIGHTED = frozenset({"pl"})
# Per language: whole dictionary forms of at most this many letters become
# rules even when fewer than min_count forms end with them. Short forms are the
# frequent, irregular ones (Estonian `teeb`, `läks`, `on`, `sai` of tegema,
# minema, olema, saama) that no word end predicts, and a visitor types them.
# Chosen on half A of the UD dev set against the gzipped table (README).
SHORT: dict[str, int] = {"et": 6}
# Languages whose rules learn, for each dictionary form, the lemma the build
# gives it (:func:`.lemmas.site_lemmatizer`; simplemma's where it gives none)
# instead of simplemma's: the browser then guesses what the build keys. For
# Polish the build's choice among Morfeusz's readings differs from simplemma's
# for participles, gerunds and homographs (session 6). Measured on the UD dev
# set, pl query F1 0.882 -> 0.886 (half A 0.901 -> 0.904, half B 0.925 ->
# 0.928), +3 kB gzipped; learning takes about 45 minutes (every form is
# analysed by Morfeusz). Estonian and Slovak: measured in session 5, no gain.
SITE_LEMMAS = frozenset({"pl"})
# A context may be the whole word: short lemmas (`typ`, `rok`, `stav`) then keep
# themselves instead of taking the edit of longer words with their ending
# (`rok` -> `rka`). Measured (UD dev, query key): pl 0.857 -> 0.860,
# et 0.719 -> 0.734, sk 0.869 -> 0.876.
MIN_STEM = 0
# Derivational families that should share one key, applied to lemmas after
# the learned step (and to dictionary lemmas at build time). Measured and
# left empty: Estonian action nouns as their verb (tagastamine -> tagastama)
# cost UD F1 0.849 -> 0.828 and glossary precision 0.978 (kliendid lahkuvad
# linked to `klientide lahkumine`); search meets them by query-time
# expansion instead (`siblings` in plugins/kb_generator/search/assets/engine.js).
DERIVATIONS: dict[str, list[list[Any]]] = {}

Edit = tuple[int, str]


def simplemma_pairs(locale: str) -> Iterator[tuple[str, str]]:
    """Lowercased alphabetic (form, lemma) pairs of simplemma's dictionary."""
    from simplemma.strategies.dictionaries import DefaultDictionaryFactory

    dictionary = DefaultDictionaryFactory().get_dictionary(locale)
    for form, lemma in dictionary.items():
        form, lemma = str(form).lower(), str(lemma).lower()
        if len(form) >= 2 and form.isalpha() and lemma.isalpha():
            yield form, lemma


def site_lemma_pairs(locale: str) -> Iterator[tuple[str, str]]:
    """simplemma's (form, lemma) pairs with the lemma the build gives the form, where it gives one."""
    from .lemmas import site_lemmatizer

    lemmatize = site_lemmatizer(locale)
    for form, lemma in simplemma_pairs(locale):
        site = lemmatize(form) if lemmatize is not None else None
        yield form, site if site is not None and site.isalpha() else lemma


def frequency_weight(locale: str) -> Callable[[str], float]:
    """1 + the form's Zipf frequency in running text (0 for unseen forms, about 7 for the commonest)."""
    try:
        wordfreq = importlib.import_module("wordfreq")
    except ImportError as error:
        raise SystemExit(f"learning {locale!r} rules needs wordfreq: pip install -e '.[learn]'") from error
    return lambda form: 1.0 + float(wordfreq.zipf_frequency(form, locale))


def _edit(form: str, lemma: str) -> Edit:
    common = 0
    limit = min(len(form), len(lemma))
    while common < limit and form[common] == lemma[common]:
        common += 1
    return len(form) - common, lemma[common:]


def learn_rules(
    pairs: Iterable[tuple[str, str]], max_context: int = 7, min_count: int = 3,
    weight: Callable[[str], float] | None = None, short: int = 0,
) -> list[list[Any]]:
    """``[suffix, replacement, min_stem]`` rules, sorted by suffix, from (form, lemma) pairs.

    ``weight(form)`` (default 1) lets frequent forms count for more when the
    edit of a word end is chosen; ``min_count`` still counts dictionary forms.
    ``short``: a whole dictionary form of at most this many letters is a
    context even when fewer than ``min_count`` forms end with it (see SHORT).
    """
    counts: dict[str, dict[Edit, float]] = defaultdict(lambda: defaultdict(float))
    forms: Counter[str] = Counter()
    whole: set[str] = set()
    for form, lemma in pairs:
        if len(form) <= min(short, max_context):
            whole.add(form)
        edit = _edit(form, lemma)
        w = 1.0 if weight is None else weight(form)
        for n in range(max(edit[0], 1), min(max_context, len(form) - MIN_STEM) + 1):
            counts[form[-n:]][edit] += w
            forms[form[-n:]] += 1
    rules: dict[str, Edit] = {}
    for context in sorted(counts, key=lambda c: (len(c), c)):
        edits = counts[context]
        if forms[context] < min_count and context not in whole:
            continue
        best = max(edits.items(), key=lambda item: (item[1], -item[0][0], item[0][1]))[0]
        inherited: Edit = (0, "")
        for start in range(1, len(context)):
            if context[start:] in rules:
                inherited = rules[context[start:]]
                break
        if best != inherited:
            rules[context] = best
    return [[c, c[: len(c) - drop] + tail, MIN_STEM] for c, (drop, tail) in sorted(rules.items())]


def learn_table(locale: str, pairs: Iterable[tuple[str, str]] | None = None,
                weight: Callable[[str], float] | None = None) -> dict[str, Any]:
    """A complete rule table for a locale (simplemma's dictionary unless ``pairs`` given)."""
    max_context, min_count = PARAMETERS.get(locale, (7, 3))
    # Exceptions are hand-kept fixes (README: "A word keyed wrongly"): relearning keeps them.
    current = DATA_DIR / f"{locale}.json"
    exceptions: dict[str, str] = {}
    families: list[list[Any]] = []
    if current.exists():
        kept = json.loads(current.read_text(encoding="utf-8"))
        exceptions, families = kept.get("exceptions", {}), kept.get("families", [])
    if weight is None and locale in WEIGHTED:
        weight = frequency_weight(locale)
    if pairs is not None:
        source = pairs
    else:
        source = site_lemma_pairs(locale) if locale in SITE_LEMMAS else simplemma_pairs(locale)
    short = SHORT.get(locale, 0)
    rules = learn_rules(source, max_context, min_count, weight, short)
    return {
        "locale": locale,
        "description": (
            "Lemmatisation rules learned by plugins/kb_generator/morphology/learn.py"
            f" (max_context {max_context}, min_count {min_count}"
            + (f", whole forms up to {short} letters" if short else "")
            + (", forms weighted by wordfreq 3.1.1 frequency" if locale in WEIGHTED else "") + ")"
            f" from the simplemma 2.0.0 dictionary for {locale!r}"
            + (" (each form's lemma as the build gives it: Morfeusz 2 readings)" if locale in SITE_LEMMAS
               and pairs is None else "")
            + "; see"
            " plugins/kb_generator/morphology/README.md for the sources and their licences."
        ),
        "min_length": 3,
        "exceptions": dict(sorted(exceptions.items())),
        **({"families": families} if families else {}),
        "steps": [{"name": LEARNED_STEP, "note": "form end -> lemma end, longest match", "rules": rules}]
        + ([{"name": "derivation", "note": "action noun -> verb (search families)",
             "rules": DERIVATIONS[locale]}] if locale in DERIVATIONS else []),
    }


#: Lemmas rarer than this (Zipf) are left out of the frequency table: a lexeme missing
#: from it counts as 0, and the choice among readings was the same on the UD dev set
#: with all 75,558 lemmas (1.2 MB) as with these 31,423 (470 kB).
FREQUENCY_FLOOR = 2.5


def learn_lemma_frequency(locale: str) -> dict[str, float]:
    """Zipf frequency of each lemma: the frequency of the forms only that lexeme has.

    Every word of wordfreq's list for the language is analysed by Morfeusz; a
    word whose readings all belong to one lexeme (a lemma, or a noun/adjective
    and the verb it was derived from: `działania`) counts for that lemma, an
    ambiguous word (`programowi`: program or programowy) for none, so a verb
    does not win a homograph with the frequency of the forms it shares.
    """
    from .lemmas import derived_from, morfeusz_readings

    try:
        wordfreq = importlib.import_module("wordfreq")
    except ImportError as error:
        raise SystemExit(f"learning {locale!r} frequencies needs wordfreq: "
                         "pip install -e '.[learn]'") from error
    total: dict[str, float] = defaultdict(float)
    for word, frequency in wordfreq.get_frequency_dict(locale).items():
        if not word.isalpha():
            continue
        lemmas = {lemma for lemma, _ in morfeusz_readings(word)}
        for lemma in lemmas:
            if lemmas <= {lemma} | derived_from(lemma):
                total[lemma] += frequency
    zipf = {lemma: round(math.log10(f) + 9, 1) for lemma, f in total.items()}
    return {lemma: z for lemma, z in sorted(zipf.items()) if z >= FREQUENCY_FLOOR}


def write_lemma_frequency(locale: str, zipf: dict[str, float]) -> Path:
    """One lemma a line, sorted: stable diffs when relearned."""
    from .lemmas import frequency_path

    path = frequency_path(locale)
    lines = [json.dumps(lemma, ensure_ascii=False) + f": {z}" for lemma, z in zipf.items()]
    path.write_text("{\n" + ",\n".join(lines) + "\n}\n", encoding="utf-8")
    return path


def write_table(locale: str, table: dict[str, Any], folder: Path = DATA_DIR) -> Path:
    """Write a table as compact, stable JSON (one rule per line keeps diffs readable)."""
    head = {k: v for k, v in table.items() if k != "steps"}
    lines = [json.dumps(head, ensure_ascii=False)[:-1] + ', "steps": [']
    for s, step in enumerate(table["steps"]):
        meta = json.dumps({k: v for k, v in step.items() if k != "rules"}, ensure_ascii=False)[:-1]
        lines.append(meta + ', "rules": [')
        rules = step["rules"]
        lines += [json.dumps(r, ensure_ascii=False) + ("," if i < len(rules) - 1 else "") for i, r in
                  enumerate(rules)]
        lines.append("]}" + ("," if s < len(table["steps"]) - 1 else ""))
    lines.append("]}")
    path = folder / f"{locale}.json"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


# Derivational families (search only, query time): pairs of lemma endings that
# join a noun, adjective or verb lemma to another part of speech of its family
# (Slovak `-ost`/`-y`: dolezitost/dolezity, `-nie`/`-t`: meranie/merat; Estonian
# `-mine`/`-ma`). Counted on folded lemmas, so a stem alternation is part of the
# endings (`-ha`/`-zny`: samoobsluha/samoobsluzny, h -> z). Per language:
# (min_cross, min_lexicon, min_alternation): a pair is kept when at least
# min_cross lemma pairs of half A of the UD dev set (stems split by a hash) join
# two different parts of speech among NOUN/ADJ/VERB with it, at least twice as
# many as it joins within one part of speech or with an adverb
# (`automaticky`/`automaticky`-adverb pairs count against), and at least
# min_lexicon lemma pairs of simplemma's dictionary share a stem of FAMILY_STEM
# letters with it; an alternation variant (one more stem letter on each side, two
# different consonants: `a`/`ny` -> `ha`/`zny`) when the same consonant pair
# varies at least FAMILY_ALTERNATION_BASES kept pairs and min_alternation
# dictionary pairs have it. Checked on half B and on the site vocabulary
# (benchmarks/derivation_families.py; README "Derivation and compounds").
FAMILY_PARAMETERS: dict[str, tuple[int, int, int]] = {
    "pl": (2, 10, 0), "et": (2, 10, 0), "sk": (2, 10, 5),
}
FAMILY_STEM = 4
FAMILY_ENDING = 4
FAMILY_ALTERNATION_BASES = 3
# Both endings of a pair together at least this long: a single letter is an
# inflection ending as often as a suffix (Slovak `hodi`/`hodit`, Estonian
# `kaheks`/`kaheksa`, `interne`/`internet`, read on the bundled site's terms).
FAMILY_ENDINGS = 2
CONTENT_POS = ("NOUN", "ADJ", "VERB")
_VOWELS = frozenset("aeiouy")


def read_pos(path: Path) -> dict[str, str]:
    """Folded lemma -> its commonest UPOS among NOUN/ADJ/VERB/ADV, from `form lemma upos count` lines."""
    from .folding import fold

    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for line in path.read_text(encoding="utf-8").splitlines():
        fields = line.split("\t")
        if line.startswith("#") or len(fields) != 4:
            continue
        _, lemma, pos, count = fields
        if pos in (*CONTENT_POS, "ADV") and lemma.isalpha() and lemma == lemma.lower():
            counts[fold(lemma)][pos] += int(count)
    return {lemma: tally.most_common(1)[0][0] for lemma, tally in counts.items()}


def ending_pairs(lemmas: Iterable[str]) -> Iterator[tuple[str, str, str]]:
    """(stem, ending, ending) of every two lemmas whose longest common prefix is the stem."""
    by_stem: dict[str, list[str]] = defaultdict(list)
    for lemma in lemmas:
        for cut in range(FAMILY_ENDING + 1):
            if len(lemma) - cut >= FAMILY_STEM:
                by_stem[lemma[:len(lemma) - cut]].append(lemma[len(lemma) - cut:])
    for stem, endings in by_stem.items():
        for i, first in enumerate(endings):
            for second in endings[i + 1:]:
                if first[:1] != second[:1]:
                    yield stem, *sorted((first, second))  # type: ignore[misc]


def family_half(stem: str) -> str:
    """Half A or B of a lemma pair, by a hash of the first FAMILY_STEM letters of its stem."""
    import zlib

    return "A" if zlib.crc32(stem[:FAMILY_STEM].encode("utf-8")) % 2 == 0 else "B"


def learn_families(locale: str, pos: dict[str, str], lemmas: Iterable[str] | None = None,
                   half: str = "A") -> list[list[Any]]:
    """Ending pairs of derivational families, ``[ending, ending, min_stem]`` (see FAMILY_PARAMETERS)."""
    from .folding import fold

    min_cross, min_lexicon, min_alternation = FAMILY_PARAMETERS.get(locale, (2, 10, 0))
    evidence: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    for stem, first, second in ending_pairs(pos):
        if family_half(stem) != half:
            continue
        a, b = pos[stem + first], pos[stem + second]
        evidence[first, second]["cross" if a != b and a in CONTENT_POS and b in CONTENT_POS else "other"] += 1
    if lemmas is None:
        lemmas = {fold(lemma) for _, lemma in simplemma_pairs(locale)}
    support: Counter[tuple[str, str]] = Counter((first, second) for _, first, second in ending_pairs(lemmas))
    kept = {pair for pair, tally in evidence.items()
            if tally["cross"] >= min_cross and tally["cross"] >= 2 * tally["other"]
            and support[pair] >= min_lexicon}
    variants: dict[tuple[str, str], tuple[str, str]] = {}
    bases: dict[tuple[str, str], set[tuple[str, str]]] = defaultdict(set)
    for (first, second), count in support.items():
        if not min_alternation or count < min_alternation or len(first) < 2 or len(second) < 2:
            continue
        base = (first[1:], second[1:])
        letters = (first[0], second[0])
        if base in kept and all(base) and letters[0] != letters[1] and not _VOWELS & set(letters):
            variants[first, second] = base
            bases[letters].add(base)
    chosen = kept | {pair for pair in variants
                     if len(bases[pair[0][0], pair[1][0]]) >= FAMILY_ALTERNATION_BASES}
    chosen = {pair for pair in chosen if len(pair[0]) + len(pair[1]) >= FAMILY_ENDINGS}
    ranked = sorted(chosen, key=lambda pair: (-support[pair], pair))
    return [[first, second, FAMILY_STEM] for first, second in ranked]
