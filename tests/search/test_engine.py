"""The query side (assets/engine.js under node): normalisation, matching, ranking, results."""

from __future__ import annotations

from typing import Any

import pytest
from kb_generator.core.outline import Section
from kb_generator.morphology import analyzer, browser_table
from kb_generator.search.config import DEFAULT_BOOSTS
from kb_generator.search.index import IndexedPage, build_payload, synonym_groups

from tests.search import node
from tests.search.conftest import SearchSite


def payload(
    pages: list[IndexedPage], locale: str = "pl", synonyms: tuple[tuple[str, ...], ...] = ()
) -> dict[str, Any]:
    core = analyzer(locale)
    return build_payload(
        pages, core, table=browser_table(locale),
        synonyms=synonym_groups(synonyms, core), field_boosts=DEFAULT_BOOSTS,
        options={"fuzzy_min": 5, "excerpt": 80, "max_results": 20},
    )


def section(anchor: str, title: str, text: str, question: bool = False) -> Section:
    return Section(anchor, title, 2, (), question, [text])


def first(result: dict[str, Any]) -> str:
    return node.locations(result)[0]


def test_accentless_inflected_prefix_and_typo_queries_meet_the_text(search_site: SearchSite) -> None:
    results = node.search(search_site.payload("pl"), [
        "zlozyc reklamacje", "reklamacjami", "jak złożyć rekl", "reklamcja", "laczenie zamowien",
    ])["results"]
    assert first(results[0]) == "pomoc/reklamacje/#complaint-how-to-file"  # no diacritics
    assert "pomoc/reklamacje/#complaint-how-to-file" in node.locations(results[1])[:3]  # inflected
    assert first(results[2]) == "pomoc/reklamacje/#complaint-how-to-file"  # word being typed
    assert "pomoc/reklamacje/#complaint-how-to-file" in node.locations(results[3])[:3]  # one typo
    assert first(results[4]) == "pomoc/reklamacje/#merge"


def test_slovak_and_estonian_queries_without_diacritics(search_site: SearchSite) -> None:
    sk = node.search(search_site.payload("sk"), ["ako podat reklamaciu", "sluzba", "peniaze spat"])["results"]
    assert first(sk[0]) == "pomoc/reklamacie/#complaint-how-to-file"
    assert first(sk[1]) == "pomoc/reklamacie/#merge"  # "služba"
    assert first(sk[2]) == "pomoc/reklamacie/#complaint-refund"
    et = node.search(search_site.payload("et"), ["tellimuste uhendamine", "kaebuse esitamine"])["results"]
    assert first(et[0]) == "abi/kaebused/#merge"
    assert first(et[1]) == "abi/kaebused/#complaint-how-to-file"


def test_one_typo_in_long_words_only(search_site: SearchSite) -> None:
    results = node.search(search_site.payload("pl"), ["zamowinie", "krta zwrotu"])["results"]
    assert "pomoc/reklamacje/#complaint-how-to-file" in node.locations(results[0])[:3]  # zamówienie
    assert all(item["terms"].get("krta") is False for group in results[1]["items"] for item in group
               if "#" in item["location"])


def test_glossary_names_work_as_synonyms(search_site: SearchSite) -> None:
    results = node.search(search_site.payload("pl"), ["CX", "customer experience", "cx"])["results"]
    for result in results:
        assert "akademia/doswiadczenie/" in node.locations(result)[:3]


def test_headings_rank_above_body_text_and_every_word_above_some(search_site: SearchSite) -> None:
    results = node.search(search_site.payload("pl"), ["reklamacja", "zwrot pieniędzy karta"])["results"]
    order = node.locations(results[0])
    assert order.index("pomoc/reklamacje/#complaint-how-to-file") < order.index("pomoc/reklamacje/#merge")
    order = node.locations(results[1])
    assert order[0] == "pomoc/reklamacje/#complaint-refund"  # all three words
    assert order.index("akademia/doswiadczenie/#refunds-in-practice") > 0


def test_faq_questions_rank_above_plain_headings() -> None:
    pages = [
        IndexedPage("a/", "Artykuł", sections=[section("plain", "Zwrot pieniędzy", "Tekst o sklepie.")]),
        IndexedPage("b/", "Pomoc", sections=[section("faq", "Zwrot pieniędzy", "Tekst o sklepie.", True)]),
    ]
    result = node.search(payload(pages), ["zwrot pieniędzy"])["results"][0]
    assert node.locations(result)[0] == "b/#faq"


def test_exact_forms_rank_above_normalised_ones() -> None:
    pages = [
        IndexedPage("a/", "Artykuł", sections=[section("one", "Zasady", "Terminy reklamacji są krótkie.")]),
        IndexedPage("b/", "Pomoc", sections=[section("two", "Zasady", "Terminy reklamacja są krótkie.")]),
    ]
    results = node.search(payload(pages), ["reklamacji", "reklamacja"])["results"]
    assert node.locations(results[0])[0] == "a/#one"
    assert node.locations(results[1])[0] == "b/#two"


def test_results_are_material_groups_with_escaped_text_and_marks(search_site: SearchSite) -> None:
    result = node.search(search_site.payload("pl"), ["rabatowy kod"], {"suggest": True})["results"][0]
    group = result["items"][0]
    assert [item["location"] for item in group] == ["pomoc/reklamacje/#merge", "pomoc/reklamacje/"]
    merge, page_item = group
    assert "<mark>Kod</mark> <mark>rabatowy</mark> &amp; nie łączy się." in merge["text"]
    assert "<script>" not in merge["text"]
    assert merge["terms"] == {"kod": True, "rabatowy": True}
    assert page_item["score"] == 0 and page_item["terms"] == {}  # the page's own entry, added
    assert result["suggest"] == []  # the last word is complete
    pages = [IndexedPage("a/", "Tytuł <b>&", sections=[section("x", "Nagłówek <i>", "<img src=x>")])]
    item = node.search(payload(pages), ["img"])["results"][0]["items"][0][0]
    assert item["title"] == "Nagłówek &lt;i&gt;" and item["text"] == "&lt;<mark>img</mark> src=x&gt;"


def test_missing_words_and_suggestions(search_site: SearchSite) -> None:
    results = node.search(search_site.payload("pl"), ["reklamacja xyzzy", "zwrot pieni", "Zwrot Pieni"],
                          {"suggest": True})
    items = [item for group in results["results"][0]["items"] for item in group if item["score"]]
    assert items and all(item["terms"]["xyzzy"] is False for item in items)
    # A completion of the last word as typed (Material shows it only if it starts with it).
    assert results["results"][1]["suggest"] == ["pieniędzy"]
    assert results["results"][2]["suggest"] == ["Pieniędzy"]


@pytest.mark.parametrize("query", ["", "   ", "?!", "-"])
def test_empty_queries_give_no_results(search_site: SearchSite, query: str) -> None:
    assert node.search(search_site.payload("pl"), [query])["results"] == [{"items": []}]


def test_a_language_never_returns_another_languages_pages(search_site: SearchSite) -> None:
    queries = ["reklamacja", "Reklamacje i zwroty", "kaebus"]
    results = node.search(search_site.payload("et"), queries)["results"]
    assert results[0]["items"] == [] and results[1]["items"] == []
    assert all(location.startswith("abi/") for location in node.locations(results[2]))


@pytest.mark.parametrize(("pages", "expanded"), [(30, True), (2100, False)])
def test_a_very_common_word_is_not_expanded_on_a_big_site(pages: int, expanded: bool) -> None:
    """Its completions and stem neighbours would only re-score what it meets, at a large download."""
    site = [
        IndexedPage(f"p{n}/", f"Strona {n}", sections=[
            section("a", "Pytanie",
                    "Klient pyta o zamówienie." + (" Klientela rośnie." if n % 10 == 0 else "")),
        ])
        for n in range(pages)
    ]
    data = payload(site)
    assert data["count"] >= pages
    [[klient]] = node.search(data, [], expand=["klient "])["expansions"]
    assert analyzer("pl").key("klient") in klient  # the word itself always
    assert any(term.startswith("klientel") for term in klient) is expanded


def test_a_fragment_being_typed_stands_for_its_completions_even_when_its_key_is_a_word() -> None:
    """'zamowieni' (on its way to zamówienie) keys to zamowic, a word of the site: the
    stem neighbours of that key (zamówiony) are other words' postings, which on a large
    site were the most frequent of all (Estonian kliendit -> kliendi: seven term shards)."""
    site = [IndexedPage("p/", "Zamówienia", sections=[
        section("a", "Jak zamówić?", "Możesz zamówić towar. Zamówiony towar jedzie. Zamówienie przyjęte."),
    ])]
    data = payload(site)
    key = analyzer("pl").key("zamowieni")
    assert key in data["terms"] and "zamowieni" not in data["terms"]
    [[typed], [written]] = node.search(data, [], expand=["zamowieni", "zamowieni "])["expansions"]
    assert key in typed and "zamowienie" in typed
    assert all(term == key or term.startswith("zamowieni") for term in typed), typed
    assert any(not term.startswith("zamowieni") and term != key for term in written)  # typed out: neighbours
