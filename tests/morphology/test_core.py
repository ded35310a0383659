"""Tokenizer, folding and rule-table behaviour that both twins rely on."""

from __future__ import annotations

import json
import unicodedata

import pytest
from kb_generator.morphology import SUPPORTED_LOCALES, Token, fold, load_table, tokenize
from kb_generator.morphology.rules import browser_step, browser_table, pack_rules, parse_table, table_json
from kb_generator.morphology.stemmer import Analyzer, guesses

from tests.morphology.parity import node_run


def test_tokenize_is_unicode_aware() -> None:
    text = "Jakość obsługi: 24/7, CRM-u i e-mail’e (żywo)."
    assert [t.text for t in tokenize(text)] == [
        "Jakość",
        "obsługi",
        "24",
        "7",
        "CRM",
        "u",
        "i",
        "e",
        "mail",
        "e",
        "żywo",
    ]
    first = tokenize(text)[0]
    assert first == Token("Jakość", 0, 6)
    assert text[first.start : first.end] == "Jakość"


def test_tokenize_keeps_nfd_words_whole() -> None:
    nfd = unicodedata.normalize("NFD", "čakacích dôb")
    assert [fold(t.text) for t in tokenize(nfd)] == ["cakacich", "dob"]


@pytest.mark.parametrize(
    ("raw", "folded"),
    [
        ("Łódź", "lodz"),
        ("ŻÓŁW", "zolw"),
        ("služieb", "sluzieb"),
        ("dôb", "dob"),
        ("Ťažký", "tazky"),
        ("põhjalik ülevaade", "pohjalik ulevaade"),
        ("Straße", "strasse"),
        ("Ærø œuvre Đorđe", "aero oeuvre dorde"),
        ("ﬁrma", "firma"),
    ],
)
def test_fold(raw: str, folded: str) -> None:
    assert fold(raw) == folded


@pytest.mark.parametrize("locale", SUPPORTED_LOCALES)
def test_tables_load_and_validate(locale: str) -> None:
    table = load_table(locale)
    assert table.locale == locale
    assert table.steps
    raw = json.loads(table_json(locale) or "")
    assert parse_table(raw) == table


def unpack(packed: str) -> list[list[object]]:
    """pack_rules' string back to [suffix, replacement, min_stem] rules (what morphology.js reads)."""
    rules: list[list[object]] = []
    for entry in packed.split(" "):
        suffix, keep, added, *rest = entry.split(",")
        rules.append([suffix, suffix[: int(keep)] + added, int(rest[0]) if rest else 0])
    return rules


@pytest.mark.parametrize("locale", SUPPORTED_LOCALES)
def test_browser_table_packs_every_rule_sorted(locale: str) -> None:
    raw = json.loads(table_json(locale) or "")
    shipped = browser_table(locale)
    assert shipped is not None and shipped["min_length"] == raw["min_length"]
    for step, packed in zip(raw["steps"], shipped["steps"], strict=True):
        assert unpack(packed["rules"]) == sorted(step["rules"])
        assert packed["max_length"] == max(len(rule[0]) for rule in step["rules"])


def test_packed_rules_apply_alike_in_both_twins() -> None:
    """Stems, minimum stems and suffixes that begin others, in Python and in morphology.js."""
    rules = [["a", "", 0], ["ia", "", 2], ["nia", "ń", 0], ["ami", "a", 3], ["mi", "", 1], ["ów", "ów", 0],
             ["ę", "a", 0], ["ach", "", 4]]
    steps = [{"name": "one", "rules": rules}, {"name": "two", "rules": [["k", "c", 2]]}]
    table = {"locale": "xx", "min_length": 3, "exceptions": {"ludzie": "człowiek"}, "steps": steps}
    packed = {**table, "steps": [browser_step("xx", step) for step in steps]}
    words = ["kania", "bia", "cia", "mamami", "rami", "domami", "lasach", "psach", "ów", "klientów", "rękę",
             "ludzie", "ab", "piesk", "mia", "a", "nia"]
    python = Analyzer(parse_table(table))
    assert node_run("pl", words=words, table=packed).stems == [python.stem(word) for word in words]
    assert [python.stem(w) for w in ("kania", "mamami", "rami", "lasach")] == ["kań", "mama", "ra", "lasach"]


def test_a_rule_with_a_separator_is_not_packed() -> None:
    with pytest.raises(ValueError, match="space or comma"):
        pack_rules("xx", [["a b", "", 0]])


def test_bad_table_is_rejected() -> None:
    with pytest.raises(ValueError, match="duplicate"):
        parse_table({"locale": "xx", "min_length": 3, "steps": [{"rules": [["a", "", 2], ["a", "", 3]]}]})
    with pytest.raises(ValueError, match="suffix"):
        parse_table({"locale": "xx", "min_length": 3, "steps": [{"rules": [["A", "", 2]]}]})


def test_browser_tables_list_only_forms_the_rules_and_bridge_miss() -> None:
    lemmas = {"ludzie": "człowiek", "ludzi": "człowiek", "klienta": "klient", "klientów": "klient"}
    site = Analyzer(load_table("pl"), lemmatizer=lemmas.get)
    words = ["Ludzie", "ludzi", "klienta", "klientów", "CRM", "24h"]
    lexicon, bridge = site.browser_tables(words)
    browser = Analyzer(load_table("pl"), lexicon, bridge)
    assert [browser.key(w) for w in words] == [site.key(w) for w in words]
    assert site.key("Ludzie") == "czlowiek" and site.key("CRM") == "crm"
    # Forms the learned rules already bring to their lemma are not listed.
    assert "klienta" not in lexicon and "klientów" not in lexicon
    assert set(lexicon) <= {"ludzie", "ludzi"}
    assert browser.keys("Ludzie i ludzi") == ["czlowiek", "i", "czlowiek"]


def test_bridge_leads_an_unseen_form_to_the_site_key() -> None:
    # The site has two forms of a lemma whose rule key differs from the lemma key.
    site = Analyzer(load_table("pl"), lemmatizer={"xaby": "qqq", "xabie": "qqq"}.get)
    rule = site.rule_key("xaby")
    lexicon, bridge = site.browser_tables(["xaby", "xabie"])
    assert bridge.get(rule) == "qqq"
    assert Analyzer(load_table("pl"), lexicon, bridge).key("xaby") == "qqq"


def test_later_guesses_shorter_than_min_length_are_skipped() -> None:
    """Estonian `laul`: the end `-ul` leaves `la`, which the bridge led to `minema`; no lemma is so short."""
    table = load_table("et")
    found = guesses(table, "laul")
    assert found[0] == "laul"
    assert all(len(guess) >= table.min_length for guess in found)
    browser = Analyzer(table, {}, {"la": "minema"}, known=frozenset())
    assert browser.key("laul") == "laul"
    assert node_run("et", words=["laul"], bridge={"la": "minema"}, terms=[]).keys == ["laul"]
