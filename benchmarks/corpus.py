"""Benchmark corpora: the shared synthetic corpus plus a glossary per language.

Used by the glossary-overhead and scale benchmarks. The articles come from
`../shared/bench/synth_corpus.py` (deterministic); we add translation keys,
a glossary of N terms per language (frequent words and word pairs of the
corpus, so terms really occur) and a glossary page, and write mkdocs.yml
variants: `plain` (Material + static-i18n only) and `ours` (every kb plugin).
"""

from __future__ import annotations

import collections
import itertools
import re
import subprocess
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
LOCALES = ("pl", "et", "sk")
NAMES = {"pl": "Polski", "et": "Eesti", "sk": "Slovenčina"}
GLOSSARY_PAGES = {"pl": "slowniczek.md", "et": "sonastik.md", "sk": "slovnik.md"}


def make_corpus(out: Path, articles: int, terms: int) -> Path:
    """Write the corpus into `out` (reused when it already exists)."""
    marker = out / f".done-{articles}-{terms}"
    if marker.exists():
        _write_configs(out)
        return out
    seeds = SHARED / "reference" / "seeds"
    subprocess.run(
        [sys.executable, str(SHARED / "bench" / "synth_corpus.py"), str(seeds), str(out),
         str(articles)], check=True, capture_output=True,
    )
    for locale in LOCALES:
        folder = out / "docs" / locale
        for path in sorted((folder / "academy").glob("a-*.md")):
            text = path.read_text(encoding="utf-8")
            text = text.replace("\n---", f"\nkey: {path.stem}\n---", 1)
            path.write_text(text, encoding="utf-8")
        (folder / "index.md").write_text(
            f"---\ntitle: {locale}\ndescription: Home of {locale}.\nkey: home\n---\n\nHome.\n",
            encoding="utf-8",
        )
        (folder / "glossary.yml").write_text(
            yaml.safe_dump({"terms": _terms(folder / "academy", terms)}, allow_unicode=True),
            encoding="utf-8",
        )
        (folder / GLOSSARY_PAGES[locale]).write_text(
            f"---\ntitle: Glossary {locale}\ndescription: Terms.\nkey: glossary\n---\n\nTerms.\n",
            encoding="utf-8",
        )
    _write_configs(out)
    marker.touch()
    return out


def _write_configs(out: Path) -> None:
    for variant in ("plain", "ours", "ours-no-glossary"):
        (out / f"mkdocs-{variant}.yml").write_text(
            yaml.safe_dump(config(variant), allow_unicode=True), encoding="utf-8"
        )


def _terms(folder: Path, count: int) -> list[dict[str, object]]:
    """Long words and word pairs that occur on some pages (not on all), as terms.

    Like real glossary terms: each is mentioned by a minority of the articles.
    """
    words: collections.Counter[str] = collections.Counter()
    pairs: collections.Counter[str] = collections.Counter()
    pages = sorted(folder.glob("a-*.md"))
    for path in pages:
        tokens = re.findall(r"[^\W\d_]{6,}", path.read_text(encoding="utf-8").lower())
        words.update(set(tokens))
        pairs.update({f"{a} {b}" for a, b in itertools.pairwise(tokens)})
    ceiling = len(pages) // 5
    chosen = [w for w, n in words.most_common() if 2 <= n <= ceiling][: count // 2]
    chosen += [p for p, n in pairs.most_common() if 2 <= n <= ceiling][: count - len(chosen)]
    return [
        {"id": f"t{i:03d}", "term": name, "definition": f"Definition of {name}."}
        for i, name in enumerate(chosen)
    ]


def config(variant: str) -> dict[str, object]:
    """mkdocs.yml of a variant; `plain` is what a site gets without our plugins."""
    languages = [
        {"locale": code, "name": NAMES[code], "default": code == "pl", "link": f"/{code}/"}
        for code in LOCALES
    ]
    plugins: list[object] = ["search"]
    if variant != "plain":
        plugins += [
            {"kb-translations": {"missing_translation": "ignore", "required_fields": ["title"]}},
            "kb-locale",
        ]
        if variant == "ours":
            plugins.append("kb-glossary")
        plugins += ["kb-answers", "kb-search", "kb-scale"]
    plugins.append({"i18n": {
        "docs_structure": "folder", "fallback_to_default": False, "languages": languages,
    }})
    return {
        "site_name": "Bench", "site_url": "https://bench.example.org/",
        "theme": {"name": "material", "language": "pl"},
        "plugins": plugins,
        "markdown_extensions": ["attr_list", "md_in_html", {"toc": {"permalink": True}}],
    }
