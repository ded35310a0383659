"""Rule tables: the data both stemmer implementations interpret.

``data/<locale>.json`` is the single source of truth for a language. The
Python stemmer and ``assets/morphology.js`` read the same file with the same
semantics, so build-time keys and browser keys cannot drift apart:

- ``min_length``: words with fewer code points are returned unchanged.
- ``exceptions``: whole (lowercased) word -> lemma, substituted before
  anything else; the lemma then goes through the steps like any word, so
  an irregular form (Estonian ``aja``) gets exactly its lemma's stem.
- ``families`` (optional): ``[ending, ending, min_stem]`` pairs of
  derivational families; a key ending in one, with at least ``min_stem``
  code points before it, has a relative ending in the other (search's
  query-time expansion; never part of a key).
- ``steps``: applied in order. In each step the longest rule suffix that
  ends the word *and* leaves at least ``min_stem`` code points before it is
  replaced by its replacement; at most one rule fires per step.

Suffixes are lowercase and inside the Basic Multilingual Plane, so a suffix
has the same length in code points (Python) and UTF-16 units (JavaScript).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

__all__ = [
    "DATA_DIR",
    "SUPPORTED_LOCALES",
    "Rule",
    "RuleTable",
    "Step",
    "base_locale",
    "browser_step",
    "browser_table",
    "load_table",
    "pack_rules",
    "parse_table",
    "table_json",
]

DATA_DIR = Path(__file__).parent / "data"
SUPPORTED_LOCALES = ("pl", "et", "sk")


@dataclass(frozen=True)
class Rule:
    """Replace ``suffix`` by ``replacement`` if ``min_stem`` code points remain before it."""

    suffix: str
    replacement: str
    min_stem: int


@dataclass(frozen=True)
class Step:
    """One pass over the word end: rules indexed by suffix for O(max_len) lookup."""

    name: str
    rules: dict[str, Rule]
    max_len: int


@dataclass(frozen=True)
class RuleTable:
    """A parsed, validated rule table for one locale (generic: no steps)."""

    locale: str
    min_length: int = 1_000_000
    exceptions: dict[str, str] = field(default_factory=dict)
    steps: tuple[Step, ...] = ()
    families: tuple[tuple[str, str, int], ...] = ()


def _fail(locale: str, message: str) -> ValueError:
    return ValueError(f"morphology table {locale!r}: {message}")


def _bmp_lower(text: str) -> bool:
    return text == text.lower() and all(ord(c) < 0x10000 for c in text)


def parse_table(raw: dict[str, Any]) -> RuleTable:
    """Validate a decoded JSON table; errors name the locale and the rule."""
    locale = str(raw.get("locale", "?"))
    min_length = raw.get("min_length")
    if not isinstance(min_length, int) or min_length < 1:
        raise _fail(locale, "min_length must be a positive integer")
    exceptions = raw.get("exceptions", {})
    if not isinstance(exceptions, dict) or not all(
        isinstance(k, str) and isinstance(v, str) and _bmp_lower(k) and _bmp_lower(v)
        for k, v in exceptions.items()
    ):
        raise _fail(locale, "exceptions must map lowercase words to lowercase lemmas")
    families: list[tuple[str, str, int]] = []
    for item in raw.get("families", []):
        if not (isinstance(item, list) and len(item) == 3 and item[0] != item[1]
                and all(isinstance(e, str) and _bmp_lower(e) for e in item[:2])
                and isinstance(item[2], int) and item[2] >= 1):
            raise _fail(locale, f"family {item!r} is not [ending, other ending, min_stem >= 1]")
        families.append((item[0], item[1], item[2]))
    steps: list[Step] = []
    for index, raw_step in enumerate(raw.get("steps", [])):
        name = str(raw_step.get("name", index))
        rules: dict[str, Rule] = {}
        for item in raw_step["rules"]:
            if not (isinstance(item, list) and len(item) == 3):
                raise _fail(locale, f"step {name}: rule {item!r} is not [suffix, replacement, min_stem]")
            suffix, replacement, min_stem = item
            if not (isinstance(suffix, str) and suffix and _bmp_lower(suffix)):
                raise _fail(locale, f"step {name}: bad suffix {suffix!r}")
            if not (isinstance(replacement, str) and _bmp_lower(replacement)):
                raise _fail(locale, f"step {name}: bad replacement {replacement!r}")
            if not (isinstance(min_stem, int) and min_stem >= 0):
                raise _fail(locale, f"step {name}: min_stem of {suffix!r} must be >= 0")
            if suffix in rules:
                raise _fail(locale, f"step {name}: duplicate suffix {suffix!r}")
            rules[suffix] = Rule(suffix, replacement, min_stem)
        steps.append(Step(name, rules, max((len(s) for s in rules), default=0)))
    return RuleTable(locale, min_length, dict(exceptions), tuple(steps), tuple(families))


def table_json(locale: str) -> str | None:
    """Raw JSON text of a locale's table (what the build ships to the browser)."""
    locale = base_locale(locale)
    path = DATA_DIR / f"{locale}.json"
    return path.read_text(encoding="utf-8") if locale in SUPPORTED_LOCALES else None


#: What a packed rule may not contain: the separators of its entries and fields.
PACKED_SEPARATORS = frozenset(" ,")


def pack_rules(locale: str, rules: Iterable[Sequence[Any]]) -> str:
    """One step's rules as the browser reads them: sorted by suffix, one string.

    Entries ``suffix,keep,added[,min_stem]`` are joined by spaces: the
    replacement is the suffix's first ``keep`` letters then ``added``, and
    ``min_stem`` is left out when 0. morphology.js binary-searches this
    string where it is instead of building an object of every rule: for the
    Polish table (34,381 rules) parsing and indexing the rules as JSON arrays
    took 30-40 ms of CPU before the first query (node 20), this form 4-6 ms,
    and it is 18 % smaller gzipped (145 -> 119 kB). Sorted by UTF-16 code
    unit, which for the table's BMP suffixes is Python's order.
    """
    entries = []
    for suffix, replacement, min_stem in sorted(tuple(rule) for rule in rules):
        if PACKED_SEPARATORS & (set(suffix) | set(replacement)):
            raise _fail(locale, f"rule {suffix!r} -> {replacement!r}: a space or comma cannot be packed")
        keep = 0
        while keep < min(len(suffix), len(replacement)) and suffix[keep] == replacement[keep]:
            keep += 1
        entries.append(f"{suffix},{keep},{replacement[keep:]}" + (f",{min_stem}" if min_stem else ""))
    return " ".join(entries)


def browser_step(locale: str, step: dict[str, Any]) -> dict[str, Any]:
    """One step as the browser gets it: its rules packed (`pack_rules`) and the longest suffix's length."""
    return {**step, "rules": pack_rules(locale, step["rules"]),
            "max_length": max((len(rule[0]) for rule in step["rules"]), default=0)}


def browser_table(locale: str) -> dict[str, Any] | None:
    """A locale's table as the browser gets it (`browser_step` per step); None: no table."""
    text = table_json(locale)
    if text is None:
        return None
    load_table(locale)  # the checks of the build's own table
    raw = json.loads(text)
    locale = str(raw.get("locale", locale))
    return {**raw, "steps": [browser_step(locale, step) for step in raw.get("steps", [])]}


def base_locale(locale: str) -> str:
    """Language part of a locale tag (``pl_PL``, ``pl-PL`` -> ``pl``)."""
    return locale.lower().replace("_", "-").split("-", 1)[0]


@cache
def load_table(locale: str) -> RuleTable:
    """Parsed table for a locale; unknown locales get the generic (no-stemming) table."""
    locale = base_locale(locale)
    text = table_json(locale)
    if text is None:
        return RuleTable(locale)
    return parse_table(json.loads(text))
