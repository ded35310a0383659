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
FORMAT = 1
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


def pack(serialized: Mapping[str, Any]) -> dict[str, Any]:
    """A lossless, compact transport form of a serialized lunr index.

    lunr's own JSON repeats every field of every term's posting and names
    every field vector ("text/12"); our postings carry no metadata, so the
    inverted index follows from the field vectors, and the worker rebuilds
    the exact serialized index (`unpack` in assets/engine.js) before
    `lunr.Index.load`. About a third of the size.
    """
    fields = list(serialized["fields"])
    terms: list[str] = [""] * len(serialized["invertedIndex"])
    for term, posting in serialized["invertedIndex"]:
        terms[posting["_index"]] = term
    position = {name: number for number, name in enumerate(fields)}
    vectors: dict[int, list[list[float]]] = {}
    for field_ref, elements in serialized["fieldVectors"]:
        name, ref = field_ref.split("/", 1)
        vectors.setdefault(int(ref), [[] for _ in fields])[position[name]] = list(elements)
    return {
        "version": serialized["version"],
        "fields": fields,
        "terms": terms,
        "vectors": [vectors.get(ref, [[] for _ in fields]) for ref in range(len(vectors))],
    }


def unpack(packed: Mapping[str, Any]) -> dict[str, Any]:
    """The serialized lunr index again (the Python twin of `unpack` in engine.js)."""
    fields = list(packed["fields"])
    postings: list[dict[str, Any]] = [
        {"_index": number, **{name: {} for name in fields}} for number in range(len(packed["terms"]))
    ]
    field_vectors = []
    for ref, per_field in enumerate(packed["vectors"]):
        for name, elements in zip(fields, per_field, strict=True):
            field_vectors.append([f"{name}/{ref}", elements])
            for term_index in elements[::2]:
                postings[int(term_index)][name][str(ref)] = {}
    inverted = sorted(zip(packed["terms"], postings, strict=True), key=lambda e: e[0].encode("utf-16-be"))
    return {
        "version": packed["version"],
        "fields": fields,
        "fieldVectors": field_vectors,
        "invertedIndex": [list(entry) for entry in inverted],
        "pipeline": [],
    }


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
    """Everything the worker loads for one language, as one JSON document."""
    indexed, stored, boosts = documents(pages, analyzer)
    return {
        "format": FORMAT,
        "locale": analyzer.locale,
        "table": table,
        "lexicon": dict(analyzer.lexicon),
        "options": dict(options),
        "synonyms": synonyms,
        "docs": stored,
        "index": pack(build_lunr(indexed, boosts, field_boosts)),
    }


def dumps(payload: Mapping[str, Any]) -> str:
    """Compact, reproducible JSON (the same build gives the same bytes)."""
    return json.dumps(payload, ensure_ascii=False, separators=(",", ":"), sort_keys=False)


def version(text: str) -> str:
    """Short content hash for cache-busting URLs."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]
