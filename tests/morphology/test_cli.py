"""kb-morphology keys / learn, the learner, and the dictionary lemmatisers behind site keys."""

from __future__ import annotations

import io
import subprocess
import sys

import pytest
from kb_generator.morphology import analyzer, fold, key, learn, query_analyzer
from kb_generator.morphology.cli import main, query_keys, site_keys
from kb_generator.morphology.learn import learn_rules
from kb_generator.morphology.rules import parse_table
from kb_generator.morphology.stemmer import apply_table


def run(
    argv: list[str], text: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> str:
    monkeypatch.setattr(sys, "stdin", io.StringIO(text))
    assert main(argv) == 0
    return capsys.readouterr().out


def test_keys_prints_one_site_key_per_line_in_order(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    out = run(["keys", "--locale", "pl"], "Obsłudze\n\nklientów\nCRM\n24h\n", monkeypatch, capsys)
    assert out.splitlines() == ["obsluga", "", "klient", "crm", "24h"]


def test_console_script_runs_as_a_process() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "kb_generator.morphology.cli", "keys", "--locale", "sk"],
        input="službou\nslužieb\n", capture_output=True, text=True, check=True,
    )
    assert proc.stdout.splitlines() == ["sluzba", "sluzba"]


def test_unknown_command_or_missing_locale_fails(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["keys"])
    with pytest.raises(SystemExit):
        main(["stem", "--locale", "pl"])
    assert "--locale" in capsys.readouterr().err


def test_query_key_never_meets_the_word_through_its_own_entry() -> None:
    # Alone, a word's query key is what the rules give: no site form votes for it.
    core = analyzer("pl")
    assert query_keys(["obsłudze"], "pl") == [core.rule_key("obsłudze")]
    # With other forms of its lemma on the "site", their votes lead it to the site key.
    words = ["obsługa", "obsługi", "obsłudze", "obsługę", "CRM"]
    assert query_keys(words, "pl") == site_keys(words, "pl") == ["obsluga"] * 4 + ["crm"]


def test_query_keys_are_the_browser_keys_of_a_site_without_the_word() -> None:
    words = ["reklamacja", "reklamacji", "reklamację", "reklamacjami", "zwrot", "zwrotu"]
    for index, word in enumerate(words):
        others = words[:index] + words[index + 1:]
        core = analyzer("pl")
        _, bridge = core.browser_tables(others)
        terms = {core.key(w) for w in others} | {fold(w) for w in others}
        browser = query_analyzer("pl", {}, bridge, terms)  # the word is not in the site's lexicon
        assert query_keys(words, "pl")[index] == browser.key(word)


def test_a_word_the_site_lacks_falls_back_to_a_guess_the_index_knows() -> None:
    # `avan` (I open): the whole word keeps itself, `-an` -> `-ama` gives the verb.
    core = analyzer("et")
    assert core.rule_keys("avan")[0] == "avan" and "avama" in core.rule_keys("avan")
    assert query_keys(["avan", "avama", "avab"], "et") == ["avama"] * 3
    # Without the index's terms (or with a term list that lacks the verb) the best guess stays.
    assert query_analyzer("et").key("avan") == "avan"
    assert query_analyzer("et", known={"avab"}).key("avan") == "avan"
    assert query_analyzer("et", known={"avama"}).key("avan") == "avama"


def test_learned_rules_reproduce_their_training_pairs() -> None:
    pairs = [("klienta", "klient"), ("klientowi", "klient"), ("agenta", "agent"), ("agentowi", "agent"),
             ("okna", "okno"), ("kina", "kino"), ("kinami", "kino")]
    rules = learn_rules(pairs, max_context=5, min_count=1)
    table = parse_table({"locale": "xx", "min_length": 1, "steps": [{"name": "learned", "rules": rules}]})
    assert {form: apply_table(table, form) for form, _ in pairs} == dict(pairs)
    # Only decisions that differ from the shorter word end's are kept.
    assert len(rules) < len({form[-n:] for form, _ in pairs for n in range(1, 6)})


def test_learned_rules_may_take_the_whole_word_as_context() -> None:
    # Short lemmas keep themselves instead of taking the edit of longer words with their ending.
    pairs = [("nakyp", "nakypať"), ("vykyp", "vykypať"), ("zakyp", "zakypať"), ("typ", "typ")]
    table = parse_table({"locale": "xx", "min_length": 1,
                         "steps": [{"name": "learned", "rules": learn_rules(pairs, min_count=1)}]})
    assert apply_table(table, "typ") == "typ"
    assert apply_table(table, "dokyp") == "dokypať"


def test_short_whole_forms_become_rules_below_min_count() -> None:
    # An irregular short form (`teeb` of `tegema`) is no word end of many forms.
    pairs = [("teeb", "tegema"), ("hoiab", "hoidma"), ("loeb", "lugema"),
             ("keeb", "keema"), ("veeb", "veema")]
    plain = parse_table({"locale": "xx", "min_length": 1,
                         "steps": [{"name": "learned", "rules": learn_rules(pairs, min_count=2)}]})
    short = parse_table({"locale": "xx", "min_length": 1,
                         "steps": [{"name": "learned", "rules": learn_rules(pairs, min_count=2, short=4)}]})
    assert apply_table(plain, "teeb") != "tegema"
    assert apply_table(short, "teeb") == "tegema" and apply_table(short, "keeb") == "keema"
    assert apply_table(short, "hoiab") == apply_table(plain, "hoiab")  # longer forms: as before


def test_learned_rules_weigh_frequent_forms() -> None:
    pairs = [("nową", "nowy"), ("płyną", "płynąć"), ("miną", "minąć")]
    by_type = learn_rules(pairs, max_context=2, min_count=1)
    by_frequency = learn_rules(pairs, max_context=2, min_count=1,
                               weight=lambda form: 10.0 if form == "nową" else 1.0)
    assert ["ą", "ąć", 0] in by_type
    assert ["ą", "y", 0] in by_frequency


def test_dictionary_keys_merge_paradigms_the_rules_split() -> None:
    assert key("zgłoszenie", "pl") == key("zgłoszenia", "pl") == key("zgłoszeń", "pl")
    assert key("klienditoe", "et") == key("klienditugi", "et")
    # Estonian participles belong to their verb.
    assert key("kirjutanud", "et") == key("kirjutama", "et") == key("kirjutab", "et")
    # ... also when simplemma has them as words of their own: the verb of their paradigm mates
    # (teinuvat, teinuks; võetakse, võeti).
    assert key("teinud", "et") == key("tegema", "et") == key("teeb", "et")
    assert key("võetud", "et") == key("võtma", "et")
    # The emphatic clitic -gi/-ki on a form the dictionary does not list.
    assert key("punktigi", "et") == key("punkti", "et") == key("punkt", "et")
    # A table exception overrides the dictionary (simplemma: czacie -> czata).
    assert key("czacie", "pl") == key("czat", "pl") == "czat"
    assert key("zákazník", "sk") != key("zákaznícky", "sk")


def test_polish_rules_learn_the_lemma_the_build_gives(monkeypatch: pytest.MonkeyPatch) -> None:
    """simplemma says programowi -> programowy; the build says program, and the rules learn that."""
    pytest.importorskip("morfeusz2")
    pairs = [("programowi", "programowy"), ("mówiącego", "mówiący"), ("xqzowi", "xqzowy")]
    monkeypatch.setattr(learn, "simplemma_pairs", lambda locale: iter(pairs))
    assert "pl" in learn.SITE_LEMMAS
    assert list(learn.site_lemma_pairs("pl")) == [
        ("programowi", "program"), ("mówiącego", "mówić"), ("xqzowi", "xqzowy")]  # unknown: simplemma's
