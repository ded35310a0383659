"""Every internal link and fragment of the built site resolves, in every language."""

from __future__ import annotations

from pathlib import Path

import yaml

from tests.conftest import ROOT
from tests.quality.links import check_site


def site_url() -> str:
    return str(yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))["site_url"])


def test_every_internal_link_and_fragment_resolves(bundled_site: Path) -> None:
    report = check_site(bundled_site, site_url())
    assert not report.problems, "\n".join(report.problems[:40])
    assert report.pages >= 50 and report.links >= 5000 and report.fragments >= 1000, report
    for locale in ("pl", "et", "sk"):
        home = (bundled_site / locale / "index.html").read_text(encoding="utf-8")
        assert f'href="https://kb.example.org/{locale}/"' in home  # alternates are checked too


def write(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    return root


def test_the_checker_finds_dangling_fragments_and_missing_pages(tmp_path: Path) -> None:
    site = write(tmp_path, {
        "index.html": '<a href="pl/">pl</a> <a href="https://elsewhere.example/x#y">out</a>',
        "pl/index.html": (
            '<h2 id="kontakt">Kontakt</h2>\n'
            '<a href="#kontakt">ok</a> <a href="a/#sekcja">ok</a> <a href="a/#brak">dangling</a>\n'
            '<a href="../pl/b/">missing page</a> <a href="/pl/a/">root-relative</a>\n'
            '<a href="https://kb.test/pl/a/#nie-ma">absolute, ours</a>\n'
            '<a href="mailto:x@example.org">mail</a> <a href="javascript:void(0)">js</a>'
        ),
        "pl/a/index.html": '<p><a name="sekcja"></a>Tekst</p><link rel="stylesheet" href="../../x.css">',
    })
    report = check_site(site, "https://kb.test/")
    assert sorted(report.problems) == [
        "pl/a/index.html:1: '../../x.css' points to '/x.css', which is not in the site",
        "pl/index.html:2: 'a/#brak' points to #brak, which pl/a/index.html lacks",
        "pl/index.html:3: '../pl/b/' points to '/pl/b/', which is not in the site",
        "pl/index.html:4: 'https://kb.test/pl/a/#nie-ma' points to #nie-ma, which pl/a/index.html lacks",
    ]
    assert report.pages == 3
