#!/usr/bin/env python3
"""Morphology quality per language: our core vs Snowball vs plain folding.

Prints, for each language, how many evaluation groups merge completely
(all inflected forms one key) and how many different-word pairs collide
(false merges), using tests/morphology/eval_groups.json. Snowball columns
appear only if `snowballstemmer` is installed (it has no Slovak). "core" is
the site key (dictionary lemmas at build time), "rules" the learned rule
table alone (what the browser has for a word the site does not contain,
before the bridge). Independent figures: ../shared/eval/morph_ud.py.

With --ud, scores the UD dev sets instead (../shared/eval/morph_ud.py's
load/score/cross: site key and query key), on the whole set and on two
halves split by a hash of the lemma: tune on half A, report half B, so a
change fitted to the dev words shows up as a gap between the halves.

Usage: python benchmarks/morphology_eval.py [--ud]
"""

from __future__ import annotations

import hashlib
import importlib
import json
import sys
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kb_generator.morphology import SUPPORTED_LOCALES, Analyzer, analyzer, fold, load_table  # noqa: E402

GROUPS = ROOT / "tests" / "morphology" / "eval_groups.json"
SNOWBALL = {"pl": "polish", "et": "estonian"}

Keyer = Callable[[str], str]


def snowball(locale: str) -> Keyer | None:
    """Snowball stemmer + folding, or None when unavailable for the language."""
    try:
        import snowballstemmer  # type: ignore[import-not-found]
    except ImportError:
        return None
    name = SNOWBALL.get(locale)
    if name is None or name not in snowballstemmer.algorithms():
        return None
    stemmer = snowballstemmer.stemmer(name)
    return lambda word: fold(stemmer.stemWord(word.lower()))


def score(keyer: Keyer, groups: dict[str, list[list[str]]]) -> tuple[int, int]:
    """(groups fully merged, distinct pairs that collide)."""
    merged = sum(1 for group in groups["merge"] if len({keyer(w) for w in group}) == 1)
    false = sum(1 for a, b in groups["distinct"] if keyer(a) == keyer(b))
    return merged, false


def ud_halves() -> int:
    """Site and query key F1 (precision) on the UD dev sets: all forms, half A, half B."""
    eval_dir = ROOT.parent / "shared" / "eval"
    sys.path.insert(0, str(eval_dir))
    morph_ud = importlib.import_module("morph_ud")
    from kb_generator.morphology.cli import query_keys, site_keys

    def half(lemma: str) -> str:
        return "AB"[int(hashlib.md5(lemma.encode()).hexdigest(), 16) % 2]

    print(f"{'lang':<5}{'part':<6}{'forms':>6}  {'site F1 (P)':>14}  {'query F1 (P)':>14}")
    for locale in SUPPORTED_LOCALES:
        gold = morph_ud.load(locale, eval_dir / "ud-dev")
        for part in ("all", "A", "B"):
            subset = {f: lemma for f, lemma in gold.items() if part == "all" or half(lemma) == part}
            forms = sorted(subset)
            site = dict(zip(forms, site_keys(forms, locale), strict=True))
            s = morph_ud.score(subset, site)
            q = morph_ud.cross(subset, site, dict(zip(forms, query_keys(forms, locale), strict=True)))
            print(f"{locale:<5}{part:<6}{len(forms):>6}  {s['f1']:>7.3f} ({s['precision']:.3f})"
                  f"  {q['f1']:>7.3f} ({q['precision']:.3f})")
    return 0


def main() -> int:
    if "--ud" in sys.argv[1:]:
        return ud_halves()
    data = json.loads(GROUPS.read_text(encoding="utf-8"))
    header = (f"{'lang':<5} {'groups':>6} {'pairs':>5}  {'core':>9}  {'rules':>9}  {'fold only':>9}"
              f"  {'snowball':>9}")
    print(header)
    for locale in SUPPORTED_LOCALES:
        groups = data[locale]
        columns: list[Keyer | None] = [
            analyzer(locale).key, Analyzer(load_table(locale)).key, fold, snowball(locale)]
        cells = []
        for keyer in columns:
            if keyer is None:
                cells.append(f"{'n/a':>9}")
                continue
            merged, false = score(keyer, groups)
            cells.append(f"{merged:>3}/{false:<2} FM".rjust(9))
        print(f"{locale:<5} {len(groups['merge']):>6} {len(groups['distinct']):>5}  " + "  ".join(cells))
    print("cells: groups merged / false merges among the different-word pairs")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
