"""Which pages are translations of each other, across every locale.

Built once per site build from all Markdown sources (before static-i18n
narrows the file list to one language), so every language's build sees the
same answer. Translations are linked by the front-matter key, never by path.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path, PurePosixPath
from typing import Any

from babel import Locale, UnknownLocaleError
from mkdocs.structure.files import File

from kb_generator.core.front_matter import FrontMatter, front_matter_of
from kb_generator.core.schema import FIELDS, SiteFacts, check_fields
from kb_generator.core.upstream import RE_LOCALE


@dataclass(frozen=True)
class Problem:
    """A writer's mistake, located in a source file."""

    src_uri: str
    line: int
    message: str
    unreadable: bool = False  # the file cannot be read: the page is left out of the build

    def __str__(self) -> str:
        if self.line <= 0:  # a folder, not a line of a file
            return f"{self.src_uri}: {self.message}"
        return f"{self.src_uri}:{self.line}: {self.message}"


@dataclass
class Article:
    """One page in one locale."""

    locale: str
    src_uri: str
    abs_src_path: str
    url: str
    key: str | None
    title: str | None
    front_matter: FrontMatter
    fields: dict[str, Any] = field(default_factory=dict)  # the front matter that passed the schema


@dataclass
class TranslationIndex:
    """All pages by locale and by translation key."""

    locales: tuple[str, ...]
    articles: list[Article] = field(default_factory=list)
    by_key: dict[str, dict[str, Article]] = field(default_factory=dict)
    by_src_uri: dict[str, Article] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    def translations(self, src_uri: str) -> dict[str, Article]:
        """Every locale's version of the page at `src_uri` (itself included)."""
        article = self.by_src_uri.get(src_uri)
        if article is None:
            return {}
        if article.key is None:
            return {article.locale: article}
        return self.by_key.get(article.key, {article.locale: article})

    def missing(self, locale: str) -> list[tuple[str, dict[str, Article]]]:
        """Keys that exist in some locale but not in `locale`, sorted."""
        return [
            (key, versions)
            for key, versions in sorted(self.by_key.items())
            if locale not in versions
        ]


def locale_of(src_uri: str, locales: Iterable[str]) -> str | None:
    """The locale folder a source file lives in, if any."""
    first = PurePosixPath(src_uri).parts[0]
    return first if first in set(locales) else None


def unplaced_pages(
    files: Iterable[File], locales: tuple[str, ...], listed: Iterable[str]
) -> list[Problem]:
    """Pages outside every language folder, and language folders mkdocs.yml does not list.

    static-i18n publishes the first as default-language pages that no check
    sees, and silently drops the second (a folder named like a locale code,
    its `RE_LOCALE`); `listed` holds every configured language, built or not.
    """
    known = set(locales) | set(listed)
    problems = []
    folders: dict[str, list[str]] = {}
    folder_list = ", ".join(f"{code}/" for code in locales)
    for file in files:
        if not file.is_documentation_page() or file.generated_by or file.inclusion.is_excluded():
            continue
        parts = PurePosixPath(file.src_uri).parts
        if parts[0] in known:
            continue
        if len(parts) > 1 and RE_LOCALE.match(parts[0]):
            folders.setdefault(parts[0], []).append(file.src_uri)
            continue
        problems.append(Problem(
            file.src_uri, 1,
            f"the page is outside every language folder ({folder_list}): it would be "
            "published with no language, translations or checks; move it into a language folder",
        ))
    for folder, pages in sorted(folders.items()):
        shown = ", ".join(sorted(pages)[:3]) + (", ..." if len(pages) > 3 else "")
        problems.append(Problem(
            f"{folder}/", 0,
            f"a language folder{_language(folder)} that mkdocs.yml does not list under the "
            f"i18n plugin's `languages`, so its {len(pages)} pages are not published "
            f"({shown}); add the language there, or rename or move the folder",
        ))
    return problems


def _language(folder: str) -> str:
    """` (German)` for a folder named after a language Babel knows, else ``."""
    try:
        name = Locale.parse(folder.replace("-", "_")).get_display_name("en")
    except (UnknownLocaleError, ValueError, TypeError):
        return ""
    return f" ({name})" if name else ""


def build_index(
    files: Iterable[File],
    locales: tuple[str, ...],
    key_field: str,
    required_fields: Iterable[str],
    allowed_fields: set[str],
    facts: SiteFacts | None = None,
) -> TranslationIndex:
    """Read every page's front matter once, check it against the schema, link translations."""
    index = TranslationIndex(locales)
    required = list(required_fields)
    facts = facts or SiteFacts()
    for file in files:
        if not file.is_documentation_page():
            continue
        locale = locale_of(file.src_uri, locales)
        if locale is None:
            continue
        front_matter, problems = _read(file, required, allowed_fields)
        index.problems.extend(problems)
        key = front_matter.fields.get(key_field)
        key = str(key) if isinstance(key, str | int) and not isinstance(key, bool) and (
            str(key).strip()) else None
        title = front_matter.fields.get("title")
        article = Article(
            locale, file.src_uri, file.abs_src_path or "", file.url, key,
            str(title) if isinstance(title, str) else None, front_matter,
        )
        index.articles.append(article)
        index.by_src_uri[file.src_uri] = article
        if key is None:
            continue
        versions = index.by_key.setdefault(key, {})
        if locale in versions:
            first = versions[locale]
            index.problems.append(Problem(
                file.src_uri, front_matter.line(key_field),
                f"translation key '{key}' is already used by {first.src_uri} "
                f"(line {first.front_matter.line(key_field)}); "
                "each page of a language needs its own key",
            ))
            continue
        versions[locale] = article
    # Checked once all keys are known: `related` names keys of the same language.
    keys = {
        locale: frozenset(key for key, versions in index.by_key.items() if locale in versions)
        for locale in locales
    }
    for article in index.articles:
        checked = check_fields(
            article.front_matter.fields,
            replace(facts, locale=article.locale, keys=keys[article.locale]),
            aliases={key_field: "key"}, extra=allowed_fields,
        )
        article.fields = checked.fields
        for name, message in checked.problems:
            index.problems.append(Problem(
                article.src_uri, article.front_matter.line(name), message))
    return index


def _read(
    file: File, required: list[str], allowed: set[str]
) -> tuple[FrontMatter, list[Problem]]:
    path = file.abs_src_path or ""
    if file.src_dir and os.path.lexists(path) and not Path(os.path.realpath(path)).is_relative_to(
            os.path.realpath(file.src_dir)):
        # A link to a file elsewhere on the machine would publish that file.
        return FrontMatter(), [Problem(
            file.src_uri, 1, "the file is a link to a file outside the docs folder; "
            "copy the page into the docs folder instead", unreadable=True)]
    front_matter = front_matter_of(path)
    if front_matter.error:
        return front_matter, [Problem(
            file.src_uri, front_matter.error_line, front_matter.error, front_matter.unreadable)]
    problems = []
    for name in required:
        value = front_matter.fields.get(name)
        if value is None or (isinstance(value, str) and not value.strip()):
            problems.append(Problem(
                file.src_uri, 1, f"front matter lacks the required field '{name}'"
            ))
    for name, line, first in front_matter.twice:
        problems.append(Problem(
            file.src_uri, line,
            f"{name}: the field is written twice (first at line {first}); keep one of them",
        ))
    known = set(FIELDS) | allowed
    for name in front_matter.fields:
        if name not in known:
            problems.append(Problem(
                file.src_uri, front_matter.line(name),
                f"unknown front-matter field '{name}' (allowed: {', '.join(sorted(known))})",
            ))
    return front_matter, problems
