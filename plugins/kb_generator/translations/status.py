"""Translation status: per locale, the missing and the outdated translations.

A translation is outdated when its source-language version changed in git
after the translation's own last change (the rule Lunaria and Zendesk use),
unless it was checked against that change (see `outdated.py`).
Run as `kb-translation-status [-f mkdocs.yml] [--json]`; the build also
writes the same report to the site root.
"""

from __future__ import annotations

import argparse
import json
import sys
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


def format_status(report: dict[str, Any]) -> str:
    """The report as text for a terminal."""
    out = [f"Source language: {report['source_locale']}"]
    for locale, status in report["locales"].items():
        out.append(
            f"\n[{locale}] {status['pages']} pages, {len(status['missing'])} missing, "
            f"{len(status['outdated'])} outdated"
        )
        for item in status["missing"]:
            out.append(f"  missing   {item['key']}  (source: {item['source']})")
        for item in status["outdated"]:
            out.append(
                f"  outdated  {item['translation']}  (source {item['source']} changed "
                f"{item['source_changed'][:10]} in commit {item['source_commit'][:10]}, "
                f"translation {item['translation_changed'][:10]})"
            )
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    """Print the status of a site's translations without building it."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-f", "--config-file", default="mkdocs.yml")
    parser.add_argument("--json", action="store_true", help="print JSON instead of text")
    parser.add_argument(
        "--fail-on-missing", action="store_true", help="exit 1 if a translation is missing"
    )
    args = parser.parse_args(argv)

    from mkdocs.config import load_config
    from mkdocs.structure.files import get_files

    from kb_generator.translations.plugin import TranslationsPlugin

    config = load_config(args.config_file)
    plugin = next(
        (p for p in config.plugins.values() if isinstance(p, TranslationsPlugin)), None
    )
    if plugin is None:
        print(f"{args.config_file} does not use the kb-translations plugin", file=sys.stderr)
        return 2
    report = plugin.status_for(config, get_files(config))
    print(json.dumps(report, ensure_ascii=False, indent=2) if args.json else format_status(report))
    missing = any(status["missing"] for status in report["locales"].values())
    return 1 if args.fail_on_missing and missing else 0


if __name__ == "__main__":
    sys.exit(main())
