"""kb-answers on real builds: catalog, JSON-LD, ids, redirects, related articles."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from tests.conftest import BuildSite, page, site_config

CONFIG = site_config(extra_plugins=["kb-answers"])

FAQ_PL = """
Wstęp do pomocy.

## Jak się z nami skontaktować? {#contact-channels}

Zadzwoń lub napisz. Odpowiadamy w **24 godziny** & szybciej.

- telefon
- e-mail

## Kiedy działa infolinia? {#contact-hours}

W dni robocze od 8:00 do 20:00.
"""
FAQ_ET = """
Sissejuhatus.

## Kuidas meiega ühendust võtta? {#contact-channels}

Helista või kirjuta.

## Millal infotelefon töötab? {#contact-hours}

Tööpäeviti 8.00–20.00.
"""
FAQ_SK = """
Úvod.

## Ako nás kontaktovať? {#contact-channels}

Zavolajte alebo napíšte.

## Kedy funguje linka? {#contact-hours}

V pracovné dni od 8:00 do 20:00.
"""
ARTICLE_PL = """
Wstęp do artykułu.

## Czym jest obsługa

Obsługa to pomoc.

## Najczęstsze pytania {#faq}

### Czy to ważne? {#article-why}

Tak, bardzo.
"""


def files() -> dict[str, str]:
    return {
        "pl/index.md": page("Start", "home", "Witamy."),
        "et/index.md": page("Avaleht", "home", "Tere."),
        "sk/index.md": page("Úvod", "home", "Vitajte."),
        "pl/pomoc/kontakt.md": page("Kontakt", "faq-contact", FAQ_PL, faq=True, category="Pomoc"),
        "et/abi/kontakt.md": page("Kontakt", "faq-contact", FAQ_ET, faq=True, category="Abi"),
        "sk/pomoc/kontakt.md": page("Kontakt", "faq-contact", FAQ_SK, faq=True, category="Pomoc"),
        "pl/akademia/obsluga.md": page("Obsługa", "service", ARTICLE_PL, category="Podstawy",
                                       related=["faq-contact"]),
        "et/akadeemia/teenindus.md": page("Teenindus", "service", "Tekst.\n\n## Mis see on\n\nAbi.",
                                          category="Alused"),
        "sk/akademia/servis.md": page("Servis", "service", "Text.\n\n## Čo to je\n\nPomoc.",
                                      category="Základy"),
    }


class _Scripts(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.json_ld: list[Any] = []
        self._in = False
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if a.get("id"):
            self.ids.add(a["id"] or "")
        self._in = tag == "script" and a.get("type") == "application/ld+json"

    def handle_data(self, data: str) -> None:
        if self._in:
            self.json_ld.append(json.loads(data))

    def handle_endtag(self, tag: str) -> None:
        self._in = False


def parse(html: str) -> _Scripts:
    parser = _Scripts()
    parser.feed(html)
    return parser


def url_exists(site: Path, url: str) -> bool:
    path, _, fragment = url.removeprefix("https://kb.test/").partition("#")
    target = site / path / "index.html"
    if not target.exists():
        return False
    return not fragment or fragment in parse(target.read_text(encoding="utf-8")).ids


def test_catalog_lists_every_answer_with_urls_that_exist(build_site: BuildSite) -> None:
    result = build_site(files(), CONFIG)
    for locale in ("pl", "et", "sk"):
        catalog = result.json(f"{locale}/answers.json")
        answers = {a["id"]: a for a in catalog["answers"] if a["kind"] == "answer"}
        assert {"contact-channels", "contact-hours"} <= set(answers)
        for entry in catalog["answers"]:
            assert url_exists(result.site, entry["url"]), entry["url"]
            for translation in entry["translations"].values():
                assert url_exists(result.site, translation["url"]), translation["url"]
    pl = {a["id"]: a for a in result.json("pl/answers.json")["answers"]}
    channels = pl["contact-channels"]
    assert channels["question"] == "Jak się z nami skontaktować?"
    assert channels["text"] == "Zadzwoń lub napisz. Odpowiadamy w 24 godziny & szybciej. telefon e-mail"
    assert channels["category"] == "Pomoc"
    assert channels["updated"] == "2026-03-02"
    assert channels["url"] == "https://kb.test/pl/pomoc/kontakt/#contact-channels"
    assert channels["translations"]["et"] == {
        "id": "contact-channels", "url": "https://kb.test/et/abi/kontakt/#contact-channels"}
    assert pl["article-why"]["kind"] == "answer"
    assert pl["czym-jest-obsluga"]["kind"] == "section"
    # A section without the same id in the translation links to the translated page.
    assert pl["czym-jest-obsluga"]["translations"]["sk"] == {
        "id": None, "url": "https://kb.test/sk/akademia/servis/"}


def test_json_ld_parses_and_matches_the_visible_text(build_site: BuildSite) -> None:
    result = build_site(files(), CONFIG)
    html = result.html("pl/pomoc/kontakt/")
    data = parse(html).json_ld
    faq = next(item for item in data if item["@type"] == "FAQPage")
    questions = {q["name"]: q["acceptedAnswer"]["text"] for q in faq["mainEntity"]}
    assert questions == {
        "Jak się z nami skontaktować?":
            "Zadzwoń lub napisz. Odpowiadamy w 24 godziny & szybciej. telefon e-mail",
        "Kiedy działa infolinia?": "W dni robocze od 8:00 do 20:00.",
    }
    visible = re.sub(r"<[^>]+>", " ", html.split('<article', 1)[1].split("</article>", 1)[0])
    visible = " ".join(visible.replace("&amp;", "&").split())
    for name, text in questions.items():
        assert name in visible
        assert " ".join(text.split()[:5]) in visible
    article = parse(result.html("pl/akademia/obsluga/")).json_ld
    types = [item["@type"] for item in article]
    assert types == ["FAQPage", "Article", "BreadcrumbList"]
    assert article[1]["headline"] == "Obsługa"
    assert article[1]["dateModified"] == "2026-03-02"
    assert article[2]["itemListElement"][0]["item"] == "https://kb.test/pl/"
    assert article[2]["itemListElement"][-1]["item"] == "https://kb.test/pl/akademia/obsluga/"


def test_markup_in_questions_never_reaches_json_ld_as_markup(build_site: BuildSite) -> None:
    content = files()
    content["pl/pomoc/kontakt.md"] = page(
        "Kontakt", "faq-contact",
        FAQ_PL + "\n## Czy &lt;script&gt;alert(1)&lt;/script&gt; działa? {#xss}\n\nNie </script> działa.\n",
        faq=True)
    content["et/abi/kontakt.md"] = page("Kontakt", "faq-contact", FAQ_ET, faq=True)
    result = build_site(content, CONFIG)
    html = result.html("pl/pomoc/kontakt/")
    head = html.split("</head>", 1)[0]
    assert "<script>alert" not in head
    assert head.count("</script>") == head.count("<script")
    faq = next(i for i in parse(html).json_ld if i["@type"] == "FAQPage")
    assert "Czy <script>alert(1)</script> działa?" in [q["name"] for q in faq["mainEntity"]]


def test_duplicate_and_missing_question_ids_name_file_and_line(build_site: BuildSite) -> None:
    content = files()
    content["pl/pomoc/konto.md"] = page("Konto", "faq-account", """
    ## Jak zmienić hasło? {#contact-hours}

    Tekst.

    ## Jak usunąć konto?

    Tekst.
    """, faq=True)
    result = build_site(content, site_config(
        extra_plugins=["kb-answers"], kb_translations={"missing_translation": "ignore"}),
        strict=True, expect=(
            "pl/pomoc/konto.md:8: FAQ id 'contact-hours' is already used at pl/pomoc/kontakt.md:",
            "pl/pomoc/konto.md:12: question 'Jak usunąć konto?' has no id",
        ))
    assert result.aborted


def test_renamed_ids_and_moved_pages_keep_old_links(build_site: BuildSite) -> None:
    content = files()
    content["pl/pomoc/kontakt.md"] = page(
        "Kontakt", "faq-contact", FAQ_PL, faq=True,
        renamed_ids={"old-hours": "contact-hours"}, redirect_from=["pomoc/stary-kontakt.md"])
    result = build_site(content, CONFIG)
    html = result.html("pl/pomoc/kontakt/")
    assert '<span class="kb-renamed-id" data-kb-renamed-to="contact-hours" id="old-hours"></span>' in html
    redirect = result.html("pl/pomoc/stary-kontakt/")
    assert 'content="0; url=../kontakt/"' in redirect
    assert 'redirect("../kontakt/");' in redirect
    assert '<link rel="canonical" href="https://kb.test/pl/pomoc/kontakt/">' in redirect


def test_unknown_renamed_target_is_reported(build_site: BuildSite) -> None:
    content = files()
    content["pl/pomoc/kontakt.md"] = page(
        "Kontakt", "faq-contact", FAQ_PL, faq=True, renamed_ids={"old": "no-such-id"})
    result = build_site(content, CONFIG, strict=True, expect=(
        "pl/pomoc/kontakt.md:7: renamed id 'old' points to 'no-such-id'",))
    assert result.aborted


def test_related_articles_under_articles(build_site: BuildSite) -> None:
    content = files()
    content["pl/akademia/inny.md"] = page("Inny artykuł", "other", "Tekst.", category="Podstawy")
    content["et/akadeemia/muu.md"] = page("Muu", "other", "Tekst.", category="Alused")
    content["sk/akademia/iny.md"] = page("Iný", "other", "Text.", category="Základy")
    result = build_site(content, CONFIG)
    html = result.html("pl/akademia/obsluga/")
    related = html.split('<nav class="kb-related"', 1)[1].split("</nav>", 1)[0]
    # Explicit `related` first (the FAQ page), then the article of the same category.
    assert re.findall(r'<a href="([^"]+)">([^<]+)</a>', related) == [
        ("../../pomoc/kontakt/", "Kontakt"), ("../inny/", "Inny artykuł")]
    assert 'class="kb-related"' not in result.html("pl/pomoc/kontakt/")
