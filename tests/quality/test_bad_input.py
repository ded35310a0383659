"""Writers' mistakes and hostile input through the real CLI: `mkdocs build --strict`.

Each broken input must fail the build with a message naming the file (and the
line where there is one), leave no site that could pass for a good one (a
stale site directory from an earlier build is emptied), and never touch the
writer's files. Input that is odd but not wrong (a 2 MB page, markup in
titles, definitions and questions) must build, with the markup escaped.
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.conftest import ROOT, git, page, write_tree

Files = dict[str, str | bytes]

XSS = '<img src=x onerror="window.__kbInjected=1"><script>window.__kbInjected=2</script>'

GLOSSARY = {
    "pl": ("CRM", "System do zarządzania relacjami z klientami."),
    "et": ("CRM", "Kliendisuhete halduse süsteem."),
    "sk": ("CRM", "Systém na riadenie vzťahov so zákazníkmi."),
}
NAMES = {
    "pl": ("Centrum wiedzy", "Obsługa klienta", "Kontakt", "Słowniczek", "slowniczek"),
    "et": ("Teadmiste keskus", "Klienditeenindus", "Kontakt", "Sõnastik", "sonastik"),
    "sk": ("Centrum znalostí", "Zákaznícky servis", "Kontakt", "Slovník", "slovnik"),
}
QUESTION = {
    "pl": "W jakich godzinach pracujecie?",
    "et": "Millal te töötate?",
    "sk": "Kedy pracujete?",
}


def glossary_yml(terms: list[dict[str, Any]]) -> str:
    return yaml.safe_dump({"terms": terms}, allow_unicode=True, sort_keys=False)


def base_site() -> Files:
    """A small three-language site with an article, an FAQ page and a glossary."""
    files: Files = {}
    for code, (home, article, contact, glossary, glossary_file) in NAMES.items():
        term, definition = GLOSSARY[code]
        files[f"{code}/index.md"] = page(home, "home", f"""
            Tekst strony głównej: [{article}](a.md), [{contact}](kontakt.md#contact-hours),
            [{glossary}]({glossary_file}.md).
            """)
        files[f"{code}/a.md"] = page(article, "a", f"""
            Akapit o systemie {term} i obsłudze.

            ## Kanały {{#channels}}

            Drugi akapit tekstu.
            """)
        files[f"{code}/kontakt.md"] = page(contact, "faq-contact", f"""
            Wstęp do pytań.

            ## {QUESTION[code]} {{#contact-hours}}

            Od 8:00 do 20:00.
            """, faq=True)
        files[f"{code}/{glossary_file}.md"] = page(glossary, "glossary", "Pojęcia.")
        files[f"{code}/glossary.yml"] = glossary_yml(
            [{"id": "crm", "term": term, "definition": definition}]
        )
    return files


def site_config() -> dict[str, Any]:
    """The repository's own mkdocs.yml: the plugins and settings the real site uses."""
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    config.update({"site_url": "https://kb.test/", "docs_dir": "docs", "site_dir": "site"})
    return dict(config)


@dataclass
class Build:
    """One run of the CLI on a site in tmp_path."""

    root: Path
    returncode: int
    output: str
    seconds: float
    sources_before: dict[str, str] = field(default_factory=dict)

    @property
    def site(self) -> Path:
        return self.root / "site"

    def html(self, url: str) -> str:
        return (self.site / url / "index.html").read_text(encoding="utf-8")

    def leftovers(self) -> list[str]:
        return sorted(
            p.relative_to(self.site).as_posix() for p in self.site.rglob("*")
            if p.is_file() and not p.relative_to(self.site).as_posix().startswith(".")
        )


def sources(root: Path) -> dict[str, str]:
    return {
        p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted((root / "docs").rglob("*")) if p.is_file()
    }


def outside_site(root: Path) -> list[str]:
    """Every file under the build's root except the site, git's and the temp folder.

    Python's own bytecode cache of a writer's `hooks:` module (`__pycache__/`, written
    by the import unless PYTHONDONTWRITEBYTECODE is set) is not the build's output.
    """
    return sorted(
        p.relative_to(root).as_posix() for p in root.rglob("*")
        if (p.is_file() or p.is_symlink())
        and p.relative_to(root).parts[0] not in ("site", ".git", "tmp", "__pycache__")
    )


def run_cli(
    root: Path, files: Files, *, strict: bool = True, links: dict[str, str] | None = None,
    config: dict[str, Any] | None = None, traceback_ok: bool = False,
) -> Build:
    write_tree(root / "docs", files)
    for name, target in (links or {}).items():
        (root / "docs" / name).symlink_to(target)
    (root / "mkdocs.yml").write_text(
        yaml.safe_dump(config or site_config(), allow_unicode=True), encoding="utf-8")
    git(root, "init", "-q")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "content", date="2026-03-02T10:00:00+00:00")
    # A complete-looking site from an earlier, good build.
    write_tree(root / "site", {
        "index.html": "<!doctype html><title>stale</title>",
        "pl/index.html": "<!doctype html><title>stale</title>",
        "sitemap.xml": "<urlset/>",
        ".git/HEAD": "ref: refs/heads/gh-pages\n",
    })
    (root / "tmp").mkdir()
    before = sources(root)
    files_before = outside_site(root)
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", *(["--strict"] if strict else [])],
        cwd=root, env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "TMPDIR": str(root / "tmp")},
        capture_output=True, text=True, check=False, timeout=600,
    )
    build = Build(root, done.returncode, done.stdout + done.stderr,
                  time.perf_counter() - started, before)
    assert outside_site(root) == files_before, "the build wrote outside the site folder"
    assert sorted(p.name for p in (root / "tmp").iterdir()) == [], "temp files left behind"
    assert traceback_ok or "Traceback" not in build.output, build.output
    return build


@dataclass(frozen=True)
class Case:
    """A broken input and what the writer must be told."""

    change: Callable[[Files], None]
    messages: tuple[str, ...]


def replace(name: str, content: str | bytes) -> Callable[[Files], None]:
    def change(files: Files) -> None:
        files[name] = content
    return change


def edit(name: str, old: str, new: str) -> Callable[[Files], None]:
    def change(files: Files) -> None:
        text = files[name]
        assert isinstance(text, str) and old in text, (name, old)
        files[name] = text.replace(old, new, 1)
    return change


def both(*changes: Callable[[Files], None]) -> Callable[[Files], None]:
    def change(files: Files) -> None:
        for one in changes:
            one(files)
    return change


FAILING: dict[str, Case] = {
    "malformed YAML front matter": Case(
        replace("pl/a.md", "---\ntitle: Obsługa\ndescription: [niedomknięta\nkey: a\n---\n\nTekst.\n"),
        ("pl/a.md:4: malformed YAML",),
    ),
    "front matter never closed": Case(
        replace("pl/a.md", "---\ntitle: Obsługa\ndescription: Opis.\nkey: a\n\nTekst.\n"),
        ("pl/a.md:1: front matter is not closed with '---'",),
    ),
    "front matter is a list": Case(
        replace("pl/a.md", "---\n- title\n- key\n---\n\nTekst.\n"),
        ("pl/a.md:2: front matter must be a mapping of fields",),
    ),
    "missing required field": Case(
        edit("pl/a.md", "description: 'Obsługa klienta: opis strony.'\n", ""),
        ("pl/a.md:1: front matter lacks the required field 'description'",),
    ),
    "unknown front-matter key": Case(
        edit("pl/a.md", "key: a\n", "key: a\nautor: Jan\n"),
        ("pl/a.md:5: unknown front-matter field 'autor'",),
    ),
    "title that is not text": Case(
        edit("pl/a.md", "title: Obsługa klienta\n", "title: [Obsługa, klienta]\n"),
        ("pl/a.md:2: title: ['Obsługa', 'klienta'] is a list, not text; write the title as text",),
    ),
    "translation key used twice in one language": Case(
        replace("pl/b.md", page("Druga strona", "a", "Inny tekst o tym samym.")),
        ("pl/b.md:4: translation key 'a' is already used by pl/a.md (line 4)",),
    ),
    "missing translation": Case(
        replace("pl/c.md", page("Tylko po polsku", "only-pl", "Tekst tylko po polsku.")),
        ("pl/c.md:4: no 'et' translation of 'only-pl'", "no 'sk' translation of 'only-pl'"),
    ),
    "empty article": Case(
        replace("et/a.md", page("Klienditeenindus", "a", "")),
        ("et/a.md:6: the page has no body text, only front matter",),
    ),
    "article with only a comment": Case(
        replace("sk/a.md", page("Zákaznícky servis", "a", "<!-- TODO: dopísať -->")),
        ("sk/a.md:6: the page has no body text, only front matter",),
    ),
    "non-UTF-8 file": Case(
        replace("pl/a.md", page("Obsługa klienta", "a", "Zażółć gęślą jaźń.").encode("cp1250")),
        ("pl/a.md:", "file is not valid UTF-8"),
    ),
    "duplicate FAQ id": Case(
        replace("pl/godziny.md", page("Godziny", "faq-hours", """
            ## Kiedy dzwonić? {#contact-hours}

            Rano.
            """, faq=True)),
        ("pl/kontakt.md:10: FAQ id 'contact-hours' is already used at pl/godziny.md:8",),
    ),
    "FAQ question without an id": Case(
        edit("sk/kontakt.md", "Kedy pracujete? {#contact-hours}", "Kedy pracujete?"),
        ("sk/kontakt.md:10: question 'Kedy pracujete?' has no id",),
    ),
    "duplicate glossary term": Case(
        replace("pl/glossary.yml", glossary_yml([
            {"id": "crm", "term": "CRM", "definition": "Pierwsza definicja."},
            {"id": "crm", "term": "system CRM", "definition": "Druga definicja."},
        ])),
        ("pl/glossary.yml:5: duplicate term id 'crm' (first at line 2)",),
    ),
    "glossary file syntax error": Case(
        replace("et/glossary.yml", "terms:\n  - id: crm\n    term: CRM\n   definition: [katki\n"),
        ("et/glossary.yml:4: malformed YAML",),
    ),
    "glossary term without a definition": Case(
        replace("sk/glossary.yml", glossary_yml([{"id": "crm", "term": "CRM"}])),
        ("sk/glossary.yml:2: term lacks definition",),
    ),
    "glossary file not UTF-8": Case(
        replace("pl/glossary.yml", glossary_yml(
            [{"id": "crm", "term": "CRM", "definition": "Zarządzanie relacjami."}]
        ).encode("cp1250")),
        ("pl/glossary.yml:1: file is not valid UTF-8",),
    ),
    "unknown glossary term id": Case(
        edit("pl/a.md", "Drugi akapit tekstu.", "Drugi akapit z [pojęciem](glossary:nope)."),
        ("pl/a.md:11: unknown glossary term 'nope' (not in pl/glossary.yml)",),
    ),
    "link to a missing page": Case(
        edit("et/a.md", "Drugi akapit tekstu.", "Vaata [puuduvat lehte](puudub.md)."),
        ("et/a.md:11: Doc file 'et/a.md' contains a link 'puudub.md', but the target 'et/puudub.md' "
         "is not found among documentation files",),
    ),
    "link to a missing anchor": Case(
        edit("sk/index.md", "(kontakt.md#contact-hours)", "(kontakt.md#neexistuje)"),
        ("sk/index.md:7: Doc file 'sk/index.md' contains a link 'kontakt.md#neexistuje', "
         "but the doc 'sk/kontakt.md' does not contain an anchor '#neexistuje'",),
    ),
    "renamed ids that are not a mapping": Case(
        edit("pl/kontakt.md", "faq: true\n", "faq: true\nrenamed_ids: [old-hours]\n"),
        ("pl/kontakt.md:6: renamed_ids: ['old-hours'] is a list, not a mapping; write old heading "
         "ids mapped to the ids that replaced them",),
    ),
}


def field_in(name: str, text: str, path: str = "pl/a.md") -> Callable[[Files], None]:
    """Add the front-matter lines of field `name` after the key (they start at line 5)."""
    assert text.startswith(name), (name, text)
    return edit(path, "key: a\n", "key: a\n" + text)


ALIAS_BOMB = "".join(
    f"l{n}: &l{n} [{', '.join([f'*l{n - 1}'] * 9) if n else 'lol'}]\n" for n in range(9)
)

#: Issue 14: hostile or careless input that used to escape the site, run as script,
#: break search, leave a partial site, end in a traceback or be read wrongly.
FAILING.update({
    # 1. Paths outside the site (into the sources, beside the site, another language).
    "redirect into the sources": Case(
        field_in("redirect_from", "redirect_from: [../../docs/pl/wstrzykniete.md]\n"),
        ("pl/a.md:5: redirect_from: item 1: '../../docs/pl/wstrzykniete.md' is not a .md path "
         "inside the language folder; write a list of old .md paths",),
    ),
    "redirect beside the site": Case(
        field_in("redirect_from", "redirect_from: [../../etc/passwd]\n"),
        ("pl/a.md:5: redirect_from: item 1: '../../etc/passwd' is not a .md path",),
    ),
    "redirect from an absolute path": Case(
        field_in("redirect_from", "redirect_from: [/abs/path.md]\n"),
        ("pl/a.md:5: redirect_from: item 1: '/abs/path.md' is not a .md path",),
    ),
    "redirect onto another language's page": Case(
        field_in("redirect_from", "redirect_from: [../et/a.md]\n"),
        ("pl/a.md:5: redirect_from: item 1: '../et/a.md' is not a .md path",),
    ),
    "redirect onto an asset": Case(
        field_in("redirect_from", "redirect_from: [../assets/kb/kb.css]\n"),
        ("pl/a.md:5: redirect_from: item 1: '../assets/kb/kb.css' is not a .md path",),
    ),
    "redirect with backslashes": Case(
        field_in("redirect_from", "redirect_from: ['..\\\\..\\\\x.md']\n"),
        ("pl/a.md:5: redirect_from: item 1:",),
    ),
    "redirect onto a page that exists": Case(
        field_in("redirect_from", "redirect_from: [kontakt.md]\n"),
        ("pl/a.md:5: redirect_from: cannot redirect 'kontakt.md': a page or file already exists",),
    ),
    "redirect written as one string": Case(
        field_in("redirect_from", "redirect_from: stara-strona.md\n"),
        ("pl/a.md:5: redirect_from: 'stara-strona.md' is text, not a list (write [a, b])",),
    ),
    "two pages redirect from one old path": Case(
        both(
            field_in("redirect_from", "redirect_from: [stara.md]\n"),
            edit("pl/kontakt.md", "faq: true\n", "faq: true\nredirect_from: [stara.md]\n"),
        ),
        ("redirect_from: cannot redirect 'stara.md': a page or file already exists",),
    ),
    # 2. Script from front matter: identifiers that themes glue into attributes.
    "markup in status": Case(
        field_in("status", "status: 'new\"><img src=x onerror=\"window.__kbX=1\">'\n"),
        ("pl/a.md:5: status: 'new\"><img src=x onerror=\"window.__kbX=1\">' is not a status name",),
    ),
    "markup in icon": Case(
        field_in("icon", "icon: 'material/x\"><img src=x>'\n"),
        ("pl/a.md:5: icon: 'material/x\"><img src=x>' is not an icon name",),
    ),
    "unknown icon": Case(
        field_in("icon", "icon: material/no-such-icon\n", "et/a.md"),
        ("et/a.md:5: icon: 'material/no-such-icon' is not an icon of the theme",),
    ),
    "missing template": Case(
        field_in("template", "template: brak.html\n"),
        ("pl/a.md:5: template: 'brak.html' is not a template of the theme",),
    ),
    "template outside the theme": Case(
        field_in("template", "template: ../../../../etc/passwd\n"),
        ("pl/a.md:5: template: '../../../../etc/passwd' is not a template file name",),
    ),
    "unknown hide value": Case(
        field_in("hide", "hide: [navigation, '<b>x</b>']\n"),
        ("pl/a.md:5: hide: item 2: '<b>x</b>' is not one of navigation, toc, footer",),
    ),
    # 3. Numbers that break search.
    "search boost NaN": Case(
        field_in("search", "search: {boost: .nan}\n"),
        ("pl/a.md:5: search: boost: nan is out of range; write `search: {exclude: true}` or "
         "`search: {boost: 0.5}` (a number above 0, at most 100)",),
    ),
    "search boost infinite": Case(
        field_in("search", "search: {boost: .inf}\n", "sk/a.md"),
        ("sk/a.md:5: search: boost: inf is out of range",),
    ),
    "search boost too big for a number": Case(
        field_in("search", "search: {boost: 1.0e+309}\n"),
        ("pl/a.md:5: search: boost: inf is out of range",),
    ),
    "search boost negative": Case(
        field_in("search", "search: {boost: -2}\n"),
        ("pl/a.md:5: search: boost: -2 is out of range",),
    ),
    "search boost as text": Case(
        field_in("search", "search: {boost: wysoki}\n"),
        ("pl/a.md:5: search: boost: 'wysoki' is text, not a number",),
    ),
    "unknown search option": Case(
        field_in("search", "search: {boots: 2}\n"),
        ("pl/a.md:5: search: unknown key 'boots'",),
    ),
    # 5. Values that used to end in a traceback.
    "related as a number": Case(
        field_in("related", "related: 5\n"),
        ("pl/a.md:5: related: 5 is a number, not a list (write [a, b]); write a list of keys",),
    ),
    "related as a number on an Estonian page": Case(
        field_in("related", "related: 5\n", "et/a.md"),
        ("et/a.md:5: related: 5 is a number, not a list",),
    ),
    "control character in the glossary": Case(
        replace("pl/glossary.yml", "terms:\n  - id: crm\n    term: CRM\n    definition: Zły\x01 znak.\n"),
        ("pl/glossary.yml:4: malformed YAML: character U+0001 (a control character) is not allowed",),
    ),
    "control character in front matter": Case(
        edit("pl/a.md", "title: Obsługa klienta\n", "title: Obsługa\x07 klienta\n"),
        ("pl/a.md:2: malformed YAML: character U+0007 (a control character) is not allowed",),
    ),
    "impossible date": Case(
        field_in("category", "category: 2026-02-30\n"),
        ("pl/a.md:", "malformed YAML: day is out of range for month"),
    ),
    # 6. Values read wrongly without a word.
    "renamed ids that swap two live ids": Case(
        both(
            edit("pl/a.md", "Drugi akapit tekstu.", "Drugi akapit tekstu.\n\n## Inne {#other}\n\nTekst."),
            field_in("renamed_ids", "renamed_ids: {channels: other, other: channels}\n"),
        ),
        ("pl/a.md:5: renamed_ids: 'channels' is both an old and a new id",),
    ),
    "renamed id that is still in use": Case(
        both(
            edit("pl/a.md", "Drugi akapit tekstu.", "Drugi akapit tekstu.\n\n## Inne {#other}\n\nTekst."),
            field_in("renamed_ids", "renamed_ids: {channels: other}\n"),
        ),
        ("pl/a.md:5: renamed_ids: 'channels' is still an id on this page",),
    ),
    "faq as the text false": Case(
        edit("pl/kontakt.md", "faq: true\n", "faq: 'false'\n"),
        ("pl/kontakt.md:5: faq: 'false' is text in quotes, not true or false; write true or false",),
    ),
    "search exclude as the text false": Case(
        field_in("search", "search: {exclude: 'false'}\n"),
        ("pl/a.md:5: search: exclude: 'false' is text in quotes, not true or false",),
    ),
    "reading time as the text no": Case(
        field_in("reading_time", "reading_time: 'no'\n"),
        ("pl/a.md:5: reading_time: 'no' is text in quotes, not true or false",),
    ),
    "glossary switch as a number": Case(
        field_in("glossary", "glossary: 0\n"),
        ("pl/a.md:5: glossary: 0 is a number, not true or false",),
    ),
    "unknown related key": Case(
        field_in("related", "related: [nie-ma-takiej]\n"),
        ("pl/a.md:5: related: 'nie-ma-takiej' is not the key of any page in 'pl'",),
    ),
    "related key of another language only": Case(
        both(
            replace("et/b.md", page("Ainult eesti keeles", "only-et", "Tekst.")),
            field_in("related", "related: [only-et]\n"),
        ),
        ("pl/a.md:5: related: 'only-et' is not the key of any page in 'pl'",),
    ),
    "tags written as one string": Case(
        field_in("tags", "tags: obsługa, reklamacje\n"),
        ("pl/a.md:5: tags: 'obsługa, reklamacje' is text, not a list",),
    ),
    "category that is a list": Case(
        field_in("category", "category: [a, b]\n"),
        ("pl/a.md:5: category: ['a', 'b'] is a list, not text",),
    ),
    "key that is a mapping": Case(
        edit("sk/a.md", "key: a\n", "key: {a: b}\n"),
        ("sk/a.md:4: key: {'a': 'b'} is a mapping",),
    ),
    "a field written twice": Case(
        field_in("related", "related: [a]\ncategory: Podstawy\nrelated: 5\n", "et/a.md"),
        ("et/a.md:7: related: the field is written twice (first at line 5); keep one of them",),
    ),
    "alias bomb in front matter": Case(
        field_in("l0", ALIAS_BOMB),
        ("pl/a.md:6: malformed YAML: aliases (*l0) are not allowed; write the value out in full",),
    ),
    "alias bomb in the glossary": Case(
        replace("et/glossary.yml", "lol: &a [x, x]\nbomb: [*a, *a]\nterms: []\n"),
        ("et/glossary.yml:2: malformed YAML: aliases (*a) are not allowed",),
    ),
    "deeply nested front matter": Case(
        field_in("tags", "tags: " + "[" * 50 + "]" * 50 + "\n"),
        ("pl/a.md:5: malformed YAML: lists and mappings nested more than 20 levels deep",),
    ),
    "glossary term that is a number": Case(
        replace("sk/glossary.yml", "terms:\n  - id: crm\n    term: 42\n    definition: Definícia.\n"),
        ("sk/glossary.yml:2: term of 'crm': write it as text",),
    ),
    "glossary aliases of true/false": Case(
        replace("sk/glossary.yml", glossary_yml(
            [{"id": "crm", "term": "CRM", "definition": "Definícia.", "aliases": [True]}])),
        ("sk/glossary.yml:2: aliases of 'crm': write a list of names as text",),
    ),
})


@pytest.mark.parametrize("name", list(FAILING))
def test_broken_input_fails_clearly_and_leaves_no_site(name: str, tmp_path: Path) -> None:
    case = FAILING[name]
    files = base_site()
    case.change(files)
    build = run_cli(tmp_path, files)
    assert build.returncode != 0, build.output
    for expected in case.messages:
        assert expected in build.output, f"{expected!r} not in:\n{build.output}"
    assert "Aborted with" in build.output
    assert build.leftovers() == [], "a failed build left pages that look like a site"
    assert (build.site / ".git" / "HEAD").exists()  # hidden entries (a deploy checkout) stay
    assert sources(tmp_path) == build.sources_before, "the build changed a writer's file"


def test_the_base_site_builds_cleanly(tmp_path: Path) -> None:
    build = run_cli(tmp_path, base_site())
    assert build.returncode == 0, build.output
    assert "WARNING" not in build.output
    assert "stale" not in (build.site / "index.html").read_text(encoding="utf-8")
    assert "stale" not in build.html("pl")
    assert sources(tmp_path) == build.sources_before


def test_a_very_large_page_builds_fine_and_fast(tmp_path: Path) -> None:
    files = base_site()
    paragraph = (
        "Konsultant przyjmuje zgłoszenie, sprawdza historię klienta w systemie CRM i proponuje "
        "rozwiązanie, a reklamacja trafia do właściwego zespołu bez zbędnej zwłoki. "
    )
    sections = [f"## Rozdział {n} {{#rozdzial-{n}}}\n\n" + paragraph * 40 for n in range(1, 321)]
    body = "\n\n".join(sections)
    assert len(body.encode("utf-8")) >= 2_000_000
    files["pl/a.md"] = page("Obsługa klienta", "a", body)
    build = run_cli(tmp_path, files)
    assert build.returncode == 0, build.output[-3000:]
    assert "WARNING" not in build.output
    html = build.html("pl/a")
    assert 'id="rozdzial-320"' in html and html.count(paragraph[:40]) >= 320 * 40
    assert build.seconds < 120, f"a 2 MB page took {build.seconds:.0f} s"
    assert sources(tmp_path) == build.sources_before


def test_markup_in_titles_definitions_and_questions_builds_escaped(tmp_path: Path) -> None:
    files = base_site()
    files["pl/a.md"] = page(
        f"Obsługa {XSS} & <b>klienta</b>", "a", """
        Akapit o systemie CRM i obsłudze.

        ## Czy &lt;script&gt;window.__kbInjected=3&lt;/script&gt; działa? {#xss}

        Odpowiedź z &lt;/script&gt;&lt;script&gt;window.__kbInjected=4&lt;/script&gt;.
        """, description=f'Opis {XSS} " & \'', faq=True)
    files["pl/glossary.yml"] = glossary_yml(
        [{"id": "crm", "term": "CRM", "definition": f"Definicja {XSS} & \"cudzysłów\"."}]
    )
    build = run_cli(tmp_path, files)
    assert build.returncode == 0, build.output
    assert "WARNING" not in build.output
    for url in ("pl/a", "pl", "pl/slowniczek", "pl/kontakt"):
        html = build.html(url)
        assert "<img src=x" not in html and "<script>window.__kbInjected" not in html, url
        assert "&lt;img src=x onerror=" in html, url  # shown as text, not dropped
    article = build.html("pl/a")
    assert '<meta name="description" content="Opis &lt;img src=x onerror=&#34;' in article
    assert "<title>Obsługa &lt;img src=x" in article
    json_ld = [json.loads(block.split(">", 1)[1]) for block in
               article.split("</head>")[0].split("</script>") if "application/ld+json" in block]
    names = [q["name"] for item in json_ld if item["@type"] == "FAQPage" for q in item["mainEntity"]]
    assert names == ["Czy <script>window.__kbInjected=3</script> działa?"]
    catalog = json.loads((build.site / "pl" / "answers.json").read_text(encoding="utf-8"))
    assert any(a.get("question") == names[0] for a in catalog["answers"])
    assert sources(tmp_path) == build.sources_before


def test_a_dangling_page_link_fails_clearly(tmp_path: Path) -> None:
    build = run_cli(tmp_path, base_site(), links={"pl/zepsuty.md": "nie-ma-mnie.md"})
    assert build.returncode != 0, build.output
    assert ("pl/zepsuty.md:1: cannot read the file (a link to a file that does not exist); "
            "fix or remove it") in build.output
    assert build.leftovers() == []
    assert sources(tmp_path) == build.sources_before


def test_a_page_linked_from_outside_the_docs_is_not_published(tmp_path: Path) -> None:
    secret = tmp_path / "secret.md"
    secret.write_text("---\ntitle: Sekret\ndescription: D.\nkey: s\n---\n\nHASŁO-123\n", encoding="utf-8")
    build = run_cli(tmp_path, base_site(), links={"pl/sekret.md": str(secret)})
    assert build.returncode != 0, build.output
    assert "pl/sekret.md:1: the file is a link to a file outside the docs folder" in build.output
    assert build.leftovers() == []


#: Dangerous values without `--strict`: the build succeeds with a warning and the
#: value left out, so nothing escapes, runs or breaks search either.
LENIENT = [
    "redirect into the sources", "redirect beside the site", "redirect onto an asset",
    "markup in status", "search boost NaN", "search boost infinite", "related as a number",
    "missing template", "unknown icon", "faq as the text false", "alias bomb in front matter",
    "control character in the glossary",
]


def _no_constant(name: str) -> Any:
    raise AssertionError(f"{name} in JSON")


@pytest.mark.parametrize("name", LENIENT)
def test_without_strict_a_bad_value_is_reported_and_left_out(name: str, tmp_path: Path) -> None:
    case = FAILING[name]
    files = base_site()
    case.change(files)
    build = run_cli(tmp_path, files, strict=False)
    assert build.returncode == 0, build.output
    for expected in case.messages:
        assert "WARNING -  kb-" in build.output and expected in build.output, build.output
    for page_file in build.site.rglob("*.html"):
        html = page_file.read_text(encoding="utf-8")
        assert "<img src=x" not in html and "__kbX" not in html, page_file
    for data in build.site.rglob("*.json"):
        json.loads(data.read_text(encoding="utf-8"), parse_constant=_no_constant)
    assert not (build.site / "pl" / "wstrzykniete").exists()
    assert sources(tmp_path) == build.sources_before


CONFIG_ERRORS = {
    "notice page outside the site": (
        {"kb-translations": {"notice_page": "../../wstrzykniete"}},
        "Plugin 'kb-translations' option 'notice_page': '../../wstrzykniete' must be a relative path",
    ),
    "status report outside the site": (
        {"kb-translations": {"status_report": "/tmp/raport.json"}},
        "option 'status_report': '/tmp/raport.json' must be a relative path",
    ),
    "answers catalog outside the language": (
        {"kb-answers": {"catalog": "../../answers.json"}},
        "option 'catalog': '../../answers.json' must be a relative path",
    ),
    "infinite field boost": (
        {"kb-search": {"boosts": {"title": float("inf")}}},
        "option 'boosts': title: inf must be a finite number above 0",
    ),
    "typo in a plugin option": (
        {"kb-translations": {"missing_transltion": "info"}},
        "Plugin 'kb-translations' option 'missing_transltion'",
    ),
}


def _with_options(options: dict[str, dict[str, Any]]) -> dict[str, Any]:
    config = site_config()
    plugins = []
    for plugin in config["plugins"]:
        name = plugin if isinstance(plugin, str) else next(iter(plugin))
        if name in options:
            current = plugin[name] if isinstance(plugin, dict) else {}
            plugin = {name: {**(current or {}), **options[name]}}
        plugins.append(plugin)
    config["plugins"] = plugins
    return config


@pytest.mark.parametrize("name", list(CONFIG_ERRORS))
def test_a_configuration_error_stops_before_anything_is_written(name: str, tmp_path: Path) -> None:
    """As README says: mkdocs.yml is checked before the build starts, so nothing is
    written or removed; the site folder keeps what it had, and the exit status is 1."""
    options, expected = CONFIG_ERRORS[name]
    build = run_cli(tmp_path, base_site(), config=_with_options(options))
    assert build.returncode == 1, build.output
    assert expected in build.output, build.output
    assert "Aborted with" in build.output and "configuration" in build.output
    assert build.leftovers() == ["index.html", "pl/index.html", "sitemap.xml"]
    assert sources(tmp_path) == build.sources_before


HOOK = """
import time

def on_page_markdown(markdown, page, config, files):
    if page.file.src_uri.startswith("pl/"):
        time.sleep(1)
        raise RuntimeError("a hook failed in the default language")
    return markdown

def on_post_page(output, page, config):
    time.sleep(0.4)  # the other languages go on writing slowly
    return output
"""


def test_a_crash_in_the_parent_stops_every_language_before_the_site_is_emptied(
    tmp_path: Path,
) -> None:
    write_tree(tmp_path, {"hook.py": HOOK})
    build = run_cli(tmp_path, base_site(), config={**site_config(), "hooks": ["hook.py"]},
                    traceback_ok=True)
    assert build.returncode != 0
    assert "a hook failed in the default language" in build.output
    assert build.leftovers() == []
    time.sleep(2)  # a language process left running would write its next pages now
    assert build.leftovers() == [], "a language process went on writing after the failure"
