"""A sitemap with absolute hreflang alternates and x-default for every page."""

from __future__ import annotations

import gzip
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from xml.sax.saxutils import quoteattr

from kb_generator.translations.index import Article, TranslationIndex


def render_sitemap(
    index: TranslationIndex,
    absolute: Callable[[str], str],
    default_locale: str,
    changed: Callable[[Article], datetime | None],
    hidden: Callable[[Article], bool],
) -> str:
    """XML for every published page, each listing all its translations."""
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
        'xmlns:xhtml="http://www.w3.org/1999/xhtml">',
    ]
    for article in sorted(index.articles, key=lambda a: (a.locale, a.url)):
        if hidden(article):
            continue
        lines.append("  <url>")
        lines.append(f"    <loc>{_text(absolute(article.url))}</loc>")
        stamp = changed(article)
        if stamp is not None:
            lines.append(f"    <lastmod>{stamp.date().isoformat()}</lastmod>")
        versions = index.translations(article.src_uri)
        for locale, version in sorted(versions.items()):
            lines.append(
                f'    <xhtml:link rel="alternate" hreflang={quoteattr(locale)} '
                f"href={quoteattr(absolute(version.url))}/>"
            )
        default = versions.get(default_locale) or versions[article.locale]
        lines.append(
            '    <xhtml:link rel="alternate" hreflang="x-default" '
            f"href={quoteattr(absolute(default.url))}/>"
        )
        lines.append("  </url>")
    lines.append("</urlset>")
    return "\n".join(lines) + "\n"


def write_sitemap(site_dir: str, xml: str) -> None:
    """Write sitemap.xml and a reproducible sitemap.xml.gz (no timestamp)."""
    root = Path(site_dir)
    (root / "sitemap.xml").write_text(xml, encoding="utf-8")
    with open(root / "sitemap.xml.gz", "wb") as raw, gzip.GzipFile(
        filename="", mode="wb", fileobj=raw, mtime=0
    ) as packed:
        packed.write(xml.encode("utf-8"))


def _text(value: str) -> str:
    return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
