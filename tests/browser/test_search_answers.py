"""Search answers on a second docs tree (pages the bundled site does not have, a small glossary).

Typed into Material's real search box: a term query starts with the definition
card and the explaining section follows within three results; a natural
question finds its section; a query that matches nothing offers the help pages.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import yaml
from playwright.sync_api import Browser, Page, expect

from tests.browser.conftest import Serve, watch_search
from tests.browser.test_search import search
from tests.conftest import BuildSite, page, site_config

pytestmark = pytest.mark.browser

GLOSSARIES = {
    "pl": [
        {"id": "chatbot", "term": "chatbot", "aliases": ["asystent czatu"],
         "definition": "Program, który odpowiada klientom na czacie bez udziału konsultanta."},
        {"id": "nps", "term": "wskaźnik rekomendacji netto", "abbreviations": ["NPS"],
         "definition": "Wskaźnik, który mówi, jak chętnie klienci polecają firmę znajomym."},
        {"id": "self-service", "term": "samoobsługa",
         "definition": "Samodzielne załatwianie spraw przez klienta, na przykład w bazie wiedzy."},
    ],
    "et": [
        {"id": "chatbot", "term": "vestlusrobot", "aliases": ["chatbot"],
         "definition": "Programm, mis vastab klientidele vestluses ilma klienditeenindajata."},
        {"id": "nps", "term": "soovitusindeks", "abbreviations": ["NPS"],
         "definition": "Näitaja, mis ütleb, kui meelsasti kliendid ettevõtet tuttavatele soovitavad."},
        {"id": "self-service", "term": "iseteenindus",
         "definition": "Klient lahendab oma mure ise, näiteks teadmusbaasi abil."},
    ],
    "sk": [
        {"id": "chatbot", "term": "chatbot", "aliases": ["četovací asistent"],
         "definition": "Program, ktorý odpovedá zákazníkom v chate bez účasti agenta."},
        {"id": "nps", "term": "skóre odporúčania", "abbreviations": ["NPS"],
         "definition": "Ukazovateľ, ktorý hovorí, ako ochotne zákazníci odporúčajú firmu známym."},
        {"id": "self-service", "term": "samoobsluha",
         "definition": "Zákazník si vec vybaví sám, napríklad v znalostnej báze."},
    ],
}
ARTICLES = {
    "pl": ("Czat w sklepie internetowym", """
        Jak prowadzimy czat ze sklepem.

        ## Kiedy chatbot wystarczy {#when-bot}

        Chatbot odpowiada na proste pytania o status zamówienia i godziny otwarcia sklepu.

        ## Odejścia klientów do konkurencji {#why-leave}

        Klienci odchodzą, gdy długo czekają na odpowiedź albo muszą kilka razy opowiadać swoją sprawę.

        ## Mierzenie NPS {#nps}

        NPS mierzymy po każdej rozmowie: pytamy, czy klient poleciłby nas znajomym.
    """),
    "et": ("Vestlus veebipoes", """
        Kuidas me veebipoes vestlust peame.

        ## Millal vestlusrobotist piisab {#when-bot}

        Vestlusrobot vastab lihtsatele küsimustele tellimuse oleku ja lahtiolekuaegade kohta.

        ## Klientide lahkumine konkurendi juurde {#why-leave}

        Kliendid lahkuvad, kui nad ootavad vastust kaua või peavad oma muret mitu korda kordama.

        ## NPS-i mõõtmine {#nps}

        NPS-i mõõdame pärast iga vestlust: küsime, kas klient soovitaks meid tuttavatele.
    """),
    "sk": ("Chat v e-shope", """
        Ako vedieme chat v e-shope.

        ## Kedy chatbot stačí {#when-bot}

        Chatbot odpovedá na jednoduché otázky o stave objednávky a otváracích hodinách.

        ## Odchod zákazníkov ku konkurencii {#why-leave}

        Zákazníci odchádzajú, keď dlho čakajú na odpoveď alebo musia svoju vec opakovať.

        ## Meranie NPS {#nps}

        NPS meriame po každom rozhovore: pýtame sa, či by nás zákazník odporučil známym.
    """),
}
HELP = {
    "pl": (("Pomoc", "## Jak zmienić adres dostawy? {#address}\n\nZmienisz go w zamówieniu."),
           ("Kontakt", "Napisz do nas albo zadzwoń.")),
    "et": (("Abi", "## Kuidas muuta tarneaadressi? {#address}\n\nAadressi saab muuta tellimuses."),
           ("Kontakt", "Kirjuta meile või helista.")),
    "sk": (("Pomoc", "## Ako zmeniť adresu doručenia? {#address}\n\nZmeníte ju v objednávke."),
           ("Kontakt", "Napíšte nám alebo zavolajte.")),
}
#: Per language: a term query, a natural question and its section, a query nothing matches.
QUERIES = {
    "pl": ("chatbot", "dlaczego klienci odchodzą do konkurencji", "IVR"),
    "et": ("NPS", "miks kliendid lahkuvad konkurendi juurde", "IVR"),
    "sk": ("NPS", "prečo zákazníci odchádzajú ku konkurencii", "IVR"),
}
EXPLAINED = {"pl": "#when-bot", "et": "#nps", "sk": "#nps"}
DEFINED = {"pl": "chatbot", "et": "nps", "sk": "nps"}


def files() -> dict[str, str | bytes]:
    tree: dict[str, str | bytes] = {}
    for locale, terms in GLOSSARIES.items():
        tree[f"{locale}/index.md"] = page("Start", "home", "Centrum pomocy.")
        tree[f"{locale}/glossary.yml"] = yaml.safe_dump({"terms": terms}, allow_unicode=True, sort_keys=False)
        tree[f"{locale}/slownik.md"] = page("Słownik", "glossary", "Pojęcia.")
        title, body = ARTICLES[locale]
        tree[f"{locale}/porady/czat.md"] = page(title, "chat", body)
        (faq_title, faq_body), (contact_title, contact_body) = HELP[locale]
        tree[f"{locale}/pomoc.md"] = page(faq_title, "faq", faq_body)
        tree[f"{locale}/kontakt.md"] = page(contact_title, "faq-contact", contact_body)
    return tree


@pytest.fixture(scope="module")
def tab(browser: Browser) -> Iterator[Page]:
    page = watch_search(browser.new_page())
    yield page
    page.close()


@pytest.fixture
def site(build_site: BuildSite, serve: Serve) -> str:
    return serve(build_site(files(), site_config(extra_plugins=["kb-glossary"])).site)


@pytest.mark.parametrize("locale", ["pl", "et", "sk"])
def test_answers_on_another_docs_tree(site: str, tab: Page, locale: str) -> None:
    term, question, nothing = QUERIES[locale]
    tab.goto(f"{site}{locale}/")
    links = search(tab, term)
    first = tab.locator(".md-search-result__item").first
    expect(first.locator(".kb-search-definition")).to_have_count(1)
    assert links[:2] == [f"/{locale}/slownik/", f"/{locale}/slownik/#{DEFINED[locale]}"]
    assert f"/{locale}/porady/czat/{EXPLAINED[locale]}" in links[2:5], links
    links = search(tab, question)
    # The question's section leads the first group (after its page).
    assert links[:2] == [f"/{locale}/porady/czat/", f"/{locale}/porady/czat/#why-leave"], links
    links = search(tab, nothing)
    assert links == [f"/{locale}/pomoc/", f"/{locale}/kontakt/"]
