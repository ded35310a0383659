"""Site lemmas where a dictionary package has no wheel for the machine."""

from __future__ import annotations

import sys

import pytest
from kb_generator.morphology import lemmas


def test_polish_falls_back_to_simplemma_without_morfeusz(monkeypatch: pytest.MonkeyPatch) -> None:
    """Linux on aarch64 has no Morfeusz 2 wheel: Polish still gets dictionary lemmas."""
    lemmas._morfeusz.cache_clear()
    monkeypatch.setitem(sys.modules, "morfeusz2", None)  # `import morfeusz2` raises ImportError
    try:
        lemmatize = lemmas._polish()
        assert lemmatize("reklamacji") == "reklamacja"
        assert lemmatize("klientów") == "klient"
    finally:
        lemmas._morfeusz.cache_clear()


def test_polish_lemma_comes_from_a_reading_of_the_whole_word() -> None:
    """Morfeusz also segments `kiedyś` as `kiedy` + the clitic `-ś`; that is not its lemma."""
    pytest.importorskip("morfeusz2")
    lemmatize = lemmas._polish()
    assert lemmatize("kiedyś") == "kiedyś"
    assert lemmatize("kiedy") == "kiedy"
    assert lemmatize("reklamacji") == "reklamacja"
