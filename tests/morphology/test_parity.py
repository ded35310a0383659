"""The browser twin (assets/morphology.js under node) must equal the Python core.

node is required: without it the parity of build-time and browser keys is
unverified, so the test fails instead of skipping.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest
from kb_generator.morphology import SUPPORTED_LOCALES, Analyzer, analyzer, fold, load_table, tokenize
from kb_generator.morphology.rules import browser_table

from tests.morphology.parity import ASSET, node_run

from .groups import load_groups

ROOT = Path(__file__).resolve().parents[2]
SEEDS = Path("/work/shared/reference/seeds")
if not SEEDS.is_dir():
    SEEDS = ROOT.parent / "shared" / "reference" / "seeds"


def _texts(locale: str) -> list[str]:
    paths = sorted(SEEDS.glob(f"{locale}-*.txt")) + sorted((ROOT / "docs" / locale).rglob("*.md"))
    return [p.read_text(encoding="utf-8") for p in paths]


def _vocabulary(locale: str) -> list[str]:
    words: set[str] = set()
    for text in _texts(locale):
        words.update(t.text for t in tokenize(text))
    groups = load_groups()[locale]
    for kind in ("merge", "distinct", "folded", "known_collisions"):
        for item in groups[kind]:
            words.update(item)
    for phrases in groups["phrases"]:
        for phrase in phrases:
            words.update(t.text for t in tokenize(phrase))
    # Case variants exercise abbreviations and shouted words.
    extra = {w.upper() for w in list(words)[:500]} | {w.capitalize() for w in list(words)[:500]}
    return sorted(words | extra | {"CRM", "NPS", "B2B", "24h", "ǅungla", "İstanbul", "ΣΟΦΟΣ"})


def test_node_is_available() -> None:
    assert shutil.which("node"), "node is required for the morphology parity tests"


@pytest.mark.parametrize("locale", [*SUPPORTED_LOCALES, "en"])
def test_keys_identical(locale: str) -> None:
    words = _vocabulary(locale if locale != "en" else "pl")
    if locale != "en":
        assert len(words) > 1500, "the word list should cover the seed texts"
    site = analyzer(locale)
    lexicon, bridge = site.browser_tables(words)
    result = node_run(locale, words=words, lexicon=lexicon, bridge=bridge)
    assert result.stems == [site.stem(w) for w in words]
    # Every word of the vocabulary: the browser's key is the build's key ...
    assert {w: k for w, k in zip(words, result.keys, strict=True) if k != site.key(w)} == {}
    # ... and for any word (here: the same words without the shipped tables) Python's
    # browser-side key equals JavaScript's.
    bare = Analyzer(load_table(locale), {}, bridge)
    assert node_run(locale, words=words, bridge=bridge).keys == [bare.key(w) for w in words]
    assert result.folds == [fold(w) for w in words]


@pytest.mark.parametrize("locale", SUPPORTED_LOCALES)
def test_words_the_site_lacks_identical_with_the_index_terms(locale: str) -> None:
    """A site of every other word: the rest are visitors' words, keyed with the index's term list."""
    words = _vocabulary(locale)
    site_words, visitors = words[::2], words[1::2]
    site = analyzer(locale)
    lexicon, bridge = site.browser_tables(site_words)
    terms = sorted({site.key(w) for w in site_words} | {fold(w) for w in site_words})
    browser = Analyzer(load_table(locale), lexicon, bridge, known=frozenset(terms))
    expected = [browser.key(w) for w in visitors]
    assert node_run(locale, words=visitors, lexicon=lexicon, bridge=bridge, terms=terms).keys == expected
    # The term list changes visitors' words only (later guesses), never a word of the site.
    assert [browser.key(w) for w in site_words] == [site.key(w) for w in site_words]
    plain = Analyzer(load_table(locale), lexicon, bridge)
    assert sum(plain.key(w) != k for w, k in zip(visitors, expected, strict=True)) > 20


@pytest.mark.parametrize("locale", SUPPORTED_LOCALES)
def test_derivational_relatives_identical(locale: str) -> None:
    """Every site key's family relatives (the table's `families`) are the same in the browser."""
    site = analyzer(locale)
    keys = sorted({site.key(w) for w in _vocabulary(locale)} | {"ǅungla", "a", ""})
    expected = [site.relatives(k) for k in keys]
    assert node_run(locale, relatives=keys).relatives == expected
    assert sum(map(len, expected)) > 1000, "the table's families should relate the site's keys"


@pytest.mark.parametrize("locale", SUPPORTED_LOCALES)
def test_tokenization_identical(locale: str) -> None:
    texts = [*_texts(locale), "e-mail, CRM-u; 24/7 — „obsługa”", unicodedata.normalize("NFD", "čakacích dôb")]
    result = node_run(locale, texts=texts)
    assert result.tokens == [tokenize(t) for t in texts]


def test_lexicon_and_bridge_identical() -> None:
    lexicon = {"ludzie": "czlowiek", "lepszy": "dobry"}
    bridge = {"klient": "klientka", "24h": "x", "crm": "y"}
    words = ["Ludzie", "ludzie", "LEPSZY", "lepszy", "CRM", "klientów", "klient", "24h"]
    core = Analyzer(load_table("pl"), lexicon, bridge)
    keys = node_run("pl", words=words, lexicon=lexicon, bridge=bridge).keys
    assert keys == [core.key(w) for w in words]
    # Abbreviations and words with digits never go through the tables.
    assert keys[4] == "crm" and keys[7] == "24h"


def _assigned_characters() -> list[str]:
    """Every character Python's Unicode database (14.0) assigns, except surrogates."""
    chars = []
    for code in range(sys.maxunicode + 1):
        char = chr(code)
        if unicodedata.category(char) not in ("Cn", "Cs"):
            chars.append(char)
    return chars


def test_fold_and_tokenize_identical_for_every_character() -> None:
    chars = _assigned_characters()
    result = node_run("und", words=chars, texts=["".join(chars)])
    mismatched = [c for c, js in zip(chars, result.folds, strict=True) if js != fold(c)]
    # Characters whose case mapping changed after Unicode 14 could differ;
    # none do today for the scripts we fold, and the list must stay empty.
    assert mismatched == []
    assert result.tokens == [tokenize("".join(chars))]


def test_classic_script_defines_global_in_worker_scope() -> None:
    """importScripts() in a worker: no module object, the API lands on self."""
    node = shutil.which("node")
    assert node
    out = subprocess.run(
        [node, str(Path(__file__).parent / "assets" / "worker_scope.cjs"), str(ASSET)],
        input=json.dumps(browser_table("pl")),
        capture_output=True,
        text=True,
        check=True,
    )
    assert json.loads(out.stdout) == [
        Analyzer(load_table("pl")).key("Obsłudze"), Analyzer(load_table("pl")).key("klientów")]
    assert json.loads(out.stdout)[1] == "klient"
