"""benchmarks/derivation_families.py: what the learned families join on UD halves and on a site's terms.

The learner itself (kb_generator.morphology.learn) is tested in tests/morphology/test_families.py.
"""

from __future__ import annotations

from types import ModuleType

import pytest
from kb_generator.morphology.learn import family_half

from tests.benchmarks.scripts import load


@pytest.fixture(scope="module")
def families() -> ModuleType:
    return load("derivation_families")


def _stems_in(half: str, count: int) -> list[str]:
    stems = [f"{a}{b}{c}{d}ov" for a in "bdfgk" for b in "aeiou" for c in "lmnpr" for d in "aeiou"]
    return [s for s in stems if family_half(s) == half][:count]


def test_check_counts_joins_across_and_within_parts_of_speech_per_half(families: ModuleType) -> None:
    nouns, held_out = _stems_in("A", 3), _stems_in("B", 2)
    pos = {s + e: p for s in nouns for e, p in (("a", "NOUN"), ("ny", "ADJ"), ("ka", "NOUN"))}
    pos |= {s + e: p for s in held_out for e, p in (("a", "NOUN"), ("ny", "ADV"))}
    learned = [["a", "ny", 4], ["a", "ka", 4]]
    # Half A: a/ny across (3), a/ka within one part of speech (3); half B: a/ny with an adverb (2).
    assert families.check(pos, learned) == {"A": (3, 3), "B": (0, 2)}


def test_site_joins_lists_each_pair_of_terms_once_as_search_relates_them(families: ModuleType) -> None:
    pairs = [["ha", "zny", 4], ["ost", "y", 4]]
    terms = ["kniha", "mnoha", "mnozny", "samoobsluha", "samoobsluznost", "samoobsluzny"]
    assert families.site_joins("sk", pairs, terms) == [
        "samoobsluha~samoobsluzny", "samoobsluznost~samoobsluzny"]
