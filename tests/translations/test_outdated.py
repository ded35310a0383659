"""Outdated translations on real builds of a git repository in tmp_path.

The Polish original changes after its Estonian and Slovak translations: their
readers get a localized notice with the date of the change and a link to the
original; a translator can mark a page as checked; the build log counts it.
"""

from __future__ import annotations

import logging
from html.parser import HTMLParser

from tests.conftest import BuildSite, BuiltSite, git, page, site_config
from tests.translations.outdated_site import (
    FILES,
    SOURCE,
    TRANSLATIONS,
    edit,
    head,
    outdated_site,
)

ET_PAGE = "et/akadeemia/klienditeenindus.md"


class _Notice(HTMLParser):
    """The text and links of the page's outdated-translation notice, if any."""

    def __init__(self) -> None:
        super().__init__()
        self.count = 0
        self.classes: list[str] = []
        self.role = ""
        self.title = ""
        self.text = ""
        self.links: list[dict[str, str]] = []
        self.times: list[str] = []
        self._depth = 0
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "div" and "kb-outdated" in a.get("class", "").split():
            self.count += 1
            self.classes = a["class"].split()
            self.role = a.get("role", "")
            self._depth = 1
            return
        if not self._depth:
            return
        if tag == "div":
            self._depth += 1
        if tag == "p" and "admonition-title" in a.get("class", ""):
            self._in_title = True
        if tag == "a":
            self.links.append(a)
        if tag == "time":
            self.times.append(a.get("datetime", ""))

    def handle_endtag(self, tag: str) -> None:
        if self._depth and tag == "div":
            self._depth -= 1
        if tag == "p":
            self._in_title = False

    def handle_data(self, data: str) -> None:
        if self._depth:
            self.text += data
            if self._in_title:
                self.title += data


def notice(site: BuiltSite, url: str) -> _Notice:
    parser = _Notice()
    parser.feed(site.html(url))
    return parser


def test_outdated_translation_shows_the_notice_in_each_language(build_site: BuildSite) -> None:
    site = outdated_site(build_site)

    et = notice(site, TRANSLATIONS["et"])
    assert et.count == 1 and {"admonition", "warning"} <= set(et.classes) and et.role == "note"
    assert et.title == "See tõlge võib olla aegunud"
    assert "Muudatuse kuupäev: 1. veebruar 2026." in et.text
    assert "Originaal (poola keeles): Obsługa klienta <b>& więcej</b>" in et.text
    assert et.times == ["2026-02-01"]
    assert et.links == [{
        "href": "../../../pl/akademia/obsluga-klienta/", "hreflang": "pl", "lang": "pl",
    }]

    sk = notice(site, TRANSLATIONS["sk"])
    assert sk.title == "Tento preklad nemusí byť aktuálny"
    assert "Pôvodná stránka bola aktualizovaná 1. februára 2026, až po poslednej úprave" in sk.text
    assert "Originál (poľština): Obsługa klienta" in sk.text
    assert sk.links[0]["href"] == "../../../pl/akademia/obsluga-klienta/"

    # The writer's title is text: escaped, never markup.
    assert "Obsługa klienta &lt;b&gt;&amp; więcej&lt;/b&gt;</a>" in site.html(TRANSLATIONS["et"])
    # Nothing on the original, on current translations, or on any page before the change.
    for url in ("pl/akademia/obsluga-klienta/", "pl/", "et/", "sk/"):
        assert notice(site, url).count == 0, url

    report = site.json("translation-status.json")
    outdated = report["locales"]["et"]["outdated"]
    assert [item["translation"] for item in outdated] == [ET_PAGE]
    assert outdated[0]["source_commit"] == head(site.root)


def test_no_notice_before_the_original_changes(build_site: BuildSite) -> None:
    site = build_site(FILES)
    for url in (*TRANSLATIONS.values(), "pl/akademia/obsluga-klienta/"):
        assert notice(site, url).count == 0


def test_build_log_counts_per_language_and_names_pages_in_verbose(build_site: BuildSite) -> None:
    files = dict(FILES)
    files["pl/tylko-po-polsku.md"] = page("Tylko po polsku", "polish-only", "Tekst.")
    config = site_config(kb_translations={"missing_translation": "info"})
    site = outdated_site(build_site, config, files)
    info = [r.getMessage() for r in site.records if r.levelno == logging.INFO]
    debug = [r.getMessage() for r in site.records if r.levelno == logging.DEBUG]
    counts = [m for m in info if " pages, " in m and "kb-translations" in m]
    assert counts == [
        "kb-translations: pl: 3 pages, 0 missing and 0 outdated translations",
        "kb-translations: et: 2 pages, 1 missing and 1 outdated translations",
        "kb-translations: sk: 2 pages, 1 missing and 1 outdated translations",
    ]
    short = head(site.root)[:10]
    assert (
        f"kb-translations: et: outdated {ET_PAGE} (source {SOURCE} changed 2026-02-01 in "
        f"{short}, translation 2026-01-10)"
    ) in debug
    assert "kb-translations: sk: missing 'polish-only' (source: pl/tylko-po-polsku.md)" in debug


def test_checked_field_clears_the_notice_until_the_original_changes_again(
    build_site: BuildSite,
) -> None:
    site = outdated_site(build_site)
    source_commit = head(site.root)
    first = site.json("translation-status.json")["locales"]["et"]["outdated"][0]
    assert first["source_commit"] == source_commit

    # A typo fix needed no translation: the translator names the original's commit.
    edit(site.root, ET_PAGE, "key: customer-service\n",
         f"key: customer-service\nchecked_against: '{source_commit[:10]}'\n")
    git(site.root, "commit", "-qam", "et checked", date="2026-02-03T08:00:00+00:00")
    site = build_site({}, commit_date=None, root=site.root)
    assert notice(site, TRANSLATIONS["et"]).count == 0
    assert notice(site, TRANSLATIONS["sk"]).count == 1
    report = site.json("translation-status.json")
    assert report["locales"]["et"]["outdated"] == []
    assert len(report["locales"]["sk"]["outdated"]) == 1

    # The field decides, not the file's date: naming a commit before the change
    # keeps the notice though the translation was committed after it.
    edit(site.root, ET_PAGE, source_commit[:10], head_of_first_commit(site))
    git(site.root, "commit", "-qam", "et checked too early", date="2026-02-04T08:00:00+00:00")
    site = build_site({}, commit_date=None, root=site.root)
    assert "1. veebruar 2026" in notice(site, TRANSLATIONS["et"]).text

    # Checked again, then the original changes once more: the notice comes back.
    edit(site.root, ET_PAGE, head_of_first_commit(site), source_commit)
    git(site.root, "commit", "-qam", "et checked", date="2026-02-05T08:00:00+00:00")
    site = build_site({}, commit_date=None, root=site.root)
    assert notice(site, TRANSLATIONS["et"]).count == 0
    edit(site.root, SOURCE, "12 godzin", "8 godzin")
    git(site.root, "commit", "-qam", "Even faster", date="2026-03-01T10:00:00+00:00")
    site = build_site({}, commit_date=None, root=site.root)
    assert "Muudatuse kuupäev: 1. märts 2026." in notice(site, TRANSLATIONS["et"]).text


def head_of_first_commit(site: BuiltSite) -> str:
    import subprocess

    return subprocess.run(
        ["git", "rev-list", "--max-parents=0", "HEAD"], cwd=site.root,
        capture_output=True, text=True, check=True,
    ).stdout.strip()


def test_the_option_turns_the_notice_off_and_the_report_stays(build_site: BuildSite) -> None:
    config = site_config(kb_translations={"outdated_notice": False})
    site = outdated_site(build_site, config)
    for url in TRANSLATIONS.values():
        assert notice(site, url).count == 0
    assert len(site.json("translation-status.json")["locales"]["et"]["outdated"]) == 1


def test_notice_waits_the_given_days_counted_to_the_built_commit(build_site: BuildSite) -> None:
    site = outdated_site(build_site)
    # A later commit elsewhere in the repository: the build's "now" is 4 days after the change.
    (site.root / "NOTES.txt").write_text("notes\n", encoding="utf-8")
    git(site.root, "add", "NOTES.txt")
    git(site.root, "commit", "-qm", "notes", date="2026-02-05T10:00:00+00:00")
    for days, shown in ((7, 0), (4, 1), (0, 1)):
        config = site_config(kb_translations={"outdated_notice_after_days": days})
        site = build_site({}, config, commit_date=None, root=site.root)
        for url in TRANSLATIONS.values():
            assert notice(site, url).count == shown, (days, url)


def test_rebuilds_of_one_commit_are_byte_identical(build_site: BuildSite) -> None:
    site = outdated_site(build_site)
    first = {p.relative_to(site.site): p.read_bytes() for p in site.site.rglob("*") if p.is_file()}
    again = build_site({}, commit_date=None, root=site.root)
    second = {p.relative_to(again.site): p.read_bytes() for p in again.site.rglob("*") if p.is_file()}
    assert notice(again, TRANSLATIONS["et"]).count == 1
    assert first.keys() == second.keys()
    assert [name for name in first if first[name] != second[name]] == []


def test_bad_checked_values_fail_strict_with_file_and_line(build_site: BuildSite) -> None:
    files = dict(FILES)
    files[ET_PAGE] = page("Klienditeenindus", "customer-service", "Tekst.", checked_against="xyz!")
    files["sk/akademia/zakaznicky-servis.md"] = page(
        "Zákaznícky servis", "customer-service", "Text.", checked_against=1234567
    )
    files["et/index.md"] = page("Avaleht", "home", "Tekst.", checked_against="deadbeefdeadbeef")
    files["pl/index.md"] = page("Start", "home", "Tekst.", checked_against="abcdef1")
    site = build_site(files, strict=True, expect=(
        f"{ET_PAGE}:5: 'checked_against': 'xyz!' is not a commit id",
        "sk/akademia/zakaznicky-servis.md:5: 'checked_against': put the commit id in quotes",
        "et/index.md:5: 'checked_against': commit 'deadbeefdeadbeef' is not in this repository",
        "pl/index.md:5: 'checked_against': only a translation can be checked against its original",
    ))
    assert site.aborted


def test_pages_outside_language_folders_and_unlisted_languages_warn(build_site: BuildSite) -> None:
    files = dict(FILES)
    files["o-nas.md"] = page("O nas", "about", "Tekst.")
    files["de/index.md"] = page("Start", "home", "Willkommen.")
    files["de/hilfe/kontakt.md"] = page("Kontakt", "contact", "Text.")
    site = build_site(files, strict=True, expect=(
        "o-nas.md:1: the page is outside every language folder (pl/, et/, sk/)",
        "de/: a language folder (German) that mkdocs.yml does not list under the i18n "
        "plugin's `languages`, so its 2 pages are not published (de/hilfe/kontakt.md, de/index.md)",
    ))
    assert site.aborted


def test_assets_outside_language_folders_are_fine(build_site: BuildSite) -> None:
    files: dict[str, str | bytes] = dict(FILES)
    files["assets/logo.svg"] = '<svg xmlns="http://www.w3.org/2000/svg"/>'
    build_site(files, strict=True)
