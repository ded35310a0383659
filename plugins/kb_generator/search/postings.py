"""lunr's BM25 weights, computed straight into per-term postings.

The worker needs, per index term, the documents and fields that contain it
with lunr's final weight (BM25 with lunr's idf, field and document boosts,
rounded to three decimals as lunr does). lunr.py's `Builder` computes those
numbers, but on the way it keeps a `Token` with a metadata dict for every
word, a dict per (term, field, document) and a `Vector` per field: for 1,000
articles a language it took about a minute and 0.7 GB per language, most of
a large build. This module computes the same numbers with one small integer
array per field of a document. `tests/search/test_postings.py` checks that
the result equals lunr.py's serialized index, number for number.

The formulas are lunr.js 2.3.9's (`lunr.Builder#createFieldVectors`,
`lunr.idf`), which lunr.py follows: a term's idf counts the (document,
field) pairs that contain it, and a field's average length counts every
document.
"""

from __future__ import annotations

import itertools
import math
from array import array
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from operator import itemgetter
from typing import IO, Any, NamedTuple

from kb_generator.core.spool import nameless_file

#: lunr's BM25 saturation `k1` (its default).
K1 = 1.2


def js_order(term: str) -> bytes:
    """JavaScript's string order (UTF-16 code units), which lunr's token set needs."""
    return term.encode("utf-16-be")


class Packed(NamedTuple):
    """A language's postings as `PostingsBuilder.build_packed` gives them, terms in JavaScript order."""

    terms: list[str]
    #: Per term, the documents that hold it (ranks a short prefix's completions in the browser).
    documents: list[int]
    #: Per term an int array [document, field, weight x 1000, ...]: a list, or, from a
    #: builder with a spool, an iterator that must be read once, in order.
    postings: Iterable[array[int]]


class PostingsBuilder:
    """Adds documents one at a time; `build` returns the postings of every term.

    With a `spool` folder (the site directory), postings wait on disk, in a
    file without a name, from every `flush_postings` postings on: at 10,000
    articles a language they were 200-300 MB held to the end of the index.
    `build_packed` then reads them back one group of terms at a time (the
    terms starting with one UTF-16 code unit, consecutive in JavaScript order).
    """

    def __init__(
        self, field_boosts: Sequence[float], b: float, *, spool: str | None = None,
        flush_postings: int = 1_000_000,
    ) -> None:
        self.field_boosts = list(field_boosts)
        self.b = b
        self.term_ids: dict[str, int] = {}
        self.terms: list[str] = []
        #: (document, field) pairs per term: lunr's idf counts these.
        self.pairs: list[int] = []
        #: Documents per term, and the last document counted for it.
        self.documents = array("I")
        self.last_document = array("i")
        self.boosts: list[float] = []
        self.total_lengths = [0] * len(self.field_boosts)
        # Per document and field, in order: its length.
        self.lengths = array("I")
        #: Per term, [document, field, count, ...] as documents come (since the last
        #: flush); `build_packed` turns each count into the weight (12 bytes a posting).
        self.postings: list[array[int]] = []
        self.spool_folder = spool
        self.flush_postings = flush_postings
        self.unflushed = 0
        self.spool: IO[bytes] | None = None
        #: Per term, its group (its first UTF-16 code unit); per group, the
        #: (offset, bytes) of each of its runs in the spool.
        self.group_of: list[bytes] = []
        self.runs: dict[bytes, list[tuple[int, int]]] = {}

    def add(self, fields: Sequence[Sequence[str]], boost: float = 1.0) -> None:
        """One document: each field's words (already normalised), in field order."""
        if len(fields) != len(self.field_boosts):
            raise ValueError(f"expected {len(self.field_boosts)} fields, got {len(fields)}")
        document = len(self.boosts)
        self.boosts.append(boost)
        term_ids, terms, pairs, postings = self.term_ids, self.terms, self.pairs, self.postings
        documents, last = self.documents, self.last_document
        added = 0
        for number, words in enumerate(fields):
            counts: dict[int, int] = {}
            for word, tf in Counter(words).items():
                term = word.lower()  # lunr's tokenizer lowercases list items
                term_id = term_ids.get(term)
                if term_id is None:
                    term_id = term_ids[term] = len(terms)
                    terms.append(term)
                    pairs.append(0)
                    documents.append(0)
                    last.append(-1)
                    postings.append(array("i"))
                    self.group_of.append(js_order(term)[:2])
                counts[term_id] = counts.get(term_id, 0) + tf
            for term_id, tf in counts.items():
                pairs[term_id] += 1
                if last[term_id] != document:
                    last[term_id] = document
                    documents[term_id] += 1
                postings[term_id].extend((document, number, tf))
            added += len(counts)
            self.lengths.append(len(words))
            self.total_lengths[number] += len(words)
        self.unflushed += added
        if self.spool_folder is not None and self.unflushed >= self.flush_postings:
            self.flush()

    def flush(self) -> None:
        """Write the postings held since the last flush to the spool, one run per group of terms."""
        if self.spool is None:
            self.spool = nameless_file(self.spool_folder or "", ".kb-postings-")  # closed by build_packed
        by_group: dict[bytes, list[int]] = {}
        for term_id, held in enumerate(self.postings):
            if held:
                by_group.setdefault(self.group_of[term_id], []).append(term_id)
        for group, term_ids in by_group.items():
            run = array("i")
            for term_id in term_ids:
                held = self.postings[term_id]
                run.extend((term_id, len(held)))
                run.extend(held)
                del held[:]  # an empty array gives its buffer back
            offset = self.spool.tell()
            run.tofile(self.spool)
            self.runs.setdefault(group, []).append((offset, len(run) * run.itemsize))
        self.unflushed = 0

    def build(self) -> tuple[list[str], list[list[float]]]:
        """(terms in JavaScript order, per term a flat [document, field, weight, ...] list).

        Postings list documents in order and, within one, fields in order
        (the order of lunr's field vectors).
        """
        packed = self.build_packed()
        return packed.terms, [unpack(postings) for postings in packed.postings]

    def build_packed(self) -> Packed:
        """`build`'s postings packed: per term an int array [document, field, weight x 1000, ...].

        A third of the memory of lists of numbers (12 bytes a posting): a
        language's postings are the largest thing its build holds. Weights
        are rounded to three decimals first, as lunr does, so `unpack` gives
        back lunr's very numbers. The counts become weights in place, so the
        builder serves one build.
        """
        documents = len(self.boosts)
        if not documents:
            return Packed([], [], [])
        field_count = len(self.field_boosts)
        averages = [total / documents for total in self.total_lengths]
        k1, b = K1, self.b
        # Per document field; an empty field has no postings (and may have no average).
        norms = array("d", (k1 * (1 - b + b * (length / averages[slot % field_count])) if length else 0.0
                            for slot, length in enumerate(self.lengths)))
        order = sorted(range(len(self.terms)), key=lambda term_id: js_order(self.terms[term_id]))
        terms = [self.terms[n] for n in order]
        per_term = [self.documents[n] for n in order]
        if self.spool is None:
            return Packed(terms, per_term, [self._weigh(n, self.postings[n], norms) for n in order])
        self.flush()
        return Packed(terms, per_term, self._read_back(order, norms))

    def _read_back(self, order: list[int], norms: array[float]) -> Iterator[array[int]]:
        """The spooled postings in `order`, one group of terms in memory at a time."""
        spool = self.spool
        assert spool is not None
        try:
            for group, term_ids in itertools.groupby(order, key=lambda term_id: self.group_of[term_id]):
                run = array("i")
                for offset, size in self.runs.get(group, []):
                    spool.seek(offset)
                    run.frombytes(spool.read(size))
                held: dict[int, array[int]] = {}
                at = 0
                while at < len(run):
                    term_id, count = run[at], run[at + 1]
                    held.setdefault(term_id, array("i")).extend(run[at + 2:at + 2 + count])
                    at += 2 + count
                del run
                for term_id in term_ids:
                    yield self._weigh(term_id, held.pop(term_id), norms)
        finally:
            spool.close()
            self.spool = None

    def _weigh(self, term_id: int, postings: array[int], norms: array[float]) -> array[int]:
        """A term's [document, field, count, ...] with each count turned into lunr's weight x 1000."""
        field_count = len(self.field_boosts)
        documents = len(self.boosts)
        n = self.pairs[term_id]
        idf = math.log(1 + abs((documents - n + 0.5) / (n + 0.5)))
        k1 = K1
        for at in range(0, len(postings), 3):
            document, field, tf = postings[at], postings[at + 1], postings[at + 2]
            score = idf * ((k1 + 1) * tf) / (norms[document * field_count + field] + tf)
            score *= self.field_boosts[field]
            score *= self.boosts[document]
            postings[at + 2] = round(round(score, 3) * 1000)
        return postings


def unpack(packed: Sequence[int]) -> list[float]:
    """Packed postings (`build_packed`) as the flat [document, field, weight, ...] list lunr has.

    `n / 1000` of a weight rounded to three decimals is that very number (a
    correctly rounded quotient), so the JSON is the same.
    """
    out: list[float] = []
    for at in range(0, len(packed), 3):
        out += (packed[at], packed[at + 1], packed[at + 2] / 1000)
    return out


def compact(flat: Sequence[float]) -> list[int]:
    """A term's postings as a term shard carries them: [document gap, field, weight x 1000, ...].

    `flat` is a list as `build` gives it or an array as `build_packed` does
    (weights already in thousandths there). Weights are already rounded to
    three decimals, so the browser's `n / 1000` gives back the very number
    JSON would have (a correctly rounded quotient); gaps and integers make a
    shard about 40% smaller gzipped (benchmarks/search_typing.py).
    `shards.js` (`expand`) undoes it.
    """
    packed = isinstance(flat, array)
    out: list[int] = []
    previous = 0
    for at in range(0, len(flat), 3):
        document = int(flat[at])
        weight = int(flat[at + 2]) if packed else round(flat[at + 2] * 1000)
        out += (document - previous, int(flat[at + 1]), weight)
        previous = document
    return out


#: The field number a document of a cut term's rest carries (its fields are not shipped).
REST_FIELD = -1
#: Weight bands of a cut term's rest (`cut`): 4 kept the first result of 198 of 213 queries
#: at 10,000 Polish articles (1: 184, 16: 204) for a shard 2.6x one band's (README, "Frequent words cut").
REST_BANDS = 4


def _runs(documents: Iterable[int]) -> list[int]:
    """Ascending document numbers as runs [skip, take, ...] from document 0."""
    runs: list[int] = []
    following = 0  # the document after the last run
    for document in documents:
        if runs and document == following:
            runs[-1] += 1
        else:
            runs += (document - following, 1)
        following = document + 1
    return runs


def cut(flat: Sequence[float], ranked_documents: int, bands: int = REST_BANDS) -> list[int] | dict[str, Any]:
    """A term's postings as a term shard carries them, the longest lists cut.

    A term met in more than `ranked_documents` documents ships those it
    weighs most in (their summed weight over fields; ties to the earlier
    document) as `compact` postings under "f"; the rest, split by weight into
    `bands` groups of about as many documents, as runs of document numbers
    under "r" (one list of [skip, take, ...] from document 0 per band, skips
    counting every document not in it) with each band's mean weight under
    "w" (thousandths, heaviest band first): no document of the rest outranks
    the first part on this term, and every document it meets is still met.
    At 10,000 articles a language the most frequent word met nine documents
    in ten, 207,000 postings and 340 kB gzipped in one term shard: a visitor
    typing it fetched that for the first screen of results. With no cut (0,
    or a shorter list) this is `compact`.
    """
    if not ranked_documents or len(flat) // 3 <= ranked_documents:  # no more documents than postings
        return compact(flat)
    packed = isinstance(flat, array)
    # Slices and zip, not an index per posting: a large site cuts millions of postings.
    documents: Sequence[int] = flat[0::3] if packed else [int(document) for document in flat[0::3]]  # type: ignore[assignment]
    weights = flat[2::3] if packed else [round(weight * 1000) for weight in flat[2::3]]
    totals: dict[int, int] = {}
    for document, weight in zip(documents, weights, strict=True):
        totals[document] = totals.get(document, 0) + int(weight)
    if len(totals) <= ranked_documents:
        return compact(flat)
    # Heaviest first; the sort is stable, so ties stay in document order.
    by_weight = sorted(totals.items(), key=itemgetter(1), reverse=True)
    first = {document for document, _ in by_weight[:ranked_documents]}
    kept = [at for at, document in enumerate(documents) if document in first]
    first_part = compact(array("q", (int(flat[3 * at + k]) for at in kept for k in range(3))) if packed
                         else [flat[3 * at + k] for at in kept for k in range(3)])
    rest = by_weight[ranked_documents:]
    size = -(-len(rest) // max(1, bands))
    groups = [rest[start:start + size] for start in range(0, len(rest), size)]
    return {"f": first_part, "r": [_runs(sorted(map(itemgetter(0), group))) for group in groups],
            "w": [round(sum(map(itemgetter(1), group)) / len(group)) for group in groups]}


def expand(packed: Sequence[int] | Mapping[str, Any]) -> list[float]:
    """`compact` (or `cut`) undone (tests and tools; the worker has its own in shards.js).

    A cut term's rest comes back in document order among the first part, each
    document once, with field `REST_FIELD` and its band's weight.
    """
    if isinstance(packed, Mapping):
        first = expand(packed["f"])
        rows = [first[at:at + 3] for at in range(0, len(first), 3)]
        for runs, weight in zip(packed["r"], packed["w"], strict=True):
            document = 0
            for at in range(0, len(runs), 2):
                document += runs[at]
                for _ in range(runs[at + 1]):
                    rows.append([document, REST_FIELD, weight / 1000])
                    document += 1
        rows.sort(key=lambda row: (row[0], row[1]))
        return [value for row in rows for value in row]
    out: list[float] = []
    document = 0
    for at in range(0, len(packed), 3):
        document += packed[at]
        out += (document, packed[at + 1], packed[at + 2] / 1000)
    return out
