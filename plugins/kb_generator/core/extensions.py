"""Our Markdown extensions, added once to each loaded configuration.

MkDocs keeps plugin instances that have `on_startup` across `mkdocs serve`
rebuilds (and across builds in one process) while every rebuild loads a
fresh `markdown_extensions` list, so "registered already" is a question
for the configuration, never a flag on the plugin.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from markdown.extensions import Extension
from mkdocs.config.defaults import MkDocsConfig

E = TypeVar("E", bound=Extension)


def added_extension(config: MkDocsConfig, kind: type[E], create: Callable[[], E]) -> E:
    """The configuration's extension of `kind`, created and added on first use."""
    for extension in config.markdown_extensions:
        if isinstance(extension, kind):
            return extension
    extension = create()
    config.markdown_extensions.append(extension)  # type: ignore[arg-type]
    return extension
