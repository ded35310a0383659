"""Writers' front-matter values, which templates print escaped.

Material prints page titles and descriptions as they are (`{{ page.title }}`,
`content="{{ page.meta.description }}"`), so markup in a front-matter title
would become markup in the navigation, the header and every page that lists
it. We mark every text value of the front matter (nested ones too: lists of
tags, mappings) as `PlainText` and make the theme's Jinja environment escape
them when printed. Everywhere else (JSON-LD, catalogs, search, Python) they
stay ordinary strings with the writer's characters. Values a template glues
into a longer string (`"md-status--" ~ status`) lose the mark: those fields
(status, icon, template, hide) only accept identifiers (plugins/kb_generator/core/schema.py).
"""

from __future__ import annotations

from collections.abc import Callable, MutableMapping
from typing import Any

import jinja2
from markupsafe import escape

#: Front-matter fields that are text, never HTML.
PLAIN_FIELDS = ("title", "description", "subtitle")


class PlainText(str):
    """A str the theme must escape when printing it (it is text, not HTML)."""

    __slots__ = ()


def mark_plain_fields(meta: MutableMapping[str, Any]) -> None:
    """Mark every text value of the page's front matter as plain text (idempotent).

    A title-like field that is not text (`title: [a, b]`, reported to the
    writer by kb-translations) becomes its text, so no plugin or template
    trips on it.
    """
    for name, value in list(meta.items()):
        if name in PLAIN_FIELDS and value is not None and not isinstance(value, str):
            if isinstance(value, list | tuple):
                value = ", ".join(str(item) for item in value)
            value = str(value)
        meta[name] = _plain(value)


def _plain(value: Any) -> Any:
    if isinstance(value, PlainText):
        return value
    if isinstance(value, str):
        return PlainText(value)
    if isinstance(value, list):
        return [_plain(item) for item in value]
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    return value


def _finalize(previous: Callable[[Any], Any] | None) -> Callable[[Any], Any]:
    def finalize(value: Any) -> Any:
        if previous is not None:
            value = previous(value)
        return escape(value) if isinstance(value, PlainText) else value

    finalize.kb_plain_text = True  # type: ignore[attr-defined]
    return finalize


def escape_plain_text(env: jinja2.Environment) -> jinja2.Environment:
    """Make `{{ value }}` escape PlainText values (keeps any finalize already set).

    Jinja compiles `finalize` into templates when it loads them, so this runs
    in `on_env`, before MkDocs renders the first page.
    """
    current = env.finalize
    if not getattr(current, "kb_plain_text", False):
        env.finalize = _finalize(current)
    return env
