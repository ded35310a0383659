"""Writers' plain text (titles, descriptions) that templates print escaped.

Material prints page titles and descriptions as they are (`{{ page.title }}`,
`content="{{ page.meta.description }}"`), so markup in a front-matter title
would become markup in the navigation, the header and every page that lists
it. We mark such values as `PlainText` and make the theme's Jinja environment
escape them when printed. Everywhere else (JSON-LD, catalogs, search, Python)
they stay ordinary strings with the writer's characters.
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
    """Mark the page's text fields as plain text (idempotent).

    A field that is not text (`title: [a, b]`, reported to the writer by
    kb-translations) becomes its text, so no plugin or template trips on it.
    """
    for name in PLAIN_FIELDS:
        value = meta.get(name)
        if value is None or isinstance(value, PlainText):
            continue
        if isinstance(value, list | tuple):
            value = ", ".join(str(item) for item in value)
        meta[name] = PlainText(str(value))


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
