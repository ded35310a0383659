"""kb-search on real builds: one index per language, morphology keys, synonyms, sections."""

from __future__ import annotations

import posixpath
import re
from pathlib import Path

from kb_generator.morphology import analyzer, fold
from kb_generator.search.index import FIELDS
from lunr.index import Index

from tests.conftest import page, site_config
from tests.search import node
from tests.search.conftest import LOCALES, SearchSite, build_search_site
from tests.search.payload import unpack

TITLES = {"pl": "Reklamacje i zwroty", "et": "Kaebused ja tagastused", "sk": "Reklamácie a vrátenie"}


def terms(site: SearchSite, locale: str) -> set[str]:
    return {term for term, _ in unpack(site.payload(locale))["invertedIndex"]}


def test_one_index_per_language_and_no_merged_index(search_site: SearchSite) -> None:
    assert not (search_site.site / "search").exists()
    for locale in LOCALES:
        payload = search_site.payload(locale)
        assert payload["locale"] == locale
        titles = {doc["t"] for doc in payload["docs"]}
        assert TITLES[locale] in titles
        assert not titles & {TITLES[other] for other in LOCALES if other != locale}
        # Locations are relative to the language root, which Material uses as base.
        assert all(not doc["l"].startswith(("/", f"{locale}/")) for doc in payload["docs"])


def test_search_index_json_is_tiny_and_names_the_real_index(search_site: SearchSite) -> None:
    for locale in LOCALES:
        path = search_site.site / locale / "search" / "search_index.json"
        assert path.stat().st_size < 1024
        data = search_site.config(locale)
        assert data["docs"] == []
        kb = data["config"]["kb"]
        # URLs are relative to the worker, which resolves them against its own URL.
        worker = "assets/kb/search/worker.js"
        index = posixpath.normpath(posixpath.join(posixpath.dirname(worker), kb["index"].split("?")[0]))
        assert index == f"{locale}/search/kb_index.json"
    # One request: the worker carries lunr.js (with its licence), the morphology twin and the engine.
    worker = (search_site.site / "assets/kb/search/worker.js").read_text(encoding="utf-8")
    assert "@license MIT" in worker and "KbMorphology" in worker and "KbSearch" in worker
    assert worker.index("/* engine.js */") < worker.index("/* worker.js */")
    assert sorted(p.name for p in (search_site.site / "assets/kb/search").iterdir()) == ["worker.js"]


def test_page_points_material_at_our_worker_and_language_root(search_site: SearchSite) -> None:
    html = (search_site.site / "et/abi/kaebused/index.html").read_text(encoding="utf-8")
    # The fragment names the language's index, fetched as soon as the worker starts.
    assert re.search(r'config\.search = "\.\./\.\./\.\./assets/kb/search/worker\.js\?v=[0-9a-f]+'
                     r'#\.\./\.\./\.\./et/search/kb_index\.json\?v=[0-9a-f]+"', html)
    assert 'config.base = "../../"' in html


def test_index_holds_morphology_keys_and_folded_forms_only(search_site: SearchSite) -> None:
    pl = terms(search_site, "pl")
    core = analyzer("pl")
    # Every inflected form of a word meets its other forms through one key.
    assert core.key("reklamację") == core.key("reklamacjami") == core.key("reklamacja")
    assert core.key("reklamację") in pl
    assert "reklamacje" in pl  # the folded surface form of "reklamację"
    assert all(term == fold(term) for term in pl)  # nothing with case or diacritics
    assert "ł" not in "".join(pl) and "lacz" in "".join(pl)  # ł folded, not dropped (lunr's trimmer)
    serialized = unpack(search_site.payload("pl"))
    assert serialized["pipeline"] == [] and serialized["version"] == "2.3.9"
    assert serialized["fields"] == list(FIELDS)


def test_excluded_pages_and_elements_and_other_languages_are_not_indexed(search_site: SearchSite) -> None:
    payload = search_site.payload("pl")
    text = " ".join(doc["t"] + " " + doc["x"] for doc in payload["docs"])
    assert "Szkic" not in text and "Niewidoczny" not in text  # search: exclude: true
    assert "ślimak" not in text  # data-search-exclude on a paragraph
    assert "redakcji" not in text and "żółwiu" not in text  # ... and on a heading: its section
    assert "kilpkonn" not in text  # lang="et" on a Polish page
    assert "alert" not in text  # scripts
    assert "rabatowy & nie" in text  # raw HTML keeps its text


def test_sections_deep_link_with_anchors_and_faq_questions_are_marked(search_site: SearchSite) -> None:
    payload = search_site.payload("pl")
    docs = {doc["l"]: doc for doc in payload["docs"]}
    parent = {doc["l"]: p for doc, p in zip(payload["docs"], payload["parents"], strict=True)}
    faq = docs["pomoc/reklamacje/#complaint-how-to-file"]
    assert faq["t"] == "Jak złożyć reklamację?" and faq.get("q") == 1
    assert "q" not in docs["pomoc/reklamacje/#merge"]
    page_doc = docs["pomoc/reklamacje/"]
    assert page_doc["t"] == "Reklamacje i zwroty" and page_doc["x"] == "Tu opisujemy zwroty towaru."
    position = list(docs).index("pomoc/reklamacje/")
    assert parent[faq["l"]] == parent["pomoc/reklamacje/#merge"] == parent[page_doc["l"]] == position
    sk = {doc["l"] for doc in search_site.payload("sk")["docs"]}
    assert "pomoc/reklamacie/#complaint-refund" in sk


def test_glossary_names_are_synonyms(search_site: SearchSite) -> None:
    groups = search_site.payload("pl")["synonyms"]
    core = analyzer("pl")
    assert [[[core.key("CX"), "cx"]], [[core.key("doświadczenie"), "doswiadczenie"],
            [core.key("klienta"), "klienta"]]] == [groups[0][2], groups[0][0]]
    assert search_site.payload("et")["synonyms"] == []  # no glossary file in et/


def test_python_lunr_and_lunr_js_agree_on_the_index(search_site: SearchSite) -> None:
    payload = search_site.payload("pl")
    index = Index.load(unpack(payload))
    probes = [analyzer("pl").key("reklamacja"), "zwrot", analyzer("pl").key("pieniądze")]
    js = node.search(payload, [], raw=probes)["raw"]
    for term, expected in zip(probes, js, strict=True):
        query = index.create_query()
        query.term(term, use_pipeline=False)
        python = [(r["ref"], r["score"]) for r in index.query(query)]
        assert [ref for ref, _ in python] == [ref for ref, _ in expected]
        assert all(abs(a - b) < 1e-6 for (_, a), (_, b) in zip(python, expected, strict=True))
        assert python


def test_engine_scores_documents_as_lunr_js_query_does(search_site: SearchSite) -> None:
    """The worker scores straight from the postings; lunr.js's query() is the oracle."""
    payload = search_site.payload("pl")
    key = analyzer("pl").key
    clauses = [
        {key("reklamacja"): 1.0},
        {key("reklamacja"): 1.0, "zwrot": 0.5, key("pieniądze"): 0.4},
        {key("klient"): 1.0, key("klienta"): 0.5, key("konsultant"): 0.5},
    ]
    compared = node.search(payload, [], clauses=clauses)["clauses"]
    for boosts, result in zip(clauses, compared, strict=True):
        engine = {ref: (score, terms) for ref, score, terms in result["engine"]}
        oracle = {ref: (score, terms) for ref, score, terms in result["lunr"]}
        assert oracle, boosts
        assert engine.keys() == oracle.keys()
        for ref, (score, terms) in oracle.items():
            assert abs(engine[ref][0] - score) < 1e-9 and engine[ref][1] == terms


def test_site_without_static_i18n_keeps_its_root_search_files(tmp_path: Path) -> None:
    config = site_config()
    config["plugins"] = ["search", "kb-search"]
    site = build_search_site(tmp_path, {
        "index.md": page("Start", None, "Witamy."),
        "reklamacje.md": page("Reklamacje", None, "## Jak złożyć reklamację? {#how}\n\nOpis."),
    }, config)
    assert not site.warnings
    data = site.config("")
    assert data["docs"] == [] and data["config"]["kb"]["index"].startswith("../../../search/kb_index.json")
    docs = {doc["l"] for doc in site.payload("")["docs"]}
    assert "reklamacje/#how" in docs


def test_code_spans_are_indexed_as_the_characters_written(tmp_path: Path) -> None:
    """Markdown keeps a code span's text entity-escaped; search shows (and escapes) characters."""
    config = site_config()
    config["plugins"] = ["search", "kb-search"]
    site = build_search_site(tmp_path, {
        "index.md": page("Start", None, "Wpisz `<script>` albo `a &amp; b` w polu.\n\n"
                                        "    <b>blok</b> & kod\n"),
    }, config)
    assert not site.warnings
    texts = " ".join(doc["x"] for doc in site.payload("")["docs"])
    assert "<script>" in texts and "a &amp; b" in texts and "<b>blok</b> & kod" in texts
    assert "&lt;" not in texts
