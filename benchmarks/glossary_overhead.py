"""How much glossary linking adds to a full build, and peak memory.

Builds each site three ways, each build in a fresh process (best of N runs):
plain Material + static-i18n, ours without kb-glossary, ours with it; on the
bundled site and on a synthetic corpus (300 articles and 200 glossary terms
per language by default). Target: glossary <= 15% of the build, peak RSS
< 1.5 GB.

    .venv/bin/python benchmarks/glossary_overhead.py [--articles 300] [--terms 200] [--runs 2]
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import yaml
from corpus import ROOT, make_corpus


def build(config_file: Path, site: Path) -> tuple[float, float]:
    """Wall seconds and peak RSS (MB) of one `mkdocs build` in its own process."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    started = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config_file), "-d", str(site)],
        cwd=config_file.parent, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    if status != 0:
        raise SystemExit(f"build of {config_file} failed: {process.stderr.read().decode()[-2000:]}")
    return seconds, usage.ru_maxrss / 1024


def best(config_file: Path, runs: int) -> tuple[float, float]:
    results = []
    with tempfile.TemporaryDirectory() as site:
        for _ in range(runs):
            results.append(build(config_file, Path(site) / "site"))
    return min(r[0] for r in results), max(r[1] for r in results)


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
    parser.add_argument("--runs", type=int, default=2)
    args = parser.parse_args()
    work = ROOT / ".cache" / "bench"
    work.mkdir(parents=True, exist_ok=True)
    corpus = make_corpus(work / f"corpus-{args.articles}", args.articles, args.terms)
    sites = {
        "bundled site": bundled_variants(work),
        f"corpus {args.articles}/lang, {args.terms} terms": {
            v: corpus / f"mkdocs-{v}.yml" for v in ("plain", "ours-no-glossary", "ours")},
    }
    print(f"{'site':<34}{'variant':<18}{'wall s':>8}{'peak MB':>9}{'vs plain':>9}")
    for name, variants in sites.items():
        figures = {variant: best(path, args.runs) for variant, path in variants.items()}
        plain = figures["plain"][0]
        for variant, (seconds, peak) in figures.items():
            print(f"{name:<34}{variant:<18}{seconds:>8.2f}{peak:>9.0f}{seconds / plain:>8.2f}x")
        without, with_glossary = figures["ours-no-glossary"][0], figures["ours"][0]
        print(f"{name:<34}{'glossary adds':<18}{(with_glossary / without - 1) * 100:>7.1f}%"
              f"   (target <= 15%; peak {figures['ours'][1]:.0f} MB, target < 1536 MB)")
    shutil.rmtree(work / "site", ignore_errors=True)


if __name__ == "__main__":
    main()
