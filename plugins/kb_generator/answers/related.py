"""Related articles and answers: explicit front matter first, then shared terms and category."""

from __future__ import annotations

import heapq
from collections import Counter
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

    Scoring every candidate for every page made related articles grow with the
    square of the site (15 ms a page at 10,000 articles): pages sharing a term
    come from the term's pages, and same-category pages in title order.
    """

    def __init__(self, candidates: list[Candidate]) -> None:
        self.all = candidates
        self.by_key = {candidate.key: candidate for candidate in candidates}
        self.by_url = {candidate.url: candidate for candidate in candidates}
        self.by_term: dict[str, list[int]] = {}
        by_category: dict[str, list[int]] = {}
        for number, candidate in enumerate(candidates):
            for term in candidate.terms:
                self.by_term.setdefault(term, []).append(number)
            if candidate.category:
                by_category.setdefault(candidate.category, []).append(number)
        #: Per category, its candidates in the order ties are broken: title, then place.
        self.by_category = {
            category: sorted(numbers, key=lambda n: (candidates[n].title, n))
            for category, numbers in by_category.items()
        }


def related(
    current: Candidate, explicit: list[str], candidates: Candidates, limit: int
) -> list[Candidate]:
    """Up to `limit` pages: the writer's `related` keys in order, then the best scored.

    A page scores 2 per glossary term it shares with this one and 3 for the same
    category; ties go by title. Only pages sharing a term or the category score.
    """
    by_key, everyone = candidates.by_key, candidates.all
    chosen = [by_key[key] for key in explicit if key in by_key and key != current.key]
    taken = {candidate.key for candidate in chosen} | {current.key}

    shared = Counter(number for term in current.terms for number in candidates.by_term.get(term, ()))
    category = current.category
    scored = []
    for number, count in shared.items():
        candidate = everyone[number]
        if candidate.key not in taken:
            same_category = 3 if category and candidate.category == category else 0
            scored.append((-(2 * count + same_category), candidate.title, number))
    # Pages of the category sharing no term all score 3: only the first few by title can place.
    room = limit
    for number in candidates.by_category.get(category, ()) if category else ():
        if room <= 0:
            break
        candidate = everyone[number]
        if number not in shared and candidate.key not in taken:
            scored.append((-3, candidate.title, number))
            room -= 1
    rest = [everyone[number] for *_, number in heapq.nsmallest(limit, scored)]
    return (chosen + rest)[:limit]
