"""Our BM25 postings equal lunr.py's index, number for number (lunr.py is the oracle)."""

from __future__ import annotations

import json
import random
import re
import subprocess
from array import array
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import pytest
from kb_generator.core.outline import Section
from kb_generator.morphology import analyzer
from kb_generator.search.config import DEFAULT_BOOSTS
from kb_generator.search.index import FIELDS, LENGTH_NORMALISATION, IndexedPage, documents
from kb_generator.search.postings import REST_FIELD, PostingsBuilder, compact, cut, expand, js_order
from lunr.builder import Builder

from tests.search.node import DRIVERS as ASSETS
from tests.search.node import _node as node_binary

DOCS = Path(__file__).resolve().parents[2] / "docs"
Document = tuple[list[list[str]], float]


def lunr_postings(
    indexed: Sequence[Document], field_boosts: Sequence[float], b: float
) -> tuple[list[str], list[list[float]]]:
    """What lunr.py's Builder computes, regrouped by term as the worker reads it."""
    builder = Builder()
    builder.ref("ref")
    builder.b(b)
    for name, boost in zip(FIELDS, field_boosts, strict=True):
        builder.field(name, boost=boost)
    for number, (fields, boost) in enumerate(indexed):
        builder.add({"ref": str(number), **dict(zip(FIELDS, fields, strict=True))},
                    {"boost": boost} if boost != 1 else None)
    serialized: Mapping[str, Any] = builder.build().serialize()
    ordered = sorted((term for term, _ in serialized["invertedIndex"]), key=js_order)
    position = {term: number for number, term in enumerate(ordered)}
    by_index = {posting["_index"]: position[term] for term, posting in serialized["invertedIndex"]}
    postings: list[list[float]] = [[] for _ in ordered]
    for field_ref, elements in serialized["fieldVectors"]:
        name, ref = field_ref.split("/", 1)
        for k in range(0, len(elements), 2):
            postings[by_index[int(elements[k])]].extend((int(ref), FIELDS.index(name), elements[k + 1]))
    return ordered, postings


def ours(
    indexed: Sequence[Document], field_boosts: Sequence[float], b: float
) -> tuple[list[str], list[list[float]]]:
    builder = PostingsBuilder(field_boosts, b)
    for fields, boost in indexed:
        builder.add(fields, boost)
    return builder.build()


def random_documents(seed: int) -> list[Document]:
    rng = random.Random(seed)
    # Mixed case, diacritics, a letter outside the BMP (JavaScript order) and
    # one that lowercases to another word's letters (Kelvin sign).
    vocabulary = ["klient", "Klient", "obsługa", "zwrot", "łódź", "reklamacj", "a", "\U0001d4b6b",
                  "éclair", "\u212aey", "key", "číslo", "õun", "crm", "1200"]
    out: list[Document] = []
    for _ in range(rng.randint(1, 40)):
        fields = [[rng.choice(vocabulary) for _ in range(rng.choice([0, 0, 1, 3, 12]))] for _ in FIELDS]
        out.append((fields, rng.choice([1.0, 1.0, 0.5, 2.0])))
    return out


@pytest.mark.parametrize("seed", range(12))
def test_random_documents_give_lunr_pys_weights(seed: int) -> None:
    indexed = random_documents(seed)
    boosts = [DEFAULT_BOOSTS[name] for name in FIELDS]
    assert ours(indexed, boosts, LENGTH_NORMALISATION) == lunr_postings(indexed, boosts, LENGTH_NORMALISATION)
    assert ours(indexed, [1.0] * len(FIELDS), 0.75) == lunr_postings(indexed, [1.0] * len(FIELDS), 0.75)


@pytest.mark.parametrize("locale", ["pl", "et", "sk"])
def test_the_bundled_articles_give_lunr_pys_weights(locale: str) -> None:
    pages = []
    for path in sorted((DOCS / locale).rglob("*.md")):
        parts = re.split(r"^## (.+)$", path.read_text(encoding="utf-8"), flags=re.M)
        sections = [Section(anchor=None, title=path.stem, parts=[parts[0]])]
        sections += [Section(anchor=f"s{n}", title=title, parts=[text], question=title.endswith("?"))
                     for n, (title, text) in enumerate(zip(parts[1::2], parts[2::2], strict=True))]
        pages.append(IndexedPage(location=path.stem, title=path.stem, description="", sections=sections))
    indexed = [(fields, boost) for _, fields, boost in documents(pages, analyzer(locale))]
    assert len(indexed) > 100
    boosts = [DEFAULT_BOOSTS[name] for name in FIELDS]
    assert ours(indexed, boosts, LENGTH_NORMALISATION) == lunr_postings(indexed, boosts, LENGTH_NORMALISATION)


@pytest.mark.parametrize("seed", range(6))
def test_postings_spooled_to_disk_are_those_held_in_memory(seed: int, tmp_path: Path) -> None:
    """Flushed every few postings, read back group by group: the same terms, counts and weights."""
    boosts = [DEFAULT_BOOSTS[name] for name in FIELDS]
    held = PostingsBuilder(boosts, LENGTH_NORMALISATION)
    spooled = PostingsBuilder(boosts, LENGTH_NORMALISATION, spool=str(tmp_path), flush_postings=seed + 1)
    for fields, boost in random_documents(seed):
        held.add(fields, boost)
        spooled.add(fields, boost)
    postings = sum(len(p) for p in held.postings) // 3
    assert bool(spooled.runs) == (postings >= seed + 1)  # it wrote runs to disk once it had enough
    expected, got = held.build_packed(), spooled.build_packed()
    assert (got.terms, got.documents) == (expected.terms, expected.documents)
    assert [list(p) for p in got.postings] == [list(p) for p in expected.postings]
    assert spooled.spool is None and list(tmp_path.iterdir()) == []  # closed and nameless


def test_documents_per_term_count_each_document_once() -> None:
    builder = PostingsBuilder([1.0, 1.0], 0.75)
    builder.add([["klient", "klient"], ["klient"]])
    builder.add([["zwrot"], ["klient"]])
    packed = builder.build_packed()
    assert dict(zip(packed.terms, packed.documents, strict=True)) == {"klient": 2, "zwrot": 1}


def test_no_documents_no_postings() -> None:
    assert ours([], [1.0] * len(FIELDS), 0.4) == ([], [])


def test_compacted_postings_are_gaps_and_thousandths_and_expand_to_the_same_numbers() -> None:
    flat = [3, 0, 2.345, 3, 4, 0.12, 10, 1, 0.001, 11, 6, 1234.567]
    assert compact(flat) == [3, 0, 2345, 0, 4, 120, 7, 1, 1, 1, 6, 1234567]
    assert expand(compact(flat)) == flat
    weights = [round(random.Random(seed).uniform(0, 60), 3) for seed in range(2000)]
    flat = [value for n, weight in enumerate(weights) for value in (n * 2, n % 7, weight)]
    assert expand(compact(flat)) == flat


def long_list(seed: int, documents: int = 300) -> list[float]:
    """A frequent term's postings: most documents, one or two fields each, in document order."""
    rng = random.Random(seed)
    flat: list[float] = []
    for document in range(documents):
        if rng.random() < 0.8:
            for field in sorted(rng.sample(range(len(FIELDS)), rng.choice((1, 1, 2)))):
                flat += (document, field, round(rng.uniform(0.001, 9), 3))
    return flat


def totals_of(flat: Sequence[float]) -> dict[int, float]:
    totals: dict[int, float] = {}
    for at in range(0, len(flat), 3):
        totals[int(flat[at])] = totals.get(int(flat[at]), 0) + flat[at + 2]
    return totals


@pytest.mark.parametrize("seed", range(5))
def test_a_long_list_keeps_its_best_documents_and_the_rest_by_weight_band(seed: int) -> None:
    flat = long_list(seed)
    totals = totals_of(flat)
    shipped = cut(flat, 20, bands=3)
    assert isinstance(shipped, dict) and len(shipped["r"]) == len(shipped["w"]) == 3
    back = expand(shipped)
    # Every document the term meets is met once more, in document order.
    rows = [back[at:at + 3] for at in range(0, len(back), 3)]
    assert sorted({int(row[0]) for row in rows}) == sorted(totals)
    assert [row[0] for row in rows] == sorted(row[0] for row in rows)
    # The first part: the 20 heaviest documents (ties to the earlier), every posting exact.
    best = sorted(totals, key=lambda document: (-round(totals[document] * 1000), document))[:20]
    exact = [row for row in rows if row[1] != REST_FIELD]
    assert {int(row[0]) for row in exact} == set(best)
    assert exact == [flat[at:at + 3] for at in range(0, len(flat), 3) if flat[at] in set(best)]
    # The rest: one row each, its band's mean, heaviest band first, none above the first part.
    rest = [row for row in rows if row[1] == REST_FIELD]
    assert len(rest) == len(totals) - 20 == len({row[0] for row in rest})
    assert shipped["w"] == sorted(shipped["w"], reverse=True)
    assert max(row[2] for row in rest) <= min(totals[document] for document in best)
    assert all(abs(row[2] - totals[int(row[0])]) < 9 for row in rest)


def test_a_list_within_the_cut_or_no_cut_is_compacted() -> None:
    flat = long_list(7)
    documents = len(totals_of(flat))
    assert cut(flat, documents) == cut(flat, 0) == compact(flat)
    assert isinstance(cut(flat, documents - 1), dict)
    packed = array("q", (round(value * 1000) if at % 3 == 2 else int(value) for at, value in enumerate(flat)))
    assert cut(packed, 30) == cut(flat, 30)  # as the build holds them, and as lists


def test_the_browser_expands_a_cut_list_as_python_does() -> None:
    """shards.js's expand (the worker) against postings.py's (the oracle), on cut lists."""
    lists = [cut(long_list(seed), 25, bands=bands) for seed, bands in ((1, 1), (2, 4), (3, 8))]
    script = (f"const {{ Shards }} = require({json.dumps(str(ASSETS / 'modules.cjs'))});"
              "const lists = JSON.parse(require('fs').readFileSync(0, 'utf8'));"
              "process.stdout.write(JSON.stringify(lists.map(Shards.expand)));")
    out = subprocess.run([node_binary(), "-e", script], input=json.dumps(lists), capture_output=True,
                         text=True, check=True)
    assert json.loads(out.stdout) == [expand(shipped) for shipped in lists]


def test_a_field_empty_in_every_document_is_no_division_by_zero() -> None:
    """No document has a question or a context: those fields' average length is 0."""
    boosts = [DEFAULT_BOOSTS.get(name, 1.0) for name in FIELDS]
    indexed: list[Document] = [
        ([["klient"], [], [], ["obsługa", "klient"], ["zwrot"] * 3, ["klient"], []], 1.0),
        ([["zwrot"], [], [], [], ["klient", "zwrot"], ["zwrot"], ["zwrot"]], 2.0),
    ]
    assert ours(indexed, boosts, LENGTH_NORMALISATION) == lunr_postings(indexed, boosts, LENGTH_NORMALISATION)
