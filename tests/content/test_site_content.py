"""The bundled site's content: complete in every language, original, consistent."""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path

import pytest
import yaml
from kb_generator.core.front_matter import read_front_matter

ROOT = Path(__file__).parents[2]
DOCS = ROOT / "docs"
LOCALES = ("pl", "et", "sk")
SEEDS = ROOT.parent / "shared" / "reference" / "seeds"
QUESTION_ID = re.compile(r"^#{2,3} .+\?\s*\{#([a-z0-9-]+)\}\s*$", re.MULTILINE)


def pages(locale: str) -> dict[str, Path]:
    """Translation key -> page of a language."""
    found = {}
    for path in sorted((DOCS / locale).rglob("*.md")):
        key = read_front_matter(path.read_text(encoding="utf-8")).fields.get("key")
        assert key, f"{path} has no translation key"
        assert key not in found, f"{path}: key {key} also in {found[key]}"
        found[key] = path
    return found


def test_every_translation_key_exists_in_every_language() -> None:
    keys = {locale: set(pages(locale)) for locale in LOCALES}
    every = set().union(*keys.values())
    for locale in LOCALES:
        assert keys[locale] == every, f"{locale} lacks {sorted(every - keys[locale])}"


def test_every_faq_id_exists_in_every_language_on_the_same_page() -> None:
    ids: dict[str, dict[str, set[str]]] = defaultdict(dict)
    for locale in LOCALES:
        for key, path in pages(locale).items():
            ids[key][locale] = set(QUESTION_ID.findall(path.read_text(encoding="utf-8")))
    total = 0
    for key, by_locale in ids.items():
        reference = set().union(*by_locale.values())
        for locale in LOCALES:
            assert by_locale[locale] == reference, (
                f"{key} ({locale}) lacks question ids {sorted(reference - by_locale[locale])}")
        total += len(reference)
    assert total >= 30  # per language; 90+ answers over the three languages


def test_sizes_of_the_academy_faq_and_glossary() -> None:
    for locale in LOCALES:
        by_key = pages(locale)
        articles = [p for p in by_key.values() if p.parent.name in ("akademia", "akadeemia")
                    and p.name != "index.md"]
        assert len(articles) >= 8
        for article in articles:
            body = article.read_text(encoding="utf-8").split("\n---", 1)[1]
            words = len(re.findall(r"\w+", body))
            assert 800 <= words <= 2000, f"{article}: {words} words"
        faq = [p for p in by_key.values() if read_front_matter(
            p.read_text(encoding="utf-8")).fields.get("faq")]
        questions = sum(len(QUESTION_ID.findall(p.read_text(encoding="utf-8"))) for p in faq)
        assert questions >= 30, f"{locale}: {questions} FAQ answers"
        terms = yaml.safe_load((DOCS / locale / "glossary.yml").read_text(encoding="utf-8"))
        assert len(terms["terms"]) >= 40


def shingles(text: str, size: int = 10) -> set[str]:
    words = re.findall(r"\w+", text.lower())
    return {" ".join(words[i:i + size]) for i in range(len(words) - size + 1)}


@pytest.mark.skipif(not SEEDS.exists(), reason="reference texts are not beside the clone")
def test_no_ten_word_run_is_shared_with_the_reference_texts() -> None:
    seed: set[str] = set()
    for path in SEEDS.glob("*.txt"):
        seed |= shingles(path.read_text(encoding="utf-8"))
    for path in sorted(DOCS.rglob("*")):
        if path.suffix in (".md", ".yml"):
            shared = shingles(path.read_text(encoding="utf-8")) & seed
            assert not shared, f"{path} shares {sorted(shared)[:3]}"
