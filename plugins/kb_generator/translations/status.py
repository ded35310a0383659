"""Translation status: per locale, the missing and the outdated translations.

A translation is outdated when its source-language version changed in git
after the translation's own last change (the rule Lunaria and Zendesk use),
unless it was checked against that change (see `outdated.py`).
The build writes the report to the site root; `kb-translation-status`
(`cli.py`) prints it without building.
"""

from __future__ import annotations

from typing import Any

from kb_generator.translations.index import TranslationIndex
from kb_generator.translations.outdated import Outdated


def translation_status(
    index: TranslationIndex,
    source_locale: str,
    outdated: dict[str, Outdated],
) -> dict[str, Any]:
    """The report as plain data (it is written as JSON).

    `outdated` comes from `outdated_translations`; `source_commit` is what a
    translator writes in `checked_against` after a change that needed no translation.
    """
    report: dict[str, Any] = {"source_locale": source_locale, "locales": {}}
    for locale in index.locales:
        missing = [
            {
                "key": key,
                "available_in": sorted(versions),
                "source": (versions.get(source_locale) or next(iter(versions.values()))).src_uri,
            }
            for key, versions in index.missing(locale)
        ]
        stale = [
            {
                "key": item.translation.key,
                "translation": item.translation.src_uri,
                "source": item.source.src_uri,
                "source_changed": item.source_changed.isoformat(),
                "source_commit": item.source_commit,
                "translation_changed": item.translation_changed.isoformat(),
            }
            for item in outdated.values()
            if item.translation.locale == locale
        ]
        pages = sum(1 for article in index.articles if article.locale == locale)
        report["locales"][locale] = {"pages": pages, "missing": missing, "outdated": stale}
    return report


def summary_lines(report: dict[str, Any]) -> list[tuple[str, list[str]]]:
    """Per language, one line of counts and the lines naming its pages (for the build log)."""
    lines = []
    for locale, status in report["locales"].items():
        head = (
            f"{locale}: {status['pages']} pages, {len(status['missing'])} missing and "
            f"{len(status['outdated'])} outdated translations"
        )
        details = [f"{locale}: missing '{item['key']}' (source: {item['source']})"
                   for item in status["missing"]]
        details += [
            f"{locale}: outdated {item['translation']} (source {item['source']} changed "
            f"{item['source_changed'][:10]} in {item['source_commit'][:10]}, translation "
            f"{item['translation_changed'][:10]})"
            for item in status["outdated"]
        ]
        lines.append((head, details))
    return lines
