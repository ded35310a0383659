"""The per-language search index: lunr's BM25 weights over morphology keys.

Every field holds words already normalised by the morphology core (the same
keys the browser computes for a query), so no lunr pipeline runs: lunr's
ASCII trimmer, English stemmer and stop words never see our text. Besides
keys, the folded surface forms of each document go into `exact_*` fields, so
a query written exactly as the text (up to case and diacritics) ranks above
one that only meets it after stemming.

The weights are exactly those of a lunr index built with an empty pipeline
(`postings.py`; tests compare with lunr.py), grouped by term so the worker
loads only the terms a query names. `unpack` (tests/search/payload.py, and
engine.js) turns a payload back into a serialized lunr.js 2.3.9 index, which
tests query with lunr itself.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import zlib
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from kb_generator.core.outline import Section
from kb_generator.core.spool import Spool
from kb_generator.morphology import Analyzer, fold, tokenize
from kb_generator.morphology.tokens import WORD
from kb_generator.search.postings import PostingsBuilder, compact, cut, expand, unpack

#: Index fields in the order lunr.js scores them; boosts come from the config.
FIELDS = ("title", "question", "context", "summary", "text", "exact_title", "exact")
#: Version of the payload layout the worker understands.
FORMAT = 2
#: BM25 `b`: how much a short section's words outweigh a long one's. lunr's
#: 0.75 let one-line glossary definitions outrank the articles about a term;
#: Material uses 0. Chosen on benchmarks/search_relevance.py.
LENGTH_NORMALISATION = 0.4
#: The lunr.js release whose serialized index format we produce (lunr.py's target).
#: Function words per language (question words, prepositions, particles,
#: conjunctions, pronouns): the stopwords-iso lists, copied unchanged (the file
#: names its source and licence).
FUNCTION_WORDS = Path(__file__).parent / "data" / "function_words.json"


@dataclass
class IndexedPage:
    """One page of a language as the index needs it."""

    location: str
    title: str
    description: str = ""
    tags: tuple[str, ...] = ()
    boost: float = 1.0
    sections: list[Section] = field(default_factory=list)
    #: The page's translation key (`key:` in its front matter), for the fallback pages.
    key: str = ""


@dataclass(frozen=True)
class Definition:
    """A glossary term as the definition card needs it: its entry is the section `#<id>`."""

    id: str
    term: str
    definition: str
    names: tuple[str, ...]


@cache
def function_word_lists() -> dict[str, list[str]]:
    """Function words by language, from the vendored stopwords-iso lists."""
    data = json.loads(FUNCTION_WORDS.read_text(encoding="utf-8"))
    return {language: words for language, words in data.items() if isinstance(words, list)}


def function_words(analyzer: Analyzer) -> list[str]:
    """The language's function words as folded surface forms (what the engine compares)."""
    language = analyzer.locale.replace("-", "_").split("_")[0]
    return sorted({analyzer.surface(word) for word in function_word_lists().get(language, [])})


def name_words(analyzer: Analyzer, name: str) -> list[list[str]]:
    """A name as the engine matches it: [key, folded form] per word."""
    return [[analyzer.key(t.text), fold(t.text)] for t in tokenize(name)]


def definition_cards(
    stored: Iterable[Mapping[str, Any]], definitions: Iterable[Definition], analyzer: Analyzer
) -> list[dict[str, Any]]:
    """Each term whose glossary entry was indexed: its entry (document), definition and names.

    The entry is the section whose anchor is the term's id and whose heading is
    the term (the glossary page writes exactly that), so no page key is needed.
    """
    entries = {
        (str(doc["l"]).rpartition("#")[2], doc["t"]): n for n, doc in enumerate(stored) if "#" in doc["l"]
    }
    cards = []
    for term in definitions:
        ref = entries.get((term.id, term.term))
        if ref is None:
            continue
        names = [words for words in (name_words(analyzer, name) for name in term.names) if words]
        cards.append({"r": ref, "d": term.definition, "n": names})
    return cards


def keys_of(analyzer: Analyzer, *texts: str) -> list[str]:
    """Morphology keys of every word of the texts, in order."""
    return [analyzer.key(word) for text in texts for word in WORD.findall(text)]


def keys_and_surfaces(analyzer: Analyzer, *texts: str) -> tuple[list[str], list[str]]:
    """Keys and folded surface forms (lowercase, no diacritics) of every word, in order."""
    words = [word for text in texts for word in WORD.findall(text)]
    return [analyzer.key(word) for word in words], [analyzer.surface(word) for word in words]


def documents(
    pages: Iterable[IndexedPage], analyzer: Analyzer
) -> Iterator[tuple[dict[str, Any], list[list[str]], float]]:
    """(stored document, indexed fields in FIELDS order, boost): one per page and one per section.

    The stored documents are what the worker shows: location, title, text and
    the position of the page's own document (Material groups results by page).
    A generator: only one document's words are alive at a time.
    """
    number = 0
    for page in pages:
        parent = number
        intro = next((s for s in page.sections if s.anchor is None), None)
        intro_text = intro.text if intro else ""
        # The page's own entry: its title, and its description and intro as a
        # summary that weighs less than a section's text (a summary mentions
        # every topic of the page; the section about one is the better hit).
        title_keys, title_surfaces = keys_and_surfaces(analyzer, page.title, *page.tags)
        page_entry: dict[str, Any] = {
            "l": page.location, "t": page.title, "x": intro_text or page.description, "p": parent,
        }
        if page.key:
            page_entry["k"] = page.key  # taken out again by build_payload (fallback pages)
        yield (
            page_entry,
            [title_keys, [], [], keys_of(analyzer, page.description, intro_text), [], title_surfaces, []],
            page.boost,
        )
        number += 1
        for section in page.sections:
            if section.anchor is None or section.excluded:
                continue
            text = section.text
            entry: dict[str, Any] = {
                "l": f"{page.location}#{section.anchor}", "t": section.title, "x": text, "p": parent,
            }
            if section.question:
                entry["q"] = 1
            title_keys, title_surfaces = keys_and_surfaces(analyzer, section.title)
            text_keys, text_surfaces = keys_and_surfaces(analyzer, text)
            yield (
                entry,
                [title_keys, title_keys if section.question else [],
                 keys_of(analyzer, page.title, *section.parents), [], text_keys,
                 title_surfaces, text_surfaces],
                page.boost,
            )
            number += 1


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


def _opened(document: Mapping[str, Any]) -> Mapping[str, Any]:
    """A stored document with its text as shipped (`build_payload(packed=True)` compresses it)."""
    text = document["x"]
    if not isinstance(text, bytes):
        return document
    return {**document, "x": zlib.decompress(text).decode("utf-8", "surrogatepass")}


def shard(
    payload: Mapping[str, Any], shard_size: int, *, single_file_below: int = 0, text_shard_size: int = 0,
    ranked_documents: int = 0,
) -> Iterator[tuple[str, Any]]:
    """Split a single-file payload into term shards, document shards and the eager lexicon.

    Yields ("t<n>", postings of a run of terms), then ("d<n>", documents), and
    last ("", the lexicon), which names where each shard starts. Terms stay in
    their sorted order, so a shard is a range of terms and the lexicon needs
    only each shard's first position; a prefix's completions sit in one or two
    neighbouring shards. Documents are cut at page boundaries (results are
    grouped by page) into runs of `text_shard_size` bytes (`shard_size` when
    0). Term shards hold each term's postings compacted (`postings.compact`),
    those of a term met in more than `ranked_documents` documents cut
    (`postings.cut`: its best documents with their weights, the rest by
    weight band). A payload that stays under `single_file_below` bytes is not
    split and nothing is cut: only ("", the whole payload) comes. The morphology tables (rule table, lexicon,
    bridge) are fetched first either way, so they do not count.

    The postings are read once, in order, one term at a time (they may come
    from disk, `PostingsBuilder(spool=...)`), and each shard is yielded as
    soon as it is full: a language's compacted postings together (a new int
    object for every number) were the largest thing a build held.
    """
    postings, docs = payload["postings"], payload["docs"]  # docs: a list or a Spool, read in order
    lexicon = {key: value for key, value in payload.items() if key not in ("postings", "docs")}
    movable = {key: value for key, value in lexicon.items() if key not in ("table", "lexicon", "bridge")}
    doc_sizes = [_size(_opened(d)) for d in docs]
    # Shards carry postings compacted (postings.compact) or cut: shards are cut by those sizes.
    sized = ((p, part, _size(part)) for p, part in ((p, cut(p, ranked_documents)) for p in postings))
    # Held until they are known not to fit a single file (which has every posting, uncut).
    room = single_file_below - _size(movable) - sum(doc_sizes)
    held: list[tuple[Any, Any, int]] = []
    for whole, part, size in sized:
        held.append((whole, part, size))
        room -= size
        if room <= 0:
            break
    if room > 0:
        yield "", {**payload, "postings": [expand(compact(whole)) for whole, _, _ in held],
                   "docs": [_opened(d) for d in docs]}
        return
    term_starts, total = [0], 0
    run: list[Any] = []
    for number, (_, part, size) in enumerate(itertools.chain(held, sized)):
        if total and total + size > shard_size:
            yield f"t{len(term_starts) - 1}", run
            term_starts.append(number)
            run, total = [], 0
        run.append(part)
        total += size
    yield f"t{len(term_starts) - 1}", run
    del held, run
    doc_starts = _cut(doc_sizes, text_shard_size or shard_size, keep=payload["parents"])
    following = 1  # the next shard's place in doc_starts
    texts: list[Mapping[str, Any]] = []
    for number, document in enumerate(docs):
        if following < len(doc_starts) and number == doc_starts[following]:
            yield f"d{following - 1}", texts
            following, texts = following + 1, []
        texts.append(_opened(document))
    yield f"d{following - 1}", texts
    lexicon["termShards"], lexicon["docShards"] = term_starts, doc_starts
    yield "", lexicon


def synonym_groups(names_by_term: Iterable[Sequence[str]], analyzer: Analyzer) -> list[list[list[list[str]]]]:
    """Each glossary term's names as word lists of [key, surface] (terms with 2+ names)."""
    groups = []
    for names in names_by_term:
        group = []
        seen = set()
        for name in names:
            words = name_words(analyzer, name)
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
    definitions: Iterable[Definition] = (),
    fallback_keys: Sequence[str] = (),
    messages: Mapping[str, str] | None = None,
    packed: bool = False,
    spool: str | None = None,
) -> dict[str, Any]:
    """Everything the worker needs for one language, as one (single-file) JSON document.

    `shard` splits it for large sites; `postings` and `docs` are what it moves out.
    Besides the index: the glossary terms for the definition card, the
    language's function words, the pages offered when nothing matches
    (`fallback_keys`, in that order) and the strings the worker prints.
    `packed` gives each term's postings as an int array (`build_packed`,
    a third of the memory) and each document's text compressed, which only
    `shard` reads; with `spool` (a folder in the site), the postings wait there
    and come as an iterator to be read once (`PostingsBuilder`).
    """
    builder = PostingsBuilder([field_boosts.get(name, 1.0) for name in FIELDS], LENGTH_NORMALISATION,
                              spool=spool if packed else None)
    # With a spool, the documents wait on disk too (texts of every section: tens of MB).
    stored: list[dict[str, Any]] | Spool[dict[str, Any]] = []
    if spool is not None and packed:
        stored = Spool()
        stored.reset(spool)
    keyed: dict[str, int] = {}
    parents: list[int] = []
    with analyzer.collect() as vocabulary:
        for entry, fields, boost in documents(pages, analyzer):
            if packed:
                entry["x"] = zlib.compress(entry["x"].encode("utf-8", "surrogatepass"), 1)
            key = entry.pop("k", "")
            if key and key not in keyed:
                keyed[key] = len(stored)
            parents.append(entry.pop("p"))
            stored.append(entry)
            builder.add(fields, boost)
    # The browser gets the site key of every indexed word.
    lexicon, bridge = analyzer.browser_tables(vocabulary)
    built = builder.build_packed()
    terms, df = built.terms, built.documents
    postings = built.postings if packed else [unpack(p) for p in built.postings]
    del builder, built
    return {
        "format": FORMAT,
        "locale": analyzer.locale,
        "table": table,
        "lexicon": lexicon,
        "bridge": bridge,
        "options": dict(options),
        "synonyms": synonyms,
        "fields": list(FIELDS),
        "count": len(stored),
        "parents": parents,
        # Each page's location and title, flat [ref, location, title, ...]: the
        # results below the first screen are listed without fetching their texts.
        "heads": [item for ref, doc in enumerate(stored) if parents[ref] == ref
                  for item in (ref, doc["l"], doc["t"])],
        "terms": terms,
        # Documents per term: ranks a short prefix's many completions without their postings.
        "df": df,
        "glossary": definition_cards(stored, definitions, analyzer),
        "functionWords": function_words(analyzer),
        "fallback": [keyed[key] for key in fallback_keys if key in keyed],
        "messages": dict(messages or {}),
        "postings": postings,
        "docs": stored,
    }


def dumps(payload: Mapping[str, Any] | Sequence[Any]) -> str:
    """Compact, reproducible JSON (the same build gives the same bytes)."""
    return json.dumps(payload, ensure_ascii=False, separators=(",", ":"), sort_keys=False)


def version(text: str) -> str:
    """Short content hash for cache-busting URLs."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]
