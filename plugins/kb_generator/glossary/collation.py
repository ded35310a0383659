"""Alphabetical order and letter headings per locale, from ICU (CLDR).

Code-point or NFD sorting puts Polish ł after z and Slovak ch among the
c's; ICU's collator and AlphabeticIndex know each language's alphabet
(ł after l, Estonian õ ä ö ü after w, Slovak ch after h).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TypeVar

import icu

T = TypeVar("T")


def sort_key(locale: str) -> Callable[[str], bytes]:
    """A sort key function for `locale`'s alphabetical order."""
    collator = icu.Collator.createInstance(icu.Locale(locale))
    return collator.getSortKey  # type: ignore[no-any-return]


def by_letter(items: Iterable[T], name: Callable[[T], str], locale: str) -> list[tuple[str, list[T]]]:
    """Items sorted alphabetically and grouped under their letter headings."""
    key = sort_key(locale)
    ordered = sorted(items, key=lambda item: key(name(item)))
    index = icu.AlphabeticIndex(icu.Locale(locale))
    for position, item in enumerate(ordered):
        index.addRecord(name(item), position)
    groups: list[tuple[str, list[T]]] = []
    while index.nextBucket():
        members = []
        while index.nextRecord():
            members.append(ordered[index.recordData])
        if members:
            members.sort(key=lambda item: key(name(item)))
            groups.append((index.bucketLabel, members))
    return groups
