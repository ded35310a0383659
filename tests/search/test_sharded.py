"""A sharded index (a tiny shard size) finds the same things, fetching only what a query needs."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from kb_generator.core.outline import Section
from kb_generator.morphology import analyzer, browser_table
from kb_generator.search.config import DEFAULT_BOOSTS
from kb_generator.search.index import IndexedPage, build_payload, dumps, shard

from tests.benchmarks.scripts import load
from tests.conftest import site_config
from tests.search import node
from tests.search.conftest import SearchSite, build_search_site
from tests.search.test_worker import QUERY, READY, RESULT, setup

TINY = {"single_file_below": 0, "shard_size": 100, "text_shard_size": 100}


@pytest.fixture(scope="module")
def sharded(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SearchSite]:
    built = build_search_site(tmp_path_factory.mktemp("sharded"), config=site_config(kb_search=TINY))
    assert not built.warnings, built.warnings
    yield built


def ask(site: SearchSite, queries: list[str]) -> dict[str, object]:
    worker = site.site / "assets/kb/search/worker.js"
    return node.worker(worker, [setup(site, "pl"), *({"type": QUERY, "data": q} for q in queries)])


def test_lexicon_without_postings_and_many_shards(sharded: SearchSite) -> None:
    lexicon = (sharded.site / "pl" / "search" / "kb_index.json").read_text(encoding="utf-8")
    assert '"postings"' not in lexicon and '"docs"' not in lexicon
    assert len(sharded.shard_files("pl")) >= 10
    config = sharded.config("pl")["config"]["kb"]
    assert config["shards"].startswith("../../../pl/search/kb_index/{name}.json?v=")


def test_sharded_worker_answers_like_the_single_file(sharded: SearchSite, search_site: SearchSite) -> None:
    queries = ["reklamacjami", "zamowienia", "zamowinie", "laczenie", "zalacz", "CX", "rekl", "xyzzy"]
    out, single = ask(sharded, queries), ask(search_site, queries)
    assert not out["errors"], out["errors"]
    types = [message["type"] for message in out["messages"]]  # type: ignore[attr-defined]
    assert types == [READY] + [RESULT] * len(queries)
    assert out["messages"] == single["messages"]
    results = [message["data"] for message in out["messages"][1:]]  # type: ignore[index]
    for number in (0, 1, 2, 3, 5):  # inflected, accent-less, one typo, synonym
        assert results[number]["items"], queries[number]


def test_a_one_word_query_fetches_few_shards(sharded: SearchSite) -> None:
    out = ask(sharded, ["reklamacja"])
    shards = [url for url in out["fetched"] if "/kb_index/" in url]  # type: ignore[attr-defined]
    assert out["messages"][1]["data"]["items"]  # type: ignore[index]
    assert 0 < len(shards) < len(sharded.shard_files("pl")) / 2
    assert len(shards) == len(set(shards))


@pytest.fixture(scope="module")
def cut_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SearchSite]:
    built = build_search_site(tmp_path_factory.mktemp("cut"),
                              config=site_config(kb_search={**TINY, "ranked_documents_per_term": 2}))
    assert not built.warnings, built.warnings
    yield built


def test_frequent_terms_ship_their_best_documents_and_still_meet_every_page(
        cut_site: SearchSite, sharded: SearchSite) -> None:
    """With a cut (`ranked_documents_per_term`), a frequent word's first result is the
    same and every page it meets is still listed (sizes: benchmarks/search_typing.py)."""
    shipped = [part for name in cut_site.shard_files("pl") if name.name.startswith("t")
               for part in json.loads(name.read_text(encoding="utf-8"))]
    assert any(isinstance(part, dict) for part in shipped)
    queries = ["reklamacja", "klient", "zamowienie"]
    cut_out, whole = ask(cut_site, queries), ask(sharded, queries)
    assert not cut_out["errors"], cut_out["errors"]
    for got, expected in zip(cut_out["messages"][1:], whole["messages"][1:], strict=True):  # type: ignore[index]
        def locations(answer: dict[str, Any]) -> list[list[str]]:
            return [[item["location"] for item in group] for group in answer["data"]["items"]]
        assert locations(expected) and locations(got)[0] == locations(expected)[0]
        assert sorted(group[0].split("#")[0] for group in locations(got)) == sorted(
            group[0].split("#")[0] for group in locations(expected))


def test_python_twin_reassembles_the_single_file(sharded: SearchSite, search_site: SearchSite) -> None:
    joined, single = sharded.payload("pl"), search_site.payload("pl")
    assert joined == single


def test_shards_are_removed_when_the_site_becomes_small(tmp_path: Path) -> None:
    built = build_search_site(tmp_path, config=site_config(kb_search=TINY))
    assert built.shard_files("pl")
    rebuilt = build_search_site(tmp_path)
    assert not rebuilt.shard_files("pl")


def test_superseded_queries_fetch_nothing_and_get_the_newest_result(sharded: SearchSite) -> None:
    """Typed faster than the worker answers: one RESULT per QUERY, all the newest one's,
    and only the newest query's shards fetched."""
    worker = sharded.site / "assets/kb/search/worker.js"
    typed = ["r", "re", "rek", "rekl", "rekla", "reklamacja"]
    burst = node.worker(worker, [setup(sharded, "pl"), *({"type": QUERY, "data": q} for q in typed)],
                        burst=True)
    alone = ask(sharded, ["reklamacja"])
    assert not burst["errors"], burst["errors"]
    types = [message["type"] for message in burst["messages"]]
    assert types == [READY] + [RESULT] * len(typed)
    newest = alone["messages"][1]["data"]  # type: ignore[index]
    assert newest["items"] and all(message["data"] == newest for message in burst["messages"][1:])
    assert burst["fetched"] == alone["fetched"]


def test_a_short_word_being_typed_is_not_completed(sharded: SearchSite) -> None:
    """'re' would stand for the most frequent words of the site: typed alone it lists the
    pages whose title has a word it begins, fetching no shard; 'rek' is completed."""
    out = ask(sharded, ["re"])
    short = out["messages"][1]["data"]  # type: ignore[index]
    assert not [url for url in out["fetched"] if "/kb_index/" in url]  # type: ignore[attr-defined]
    assert [[item["location"] for item in group] for group in short["items"]] == [["pomoc/reklamacje/"]]
    assert short["items"][0][0]["title"].startswith("<mark>Reklamacje</mark>")
    out = ask(sharded, ["rek"])
    longer = out["messages"][1]["data"]  # type: ignore[index]
    assert any(url.rpartition("/")[2].startswith("t") for url in out["fetched"])  # type: ignore[attr-defined]
    assert any("#" in item["location"] for group in longer["items"] for item in group)


@pytest.mark.parametrize("single_file_below", [0, 10**9])
def test_packed_postings_and_texts_ship_the_same_bytes(single_file_below: int, tmp_path: Path) -> None:
    """What the build holds packed (int arrays, compressed texts) is written exactly as the lists were."""
    pages = [IndexedPage(f"a-{n}/", f"Reklamacja {n}", "Opis \U0001f600", ("zwrot",), 1.0 + n % 3, [
        Section(None, f"Reklamacja {n}", 1, (), False, ["Wstęp o zamówieniu."]),
        Section(f"s{n}", "Jak złożyć reklamację?", 2, (f"Reklamacja {n}",), True,
                [f"Klient składa reklamację {n} razy, zwrot pieniędzy."]),
    ], key=f"a-{n}") for n in range(40)]
    core = analyzer("pl")
    table = browser_table("pl")

    def written(packed: bool, spool: str | None = None) -> list[str]:
        payload = build_payload(pages, core, table=table, synonyms=[],
                                field_boosts=DEFAULT_BOOSTS, options={"excerpt": 80}, packed=packed,
                                spool=spool)
        parts = list(shard(payload, 200, single_file_below=single_file_below, text_shard_size=300))
        assert [name for name, _ in parts][-1] == ""  # the lexicon comes last
        return [f"{name}:{dumps(part)}" for name, part in parts]

    packed = written(True)
    assert packed == written(False)
    assert packed == written(True, str(tmp_path))  # postings spooled to disk
    assert list(tmp_path.iterdir()) == []  # the spool has no name
    assert (len(packed) == 1) == bool(single_file_below)


def test_the_keystroke_replay_counts_what_each_prefix_loads(sharded: SearchSite) -> None:
    """benchmarks/keystroke_replay.py: per query the shard files its prefixes load, per word too."""
    replay = load("keystroke_replay")
    records = replay.replay(sharded.site, {"pl": ["reklamacja zwrot", "xyzzy"]}, keystrokes=True)
    found, nothing = records
    assert found["requests"] > 0 and found["top"]
    assert sum(found["words"]) == found["requests"] == sum(len(files) for _, files in found["keystrokes"])
    assert [prefix for prefix, _ in found["keystrokes"]][:3] == ["r", "re", "rek"]
    loaded = [name for _, files in found["keystrokes"] for name in files]
    assert found["termShards"] == sum(name.startswith("t") for name in loaded)
    assert nothing["top"] == []
    assert replay.summary(records)["pl"]["most_requests"] == found["requests"]
