"""The answers catalog: every FAQ answer and article section of a language as JSON.

Help desks import it as canned replies: each entry has its id, question or
heading, absolute URL, plain-text answer, category, last-updated date and
the ids/URLs of its translations. Documented in README ("Answers catalog").
"""

from __future__ import annotations

import base64
import json
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any


@dataclass
class CatalogPage:
    """One page's contribution to the catalog of its language.

    Its entries are held compressed (`packed`, zlib and base64: JSON-safe
    for a job's report) until the catalog is written: every answer's text of
    every page of every language, held as dicts to the end of the build,
    grew the build with every article. `ids` link translations.
    """

    locale: str
    key: str | None
    title: str
    url: str
    category: str | None
    updated: str | None
    ids: list[str] = field(default_factory=list)
    packed: str = ""

    @classmethod
    def of(cls, locale: str, key: str | None, title: str, url: str, category: str | None,
           updated: str | None, entries: list[dict[str, Any]]) -> CatalogPage:
        text = json.dumps(entries, ensure_ascii=False).encode("utf-8", "surrogatepass")
        return cls(locale, key, title, url, category, updated, [entry["id"] for entry in entries],
                   base64.b64encode(zlib.compress(text, 1)).decode("ascii"))

    @property
    def entries(self) -> list[dict[str, Any]]:
        if not self.packed:
            return []
        text = zlib.decompress(base64.b64decode(self.packed)).decode("utf-8", "surrogatepass")
        return json.loads(text)  # type: ignore[no-any-return]


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


def _answers(page: CatalogPage, versions: dict[str, CatalogPage]) -> Iterator[dict[str, Any]]:
    """The page's entries as the catalog lists them, with their translations."""
    for entry in page.entries:
        translations = {}
        for locale, version in sorted(versions.items()):
            if locale == page.locale:
                continue
            if entry["id"] in version.ids:
                translations[locale] = {"id": entry["id"], "url": f"{version.url}#{entry['id']}"}
            else:
                translations[locale] = {"id": None, "url": version.url}
        yield {
            **entry,
            "category": page.category,
            "page": {"title": page.title, "url": page.url, "key": page.key},
            "updated": page.updated,
            "translations": translations,
        }


def _by_key(pages: Iterable[CatalogPage]) -> dict[str, dict[str, CatalogPage]]:
    by_key: dict[str, dict[str, CatalogPage]] = {}
    for page in pages:
        if page.key:
            by_key.setdefault(page.key, {})[page.locale] = page
    return by_key


def build_catalogs(pages: list[CatalogPage]) -> dict[str, dict[str, Any]]:
    """Catalog per locale, with translations linked by page key and section id."""
    by_key = _by_key(pages)
    catalogs: dict[str, dict[str, Any]] = {}
    for page in sorted(pages, key=lambda p: (p.locale, p.url)):
        catalog = catalogs.setdefault(page.locale, {"locale": page.locale, "answers": []})
        catalog["answers"].extend(_answers(page, by_key.get(page.key or "", {})))
    return catalogs


def catalog_texts(pages: list[CatalogPage]) -> Iterator[tuple[str, Iterator[str]]]:
    """(locale, the pieces of its catalog file): `build_catalogs`' JSON, one answer at a time.

    The text is exactly `json.dumps(catalog, ensure_ascii=False, indent=1,
    sort_keys=True) + "\n"` (tested), without holding a language's catalog:
    `answers` sorts before `locale`, and JSON strings hold no line breaks,
    so an answer dumped alone is indented by its depth line by line.
    """
    by_key = _by_key(pages)
    ordered = sorted(pages, key=lambda p: (p.locale, p.url))
    for locale in dict.fromkeys(page.locale for page in ordered):
        yield locale, _catalog_text(locale, [p for p in ordered if p.locale == locale], by_key)


def _catalog_text(locale: str, pages: list[CatalogPage],
                  by_key: dict[str, dict[str, CatalogPage]]) -> Iterator[str]:
    first = True
    for page in pages:
        for answer in _answers(page, by_key.get(page.key or "", {})):
            text = json.dumps(answer, ensure_ascii=False, indent=1, sort_keys=True)
            yield ("{\n \"answers\": [\n" if first else ",\n") + "  " + text.replace("\n", "\n  ")
            first = False
    locale_text = json.dumps(locale, ensure_ascii=False)
    yield ('{\n \"answers\": [],\n' if first else "\n ],\n") + f' "locale": {locale_text}\n}}\n'
