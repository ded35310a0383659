"""Options of kb-translations."""

from __future__ import annotations

from mkdocs.config import config_options as c
from mkdocs.config.base import Config

from kb_generator.core.config_options import RelativePath


class TranslationsConfig(Config):
    """Configuration of the kb-translations plugin."""

    key_field = c.Type(str, default="key")
    """Front-matter field whose value links the translations of one page."""

    required_fields = c.ListOfItems(c.Type(str), default=["title", "description", "key"])
    """Front-matter fields every page must have."""

    extra_fields = c.ListOfItems(c.Type(str), default=[])
    """Front-matter fields allowed on top of the built-in ones (others are flagged)."""

    missing_translation = c.Choice(("warn", "info", "ignore"), default="warn")
    """How to report a page that lacks a translation: `warn` fails `--strict`."""

    prefix_default_language = c.Type(bool, default=True)
    """Publish the default language under its own prefix (`/pl/`) like the others."""

    language_chooser = c.Type(bool, default=True)
    """Write a language chooser to the site root (redirects by browser language)."""

    notice_page = RelativePath("translation-missing")
    """Path (per locale) of the localized page shown for a missing translation."""

    outdated_notice = c.Type(bool, default=True)
    """Tell readers of an outdated translation that the original changed, with a link to it."""

    outdated_notice_after_days = c.Type(int, default=0)
    """Show that notice only once the original's change is this many days older than the
    built commit (a grace period for translators; dates from git, never the clock)."""

    status_report = RelativePath("translation-status.json")
    """File in the site root listing missing and outdated translations."""

    slugify = c.Type(bool, default=True)
    """Install a heading slugifier that folds letters (ł -> l) instead of dropping them."""
