"""Related articles and answers: explicit front matter first, then shared terms and category."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Candidate:
    """A page that may be recommended."""

    key: str
    title: str
    url: str
    category: str | None = None
    terms: frozenset[str] = field(default_factory=frozenset)  # glossary terms linked on it
    source: str = ""  # its src_uri


class Candidates:
    """One language's candidates, indexed once for every page that asks.

    Scoring every candidate for every page grew with the square of the site.
    Here each term, category and key is a set of
    pages as the bits of one integer, numbered in the order ties are broken
    (title, then place): counting a page's shared terms is a few operations on
    those integers, and the best pages of a score are its lowest bits.
    """

    def __init__(self, candidates: list[Candidate]) -> None:
        self.by_key = {candidate.key: candidate for candidate in candidates}
        self.by_url = {candidate.url: candidate for candidate in candidates}
        #: Candidates in tie order; a set of pages is an int with bit n for `ordered[n]`.
        self.ordered = sorted(candidates, key=lambda c: c.title)  # a stable sort: place breaks ties
        self.terms = _bit_sets((term, n) for n, c in enumerate(self.ordered) for term in c.terms)
        self.categories = _bit_sets((c.category, n) for n, c in enumerate(self.ordered) if c.category)
        self.keys = _bit_sets((c.key, n) for n, c in enumerate(self.ordered))
        self.every = (1 << len(self.ordered)) - 1


def _bit_sets(members: Iterable[tuple[str, int]]) -> dict[str, int]:
    """Per name, the int whose bits are its members' numbers."""
    bitmaps: dict[str, bytearray] = {}
    for name, number in members:
        bitmap = bitmaps.get(name)
        if bitmap is None:
            bitmap = bitmaps[name] = bytearray()
        if len(bitmap) <= number // 8:
            bitmap.extend(bytes(number // 8 + 1 - len(bitmap)))
        bitmap[number // 8] |= 1 << (number % 8)
    return {name: int.from_bytes(bitmap, "little") for name, bitmap in bitmaps.items()}


def _counted(sets: Iterable[int]) -> list[int]:
    """How many of `sets` hold each page, as bit planes: plane i holds bit i of the count."""
    planes: list[int] = []
    for carry in sets:
        for i, plane in enumerate(planes):
            planes[i], carry = plane ^ carry, plane & carry
            if not carry:
                break
        if carry:
            planes.append(carry)
    return planes


def _exactly(planes: list[int], count: int, every: int) -> int:
    """The pages whose count (`_counted`) is `count`, within `every`."""
    pages = every
    for i, plane in enumerate(planes):
        pages &= plane if count >> i & 1 else ~plane
    return pages if count >> len(planes) == 0 else 0


def related(
    current: Candidate, explicit: list[str], candidates: Candidates, limit: int
) -> list[Candidate]:
    """Up to `limit` pages: the writer's `related` keys in order, then the best scored.

    A page scores 2 per glossary term it shares with this one and 3 for the same
    category; ties go by title, then by place. Only pages sharing a term or the
    category score.
    """
    by_key = candidates.by_key
    chosen = [by_key[key] for key in explicit if key in by_key and key != current.key]
    every = candidates.every
    for key in {candidate.key for candidate in chosen} | {current.key}:
        every &= ~candidates.keys.get(key, 0)
    terms = [candidates.terms[term] for term in current.terms if term in candidates.terms]
    planes = _counted(terms)
    same = candidates.categories.get(current.category, 0) if current.category else 0
    # Every score a page can have, best first: 2 per shared term, 3 more in the category.
    scores = sorted({(2 * n + 3 * c, n, c) for n in range(len(terms) + 1) for c in (0, 1) if c or n},
                    key=lambda s: -s[0])
    rest: list[Candidate] = []
    level = 0
    while len(chosen) + len(rest) < limit and level < len(scores):
        score = scores[level][0]
        pages = 0
        while level < len(scores) and scores[level][0] == score:
            _, shared, in_category = scores[level]
            pages |= _exactly(planes, shared, every) & (same if in_category else ~same)
            level += 1
        while pages and len(chosen) + len(rest) < limit:
            lowest = pages & -pages
            rest.append(candidates.ordered[lowest.bit_length() - 1])
            pages ^= lowest
    return (chosen + rest)[:limit]
