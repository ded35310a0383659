"""Requests and data per typed query, every keystroke replayed through kb-search's engine under node.

The browser benchmark (`search_typing.py`) is the user's measure; this replay gives
the same requests and gzipped bytes in seconds and without a browser, for choosing
shard sizes and fetch rules: the engine of `plugins/` on an existing build, each
prefix of each query searched in turn as Material's worker would receive it, the
shard files each one loads counted (what the worker would fetch; nothing is cached
between queries, as in a fresh browser context).

    .venv/bin/python benchmarks/keystroke_replay.py [--site .cache/bench/site-ours-1000] [--queries 10] [-v]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
REPLAY = Path(__file__).with_name("keystroke_replay.cjs")

sys.path.insert(0, str(Path(__file__).parent))
from scale import QUERIES, run_node  # noqa: E402


def replay(site: Path, queries: dict[str, list[str]], keystrokes: bool = False) -> list[dict[str, Any]]:
    """One record per query: requests, term shards, kB gz, requests per word, first results."""
    env = {"VERBOSE": "1"} if keystrokes else {}
    environment = {key: value for key, value in os.environ.items() if key != "VERBOSE"}
    out = run_node(REPLAY, [str(site)], queries, {**environment, **env})
    return [json.loads(line) for line in out.splitlines() if line.startswith("{")]


def summary(records: list[dict[str, Any]]) -> dict[str, dict[str, float]]:
    """Per language: median and most requests and kB gz per query, and the most for one word."""
    out: dict[str, dict[str, float]] = {}
    for locale in dict.fromkeys(record["locale"] for record in records):
        mine = [record for record in records if record["locale"] == locale]
        out[locale] = {
            "median_requests": statistics.median(record["requests"] for record in mine),
            "most_requests": max(record["requests"] for record in mine),
            "median_kb_gz": statistics.median(record["kbGzip"] for record in mine),
            "most_kb_gz": max(record["kbGzip"] for record in mine),
            "most_for_a_word": max(max(record["words"], default=0) for record in mine),
        }
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, default=ROOT / ".cache" / "bench" / "site-ours-1000")
    parser.add_argument("--queries", type=int, default=10, help="the first N queries of each language")
    parser.add_argument("-v", "--verbose", action="store_true", help="each keystroke's files too")
    args = parser.parse_args()
    records = replay(args.site, {locale: queries[: args.queries] for locale, queries in QUERIES.items()},
                     keystrokes=args.verbose)
    for record in records:
        print(f"{record['locale']} {record['query']}: {record['requests']} requests "
              f"({record['termShards']} term shards), words {'+'.join(map(str, record['words']))}, "
              f"{record['kbGzip']:.0f} kB gz | {' '.join(record['top'])}")
        for prefix, files in record.get("keystrokes", []):
            print(f"    {prefix}: {' '.join(files)}")
    total = sum(record["requests"] for record in records)
    print(f"total {total} requests for {len(records)} queries")
    for locale, figures in summary(records).items():
        print(f"{locale}: median {figures['median_requests']:g} requests, "
              f"{figures['median_kb_gz']:.0f} kB gz a query; most {figures['most_requests']:g} requests, "
              f"{figures['most_kb_gz']:.0f} kB gz; "
              f"most for one word {figures['most_for_a_word']:g}")


if __name__ == "__main__":
    main()
