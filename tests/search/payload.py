"""A search payload read back as tests need it (shipped code only writes payloads).

`unpack` turns a single-file payload into a standard serialized lunr index
(the twin of tests/search/assets/unpack.cjs), which the tests query with lunr.py and
lunr.js to check the worker's scores; `inline` joins a sharded payload again.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from kb_generator.search.postings import expand

#: The lunr version whose serialized index `unpack` writes (the vendored lunr.js).
LUNR_VERSION = "2.3.9"


def unpack(payload: Mapping[str, Any]) -> dict[str, Any]:
    """The serialized lunr index of a single-file payload (the twin of tests/search/assets/unpack.cjs)."""
    fields = list(payload["fields"])
    inverted: list[list[Any]] = []
    vectors: dict[str, list[tuple[int, float]]] = {}
    for number, (term, flat) in enumerate(zip(payload["terms"], payload["postings"], strict=True)):
        posting: dict[str, Any] = {"_index": number, **{name: {} for name in fields}}
        for k in range(0, len(flat), 3):
            ref, name = str(int(flat[k])), fields[int(flat[k + 1])]
            posting[name][ref] = {}
            vectors.setdefault(f"{name}/{ref}", []).append((number, flat[k + 2]))
        inverted.append([term, posting])
    return {
        "version": LUNR_VERSION,
        "fields": fields,
        "fieldVectors": [
            [ref, [x for pair in sorted(pairs) for x in pair]] for ref, pairs in vectors.items()
        ],
        "invertedIndex": inverted,
        "pipeline": [],
    }


def inline(
    lexicon: Mapping[str, Any], term_shards: Iterable[Any], doc_shards: Iterable[Any]
) -> dict[str, Any]:
    """A sharded lexicon as one single-file payload again (tests, tools)."""
    payload = {key: value for key, value in lexicon.items() if key not in ("termShards", "docShards")}
    payload["postings"] = [expand(p) for part in term_shards for p in part]
    payload["docs"] = [d for part in doc_shards for d in part]
    return payload
