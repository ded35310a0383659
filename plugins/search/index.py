"""The per-language search index: lunr documents of morphology keys.

Every field holds words already normalised by the morphology core (the same
keys the browser computes for a query), so the lunr index is built with an
empty pipeline: lunr's ASCII trimmer, English stemmer and stop words never
see our text. Besides keys, the folded surface forms of each document go
into `exact_*` fields, so a query written exactly as the text (up to case
and diacritics) ranks above one that only meets it after stemming.

The Python `lunr` package targets lunr.js 2.3.9, whose `Index.load` reads
the serialized index unchanged.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from lunr.builder import Builder

from plugins.morphology import Analyzer, fold, tokenize
from plugins.search.sections import Section

#: Index fields in the order lunr.js scores them; boosts come from the config.
FIELDS = ("title", "question", "context", "summary", "text", "exact_title", "exact")
#: Version of the payload layout the worker understands.
FORMAT = 2
#: BM25 `b`: how much a short section's words outweigh a long one's. lunr's
#: 0.75 let one-line glossary definitions outrank the articles about a term;
#: Material uses 0. Chosen on benchmarks/search_relevance.py.
LENGTH_NORMALISATION = 0.4
#: The lunr.js release whose serialized index format we produce (lunr.py's target).
LUNR_VERSION = "2.3.9"


@dataclass
class IndexedPage:
    """One page of a language as the index needs it."""

    location: str
    title: str
    description: str = ""
    tags: tuple[str, ...] = ()
    boost: float = 1.0
    sections: list[Section] = field(default_factory=list)


@dataclass(frozen=True)
class Synonym:
    """One glossary name: its words' (key, folded surface) pairs."""

    words: tuple[tuple[str, str], ...]


def keys_of(analyzer: Analyzer, *texts: str) -> list[str]:
    """Morphology keys of every word of the texts, in order."""
    return [analyzer.key(token.text) for text in texts for token in tokenize(text)]


def surfaces_of(*texts: str) -> list[str]:
    """Folded surface forms (lowercase, no diacritics) of every word."""
    return [fold(token.text) for text in texts for token in tokenize(text)]


def documents(
    pages: Iterable[IndexedPage], analyzer: Analyzer
) -> tuple[list[dict[str, Any]], list[dict[str, Any]], list[float]]:
    """(lunr documents, stored documents, boosts): one per page and one per section.

    The stored documents are what the worker shows: location, title, text and
    the position of the page's own document (Material groups results by page).
    """
    indexed: list[dict[str, Any]] = []
    stored: list[dict[str, Any]] = []
    boosts: list[float] = []
    for page in pages:
        parent = len(stored)
        intro = next((s for s in page.sections if s.anchor is None), None)
        intro_text = intro.text if intro else ""
        # The page's own entry: its title, and its description and intro as a
        # summary that weighs less than a section's text (a summary mentions
        # every topic of the page; the section about one is the better hit).
        indexed.append({
            "ref": str(parent),
            "title": keys_of(analyzer, page.title, *page.tags),
            "question": [],
            "context": [],
            "summary": keys_of(analyzer, page.description, intro_text),
            "text": [],
            "exact_title": surfaces_of(page.title, *page.tags),
            "exact": [],
        })
        stored.append({"l": page.location, "t": page.title, "x": intro_text or page.description,
                       "p": parent})
        boosts.append(page.boost)
        for section in page.sections:
            if section.anchor is None or section.excluded:
                continue
            text = section.text
            indexed.append({
                "ref": str(len(stored)),
                "title": keys_of(analyzer, section.title),
                "question": keys_of(analyzer, section.title) if section.question else [],
                "context": keys_of(analyzer, page.title, *section.parents),
                "summary": [],
                "text": keys_of(analyzer, text),
                "exact_title": surfaces_of(section.title),
                "exact": surfaces_of(text),
            })
            entry: dict[str, Any] = {
                "l": f"{page.location}#{section.anchor}", "t": section.title, "x": text, "p": parent,
            }
            if section.question:
                entry["q"] = 1
            stored.append(entry)
            boosts.append(page.boost)
    return indexed, stored, boosts


def build_lunr(
    indexed: Sequence[dict[str, Any]], boosts: Sequence[float], field_boosts: Mapping[str, float]
) -> dict[str, Any]:
    """A serialized lunr index (lunr.js 2.3.9 format) of pre-normalised documents."""
    builder = Builder()  # empty pipelines: the morphology core did the work
    builder.ref("ref")
    builder.b(LENGTH_NORMALISATION)
    for name in FIELDS:
        builder.field(name, boost=field_boosts.get(name, 1.0))
    for document, boost in zip(indexed, boosts, strict=True):
        builder.add(document, {"boost": boost} if boost != 1 else None)
    if not indexed:  # lunr's builder divides by the number of documents
        return {"version": LUNR_VERSION, "fields": list(FIELDS), "fieldVectors": [],
                "invertedIndex": [], "pipeline": []}
    serialized: dict[str, Any] = builder.build().serialize()
    # lunr.js rebuilds its token set from this list and needs JavaScript's
    # order (UTF-16 code units); Python sorts by code point, which differs
    # for letters outside the Basic Multilingual Plane.
    serialized["invertedIndex"].sort(key=lambda entry: entry[0].encode("utf-16-be"))
    return serialized


def postings_of(serialized: Mapping[str, Any]) -> tuple[list[str], list[list[float]]]:
    """(terms in JavaScript order, per term a flat [ref, field, weight, ...] list).

    lunr's field vectors hold, per document field, each term's final BM25
    weight (field and document boosts included); a query's score is the dot
    product of its vector with them over the query's length. Grouped by
    term instead of by document, the same numbers let the worker load only
    the terms a query names (see `shard`) and rebuild exactly the part of
    the lunr index it needs.
    """
    fields = list(serialized["fields"])
    ordered = sorted((term for term, _ in serialized["invertedIndex"]), key=js_order)
    position = {term: number for number, term in enumerate(ordered)}
    old_to_new: dict[int, int] = {
        posting["_index"]: position[term] for term, posting in serialized["invertedIndex"]
    }
    postings: list[list[float]] = [[] for _ in ordered]
    field_number = {name: number for number, name in enumerate(fields)}
    for field_ref, elements in serialized["fieldVectors"]:
        name, ref = field_ref.split("/", 1)
        for k in range(0, len(elements), 2):
            postings[old_to_new[int(elements[k])]].extend((int(ref), field_number[name], elements[k + 1]))
    return ordered, postings


def js_order(term: str) -> bytes:
    """JavaScript's string order (UTF-16 code units), which lunr's token set needs."""
    return term.encode("utf-16-be")


def unpack(payload: Mapping[str, Any]) -> dict[str, Any]:
    """The serialized lunr index of a single-file payload (the twin of `unpack` in engine.js)."""
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


def _size(value: Any) -> int:
    return len(json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8"))


def _cut(sizes: Sequence[int], limit: int, *, keep: Sequence[int] | None = None) -> list[int]:
    """Start positions of consecutive runs of about `limit` bytes each.

    `keep[i] == keep[i - 1]` forbids a cut before i (a page's sections stay together).
    """
    starts, total = [0], 0
    for number, size in enumerate(sizes):
        can_cut = keep is None or number == 0 or keep[number] != keep[number - 1]
        if total and total + size > limit and can_cut:
            starts.append(number)
            total = 0
        total += size
    return starts if sizes else [0]


def shard(payload: Mapping[str, Any], shard_size: int) -> tuple[dict[str, Any], list[Any], list[Any]]:
    """Split a single-file payload into (eager lexicon, term shards, document shards).

    Terms stay in their sorted order, so a shard is a range of terms and the
    lexicon needs only each shard's first position; a prefix's completions
    sit in one or two neighbouring shards. Documents are cut at page
    boundaries (results are grouped by page).
    """
    lexicon = {key: value for key, value in payload.items() if key not in ("postings", "docs")}
    postings, docs = payload["postings"], payload["docs"]
    term_starts = _cut([_size(p) for p in postings], shard_size)
    doc_starts = _cut([_size(d) for d in docs], shard_size, keep=payload["parents"])
    lexicon["termShards"], lexicon["docShards"] = term_starts, doc_starts
    term_shards = [postings[a:b] for a, b in zip(term_starts, [*term_starts[1:], len(postings)], strict=True)]
    doc_shards = [docs[a:b] for a, b in zip(doc_starts, [*doc_starts[1:], len(docs)], strict=True)]
    return lexicon, term_shards, doc_shards


def inline(
    lexicon: Mapping[str, Any], term_shards: Iterable[Any], doc_shards: Iterable[Any]
) -> dict[str, Any]:
    """A sharded lexicon as one single-file payload again (tests, tools)."""
    payload = {key: value for key, value in lexicon.items() if key not in ("termShards", "docShards")}
    payload["postings"] = [p for part in term_shards for p in part]
    payload["docs"] = [d for part in doc_shards for d in part]
    return payload


def synonym_groups(names_by_term: Iterable[Sequence[str]], analyzer: Analyzer) -> list[list[list[list[str]]]]:
    """Each glossary term's names as word lists of [key, surface] (terms with 2+ names)."""
    groups = []
    for names in names_by_term:
        group = []
        seen = set()
        for name in names:
            words = [[analyzer.key(t.text), fold(t.text)] for t in tokenize(name)]
            signature = tuple(key for key, _ in words)
            if words and signature not in seen:
                seen.add(signature)
                group.append(words)
        if len(group) > 1:
            groups.append(group)
    return groups


def build_payload(
    pages: Iterable[IndexedPage],
    analyzer: Analyzer,
    *,
    table: Mapping[str, Any] | None,
    synonyms: list[list[list[list[str]]]],
    field_boosts: Mapping[str, float],
    options: Mapping[str, Any],
) -> dict[str, Any]:
    """Everything the worker needs for one language, as one (single-file) JSON document.

    `shard` splits it for large sites; `postings` and `docs` are what it moves out.
    """
    indexed, stored, boosts = documents(pages, analyzer)
    serialized = build_lunr(indexed, boosts, field_boosts)
    terms, postings = postings_of(serialized)
    return {
        "format": FORMAT,
        "locale": analyzer.locale,
        "table": table,
        "lexicon": dict(analyzer.lexicon),
        "options": dict(options),
        "synonyms": synonyms,
        "fields": list(serialized["fields"]),
        "count": len(stored),
        "parents": [doc.pop("p") for doc in stored],
        "terms": terms,
        # Documents per term: ranks a short prefix's many completions without their postings.
        "df": [len({int(flat[k]) for k in range(0, len(flat), 3)}) for flat in postings],
        "postings": postings,
        "docs": stored,
    }


def dumps(payload: Mapping[str, Any]) -> str:
    """Compact, reproducible JSON (the same build gives the same bytes)."""
    return json.dumps(payload, ensure_ascii=False, separators=(",", ":"), sort_keys=False)


def version(text: str) -> str:
    """Short content hash for cache-busting URLs."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]
