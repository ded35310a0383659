"""Options of kb-locale."""

from __future__ import annotations

from mkdocs.config import config_options as c
from mkdocs.config.base import Config


class LocaleConfig(Config):
    """Configuration of the kb-locale plugin."""

    words_per_minute = c.Type(int, default=200)
    """Reading speed used for the reading time (words of body text per minute)."""

    reading_time_min_words = c.Type(int, default=150)
    """Pages shorter than this show no reading time (indexes, notices)."""

    date_format = c.Choice(("short", "medium", "long", "full"), default="long")
    """Babel date format of the last-updated date."""
