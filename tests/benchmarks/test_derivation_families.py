"""The derivational-family learner of benchmarks/derivation_families.py (issue 15, session 8)."""

from __future__ import annotations

from pathlib import Path
from types import ModuleType

import pytest

from tests.benchmarks.scripts import load


@pytest.fixture(scope="module")
def families() -> ModuleType:
    return load("derivation_families")


def _stems_in(module: ModuleType, half: str, count: int) -> list[str]:
    stems = [f"{a}{b}{c}{d}ov" for a in "bdfgk" for b in "aeiou" for c in "lmnpr" for d in "aeiou"]
    return [s for s in stems if module.family_half(s) == half][:count]


def test_pairs_join_parts_of_speech_in_half_a_and_the_lexicon(families: ModuleType) -> None:
    nouns = _stems_in(families, "A", 3)
    # -a nouns, -ny adjectives, -ka nouns: -a/-ka (two nouns) never makes a pair.
    pos = {s + e: p for s in nouns for e, p in (("a", "NOUN"), ("ny", "ADJ"), ("ka", "NOUN"))}
    held_out = _stems_in(families, "B", 3)
    pos |= {s + e: p for s in held_out for e, p in (("o", "NOUN"), ("ity", "ADJ"))}  # half B: not looked at
    lexicon = {s + e for s in _stems_in(families, "A", 20) + _stems_in(families, "B", 20)
               for e in ("a", "ny", "ka", "o", "ity")}
    learned = families.learn_families("sk", pos, lexicon)
    assert learned == [("a", "ny"), ("ka", "ny")]
    assert families.check(pos, learned) == {"A": (6, 0), "B": (0, 0)}
    # Too few dictionary pairs with the endings: nothing.
    assert families.learn_families("sk", pos, {n + e for n in nouns for e in ("a", "ny")}) == []


def test_relatives_swap_an_ending_both_ways_and_keep_the_stem_long_enough(families: ModuleType) -> None:
    pairs = [("ha", "zny"), ("ost", "y")]
    assert families.relatives(pairs, "samoobsluzny") == ["samoobsluha", "samoobsluznost"]
    assert families.relatives(pairs, "samoobsluha") == ["samoobsluzny"]
    assert families.relatives(pairs, "mnoha") == []  # 3 letters before -ha
    joins = families.site_joins(pairs, ["kniha", "samoobsluha", "samoobsluzny"])
    assert joins == ["samoobsluha~samoobsluzny"]


def test_parts_of_speech_are_read_from_a_ud_lemma_list(families: ModuleType, tmp_path: Path) -> None:
    listing = tmp_path / "sk.tsv"
    listing.write_text("# header\nRobí\trobiť\tVERB\t2\nrobí\trobiť\tNOUN\t1\nmesto\tmesto\tNOUN\t1\n"
                       "Praha\tPraha\tPROPN\t1\nbad line\n", encoding="utf-8")
    assert families.read_pos(listing) == {"robit": "VERB", "mesto": "NOUN"}
