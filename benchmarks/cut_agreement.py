"""How far the frequent words cut moves results, and what it saves: kb-search's `ranked_documents_per_term`.

README's cut tables since session 11 come from here (session 10's came from probe
scripts that compared sections, not pages). The synthetic corpus is
built once uncut (`ranked_documents_per_term: 0`); for each variant (documents
kept x weight bands) its term shards are cut afterwards exactly as the build
cuts them (`postings.cut`), and kb-search's engine runs under node on the uncut
and the cut shards over the same queries: the benchmark's typed queries, every
prefix of them from three letters (what a visitor's keystrokes send), and every relevance query of
`benchmarks/search_queries` (held-out sets included; the corpus is synthetic,
so these are other words run against it, not answers checked). Per language
and variant it prints:

- the first result the same (page and section), of all queries;
- the first screen's pages (the first four groups) in common, on average;
- the gzipped size of the shard of the site's most frequent word, uncut and
  cut (what a visitor typing that word fetches).

    .venv/bin/python benchmarks/cut_agreement.py [--size 1000] [--variants 2000x4,2000x1,1000x8]
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import tempfile
from array import array
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))
from corpus import LOCALES, ROOT, make_corpus
from scale import QUERIES, build, run_node
from search_relevance import HELD_OUT_SETS, load_queries

sys.path.insert(0, str(ROOT / "plugins"))
from kb_generator.search.postings import cut, expand

COMPARE = Path(__file__).with_name("cut_agreement.cjs")


def uncut_config(corpus: Path) -> Path:
    """The corpus's mkdocs-ours.yml with the cut turned off."""
    text = (corpus / "mkdocs-ours.yml").read_text(encoding="utf-8")
    if text.count("- kb-search\n") != 1:  # else the "uncut" build would be cut, and every figure 1.00
        raise SystemExit(f"cut_agreement: {corpus / 'mkdocs-ours.yml'} has no bare '- kb-search' to set")
    variant = corpus / "mkdocs-uncut.yml"
    variant.write_text(text.replace("- kb-search\n", "- kb-search:\n    ranked_documents_per_term: 0\n"),
                       encoding="utf-8")
    return variant


def queries_of(locale: str) -> list[str]:
    """Typed queries, each prefix of them that searches postings, the relevance queries (each once)."""
    # From three letters: shorter ones are listed by page title, without postings (engine.js).
    typed = [query[:end] for query in QUERIES[locale] for end in range(3, len(query) + 1)]
    relevance = [query.text for folder in (None, *HELD_OUT_SETS)
                 for query in (load_queries(locale) if folder is None else load_queries(locale, folder))]
    return list(dict.fromkeys(query for query in typed + relevance if query.strip()))


def cut_shards(uncut: Path, into: Path, documents: int, bands: int) -> None:
    """Every term shard of `uncut` with its long lists cut as the build would."""
    into.mkdir(parents=True, exist_ok=True)
    for shard in uncut.glob("t*.json"):
        terms = json.loads(shard.read_text(encoding="utf-8"))
        out: list[Any] = []
        for packed in terms:
            if len(packed) // 3 <= documents:
                out.append(packed)
                continue
            flat = expand(packed)
            whole = array("q", (int(value) if at % 3 != 2 else round(value * 1000)
                                for at, value in enumerate(flat)))
            out.append(cut(whole, documents, bands))
        (into / shard.name).write_text(json.dumps(out, separators=(",", ":")), encoding="utf-8")


def longest_list_shard(folder: Path) -> str:
    """The term shard holding the term met in the most documents (what the cut is for)."""
    def longest(path: Path) -> int:
        return max((len(packed) for packed in json.loads(path.read_text(encoding="utf-8"))), default=0)
    return max(folder.glob("t*.json"), key=longest).name


def gz_kb(path: Path) -> float:
    return len(gzip.compress(path.read_bytes(), 6)) / 1024


def compare(index: Path, uncut: Path, cut_dir: Path, queries: list[str]) -> dict[str, float]:
    out = run_node(COMPARE, [str(index), str(uncut), str(cut_dir)], queries)
    return dict(json.loads(out.splitlines()[-1]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--size", type=int, default=1000, help="articles per language")
    parser.add_argument("--terms", type=int, default=200)
    parser.add_argument("--variants", default="2000x4,2000x1,2000x16,1000x8,5000x4",
                        help="documents kept x weight bands, comma-separated")
    parser.add_argument("--reuse", action="store_true", help="measure an uncut build an earlier run left")
    args = parser.parse_args()
    work = ROOT / ".cache" / "bench"
    corpus = make_corpus(work / f"corpus-{args.size}", args.size, args.terms)
    site = work / f"site-uncut-{args.size}"
    if not (args.reuse and (site / "sitemap.xml").is_file()):
        seconds, _ = build(uncut_config(corpus), site)
        print(f"uncut build of {args.size} articles a language: {seconds:.0f} s", flush=True)
    variants = [tuple(int(n) for n in variant.split("x")) for variant in args.variants.split(",") if variant]
    print(f"\nFrequent words cut at {args.size} articles a language (first result the same / queries; "
          "first screen's pages in common; the most frequent word's shard, kB gz)")
    for locale in LOCALES:
        shards = site / locale / "search" / "kb_index"
        queries = queries_of(locale)
        heaviest = longest_list_shard(shards)
        print(f"{locale}: {len(queries)} queries; the most frequent word's shard {heaviest}, uncut "
              f"{gz_kb(shards / heaviest):.1f} kB gz", flush=True)
        for documents, bands in variants:
            with tempfile.TemporaryDirectory() as folder:
                cut_dir = Path(folder)
                cut_shards(shards, cut_dir, documents, bands)
                figures = compare(site / locale / "search" / "kb_index.json", shards, cut_dir, queries)
                print(f"  {documents:>6} x {bands:<3} first same {figures['first']:>4.0f}"
                      f" / {figures['queries']:.0f}"
                      f"   first screen overlap {figures['overlap4']:.2f}"
                      f"   its shard {gz_kb(cut_dir / heaviest):6.1f} kB gz", flush=True)


if __name__ == "__main__":
    main()
