"""`kb-translation-status [-f mkdocs.yml] [--json] [--fail-on-missing]`: the report without a build.

Its own module, apart from `status.py` (which the plugin imports to write the
report during a build), so the plugin and the report never import each other.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from mkdocs.config import load_config
from mkdocs.structure.files import get_files

from kb_generator.translations.plugin import TranslationsPlugin


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
    parser = argparse.ArgumentParser(
        description="Translation status: per locale, the missing and the outdated translations.")
    parser.add_argument("-f", "--config-file", default="mkdocs.yml")
    parser.add_argument("--json", action="store_true", help="print JSON instead of text")
    parser.add_argument(
        "--fail-on-missing", action="store_true", help="exit 1 if a translation is missing"
    )
    args = parser.parse_args(argv)

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
