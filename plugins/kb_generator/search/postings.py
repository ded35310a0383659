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

import math
from array import array
from collections import Counter
from collections.abc import Sequence

#: lunr's BM25 saturation `k1` (its default).
K1 = 1.2


def js_order(term: str) -> bytes:
    """JavaScript's string order (UTF-16 code units), which lunr's token set needs."""
    return term.encode("utf-16-be")


class PostingsBuilder:
    """Adds documents one at a time; `build` returns the postings of every term."""

    def __init__(self, field_boosts: Sequence[float], b: float) -> None:
        self.field_boosts = list(field_boosts)
        self.b = b
        self.term_ids: dict[str, int] = {}
        self.terms: list[str] = []
        #: (document, field) pairs per term: lunr's idf counts these.
        self.pairs: list[int] = []
        self.boosts: list[float] = []
        self.total_lengths = [0] * len(self.field_boosts)
        # Per document and field, in order: its length.
        self.lengths = array("I")
        #: Per term, [document, field, count, ...] as documents come; `build_packed`
        #: turns each count into the weight in place (12 bytes a posting in all).
        self.postings: list[array[int]] = []

    def add(self, fields: Sequence[Sequence[str]], boost: float = 1.0) -> None:
        """One document: each field's words (already normalised), in field order."""
        if len(fields) != len(self.field_boosts):
            raise ValueError(f"expected {len(self.field_boosts)} fields, got {len(fields)}")
        document = len(self.boosts)
        self.boosts.append(boost)
        term_ids, terms, pairs, postings = self.term_ids, self.terms, self.pairs, self.postings
        for number, words in enumerate(fields):
            counts: dict[int, int] = {}
            for word, tf in Counter(words).items():
                term = word.lower()  # lunr's tokenizer lowercases list items
                term_id = term_ids.get(term)
                if term_id is None:
                    term_id = term_ids[term] = len(terms)
                    terms.append(term)
                    pairs.append(0)
                    postings.append(array("i"))
                counts[term_id] = counts.get(term_id, 0) + tf
            for term_id, tf in counts.items():
                pairs[term_id] += 1
                postings[term_id].extend((document, number, tf))
            self.lengths.append(len(words))
            self.total_lengths[number] += len(words)

    def build(self) -> tuple[list[str], list[list[float]]]:
        """(terms in JavaScript order, per term a flat [document, field, weight, ...] list).

        Postings list documents in order and, within one, fields in order
        (the order of lunr's field vectors).
        """
        terms, packed = self.build_packed()
        return terms, [unpack(postings) for postings in packed]

    def build_packed(self) -> tuple[list[str], list[array[int]]]:
        """`build`'s postings packed: per term an int array [document, field, weight x 1000, ...].

        A third of the memory of lists of numbers (12 bytes a posting): a
        language's postings are the largest thing its build holds. Weights
        are rounded to three decimals first, as lunr does, so `unpack` gives
        back lunr's very numbers. The counts become weights in place, so the
        builder serves one build.
        """
        documents = len(self.boosts)
        field_count = len(self.field_boosts)
        if not documents:
            return [], []
        averages = [total / documents for total in self.total_lengths]
        k1, b = K1, self.b
        # Per document field; an empty field has no postings (and may have no average).
        norms = array("d", (k1 * (1 - b + b * (length / averages[slot % field_count])) if length else 0.0
                            for slot, length in enumerate(self.lengths)))
        for term_id, postings in enumerate(self.postings):
            n = self.pairs[term_id]
            idf = math.log(1 + abs((documents - n + 0.5) / (n + 0.5)))
            for at in range(0, len(postings), 3):
                document, field, tf = postings[at], postings[at + 1], postings[at + 2]
                score = idf * ((k1 + 1) * tf) / (norms[document * field_count + field] + tf)
                score *= self.field_boosts[field]
                score *= self.boosts[document]
                postings[at + 2] = round(round(score, 3) * 1000)
        order = sorted(range(len(self.terms)), key=lambda term_id: js_order(self.terms[term_id]))
        return [self.terms[n] for n in order], [self.postings[n] for n in order]


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


def expand(packed: Sequence[int]) -> list[float]:
    """`compact` undone (tests and tools; the worker has its own in shards.js)."""
    out: list[float] = []
    document = 0
    for at in range(0, len(packed), 3):
        document += packed[at]
        out += (document, packed[at + 1], packed[at + 2] / 1000)
    return out
