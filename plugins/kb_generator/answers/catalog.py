"""The answers catalog: every FAQ answer and article section of a language as JSON.

Help desks import it as canned replies: each entry has its id, question or
heading, absolute URL, plain-text answer, category, last-updated date and
the ids/URLs of its translations. Documented in README ("Answers catalog").
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class CatalogPage:
    """One page's contribution to the catalog of its language."""

    locale: str
    key: str | None
    title: str
    url: str
    category: str | None
    updated: str | None
    entries: list[dict[str, Any]] = field(default_factory=list)

    @property
    def ids(self) -> set[str]:
        return {entry["id"] for entry in self.entries}


def catalog_entry(
    section_id: str, heading: str, text: str, kind: str, url: str
) -> dict[str, Any]:
    """One answer or section (translations are filled in at the end of the build)."""
    return {
        "id": section_id,
        "kind": kind,
        "question" if kind == "answer" else "heading": heading,
        "url": f"{url}#{section_id}",
        "text": text,
    }


def build_catalogs(pages: list[CatalogPage]) -> dict[str, dict[str, Any]]:
    """Catalog per locale, with translations linked by page key and section id."""
    by_key: dict[str, dict[str, CatalogPage]] = {}
    for page in pages:
        if page.key:
            by_key.setdefault(page.key, {})[page.locale] = page
    catalogs: dict[str, dict[str, Any]] = {}
    for page in sorted(pages, key=lambda p: (p.locale, p.url)):
        catalog = catalogs.setdefault(page.locale, {"locale": page.locale, "answers": []})
        versions = by_key.get(page.key or "", {})
        for entry in page.entries:
            translations = {}
            for locale, version in sorted(versions.items()):
                if locale == page.locale:
                    continue
                if entry["id"] in version.ids:
                    translations[locale] = {
                        "id": entry["id"], "url": f"{version.url}#{entry['id']}"
                    }
                else:
                    translations[locale] = {"id": None, "url": version.url}
            catalog["answers"].append({
                **entry,
                "category": page.category,
                "page": {"title": page.title, "url": page.url, "key": page.key},
                "updated": page.updated,
                "translations": translations,
            })
    return catalogs
