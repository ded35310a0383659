"""The cut-agreement benchmark's own parts: its queries and its cutting of built shards (no node run)."""

from __future__ import annotations

import json
from pathlib import Path
from types import ModuleType

import pytest
from kb_generator.search.postings import compact, expand

from tests.benchmarks.scripts import load


@pytest.fixture(scope="module")
def bench() -> ModuleType:
    return load("cut_agreement")


def test_queries_are_prefixes_from_three_letters_then_relevance_queries(bench: ModuleType) -> None:
    queries = bench.queries_of("pl")
    typed = bench.QUERIES["pl"][0]
    assert typed[:2] not in queries and typed[:3] in queries and typed in queries
    assert len(queries) == len(set(queries))
    held_out = bench.load_queries("pl", next(iter(bench.HELD_OUT_SETS)))
    assert held_out and held_out[0].text in queries


def test_shards_are_cut_as_the_build_cuts_them(bench: ModuleType, tmp_path: Path) -> None:
    uncut, into = tmp_path / "uncut", tmp_path / "cut"
    uncut.mkdir()
    long = [value for document in range(10) for value in (document, 0, (10 - document) / 4)]
    short = [3, 1, 0.5]
    (uncut / "t0.json").write_text(json.dumps([compact(long), compact(short)]), encoding="utf-8")
    (uncut / "d0.json").write_text("[]", encoding="utf-8")
    bench.cut_shards(uncut, into, 4, 2)
    cut_long, kept_short = json.loads((into / "t0.json").read_text(encoding="utf-8"))
    assert [cut_long["f"][0], len(cut_long["f"]) // 3, len(cut_long["r"])] == [0, 4, 2]
    assert sorted(expand(cut_long)[0::3]) == list(range(10))  # every document still met
    assert kept_short == compact(short)
    assert not (into / "d0.json").exists()  # texts are read from the uncut build


def test_the_uncut_build_turns_the_cut_off_or_stops(bench: ModuleType, tmp_path: Path) -> None:
    (tmp_path / "mkdocs-ours.yml").write_text("plugins:\n- kb-search\n- kb-scale\n", encoding="utf-8")
    assert "- kb-search:\n    ranked_documents_per_term: 0\n" in bench.uncut_config(tmp_path).read_text()
    (tmp_path / "mkdocs-ours.yml").write_text("plugins:\n- kb-search:\n    shard_size: 9\n", encoding="utf-8")
    with pytest.raises(SystemExit, match="kb-search"):
        bench.uncut_config(tmp_path)
