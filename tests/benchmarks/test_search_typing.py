"""The typing benchmark's own arithmetic: what it counts and how it summarises (no timing)."""

from __future__ import annotations

import gzip
import math
from pathlib import Path
from types import ModuleType

import pytest

from tests.benchmarks.scripts import load


@pytest.fixture(scope="module")
def bench() -> ModuleType:
    return load("search_typing")


def test_only_the_engines_search_requests_count(bench: ModuleType) -> None:
    lines = ["200 /pl/search/search_index.json", "200 /pl/search/kb_index/t3.json",
             "200 /assets/kb/search/worker.js", "200 /et/search/kb_index/t1.json",
             "404 /pl/search/kb_index/t9.json", "200 /pl/academy/a-0001/", "200 /pagefind/wasm.pl.pagefind",
             "304 /pl/search/kb_index/d0.json", "garbage"]
    ours = bench.Served.parse(lines, bench.ours("pl"))
    assert ours.paths == ["/pl/search/search_index.json", "/pl/search/kb_index/t3.json",
                          "/assets/kb/search/worker.js", "/pl/search/kb_index/d0.json"]
    assert bench.Served.parse(lines, bench.PAGEFIND).paths == ["/pagefind/wasm.pl.pagefind"]


def test_sizes_are_gzipped_and_counted_per_request(bench: ModuleType, tmp_path: Path) -> None:
    (tmp_path / "a.json").write_text("x" * 5000)
    sizes = bench.GzipSizes(tmp_path)
    one = len(gzip.compress(b"x" * 5000, 6))
    assert sizes.kb(["/a.json", "/a.json", "/missing.json"]) == pytest.approx(2 * one / 1024)


def test_settled_is_the_last_change_after_the_last_key(bench: ModuleType) -> None:
    assert bench.settled_ms(1000.0, [900.0, 1040.0, 1120.0]) == pytest.approx(120.0)
    assert math.isnan(bench.settled_ms(1000.0, [900.0]))


def test_percentiles_use_the_nearest_rank_and_skip_failures(bench: ModuleType) -> None:
    values = [float(v) for v in range(1, 11)]
    assert bench.percentile(values, 0.95) == 10.0
    assert bench.percentile(values, 0.5) == 5.0
    assert bench.percentile([3.0, math.nan, 1.0], 0.5) == 1.0
    assert math.isnan(bench.percentile([math.nan], 0.95))


def test_growth_per_ten_times_the_articles(bench: ModuleType) -> None:
    assert bench.per_10x((1000, 30.0), (10000, 300.0)) == pytest.approx(10.0)  # linear
    assert bench.per_10x((1000, 30.0), (3000, 90.0)) == pytest.approx(10.0)
    assert bench.per_10x((1000, 5.0), (3000, 5.0)) == pytest.approx(1.0)  # flat
    assert bench.per_10x((1000, 10.0), (10000, 1000.0)) == pytest.approx(100.0)  # quadratic
    assert math.isnan(bench.per_10x((1000, 0.0), (3000, 5.0)))


def test_page_open_splits_into_the_pages_part_and_searchs_part(bench: ModuleType) -> None:
    opened = [bench.Measure("a", 200.0, 8, 300.0, 0.70, 0.40),
              bench.Measure("b", 210.0, 8, 250.0, 0.65, 0.45)]
    figures = bench.summary(opened)
    assert figures["first results s (p95)"] == pytest.approx(0.70)
    assert figures["typed at ms (p95)"] == pytest.approx(450.0)
    assert figures["first after typed ms (p95)"] == pytest.approx(300.0)
    alone = bench.summary([bench.Measure("a", 0.0, 0, math.nan, None, 0.35),
                           bench.Measure("b", 0.0, 0, math.nan, None, 0.52)])
    assert alone == {"page ready ms (p50)": pytest.approx(350.0), "page ready ms (p95)": pytest.approx(520.0)}
