"""kb-glossary on real builds: inflected links, glossary pages, writer checks."""

from __future__ import annotations

import re
from typing import Any

import yaml

from tests.conftest import BuildSite, page, site_config


def glossary(terms: list[dict[str, Any]]) -> str:
    return yaml.safe_dump({"terms": terms}, allow_unicode=True, sort_keys=False)


PL = [
    {"id": "customer-service", "term": "obsługa klienta", "aliases": ["biuro obsługi klienta"],
     "definition": "Pomoc, którą firma daje klientom."},
    {"id": "crm", "term": "zarządzanie relacjami z klientami", "abbreviations": ["CRM"],
     "definition": "System do prowadzenia historii kontaktów z klientami."},
    {"id": "ticket", "term": "zgłoszenie", "definition": "Sprawa klienta zapisana w systemie."},
    {"id": "live-chat", "term": "czat na żywo", "definition": "Rozmowa tekstowa w czasie rzeczywistym."},
    {"id": "loyalty", "term": "lojalność klienta", "definition": "Gotowość do powrotu."},
]
ET = [
    {"id": "customer-service", "term": "klienditeenindus", "definition": "Abi, mida ettevõte annab."},
    {"id": "crm", "term": "kliendisuhete haldus", "abbreviations": ["CRM"], "definition": "Süsteem."},
    {"id": "ticket", "term": "pöördumine", "definition": "Kliendi mure süsteemis."},
    {"id": "live-chat", "term": "reaalajas vestlus", "aliases": ["vestlus"], "definition": "Kiri."},
    {"id": "loyalty", "term": "kliendilojaalsus", "definition": "Valmisolek tagasi tulla."},
]
SK = [
    {"id": "customer-service", "term": "zákaznícky servis", "definition": "Pomoc zákazníkom."},
    {"id": "crm", "term": "riadenie vzťahov so zákazníkmi", "abbreviations": ["CRM"],
     "definition": "Systém."},
    {"id": "ticket", "term": "požiadavka", "definition": "Záznam o probléme zákazníka."},
    {"id": "live-chat", "term": "živý chat", "definition": "Písaný rozhovor."},
    {"id": "loyalty", "term": "lojalita zákazníkov", "definition": "Ochota vrátiť sa."},
]


def site(pl_body: str = "Tekst.", et_body: str = "Tekst.", sk_body: str = "Text.",
         pl_terms: list[dict[str, Any]] | None = None) -> dict[str, str]:
    return {
        "pl/index.md": page("Start", "home", "Witamy."),
        "et/index.md": page("Avaleht", "home", "Tere."),
        "sk/index.md": page("Úvod", "home", "Vitajte."),
        "pl/slowniczek.md": page("Słowniczek", "glossary", "Pojęcia."),
        "et/sonastik.md": page("Sõnastik", "glossary", "Mõisted."),
        "sk/slovnik.md": page("Slovník", "glossary", "Pojmy."),
        "pl/glossary.yml": glossary(PL if pl_terms is None else pl_terms),
        "et/glossary.yml": glossary(ET),
        "sk/glossary.yml": glossary(SK),
        "pl/akademia/artykul.md": page("Artykuł", "article", pl_body),
        "et/akadeemia/artikkel.md": page("Artikkel", "article", et_body),
        "sk/akademia/clanok.md": page("Článok", "article", sk_body),
    }


CONFIG = site_config(extra_plugins=["kb-glossary"])


def term_links(html: str) -> list[tuple[str, str, str]]:
    """(data-term, href, text) of every auto-link in the article body."""
    body = html.split('<article', 1)[1].split("</article>", 1)[0]
    return re.findall(
        r'<a class="kb-term" data-definition="[^"]*" data-term="([^"]+)" href="([^"]+)">([^<]+)</a>',
        body,
    )


def test_inflected_mentions_link_to_their_terms(build_site: BuildSite) -> None:
    result = build_site(site(
        pl_body="Dzięki obsłudze klienta i systemowi CRM każde zgłoszenie trafia do "
        "właściwej osoby. Napisz na czacie na żywo.",
        et_body="Klienditeeninduses registreeritakse iga pöördumine CRM-is. Kirjuta vestluses.",
        sk_body="So zákazníckym servisom a CRM vybavíme každú požiadavku. Napíšte do živého chatu.",
    ), CONFIG)
    assert term_links(result.html("pl/akademia/artykul/")) == [
        ("customer-service", "../../slowniczek/#customer-service", "obsłudze klienta"),
        ("crm", "../../slowniczek/#crm", "CRM"),
        ("ticket", "../../slowniczek/#ticket", "zgłoszenie"),
        ("live-chat", "../../slowniczek/#live-chat", "czacie na żywo"),
    ]
    assert term_links(result.html("et/akadeemia/artikkel/")) == [
        ("customer-service", "../../sonastik/#customer-service", "Klienditeeninduses"),
        ("ticket", "../../sonastik/#ticket", "pöördumine"),
        ("crm", "../../sonastik/#crm", "CRM-is"),
        ("live-chat", "../../sonastik/#live-chat", "vestluses"),
    ]
    assert term_links(result.html("sk/akademia/clanok/")) == [
        ("customer-service", "../../slovnik/#customer-service", "zákazníckym servisom"),
        ("crm", "../../slovnik/#crm", "CRM"),
        ("ticket", "../../slovnik/#ticket", "požiadavku"),
        ("live-chat", "../../slovnik/#live-chat", "živého chatu"),
    ]


def test_only_first_mention_outside_headings_code_and_links(build_site: BuildSite) -> None:
    body = """
    ## Obsługa klienta w praktyce

    Kod `zgłoszenie` i [zgłoszenie](../index.md) nie są linkowane.

    ```
    obsługa klienta
    ```

    Tu obsługa klienta. Potem znowu obsługa klienta i zgłoszenia.

    Małe crm to nie skrót.

    Ten akapit pomijamy: obsługa klienta, lojalność klienta.
    {: .kb-no-glossary }

    Wymuszone: [lojalności](glossary:loyalty) oraz [obsługa](glossary:customer-service).
    """
    result = build_site(site(pl_body=body), CONFIG)
    html = result.html("pl/akademia/artykul/")
    links = term_links(html)
    assert [(term, text) for term, _, text in links] == [
        ("customer-service", "obsługa klienta"),
        ("ticket", "zgłoszenia"),
        ("loyalty", "lojalności"),
        ("customer-service", "obsługa"),
    ]
    assert 'id="obsluga-klienta-w-praktyce"' in html
    assert "<code>zgłoszenie</code>" in html


def test_unknown_forced_term_names_file_and_line(build_site: BuildSite) -> None:
    body = "Pierwszy akapit.\n\nTu [coś](glossary:no-such-term)."
    result = build_site(site(pl_body=body), CONFIG, strict=True, expect=(
        "pl/akademia/artykul.md:9: unknown glossary term 'no-such-term'",))
    assert result.aborted


def test_glossary_page_in_alphabetical_order_with_back_links(build_site: BuildSite) -> None:
    terms = [*PL, {"id": "lama", "term": "lama", "definition": "Zwierzę <script>alert(1)</script>."}]
    et = [*ET, {"id": "lama", "term": "laama", "definition": "Loom."}]
    sk = [*SK, {"id": "lama", "term": "lama", "definition": "Zviera."}]
    files = site(pl_body="Każde zgłoszenie ma numer.", pl_terms=terms)
    files["et/glossary.yml"] = glossary(et)
    files["sk/glossary.yml"] = glossary(sk)
    result = build_site(files, CONFIG)
    html = result.html("pl/slowniczek/")
    order = re.findall(r'<h3 class="kb-glossary__term" id="([^"]+)"', html)
    # ł after l: "lama" < "lojalność" < ... and "zarządzanie" < "zgłoszenie"
    assert order == ["live-chat", "lama", "loyalty", "customer-service", "crm", "ticket"]
    assert re.findall(r'<h2 id="letter-\d+">([^<]+)<', html) == ["C", "L", "O", "Z"]
    assert "&lt;script&gt;" in html and "<script>alert" not in html
    ticket = html.split('id="ticket"', 1)[1]
    assert '<a href="../akademia/artykul/">Artykuł</a>' in ticket.split("</p>", 3)[-2] or \
        '<a href="../akademia/artykul/">Artykuł</a>' in ticket[:2000]
    assert 'href="../../et/sonastik/#ticket"' in ticket[:2000]
    assert "Eesti: pöördumine" in ticket[:2000]
    # No term is linked on the glossary page itself.
    assert 'class="kb-term"' not in html.split("<article", 1)[1]


def test_estonian_and_slovak_alphabets(build_site: BuildSite) -> None:
    et = [*ET, {"id": "w", "term": "veeb", "definition": "V."},
          {"id": "o", "term": "õigus", "definition": "Õ."}]
    sk = [*SK, {"id": "w", "term": "hodnotenie", "definition": "H."},
          {"id": "o", "term": "chyba", "definition": "Ch."}]
    pl = [*PL, {"id": "w", "term": "wiedza", "definition": "W."},
          {"id": "o", "term": "cel", "definition": "C."}]
    files = site(pl_terms=pl)
    files["et/glossary.yml"] = glossary(et)
    files["sk/glossary.yml"] = glossary(sk)
    result = build_site(files, CONFIG)
    et_letters = re.findall(r'<h2 id="letter-\d+">([^<]+)<', result.html("et/sonastik/"))
    assert et_letters == ["K", "P", "R", "V", "Õ"]
    sk_order = re.findall(r'<h3 class="kb-glossary__term" id="([^"]+)"', result.html("sk/slovnik/"))
    assert sk_order.index("w") < sk_order.index("o")  # hodnotenie < chyba (ch after h)
    sk_letters = re.findall(r'<h2 id="letter-\d+">([^<]+)<', result.html("sk/slovnik/"))
    assert sk_letters.index("H") + 1 == sk_letters.index("CH")


def test_writer_mistakes_in_glossaries(build_site: BuildSite) -> None:
    pl = [
        *PL,
        {"id": "ticket", "term": "zgłoszenie serwisowe", "definition": "Dubel."},
        {"id": "extra", "term": "reklamacja", "aliases": ["obsługa klienta"], "definition": "X."},
    ]
    result = build_site(site(pl_terms=pl), CONFIG, strict=True, expect=(
        "pl/glossary.yml:21: duplicate term id 'ticket' (first at line 12)",
        "pl/glossary.yml:24: 'obsługa klienta' of term 'extra' is already a name of term "
        "'customer-service'",
        "et/glossary.yml: term 'extra' is missing (it is in pl/glossary.yml:24)",
        "sk/glossary.yml: term 'extra' is missing",
    ))
    assert result.aborted


def test_glossary_syntax_error_names_line(build_site: BuildSite) -> None:
    files = site()
    files["pl/glossary.yml"] = "terms:\n  - id: a\n    term: [oops\n    definition: x\n"
    result = build_site(files, CONFIG, strict=True, expect=(
        "pl/glossary.yml:4: malformed YAML",
        "pl/glossary.yml: term '",
    ))
    assert result.aborted
    assert not (result.site / "pl/glossary.yml").exists()
