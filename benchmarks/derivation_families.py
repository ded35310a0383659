"""Derivational families learned from an open lexicon, checked on UD and on a site's terms.

Issue 15: `samoobsluha` / `samoobslužný` / `samoobslužnosť`, `tagastama` /
`tagastamine`, `zwrot` / `zwrócić` should meet in search. `kb-morphology learn
--families` learns pairs of lemma endings that join a noun, adjective or verb to
another part of speech of its family (kb_generator.morphology.learn: simplemma's
lemmas for how many stems have both endings, a UD lemma list's parts of speech for
which pairs join different parts of speech, chosen on half A of the UD lemma
pairs); the rule table ships them as `families`, and kb-search meets a word's
relatives at query time (plugins/kb_generator/morphology/README.md, "Derivation
and compounds"). This script learns them again and prints what they join: UD lemma
pairs of half A and of held-out half B, across parts of speech and within one, and
with `--site` the pairs of a built site's index terms, to read for precision.

    .venv/bin/python benchmarks/derivation_families.py --ud ../shared/eval/ud-dev [--site SITE] [--locales sk]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kb_generator.morphology.learn import (  # noqa: E402
    CONTENT_POS,
    ending_pairs,
    family_half,
    learn_families,
    read_pos,
)
from kb_generator.morphology.rules import parse_table  # noqa: E402
from kb_generator.morphology.stemmer import relatives  # noqa: E402

Family = Sequence[object]  # [ending, ending, min_stem], as the table holds it


def check(pos: dict[str, str], families: list[Family]) -> dict[str, tuple[int, int]]:
    """Per half: UD lemma pairs the families join across parts of speech, and the others."""
    chosen = {(str(first), str(second)) for first, second, *_ in families}
    tally = {"A": [0, 0], "B": [0, 0]}
    for stem, first, second in ending_pairs(pos):
        if (first, second) in chosen:
            a, b = pos[stem + first], pos[stem + second]
            tally[family_half(stem)][0 if a != b and a in CONTENT_POS and b in CONTENT_POS else 1] += 1
    return {half: (cross, other) for half, (cross, other) in tally.items()}


def site_joins(locale: str, families: list[Family], terms: list[str]) -> list[str]:
    """`key~relative` for every two index terms a family joins (each pair once), as search relates them."""
    table = parse_table({"locale": locale, "min_length": 1, "families": [list(f) for f in families]})
    known = set(terms)
    return [f"{term}~{relative}" for term in terms if term.isalpha()
            for relative in relatives(table, term) if relative in known and term < relative]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--ud", type=Path, required=True, help="folder of <locale>.tsv UD lemma lists")
    parser.add_argument("--site", type=Path, help="a built site: list what the families join among its terms")
    parser.add_argument("--locales", default="pl,et,sk")
    args = parser.parse_args()
    for locale in args.locales.split(","):
        pos = read_pos(args.ud / f"{locale}.tsv")
        families: list[Family] = list(learn_families(locale, pos))
        halves = check(pos, families)
        (a_cross, a_other), (b_cross, b_other) = halves["A"], halves["B"]
        print(f"{locale}: {len(families)} ending pairs; UD lemma pairs joined across / within"
              f" parts of speech: half A {a_cross} / {a_other}, half B {b_cross} / {b_other}")
        print("  " + " ".join(f"{first or '-'}/{second}" for first, second, *_ in families))
        if args.site:
            index = args.site / locale / "search" / "kb_index.json"
            terms = json.loads(index.read_text(encoding="utf-8"))["terms"]
            joins = site_joins(locale, families, terms)
            print(f"  {len(joins)} term pairs joined among {len(terms)} terms: " + " ".join(joins))


if __name__ == "__main__":
    main()
