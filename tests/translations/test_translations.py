"""kb-translations on real builds: switcher, hreflang, missing pages, report."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser

from tests.conftest import BuildSite, git, page, site_config

ARTICLE = {
    "pl/index.md": page("Start", "home", "Witamy."),
    "et/index.md": page("Avaleht", "home", "Tere tulemast."),
    "sk/index.md": page("Úvod", "home", "Vitajte."),
    "pl/akademia/obsluga-klienta.md": page("Obsługa klienta", "customer-service", "Tekst."),
    "et/akadeemia/klienditeenindus.md": page("Klienditeenindus", "customer-service", "Tekst."),
    "sk/akademia/zakaznicky-servis.md": page("Zákaznícky servis", "customer-service", "Text."),
}


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.head_alternates: dict[str, str] = {}
        self.switcher: list[dict[str, str]] = []
        self._in_switcher = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "link" and a.get("rel") == "alternate" and "hreflang" in a:
            self.head_alternates[a["hreflang"]] = a["href"]
        if tag == "ul" and "md-select__list" in a.get("class", ""):
            self._in_switcher = True
        if tag == "a" and self._in_switcher:
            self.switcher.append(a)

    def handle_endtag(self, tag: str) -> None:
        if tag == "ul":
            self._in_switcher = False


def links(html: str) -> _Links:
    parser = _Links()
    parser.feed(html)
    return parser


def test_switcher_and_hreflang_follow_the_key_across_file_names(build_site: BuildSite) -> None:
    site = build_site(ARTICLE)
    parsed = links(site.html("et/akadeemia/klienditeenindus/"))
    # The alternates are in sitemap.xml (test_sitemap_lists_absolute_alternates_and_x_default):
    # in the head, Material's bundle would fetch a sitemap.xml beside each of them.
    assert parsed.head_alternates == {}
    targets = {a["hreflang"]: a["href"] for a in parsed.switcher}
    assert targets == {
        "pl": "../../../pl/akademia/obsluga-klienta/",
        "et": "./",
        "sk": "../../../sk/akademia/zakaznicky-servis/",
    }
    assert '<html lang="et"' in site.html("et/akadeemia/klienditeenindus/")


def test_every_language_has_its_own_prefix_and_the_root_chooses(build_site: BuildSite) -> None:
    site = build_site(ARTICLE)
    for url in ("pl/", "et/", "sk/", "pl/akademia/obsluga-klienta/"):
        assert (site.site / url / "index.html").exists()
    assert not (site.site / "akademia").exists()
    root = site.html("")
    for code, name in (("pl", "Polski"), ("et", "Eesti"), ("sk", "Slovenčina")):
        assert f'<a href="{code}/" hreflang="{code}" lang="{code}">{name}</a>' in root
    assert "navigator.languages" in root


def test_sitemap_lists_absolute_alternates_and_x_default(build_site: BuildSite) -> None:
    site = build_site(ARTICLE)
    xml = (site.site / "sitemap.xml").read_text(encoding="utf-8")
    entry = re.search(
        r"<url>\s*<loc>https://kb.test/sk/akademia/zakaznicky-servis/</loc>.*?</url>", xml, re.S
    )
    assert entry is not None
    for code, url in (
        ("pl", "pl/akademia/obsluga-klienta/"),
        ("et", "et/akadeemia/klienditeenindus/"),
        ("sk", "sk/akademia/zakaznicky-servis/"),
        ("x-default", "pl/akademia/obsluga-klienta/"),
    ):
        assert f'hreflang="{code}" href="https://kb.test/{url}"' in entry.group(0)
    assert "<lastmod>2026-03-02</lastmod>" in entry.group(0)


def test_untranslated_page_stays_in_its_language(build_site: BuildSite) -> None:
    files = dict(ARTICLE)
    files["pl/akademia/tylko-po-polsku.md"] = page("Tylko po polsku", "polish-only", "Łódź.")
    config = site_config(kb_translations={"missing_translation": "info"})
    site = build_site(files, config)
    # Not published under other languages, not in their nav or search.
    for code in ("et", "sk"):
        assert not list((site.site / code).rglob("tylko-po-polsku*"))
        home = site.html(f"{code}/")
        assert "Tylko po polsku" not in home
        index = site.json(f"{code}/search/kb_index.json")  # kb-search's index of the language
        assert all("Tylko po polsku" not in doc["t"] for doc in index["docs"])
        assert all("tylko" not in doc["l"] for doc in index["docs"])
    assert "Tylko po polsku" in site.html("pl/")
    # The switcher marks the missing languages and leads to a localized notice.
    parsed = links(site.html("pl/akademia/tylko-po-polsku/"))
    unavailable = {a["data-kb-unavailable"]: a["href"] for a in parsed.switcher
                   if "data-kb-unavailable" in a}
    assert unavailable == {
        "et": "../../../et/translation-missing/?from=../../pl/akademia/tylko-po-polsku/",
        "sk": "../../../sk/translation-missing/?from=../../pl/akademia/tylko-po-polsku/",
    }
    # Search engines learn of the Polish page alone (and as the default) from the sitemap.
    xml = (site.site / "sitemap.xml").read_text(encoding="utf-8")
    entry = re.search(r"<url>\s*<loc>https://kb.test/pl/akademia/tylko-po-polsku/</loc>.*?</url>", xml, re.S)
    assert entry is not None
    assert set(re.findall(r'hreflang="([^"]+)"', entry.group(0))) == {"pl", "x-default"}
    assert parsed.head_alternates == {}
    notice = site.html("et/translation-missing/")
    assert '<html lang="et"' in notice
    assert "pole veel eesti keelde tõlgitud" in notice
    assert any("no 'et' translation of 'polish-only'" in m for m in site.messages)


def test_missing_translation_warns_and_fails_strict(build_site: BuildSite) -> None:
    files = dict(ARTICLE)
    files["pl/akademia/tylko-po-polsku.md"] = page("Tylko po polsku", "polish-only", "Tekst.")
    site = build_site(
        files, strict=True,
        expect=("pl/akademia/tylko-po-polsku.md:4: no 'et' translation of 'polish-only'",
                "no 'sk' translation of 'polish-only'"),
    )
    assert site.aborted


def test_translation_status_reports_missing_and_outdated(build_site: BuildSite) -> None:
    files = dict(ARTICLE)
    files["pl/akademia/nowy.md"] = page("Nowy", "new-article", "Tekst.")
    config = site_config(kb_translations={"missing_translation": "ignore"})
    site = build_site(files, config, commit_date="2026-01-01T10:00:00+00:00")
    source = site.root / "docs/pl/akademia/obsluga-klienta.md"
    source.write_text(source.read_text(encoding="utf-8") + "\nZmiana.\n", encoding="utf-8")
    git(site.root, "commit", "-qam", "source changed", date="2026-02-01T10:00:00+00:00")
    site = build_site({}, config, commit_date=None, root=site.root)
    report = site.json("translation-status.json")
    assert report["source_locale"] == "pl"
    for code in ("et", "sk"):
        status = report["locales"][code]
        assert [m["key"] for m in status["missing"]] == ["new-article"]
        assert [o["key"] for o in status["outdated"]] == ["customer-service"]
    assert report["locales"]["pl"]["outdated"] == []
    outdated = report["locales"]["et"]["outdated"][0]
    assert outdated["translation"] == "et/akadeemia/klienditeenindus.md"
    assert outdated["source_changed"].startswith("2026-02-01")

    import os

    from kb_generator.translations.cli import main
    cwd = os.getcwd()
    os.chdir(site.root)
    try:
        assert main(["--fail-on-missing"]) == 1
        assert main(["--json"]) == 0
    finally:
        os.chdir(cwd)


def test_status_command_prints_the_report(build_site: BuildSite, capsys) -> None:  # type: ignore[no-untyped-def]
    files = dict(ARTICLE)
    files["et/ainult-eesti.md"] = page("Ainult eesti", "estonian-only", "Tekst.")
    site = build_site(files, site_config(kb_translations={"missing_translation": "ignore"}))
    import os

    from kb_generator.translations.cli import main
    cwd = os.getcwd()
    os.chdir(site.root)
    try:
        capsys.readouterr()
        assert main(["--json"]) == 0
        report = json.loads(capsys.readouterr().out)
    finally:
        os.chdir(cwd)
    assert [m["key"] for m in report["locales"]["pl"]["missing"]] == ["estonian-only"]
    assert report == site.json("translation-status.json")
