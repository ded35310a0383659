"""Related articles: the indexed scoring gives what scoring every page gives."""

from __future__ import annotations

import random

from kb_generator.answers.related import Candidate, Candidates, related


def _every_page_scored(current: Candidate, explicit: list[str], everyone: list[Candidate],
                       limit: int) -> list[Candidate]:
    """The rule written plainly: score every page, best first, ties by title then place."""
    by_key = {candidate.key: candidate for candidate in everyone}
    chosen = [by_key[key] for key in explicit if key in by_key and key != current.key]
    taken = {candidate.key for candidate in chosen} | {current.key}
    scored = []
    for number, candidate in enumerate(everyone):
        if candidate.key in taken:
            continue
        shared = len(current.terms & candidate.terms)
        same_category = 3 if current.category and candidate.category == current.category else 0
        if shared or same_category:
            scored.append((-(2 * shared + same_category), candidate.title, number))
    return (chosen + [everyone[n] for *_, n in sorted(scored)])[:limit]


def test_indexed_related_pages_are_those_of_scoring_every_page() -> None:
    chance = random.Random(17)
    for _ in range(200):
        size = chance.randint(1, 40)
        everyone = [
            Candidate(
                key=f"k{chance.randint(0, size)}",  # a repeated key, as a writer's mistake makes
                title=chance.choice("ABCDE"),  # many equal titles: ties must break the same way
                url=f"/a{number}/",
                category=chance.choice([None, "x", "y", "z"]),
                terms=frozenset(chance.sample("abcdefgh", chance.randint(0, 4))),
            )
            for number in range(size)
        ]
        candidates = Candidates(everyone)
        for current in everyone:
            explicit = [f"k{chance.randint(0, size)}" for _ in range(chance.randint(0, 2))]
            limit = chance.randint(0, 6)
            assert related(current, explicit, candidates, limit) == _every_page_scored(
                current, explicit, everyone, limit)
