"""How much glossary linking adds to a full build, and peak memory.

Builds each site three ways, each build in a fresh process: plain Material +
static-i18n, ours without kb-glossary (and without the glossary pages), ours
with it; on the bundled site and on a synthetic corpus (300 articles and 200
glossary terms per language by default). N rounds, the three variants
interleaved in a rotating order; the glossary's share is the median over the
rounds of ours / ours-without-glossary built in the same round. Target:
glossary <= 15% of the build, peak RSS < 1.5 GB.

    .venv/bin/python benchmarks/glossary_overhead.py [--articles 300] [--terms 200] [--runs 5]
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import yaml
from corpus import ROOT, make_corpus
from scale import build  # wall seconds and peak PSS (MB) of the whole process tree


def rounds(variants: dict[str, Path], runs: int) -> dict[str, list[tuple[float, float]]]:
    """(seconds, peak MB) of each variant, `runs` rounds with the variants interleaved.

    Interleaving (a different order each round) lets a slow spell of the machine
    hit every variant alike instead of whichever ran during it.
    """
    results: dict[str, list[tuple[float, float]]] = {name: [] for name in variants}
    names = list(variants)
    with tempfile.TemporaryDirectory() as site:
        for number in range(runs):
            order = names[number % len(names):] + names[:number % len(names)]
            for name in order:
                results[name].append(build(variants[name], Path(site) / "site"))
    return results


def bundled_variants(work: Path) -> dict[str, Path]:
    """mkdocs.yml variants of the bundled site (same docs, same options)."""
    base = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8").replace("!!", ""))
    files = {}
    for variant in ("plain", "ours-no-glossary", "ours"):
        data = dict(base)
        data["docs_dir"] = str(ROOT / "docs")
        if variant == "plain":
            data["plugins"] = [p for p in base["plugins"] if p == "search" or (
                isinstance(p, dict) and "i18n" in p)]
        elif variant == "ours-no-glossary":
            data["plugins"] = [p for p in base["plugins"] if p != "kb-glossary"]
            data["exclude_docs"] = "glossary.yml\nslowniczek.md\nsonastik.md\nslovnik.md\n"
        path = work / f"mkdocs-bundled-{variant}.yml"
        path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
        files[variant] = path
    return files


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--terms", type=int, default=200)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    work = ROOT / ".cache" / "bench"
    work.mkdir(parents=True, exist_ok=True)
    corpus = make_corpus(work / f"corpus-{args.articles}", args.articles, args.terms)
    sites = {
        "bundled site": bundled_variants(work),
        f"corpus {args.articles}/lang, {args.terms} terms": {
            v: corpus / f"mkdocs-{v}.yml" for v in ("plain", "ours-no-glossary", "ours")},
    }
    print(f"{'site':<34}{'variant':<18}{'best s':>8}{'median s':>9}{'peak MB':>9}{'vs plain':>9}")
    for name, variants in sites.items():
        results = rounds(variants, args.runs)
        plain = min(seconds for seconds, _ in results["plain"])
        for variant, runs in results.items():
            best = min(seconds for seconds, _ in runs)
            print(f"{name:<34}{variant:<18}{best:>8.2f}{statistics.median(s for s, _ in runs):>9.2f}"
                  f"{max(peak for _, peak in runs):>9.0f}{best / plain:>8.2f}x")
        # Per round, ours against ours without the glossary, built one after the other.
        ratios = [with_glossary / without for (with_glossary, _), (without, _)
                  in zip(results["ours"], results["ours-no-glossary"], strict=True)]
        best_ratio = min(s for s, _ in results["ours"]) / min(s for s, _ in results["ours-no-glossary"])
        print(f"{name:<34}{'glossary adds':<18}{(statistics.median(ratios) - 1) * 100:>7.1f}% median of "
              f"{len(ratios)} rounds ({(min(ratios) - 1) * 100:.1f}% to {(max(ratios) - 1) * 100:.1f}%; "
              f"best against best {(best_ratio - 1) * 100:.1f}%); target <= 15%, "
              f"peak {max(peak for _, peak in results['ours']):.0f} MB, target < 1536 MB")
    shutil.rmtree(work / "site", ignore_errors=True)


if __name__ == "__main__":
    main()
