"""Derivational families learned from an open lexicon, checked on UD and on a site's terms.

Issue 15's open point (session 8): `samoobsluha` / `samoobslužný` /
`samoobslužnosť`, `tagastama` / `tagastamine`, `zwrot` / `zwrócić` should meet in
search. This script learns pairs of lemma endings that join a noun, adjective or
verb to another part of speech of its family, from simplemma's lemmas (how many
stems have both endings) and a UD lemma list's parts of speech (which pairs join
different parts of speech), chosen on half A of the UD lemma pairs and checked on
half B; then lists what the pairs join among a built site's index terms, to read
for precision. Measured as a query-time expansion of kb-search and not shipped:
plugins/kb_generator/morphology/README.md, "Derivation and compounds".

    .venv/bin/python benchmarks/derivation_families.py --ud ../shared/eval/ud-dev [--site SITE] [--locales sk]
"""

from __future__ import annotations

import argparse
import json
import sys
import zlib
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kb_generator.morphology.folding import fold  # noqa: E402
from kb_generator.morphology.learn import simplemma_pairs  # noqa: E402

Family = tuple[str, str]

# Pairs of lemma endings that join a noun, adjective or verb lemma to another part of speech of its family
# (Slovak `-ost`/`-y`: dolezitost/dolezity, `-nie`/`-t`: meranie/merat; Estonian
# `-mine`/`-ma`). Counted on folded lemmas, so a stem alternation is part of the
# endings (`-ha`/`-zny`: samoobsluha/samoobsluzny, h -> z). Per language:
# (min_cross, min_lexicon, min_alternation): a pair is kept when at least
# min_cross lemma pairs of half A of the UD dev set (stems split by a hash) join
# two different parts of speech among NOUN/ADJ/VERB with it, at least twice as
# many as it joins within one part of speech or with an adverb
# (an adjective and its adverb count against), and at least
# min_lexicon lemma pairs of simplemma's dictionary share a stem of FAMILY_STEM
# letters with it; an alternation variant (one more stem letter on each side, two
# different consonants: `a`/`ny` -> `ha`/`zny`) when the same consonant pair
# varies at least FAMILY_ALTERNATION_BASES kept pairs and min_alternation
# dictionary pairs have it. Checked on half B and on the site vocabulary.
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
_CONTENT = ("NOUN", "ADJ", "VERB")
_VOWELS = frozenset("aeiouy")


def read_pos(path: Path) -> dict[str, str]:
    """Folded lemma -> its commonest UPOS among NOUN/ADJ/VERB/ADV, from `form lemma upos count` lines."""
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for line in path.read_text(encoding="utf-8").splitlines():
        fields = line.split("\t")
        if line.startswith("#") or len(fields) != 4:
            continue
        _, lemma, pos, count = fields
        if pos in (*_CONTENT, "ADV") and lemma.isalpha() and lemma == lemma.lower():
            counts[fold(lemma)][pos] += int(count)
    return {lemma: tally.most_common(1)[0][0] for lemma, tally in counts.items()}


def _ending_pairs(lemmas: Iterable[str]) -> Iterator[tuple[str, str, str]]:
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
    return "A" if zlib.crc32(stem[:FAMILY_STEM].encode("utf-8")) % 2 == 0 else "B"


def learn_families(locale: str, pos: dict[str, str], lemmas: Iterable[str] | None = None,
                   half: str = "A") -> list[Family]:
    """Ending pairs of derivational families, ``[ending, ending, min_stem]`` (see FAMILY_PARAMETERS)."""
    min_cross, min_lexicon, min_alternation = FAMILY_PARAMETERS.get(locale, (2, 10, 0))
    evidence: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    for stem, first, second in _ending_pairs(pos):
        if family_half(stem) != half:
            continue
        a, b = pos[stem + first], pos[stem + second]
        evidence[first, second]["cross" if a != b and a in _CONTENT and b in _CONTENT else "other"] += 1
    if lemmas is None:
        lemmas = {fold(lemma) for _, lemma in simplemma_pairs(locale)}
    support: Counter[tuple[str, str]] = Counter((first, second) for _, first, second in _ending_pairs(lemmas))
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
    return ranked


def relatives(families: Iterable[Family], key: str) -> list[str]:
    """Other keys of a key's family: one ending of a pair swapped for the other, both ways."""
    out: list[str] = []
    for first, second in families:
        for ending, other in ((first, second), (second, first)):
            if key.endswith(ending) and len(key) - len(ending) >= FAMILY_STEM:
                relative = key[:len(key) - len(ending)] + other
                if relative != key and relative not in out:
                    out.append(relative)
    return out


def check(pos: dict[str, str], families: list[Family]) -> dict[str, tuple[int, int]]:
    """Per half: UD lemma pairs the families join across parts of speech, and the others."""
    chosen = set(families)
    tally = {"A": [0, 0], "B": [0, 0]}
    for stem, first, second in _ending_pairs(pos):
        if (first, second) in chosen:
            a, b = pos[stem + first], pos[stem + second]
            tally[family_half(stem)][0 if a != b and a in _CONTENT and b in _CONTENT else 1] += 1
    return {half: (cross, other) for half, (cross, other) in tally.items()}


def site_joins(families: list[Family], terms: list[str]) -> list[str]:
    """`key~relative` for every two index terms a family joins (each pair once)."""
    known = set(terms)
    return [f"{term}~{relative}" for term in terms if term.isalpha()
            for relative in relatives(families, term) if relative in known and term < relative]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--ud", type=Path, required=True, help="folder of <locale>.tsv UD lemma lists")
    parser.add_argument("--site", type=Path, help="a built site: list what the families join among its terms")
    parser.add_argument("--locales", default="pl,et,sk")
    args = parser.parse_args()
    for locale in args.locales.split(","):
        pos = read_pos(args.ud / f"{locale}.tsv")
        families = learn_families(locale, pos)
        halves = check(pos, families)
        (a_cross, a_other), (b_cross, b_other) = halves["A"], halves["B"]
        print(f"{locale}: {len(families)} ending pairs; UD lemma pairs joined across / within"
              f" parts of speech: half A {a_cross} / {a_other}, half B {b_cross} / {b_other}")
        print("  " + " ".join(f"{first or '-'}/{second}" for first, second in families))
        if args.site:
            index = args.site / locale / "search" / "kb_index.json"
            terms = json.loads(index.read_text(encoding="utf-8"))["terms"]
            joins = site_joins(families, terms)
            print(f"  {len(joins)} term pairs joined among {len(terms)} terms: " + " ".join(joins))


if __name__ == "__main__":
    main()
