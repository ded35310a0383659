"""Every built page of every language is valid HTML (the Nu Html Checker)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import BuildSite
from tests.quality.html_validity import FILTERED, Message, filtered, validate
from tests.translations.outdated_site import TRANSLATIONS, outdated_site

LANGUAGES = ("pl", "et", "sk")

#: A page with what our templates must never produce: a duplicate id.
BROKEN = """<!doctype html>
<html lang="pl">
<head><meta charset="utf-8"><title>Zepsuta strona</title></head>
<body>
<h2 id="kontakt">Kontakt</h2>
<p id="kontakt">Drugi element z tym samym id.</p>
<input class="md-toggle" type="checkbox" id="ours" autocomplete="off">
</body>
</html>
"""


@pytest.fixture(scope="module")
def report(bundled_site: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[Message]]:
    """One checker run over every page of the site and the broken sample."""
    sample = tmp_path_factory.mktemp("invalid") / "broken.html"
    sample.write_text(BROKEN, encoding="utf-8")
    pages = sorted(bundled_site.rglob("*.html"))
    by_file: dict[str, list[Message]] = {str(path): [] for path in [*pages, sample]}
    for message in validate([*pages, sample]):
        by_file.setdefault(message.path, []).append(message)
    return by_file


def test_every_page_of_every_language_is_valid(bundled_site: Path, report: dict[str, list[Message]]) -> None:
    pages = sorted(bundled_site.rglob("*.html"))
    for locale in LANGUAGES:
        assert len(list((bundled_site / locale).rglob("*.html"))) >= 5, f"too few {locale} pages"
    errors = [
        str(message).replace(str(bundled_site) + "/", "")
        for path in pages for message in report[str(path)] if not filtered(message)
    ]
    assert not errors, f"{len(errors)} HTML errors in {len(pages)} pages:\n" + "\n".join(errors[:40])


def test_the_checker_catches_a_duplicate_id_and_the_filter_stays_narrow(
    tmp_path_factory: pytest.TempPathFactory, report: dict[str, list[Message]]
) -> None:
    broken = next(messages for path, messages in report.items() if path.endswith("broken.html"))
    texts = [message.text for message in broken if not filtered(message)]
    assert "Duplicate ID “kontakt”." in texts
    # Material's toggles are filtered by their markup, an autocomplete of ours is not.
    assert any(text.startswith(FILTERED[0][0]) for text in texts)


def test_outdated_translation_notice_is_valid(build_site: BuildSite) -> None:
    """The notice appears on the bundled site only when git says so: check it on a built one."""
    site = outdated_site(build_site)
    pages = [site.site / url / "index.html" for url in TRANSLATIONS.values()]
    for path in pages:
        assert 'class="admonition warning kb-outdated"' in path.read_text(encoding="utf-8")
    errors = [str(message) for message in validate(pages) if not filtered(message)]
    assert not errors, "\n".join(errors)
