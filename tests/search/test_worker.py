"""The worker speaks Material's protocol: SETUP -> READY, one RESULT per QUERY, in order."""

from __future__ import annotations

from typing import Any

from tests.search import node
from tests.search.conftest import SearchSite

SETUP, READY, QUERY, RESULT = 0, 1, 2, 3


def setup(site: SearchSite, locale: str, suggest: bool = True) -> dict[str, Any]:
    """The SETUP message Material sends: search_index.json's config verbatim."""
    data = site.config(locale)
    return {"type": SETUP, "data": {"config": data["config"], "docs": data["docs"],
                                    "options": {"suggest": suggest}}}


def test_setup_then_one_result_per_query_in_order(search_site: SearchSite) -> None:
    worker = search_site.site / "assets/kb/search/worker.js"
    queries = ["", "reklamacja", "rekl", "xyzzy", "reklamacja"]
    out = node.worker(worker, [setup(search_site, "pl"), *({"type": QUERY, "data": q} for q in queries)])
    assert not out["errors"]
    types = [message["type"] for message in out["messages"]]
    assert types == [READY] + [RESULT] * len(queries)
    results = [message["data"] for message in out["messages"][1:]]
    assert results[0] == {"items": []}  # focus: nothing typed yet
    assert results[1]["items"] and results[1] == results[4]
    assert results[2]["suggest"] == ["reklamację"]  # a real completion of the word being typed
    assert results[3]["items"] == []
    for group in results[1]["items"]:
        assert any("#" not in item["location"] for item in group)  # the page's own entry
        for item in group:
            assert set(item) >= {"location", "title", "text", "score", "terms"}


def test_each_language_loads_its_own_index(search_site: SearchSite) -> None:
    worker = search_site.site / "assets/kb/search/worker.js"
    out = node.worker(worker, [setup(search_site, "sk"), {"type": QUERY, "data": "reklamacia"},
                               {"type": QUERY, "data": "reklamacja"}])
    sk, pl_word = (message["data"] for message in out["messages"][1:])
    assert sk["items"] and all("reklamacie" in item["location"] or "#" not in item["location"]
                               for group in sk["items"] for item in group)
    assert all("reklamacje" not in item["location"] for group in pl_word["items"] for item in group)


def test_a_broken_setup_still_answers(search_site: SearchSite) -> None:
    worker = search_site.site / "assets/kb/search/worker.js"
    broken = setup(search_site, "pl")
    broken["data"]["config"]["kb"]["index"] = "../../../pl/search/missing.json"
    out = node.worker(worker, [broken, {"type": QUERY, "data": "reklamacja"}])
    assert [message["type"] for message in out["messages"]] == [READY, RESULT]
    assert out["messages"][1]["data"] == {"items": []}
    assert any("setup failed" in error for error in out["errors"])


def test_the_index_named_in_the_url_is_fetched_once_and_used_after_setup(search_site: SearchSite) -> None:
    """The early engine (made before SETUP) answers as one made at SETUP, with SETUP's options."""
    worker = search_site.site / "assets/kb/search/worker.js"
    messages = [setup(search_site, "pl", suggest=False), {"type": QUERY, "data": "rekl"}]
    index = messages[0]["data"]["config"]["kb"]["index"]
    plain = node.worker(worker, messages)
    early = node.worker(worker, messages, hash=index)
    assert not early["errors"] and early["messages"] == plain["messages"]
    assert "suggest" not in early["messages"][1]["data"]  # SETUP's options reach the early engine
    assert [url for url in early["fetched"] if url.endswith("kb_index.json")] == [index.split("?")[0]]
    # A fragment naming another index is not used: SETUP's is fetched and answers.
    other = node.worker(worker, messages, hash=setup(search_site, "sk")["data"]["config"]["kb"]["index"])
    assert other["messages"] == plain["messages"]
    assert len([url for url in other["fetched"] if url.endswith("kb_index.json")]) == 2


def test_the_engine_is_made_before_setup_when_the_url_names_the_index(search_site: SearchSite) -> None:
    """SETUP waits for Material's own fetch of search_index.json: the engine need not wait for it."""
    worker = search_site.site / "assets/kb/search/worker.js"
    messages = [setup(search_site, "pl"), {"type": QUERY, "data": "reklamacja"}]
    index = messages[0]["data"]["config"]["kb"]["index"]
    assert node.worker(worker, messages, hash=index, settle=200)["created"] == [0]
    assert node.worker(worker, messages, settle=200)["created"] == [1]  # no hint: made at SETUP
