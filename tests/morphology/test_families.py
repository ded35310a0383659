"""Derivational families: ending pairs learned from a lexicon, applied to keys (search's expansion)."""

from __future__ import annotations

import io
import sys

import pytest
from kb_generator.morphology import load_table
from kb_generator.morphology.cli import main
from kb_generator.morphology.learn import family_half, learn_families
from kb_generator.morphology.rules import browser_table, parse_table
from kb_generator.morphology.stemmer import relatives

TABLE = {"locale": "sk", "min_length": 3, "steps": [], "families": [["ha", "zny", 4], ["ost", "y", 4]]}


def test_a_key_meets_its_family_both_ways_with_the_stem_left_long_enough() -> None:
    table = parse_table(TABLE)
    assert relatives(table, "samoobsluzny") == ["samoobsluha", "samoobsluznost"]
    assert relatives(table, "samoobsluha") == ["samoobsluzny"]
    assert relatives(table, "samoobsluznost") == ["samoobsluzny"]
    # `mnoha` leaves 3 letters before `ha`: below min_stem 4, no relative.
    assert relatives(table, "mnoha") == []
    assert relatives(parse_table({**TABLE, "families": []}), "samoobsluzny") == []


def test_the_shipped_slovak_table_relates_samoobsluha_and_samoobsluzny() -> None:
    table = load_table("sk")
    assert "samoobsluha" in relatives(table, "samoobsluzny")
    assert "samoobsluzny" in relatives(table, "samoobsluha")
    # The browser gets the same pairs (its table packs only the steps).
    assert [tuple(family) for family in browser_table("sk")["families"]] == list(table.families)


@pytest.mark.parametrize("family", [["ha", "ha", 4], ["ha", "zny"], ["Ha", "zny", 4], ["ha", "zny", 0], "ha"])
def test_a_malformed_family_is_refused_naming_the_locale(family: object) -> None:
    with pytest.raises(ValueError, match="morphology table 'sk': family"):
        parse_table({**TABLE, "families": [family]})


def _stems_in(half: str, count: int) -> list[str]:
    stems = [f"{a}{b}{c}{d}ov" for a in "bdfgk" for b in "aeiou" for c in "lmnpr" for d in "aeiou"]
    return [s for s in stems if family_half(s) == half][:count]


def test_learned_pairs_join_parts_of_speech_in_half_a_and_the_lexicon() -> None:
    nouns = _stems_in("A", 3)
    pos = {s + "a": "NOUN" for s in nouns} | {s + "ny": "ADJ" for s in nouns}
    # Two nouns (-a, -ka) never make a family pair; half B (-o, -ity) is not looked at.
    pos |= {s + "ka": "NOUN" for s in nouns}
    held_out = _stems_in("B", 3)
    pos |= {s + "o": "NOUN" for s in held_out} | {s + "ity": "ADJ" for s in held_out}
    lexicon = {s + e for s in _stems_in("A", 20) + _stems_in("B", 20) for e in ("a", "ny", "ka", "o", "ity")}
    assert learn_families("sk", pos, lexicon) == [["a", "ny", 4], ["ka", "ny", 4]]
    # Too few dictionary pairs: nothing.
    assert learn_families("sk", pos, {n + e for n in nouns for e in ("a", "ny")}) == []


def test_relatives_command_lists_the_family_members_among_its_input(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO("samoobsluha\nsamoobsluzny\nkniha\n"))
    assert main(["relatives", "--locale", "sk"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert "samoobsluzny samoobsluha" in lines and "samoobsluha samoobsluzny" in lines
    assert not any(line.startswith("kniha") for line in lines)
