"""Markup a writer (or a searcher) types never runs: tooltips, search, catalog, JSON-LD.

Every payload sets `window.__kbInjected` or opens an alert; the flag must stay
unset and no dialog may open, while the text is shown as the characters typed.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

import pytest
from kb_generator.core.schema import FIELDS
from playwright.sync_api import Browser, Dialog, Page, expect

from tests.browser.conftest import Serve
from tests.conftest import BuildSite, page, site_config
from tests.quality.test_bad_input import base_site, glossary_yml

pytestmark = pytest.mark.browser

IMG = '<img src=x onerror="window.__kbInjected=1;alert(1)">'
SCRIPT = "<script>window.__kbInjected=2;alert(2)</script>"
#: Entity-escaped in Markdown: text on the page, characters in JSON-LD and the catalog.
QUESTION = "Czy &lt;/script&gt;&lt;script&gt;window.__kbInjected=3;alert(3)&lt;/script&gt; działa?"
ANSWER = "Odpowiedź &lt;/script&gt;&lt;img src=x onerror=window.__kbInjected=4&gt; i CRM."
CONFIG = site_config(extra_plugins=["kb-glossary", "kb-answers"])


@pytest.fixture
def site(build_site: BuildSite, serve: Serve) -> str:
    files = base_site()
    files["pl/a.md"] = page(f"Obsługa {IMG} {SCRIPT}", "a", """
        Akapit o systemie CRM i obsłudze klienta.

        ## Kanały {#channels}

        Drugi akapit tekstu.
        """, description=f"Opis {IMG}")
    files["pl/kontakt.md"] = page("Kontakt", "faq-contact", f"""
        Wstęp do pytań.

        ## W jakich godzinach pracujecie? {{#contact-hours}}

        Od 8:00 do 20:00.

        ## {QUESTION} {{#xss}}

        {ANSWER}
        """, faq=True)
    files["pl/glossary.yml"] = glossary_yml(
        [{"id": "crm", "term": "CRM", "definition": f"Definicja {IMG} {SCRIPT} & koniec."}]
    )
    return serve(build_site(files, CONFIG).site)


#: Messages of the alert dialogs a test's page opened (none, ever).
DIALOGS: list[str] = []


@pytest.fixture
def tab(browser: Browser) -> Iterator[Page]:
    page = browser.new_page()
    DIALOGS.clear()

    def dismiss(dialog: Dialog) -> None:
        DIALOGS.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", dismiss)
    yield page
    page.close()


def assert_nothing_ran(tab: Page) -> None:
    tab.wait_for_timeout(200)  # an onerror of a broken image fires asynchronously
    assert tab.evaluate("window.__kbInjected") is None
    assert DIALOGS == []


def test_glossary_tooltip_shows_markup_as_text(site: str, tab: Page) -> None:
    tab.goto(site + "pl/a/")
    term = tab.locator('a.kb-term[data-term="crm"]')
    term.hover()
    preview = tab.locator("#kb-term-preview")
    expect(preview).to_be_visible()
    expect(preview).to_contain_text(f"Definicja {IMG} {SCRIPT} & koniec.")
    assert preview.locator("img, script").count() == 0
    term.focus()
    tab.goto(site + "pl/slowniczek/")
    expect(tab.locator("article")).to_contain_text(f"Definicja {IMG}")
    assert_nothing_ran(tab)


def test_titles_and_descriptions_are_text_everywhere(site: str, tab: Page) -> None:
    for url in ("pl/a/", "pl/", "pl/kontakt/"):
        tab.goto(site + url)
        assert f"Obsługa {IMG} {SCRIPT}" in tab.locator(".md-nav--primary").inner_text()
        assert_nothing_ran(tab)
    assert tab.title() == "Kontakt - Test KB"
    tab.goto(site + "pl/a/")
    expect(tab.locator("h1")).to_have_text(f"Obsługa {IMG} {SCRIPT}")
    assert tab.title().startswith(f"Obsługa {IMG}")
    content = tab.locator('meta[name="description"]').get_attribute("content")
    assert content == f"Opis {IMG}"
    assert_nothing_ran(tab)


def test_search_query_and_results_with_markup_stay_text(site: str, tab: Page) -> None:
    tab.goto(site + "pl/")
    box = tab.locator("[data-md-component=search-query]")
    box.focus()
    tab.keyboard.type('<img src=x onerror="window.__kbInjected=5;alert(5)"> obsługa', delay=5)
    meta = tab.locator(".md-search-result__meta")
    expect(meta).not_to_have_text("", timeout=5000)
    assert_nothing_ran(tab)
    box.press("Control+a")
    box.press("Backspace")
    tab.keyboard.type("onerror img obsługa", delay=5)
    results = tab.locator(".md-search-result__item")
    results.first.wait_for(timeout=5000)
    assert tab.locator(".md-search-result img, .md-search-result script").count() == 0
    assert IMG in tab.locator(".md-search-result").inner_text()
    assert_nothing_ran(tab)


def test_json_ld_and_the_answers_catalog_carry_markup_as_text(site: str, tab: Page) -> None:
    tab.goto(site + "pl/kontakt/")
    expect(tab.locator("#xss")).to_contain_text("<script>window.__kbInjected=3")
    blocks = tab.locator('script[type="application/ld+json"]').evaluate_all(
        "nodes => nodes.map(n => JSON.parse(n.textContent))"
    )
    faq = next(block for block in blocks if block["@type"] == "FAQPage")
    question = "Czy </script><script>window.__kbInjected=3;alert(3)</script> działa?"
    assert question in [q["name"] for q in faq["mainEntity"]]
    assert_nothing_ran(tab)

    tab.goto(site + "pl/answers.json")
    catalog = json.loads(tab.locator("body").inner_text())
    answer = next(a for a in catalog["answers"] if a["id"] == "xss")
    assert answer["question"] == question
    assert "<img src=x onerror=window.__kbInjected=4>" in answer["text"]
    assert_nothing_ran(tab)
    # A help desk that puts the catalog into its page as text is safe too.
    tab.goto(site + "pl/")
    tab.evaluate("""async url => {
        const data = await (await fetch(url)).json();
        const box = document.createElement("div");
        box.id = "kb-catalog";
        box.textContent = data.answers.map(a => a.question || a.heading).join(" | ");
        document.body.appendChild(box);
    }""", site + "pl/answers.json")
    expect(tab.locator("#kb-catalog")).to_contain_text(question)
    assert_nothing_ran(tab)


#: Closes an attribute, then opens an image and a script: whatever prints it unescaped runs it.
PAYLOAD = '"><img src=x onerror="window.__kbInjected=9;alert(9)"><script>window.__kbInjected=10</script>'


def payload_value(name: str) -> Any:
    """The payload in the shape of a field (a list for lists, a mapping for mappings)."""
    if name in ("tags", "hide", "related", "redirect_from"):
        return [PAYLOAD]
    if name in ("search", "renamed_ids", "social"):
        return {PAYLOAD: PAYLOAD, "exclude": PAYLOAD, "boost": PAYLOAD}
    return PAYLOAD


@pytest.fixture
def every_field_site(build_site: BuildSite, serve: Serve) -> str:
    """Every front-matter field of the schema (and an extra field) carries the payload.

    Built without `--strict`: fields that only accept identifiers, numbers or
    true/false are reported and left out; text fields are published, escaped.
    """
    files = base_site()
    fields = {name: payload_value(name) for name in FIELDS if name not in ("title", "key")}
    for code in ("pl", "et", "sk"):
        files[f"{code}/x.md"] = page(
            f"{PAYLOAD} {code}", PAYLOAD, "Tekst o CRM i obsłudze klienta.",
            **(fields | {"autor": PAYLOAD} if code == "pl" else {"category": PAYLOAD}),
        )
    files["pl/a.md"] = page("Obsługa klienta", "a", "Akapit o systemie CRM.", category=PAYLOAD)
    config = site_config(
        extra_plugins=["kb-glossary", "kb-answers"], kb_translations={"extra_fields": ["autor"]})
    site = build_site(files, config, expect=("pl/x.md:",))
    rejected = {match.group(1) for w in site.warnings
                if (match := re.search(r"pl/x\.md:\d+: (\w+):", w))}
    assert rejected == {"status", "icon", "template", "hide", "search", "renamed_ids",
                        "redirect_from", "faq", "glossary", "reading_time"}, rejected
    for html in site.site.rglob("*.html"):
        text = html.read_text(encoding="utf-8")
        assert "<img src=x onerror" not in text and "<script>window.__kbInjected" not in text, html
    return serve(site.site)


def test_no_front_matter_field_runs_as_script(every_field_site: str, tab: Page) -> None:
    for url in ("pl/x/", "pl/a/", "pl/", "pl/kontakt/", "pl/slowniczek/", "et/x/", "sk/x/"):
        tab.goto(every_field_site + url)
        assert PAYLOAD in tab.locator(".md-nav--primary").inner_text(), url
        assert_nothing_ran(tab)
    tab.goto(every_field_site + "pl/x/")
    expect(tab.locator("h1")).to_have_text(f"{PAYLOAD} pl")
    assert tab.locator('meta[name="description"]').get_attribute("content") == PAYLOAD
    tab.goto(every_field_site + "pl/a/")
    expect(tab.locator(".kb-related")).to_contain_text(f"· {PAYLOAD}")  # x's category
    tab.goto(every_field_site + "pl/")
    box = tab.locator("[data-md-component=search-query]")
    box.focus()
    tab.keyboard.type("tekst obsłudze", delay=5)
    tab.locator(".md-search-result__item").first.wait_for(timeout=5000)
    assert PAYLOAD in tab.locator(".md-search-result").inner_text()
    assert_nothing_ran(tab)
