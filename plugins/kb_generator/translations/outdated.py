"""Outdated translations: which, why, and the notice their readers see.

A translation is outdated when its default-language page changed in git after
the translation's own last commit (the rule Lunaria and Zendesk use). A
translator can instead name the commit of the original the page was checked
against (`checked_against`, e.g. after a typo fix that needed no translation):
then the page is outdated only once the original changes after that commit,
whatever else touches the translation file (its own typo fixes do not hide a
newer original). Every date comes from git, so two builds of one commit say
the same.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta

from babel import Locale, UnknownLocaleError
from babel.dates import format_date
from markupsafe import Markup

from kb_generator.core.git_history import GitHistory
from kb_generator.core.messages import message
from kb_generator.core.schema import register_field
from kb_generator.translations.index import Article, Problem, TranslationIndex

#: Front-matter field: the commit of the original a translator checked the page against.
CHECKED_FIELD = "checked_against"
# Declared in the one front-matter schema; its value is checked here, against git
# (`checked_problems`), where the messages can name commits.
register_field(
    CHECKED_FIELD, lambda value, _facts: value,
    'write the commit id of the original, in quotes, as kb-translation-status prints it',
)

_COMMIT_ID = re.compile(r"[0-9a-fA-F]{7,40}")


@dataclass(frozen=True)
class Outdated:
    """A translation whose original changed after it."""

    translation: Article
    source: Article
    source_changed: datetime
    translation_changed: datetime
    source_commit: str


def checked_problems(
    index: TranslationIndex, source_locale: str, history: GitHistory
) -> list[Problem]:
    """Writers' mistakes in the `checked_against` field, with file and line."""
    problems = []
    for article in index.articles:
        if CHECKED_FIELD in article.front_matter.fields:
            mistake = _checked_mistake(article, source_locale, history)
            if mistake:
                problems.append(Problem(
                    article.src_uri, article.front_matter.line(CHECKED_FIELD),
                    f"'{CHECKED_FIELD}': {mistake}",
                ))
    return problems


def _checked_mistake(article: Article, source_locale: str, history: GitHistory) -> str | None:
    value = article.front_matter.fields[CHECKED_FIELD]
    if article.locale == source_locale:
        return (
            "only a translation can be checked against its original; this page is in the "
            f"default language ({source_locale}): remove the field"
        )
    if isinstance(value, int) and not isinstance(value, bool):
        return f'put the commit id in quotes ({CHECKED_FIELD}: "..."): YAML read it as a number'
    if not isinstance(value, str):
        return (
            "write the commit id of the original you checked the translation against "
            f'(as kb-translation-status prints it), e.g. {CHECKED_FIELD}: "3f2a1b9c"'
        )
    if not _COMMIT_ID.fullmatch(value):
        return (
            f"'{value}' is not a commit id (7 to 40 hexadecimal characters, as "
            "kb-translation-status prints it)"
        )
    if history.available and history.resolve(value) is None:
        return (
            f"commit '{value}' is not in this repository's history (a typo, or a shallow "
            "clone: fetch the whole history)"
        )
    return None


def outdated_translations(
    index: TranslationIndex, source_locale: str, history: GitHistory
) -> dict[str, Outdated]:
    """Outdated translations by their source path, in key and locale order."""
    found: dict[str, Outdated] = {}
    for _key, versions in sorted(index.by_key.items()):
        source = versions.get(source_locale)
        if source is None:
            continue
        source_changed = history.last_changed(source.abs_src_path)
        source_commit = history.last_commit(source.abs_src_path)
        if source_changed is None or source_commit is None:
            continue
        for locale, translation in sorted(versions.items()):
            if locale == source_locale:
                continue
            changed = history.last_changed(translation.abs_src_path)
            if changed is None:
                continue
            checked = _checked_commit(translation, history)
            if checked is None and source_changed <= changed:
                continue
            if checked is not None and history.contains(checked, source_commit):
                continue
            found[translation.src_uri] = Outdated(
                translation, source, source_changed, changed, source_commit
            )
    return found


def _checked_commit(translation: Article, history: GitHistory) -> str | None:
    """The commit of the original the translator checked this page against, if valid."""
    value = translation.front_matter.fields.get(CHECKED_FIELD)
    if not isinstance(value, str) or not _COMMIT_ID.fullmatch(value):
        return None
    return history.resolve(value)


def notice_due(outdated: Outdated, now: datetime | None, after_days: int) -> bool:
    """Show the notice once the original's change is `after_days` older than the built commit."""
    if after_days <= 0:
        return True
    return now is not None and now - outdated.source_changed >= timedelta(days=after_days)


def language_name(code: str, reader_locale: str, fallback: str) -> str:
    """The name of language `code` in the reader's language (Babel, CLDR)."""
    try:
        name = Locale.parse(code.replace("-", "_")).get_display_name(
            Locale.parse(reader_locale.replace("-", "_"))
        )
    except (UnknownLocaleError, ValueError):
        return fallback
    return str(name) if name else fallback


def render_notice(
    outdated: Outdated, locale: str, link: str, source_language: str, date_format: str = "long"
) -> Markup:
    """The reader's notice: Material's admonition look, every value escaped.

    `link` is the original's URL relative to the page; `source_language` is the
    original's language named in the reader's language.
    """
    code = outdated.source.locale
    day = outdated.source_changed.date()
    date = Markup('<time datetime="{}">{}</time>').format(
        day.isoformat(), format_date(day, format=date_format, locale=locale.replace("-", "_"))
    )
    title = outdated.source.title or outdated.source.url
    anchor = Markup('<a href="{}" hreflang="{}" lang="{}">{}</a>').format(link, code, code, title)
    return Markup(
        '<div class="admonition warning kb-outdated" role="note">\n'
        '<p class="admonition-title">{title}</p>\n'
        "<p>{body}</p>\n"
        "<p>{original}</p>\n"
        "</div>\n"
    ).format(
        title=message(locale, "outdated.title"),
        body=Markup(message(locale, "outdated.body")).format(date=date),
        original=Markup(message(locale, "outdated.original")).format(
            language=source_language, link=anchor
        ),
    )
