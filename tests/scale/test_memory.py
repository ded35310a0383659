"""What keeps a large build's memory down: the same site from less memory.

Figures (peak memory per size) live in benchmarks/search_typing.py; these
tests pin the behaviour that produces them.
"""

from __future__ import annotations

import json
from pathlib import Path
from types import SimpleNamespace

import pytest
import simplemma
from kb_generator.morphology import lemmas
from kb_generator.morphology.tokens import WORD
from kb_generator.scale.page_texts import CompactPages
from simplemma.strategies.dictionaries import DEFAULT_DICTIONARY_FACTORY

from tests.conftest import BuildSite, page, write_tree
from tests.scale.test_scale import corpus, same_tree, scale

ROOT = Path(__file__).resolve().parents[2]


def site_words(locale: str) -> list[str]:
    """Every distinct lowercased word of the bundled site's pages of a language."""
    pages = sorted((ROOT / "docs" / locale).rglob("*.md"))
    text = " ".join(path.read_text(encoding="utf-8") for path in pages)
    return sorted({word.lower() for word in WORD.findall(text)})


@pytest.mark.parametrize("locale", ["pl", "et", "sk"])
def test_streamed_dictionaries_answer_as_the_in_memory_ones(locale: str) -> None:
    """simplemma's `low_memory` dictionaries know and lemmatise every site word the same way."""
    words = site_words(locale)
    assert len(words) > 500
    try:
        for word in words:
            known = simplemma.is_known(word, lang=locale)
            assert simplemma.is_known(word, lang=locale, low_memory=True) == known, word
            if known:
                assert (simplemma.lemmatize(word, lang=locale, low_memory=True)
                        == simplemma.lemmatize(word, lang=locale)), word
    finally:
        DEFAULT_DICTIONARY_FACTORY._get_dictionary.cache_clear()  # 86-362 MB a language


@pytest.mark.parametrize("locale", ["pl", "et", "sk"])
def test_site_lemmas_never_load_a_whole_dictionary(locale: str) -> None:
    """A language process keeps simplemma's compressed stream, not a dict of every form."""
    DEFAULT_DICTIONARY_FACTORY._get_dictionary.cache_clear()
    lemmas.site_lemmatizer.cache_clear()
    try:
        lemmatize = lemmas.site_lemmatizer(locale)
        assert lemmatize is not None
        assert {word: lemmatize(word) for word in ("klienta", "reklamácie", "klientidele")}
        assert DEFAULT_DICTIONARY_FACTORY._get_dictionary.cache_info().currsize == 0
    finally:
        lemmas.site_lemmatizer.cache_clear()


RECORD_HOOK = '''
import json
from pathlib import Path


def on_env(env, config, files):
    """What every converted page of this build still holds when the first template is rendered."""
    held = {f.src_uri: [len(f.page.markdown or ""), len(f.page.content or "")]
            for f in files.documentation_pages() if f.page is not None}
    with open(Path(config.config_file_path).parent / "held.jsonl", "a", encoding="utf-8") as out:
        out.write(json.dumps(held) + "\\n")
    return env
'''


def held_texts(root: Path) -> dict[str, list[int]]:
    """Markdown and HTML lengths per page at `on_env`, from every language's build."""
    held: dict[str, list[int]] = {}
    for line in (root / "held.jsonl").read_text(encoding="utf-8").splitlines():
        held.update(json.loads(line))
    return held


def test_converted_pages_hold_no_text_until_written(build_site: BuildSite, tmp_path: Path) -> None:
    """With `compact_pages` no page holds its texts between conversion and writing; same site."""
    files = corpus(4)
    files["sk/akademia/a-000.md"] = page(
        "Zákazník", "a-0", "Reklamácia **zákazníka** \U0001f600.\n\n## Ďalej\n\nText.")
    sites = {}
    for compact in (True, False):
        root = tmp_path / str(compact)
        write_tree(root, {"record.py": RECORD_HOOK})
        config = scale(compact_pages=compact)
        config["hooks"] = ["record.py"]
        sites[compact] = build_site(files, config, root=root)
        held = held_texts(root)
        assert "sk/akademia/a-000.md" in held and "pl/akademia/a-003.md" in held
        if compact:
            assert all(lengths == [0, 0] for lengths in held.values()), held
        else:
            assert all(markdown > 0 and html > 0 for markdown, html in held.values()), held
    assert "Reklamácia <strong>zákazníka</strong> \U0001f600" in sites[True].html("sk/akademia/a-000/")
    assert same_tree(sites[True].site, sites[False].site) == []


def test_a_page_gets_back_exactly_its_html() -> None:
    """Compressed and restored: the same string (any Unicode, lone surrogates too); then released."""
    pages = CompactPages()
    page = SimpleNamespace(file=SimpleNamespace(src_uri="sk/a.md"), markdown="# A", content=None)
    html = "<p>Ďakujeme \U0001f600 \ud800 &amp;</p>" * 50
    assert pages.store(page, html) == ""  # type: ignore[arg-type]
    assert page.markdown == ""
    assert len(pages.stored["sk/a.md"]) < len(html) / 5
    pages.restore(page)  # type: ignore[arg-type]
    assert page.content == html
    assert pages.stored == {}
    pages.release(page)  # type: ignore[arg-type]
    assert page.content == ""


SPOOL_HOOK = '''
import json
import os
from pathlib import Path


def on_page_content(html, page, config, files):
    """Where kb-search keeps the pages it has indexed so far (after its own hook)."""
    spool = config.plugins["kb-search"].pages
    where = os.readlink(f"/proc/self/fd/{spool.file.fileno()}")
    with open(Path(config.config_file_path).parent / "spooled.jsonl", "a", encoding="utf-8") as out:
        out.write(json.dumps([page.file.src_uri, len(spool), where, config.site_dir]) + "\\n")
    return html
'''


def test_indexed_pages_wait_on_disk_inside_the_site_folder(build_site: BuildSite, tmp_path: Path) -> None:
    """kb-search holds no page texts until its index: they wait in a nameless file of the site folder."""
    write_tree(tmp_path, {"spool.py": SPOOL_HOOK})
    config = scale()
    config["hooks"] = ["spool.py"]
    built = build_site(corpus(3), config, root=tmp_path)
    records = [json.loads(line) for line in (tmp_path / "spooled.jsonl").read_text().splitlines()]
    site = str(built.site.resolve())
    assert {src.split("/")[0] for src, *_ in records} == {"pl", "et", "sk"}
    for src, count, where, site_dir in records:
        assert count >= 1, src
        assert where.startswith(f"{site}/") and where.startswith(f"{Path(site_dir).resolve()}/"), where
    assert max(count for src, count, *_ in records if src.startswith("et/")) == 4  # home and 3 articles
    assert not [p for p in built.site.rglob("*") if ".kb-spool" in p.name]
