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


def test_polish_readings_by_kind_of_derivation() -> None:
    """Active participles go to their verb; gerunds and passive participles with a noun/adjective stay it."""
    pytest.importorskip("morfeusz2")
    lemmatize = lemmas.site_lemmatizer("pl")
    assert lemmatize is not None
    assert lemmatize("mówiący") == "mówić"  # Morfeusz: adj mówiący and pact mówić
    assert lemmatize("działania") == "działanie"  # subst działanie and ger działać
    assert lemmatize("zgłoszenia") == lemmatize("zgłoszenie") == "zgłoszenie"
    assert lemmatize("zamknięte") == "zamknięty"  # adj zamknięty and ppas zamknąć
    assert lemmatize("zgłosił") == "zgłosić"


def test_polish_homographs_go_to_the_much_more_frequent_lexeme() -> None:
    """`programowi`: dative of program or plural of programowy; simplemma says programowy."""
    pytest.importorskip("morfeusz2")
    lemmatize = lemmas.site_lemmatizer("pl")
    assert lemmatize is not None
    assert lemmatize("programowi") == "program"
    assert lemmatize("klientowi") == "klient"
    assert lemmatize("programowe") == "programowy"


def test_choose_reading_overrides_the_preferred_lemma_only_by_a_clear_margin() -> None:
    readings = [("programowy", "adj"), ("program", "subst")]
    zipf = {"program": 5.0, "programowy": 3.0}
    assert lemmas.choose_reading(readings, "programowy", lambda lemma: zipf.get(lemma, 0.0)) == "program"
    close = {"program": 5.0, "programowy": 4.7}  # less than OVERRIDE_FACTOR apart: simplemma stands
    assert lemmas.choose_reading(readings, "programowy", lambda lemma: close.get(lemma, 0.0)) == "programowy"
    unknown: dict[str, float] = {}  # neither lexeme counted: simplemma, else Morfeusz's first
    assert lemmas.choose_reading(readings, None, lambda lemma: unknown.get(lemma, 0.0)) == "programowy"


def test_lemma_frequency_table_is_shipped_with_the_package() -> None:
    zipf = lemmas.lemma_frequency("pl")
    assert len(zipf) > 20000
    assert zipf["program"] > zipf["programowy"]
    assert lemmas.lemma_frequency("et") == {}


def test_estonian_informal_spellings_of_forms_the_dictionary_lacks() -> None:
    """Web text writes `x` for `ks`, `-nd` for `-nud` and repeats letters; the standard form is looked up."""
    assert lemmas.informal_spellings("tulex") == ["tuleks"]
    assert lemmas.informal_spellings("läind") == ["läinud"]
    assert lemmas.informal_spellings("vääääga") == ["vääga", "väga"]
    assert lemmas.informal_spellings("klient") == []
    lemmatize = lemmas.site_lemmatizer("et")
    assert lemmatize is not None
    assert lemmatize("tulex") == lemmatize("tuleks") == "tulema"
    assert lemmatize("läind") == lemmatize("läinud") == "minema"
    assert lemmatize("vääääga") == "väga"
    assert lemmatize("klienditeenindus") == "klienditeenindus"  # a known form is never respelled


def test_estonian_case_ending_on_a_known_form() -> None:
    """`madalamaks` is missing from the dictionary, `madalama` (genitive of `madalam`) is not."""
    lemmatize = lemmas.site_lemmatizer("et")
    assert lemmatize is not None
    assert lemmatize("madalamaks") == lemmatize("madalama") == "madalam"
    assert lemmatize("remondimeest") == "remondimees"
    assert lemmatize("xqzwks") is None  # no known form under the ending: the learned rules decide


def test_slovak_negated_verbs_meet_their_verb() -> None:
    """simplemma lemmatises `nevrátil` as `nevrátiť`; UD and customers mean the verb `vrátiť`."""
    lemmatize = lemmas.site_lemmatizer("sk")
    assert lemmatize is not None
    assert lemmatize("nevrátil") == lemmatize("vrátil") == "vrátiť"
    assert lemmatize("nefunguje") == lemmatize("funguje") == "fungovať"
    assert lemmatize("nenávidí") == "nenávidieť"  # `návidí` is no word: the prefix belongs to the verb
    assert lemmatize("nezamestnanosť") == "nezamestnanosť"  # a noun in -osť keeps its prefix
    assert lemmatize("nedele") == "nedeľa"


def test_slovak_adjective_forms_go_to_the_masculine_lemma() -> None:
    """`vysokú` is listed under the noun `vysoká` (school); its adjective is `vysoký`."""
    lemmatize = lemmas.site_lemmatizer("sk")
    assert lemmatize is not None
    assert lemmatize("vysokú") == lemmatize("vysoký") == "vysoký"
    assert lemmatize("hlavnej") == "hlavný"
    assert lemmatize("zákaznícka") == "zákaznícky"
    assert lemmatize("nemocnice") == "nemocnica"  # a noun in -a stays a noun
