"""Options of kb-scale."""

from __future__ import annotations

from mkdocs.config import config_options as c
from mkdocs.config.base import Config


class ScaleConfig(Config):
    """Configuration of the kb-scale plugin."""

    parallel_languages = c.Type(bool, default=True)
    """Build the other languages in forked processes during `mkdocs build` (not `serve`)."""

    section_nav_limit = c.Type(int, default=60)
    """A section with more pages than this shows only its index page in the navigation."""

    serve_languages = c.ListOfItems(c.Type(str), default=[])
    """Languages `mkdocs serve` builds (all when empty); `KB_SERVE_LANGUAGES=pl,et` overrides."""
