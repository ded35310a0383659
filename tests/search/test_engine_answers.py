"""Answers rather than lists (assets/engine.js under node): the definition card,
function words that help but never decide, and no dead ends."""

from __future__ import annotations

import json
from typing import Any

from kb_generator.core.outline import Section
from kb_generator.morphology import analyzer, browser_table
from kb_generator.search.config import DEFAULT_BOOSTS
from kb_generator.search.index import Definition, IndexedPage, build_payload, function_words

from tests.search import node

MESSAGES = {"definition": "Definícia", "didYouMean": "Mysleli ste", "noMatch": "Nič presne nezodpovedá."}
TERMS = [
    Definition("nps", "index odporúčania", "Ukazovateľ <lojality> & ochoty odporučiť firmu.",
               ("index odporúčania", "Net Promoter Score", "NPS")),
    Definition("customer-service", "zákaznícka služba", "Pomoc zákazníkom.", ("zákaznícka služba",)),
    Definition("customer-experience", "zákaznícka skúsenosť", "Dojem zákazníka.",
               ("zákaznícka skúsenosť",)),
    Definition("self-service", "samoobslužnosť", "Zákazník si pomôže sám.", ("samoobslužnosť",)),
]


def section(anchor: str, title: str, text: str, question: bool = False) -> Section:
    return Section(anchor, title, 2, (), question, [text])


GLOSSARY = IndexedPage("slovnik/", "Slovník pojmov", boost=0.5, key="glossary", sections=[
    section(term.id, term.term, term.definition) for term in TERMS
])
PAGES = [
    GLOSSARY,
    IndexedPage("pomoc/", "Časté otázky", key="faq", sections=[
        section("q1", "Ako podať reklamáciu?", "Vyplňte formulár reklamácie.", True),
    ]),
    IndexedPage("kontakt/", "Kontakt", key="faq-contact", sections=[
        section("phone", "Telefón", "Zavolajte nám v pracovné dni."),
    ]),
    IndexedPage("meranie/", "Meranie kvality", sections=[
        section("nps-score", "NPS – Net Promoter Score", "Ako počítať index odporúčania a čo znamená."),
        section("csat", "CSAT", "Spokojnosť so službou."),
    ]),
    IndexedPage("skusenost/", "Zákaznícka skúsenosť", sections=[
        section("ignoring-feedback", "Ignorovanie spätnej väzby zákazníkov",
                "Firma, ktorá nepočúva, stráca zákazníkov."),
        section("why-leave", "Odchod ku konkurencii",
                "Zákazníci odchádzajú ku konkurencii, keď sa cítia prehliadaní."),
        section("self", "Kde si pomôžu sami", "Samoobslužnosť šetrí čas zákazníkov aj agentov."),
    ]),
    IndexedPage("ine/", "Iné", sections=[
        section("particles", "Prečo a keď", "Prečo, čo a keď: otázky bez obsahu, ku ktorým nič nepatrí."),
    ]),
]


def payload(pages: list[IndexedPage] = PAGES, locale: str = "sk",
            fallback: tuple[str, ...] = ("faq", "faq-contact"),
            definitions: list[Definition] = TERMS) -> dict[str, Any]:
    core = analyzer(locale)
    return build_payload(
        pages, core, table=browser_table(locale), synonyms=[], field_boosts=DEFAULT_BOOSTS,
        options={"fuzzy_min": 5, "excerpt": 120, "max_results": 20},
        definitions=definitions, fallback_keys=fallback, messages=MESSAGES,
    )


def test_the_index_names_the_entries_fallback_pages_and_function_words() -> None:
    data = payload()
    cards = {data["docs"][card["r"]]["l"]: card for card in data["glossary"]}
    assert set(cards) == {f"slovnik/#{term.id}" for term in TERMS}
    assert [data["docs"][ref]["l"] for ref in data["fallback"]] == ["pomoc/", "kontakt/"]
    assert "k" not in data["docs"][0]  # the key is not shipped per document
    words = function_words(analyzer("sk"))
    assert {"preco", "co", "ked", "ku", "po"} <= set(words) and data["functionWords"] == words


def test_a_term_query_starts_with_the_definition_card() -> None:
    queries = ["NPS", "čo je NPS", "net promoter score", "indexu odporúčania"]
    results = node.search(payload(), queries)["results"]
    for result in results:
        card, page = result["items"][0]
        assert card["location"] == "slovnik/#nps" and page["location"] == "slovnik/"
        assert 'class="kb-search-definition__label">Definícia:</span> index odporúčania' in card["title"]
        assert card["text"] == ('<p class="kb-search-definition">Ukazovateľ &lt;lojality&gt; &amp; ochoty '
                                "odporučiť firmu.</p>")
        later = node.locations({"items": result["items"][1:]})
        assert "meranie/#nps-score" in later[:3]  # the section that explains it
        assert not any(location.startswith("slovnik/") for location in later)  # one glossary group


def test_no_card_when_the_query_asks_more_than_the_term() -> None:
    result = node.search(payload(), ["ako počítať NPS"])["results"][0]
    assert node.locations(result)[0] == "meranie/#nps-score"
    assert "kb-search-definition" not in json.dumps(result)


def test_the_glossary_never_outranks_a_heading_with_every_query_word() -> None:
    result = node.search(payload(), ["spätná väzba zákazníkov", "spatna vazba zakaznikov"])["results"]
    for one in result:
        locations = node.locations(one)
        assert locations[0] == "skusenost/#ignoring-feedback"


def test_function_words_help_but_never_decide() -> None:
    results = node.search(payload(), ["prečo zákazníci odchádzajú ku konkurencii", "keď", "prečo"])["results"]
    locations = node.locations(results[0])
    assert locations[0] == "skusenost/#why-leave"
    assert "ine/#particles" not in locations  # only function words: not shown
    assert all(item["terms"].get("prečo") is not False for group in results[0]["items"] for item in group)
    # A query of function words only is taken as it is.
    assert node.locations(results[1])[0] == "ine/#particles"
    assert node.locations(results[2])[0] == "ine/#particles"


def test_unknown_words_try_two_typos_stem_prefixes_and_compounds() -> None:
    results = node.search(payload(), ["samoobsluha", "samobsluznostt"])["results"]
    assert "skusenost/#self" in node.locations(results[0])[:3]  # stem prefix: samoobsluž-
    assert "skusenost/#self" in node.locations(results[1])[:3]  # two edits in a long word
    et = [IndexedPage("abi/", "Oskused", sections=[
        section("know", "Teadmised", "Head teadmised toote kohta."),
    ])]
    result = node.search(payload(et, "et", (), []), ["tooteteadmised"])["results"][0]
    assert node.locations(result)[0] == "abi/#know"


def test_nothing_matching_offers_closest_words_and_fallback_pages() -> None:
    results = node.search(payload(), ["lteefon", "IVR", "čo je IVR"])["results"]
    first = results[0]["items"]
    assert first[0][0]["location"].startswith("?q=telef")  # did you mean: a search for it
    assert "Mysleli ste" in first[0][0]["title"] and "Nič presne nezodpovedá." in first[0][0]["text"]
    assert [group[0]["location"] for group in first[1:]] == ["pomoc/", "kontakt/"]
    for result in results[1:]:  # nothing close: the fallback pages, with the note
        groups = result["items"]
        assert [group[0]["location"] for group in groups] == ["pomoc/", "kontakt/"]
        assert "Nič presne nezodpovedá." in groups[0][0]["text"]
        assert groups[0][0]["terms"] == {"ivr": False}  # shown as missing, function words not
    empty = node.search(payload(fallback=()), ["IVR"])["results"][0]
    assert empty["items"] == []  # no fallback pages configured and nothing close
