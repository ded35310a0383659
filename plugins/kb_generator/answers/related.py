"""Related articles and answers: explicit front matter first, then shared terms and category."""

from __future__ import annotations

import heapq
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
    """One language's candidates, indexed once for every page that asks."""

    def __init__(self, candidates: list[Candidate]) -> None:
        self.all = candidates
        self.by_key = {candidate.key: candidate for candidate in candidates}
        self.by_url = {candidate.url: candidate for candidate in candidates}


def related(
    current: Candidate, explicit: list[str], candidates: Candidates, limit: int
) -> list[Candidate]:
    """Up to `limit` pages: the writer's `related` keys in order, then the best scored."""
    by_key = candidates.by_key
    chosen = [by_key[key] for key in explicit if key in by_key and key != current.key]
    taken = {candidate.key for candidate in chosen} | {current.key}

    scored = []
    for candidate in candidates.all:
        if candidate.key in taken:
            continue
        shared = len(current.terms & candidate.terms)
        same_category = 3 if current.category and candidate.category == current.category else 0
        if shared or same_category:
            scored.append((-(2 * shared + same_category), candidate.title, candidate))
    rest = [candidate for *_, candidate in heapq.nsmallest(limit, scored, key=lambda s: s[:2])]
    return (chosen + rest)[:limit]
