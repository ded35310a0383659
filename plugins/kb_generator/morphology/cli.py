"""``kb-morphology``: keys from the command line, and the rule-table learner.

``kb-morphology keys --locale pl`` reads words (one per line) on stdin and
prints one key per line, in order: the key the word gets when it appears on
the site (the input words are the site's vocabulary). With ``--query`` each
word is instead a visitor's word that the site does not contain: its key is
what the browser computes from the shipped tables of a site made of *the
other* input words (leave-one-out), so a word never meets itself through
its own entry. ``kb-morphology learn --locale pl`` rewrites
``data/pl.json`` from simplemma's dictionary (maintainers only).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from collections.abc import Sequence
from pathlib import Path

from .folding import fold
from .rules import DATA_DIR, SUPPORTED_LOCALES, base_locale
from .stemmer import analyzer, browser_key, elect

__all__ = ["main", "query_keys", "site_keys"]


def site_keys(words: Sequence[str], locale: str) -> list[str]:
    """Key of each word as a word of the site."""
    core = analyzer(locale)
    return [core.key(word) if word else "" for word in words]


def query_keys(words: Sequence[str], locale: str) -> list[str]:
    """Browser key of each word, taken as absent from a site made of the other words.

    Mirrors :meth:`Analyzer.browser_tables` and the browser's term list: the
    word's own bridge votes, site key and folded form are removed before its
    guesses are looked up, and it has no lexicon entry.
    """
    core = analyzer(locale)
    site = core.site_forms(word for word in words if word)
    tally: dict[str, Counter[str]] = defaultdict(Counter)
    own = {form: core.votes(form, site_key) for form, site_key in site.items()}
    for cast in own.values():
        for rule, target in cast:
            tally[rule][target] += 1
    # The index's terms: every site key and every folded form.
    terms = Counter(site.values()) + Counter(fold(form) for form in site)
    out = []
    for word in words:
        form = word.lower()
        if not word or form not in site:
            out.append(core.key(word) if word else "")
            continue
        mine = Counter({site[form]: 1}) + Counter({fold(form): 1})

        def bridged(rule: str, form: str = form) -> str | None:
            counts = tally[rule].copy()
            for voted, target in own[form]:
                if voted == rule:
                    counts[target] -= 1
            return elect(rule, counts)

        def known(term: str, mine: Counter[str] = mine) -> bool:
            return terms[term] > mine[term]

        out.append(browser_key(core.rule_keys(form), bridged, known))
    return out


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="kb-morphology", description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    keys = commands.add_parser("keys", help="print one key per word read on stdin")
    keys.add_argument("--locale", required=True, help="pl, et, sk (others: lowercase + fold)")
    keys.add_argument("--query", action="store_true",
                      help="key a visitor's word the site does not contain (the browser's key)")
    learn = commands.add_parser("learn", help="rewrite data/<locale>.json from simplemma's dictionary")
    learn.add_argument("--locale", required=True, choices=SUPPORTED_LOCALES)
    learn.add_argument("--frequency-only", action="store_true",
                       help="only the lemma frequencies that choose among Polish readings")
    learn.add_argument("--families", metavar="UD_TSV",
                       help="only the derivational families, with the parts of speech of a UD lemma list "
                            "(form, lemma, upos, count per line)")
    relatives = commands.add_parser(
        "relatives", help="print the derivational relatives each key read on stdin has among the others")
    relatives.add_argument("--locale", required=True, help="pl, et, sk")
    args = parser.parse_args(argv)
    locale = base_locale(args.locale)
    if args.command == "learn":
        from . import lemmas
        from .learn import (
            learn_families,
            learn_lemma_frequency,
            learn_table,
            read_pos,
            write_lemma_frequency,
            write_table,
        )
        from .lemmas import FREQUENCY_LOCALES

        # Learning looks up every dictionary form: simplemma's in-memory dictionaries give
        # the same answers as the streamed ones, about four times as fast (pl: 12 min, not 47).
        lemmas.LOW_MEMORY = False
        if args.families:
            table = json.loads((DATA_DIR / f"{locale}.json").read_text(encoding="utf-8"))
            table["families"] = learn_families(locale, read_pos(Path(args.families)))
            print(f"wrote {write_table(locale, table)} ({len(table['families'])} families)")
            return 0
        if not args.frequency_only:
            print(f"wrote {write_table(locale, learn_table(locale))}")
        if locale in FREQUENCY_LOCALES:
            print(f"wrote {write_lemma_frequency(locale, learn_lemma_frequency(locale))}")
        return 0
    words = [line.strip() for line in sys.stdin.read().splitlines()]
    if args.command == "relatives":
        known = set(words)
        core = analyzer(locale)
        for word in words:
            joined = [other for other in core.relatives(word) if other in known]
            if joined:
                print(word, " ".join(joined))
        return 0
    result = query_keys(words, locale) if args.query else site_keys(words, locale)
    sys.stdout.write("".join(k + "\n" for k in result))
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
