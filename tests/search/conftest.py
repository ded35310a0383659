"""A small three-language site with FAQ answers, articles and a glossary, built once per module."""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml
from mkdocs.commands.build import build
from mkdocs.config import load_config

from tests.conftest import _Collect, page, site_config, write_tree
from tests.search.payload import inline


def glossary(terms: list[dict[str, Any]]) -> str:
    return yaml.safe_dump({"terms": terms}, allow_unicode=True, sort_keys=False)


FILES: dict[str, str | bytes] = {
    "pl/index.md": page("Start", "home", "Witamy w centrum pomocy."),
    "pl/pomoc/reklamacje.md": page("Reklamacje i zwroty", "complaints", """
        Tu opisujemy zwroty towaru.

        ## Jak złożyć reklamację? {#complaint-how-to-file}

        Zaloguj się, wybierz zamówienie i opisz wadę. Odpowiemy w ciągu 14 dni.

        ## Kiedy otrzymam zwrot pieniędzy? {#complaint-refund}

        Pieniądze wracają na kartę płatniczą w ciągu 5 dni roboczych.

        ## Łączenie zamówień {#merge}

        Łączenie kilku zamówień w jedną przesyłkę jest możliwe, także gdy trwa reklamacja.
        Kod <b>rabatowy</b> & <script>alert(1)</script> nie łączy się.
    """),
    "pl/akademia/doswiadczenie.md": page("Doświadczenie klienta", "cx", """
        Wstęp o wrażeniach.

        ## Czym jest doświadczenie klienta {#what}

        To suma wrażeń, jakie klient wynosi z kontaktów z firmą.

        ## Zwrot pieniędzy w praktyce {#refunds-in-practice}

        Firma opisuje, jak szybko oddaje pieniądze i jakie terminy obowiązują przy zwrocie.

        ## Ukryte {#hidden}

        Ten akapit jest ukryty przed wyszukiwarką: ślimak.
        {: data-search-exclude }

        <p lang="et">Eesti keeles: kilpkonn.</p>

        ## Tylko dla redakcji {#editors data-search-exclude}

        Notatka redakcyjna o żółwiu.
    """),
    "pl/szkic.md": page("Szkic", "draft", "Niewidoczny ślimak.", search={"exclude": True}),
    "pl/glossary.yml": glossary([
        {"id": "customer-experience", "term": "doświadczenie klienta", "abbreviations": ["CX"],
         "aliases": ["customer experience"], "definition": "Wrażenia klienta."},
    ]),
    "et/index.md": page("Avaleht", "home", "Tere tulemast abikeskusesse."),
    "et/abi/kaebused.md": page("Kaebused ja tagastused", "complaints", """
        Siin kirjeldame kauba tagastamist.

        ## Kuidas esitada kaebus? {#complaint-how-to-file}

        Logi sisse, vali tellimus ja kirjelda puudust. Vastame 14 päeva jooksul.

        ## Millal saan raha tagasi? {#complaint-refund}

        Raha jõuab pangakaardile 5 tööpäeva jooksul.

        ## Tellimuste ühendamine {#merge}

        Mitu tellimust saab ühendada üheks saadetiseks.
    """),
    "et/akadeemia/kliendikogemus.md": page("Kliendikogemus", "cx", "Kliendikogemus on muljete summa."),
    "et/szkic.md": page("Mustand", "draft", "Nähtamatu.", search={"exclude": True}),
    "sk/index.md": page("Úvod", "home", "Vitajte v centre pomoci."),
    "sk/pomoc/reklamacie.md": page("Reklamácie a vrátenie", "complaints", """
        Tu opisujeme vrátenie tovaru.

        ## Ako podať reklamáciu? {#complaint-how-to-file}

        Prihláste sa, vyberte objednávku a opíšte vadu. Odpovieme do 14 dní.

        ## Kedy dostanem peniaze späť? {#complaint-refund}

        Peniaze vrátime na platobnú kartu do 5 pracovných dní.

        ## Spájanie objednávok {#merge}

        Viac objednávok môžeme spojiť do jednej zásielky. Zákaznícka služba pomôže.
    """),
    "sk/akademia/skusenost.md": page("Zákaznícka skúsenosť", "cx", "Súhrn dojmov zákazníka."),
    "sk/szkic.md": page("Koncept", "draft", "Neviditeľný.", search={"exclude": True}),
}
LOCALES = ("pl", "et", "sk")


@dataclass
class SearchSite:
    """A built site and the search files of each language."""

    site: Path
    records: list[logging.LogRecord]

    def payload(self, locale: str) -> dict[str, Any]:
        """The language's search data as one single-file payload (shards joined back)."""
        folder = self.site / locale / "search"
        lexicon = json.loads((folder / "kb_index.json").read_text(encoding="utf-8"))
        if "postings" in lexicon:
            return lexicon  # type: ignore[no-any-return]

        def read(name: str) -> Any:
            return json.loads((folder / "kb_index" / f"{name}.json").read_text(encoding="utf-8"))
        return inline(
            lexicon,
            (read(f"t{n}") for n in range(len(lexicon["termShards"]))),
            (read(f"d{n}") for n in range(len(lexicon["docShards"]))),
        )

    def shard_files(self, locale: str) -> list[Path]:
        folder = self.site / locale / "search" / "kb_index"
        return sorted(folder.glob("*.json")) if folder.exists() else []

    def config(self, locale: str) -> dict[str, Any]:
        return json.loads((self.site / locale / "search" / "search_index.json").read_text(encoding="utf-8"))

    @property
    def warnings(self) -> list[str]:
        return [r.getMessage() for r in self.records if r.levelno >= logging.WARNING]


def build_search_site(root: Path, files: dict[str, str | bytes] | None = None,
                      config: dict[str, Any] | None = None) -> SearchSite:
    """Build the site into `root/site` and collect the log."""
    write_tree(root / "docs", files or FILES)
    (root / "mkdocs.yml").write_text(
        yaml.safe_dump(config or site_config(), allow_unicode=True), encoding="utf-8"
    )
    handler = _Collect()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    old_level, cwd = logger.level, os.getcwd()
    logger.setLevel(logging.DEBUG)
    cfg = load_config(str(root / "mkdocs.yml"), site_dir=str(root / "site"))
    os.chdir(root)
    try:
        build(cfg)
    finally:
        os.chdir(cwd)
        cfg.plugins.on_shutdown()
        logger.removeHandler(handler)
        logger.setLevel(old_level)
    return SearchSite(root / "site", list(handler.records))


@pytest.fixture(scope="module")
def search_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SearchSite]:
    built = build_search_site(tmp_path_factory.mktemp("search-site"))
    assert not built.warnings, built.warnings
    yield built
