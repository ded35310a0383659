"""Options of kb-glossary."""

from __future__ import annotations

from mkdocs.config import config_options as c
from mkdocs.config.base import Config

from kb_generator.core.config_options import RelativePath


class GlossaryConfig(Config):
    """Configuration of the kb-glossary plugin."""

    source = RelativePath("glossary.yml")
    """File name of the glossary inside each locale folder (`docs/<locale>/glossary.yml`)."""

    page_key = c.Type(str, default="glossary")
    """Translation key of the page (one per locale) that shows the glossary."""

    first_only = c.Type(bool, default=True)
    """Link only the first mention of a term on a page (later ones stay text)."""

    skip_tags = c.ListOfItems(
        c.Type(str),
        default=["h1", "h2", "h3", "h4", "h5", "h6", "a", "code", "pre", "kbd", "script",
                 "style", "abbr", "button", "summary", "dt"],
    )
    """Elements whose text is never linked (headings, code, existing links...)."""

    required_in_all_locales = c.Type(bool, default=True)
    """Warn when a term id exists in one locale's glossary but not in another."""
