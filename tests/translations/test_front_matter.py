"""Writers' front-matter mistakes are reported with file and line, fatal under --strict."""

from __future__ import annotations

import pytest
from kb_generator.core.front_matter import read_front_matter

from tests.conftest import BuildSite, page

HOMES = {
    "pl/index.md": page("Start", "home", "Witamy."),
    "et/index.md": page("Avaleht", "home", "Tere."),
    "sk/index.md": page("Úvod", "home", "Vitajte."),
}


def test_lines_of_fields_are_known() -> None:
    fm = read_front_matter("---\ntitle: A\n\nkey: b\n---\nbody\n")
    assert fm.fields == {"title": "A", "key": "b"}
    assert fm.line("title") == 2 and fm.line("key") == 4


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("---\ntitle: A\ndescription: B\nkey: [unclosed\n---\n", "pl/a.md:5: malformed YAML"),
        ("---\ntitle: A\nkey: a\n---\n", "pl/a.md:1: front matter lacks the required field 'description'"),
        ("---\ntitle: A\ndescription: B\nkey: a\nauthor: X\n---\n",
         "pl/a.md:5: unknown front-matter field 'author'"),
        ("---\ntitle: A\ndescription: ''\nkey: a\n---\n",
         "pl/a.md:1: front matter lacks the required field 'description'"),
        ("---\ntitle: [1, 2]\ndescription: B\nkey: a\n---\n",
         "pl/a.md:2: title: [1, 2] is a list, not text; write the title as text"),
        ("---\ntitle: A\ndescription: B\nkey: a\n", "pl/a.md:1: front matter is not closed"),
    ],
)
def test_front_matter_mistakes_name_file_and_line(
    build_site: BuildSite, source: str, expected: str
) -> None:
    files = {**HOMES, "pl/a.md": source + "\nTekst.\n"}  # a body: an empty page is a mistake too
    config_opts = {"kb_translations": {"missing_translation": "ignore"}}
    from tests.conftest import site_config

    site = build_site(files, site_config(**config_opts), strict=True, expect=(expected,))
    assert site.aborted


def test_duplicate_key_in_one_language(build_site: BuildSite) -> None:
    from tests.conftest import site_config

    files = {
        **HOMES,
        "pl/a.md": page("A", "same", "Tekst."),
        "pl/b.md": page("B", "same", "Tekst."),
    }
    site = build_site(
        files, site_config(kb_translations={"missing_translation": "ignore"}), strict=True,
        expect=("pl/b.md:4: translation key 'same' is already used by pl/a.md (line 4)",),
    )
    assert site.aborted


def test_non_utf8_file_is_named_and_skipped(build_site: BuildSite) -> None:
    from tests.conftest import site_config

    source = "---\ntitle: Zażółć\ndescription: B\nkey: a\n---\n\nGęś\n".encode("cp1250")
    files = {**HOMES, "pl/zle.md": source}
    site = build_site(
        files, site_config(kb_translations={"missing_translation": "ignore"}),
        expect=("pl/zle.md:2: file is not valid UTF-8",),
    )
    assert not site.aborted
    assert not (site.site / "pl/zle").exists()
    # The writer's file is untouched.
    assert (site.root / "docs/pl/zle.md").read_bytes() == source


def test_every_field_with_a_valid_value_builds_without_a_word(build_site: BuildSite) -> None:
    """The schema refuses wrong values only: each field with a right one passes, and reaches the page."""
    from tests.conftest import site_config

    article = page("A", "a", "Tekst.\n\n## Nowe {#new-id}\n\nTreść.", category="Podstawy",
                   subtitle="Krótko", related=["b"], faq=False, glossary=True, reading_time=False,
                   renamed_ids={"old-id": "new-id"}, redirect_from=["stare/a.md"],
                   tags=["obsługa"], hide=["toc"], template="main.html",
                   icon="material/book-open", status="new", search={"boost": 2, "exclude": False},
                   robots="noindex", social={"cards": False})
    files = {**HOMES, "pl/a.md": article, "pl/b.md": page("B", "b", "Tekst.")}
    config = site_config(kb_translations={"missing_translation": "ignore"},
                         extra_plugins=["kb-answers"], extra={"status": {"new": "Nowość"}})
    site = build_site(files, config, strict=True)
    assert not site.aborted
    html = site.html("pl/a/")
    assert 'class="md-status md-status--new"' in site.html("pl/")
    assert 'id="old-id"' in html and "Krótko" in site.html("pl/")
    assert (site.site / "pl" / "stare" / "a" / "index.html").exists()
