"""One typed schema for every front-matter field a writer may use.

Each field is registered once (`FIELDS`, `register_field`) with a check that
turns the YAML value into the value the plugins and the theme read, or says,
in a writer's words, what is wrong and what is allowed. kb-translations runs
it once per file for the whole site and publishes only the values that
passed, so a wrong value never reaches a plugin or a template: `--strict`
fails on the message, and without it the field is left out.

Hand-written rather than a validation library: the messages must read as
`file:line: field: what is wrong; what is allowed` for writers, and some
checks need the site (keys of a language, the theme's templates and icons),
which a type library cannot express without the same code around it.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any


class Invalid(Exception):
    """A value a writer wrote does not fit its field; the message says why and what fits."""


@dataclass(frozen=True)
class SiteFacts:
    """What some checks need to know about the site (and the page's language)."""

    locale: str = ""
    keys: frozenset[str] = frozenset()  # translation keys of the page's language
    template_exists: Callable[[str], bool] = lambda name: True
    icon_exists: Callable[[str], bool] = lambda name: True
    statuses: frozenset[str] = frozenset()  # `extra.status` of mkdocs.yml; empty: any identifier


Check = Callable[[Any, SiteFacts], Any]


@dataclass(frozen=True)
class FieldSpec:
    """A front-matter field: its check (returns the value to publish) and what it accepts."""

    name: str
    check: Check
    allowed: str


#: Every front-matter field we (or Material) read; register new ones with `register_field`.
FIELDS: dict[str, FieldSpec] = {}


def register_field(name: str, check: Check, allowed: str) -> None:
    """Add (or replace) a field of the schema: the one place a new field is declared."""
    FIELDS[name] = FieldSpec(name, check, allowed)


def check_field(spec: FieldSpec, value: Any, facts: SiteFacts) -> Any:
    """The published value of a field, or Invalid with `field: problem; allowed`."""
    try:
        return spec.check(value, facts)
    except Invalid as error:
        raise Invalid(f"{spec.name}: {error}; {spec.allowed}") from None


# -- building blocks ------------------------------------------------------------

def shown(value: Any) -> str:
    """A writer's value quoted in a message, short and on one line."""
    text = repr(value) if isinstance(value, str) else str(value)
    text = " ".join(text.split())
    return text if len(text) <= 60 else text[:57] + "..."


def _kind(value: Any) -> str:
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    if value is None:
        return "empty"
    return type(value).__name__


def text(value: Any, facts: SiteFacts) -> str:
    """Text on one line or more (never a list or mapping); `required_fields` reports empty ones."""
    if not isinstance(value, str):
        raise Invalid(f"{shown(value)} is {_kind(value)}, not text")
    return value


def key_text(value: Any, facts: SiteFacts) -> str:
    """A translation key: text or a number, without spaces at its ends."""
    if isinstance(value, bool) or not isinstance(value, str | int):
        raise Invalid(f"{shown(value)} is {_kind(value)}")
    key = str(value)
    if not key.strip() or key != key.strip():
        raise Invalid(f"{shown(key)} is empty or starts or ends with a space")
    return key


def boolean(value: Any, facts: SiteFacts) -> bool:
    """true or false, as YAML writes them (never the text "false")."""
    if not isinstance(value, bool):
        quoted = " in quotes" if isinstance(value, str) else ""
        raise Invalid(f"{shown(value)} is {_kind(value)}{quoted}, not true or false")
    return value


def pattern(regex: str, what: str) -> Check:
    """Text that matches `regex` in full (identifiers printed in HTML attributes)."""
    compiled = re.compile(regex)

    def check(value: Any, facts: SiteFacts) -> str:
        if not isinstance(value, str) or not compiled.fullmatch(value):
            raise Invalid(f"{shown(value)} is not {what}")
        return value

    return check


def list_of(item: Check, *, unique: bool = False) -> Check:
    """A YAML list (`[a, b]`), each item checked; a lone value is refused, not split."""

    def check(value: Any, facts: SiteFacts) -> list[Any]:
        if not isinstance(value, list):
            raise Invalid(f"{shown(value)} is {_kind(value)}, not a list (write [a, b])")
        items = []
        for position, entry in enumerate(value, 1):
            try:
                checked = item(entry, facts)
            except Invalid as error:
                raise Invalid(f"item {position}: {error}") from None
            if unique and checked in items:
                raise Invalid(f"item {position}: {shown(entry)} is listed twice")
            items.append(checked)
        return items

    return check


def choice(values: Iterable[str]) -> Check:
    """One of a fixed set of words."""
    allowed = tuple(values)

    def check(value: Any, facts: SiteFacts) -> str:
        if value not in allowed:
            raise Invalid(f"{shown(value)} is not one of {', '.join(allowed)}")
        return str(value)

    return check


def finite_number(low: float, high: float) -> Check:
    """A real number with low < value <= high (never .nan or .inf)."""

    def check(value: Any, facts: SiteFacts) -> float:
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise Invalid(f"{shown(value)} is {_kind(value)}, not a number")
        if not math.isfinite(value) or not low < value <= high:
            raise Invalid(f"{shown(value)} is out of range")
        return float(value)

    return check


def mapping(keys: dict[str, Check]) -> Check:
    """A mapping with only the listed keys, each checked."""

    def check(value: Any, facts: SiteFacts) -> dict[str, Any]:
        if not isinstance(value, dict):
            raise Invalid(f"{shown(value)} is {_kind(value)}, not a mapping")
        result = {}
        for name, entry in value.items():
            if name not in keys:
                raise Invalid(f"unknown key {shown(name)}")
            try:
                result[str(name)] = keys[name](entry, facts)
            except Invalid as error:
                raise Invalid(f"{name}: {error}") from None
        return result

    return check


def any_mapping(value: Any, facts: SiteFacts) -> dict[str, Any]:
    """A mapping (its keys belong to another tool)."""
    if not isinstance(value, dict):
        raise Invalid(f"{shown(value)} is {_kind(value)}, not a mapping")
    return value


# -- the fields ----------------------------------------------------------------

#: A heading id as `{#id}` and toc write it.
_ID = r"[A-Za-z0-9_][A-Za-z0-9_.:-]*"
#: One folder or file name of a redirect path: no control characters or URL syntax.
_SEGMENT = re.compile(r"[^\x00-\x1f\x7f/\\:*?\"<>|#%]+")


def related_keys(value: Any, facts: SiteFacts) -> list[str]:
    """Keys of other pages in the same language, each of which must exist."""
    keys = list_of(key_text, unique=True)(value, facts)
    for key in keys:
        if facts.keys and key not in facts.keys:
            raise Invalid(f"{shown(key)} is not the key of any page in '{facts.locale}'")
    return keys


def renamed_ids(value: Any, facts: SiteFacts) -> dict[str, str]:
    """Old heading id -> the id that replaced it (checked against the page once rendered)."""
    if not isinstance(value, dict):
        raise Invalid(f"{shown(value)} is {_kind(value)}, not a mapping")
    ids = re.compile(_ID)
    result = {}
    for old, new in value.items():
        if not isinstance(old, str) or not ids.fullmatch(old):
            raise Invalid(f"old id {shown(old)} is not an id")
        if not isinstance(new, str) or not ids.fullmatch(new):
            raise Invalid(f"new id {shown(new)} of {shown(old)} is not an id")
        if old == new:
            raise Invalid(f"{shown(old)} is renamed to itself")
        result[old] = new
    if set(result) & set(result.values()):
        both = sorted(set(result) & set(result.values()))[0]
        raise Invalid(f"{shown(both)} is both an old and a new id")
    return result


def redirect_path(value: Any, facts: SiteFacts) -> str:
    """A `.md` path relative to the language folder, inside it."""
    if not isinstance(value, str):
        raise Invalid(f"{shown(value)} is {_kind(value)}, not a path")
    segments = value.split("/")
    if (
        not value.endswith(".md") or value.startswith("/")
        or any(segment in ("", ".", "..") or not _SEGMENT.fullmatch(segment)
               for segment in segments)
    ):
        raise Invalid(f"{shown(value)} is not a .md path inside the language folder")
    return value


def template_name(value: Any, facts: SiteFacts) -> str:
    """An HTML template of the theme."""
    name = pattern(r"[A-Za-z0-9_-]+(/[A-Za-z0-9_-]+)*\.html", "a template file name")(value, facts)
    if not facts.template_exists(name):
        raise Invalid(f"{shown(name)} is not a template of the theme")
    return name


def icon_name(value: Any, facts: SiteFacts) -> str:
    """An icon Material bundles (or the theme's overrides add)."""
    name = pattern(r"[a-z0-9_-]+(/[a-z0-9_-]+)+", "an icon name")(value, facts)
    if not facts.icon_exists(name):
        raise Invalid(f"{shown(name)} is not an icon of the theme")
    return name


def status_name(value: Any, facts: SiteFacts) -> str:
    """A status Material shows in the navigation (`extra.status` of mkdocs.yml when set)."""
    name = pattern(r"[a-z0-9][a-z0-9_-]*", "a status name")(value, facts)
    if facts.statuses and name not in facts.statuses:
        raise Invalid(f"{shown(name)} is not a status of this site")
    return name


HIDE = ("navigation", "toc", "footer", "feedback", "path", "tags")

for _name, _check, _allowed in (
    ("title", text, "write the title as text"),
    ("description", text, "write one sentence of text"),
    ("subtitle", text, "write the subtitle as text"),
    ("key", key_text, "write the translation key as text, the same in every language"),
    ("category", text, "write the category name as text"),
    ("related", related_keys, "write a list of keys of pages in the same language: [key-a, key-b]"),
    ("faq", boolean, "write true or false, without quotes"),
    ("glossary", boolean, "write true or false, without quotes"),
    ("reading_time", boolean, "write true or false, without quotes"),
    ("renamed_ids", renamed_ids,
     "write old heading ids mapped to the ids that replaced them: {old-id: new-id}"),
    ("redirect_from", list_of(redirect_path, unique=True),
     "write a list of old .md paths relative to the language folder: [help/old-page.md]"),
    ("tags", list_of(text, unique=True), "write a list of tags: [tag-a, tag-b]"),
    ("hide", list_of(choice(HIDE), unique=True), f"write a list of: {', '.join(HIDE)}"),
    ("template", template_name, "name an HTML template of the theme, e.g. main.html"),
    ("icon", icon_name, "name an icon of the theme, e.g. material/book-open"),
    ("status", status_name, "write a status such as new or deprecated"),
    ("search", mapping({"boost": finite_number(0, 100), "exclude": boolean}),
     "write `search: {exclude: true}` or `search: {boost: 0.5}` (a number above 0, at most 100)"),
    ("robots", text, "write robots directives as text, e.g. noindex"),
    ("social", any_mapping, "write the social card settings as a mapping"),
):
    register_field(_name, _check, _allowed)


@dataclass
class Checked:
    """The fields of one page that passed, and a message for each that did not."""

    fields: dict[str, Any] = field(default_factory=dict)
    problems: list[tuple[str, str]] = field(default_factory=list)  # (field, message)


def check_fields(
    fields: dict[str, Any], facts: SiteFacts, *, aliases: dict[str, str] | None = None,
    extra: Iterable[str] = (),
) -> Checked:
    """Check every field of one page; unknown fields are left to the caller."""
    aliases = aliases or {}
    extras = set(extra)
    checked = Checked()
    for name, value in fields.items():
        if value is None:
            continue  # `field:` with nothing after it: as if absent (required_fields reports it)
        spec = FIELDS.get(aliases.get(name, name))
        if spec is None:
            if name in extras:
                checked.fields[name] = value
            continue
        if aliases.get(name, name) != name:
            spec = FieldSpec(name, spec.check, spec.allowed)
        try:
            checked.fields[name] = check_field(spec, value, facts)
        except Invalid as error:
            checked.problems.append((name, str(error)))
    return checked
